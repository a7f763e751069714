// The extension-host half of the benchmark: an `extensionTestsPath` entry (classic shape: exports run())
// that the real VS Code 1.139 (code-server, smoke-test driver) loads into its extension host. The driver
// (scripts/bench/run.mjs) says what to do through a JSON control file named by ALLIANCES_BENCH_CONTROL
// and reads the results from the file that control names. No assertions on timings here: it measures
// and reports; the driver compares with the targets.
//
// Modes:
//   activation  every extension under test is loaded with no activation event, so nothing activates it
//               before this entry does: it activates a warm-up extension, then hello-world and Alliances
//               in the order given, each timed around `await extension.activate()`, with a breakdown
//               (code loading and the activate() call itself) from a hook on Module._load.
//   store       the workspace holds the big store: activates the same way, then waits for the store to
//               load, measures the heap growth, the tree through the real TreeDataProvider (the view
//               open in the workbench), Log Check-in end to end, reloads, the dashboard opened once and
//               the ecosystem map opened five times (first paint).
//   demo        the demo workspace: opens the dashboard five times (closing it in between) and times each
//               from the command to the page's report that it has drawn the figures.
'use strict';
const fs = require('fs');
const Module = require('module');
const path = require('path');
const { performance } = require('perf_hooks');
const v8 = require('v8');
const vm = require('vm');
const vscode = require('vscode');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (v) => Math.round(v * 100) / 100;
const median = (values) => {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const summary = (values) => ({
  median: round(median(values)),
  min: round(Math.min(...values)),
  max: round(Math.max(...values)),
  n: values.length,
  samples: values.map(round),
});
const log = (line) => console.log(`${process.env.ALLIANCES_BENCH_MARKER || ''}${line}`);

/** A real full GC, so heap figures are live objects only. */
function collectGarbage() {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  gc();
  gc();
}

// ---- activation breakdown: time the require() of each main module and its activate() call --------
const watchedMains = new Map(); // absolute main path (with and without .js) → record
const originalLoad = Module._load;
function hookModuleLoad() {
  Module._load = function load(request, parent, isMain) {
    const record = typeof request === 'string' ? watchedMains.get(request) : undefined;
    if (!record) return originalLoad.apply(this, arguments);
    const start = performance.now();
    record.requireStart = start;
    const exports = originalLoad.apply(this, arguments);
    record.requireEnd = performance.now();
    record.requireMs = record.requireEnd - start;
    if (!exports || typeof exports.activate !== 'function') return exports;
    // The extension host calls activate() on what require returned: time the call, change nothing else.
    return {
      activate(context) {
        const callStart = performance.now();
        record.callStart = callStart;
        try {
          return exports.activate.call(this, context);
        } finally {
          record.callEnd = performance.now();
          record.activateCallMs = record.callEnd - callStart;
        }
      },
      deactivate: typeof exports.deactivate === 'function' ? (...args) => exports.deactivate(...args) : undefined,
    };
  };
}
function watchMain(extension) {
  const main = extension.packageJSON.main;
  if (!main) return {};
  const record = {};
  const full = path.resolve(extension.extensionPath, main);
  for (const candidate of [full, full.replace(/\.js$/, ''), `${full.replace(/\.js$/, '')}.js`]) watchedMains.set(candidate, record);
  return record;
}

/** Waits until start-up is over: no extension activated for `quietMs`, and at least `minMs` passed. */
async function settle(minMs = 2500, quietMs = 1500) {
  const started = Date.now();
  let last = -1;
  let stableSince = Date.now();
  while (Date.now() - started < 30_000) {
    const active = vscode.extensions.all.filter((e) => e.isActive).length;
    if (active !== last) {
      last = active;
      stableSince = Date.now();
    }
    if (Date.now() - started >= minMs && Date.now() - stableSince >= quietMs) return;
    await sleep(100);
  }
}

/** Starts an in-process CPU profile; the returned stop() writes it to `file` (the driver summarises it). */
function startProfile(file) {
  const inspector = require('inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) => session.post(method, params || {}, (err, res) => (err ? reject(err) : resolve(res))));
  const started = post('Profiler.enable')
    .then(() => post('Profiler.setSamplingInterval', { interval: 100 }))
    .then(() => post('Profiler.start'));
  return {
    started,
    async stop() {
      const { profile } = await post('Profiler.stop');
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

async function activateTimed(id, result, profileFile) {
  const extension = vscode.extensions.getExtension(id);
  if (!extension) throw new Error(`extension ${id} is not loaded in this extension host`);
  if (extension.isActive) {
    result.errors.push(`${id} was already active before the measurement: its figure would be meaningless`);
    return { api: extension.exports };
  }
  const record = watchMain(extension);
  await sleep(300); // a quiet moment: nothing of ours running when the clock starts
  const profiler = profileFile ? startProfile(profileFile) : undefined;
  if (profiler) await profiler.started;
  const start = performance.now();
  const api = await extension.activate();
  const end = performance.now();
  const totalMs = end - start;
  if (profiler) await profiler.stop();
  result.activation[id] = {
    totalMs: round(totalMs),
    requireMs: round(record.requireMs ?? NaN),
    activateCallMs: round(record.activateCallMs ?? NaN),
    // VS Code's own work around the extension's: before require (activation bookkeeping, the
    // ExtensionContext and its storage), between require and activate(), after activate() returned.
    beforeRequireMs: round((record.requireStart ?? NaN) - start),
    betweenMs: round((record.callStart ?? NaN) - (record.requireEnd ?? NaN)),
    afterCallMs: round(end - (record.callEnd ?? NaN)),
  };
  log(
    `activate ${id}: ${totalMs.toFixed(2)} ms (require ${record.requireMs?.toFixed(2)} ms, activate() ${record.activateCallMs?.toFixed(2)} ms)`,
  );
  return { api, totalMs };
}

// ---- the partners tree, walked the way the workbench does: expanded nodes only ---------------------
function walkTree(tree) {
  let nodes = 0;
  let partners = 0;
  const visit = (parent) => {
    for (const child of tree.getChildren(parent) || []) {
      nodes++;
      if (child && child.type === 'partner') partners++;
      const item = tree.getTreeItem(child);
      if (item && item.collapsibleState === vscode.TreeItemCollapsibleState.Expanded) visit(child);
    }
  };
  visit(undefined);
  return { nodes, partners };
}

/** Counts calls VS Code makes to the provider (it fetches the tree over IPC when the view is open). */
function instrumentProvider(tree) {
  const calls = { getChildren: [], getTreeItem: 0, last: 0, busyMs: 0 };
  const getChildren = tree.getChildren.bind(tree);
  const getTreeItem = tree.getTreeItem.bind(tree);
  let ours = false;
  tree.getChildren = (node) => {
    const start = performance.now();
    try {
      return getChildren(node);
    } finally {
      const end = performance.now();
      if (!ours) {
        calls.getChildren.push({ at: start, root: node === undefined });
        calls.last = end;
        calls.busyMs += end - start;
      }
    }
  };
  tree.getTreeItem = (node) => {
    const start = performance.now();
    try {
      return getTreeItem(node);
    } finally {
      const end = performance.now();
      if (!ours) {
        calls.getTreeItem++;
        calls.last = end;
        calls.busyMs += end - start;
      }
    }
  };
  return {
    calls,
    /** Runs fn without counting its provider calls as the workbench's. */
    ours(fn) {
      ours = true;
      try {
        return fn();
      } finally {
        ours = false;
      }
    },
    reset() {
      calls.getChildren = [];
      calls.getTreeItem = 0;
      calls.last = 0;
      calls.busyMs = 0;
    },
  };
}

/** Waits until the workbench has made no provider call for `quietMs` (or `maxMs` passed). */
async function providerQuiet(probe, quietMs = 400, maxMs = 15_000) {
  const start = performance.now();
  while (performance.now() - start < maxMs) {
    const last = probe.calls.last || start;
    if (performance.now() - last >= quietMs) return;
    await sleep(50);
  }
}

function findPartnerNode(tree, partnerId) {
  for (const top of tree.getChildren(undefined) || []) {
    if (top.type === 'partner' && top.view.record.value.id === partnerId) return top;
    for (const child of tree.getChildren(top) || []) {
      if (child.type === 'partner' && child.view.record.value.id === partnerId) return child;
      if (child.type === 'group') {
        for (const grand of tree.getChildren(child) || [])
          if (grand.type === 'partner' && grand.view.record.value.id === partnerId) return grand;
      }
    }
  }
  return undefined;
}

// ---- modes -----------------------------------------------------------------------------------------

async function activationMode(control, result) {
  await settle();
  for (const id of control.order) await activateTimed(id, result);
}

/**
 * The live services, through the door that exists only while tests run (src/extension/testInternals.ts).
 * Reading the public API loads main.js, which registers that command; the store is not loaded yet then.
 */
async function internalsOf({ api }) {
  if (!api || api.apiVersion !== 1) throw new Error('activate() did not return the Alliances API (apiVersion 1)');
  return vscode.commands.executeCommand('alliances.test.internals');
}

async function storeMode(control, result) {
  await settle();
  const [alliancesId] = control.order.filter((id) => id === control.alliancesId);
  for (const id of control.order.filter((id) => id !== alliancesId)) await activateTimed(id, result);

  // Heap before Alliances: everything else already loaded and settled.
  await sleep(500);
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;

  const start = performance.now();
  // Profiled (this window's activation figure is for information only; the activation windows are not).
  const api = await internalsOf(await activateTimed(alliancesId, result, control.activationProfile));
  if (!api || !api.service || !api.tree) throw new Error('the test-only internals (service, tree) are not available');
  // Loading the store must not be on the activation path: when activate() has returned, nothing is loaded yet.
  result.storeLoadedWhenActivateReturned = api.service.folders().some((entry) => entry.store.isLoaded);
  await api.service.whenReady();
  const readyMs = performance.now() - start;
  const entry = api.service.folders()[0];
  if (!entry) throw new Error('no workspace folder store');
  const store = entry.store;
  const count = (kind) => {
    try {
      return typeof store.all === 'function'
        ? store.all(kind).length
        : kind === 'partner'
          ? store.partners().length
          : store.checkIns().length;
    } catch {
      return 0;
    }
  };
  result.store = {
    loadedMs: round(readyMs),
    partners: count('partner'),
    checkIns: count('checkIn'),
    talkingPoints: count('talkingPoint'),
    followUps: count('followUp'),
    problems: store.problems().length,
  };
  log(`store loaded in the extension host ${readyMs.toFixed(0)} ms after activate(): ${JSON.stringify(result.store)}`);

  // Let the start-up work finish (watchers, the reminder 4 s after start), then the heap.
  await sleep(5000);
  collectGarbage();
  const heapAfter = process.memoryUsage().heapUsed;
  result.heap = { beforeBytes: heapBefore, afterBytes: heapAfter, growthBytes: heapAfter - heapBefore };
  log(`heap growth with the store loaded: ${((heapAfter - heapBefore) / 1048576).toFixed(1)} MB`);

  // Open the view, as a user with the sidebar open: the workbench now fetches the tree through IPC.
  const tree = api.tree;
  const probe = instrumentProvider(tree);
  const openStart = performance.now();
  await vscode.commands.executeCommand('workbench.view.extension.alliances');
  await providerQuiet(probe, 600);
  result.treeFirstShow = {
    untilLastProviderCallMs: round(probe.calls.last ? probe.calls.last - openStart : NaN),
    getChildrenCalls: probe.calls.getChildren.length,
    getTreeItemCalls: probe.calls.getTreeItem,
    providerBusyMs: round(probe.calls.busyMs),
  };
  log(
    `view opened: the workbench fetched ${probe.calls.getTreeItem} items in ${result.treeFirstShow.untilLastProviderCallMs} ms (provider busy ${result.treeFirstShow.providerBusyMs} ms)`,
  );

  // The tree through the real provider: a full walk as the workbench does it, with the due-state cache
  // cold (cleared the way a store change clears it) and warm.
  // What a store change drops: the due states and the agenda counts (older builds: the views cache only).
  const cache = typeof api.service.invalidate === 'function' ? { clear: () => api.service.invalidate() } : api.service.viewsCache;
  const clearViews = () => (cache && typeof cache.clear === 'function' ? cache.clear() : undefined);
  const cold = [];
  const warm = [];
  const views = [];
  let shape;
  probe.ours(() => {
    for (let i = 0; i < 18; i++) {
      clearViews();
      let t = performance.now();
      shape = walkTree(tree);
      if (i >= 3) cold.push(performance.now() - t);
      t = performance.now();
      walkTree(tree);
      if (i >= 3) warm.push(performance.now() - t);
      clearViews();
      t = performance.now();
      api.service.views(entry);
      if (i >= 3) views.push(performance.now() - t);
    }
  });
  result.tree = { ...shape, coldWalk: summary(cold), warmWalk: summary(warm), viewPartners: summary(views), cacheCleared: Boolean(cache) };
  log(
    `tree walk: ${shape.nodes} nodes (${shape.partners} partners), cold ${median(cold).toFixed(1)} ms, warm ${median(warm).toFixed(1)} ms; views() ${median(views).toFixed(1)} ms`,
  );

  // Log Check-in, end to end: command → file on disk → tree event → the provider serves the new state.
  const partners = store.partners().filter((p) => !p.value.archived && !p.readOnly);
  const picks = Array.from(
    { length: control.logCheckIns || 12 },
    (_, i) => partners[Math.floor(((i + 0.5) * partners.length) / (control.logCheckIns || 12))],
  );
  const runs = [];
  for (const [i, partner] of picks.entries()) {
    await providerQuiet(probe, 400);
    await sleep(250); // the watcher's echo of the previous write (debounced 75 ms) has run
    probe.reset();
    let treeEventAt;
    const subscription = tree.onDidChangeTreeData(() => {
      if (treeEventAt === undefined) treeEventAt = performance.now();
    });
    const id = partner.value.id;
    const start = performance.now();
    const record = await vscode.commands.executeCommand('alliances.logCheckIn', id, { kind: 'async', summary: `bench ${i}` });
    const commandMs = performance.now() - start;
    if (!record || !record.path) throw new Error(`alliances.logCheckIn returned ${JSON.stringify(record)} for ${id}`);
    const onDisk = fs.statSync(record.path).isFile() && fs.readFileSync(record.path, 'utf8').includes(record.value.id);
    const onDiskMs = performance.now() - start;
    while (treeEventAt === undefined && performance.now() - start < 5000) await sleep(1);
    const fresh = probe.ours(() => {
      const node = findPartnerNode(tree, id);
      if (!node) return false;
      tree.getTreeItem(node);
      return node.view.lastCheckIn && node.view.lastCheckIn.id === record.value.id;
    });
    const totalMs = performance.now() - start;
    subscription.dispose();
    await providerQuiet(probe, 400);
    const workbench = probe.calls.last ? probe.calls.last - start : NaN;
    runs.push({
      totalMs: round(totalMs),
      commandMs: round(commandMs),
      onDiskMs: round(onDiskMs),
      treeEventMs: round((treeEventAt ?? NaN) - start),
      onDisk,
      fresh,
      workbenchRefetchDoneMs: round(workbench),
      workbenchItems: probe.calls.getTreeItem,
    });
    log(
      `log check-in ${i + 1}: ${totalMs.toFixed(1)} ms (command ${commandMs.toFixed(1)}, tree event ${((treeEventAt ?? NaN) - start).toFixed(1)}), workbench re-fetch done at ${workbench.toFixed(0)} ms (${probe.calls.getTreeItem} items)${onDisk && fresh ? '' : ' — NOT VERIFIED'}`,
    );
    if (!onDisk || !fresh) result.errors.push(`log check-in ${i + 1}: on disk ${onDisk}, tree fresh ${fresh}`);
  }
  // Evidence for the figures above, measured after them so that the profiler does not touch them: one
  // more Log Check-in and five warm tree walks, CPU-profiled (the driver summarises the files).
  if (control.profileDir) {
    await providerQuiet(probe, 400);
    await sleep(250);
    const partner = partners[Math.floor(partners.length / 3)];
    let profiler = startProfile(path.join(control.profileDir, 'log-check-in-extension-host.cpuprofile'));
    await profiler.started;
    await vscode.commands.executeCommand('alliances.logCheckIn', partner.value.id, { kind: 'async', summary: 'bench (profiled)' });
    await profiler.stop();
    await providerQuiet(probe, 400);
    profiler = startProfile(path.join(control.profileDir, 'tree-walk-extension-host.cpuprofile'));
    await profiler.started;
    probe.ours(() => {
      for (let i = 0; i < 5; i++) walkTree(tree);
    });
    await profiler.stop();
  }

  result.logCheckIn = {
    runs,
    total: summary(runs.map((r) => r.totalMs)),
    totalExceptFirst: summary(runs.slice(1).map((r) => r.totalMs)),
    first: runs[0],
    workbenchRefetchDone: summary(runs.map((r) => r.workbenchRefetchDoneMs)),
  };

  // A file changed by someone else: reloadFile through the live store, with every listener the
  // extension hangs on it (due states, tree, status bar, badge, diagnostics) running synchronously.
  const checkIns = store.checkIns();
  const reloads = [];
  const outside = [];
  for (let i = 0; i < 10; i++) {
    await providerQuiet(probe, 300);
    await sleep(200);
    const target = checkIns[Math.floor(((i + 0.5) * checkIns.length) / 10)];
    const value = JSON.parse(fs.readFileSync(target.path, 'utf8'));
    value.summary = `${value.summary} (edited in the bench ${i})`;
    fs.writeFileSync(target.path, `${JSON.stringify(value, null, 2)}\n`);
    const start = performance.now();
    await store.reloadFile(target.path);
    reloads.push(performance.now() - start);
  }
  // And the same through the file watcher only: write, then wait for the tree's change event.
  for (let i = 0; i < 5; i++) {
    await providerQuiet(probe, 300);
    await sleep(300);
    const target = checkIns[Math.floor(((i + 0.25) * checkIns.length) / 5)];
    const value = JSON.parse(fs.readFileSync(target.path, 'utf8'));
    value.summary = `${value.summary} (watched ${i})`;
    let changedAt;
    const subscription = tree.onDidChangeTreeData(() => {
      if (changedAt === undefined) changedAt = performance.now();
    });
    const start = performance.now();
    fs.writeFileSync(target.path, `${JSON.stringify(value, null, 2)}\n`);
    while (changedAt === undefined && performance.now() - start < 5000) await sleep(2);
    subscription.dispose();
    outside.push((changedAt ?? NaN) - start);
  }
  result.reload = { reloadFileWithListeners: summary(reloads), outsideWriteToTreeEvent: summary(outside) };
  log(`reloadFile with listeners ${median(reloads).toFixed(1)} ms; outside write → tree event ${median(outside).toFixed(0)} ms`);

  collectGarbage();
  result.heap.endBytes = process.memoryUsage().heapUsed;

  try {
    result.tools = await toolsTimed(api, store);
  } catch (error) {
    result.errors.push(`language-model tools: ${String((error && error.stack) || error)}`);
  }

  try {
    result.dashboard = await openDashboardTimed(api);
    log(`dashboard on the big store: first paint ${result.dashboard.firstPaintMs} ms, statistics ${result.dashboard.computeMs} ms`);
  } catch (error) {
    result.errors.push(`dashboard: ${String((error && error.stack) || error)}`);
  }

  // The first multi-step flow of a session requires dist/flows.js (shared/lazyCommands.ts): Add Partner
  // through its argument form, the first call against the next ones.
  try {
    const loadedBefore = Object.keys(require.cache).some((file) => file.endsWith(`${path.sep}flows.js`));
    const runs = [];
    for (let i = 0; i < 4; i++) {
      await sleep(300);
      const start = performance.now();
      const added = await vscode.commands.executeCommand('alliances.addPartner', { name: `Bench Flow ${i}`, department: 'Data' });
      runs.push(performance.now() - start);
      if (!added || !added.path) throw new Error(`alliances.addPartner returned ${JSON.stringify(added)}`);
    }
    result.firstFlow = { loadedBefore, firstMs: round(runs[0]), later: summary(runs.slice(1)) };
    log(`first flow (Add Partner, loads dist/flows.js): ${runs[0].toFixed(1)} ms; later ${median(runs.slice(1)).toFixed(1)} ms`);
  } catch (error) {
    result.errors.push(`first flow: ${String((error && error.stack) || error)}`);
  }

  try {
    // The ecosystem map of the whole big store, opened five times (closed in between): each from the
    // command to the page's report that it has drawn the picture.
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await openMapTimed(api));
    result.map = {
      firstPaint: summary(runs.map((r) => r.firstPaintMs)),
      computeMs: summary(runs.map((r) => r.computeMs)),
      partners: runs[0].partners,
      nodes: runs[0].nodes,
    };
    log(`ecosystem map on the big store: first paint ${runs.map((r) => r.firstPaintMs.toFixed(0)).join(', ')} ms`);
  } catch (error) {
    result.errors.push(`map: ${String((error && error.stack) || error)}`);
  }
}

/** Opens the ecosystem map and waits for the page to say it has drawn the picture. */
async function openMapTimed(api) {
  await vscode.commands.executeCommand('alliances.openEcosystemMap');
  const panel = api.ecosystemMap && api.ecosystemMap.instance.current;
  if (!panel) throw new Error('alliances.openEcosystemMap opened no panel');
  const start = performance.now();
  while (panel.firstPaintMs === undefined && performance.now() - start < 60_000) await sleep(5);
  if (panel.firstPaintMs === undefined) throw new Error('the map page never reported it had drawn the picture (60 s)');
  const figures = {
    firstPaintMs: round(panel.firstPaintMs),
    computeMs: round(panel.lastComputeMs),
    partners: panel.last ? panel.last.totals.partners : NaN,
    nodes: panel.last ? panel.last.nodes.length : NaN,
  };
  panel.dispose();
  await sleep(300);
  return figures;
}

/**
 * The language-model tools over the big store, as a chat calls them: each read tool through
 * vscode.lm.invokeTool, each write tool's confirmation (prepareInvocation: the plan, nothing written).
 * The first call of all loads dist/lmTools.js, search's first builds its index: both reported apart.
 */
async function toolsTimed(api, store) {
  const partners = store.partners().filter((p) => !p.value.archived);
  const partner = partners[Math.floor(partners.length / 2)].value;
  const word = partner.name.split(/\s+/).pop();
  // By id: the generated store repeats names (a tool asks which one rather than guess).
  const who = partner.id;
  const reads = [
    ['due', {}],
    ['brief', { partner: who }],
    ['search', { query: word }],
    ['ecosystem', {}],
    ['agenda', { partner: who }],
  ];
  const writes = [
    ['logCheckIn', { partner: who, kind: 'async', summary: 'bench (never written)' }],
    ['addTalkingPoint', { partner: who, text: 'bench (never written)' }],
    ['addFollowUp', { partner: who, text: 'bench (never written)', owner: 'me', due: '2030-01-15' }],
  ];
  const token = new vscode.CancellationTokenSource().token;
  const out = { lmToolsLoadedBefore: Object.keys(require.cache).some((file) => file.endsWith(`${path.sep}lmTools.js`)), tools: {} };
  const time = async (call) => {
    const start = performance.now();
    const value = await call();
    return [performance.now() - start, value];
  };
  for (const [key, input] of [...reads, ...writes]) {
    const isWrite = writes.some(([k]) => k === key);
    const call = isWrite
      ? () => api.lmTools.tools.get(key).prepareInvocation({ input }, token)
      : () => vscode.lm.invokeTool(`alliances_${key}`, { input, toolInvocationToken: undefined }, token);
    const [firstMs, first] = await time(call);
    const answered = isWrite
      ? Boolean(first && first.confirmationMessages)
      : first.content.some((part) => typeof part.value === 'string' && part.value.length > 0);
    const warm = [];
    for (let i = 0; i < 7; i++) warm.push((await time(call))[0]);
    out.tools[key] = { kind: isWrite ? 'confirmation' : 'answer', firstMs: round(firstMs), warm: summary(warm), answered };
    log(`tool ${key}: first ${firstMs.toFixed(1)} ms, then median ${median(warm).toFixed(1)} ms${answered ? '' : ' — NO ANSWER'}`);
  }
  return out;
}

/** Opens the dashboard and waits for the page to say it has drawn the figures. */
async function openDashboardTimed(api) {
  await vscode.commands.executeCommand('alliances.openDashboard');
  const panel = api.dashboard && api.dashboard.instance.current;
  if (!panel) throw new Error('alliances.openDashboard opened no panel');
  const start = performance.now();
  while (panel.firstPaintMs === undefined && performance.now() - start < 60_000) await sleep(5);
  const figures = { firstPaintMs: round(panel.firstPaintMs ?? NaN), computeMs: round(panel.lastComputeMs) };
  panel.dispose();
  await sleep(300);
  return figures;
}

async function demoMode(control, result) {
  await settle();
  const api = await internalsOf(await activateTimed(control.alliancesId, result));
  await api.service.whenReady();
  await sleep(500);
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await openDashboardTimed(api));
  result.demo = { firstPaint: summary(runs.map((r) => r.firstPaintMs)), computeMs: summary(runs.map((r) => r.computeMs)), first: runs[0] };
  log(`dashboard first paint on the demo workspace: ${runs.map((r) => r.firstPaintMs.toFixed(0)).join(', ')} ms`);
}

exports.run = async function run() {
  const control = JSON.parse(fs.readFileSync(process.env.ALLIANCES_BENCH_CONTROL, 'utf8'));
  const result = {
    mode: control.mode,
    window: control.window,
    order: control.order,
    vscodeVersion: vscode.version,
    node: process.version,
    vscodeApiKeys: Object.keys(vscode).length,
    activation: {},
    errors: [],
    startedAt: new Date().toISOString(),
  };
  hookModuleLoad();
  try {
    if (control.mode === 'activation') await activationMode(control, result);
    else if (control.mode === 'store') await storeMode(control, result);
    else if (control.mode === 'demo') await demoMode(control, result);
    else throw new Error(`unknown mode ${control.mode}`);
  } catch (error) {
    result.errors.push(String((error && error.stack) || error));
    log(`ERROR ${String((error && error.stack) || error)}`);
  } finally {
    Module._load = originalLoad;
    fs.writeFileSync(control.resultsFile, JSON.stringify(result, null, 2));
  }
};
