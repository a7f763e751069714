// The command-line digest, run as a child process (the esbuild bundle that package.json's `bin` names)
// against the demo workspace generated for a fixed day: exact output, exit codes, JSON.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { createDemoWorkspace } from '../fixtures/demoStore';
import { checkInRecord, makeStore, makeTempDir, newId, pretty, removeTempDir } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(
  ROOT,
  (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: { alliances: string } }).bin.alliances,
);

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourcesUnder(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : [],
  );
}

function cli(...args: string[]): { code: number | null; out: string; err: string } {
  return cliIn(process.env, ...args);
}

function cliIn(env: NodeJS.ProcessEnv, ...args: string[]): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const DUE = `Alliances digest for 2026-11-21

Due for a check-in (4):
  - Hannah Okafor (Support) — 36 days overdue; last 2026-10-02, Ad hoc: Ticket volume up 30% after the release; escalations unclear
  - Dana Whitfield (Product) — 6 days overdue; last 2026-11-01, 1:1: Billing migration slipped: she is worried about the launch date
  - Marcus Ortega (Sales) — 4 days overdue; last 2026-10-27, Async: Asked again about SSO dates; no answer from us yet [1 talking point]
  - Elena Petrova (Customer) — 2 days overdue; never checked in

SILOS

Open follow-ups (4):
  - Draft the escalation runbook together (Hannah Okafor) — owner Alex Morgan; 3 days overdue
  - Share the exports fix release notes (Kwame Mensah) — owner Alex Morgan; due 2026-11-23
  - Share the onboarding mockups (Priya Raman) — owner Priya Raman; due 2026-11-25
  - Review the event schema pull request (Leo Tanaka) — owner Sam Lee; no due date
`;

const SILOS_20 = `Silos (5):
  - Support: no check-in for 50 days (last 2026-10-02) — Hannah Okafor
  - Security: no check-in since added 42 days ago — Aisha Karim
  - Vendor: no check-in for 30 days (last 2026-10-22) — Jonas Berg
  - Marketing: no check-in for 27 days (last 2026-10-25) — Sofia Lindqvist
  - Sales: no check-in for 25 days (last 2026-10-27) — Marcus Ortega`;

const KWAME = `# Kwame Mensah

Customer Success Lead · Customer Success · every 14 days · due in 2 days

Email: kwame@example.com

Leads: Renewals

## Talking points

- Do refunds show up in invoice totals? Customers keep asking. (\`src/billing/invoice.ts:1–3\`)

## Open follow-ups

- [ ] Share the exports fix release notes (Alex Morgan, due 2026-11-23)

## Check-ins

- 2026-11-09, 1:1, 4/5: Exports fix landed; customers noticed (Alex Morgan)
- 2026-10-26, 1:1, 3/5: Top three customer complaints: slow exports, SSO, audit log (Alex Morgan)
`;

describe('the command-line digest (npx alliances)', function () {
  this.timeout(60_000);
  let dir: string | undefined;
  let store = '';

  before(async () => {
    // The bundle the tests run is the one `bin` ships: build it from the current sources.
    execFileSync(process.execPath, ['scripts/build.mjs', '--only=cli'], { cwd: ROOT, stdio: 'ignore' });
    dir = await makeTempDir('alliances-cli-');
    await createDemoWorkspace(dir, new Date(2026, 10, 21, 9, 30));
    store = path.join(dir, '.alliances');
  });

  after(() => removeTempDir(dir));

  it('due: prints who is due, silos and open follow-ups, and exits 1 when someone is due', () => {
    const result = cli('due', '--store', store, '--today', '2026-11-21');
    assert.equal(result.out, DUE.replace('SILOS', 'Silos (1):\n  - Support: no check-in for 50 days (last 2026-10-02) — Hannah Okafor'));
    assert.equal(result.err, '');
    assert.equal(result.code, 1);
  });

  it('due: finds silos with a shorter --silo-days, and --store may name the workspace folder', () => {
    const result = cli('due', '--store', dir ?? '', '--today', '2026-11-21', '--silo-days', '20');
    assert.equal(result.out, DUE.replace('SILOS', SILOS_20));
    assert.equal(result.code, 1);
  });

  it('due --json: the same digest for scripts', () => {
    const result = cli('due', '--store', store, '--today', '2026-11-21', '--json');
    assert.equal(result.code, 1);
    const digest = JSON.parse(result.out) as {
      today: string;
      due: { name: string; days: number; label: string; dueDate: string }[];
      silos: unknown[];
      followUps: { text: string; overdue: boolean; days?: number }[];
      problems: unknown[];
    };
    assert.equal(digest.today, '2026-11-21');
    assert.deepEqual(
      digest.due.map(({ name, days, label, dueDate }) => [name, days, label, dueDate]),
      [
        ['Hannah Okafor', -36, '36 days overdue', '2026-10-16'],
        ['Dana Whitfield', -6, '6 days overdue', '2026-11-15'],
        ['Marcus Ortega', -4, '4 days overdue', '2026-11-17'],
        ['Elena Petrova', -2, '2 days overdue', '2026-11-19'],
      ],
    );
    assert.deepEqual(digest.silos, [{ department: 'Support', daysSince: 50, lastContact: '2026-10-02', partners: ['Hannah Okafor'] }]);
    assert.deepEqual(
      digest.followUps.map(({ text, overdue, days }) => [text, overdue, days]),
      [
        ['Draft the escalation runbook together', true, -3],
        ['Share the exports fix release notes', false, 2],
        ['Share the onboarding mockups', false, 4],
        ['Review the event schema pull request', false, undefined],
      ],
    );
    assert.deepEqual(digest.problems, []);
  });

  it('due: exits 0 when nobody is due and nothing is overdue', async () => {
    const calm = await makeTempDir('alliances-cli-calm-');
    try {
      const small = makeStore(path.join(calm, '.alliances'));
      await small.load();
      const partner = await small.addPartner({ name: 'Grace Hopper', department: 'Research', cadenceDays: 30 });
      await small.addCheckIn({ partnerId: partner.value.id, kind: 'one-on-one', summary: 'Compilers', date: new Date(2026, 10, 20, 10) });
      const result = cli('due', '--store', path.join(calm, '.alliances'), '--today', '2026-11-21');
      assert.equal(
        result.out,
        'Alliances digest for 2026-11-21\n\nNobody is due for a check-in.\n\nNo silos: every department was in touch recently.\n\nNo open follow-ups.\n',
      );
      assert.equal(result.code, 0);
    } finally {
      await removeTempDir(calm);
    }
  });

  it('report --partner: one partner as Markdown, found by name in any case', () => {
    const result = cli('report', '--store', store, '--today', '2026-11-21', '--partner', 'kwame mensah');
    assert.equal(result.out, KWAME);
    assert.equal(result.code, 0);
  });

  it('report: the whole store as Markdown, due table first, archived partners left out', () => {
    const result = cli('report', '--store', store, '--today', '2026-11-21');
    assert.equal(result.code, 0);
    assert.ok(
      result.out.startsWith(
        '# Alliances report, 2026-11-21\n\n## Due for a check-in\n\n| Partner | Department | Due | Last check-in |\n| --- | --- | --- | --- |\n| Hannah Okafor | Support | 36 days overdue | 2026-10-02 |\n',
      ),
      result.out.slice(0, 300),
    );
    assert.ok(result.out.includes(`\n${KWAME.replace(/^(#+)/gm, '##$1')}`), "Kwame's section, two levels down");
    assert.equal((result.out.match(/^### /gm) ?? []).length, 10, 'ten active partners');
    assert.ok(!result.out.includes('Tom Becker'), 'archived partner left out');
  });

  it('reports a broken file on stderr, keeps going, and leaves the file alone byte for byte', async () => {
    const broken = path.join(store, 'partners', 'broken-01kaj3m5x2q8v9c0b1n2d3e4f5.json');
    const bytes = Buffer.from('{\n<<<<<<< HEAD\n  "name": "A"\n=======\n  "name": "B"\n>>>>>>> theirs\n}\n');
    await fsp.writeFile(broken, bytes);
    try {
      const result = cli('due', '--store', store, '--today', '2026-11-21');
      assert.equal(result.code, 1);
      assert.match(result.err, /^alliances: warning: partners\/broken-01kaj3m5x2q8v9c0b1n2d3e4f5\.json:2: .*conflict/im);
      assert.ok(result.out.startsWith(DUE.slice(0, 200)));
      assert.ok(result.out.includes('Files that need attention (1):\n  - partners/broken-01kaj3m5x2q8v9c0b1n2d3e4f5.json:2: '));
      assert.deepEqual(await fsp.readFile(broken), bytes);
    } finally {
      await fsp.rm(broken);
    }
  });

  it('a check-in of a partner that is not in the store is not counted: the digest is unchanged, the file is listed', async () => {
    const before = cli('due', '--store', store, '--today', '2026-11-21');
    const id = newId();
    const missing = newId();
    const file = path.join(store, 'checkins', '2026', `${id}.json`);
    const bytes = Buffer.from(pretty(checkInRecord(id, missing, { date: '2026-11-20T10:00:00.000Z' })));
    await fsp.writeFile(file, bytes);
    try {
      const result = cli('due', '--store', store, '--today', '2026-11-21');
      assert.equal(result.code, 1);
      assert.equal(result.out.slice(0, before.out.length), before.out);
      assert.ok(
        result.out.includes(
          `Files that need attention (1):\n  - checkins/2026/${id}.json:4: This check-in's partner ${missing} is not in the store`,
        ),
      );
      assert.match(result.err, new RegExp(`^alliances: warning: checkins/2026/${id}\\.json:4: This check-in's partner ${missing}`, 'm'));
      const json = JSON.parse(cli('due', '--json', '--store', store, '--today', '2026-11-21').out) as { problems: { file: string }[] };
      assert.deepEqual(
        json.problems.map((p) => p.file),
        [`checkins/2026/${id}.json`],
      );
      assert.deepEqual(await fsp.readFile(file), bytes);
    } finally {
      await fsp.rm(file);
    }
  });

  it('a check-in dated more than a day after --today is not counted: Hannah stays overdue, the file is listed', async () => {
    const before = cli('due', '--store', store, '--today', '2026-11-21');
    const hannah = makeStore(store);
    await hannah.load();
    const partnerId = hannah.partners().find((p) => p.value.name === 'Hannah Okafor')?.value.id ?? '';
    const id = newId();
    const file = path.join(store, 'checkins', '2026', `${id}.json`);
    const bytes = Buffer.from(pretty(checkInRecord(id, partnerId, { date: '2026-11-25T10:00:00.000Z' })));
    await fsp.writeFile(file, bytes);
    try {
      const result = cli('due', '--store', store, '--today', '2026-11-21');
      assert.equal(result.out.slice(0, before.out.length), before.out);
      assert.ok(result.out.includes('Hannah Okafor (Support) — 36 days overdue'));
      assert.ok(
        result.out.includes(
          `Files that need attention (1):\n  - checkins/2026/${id}.json:5: Dated 2026-11-25, more than a day ahead of now; it is not counted until then.`,
        ),
      );
      // On the 24th it is within a day: counted.
      const later = cli('due', '--store', store, '--today', '2026-11-24').out;
      assert.ok(!later.includes('Hannah Okafor (Support) —'), later);
      assert.ok(!later.includes('Files that need attention'), later);
      assert.deepEqual(await fsp.readFile(file), bytes);
    } finally {
      await fsp.rm(file);
    }
  });

  it('stays English in any system or VS Code language: the CLI loads no bundle and no display language', async () => {
    const german = {
      ...process.env,
      LANG: 'de_DE.UTF-8',
      LC_ALL: 'de_DE.UTF-8',
      LANGUAGE: 'de',
      VSCODE_NLS_CONFIG: JSON.stringify({ locale: 'de', osLocale: 'de', availableLanguages: { '*': 'de' } }),
    };
    for (const args of [['due'], ['report'], ['report', '--partner', 'Kwame Mensah']]) {
      assert.deepEqual(
        cliIn(german, ...args, '--store', store, '--today', '2026-11-21'),
        cli(...args, '--store', store, '--today', '2026-11-21'),
        args.join(' '),
      );
    }
    // A broken file's reason (from src/core, through @vscode/l10n) too.
    const broken = path.join(store, 'partners', 'broken-01kaj3m5x2q8v9c0b1n2d3e4f5.json');
    await fsp.writeFile(broken, '');
    try {
      assert.match(
        cliIn(german, 'due', '--store', store, '--today', '2026-11-21').err,
        /^alliances: warning: partners\/broken-01kaj3m5x2q8v9c0b1n2d3e4f5\.json:1: File is empty\.$/m,
      );
    } finally {
      await fsp.rm(broken);
    }
    // Only the extension (coreL10n.ts, through core's l10nConfig.ts) and the pages (in the browser) configure a
    // language, never code the CLI runs.
    const configuring = sourcesUnder(path.join(ROOT, 'src')).filter((file) =>
      /\bl10n\.config\(|(?<!function )\bconfigureL10n\(|\bsetDisplayLocale\((?!locale)/.test(readFileSync(file, 'utf8')),
    );
    assert.deepEqual(
      configuring.map((file) => path.relative(ROOT, file).split(path.sep).join('/')),
      ['src/core/l10nConfig.ts', 'src/extension/shared/coreL10n.ts', 'src/webview/shared/l10nSetup.ts'],
    );
  });

  it('exits 2 with the usage on bad arguments, 3 without a store, 0 for --help', () => {
    for (const args of [
      ['due', '--bogus'],
      ['digest'],
      [],
      ['due', '--today', '2026-02-30'],
      ['due', '--silo-days', 'ten'],
      ['report', '--json'],
      ['due', '--allow-writes'],
      ['report', '--store', store, '--partner', 'Nobody Here'],
    ]) {
      const result = cli(...args);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.out, '', args.join(' '));
      assert.match(result.err, /^alliances: /, args.join(' '));
    }
    assert.match(cli('due', '--bogus').err, /Exit codes: 0/);
    const missing = cli('due', '--store', path.join(store, 'nowhere'));
    assert.equal(missing.code, 3);
    assert.match(missing.err, /^alliances: no store at .*nowhere/);
    const help = cli('--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /^Usage: alliances <due\|report\|search\|impact\|brief\|mcp>/);
  });
});
