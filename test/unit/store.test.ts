import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { newId } from '../../src/core/ids';
import type { Store } from '../../src/core/store';
import { ADA, checkInRecord, makeStore, makeTempDir, partnerRecord, pretty, removeTempDir, writeFile } from './helpers';

describe('Store.load', () => {
  let dir: string;
  let root: string;

  beforeEach(async () => {
    dir = await makeTempDir();
    root = path.join(dir, '.alliances');
  });
  afterEach(async () => removeTempDir(dir));

  it('loads nothing, and no problems, when the folder does not exist', async () => {
    const store = makeStore(root);
    await store.load();
    assert.equal(store.isLoaded, true);
    assert.equal(store.exists, false);
    assert.deepEqual(store.partners(), []);
    assert.deepEqual(store.problems(), []);
  });

  describe('a folder with good and bad files', () => {
    const goodId = newId();
    const otherId = newId();
    const checkInId = newId();
    const brokenIds = { empty: newId(), truncated: newId(), conflict: newId(), types: newId(), latin1: newId(), duplicate: newId() };
    const mismatchName = newId();
    const fullText = pretty(partnerRecord(brokenIds.truncated));
    // Cut right before "name": the file ends on line 4.
    const truncatedText = fullText.slice(0, fullText.indexOf('"name"'));
    const typesText = pretty(partnerRecord(brokenIds.types, { cadenceDays: '14', archived: 'no' }));
    const badCheckInId = newId();
    let store: Store;

    beforeEach(async () => {
      await writeFile(root, 'alliances.json', pretty({ format: 'alliances', schemaVersion: 1, defaults: { cadenceDays: 10 } }));
      await writeFile(root, `partners/grace-hopper-${goodId}.json`, pretty(partnerRecord(goodId)));
      await writeFile(root, `partners/${otherId}.json`, pretty(partnerRecord(otherId, { name: 'Linus', department: 'Sales' })));
      await writeFile(root, `checkins/2026/${checkInId}.json`, pretty(checkInRecord(checkInId, goodId)));
      await writeFile(root, `partners/empty-${brokenIds.empty}.json`, '');
      await writeFile(root, `partners/truncated-${brokenIds.truncated}.json`, truncatedText);
      await writeFile(
        root,
        `partners/conflict-${brokenIds.conflict}.json`,
        `{\n  "schemaVersion": 1,\n  "id": "${brokenIds.conflict}",\n<<<<<<< HEAD\n  "role": "PM",\n=======\n  "role": "VP",\n>>>>>>> other\n  "name": "X"\n}\n`,
      );
      await writeFile(root, `partners/types-${brokenIds.types}.json`, typesText);
      await writeFile(
        root,
        `partners/latin1-${brokenIds.latin1}.json`,
        Buffer.from(pretty(partnerRecord(brokenIds.latin1, { name: 'Zoë' })), 'latin1'),
      );
      // Same id as the good partner, in another file.
      await writeFile(root, `partners/copy-${goodId}.json`, pretty(partnerRecord(goodId, { name: 'Copy' })));
      await writeFile(root, `partners/mismatch-${mismatchName}.json`, pretty(partnerRecord(newId())));
      await writeFile(root, `checkins/2026/${badCheckInId}.json`, pretty(checkInRecord(badCheckInId, goodId, { kind: 'lunch' })));
      // Not record files: ignored, not reported.
      await writeFile(root, 'partners/README.md', '# notes\n');
      await writeFile(root, `partners/.grace-${goodId}.json.a1b2c3d4.tmp`, '{ half');
      await writeFile(root, 'partners/.hidden.json', '{ broken');
      await writeFile(root, 'private/mine.json', '{ broken');
      await writeFile(root, 'checkins/loose.json', '{ broken');
      await writeFile(root, 'checkins/notes/x.json', '{ broken');
      store = makeStore(root);
      await store.load();
    });

    it('loads the good records', () => {
      const names = store
        .partners()
        .map((p) => p.value.name)
        .sort();
      // Two files claim goodId: neither loads (which one would win depends on reading order); both are reported.
      assert.deepEqual(names, ['Linus']);
      assert.equal(store.partner(goodId), undefined);
      assert.equal(store.checkIns().length, 1);
      assert.equal(store.checkIns()[0]?.value.id, checkInId);
      assert.equal(store.manifest?.format, 'alliances');
      assert.equal(store.teamCadenceDays(), 10);
    });

    it('reports each bad file once, with its relative path, line, reason and code', () => {
      const problems = store.problems();
      const byPath = new Map(problems.map((p) => [p.relativePath, p]));
      const expect = (relativePath: string, code: string, line: number, reason: RegExp) => {
        const problem = byPath.get(relativePath);
        assert.ok(problem, `no problem reported for ${relativePath}; got ${[...byPath.keys()].join(', ')}`);
        assert.equal(problem.code, code, relativePath);
        assert.equal(problem.location.line, line, `${relativePath}: ${JSON.stringify(problem.location)}`);
        assert.match(problem.reason, reason);
        assert.equal(problem.path, path.join(root, ...relativePath.split('/')));
      };
      expect(`partners/empty-${brokenIds.empty}.json`, 'json', 1, /empty/);
      expect(`partners/truncated-${brokenIds.truncated}.json`, 'json', 4, /JSON/);
      expect(`partners/conflict-${brokenIds.conflict}.json`, 'conflict', 4, /conflict/);
      const typesLine = typesText.split('\n').findIndex((line) => line.includes('"cadenceDays"')) + 1;
      expect(`partners/types-${brokenIds.types}.json`, 'schema', typesLine, /"cadenceDays"/);
      expect(`partners/latin1-${brokenIds.latin1}.json`, 'encoding', 4, /UTF-8/);
      expect(`partners/mismatch-${mismatchName}.json`, 'id-mismatch', 3, /file name/);
      expect(`checkins/2026/${badCheckInId}.json`, 'schema', 6, /"kind"/);
      const duplicates = problems.filter((p) => p.relativePath.endsWith(`${goodId}.json`));
      assert.deepEqual(
        duplicates.map((p) => p.relativePath),
        [`partners/copy-${goodId}.json`, `partners/grace-hopper-${goodId}.json`],
        'both files with the same id are reported',
      );
      assert.match(duplicates[0].reason, new RegExp(`Duplicate id ${goodId}: partners/grace-hopper-${goodId}\\.json has the same one`));
      assert.match(duplicates[1].reason, new RegExp(`partners/copy-${goodId}\\.json has the same one`));
      for (const duplicate of duplicates) {
        assert.equal(duplicate.code, 'duplicate-id');
        assert.deepEqual(duplicate.location, { line: 3, column: 3 }, 'points at "id"');
      }
      assert.equal(problems.length, 9, problems.map((p) => p.relativePath).join(', '));
    });

    it('sorts problems by path and names the partner a broken file was for', () => {
      const paths = store.problems().map((p) => p.relativePath);
      assert.deepEqual(
        paths,
        [...paths].sort((a, b) => a.localeCompare(b)),
      );
      const conflict = store.problems().find((p) => p.code === 'conflict');
      assert.equal(conflict?.id, brokenIds.conflict);
      assert.equal(conflict?.kind, 'partner');
    });

    it('never reports temporary, hidden, private or misplaced files', () => {
      const paths = store.problems().map((p) => p.relativePath);
      for (const ignored of [
        'partners/README.md',
        'partners/.hidden.json',
        'private/mine.json',
        'checkins/loose.json',
        'checkins/notes/x.json',
      ]) {
        assert.ok(!paths.includes(ignored), ignored);
      }
      assert.ok(!paths.some((p) => p.endsWith('.tmp')));
    });

    it('indexes check-ins by partner and finds the last one', () => {
      assert.equal(store.checkInsOf(goodId).length, 1);
      assert.equal(store.lastCheckIn(goodId)?.id, checkInId);
      assert.equal(store.lastCheckIn(otherId), undefined);
    });

    it('loads again from scratch with the same result', async () => {
      const before = store.problems().map((p) => `${p.relativePath}:${p.code}`);
      await store.load();
      assert.deepEqual(
        store.problems().map((p) => `${p.relativePath}:${p.code}`),
        before,
      );
      assert.equal(store.partners().length, 1);
    });
  });

  it('does not throw when a folder is a file where the store expects a folder', async () => {
    // After a bad merge or a hand mistake, "partners" or "checkins" can be a file: the rest must still load.
    const id = newId();
    await writeFile(root, 'alliances.json', pretty({ format: 'alliances', schemaVersion: 1 }));
    await writeFile(root, 'partners', 'not a folder');
    await writeFile(root, `checkins/2026/${newId()}.json`, pretty(checkInRecord(newId(), id)));
    const store = makeStore(root);
    await assert.doesNotReject(store.load());
    assert.equal(store.manifest?.format, 'alliances');
  });

  it('reports a file it cannot read (a folder named like a record) without throwing', async () => {
    const id = newId();
    const good = newId();
    await writeFile(root, `partners/ok-${good}.json`, pretty(partnerRecord(good)));
    await fsp.mkdir(path.join(root, 'partners', `dir-${id}.json`), { recursive: true });
    // A symbolic link that points at a folder is listed as a file but cannot be read as one.
    await fsp.symlink(path.join(root, 'partners'), path.join(root, 'partners', `link-${id}.json`));
    const store = makeStore(root);
    await store.load();
    assert.equal(store.partners().length, 1);
    const problem = store.problems().find((p) => p.relativePath === `partners/link-${id}.json`);
    assert.ok(problem, JSON.stringify(store.problems()));
    assert.match(problem.reason, /cannot be read/);
  });

  it('fires onDidChange after loading', async () => {
    const store = makeStore(root);
    let fired = 0;
    store.onDidChange(() => fired++);
    await store.load();
    assert.equal(fired, 1);
  });

  it('reads a store of 300 partners and 600 check-ins (more than one read batch)', async () => {
    const store = makeStore(root);
    const ids = Array.from({ length: 300 }, () => newId());
    await Promise.all(
      ids.map(async (id, i) => {
        await writeFile(root, `partners/p${i}-${id}.json`, pretty(partnerRecord(id, { name: `Partner ${i}` })));
        for (let j = 0; j < 2; j++) {
          const checkInId = newId();
          await writeFile(
            root,
            `checkins/${2025 + j}/${checkInId}.json`,
            pretty(checkInRecord(checkInId, id, { date: `${2025 + j}-03-0${1 + (i % 9)}T10:00:00.000Z` })),
          );
        }
      }),
    );
    await store.load();
    assert.equal(store.partners().length, 300);
    assert.equal(store.checkIns().length, 600);
    assert.deepEqual(store.problems(), []);
    assert.ok(store.lastCheckIn(ids[7])?.date.startsWith('2026-'));
  });
});

describe('Store.reloadFile', () => {
  let dir: string;
  let root: string;
  let store: Store;
  let file: string;
  let id: string;

  beforeEach(async () => {
    dir = await makeTempDir();
    root = path.join(dir, '.alliances');
    store = makeStore(root);
    await store.initialize();
    const added = await store.addPartner({ name: 'Grace Hopper', department: 'Product' });
    id = added.value.id;
    file = added.path;
  });
  afterEach(async () => removeTempDir(dir));

  it('returns false for a file the store wrote itself (the watcher echo of its own write)', async () => {
    assert.equal(await store.reloadFile(file), false);
  });

  it('returns false when the content is unchanged, even if the file was rewritten', async () => {
    const bytes = await fsp.readFile(file);
    await fsp.writeFile(file, bytes);
    assert.equal(await store.reloadFile(file), false);
  });

  it('picks up an outside change and fires onDidChange', async () => {
    const value = { ...(JSON.parse(await fsp.readFile(file, 'utf8')) as Record<string, unknown>), role: 'Chief Product Officer' };
    await fsp.writeFile(file, pretty(value));
    let fired = 0;
    store.onDidChange(() => fired++);
    assert.equal(await store.reloadFile(file), true);
    assert.equal(store.partner(id)?.value.role, 'Chief Product Officer');
    assert.equal(fired, 1);
    // The store now knows this version: an edit applies on top of it instead of being refused.
    await store.updatePartner(id, { department: 'Design' });
    const onDisk = JSON.parse(await fsp.readFile(file, 'utf8')) as Record<string, unknown>;
    assert.equal(onDisk.role, 'Chief Product Officer');
    assert.equal(onDisk.department, 'Design');
  });

  it('picks up a deletion', async () => {
    await store.addCheckIn({ partnerId: id, kind: 'ad-hoc', summary: 'hi' });
    const checkIn = store.checkIns()[0];
    await fsp.unlink(checkIn.path);
    assert.equal(await store.reloadFile(checkIn.path), true);
    assert.equal(store.checkIns().length, 0);
    assert.equal(store.lastCheckIn(id), undefined);
    await fsp.unlink(file);
    assert.equal(await store.reloadFile(file), true);
    assert.equal(store.partner(id), undefined);
    // Deleting what is already gone changes nothing.
    assert.equal(await store.reloadFile(file), false);
  });

  it('picks up a new file written by someone else', async () => {
    const other = newId();
    const otherFile = await writeFile(root, `partners/linus-${other}.json`, pretty(partnerRecord(other, { name: 'Linus' })));
    assert.equal(await store.reloadFile(otherFile), true);
    assert.equal(store.partner(other)?.value.name, 'Linus');
  });

  it('turns a file that became broken into a problem, and back when it is fixed', async () => {
    const good = await fsp.readFile(file);
    await fsp.writeFile(file, '{ "oops": ');
    assert.equal(await store.reloadFile(file), true);
    assert.equal(store.partner(id), undefined);
    assert.equal(store.problems().length, 1);
    assert.equal(store.problems()[0]?.relativePath, path.relative(root, file).split(path.sep).join('/'));
    await fsp.writeFile(file, good);
    assert.equal(await store.reloadFile(file), true);
    assert.equal(store.partner(id)?.value.name, 'Grace Hopper');
    assert.deepEqual(store.problems(), []);
  });

  it('ignores paths that are not record files', async () => {
    const notes = await writeFile(root, 'partners/notes.md', 'x');
    assert.equal(await store.reloadFile(notes), false);
    assert.equal(await store.reloadFile(path.join(root, 'private', 'x.json')), false);
    assert.equal(await store.reloadFile(path.join(dir, 'elsewhere.json')), false);
  });

  it('re-reads the manifest', async () => {
    const manifest = path.join(root, 'alliances.json');
    await fsp.writeFile(manifest, pretty({ format: 'alliances', schemaVersion: 1, defaults: { cadenceDays: 21 } }));
    assert.equal(await store.reloadFile(manifest), true);
    assert.equal(store.teamCadenceDays(), 21);
  });

  it('keeps author and dates of the records it wrote', () => {
    const partner = store.partner(id)!;
    assert.deepEqual(partner.value.author, ADA);
    assert.equal(partner.value.createdAt, new Date(2026, 10, 21, 9, 30).toISOString());
  });
});
