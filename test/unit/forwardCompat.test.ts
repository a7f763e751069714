// Forward compatibility with the released build: a teammate still on Alliances 0.1.0 (its store core,
// bundled as test/fixtures/v0.1.0/store.js) reads a store this build wrote — group check-ins,
// organisations, tags, connections, team cadence rules — with nothing under "Needs attention", and a
// record it rewrites keeps every field it does not know. Files are compared field by field and byte
// for byte.
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { Store } from '../../src/core/store';
import { createDemoStore } from '../fixtures/demoStore';
import { recordBytes } from '../reliability/counts';
import { ADA, BOB, listFiles, makeTempDir, removeTempDir } from './helpers';

interface OldCore {
  Store: new (options: Record<string, unknown>) => Store;
  nodeFileSystem: unknown;
}

const FIXTURE = path.resolve(__dirname, '../../../test/fixtures/v0.1.0/store.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundled CommonJS build of 0.1.0, loaded as it is
const old = require(FIXTURE) as OldCore;
const TODAY = new Date(2026, 10, 21, 9, 30);

describe('the released 0.1.0 build reads what this build writes', () => {
  let dir: string | undefined;
  let root: string;
  let store: Store;
  let groupId: string;
  let danaId: string;
  let priyaId: string;

  beforeEach(async () => {
    dir = await makeTempDir('alliances-forward-');
    root = path.join(dir, '.alliances');
    store = await createDemoStore(dir, TODAY);
    const byName = new Map(store.partners().map((p) => [p.value.name, p.value.id]));
    danaId = byName.get('Dana Whitfield') ?? '';
    priyaId = byName.get('Priya Raman') ?? '';
    const group = await store.addCheckIn({
      partnerId: danaId,
      partnerIds: [priyaId],
      present: [BOB],
      kind: 'one-on-one',
      rating: 4,
      summary: 'Product trio',
      date: new Date(2026, 10, 20, 15),
    });
    groupId = group.value.id;
    await store.create('connection', { fromId: priyaId, toId: danaId, kind: 'mentors' }, { private: true });
    const manifest = path.join(root, 'alliances.json');
    const current = JSON.parse(await fsp.readFile(manifest, 'utf8')) as Record<string, unknown>;
    const defaults = { cadenceDays: 21, cadenceByTag: { exec: 14 }, cadenceByDepartment: { Vendor: 45 }, graceDays: 3 };
    await fsp.writeFile(manifest, `${JSON.stringify({ ...current, defaults }, null, 2)}\n`);
  });
  afterEach(async () => removeTempDir(dir));

  const oldStore = () => new old.Store({ root, fs: old.nodeFileSystem, author: () => Promise.resolve(ADA), now: () => TODAY });

  it('loads every file with no problem, and files a group check-in under its first partner', async () => {
    const before = await listFiles(root);
    const legacy = oldStore();
    await legacy.load();
    assert.deepEqual(
      legacy.problems().map((p) => `${p.relativePath}: ${p.reason}`),
      [],
    );
    assert.equal(legacy.partners().length, store.partners().length);
    assert.equal(legacy.checkIns().length, store.checkIns().length);
    assert.equal(legacy.lastCheckIn(danaId)?.id, groupId);
    assert.equal(legacy.teamCadenceDays(), 21, 'the team default it knows still applies');
    const dana = legacy.partners().find((p) => p.value.id === danaId)?.value as Record<string, unknown> | undefined;
    assert.deepEqual(dana?.['tags'], ['exec', 'launch-q1'], 'unknown fields are kept in memory too');
    assert.deepEqual(await listFiles(root), before, 'reading writes nothing');
  });

  it('keeps every new field of the partners, check-ins and manifest it rewrites', async () => {
    const legacy = oldStore();
    await legacy.load();
    const jonas = store.partners().find((p) => p.value.name === 'Jonas Berg');
    assert.ok(jonas);
    await legacy.updatePartner(jonas.value.id, { role: 'Partner Manager' });
    await legacy.update('checkIn', groupId, { summary: 'Product trio, edited on 0.1.0' });
    await legacy.initialize();

    const partner = JSON.parse(await fsp.readFile(jonas.path, 'utf8')) as Record<string, unknown>;
    assert.equal(partner['role'], 'Partner Manager');
    assert.equal(partner['organisation'], 'Northwind Cloud');
    const checkIn = JSON.parse(await fsp.readFile(store.get('checkIn', groupId)?.path ?? '', 'utf8')) as Record<string, unknown>;
    assert.equal(checkIn['summary'], 'Product trio, edited on 0.1.0');
    assert.deepEqual(checkIn['partnerIds'], [danaId, priyaId]);
    assert.deepEqual(checkIn['present'], [BOB]);
    const manifest = JSON.parse(await fsp.readFile(path.join(root, 'alliances.json'), 'utf8')) as { defaults: Record<string, unknown> };
    assert.deepEqual(manifest.defaults['cadenceByTag'], { exec: 14 });
    assert.equal(manifest.defaults['graceDays'], 3);

    // This build reads what 0.1.0 wrote: the group still counts for both, nothing needs attention.
    await store.load();
    assert.deepEqual(store.problems(), []);
    assert.equal(store.lastCheckIn(priyaId)?.summary, 'Product trio, edited on 0.1.0');
    assert.equal(store.ofPartner('connection', priyaId).length, 2);
  });

  it('leaves the connections, concerns and votes alone: a folder it does not know is not its to read or write', async () => {
    const files = (await listFiles(root)).filter((file) => /(^|\/)(connections|concerns|votes)\//.test(file));
    assert.ok(files.length >= 5 + 2 + 3, files.join('\n'));
    const bytes = await Promise.all(files.map((file) => fsp.readFile(path.join(root, file))));
    const legacy = oldStore();
    await legacy.load();
    await legacy.updatePartner(danaId, { role: 'VP of Product' });
    for (const [index, file] of files.entries())
      assert.equal(recordBytes('unit-forward-compat', bytes[index] ?? Buffer.alloc(0), await fsp.readFile(path.join(root, file))), 0);
  });
});
