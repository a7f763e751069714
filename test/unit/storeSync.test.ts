import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { serialise } from '../../src/core/store';
import { makeStore, makeTempDir, removeTempDir } from './helpers';

const OUTSIDE_ID = '01jz0000000000000000000aaa';

function partnerText(id: string, name: string): string {
  return serialise({
    schemaVersion: 1,
    id,
    name,
    department: 'Data',
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
    author: { name: 'Teammate' },
  });
}

// Folder-level changes (checkout, rm -r) and loads racing with writes: nothing written is ever dropped.
describe('Store.sync and load racing writes', () => {
  let root: string;
  let dir: string;

  beforeEach(async () => {
    dir = await makeTempDir();
    root = path.join(dir, '.alliances');
  });
  afterEach(() => removeTempDir(dir));

  it('sync() reads new files and drops vanished ones, keeping the rest', async () => {
    const store = makeStore(root);
    await store.load();
    const kept = await store.addPartner({ name: 'Kept Kim', department: 'Sales' });
    const gone = await store.addPartner({ name: 'Gone Gus', department: 'Sales' });
    await fsp.writeFile(path.join(root, 'partners', `outside-${OUTSIDE_ID}.json`), partnerText(OUTSIDE_ID, 'Outside Olga'));
    await fsp.rm(gone.path);
    assert.equal(await store.sync(), true);
    assert.deepEqual(
      store
        .partners()
        .map((p) => p.value.name)
        .sort(),
      ['Kept Kim', 'Outside Olga'],
    );
    assert.equal(store.partner(kept.value.id)?.path, kept.path);
    assert.equal(await store.sync(), false, 'nothing new the second time');
  });

  it('sync() after the whole store folder is removed and restored (a checkout and back) loses nothing', async () => {
    const store = makeStore(root);
    await store.load();
    const partner = await store.addPartner({ name: 'Dana', department: 'Product' });
    const backup = path.join(dir, 'backup');
    await fsp.rename(root, backup);
    await store.sync();
    assert.equal(store.partners().length, 0);
    await fsp.rename(backup, root);
    await store.sync();
    assert.equal(store.partner(partner.value.id)?.value.name, 'Dana');
  });

  it('a load() running while partners are written keeps every written partner', async () => {
    const store = makeStore(root);
    await store.load();
    await store.initialize();
    for (let i = 0; i < 20; i++)
      await fsp.writeFile(
        path.join(root, 'partners', `p${i}-01jz00000000000000000000${String(i).padStart(2, '0')}.json`),
        partnerText(`01jz00000000000000000000${String(i).padStart(2, '0')}`, `P${i}`),
      );
    const writes = Array.from({ length: 10 }, (_, i) => store.addPartner({ name: `New ${i}`, department: 'Design' }));
    const loads = [store.load(), store.load()];
    await Promise.all([...writes, ...loads]);
    const names = store.partners().map((p) => p.value.name);
    for (let i = 0; i < 10; i++) assert.ok(names.includes(`New ${i}`), `New ${i} is still in memory`);
    assert.equal(names.length, 30);
    assert.ok(store.manifest, 'the manifest is still known');
  });

  it('knows its checkins/<year>/ folders (for the watchers)', async () => {
    const store = makeStore(root);
    await store.load();
    const partner = await store.addPartner({ name: 'Dana', department: 'Product' });
    await store.addCheckIn({ partnerId: partner.value.id, kind: 'async', summary: 'x', date: new Date(2025, 5, 1) });
    await store.addCheckIn({ partnerId: partner.value.id, kind: 'async', summary: 'y', date: new Date(2026, 5, 1) });
    assert.deepEqual(store.checkInFolders().sort(), [path.join(root, 'checkins', '2025'), path.join(root, 'checkins', '2026')]);
  });

  it('folders() lists every folder that holds or may hold records, private ones and empty year folders too (for the watchers)', async () => {
    const store = makeStore(root);
    await store.load();
    const partner = await store.addPartner({ name: 'Dana', department: 'Product' });
    await store.addCheckIn({ partnerId: partner.value.id, kind: 'async', summary: 'x', date: new Date(2025, 5, 1), private: true });
    // Year folders that hold nothing yet (a pull may fill them later).
    await fsp.mkdir(path.join(root, 'checkins', '2024'), { recursive: true });
    await fsp.mkdir(path.join(root, 'private', 'checkins', '2023'), { recursive: true });
    await store.sync();
    const expected = [
      '',
      'private',
      'partners',
      'checkins',
      'talking-points',
      'follow-ups',
      'asks',
      'connections',
      'initiatives',
      'stances',
      'concerns',
      'votes',
      'private/checkins',
      'private/talking-points',
      'private/follow-ups',
      'private/asks',
      'private/notes',
      'private/connections',
      'private/initiatives',
      'private/stances',
      'private/concerns',
      'private/votes',
      'checkins/2024',
      'private/checkins/2023',
      'private/checkins/2025',
    ].map((folder) => path.join(root, ...folder.split('/').filter(Boolean)));
    assert.deepEqual([...new Set(store.folders())].sort(), expected.sort());
  });
});
