import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { newId } from '../../src/core/ids';
import type { Partner } from '../../src/core/model';
import type { Loaded } from '../../src/core/store';
import type { AlliancesInternals } from '../../src/extension/testInternals';
import { api, bundleLoaded, listFiles, storeRoot, waitFor } from './helpers';

// The ecosystem map in the real extension host: the command opens one panel, the page asks for the map,
// the data posted matches the store, and every message from the page is checked before anything happens.
describe('ecosystem map', function () {
  let alliances: AlliancesInternals;
  let mia: Loaded<Partner>;
  let noor: Loaded<Partner>;
  let ivo: Loaded<Partner>;
  let connectionFile: string;

  const add = async (name: string, organisation?: string) =>
    await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', { name, department: 'Cartography', organisation });

  before(async () => {
    alliances = await api();
    mia = await add('Mia Map', 'Atlas Ltd');
    noor = await add('Noor Map', 'Atlas Ltd');
    ivo = await add('Ivo Map');
    await vscode.commands.executeCommand('alliances.logCheckIn', mia.value.id, { kind: 'one-on-one', rating: 4, summary: 'Map review' });
    // Mia introduced Noor: Mia is the team's only link to Noor (a broker); nobody links to Ivo (isolated).
    const stamp = new Date().toISOString();
    const connection = {
      schemaVersion: 1,
      id: newId(),
      fromId: mia.value.id,
      toId: noor.value.id,
      kind: 'introduced',
      createdAt: stamp,
      updatedAt: stamp,
      author: { name: 'Test' },
    };
    connectionFile = path.join(storeRoot(), 'connections', `${connection.id}.json`);
    await fs.mkdir(path.dirname(connectionFile), { recursive: true });
    await fs.writeFile(connectionFile, `${JSON.stringify(connection, null, 2)}\n`);
    await waitFor('the connection to load', () => alliances.service.folders()[0]?.store.all('connection').length, 10_000);
  });

  after(async () => {
    alliances.ecosystemMap.instance.current?.dispose();
    alliances.dashboard.instance.current?.dispose();
    await fs.rm(connectionFile, { force: true });
  });

  it('Open Ecosystem Map opens one panel whose page receives the map of the store', async () => {
    assert.equal(bundleLoaded('map.js'), false, 'dist/map.js loads on first use only');
    assert.equal(await vscode.commands.executeCommand('alliances.openEcosystemMap'), true);
    assert.ok(bundleLoaded('map.js'));
    const panel = alliances.ecosystemMap.instance.current;
    assert.ok(panel, 'a panel is open');
    await waitFor('the page to ask for the map', () => panel.posted > 0 && panel.last, 15_000);
    const data = panel.last!;
    const active = alliances.service
      .folders()
      .flatMap((f) => f.store.partners())
      .filter((p) => !p.value.archived)
      .map((p) => p.value.id)
      .sort();
    assert.deepEqual(
      data.nodes
        .filter((n) => n.kind === 'partner')
        .map((n) => n.id)
        .sort(),
      active,
      'one node per active partner of the store',
    );
    const key = (p: Loaded<Partner>) => `p:${p.value.id}`;
    assert.ok(data.edges.some((e) => e.kind === 'connection' && [e.from, e.to].sort().join() === [key(mia), key(noor)].sort().join()));
    assert.ok(data.edges.some((e) => e.kind === 'check-in' && e.to === key(mia) && e.count === 1));
    assert.ok(data.figures.brokers.some((b) => b.partnerId === mia.value.id && b.cutOffNames.includes('Noor Map')));
    assert.ok(data.figures.isolated.some((p) => p.partnerId === ivo.value.id));
    assert.equal(data.nodes.find((n) => n.id === ivo.value.id)?.isolated, true);

    assert.equal(await vscode.commands.executeCommand('alliances.openEcosystemMap'), true);
    assert.equal(alliances.ecosystemMap.instance.current, panel, 'opening again reveals the same panel');
  });

  it('filters by department and organisation, groups by organisation, and draws the same picture twice', async () => {
    const panel = alliances.ecosystemMap.instance.current!;
    assert.equal(
      (await panel.handle({ type: 'setFilter', filter: { department: 'cartography', organisation: 'ATLAS LTD' }, groupBy: 'organisation' }))
        .kind,
      'data',
    );
    const data = panel.last!;
    assert.deepEqual(
      data.nodes
        .filter((n) => n.kind === 'partner')
        .map((n) => n.name)
        .sort(),
      ['Mia Map', 'Noor Map'],
    );
    assert.deepEqual(
      data.groups.filter((g) => g.kind === 'group').map((g) => g.label),
      ['Atlas Ltd'],
    );
    await panel.postData();
    assert.deepEqual(
      panel.last!.nodes.map((n) => [n.key, n.x, n.y]),
      data.nodes.map((n) => [n.key, n.x, n.y]),
      'the same store draws the same picture',
    );
    await panel.handle({ type: 'setFilter', filter: {}, groupBy: 'department' });
  });

  it('recomputes when the store changes', async () => {
    const panel = alliances.ecosystemMap.instance.current!;
    const posted = panel.posted;
    await vscode.commands.executeCommand('alliances.logCheckIn', ivo.value.id, { kind: 'ad-hoc', rating: 3, summary: 'Said hello' });
    await waitFor(
      'a fresh map after the write',
      () => panel.posted > posted && !panel.last!.figures.isolated.some((p) => p.partnerId === ivo.value.id),
      5000,
    );
  });

  it('the dashboard lists the connectivity and its button opens the map with its filter', async () => {
    assert.equal(await vscode.commands.executeCommand('alliances.openDashboard', { department: 'Cartography' }), true);
    const dashboard = alliances.dashboard.instance.current!;
    await waitFor('the dashboard figures', () => dashboard.last, 15_000);
    assert.ok(dashboard.last!.connectivity.brokers.some((b) => b.partnerId === mia.value.id));
    assert.deepEqual(dashboard.last!.options.organisations.includes('Atlas Ltd'), true);
    assert.deepEqual(await dashboard.handle({ type: 'openMap', filter: { department: 'Cartography' } }), { kind: 'openMap' });
    assert.deepEqual(alliances.ecosystemMap.instance.current?.filter, { department: 'Cartography' });
  });

  it('opens a partner page for a node, and rejects malformed messages with no side effect', async () => {
    const panel = alliances.ecosystemMap.instance.current!;
    assert.deepEqual(await panel.handle({ type: 'openPartner', requestId: 'r1', id: mia.value.id }), {
      kind: 'openPartner',
      id: mia.value.id,
    });
    await waitFor('the partner page', () => alliances.partnerPages.instance.get(mia.value.id), 10_000);
    alliances.partnerPages.instance.get(mia.value.id)?.dispose();
    const files = await listFiles(storeRoot());
    const bad: unknown[] = [
      null,
      { type: 'deleteEverything' },
      { type: 'openPartner', requestId: 'r2', id: '../../etc/passwd' },
      { type: 'openPartner', requestId: 'r3', id: newId() },
      { type: 'setFilter', filter: { tag: 42 }, groupBy: 'department' },
      { type: 'setFilter', filter: {}, groupBy: 'colour' },
      { type: 'ready', extra: true },
    ];
    for (const message of bad) {
      const outcome = await panel.handle(message);
      if (outcome.kind !== 'rejected') assert.fail(`accepted ${JSON.stringify(message)}: ${outcome.kind}`);
    }
    assert.deepEqual(await listFiles(storeRoot()), files, 'no file added or removed');
    assert.equal(
      await vscode.commands.executeCommand('alliances.openEcosystemMap', { department: 7 }),
      undefined,
      'a wrong filter is refused',
    );
  });
});
