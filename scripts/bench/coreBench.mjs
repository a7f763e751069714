// The plain-Node half of the benchmark: the real Store (compiled src/core, CommonJS) against the
// physical floor measured here, in the same process and the same run, on the generated store.
//
//   node --expose-gc scripts/bench/coreBench.mjs --core <out>/src/core --store <.alliances> --result <json>
//        [--runs 5] [--analysis 1] [--profiles <folder>]
//
// Runs are interleaved (floor, store, floor, store…) so that the machine's noise hits both alike; each
// figure is the median of the runs. With --analysis, it also breaks the costs down (in-memory stages,
// other file-system ports, CPU profiles) so that a missed target comes with its cause.
import { createHash } from 'node:crypto';
import { promises as fsp, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { profile } from './profile.mjs';
import { median, summary, timeRuns, timeSync } from './stats.mjs';
import { benchConcerns } from './concernsBench.mjs';

const { values: args } = parseArgs({
  options: {
    core: { type: 'string' },
    store: { type: 'string' },
    result: { type: 'string' },
    runs: { type: 'string', default: '5' },
    analysis: { type: 'string', default: '1' },
    profiles: { type: 'string' },
    repo: { type: 'string' },
  },
});
if (!args.core || !args.store || !args.result) {
  console.error('usage: coreBench.mjs --core <out/src/core> --store <.alliances folder> --result <file.json>');
  process.exit(2);
}
const runs = Math.max(1, Number(args.runs));
const gc = globalThis.gc ?? (() => undefined);
const require = createRequire(import.meta.url);
const core = (name) => require(path.join(path.resolve(args.core), `${name}.js`));
const tryCore = (name) => {
  try {
    return core(name);
  } catch {
    return undefined;
  }
};
const log = (line) => console.log(`[core] ${line}`);

const { Store } = core('store');
const { nodeFileSystem } = core('nodeFileSystem');
const partnerView = core('partnerView');
const root = path.resolve(args.store);
const author = () => Promise.resolve({ name: 'Bench', email: 'bench@example.invalid' });
const KINDS = ['partner', 'checkIn', 'talkingPoint', 'followUp', 'ask', 'note', 'connection'];

const out = { runs, errors: [] };

/** Every file the floor reads: the .json files below the store, as the Store lists them. */
function listSync(dir = root, files = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listSync(full, files);
    else if (entry.isFile() && entry.name.endsWith('.json')) files.push(full);
  }
  return files;
}
async function listAsync(dir = root, files = []) {
  for (const entry of await fsp.readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await listAsync(full, files);
    else if (entry.isFile() && entry.name.endsWith('.json')) files.push(full);
  }
  return files;
}

/** Floor 1: list, read each file synchronously, JSON.parse. The fastest way Node has. */
function floorSync() {
  let n = 0;
  for (const file of listSync()) {
    JSON.parse(readFileSync(file).toString('utf8'));
    n++;
  }
  return n;
}

/** Floor 2: the async API the Store's port uses (fs.promises.readFile), 64 reads in flight, JSON.parse. */
async function floorPromises() {
  const files = await listAsync();
  let next = 0;
  let n = 0;
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next < files.length) {
        const file = files[next++];
        JSON.parse((await fsp.readFile(file)).toString('utf8'));
        n++;
      }
    }),
  );
  return n;
}

function counts(store) {
  const result = {};
  for (const kind of KINDS) {
    try {
      result[kind] =
        typeof store.all === 'function'
          ? store.all(kind).length
          : kind === 'partner'
            ? store.partners().length
            : kind === 'checkIn'
              ? store.checkIns().length
              : 0;
    } catch {
      result[kind] = 0;
    }
  }
  result.problems = store.problems().length;
  return result;
}

async function loadStore(port = nodeFileSystem) {
  const store = new Store({ root, fs: port, author });
  await store.load();
  return store;
}

// ---- 1. store load vs the physical floor ---------------------------------------------------------
{
  log(`store load vs floor, ${runs} interleaved runs each (+1 warm-up)…`);
  // Warm-up: page cache, JIT, module loading, for all three.
  const fileCount = floorSync();
  await floorPromises();
  const first = await loadStore();
  out.counts = { ...counts(first), files: fileCount };
  out.problemsSample = first
    .problems()
    .slice(0, 3)
    .map((p) => `${p.relativePath}: ${p.reason}`);
  log(`store: ${JSON.stringify(out.counts)}`);

  const sync = [];
  const promises = [];
  const store = [];
  for (let i = 0; i < runs; i++) {
    // Rotate the order so no contender always runs right after another.
    const steps = [
      async () => {
        gc();
        const t = performance.now();
        floorSync();
        sync.push(performance.now() - t);
      },
      // The fs.promises floor is slow and only explains the gap: three runs are enough.
      async () => {
        if (i >= 3) return;
        gc();
        const t = performance.now();
        await floorPromises();
        promises.push(performance.now() - t);
      },
      async () => {
        gc();
        const t = performance.now();
        await loadStore();
        store.push(performance.now() - t);
      },
    ];
    for (let k = 0; k < steps.length; k++) await steps[(i + k) % steps.length]();
    log(
      `run ${i + 1}: floor ${sync.at(-1).toFixed(0)} ms${i < 3 ? `, fs.promises floor ${promises.at(-1).toFixed(0)} ms` : ''}, Store.load ${store.at(-1).toFixed(0)} ms`,
    );
  }
  out.load = {
    store: summary(store),
    floorSync: summary(sync),
    floorPromises: summary(promises),
    // The physical floor is the fastest way measured to get the same bytes parsed.
    floor: Math.min(median(sync), median(promises)),
  };
  out.load.ratio = Math.round((median(store) / out.load.floor) * 100) / 100;

  gc();
  const before = process.memoryUsage().heapUsed;
  let retained = await loadStore();
  gc();
  out.heap = {
    storeRetainedBytes: process.memoryUsage().heapUsed - before,
    records: Object.values(counts(retained)).reduce((a, b) => a + b, 0),
  };
  retained = undefined;
}

// ---- 2. incremental reload of one changed file -----------------------------------------------------
const store = await loadStore();
{
  log('incremental reload (reloadFile)…');
  const files = listSync();
  const checkInFiles = files.filter((f) => f.includes(`${path.sep}checkins${path.sep}`));
  const partnerFiles = files.filter((f) => f.includes(`${path.sep}partners${path.sep}`));
  const pickEvery = (list, n) => Array.from({ length: n }, (_, i) => list[Math.floor(((i + 0.5) * list.length) / n)]);
  const edit = (file, change) => {
    const value = JSON.parse(readFileSync(file, 'utf8'));
    change(value);
    value.updatedAt = new Date().toISOString();
    writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  };
  const changed = [];
  const failures = [];
  for (const [i, file] of pickEvery(checkInFiles, 21).entries()) {
    edit(file, (v) => {
      v.summary = `${v.summary} (edited ${i})`;
    });
    const t = performance.now();
    const did = await store.reloadFile(file);
    changed.push(performance.now() - t);
    if (!did) failures.push(`reloadFile(${path.basename(file)}) reported no change`);
  }
  const unchanged = [];
  for (const file of pickEvery(checkInFiles, 21)) {
    const t = performance.now();
    await store.reloadFile(file);
    unchanged.push(performance.now() - t);
  }
  const partner = [];
  for (const [i, file] of pickEvery(partnerFiles, 11).entries()) {
    edit(file, (v) => {
      v.role = `Edited role ${i}`;
    });
    const t = performance.now();
    await store.reloadFile(file);
    partner.push(performance.now() - t);
  }
  out.reload = { changedCheckIn: summary(changed), unchangedCheckIn: summary(unchanged), changedPartner: summary(partner) };
  if (failures.length) out.errors.push(...failures);
  if (store.problems().length > 0) out.errors.push(`after the reload edits the store reports ${store.problems().length} problem(s)`);
}

// ---- 3. tree: due states (viewPartners) and the children (groupPartners) ---------------------------
{
  log('tree: viewPartners / groupPartners…');
  const { viewPartners, groupPartners } = partnerView;
  const now = new Date();
  const cadence = 14;
  const viewSamples = timeSync(() => viewPartners(store, cadence, now), { runs: 25, warmup: 3 });
  const views = viewPartners(store, cadence, now);
  const byDepartment = timeSync(() => groupPartners(views, 'department', false), { runs: 25, warmup: 3 });
  const byStatus = timeSync(() => groupPartners(views, 'status', false), { runs: 25, warmup: 3 });
  // The children the provider builds: groups, one node per partner. Warm: from the due states already
  // computed (StoreService caches them until the next change); cold: computing them too.
  const build = (partnerViews, groupBy = 'department') => {
    const nodes = groupPartners(partnerViews, groupBy, false).map((group) => ({ type: 'group', group }));
    for (const node of nodes) node.children = node.group.partners.map((view) => ({ type: 'partner', view }));
    return nodes;
  };
  const childrenWarm = timeSync(() => build(views), { runs: 25, warmup: 3 });
  const childrenCold = timeSync(() => build(viewPartners(store, cadence, now)), { runs: 25, warmup: 3 });
  // The same children grouped by organisation and by tag (a partner is under each of their tags).
  const grouped = (groupBy) => {
    const nodes = build(views, groupBy);
    return {
      ...summary(timeSync(() => build(views, groupBy), { runs: 25, warmup: 3 })),
      groups: nodes.length,
      rows: nodes.reduce((n, g) => n + g.children.length, 0),
    };
  };
  out.tree = {
    partners: views.length,
    visiblePartners: groupPartners(views, 'department', false).reduce((n, g) => n + g.partners.length, 0),
    groups: groupPartners(views, 'department', false).length,
    viewPartners: summary(viewSamples),
    groupByDepartment: summary(byDepartment),
    groupByStatus: summary(byStatus),
    childrenWarm: summary(childrenWarm),
    childrenCold: summary(childrenCold),
    childrenByOrganisation: grouped('organisation'),
    childrenByTag: grouped('tag'),
  };
}

// ---- 3c. the ecosystem map over the whole store ---------------------------------------------------
{
  const ecosystem = tryCore('ecosystem/index');
  const stats = tryCore('stats/index');
  if (!ecosystem || !stats) {
    out.errors.push('src/core/ecosystem is missing: no ecosystem map figures');
  } else {
    log('ecosystem map: statsInput + computeEcosystemMap (graph, figures, layout)…');
    const now = new Date();
    const options = { siloDays: 45 };
    // What the map's host does on every refresh (mapPanel.ts workspaceMap): gather the records, then the
    // graph, its figures and the layout, the page's whole message.
    const compute = (groupBy) => ecosystem.computeEcosystemMap(stats.statsInput([store], 14, now), {}, { ...options, groupBy });
    const coldStart = performance.now();
    compute('department');
    const coldMs = performance.now() - coldStart;
    const byDepartment = timeSync(() => compute('department'), { runs: 7, warmup: 1 });
    const byOrganisation = timeSync(() => compute('organisation'), { runs: 5, warmup: 1 });
    // Its parts: the graph and its connectivity (brokers, isolated) without the layout, and the layout alone.
    const input = stats.statsInput([store], 14, now);
    const graphOnly = timeSync(() => ecosystem.ecosystemOf(input, {}, options), { runs: 7, warmup: 1 });
    const { graph } = ecosystem.ecosystemOf(input, {}, options);
    const layoutNodes = graph.nodes.map((n) => ({ key: n.key, group: n.kind === 'author' ? 't' : `g:${n.department}`, weight: n.weight }));
    const layoutEdges = graph.edges.map((e) => ({ from: e.from, to: e.to, count: e.count, strong: e.kind !== 'check-in' }));
    const groups = ['t', ...new Set(layoutNodes.filter((n) => n.group !== 't').map((n) => n.group))];
    const layoutOnly = timeSync(() => ecosystem.layout(layoutNodes, layoutEdges, groups, true), { runs: 7, warmup: 1 });
    const map = compute('department');
    out.ecosystem = {
      coldMs,
      byDepartment: summary(byDepartment),
      byOrganisation: summary(byOrganisation),
      graphAndFigures: summary(graphOnly),
      layoutAlone: summary(layoutOnly),
      partners: map.totals.partners,
      nodes: map.nodes.length,
      edges: map.edges.length,
      edgesByKind: Object.fromEntries(['check-in', 'met', 'connection'].map((k) => [k, map.edges.filter((e) => e.kind === k).length])),
      brokers: map.figures.brokers.length,
      isolated: map.figures.isolated.length,
      messageBytes: Buffer.byteLength(JSON.stringify(map)),
    };
  }
}

// ---- 3b. dashboard statistics over the whole store ------------------------------------------------
{
  const stats = tryCore('stats/index');
  if (!stats) {
    out.errors.push('src/core/stats is missing: no dashboard figures');
  } else {
    log('dashboard: statsInput + computeDashboard…');
    const now = new Date();
    const options = { siloDays: 45 };
    // The first computation reads every check-in's words; later ones (a refresh, a filter) reuse them.
    const coldStart = performance.now();
    stats.computeDashboard(stats.statsInput([store], 14, now), {}, options);
    const coldMs = performance.now() - coldStart;
    // What the extension does on every refresh: gather the records, then compute every section.
    const all = timeSync(() => stats.computeDashboard(stats.statsInput([store], 14, now), {}, options), { runs: 7, warmup: 1 });
    const from = new Date(now.getTime() - 89 * 86_400_000);
    const last90 = {
      from: `${from.getFullYear()}-${String(from.getMonth() + 1).padStart(2, '0')}-${String(from.getDate()).padStart(2, '0')}`,
    };
    const recent = timeSync(() => stats.computeDashboard(stats.statsInput([store], 14, now), last90, options), { runs: 7, warmup: 1 });
    const data = stats.computeDashboard(stats.statsInput([store], 14, now), {}, options);
    const report = timeSync(() => stats.dashboardReport(data), { runs: 5, warmup: 1 });
    out.dashboard = {
      coldMs,
      allTime: summary(all),
      last90Days: summary(recent),
      report: summary(report),
      checkIns: data.totals.checkIns,
      themes: data.themes.length,
      reciprocityRows: data.reciprocity.length,
      messageBytes: Buffer.byteLength(JSON.stringify(data)),
    };
  }
}

// ---- 3c. search over the whole store ---------------------------------------------------------------
{
  const search = tryCore('search/index');
  if (!search) {
    out.errors.push('src/core/search is missing: no search figures');
  } else {
    log('search: index build and queries…');
    // The first search builds the index: a fresh index each run, the heap it keeps measured after a full GC.
    const builds = timeSync(() => new search.SearchIndex(() => [store]).sync(), { runs: 3, warmup: 1 });
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const index = new search.SearchIndex(() => [store]);
    index.sync();
    gc();
    const heapBytes = process.memoryUsage().heapUsed - heapBefore;
    // What people type: a common word, a word with a filter, a prefix being typed, two words, a filter alone.
    const queries = ['pricing', 'roadmap kind:checkIn', 'migr', 'billing migration', 'escalat', 'partner:a'];
    const perQuery = {};
    for (const query of queries) perQuery[query] = summary(timeSync(() => index.search(query), { runs: 7, warmup: 1 }));
    const worst = Math.max(...Object.values(perQuery).map((q) => q.median));
    out.search = { records: index.size, build: summary(builds), heapBytes, queries: perQuery, worstQueryMedian: worst };
  }
}

// ---- 3d. concerns: ranking 5,000 concerns with 50,000 votes ------------------------------------
if (tryCore('concerns')) {
  log('concerns: ranking 5,000 concerns with 50,000 votes…');
  out.concerns = benchConcerns(core);
} else out.errors.push('src/core/concerns is missing: no concern ranking figure');

// ---- 4. analysis: where the time goes ------------------------------------------------------------
if (args.analysis !== '0') {
  log('analysis: cost breakdown and CPU profiles…');
  const analysis = {};
  out.analysis = analysis;
  const files = listSync();
  const bytes = new Map(files.map((f) => [f, readFileSync(f)]));
  try {
    // The same Store with other ports: the I/O API's share vs the Store's own CPU work.
    // The Store reads through readMany when the port has it: each port below replaces both.
    const syncPort = {
      ...nodeFileSystem,
      readFile: (f) => Promise.resolve(readFileSync(f)),
      readMany: (paths) => Promise.resolve(paths.map((f) => readFileSync(f))),
    };
    const fromMemory = (f) => bytes.get(f) ?? readFileSync(f);
    const memoryPort = {
      ...nodeFileSystem,
      readFile: (f) => Promise.resolve(fromMemory(f)),
      readMany: (paths) => Promise.resolve(paths.map(fromMemory)),
    };
    const promisesPort = { ...nodeFileSystem, readMany: undefined };
    const withSync = await timeRuns(() => loadStore(syncPort), { runs: 2, before: () => gc() });
    const inMemory = await timeRuns(() => loadStore(memoryPort), { runs: 2, before: () => gc() });
    const parseOnly = timeSync(
      () => {
        for (const b of bytes.values()) JSON.parse(b.toString('utf8'));
      },
      { runs: 3, warmup: 1 },
    );
    const withPromises = await timeRuns(() => loadStore(promisesPort), { runs: 1, before: () => gc() });
    analysis.loadByPort = {
      nodeFileSystem: out.load.store.median,
      fsPromisesPort: summary(withPromises).median,
      readFileSyncPort: summary(withSync).median,
      inMemoryPort: summary(inMemory).median,
      jsonParseInMemory: summary(parseOnly).median,
      note: 'Store.load with the real port (readMany: readFileSync in slices), with fs.promises.readFile per file (no readMany), with plain readFileSync, with the bytes already in memory (Store CPU only), and JSON.parse of the same bytes in memory.',
    };
  } catch (error) {
    out.errors.push(`analysis (ports): ${error.stack ?? error}`);
  }
  try {
    // Per-stage costs of accepting every file, on bytes in memory (ms for all files).
    const { readRecord } = core('recordReader');
    const { decodeUtf8, findConflictMarker } = core('jsonText');
    const { roleOf, roleInFolder, toRelative } = core('storeLayout');
    const model = core('model');
    const v = require(require.resolve('valibot', { paths: [path.resolve(args.core)] }));
    const entries = [...bytes].map(([file, b]) => ({ file, b, role: roleOf(toRelative(root, file)) })).filter((e) => e.role);
    const texts = entries.map((e) => e.b.toString('utf8'));
    const parsed = texts.map((t) => JSON.parse(t));
    const stage = (fn) => summary(timeSync(fn, { runs: 3, warmup: 1 })).median;
    let calendarCalls = 0;
    const original = model.isRealCalendarDate;
    analysis.stagesMs = {
      files: entries.length,
      // The listing works a folder's role out once (roleInFolder), then checks each file name.
      'roleInFolder per file (listing)': stage(() => {
        const byFolder = new Map();
        for (const e of entries) {
          const rel = toRelative(root, path.dirname(e.file));
          let f = byFolder.get(rel);
          if (!f) byFolder.set(rel, (f = roleInFolder(rel === '.' ? '' : rel)));
          f(path.basename(e.file));
        }
      }),
      'sha1 (hashOf)': stage(() => {
        for (const e of entries) createHash('sha1').update(e.b).digest('hex');
      }),
      decodeUtf8: stage(() => {
        for (const e of entries) decodeUtf8(e.b);
      }),
      findConflictMarker: stage(() => {
        for (const t of texts) findConflictMarker(t);
      }),
      'JSON.parse': stage(() => {
        for (const t of texts) JSON.parse(t);
      }),
      'valibot safeParse (abortEarly: false)': stage(() => {
        entries.forEach((e, i) => v.safeParse(model.SCHEMAS[e.role.kind], parsed[i], { abortEarly: false }));
      }),
      'readRecord (decode+markers+parse+validate)': stage(() => {
        for (const e of entries) readRecord(e.role.kind, e.b, e.role.expectedId);
      }),
      'isRealCalendarDate alone': (() => {
        const stamps = [];
        for (const p of parsed)
          for (const key of ['createdAt', 'updatedAt', 'date', 'coveredAt', 'doneAt']) if (typeof p[key] === 'string') stamps.push(p[key]);
        calendarCalls = stamps.length;
        return stage(() => {
          for (const s of stamps) original(s);
        });
      })(),
    };
    analysis.stagesMs.isRealCalendarDateCalls = calendarCalls;
  } catch (error) {
    out.errors.push(`analysis (stages): ${error.stack ?? error}`);
  }
  try {
    // viewPartners' parts.
    const { computeDueState, urgencyOrder } = core('cadence');
    const now = new Date();
    const partners = store.partners();
    const lasts = partners.map((p) => store.lastCheckIn(p.value.id));
    const views = partnerView.viewPartners(store, 14, now);
    const shuffled = [...views].sort((a, b) => a.record.value.id.localeCompare(b.record.value.id));
    analysis.viewPartnersMs = {
      'store.lastCheckIn for every partner': summary(
        timeSync(
          () => {
            for (const p of partners) store.lastCheckIn(p.value.id);
          },
          { runs: 15, warmup: 2 },
        ),
      ).median,
      'computeDueState for every partner': summary(
        timeSync(() => partners.forEach((p, i) => computeDueState(p.value, lasts[i] ? new Date(lasts[i].date) : undefined, 14, now)), {
          runs: 15,
          warmup: 2,
        }),
      ).median,
      'sort byUrgencyThenName (unsorted input)': summary(
        timeSync(() => [...shuffled].sort(partnerView.byUrgencyThenName ?? ((a, b) => urgencyOrder(a.due, b.due))), {
          runs: 15,
          warmup: 2,
        }),
      ).median,
      'Date.parse x (2 per check-in)': summary(
        timeSync(
          () => {
            for (const c of store.checkIns()) {
              Date.parse(c.value.date);
              Date.parse(c.value.date);
            }
          },
          { runs: 5, warmup: 1 },
        ),
      ).median,
    };
    const agenda = tryCore('agenda');
    if (agenda?.openAgendaCounts) {
      // The tree shows every partner's open agenda count: one pass over the store, cached until a change.
      analysis.viewPartnersMs['agenda count for every partner (getTreeItem)'] = summary(
        timeSync(() => agenda.openAgendaCounts(store), { runs: 15, warmup: 2 }),
      ).median;
    }
  } catch (error) {
    out.errors.push(`analysis (views): ${error.stack ?? error}`);
  }
  try {
    // CPU profiles: one Store.load and 20 viewPartners.
    const dir = args.profiles ? path.resolve(args.profiles) : undefined;
    if (dir) mkdirSync(dir, { recursive: true });
    gc();
    analysis.profileStoreLoad = (
      await profile(() => loadStore(), { file: dir && path.join(dir, 'store-load.cpuprofile'), repoRoot: args.repo })
    ).top;
    analysis.profileViewPartners = (
      await profile(
        () => {
          for (let i = 0; i < 20; i++) partnerView.viewPartners(store, 14, new Date());
        },
        { file: dir && path.join(dir, 'view-partners.cpuprofile'), repoRoot: args.repo },
      )
    ).top;
  } catch (error) {
    out.errors.push(`analysis (profiles): ${error.stack ?? error}`);
  }
}

writeFileSync(args.result, JSON.stringify(out, null, 2));
log('done');
