// Writes a large, valid Alliances store (`.alliances/`) for the benchmark, directly as JSON files in the
// shape the Store writes them (pretty-printed, final newline, ids that match the file names), which is
// much faster than going through Store.addCheckIn 50,000 times. The driver loads the result with the
// real Store afterwards and refuses to measure if a single file is reported as a problem.
//
//   node scripts/bench/generateStore.mjs <folder> [partners=1000] [checkIns=50000]
//
// Talking points (1 per 10 check-ins) and follow-ups (1 per 5) are added when the caller passes their
// folders (the driver takes them from the compiled src/core/storeLayout.js, so the layout is the store's).
// The ecosystem web: 2 partners in 5 have an organisation and half have tags, 1 check-in in 10 is a group
// check-in (2 to 4 partners from the first one's usual circle, a teammate present in a third of them),
// and there is one connection per 2 partners. Those come from a second seeded generator, so the rest of the data is what it was before.
//
// Deterministic apart from the random half of the ids (names, dates, kinds, ratings come from a seeded
// generator), so two runs measure the same shape of data.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ulid } from 'ulid';

const DAY_MS = 86_400_000;

/** The Store's own file layout and text format (src/core/storeLayout.ts, serialise() in store.ts). */
const serialise = (value) => `${JSON.stringify(value, null, 2)}\n`;

/** Departments typed by hand in real stores, beside the ones Add Partner offers (src/core/vocabulary.ts). */
const TYPED_DEPARTMENTS = ['Legal', 'Finance', 'People Ops'];
const ROLES = [
  'Director of Product',
  'Senior Product Manager',
  'Staff Product Designer',
  'UX Researcher',
  'Account Executive',
  'Sales Engineer',
  'Product Marketing Manager',
  'Customer Success Lead',
  'Support Operations Manager',
  'Data Science Manager',
  'Security Engineering Lead',
  'Account Manager',
  'VP Engineering',
  'Head of Legal',
  'Finance Business Partner',
  'HR Business Partner',
  'Solutions Architect',
  'Growth Lead',
];
const FIRST = [
  'Dana',
  'Priya',
  'Marcus',
  'Sofia',
  'Kwame',
  'Hannah',
  'Leo',
  'Aisha',
  'Jonas',
  'Elena',
  'Tom',
  'Mei',
  'Omar',
  'Lucía',
  'Nikolai',
  'Zoë',
  'Chidi',
  'Ingrid',
  'Rahul',
  'Beatriz',
  'Yuki',
  'Fatima',
  'Søren',
  'Amara',
  'Diego',
  'Ana',
  'Wei',
  'Olga',
  'Kofi',
  'Emma',
];
const LAST = [
  'Whitfield',
  'Raman',
  'Ortega',
  'Lindqvist',
  'Mensah',
  'Okafor',
  'Tanaka',
  'Karim',
  'Berg',
  'Petrova',
  'Becker',
  'Chen',
  'Haddad',
  'García',
  'Ivanov',
  'Müller',
  'Okeke',
  'Johansson',
  'Gupta',
  'Silva',
  'Sato',
  'Rahman',
  'Nielsen',
  'Adeyemi',
  'Rossi',
  'Kowalski',
  'Zhang',
  'Novak',
  'Boateng',
  'Dubois',
];
const TOPICS = [
  'the Q3 launch checklist',
  'SSO for enterprise deals',
  'the billing migration',
  'onboarding drop-off',
  'the audit log',
  'export performance',
  'pricing experiments',
  'the support escalation path',
  'the design system tokens',
  'API rate limits',
  'the renewal forecast',
  'incident follow-ups',
  'the data retention policy',
  'roadmap trade-offs',
  'hiring for the platform team',
];
const VERBS = [
  'Agreed on',
  'Walked through',
  'Worried about',
  'Asked for help with',
  'Offered to help with',
  'Reviewed',
  'Disagreed (kindly) about',
  'Shared an update on',
  'Planned next steps for',
  'Escalated',
];
const KINDS = ['one-on-one', 'help-me', 'ad-hoc', 'async'];
const ORGANISATIONS = [
  'Northwind Cloud',
  'Acme Retail',
  'Globex Payments',
  'Initech',
  'Umbrella Analytics',
  'Contoso University',
  'Fabrikam Logistics',
  'Brightline Agency',
  'Tailspin Travel',
  'Wide World Importers',
  'Litware Security',
  'Proseware Labs',
];
const TAGS = ['exec', 'launch-q1', 'platform', 'renewal', 'design-partner', 'beta', 'emea', 'apac', 'sso', 'billing'];
const CONNECTION_KINDS = ['works-with', 'works-with', 'reports-to', 'introduced', 'mentors'];
/** Of the check-ins, the share that is a group check-in; connections per partner. */
const GROUP_SHARE = 0.1;
const CONNECTIONS_PER_PARTNER = 0.5;
const TEAM = [
  { name: 'Alex Morgan', email: 'alex.morgan@example.com' },
  { name: 'Sam Lee', email: 'sam.lee@example.com' },
  { name: 'Jordan Patel', email: 'jordan.patel@example.com' },
  { name: 'Riley Chen' },
  { name: 'Casey Novak', email: 'casey.novak@example.com' },
];

/** mulberry32: small, fast, seeded. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * What the generator takes from the compiled src/core (tsc into .cache/bench/out, as the driver does), so
 * the file layout, the slugs and the departments are the store's own, never a copy.
 */
export function compiledCore(compiledRoot) {
  const require = createRequire(import.meta.url);
  const load = (name) => require(path.join(compiledRoot, 'src', 'core', `${name}.js`));
  return {
    kindFolders: load('storeLayout').KIND_FOLDERS,
    slugify: load('slug').slugify,
    departments: [...load('vocabulary').DEPARTMENTS, ...TYPED_DEPARTMENTS],
  };
}

/** The Store's id: a ULID (time + randomness), lowercase. */
const newId = (time) => ulid(time).toLowerCase();

const localDate = (date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/**
 * Creates `<folder>/.alliances` with `partners` partners and `checkIns` check-ins spread over the last
 * three years. Returns what it wrote (paths included), so the benchmark can pick files to change.
 */
export function generateStore(
  folder,
  {
    partners = 1000,
    checkIns = 50_000,
    talkingPoints = Math.round(checkIns / 10),
    followUps = Math.round(checkIns / 5),
    /** compiledCore(): the folder per record kind (kinds it lacks are not generated), slugify, departments. */
    connections = Math.round(partners * CONNECTIONS_PER_PARTNER),
    groupShare = GROUP_SHARE,
    core,
    now = new Date(),
    seed = 20261121,
  } = {},
) {
  const { kindFolders, slugify, departments } = core;
  const random = seeded(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  // The web's own generator: organisations, tags, groups and connections leave `random`'s sequence alone.
  const web = seeded(seed + 1);
  const pickWeb = (list) => list[Math.floor(web() * list.length)];
  const root = path.join(folder, '.alliances');
  const started = Date.now();
  mkdirSync(path.join(root, kindFolders.partner), { recursive: true });
  writeFileSync(path.join(root, '.gitignore'), '# Alliances: private notes and temporary files never go into git.\nprivate/\n.*.tmp\n');
  const storeCreated = new Date(now.getTime() - 3 * 365 * DAY_MS);
  writeFileSync(
    path.join(root, 'alliances.json'),
    serialise({ format: 'alliances', schemaVersion: 1, createdAt: storeCreated.toISOString() }),
  );

  const partnerRecords = [];
  const partnerFiles = [];
  for (let i = 0; i < partners; i++) {
    // Added between three years and two weeks ago; the newest few have no check-in yet.
    const createdAt = new Date(storeCreated.getTime() + Math.floor(random() * (3 * 365 - 14) * DAY_MS));
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const author = pick(TEAM);
    const record = {
      schemaVersion: 1,
      id: newId(createdAt.getTime()),
      name,
      role: pick(ROLES),
      department: pick(departments),
      ...(random() < 0.6 ? { email: `${slugify(name).replace(/-/g, '.')}@example.com` } : {}),
      ...(random() < 0.8 ? { cadenceDays: pick([7, 14, 14, 21, 30, 30, 60, 90]) } : {}),
      createdAt: createdAt.toISOString(),
      updatedAt: createdAt.toISOString(),
      author,
    };
    if (random() < 0.2) record.leads = [pick(TOPICS), pick(TOPICS)].filter((v, k, all) => all.indexOf(v) === k);
    if (web() < 0.4) record.organisation = pickWeb(ORGANISATIONS);
    if (web() < 0.5)
      record.tags = [pickWeb(TAGS), pickWeb(TAGS), pickWeb(TAGS)]
        .slice(0, 1 + Math.floor(web() * 3))
        .filter((v, k, all) => all.indexOf(v) === k);
    const roll = random();
    if (roll < 0.03) {
      record.snoozedUntil = localDate(new Date(now.getTime() + (1 + Math.floor(random() * 20)) * DAY_MS));
      record.updatedAt = now.toISOString();
      record.updatedBy = pick(TEAM);
    } else if (roll < 0.08) {
      record.archived = true;
      record.updatedAt = now.toISOString();
      record.updatedBy = pick(TEAM);
    }
    const file = path.join(root, kindFolders.partner, `${slugify(name)}-${record.id}.json`);
    writeFileSync(file, serialise(record));
    partnerRecords.push(record);
    partnerFiles.push(file);
  }

  // Check-ins: each partner gets a share weighted by a random activity level (a few get none).
  const weights = partnerRecords.map(() => (random() < 0.02 ? 0 : 0.2 + random() * 1.8));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w / total), 0);
  const checkInFiles = [];
  const checkInsOf = partnerRecords.map(() => []);
  const years = new Set();
  const active = partnerRecords.filter((p) => !p.archived);
  const activeIn = new Map();
  for (const p of active) activeIn.set(p.department, [...(activeIn.get(p.department) ?? []), p]);
  // Groups recur (the product trio meets every other week): each partner has a circle of 2 or 3 usual
  // co-attendees, mostly of their department, and a group check-in takes 1 to 3 of them.
  const circles = new Map(
    partnerRecords.map((p) => {
      const sameDepartment = activeIn.get(p.department) ?? [];
      const circle = [];
      for (let k = 2 + Math.floor(web() * 2); k > 0; k--) {
        const other = pickWeb(web() < 0.8 && sameDepartment.length > 1 ? sameDepartment : active);
        if (other && other.id !== p.id && !circle.includes(other.id)) circle.push(other.id);
      }
      return [p.id, circle];
    }),
  );
  let groupCheckIns = 0;
  for (let i = 0; i < checkIns; i++) {
    const r = random();
    let index = cumulative.findIndex((c) => c >= r);
    if (index < 0 || weights[index] === 0) index = weights.findIndex((w) => w > 0);
    const partner = partnerRecords[index];
    const from = Date.parse(partner.createdAt);
    const date = new Date(from + Math.floor(random() * Math.max(DAY_MS, now.getTime() - from)));
    const createdAt = new Date(date.getTime() + Math.floor(random() * 3_600_000));
    const summary = `${pick(VERBS)} ${pick(TOPICS)}${random() < 0.5 ? `; follow up on ${pick(TOPICS)} next time` : ''}`;
    const record = {
      schemaVersion: 1,
      id: newId(createdAt.getTime()),
      partnerId: partner.id,
      date: date.toISOString(),
      kind: pick(KINDS),
      ...(random() < 0.9 ? { rating: 1 + Math.floor(random() * 5) } : {}),
      summary,
      // Some check-ins carry the full form's notes: the dashboard's themes read them.
      ...(random() < 0.15
        ? {
            notes: `${pick(VERBS)} ${pick(TOPICS)}. ${pick(VERBS)} ${pick(TOPICS)}; ${pick(VERBS).toLowerCase()} ${pick(TOPICS)} before the next review.`,
          }
        : {}),
      createdAt: createdAt.toISOString(),
      updatedAt: createdAt.toISOString(),
      author: pick(TEAM),
    };
    const circle = circles.get(partner.id) ?? [];
    if (web() < groupShare && circle.length > 0) {
      // A group check-in: the partner first, then 1 to 3 of their circle.
      const ids = [partner.id];
      for (let k = 1 + Math.floor(web() * 3); k > 0; k--) {
        const other = pickWeb(circle);
        if (!ids.includes(other)) ids.push(other);
      }
      if (ids.length > 1) {
        record.partnerIds = ids;
        groupCheckIns++;
        const mate = pickWeb(TEAM);
        if (web() < 0.33 && mate.name !== record.author.name) record.present = [mate];
      }
    }
    // checkins/<yyyy>/: the local year of the check-in's date, as checkInFile() does.
    const year = String(date.getFullYear());
    if (!years.has(year)) {
      mkdirSync(path.join(root, kindFolders.checkIn, year), { recursive: true });
      years.add(year);
    }
    const file = path.join(root, kindFolders.checkIn, year, `${record.id}.json`);
    writeFileSync(file, serialise(record));
    checkInFiles.push(file);
    checkInsOf[index].push(record);
  }

  // Talking points (most already covered by a later check-in) and follow-ups (most done), per partner
  // in proportion to their check-ins, when this build of the store has those kinds.
  const withCheckIns = partnerRecords.map((_, i) => i).filter((i) => checkInsOf[i].length > 0);
  const pickPartner = () => withCheckIns[Math.floor(random() * withCheckIns.length)];
  const between = (from, to) => new Date(from + Math.floor(random() * Math.max(60_000, to - from)));
  const extraFiles = {};
  const writeRecord = (kind, record) => {
    const dir = path.join(root, kindFolders[kind]);
    if (!extraFiles[kind]) {
      mkdirSync(dir, { recursive: true });
      extraFiles[kind] = [];
    }
    const file = path.join(dir, `${record.id}.json`);
    writeFileSync(file, serialise(record));
    extraFiles[kind].push(file);
  };
  if (kindFolders.talkingPoint) {
    for (let i = 0; i < talkingPoints; i++) {
      const index = pickPartner();
      const partner = partnerRecords[index];
      const createdAt = between(Date.parse(partner.createdAt), now.getTime());
      const record = {
        schemaVersion: 1,
        id: newId(createdAt.getTime()),
        partnerId: partner.id,
        text: `${pick(['Ask about', 'Bring up', 'Show them', 'Get their view on'])} ${pick(TOPICS)}`,
        createdAt: createdAt.toISOString(),
        updatedAt: createdAt.toISOString(),
        author: pick(TEAM),
      };
      if (random() < 0.4) {
        const startLine = 1 + Math.floor(random() * 400);
        record.source = {
          path: `src/${pick(['billing', 'auth', 'search', 'export'])}/${pick(['index', 'service', 'client', 'model'])}.ts`,
          startLine,
          endLine: startLine + Math.floor(random() * 12),
          commit: Array.from({ length: 40 }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join(''),
          snippet: `export function handle${pick(['Invoice', 'Login', 'Query', 'Export'])}(input: Input): Result {\n  return process(input);\n}`,
        };
      }
      const later = checkInsOf[index].filter((c) => Date.parse(c.date) > createdAt.getTime());
      if (later.length > 0 && random() < 0.8) {
        const covered = later[Math.floor(random() * later.length)];
        record.coveredIn = covered.id;
        record.coveredAt = covered.createdAt;
        record.updatedAt = covered.createdAt;
        record.updatedBy = covered.author;
      }
      writeRecord('talkingPoint', record);
    }
  }
  if (kindFolders.followUp) {
    for (let i = 0; i < followUps; i++) {
      const index = pickPartner();
      const partner = partnerRecords[index];
      const checkIn = checkInsOf[index][Math.floor(random() * checkInsOf[index].length)];
      const createdAt = new Date(Date.parse(checkIn.createdAt) + 60_000);
      const owner = pick(['me', 'me', 'them', 'teammate']);
      const record = {
        schemaVersion: 1,
        id: newId(createdAt.getTime()),
        partnerId: partner.id,
        checkInId: checkIn.id,
        text: `${pick(['Send', 'Draft', 'Review', 'Share', 'Schedule'])} ${pick(['the notes on', 'a proposal for', 'numbers for', 'a demo of'])} ${pick(TOPICS)}`,
        owner,
        ...(owner === 'teammate' ? { teammate: pick(TEAM).name } : {}),
        ...(random() < 0.7 ? { due: localDate(new Date(createdAt.getTime() + (3 + Math.floor(random() * 25)) * DAY_MS)) } : {}),
        createdAt: createdAt.toISOString(),
        updatedAt: createdAt.toISOString(),
        author: checkIn.author,
      };
      if (random() < 0.75) {
        const doneAt = between(createdAt.getTime(), Math.min(now.getTime(), createdAt.getTime() + 30 * DAY_MS));
        record.done = true;
        record.doneAt = doneAt.toISOString();
        record.updatedAt = doneAt.toISOString();
        record.updatedBy = pick(TEAM);
      }
      writeRecord('followUp', record);
    }
  }
  // Asks and offers of help-me conversations (reciprocity on the dashboard): one per 25 check-ins.
  if (kindFolders.ask) {
    for (let i = 0; i < Math.round(checkIns / 25); i++) {
      const index = pickPartner();
      const checkIn = checkInsOf[index][Math.floor(random() * checkInsOf[index].length)];
      const createdAt = new Date(Date.parse(checkIn.createdAt) + 120_000);
      writeRecord('ask', {
        schemaVersion: 1,
        id: newId(createdAt.getTime()),
        partnerId: partnerRecords[index].id,
        checkInId: checkIn.id,
        direction: pick(['i-asked', 'they-asked']),
        text: `Help with ${pick(TOPICS)}`,
        status: pick(['open', 'helped', 'helped', 'declined']),
        createdAt: createdAt.toISOString(),
        updatedAt: createdAt.toISOString(),
        author: checkIn.author,
      });
    }
  }
  // Connections between partners: "works with", "reports to", "introduced"…, one file each.
  if (kindFolders.connection && active.length > 1) {
    for (let i = 0; i < connections; i++) {
      const from = pickWeb(active);
      let to = pickWeb(active);
      if (to.id === from.id) to = active[(active.indexOf(from) + 1) % active.length];
      const later = Math.max(Date.parse(from.createdAt), Date.parse(to.createdAt));
      const createdAt = new Date(Math.min(now.getTime(), later + Math.floor(web() * 30 * DAY_MS)));
      writeRecord('connection', {
        schemaVersion: 1,
        id: newId(createdAt.getTime()),
        fromId: from.id,
        toId: to.id,
        kind: pickWeb(CONNECTION_KINDS),
        ...(web() < 0.3 ? { note: `Met over ${pickWeb(TOPICS)}` } : {}),
        createdAt: createdAt.toISOString(),
        updatedAt: createdAt.toISOString(),
        author: pickWeb(TEAM),
      });
    }
  }
  return {
    root,
    partners: partnerRecords.length,
    checkIns: checkInFiles.length,
    groupCheckIns,
    connections: extraFiles.connection?.length ?? 0,
    talkingPoints: extraFiles.talkingPoint?.length ?? 0,
    followUps: extraFiles.followUp?.length ?? 0,
    asks: extraFiles.ask?.length ?? 0,
    partnerFiles,
    checkInFiles,
    activePartnerIds: partnerRecords.filter((p) => !p.archived).map((p) => p.id),
    seconds: (Date.now() - started) / 1000,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [folder, partners, checkIns] = process.argv.slice(2);
  if (!folder) {
    console.error('usage: node scripts/bench/generateStore.mjs <folder> [partners] [checkIns]');
    process.exit(2);
  }
  // The compiled core the benchmark makes (`npm run bench` once, or tsc -p tsconfig.test.json --outDir .cache/bench/out).
  const compiled = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '.cache', 'bench', 'out');
  const result = generateStore(path.resolve(folder), {
    partners: Number(partners ?? 1000),
    checkIns: Number(checkIns ?? 50_000),
    core: compiledCore(compiled),
  });
  console.log(
    `${result.partners} partners, ${result.checkIns} check-ins (${result.groupCheckIns} group check-ins), ${result.talkingPoints} talking points, ${result.followUps} follow-ups, ${result.connections} connections in ${result.root} (${result.seconds.toFixed(1)} s)`,
  );
}
