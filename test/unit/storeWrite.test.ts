import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { newId } from '../../src/core/ids';
import type { Author } from '../../src/core/model';
import { Store, StoreWriteError } from '../../src/core/store';
import {
  ADA,
  BOB,
  Clock,
  errnoError,
  faultPort,
  git,
  initRepo,
  isolatedGitEnv,
  listFiles,
  makeStore,
  makeTempDir,
  partnerRecord,
  pretty,
  rejectsWithCode,
  removeTempDir,
  tempFiles,
  writeFile,
  eachTestInTempStore,
} from './helpers';

async function readJson(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await fsp.readFile(file, 'utf8')) as Record<string, unknown>;
}

function assertPretty(text: string, file: string): void {
  assert.ok(text.endsWith('}\n'), `${file} does not end with a final newline`);
  assert.ok(!text.endsWith('\n\n'), `${file} ends with more than one newline`);
  assert.equal(text, `${JSON.stringify(JSON.parse(text), null, 2)}\n`, `${file} is not pretty-printed with two spaces`);
}

describe('Store writes', () => {
  let dir: string;
  let root: string;
  let clock: Clock;

  eachTestInTempStore(new Date(2026, 10, 21, 9, 30), (fixture) => ({ dir, root, clock } = fixture));

  describe('initialize', () => {
    it('creates alliances.json, partners/, checkins/ and a .gitignore', async () => {
      const store = makeStore(root, { now: clock.now });
      await store.initialize();
      assert.deepEqual(await listFiles(root), ['.gitignore', 'alliances.json']);
      assert.ok((await fsp.stat(path.join(root, 'partners'))).isDirectory());
      assert.ok((await fsp.stat(path.join(root, 'checkins'))).isDirectory());
      const manifest = await fsp.readFile(path.join(root, 'alliances.json'), 'utf8');
      assertPretty(manifest, 'alliances.json');
      assert.deepEqual(JSON.parse(manifest), { format: 'alliances', schemaVersion: 1, createdAt: clock.current.toISOString() });
      assert.equal(store.manifest?.format, 'alliances');
      assert.equal(store.isLoaded, true);
    });

    it('leaves an existing manifest and .gitignore alone', async () => {
      const manifest = await writeFile(
        root,
        'alliances.json',
        pretty({ format: 'alliances', schemaVersion: 1, defaults: { cadenceDays: 9 }, team: 'x' }),
      );
      const gitignore = await writeFile(root, '.gitignore', '# ours\nprivate/\n.*.tmp\nscratch/\n');
      const before = [await fsp.readFile(manifest), await fsp.readFile(gitignore)];
      const store = makeStore(root);
      await store.initialize(); // not loaded first: must still not overwrite
      await store.load();
      await store.initialize();
      assert.ok(before[0].equals(await fsp.readFile(manifest)));
      assert.ok(before[1].equals(await fsp.readFile(gitignore)));
    });

    it('makes git ignore private/ and temporary files, and track records (real git check-ignore)', async () => {
      const home = await makeTempDir('alliances-git-home-');
      try {
        const env = isolatedGitEnv(home);
        initRepo(dir, env);
        const store = makeStore(root);
        await store.initialize();
        const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
        const partnerRel = path.relative(dir, partner.path).split(path.sep).join('/');
        const ignored = git(
          dir,
          env,
          'check-ignore',
          '--no-index',
          '.alliances/private/x.json',
          '.alliances/partners/.x.json.1234.tmp',
          '.alliances/checkins/2026/.abc.json.0a1b2c3d.tmp',
        )
          .trim()
          .split('\n');
        assert.deepEqual(ignored, [
          '.alliances/private/x.json',
          '.alliances/partners/.x.json.1234.tmp',
          '.alliances/checkins/2026/.abc.json.0a1b2c3d.tmp',
        ]);
        for (const tracked of [
          partnerRel,
          '.alliances/alliances.json',
          '.alliances/.gitignore',
          '.alliances/checkins/2026/01kbxxxxxxxxxxxxxxxxxxxxxx.json',
        ]) {
          // check-ignore exits 1 when the path is not ignored.
          assert.throws(
            () => git(dir, env, 'check-ignore', '--no-index', tracked),
            (error: { status?: number }) => error.status === 1,
            `${tracked} should not be ignored`,
          );
        }
        // And `git add` of the whole store picks up the records but not a private note.
        await writeFile(root, 'private/notes.json', '{}\n');
        git(dir, env, 'add', '.alliances');
        const staged = git(dir, env, 'diff', '--cached', '--name-only').trim().split('\n').sort();
        assert.deepEqual(staged, ['.alliances/.gitignore', '.alliances/alliances.json', partnerRel].sort());
      } finally {
        await removeTempDir(home);
      }
    });

    it('survives two concurrent first writes on a fresh store', async () => {
      // Two quick "Add Partner" commands before the store exists both initialize it.
      const store = makeStore(root, { now: clock.now });
      const results = await Promise.allSettled([
        store.addPartner({ name: 'One', department: 'Sales' }),
        store.addPartner({ name: 'Two', department: 'Sales' }),
      ]);
      const failures = results.flatMap((r) =>
        r.status === 'rejected' ? [r.reason instanceof StoreWriteError ? `${r.reason.code}: ${r.reason.message}` : String(r.reason)] : [],
      );
      assert.deepEqual(failures, []);
      assert.equal(store.partners().length, 2);
    });

    it('survives initialize() called twice at once', async () => {
      const store = makeStore(root, { now: clock.now });
      await assert.doesNotReject(Promise.all([store.initialize(), store.initialize()]));
      assert.deepEqual(await listFiles(root), ['.gitignore', 'alliances.json']);
    });
  });

  describe('records on disk', () => {
    it('writes pretty-printed JSON with a final newline, in the layout of the data contract', async () => {
      const store = makeStore(root, { now: clock.now });
      const partner = await store.addPartner({
        name: '  Zoë Ångström ',
        department: ' Design ',
        role: '  ',
        email: 'zoe@example.com',
        cadenceDays: 21,
      });
      const checkIn = await store.addCheckIn({
        partnerId: partner.value.id,
        kind: 'help-me',
        summary: '  Asked for API review  ',
        rating: 4,
        date: new Date(2025, 11, 31, 23, 0),
      });
      assert.equal(path.relative(root, partner.path).split(path.sep).join('/'), `partners/zoe-angstrom-${partner.value.id}.json`);
      assert.equal(path.relative(root, checkIn.path).split(path.sep).join('/'), `checkins/2025/${checkIn.value.id}.json`);
      for (const file of [partner.path, checkIn.path, path.join(root, 'alliances.json')])
        assertPretty(await fsp.readFile(file, 'utf8'), file);
      assert.deepEqual(await readJson(partner.path), {
        schemaVersion: 1,
        id: partner.value.id,
        name: 'Zoë Ångström',
        department: 'Design',
        email: 'zoe@example.com',
        cadenceDays: 21,
        createdAt: clock.current.toISOString(),
        updatedAt: clock.current.toISOString(),
        author: ADA,
      });
      const savedCheckIn = await readJson(checkIn.path);
      assert.equal(savedCheckIn.summary, 'Asked for API review');
      assert.equal(savedCheckIn.partnerId, partner.value.id);
      assert.equal(savedCheckIn.date, new Date(2025, 11, 31, 23, 0).toISOString());
      assert.equal(savedCheckIn.rating, 4);
    });

    it('reads back exactly what it wrote (a second Store sees the same records)', async () => {
      const store = makeStore(root, { now: clock.now });
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      await store.addCheckIn({ partnerId: partner.value.id, kind: 'one-on-one', summary: 'Quarterly plan' });
      await store.updatePartner(partner.value.id, { snoozedUntil: '2026-12-02', leads: ['Roadmap'] });
      const fresh = makeStore(root);
      await fresh.load();
      assert.deepEqual(fresh.problems(), []);
      assert.deepEqual(fresh.partner(partner.value.id)?.value, store.partner(partner.value.id)?.value);
      assert.deepEqual(
        fresh.checkIns().map((c) => c.value),
        store.checkIns().map((c) => c.value),
      );
    });

    it('leaves no temporary files behind', async () => {
      const store = makeStore(root, { now: clock.now });
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      for (let i = 0; i < 5; i++) await store.addCheckIn({ partnerId: partner.value.id, kind: 'ad-hoc', summary: `note ${i}` });
      for (let i = 0; i < 5; i++) await store.updatePartner(partner.value.id, { role: `Role ${i}` });
      assert.deepEqual(await tempFiles(root), []);
      const hidden = (await listFiles(root)).filter((file) => path.posix.basename(file).startsWith('.') && file !== '.gitignore');
      assert.deepEqual(hidden, []);
    });

    it('writes a temporary file in the same folder, then renames it over the record', async () => {
      const port = faultPort();
      const store = makeStore(root, { fs: port, now: clock.now });
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      port.calls.length = 0;
      await store.updatePartner(partner.value.id, { role: 'PM' });
      const writes = port.calls.filter((c) => c.op === 'writeNewFile' || c.op === 'rename');
      assert.equal(writes.length, 2, JSON.stringify(writes));
      const [write, rename] = writes;
      assert.equal(write.op, 'writeNewFile');
      const temp = write.args[0];
      assert.equal(path.dirname(temp), path.dirname(partner.path));
      assert.match(path.basename(temp), /^\..+\.tmp$/);
      assert.deepEqual(rename, { op: 'rename', args: [temp, partner.path] });
    });

    it('records who changed a partner and when, keeping who created it', async () => {
      let author: Author = ADA;
      const store = makeStore(root, { now: clock.now, author: () => Promise.resolve(author) });
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      clock.advanceMs(3_600_000);
      author = BOB;
      await store.updatePartner(partner.value.id, { role: 'PM' });
      const saved = await readJson(partner.path);
      assert.deepEqual(saved.author, ADA);
      assert.deepEqual(saved.updatedBy, BOB);
      assert.equal(saved.createdAt, new Date(2026, 10, 21, 9, 30).toISOString());
      assert.equal(saved.updatedAt, new Date(2026, 10, 21, 10, 30).toISOString());
    });

    it('removes a field set to undefined (unsnooze)', async () => {
      const store = makeStore(root, { now: clock.now });
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      await store.updatePartner(partner.value.id, { snoozedUntil: '2026-12-02' });
      await store.updatePartner(partner.value.id, { snoozedUntil: undefined });
      assert.ok(!('snoozedUntil' in (await readJson(partner.path))));
    });

    it('refuses an invalid change with code "invalid" and writes nothing', async () => {
      const store = makeStore(root, { now: clock.now });
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      const before = await fsp.readFile(partner.path);
      await rejectsWithCode(store.updatePartner(partner.value.id, { name: '   ' }), 'invalid');
      await rejectsWithCode(store.updatePartner(partner.value.id, { cadenceDays: 0 }), 'invalid');
      await rejectsWithCode(store.updatePartner(partner.value.id, { snoozedUntil: 'next week' }), 'invalid');
      await rejectsWithCode(store.addCheckIn({ partnerId: partner.value.id, kind: 'one-on-one', summary: 'x', rating: 9 }), 'invalid');
      await rejectsWithCode(store.addPartner({ name: '', department: 'Sales' }), 'invalid');
      assert.ok(before.equals(await fsp.readFile(partner.path)));
      assert.equal(store.partners().length, 1);
      assert.equal(store.checkIns().length, 0);
    });

    it('refuses a check-in for an unknown partner with code "not-found"', async () => {
      const store = makeStore(root, { now: clock.now });
      await store.initialize();
      await rejectsWithCode(store.addCheckIn({ partnerId: newId(), kind: 'async', summary: 'x' }), 'not-found');
      await rejectsWithCode(store.updatePartner(newId(), { role: 'x' }), 'not-found');
      assert.deepEqual(await listFiles(path.join(root, 'checkins')), []);
    });
  });

  describe('fields this build does not know', () => {
    it('survive updatePartner, at the top level and nested', async () => {
      const id = newId();
      const file = await writeFile(
        root,
        `partners/grace-${id}.json`,
        pretty(
          partnerRecord(id, {
            'x-future': { tags: ['a'], weight: 0.5 },
            author: { name: 'Ada', pronouns: 'she/her' },
            pronouns: 'she/her',
          }),
        ),
      );
      const store = makeStore(root, { now: clock.now });
      await store.load();
      await store.updatePartner(id, { role: 'CPO' });
      await store.updatePartner(id, (current) => ({ leads: [...(current.leads ?? []), 'Pricing'] }));
      const saved = await readJson(file);
      assert.deepEqual(saved['x-future'], { tags: ['a'], weight: 0.5 });
      assert.equal(saved.pronouns, 'she/her');
      assert.deepEqual(saved.author, { name: 'Ada', pronouns: 'she/her' });
      assert.equal(saved.role, 'CPO');
      assert.deepEqual(saved.leads, ['Pricing']);
    });
  });

  describe('a file changed on disk', () => {
    it('is not clobbered: updatePartner rejects with "changed-on-disk" and the outside version stays', async () => {
      const store = makeStore(root, { now: clock.now });
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      const fresh = makeStore(root, { now: clock.now });
      await fresh.load();
      // A teammate's edit arrives (git pull) after the store read the file.
      const outside = Buffer.from(pretty({ ...(await readJson(partner.path)), role: 'Changed outside' }));
      await fsp.writeFile(partner.path, outside);
      const error = await rejectsWithCode(fresh.updatePartner(partner.value.id, { role: 'Mine' }), 'changed-on-disk');
      assert.match(error.message, /changed on disk/);
      assert.ok(outside.equals(await fsp.readFile(partner.path)), 'the outside version was overwritten');
      assert.deepEqual(await tempFiles(root), []);
    });

    it('shows the outside version after refusing, and the next edit applies on top of it', async () => {
      const store = makeStore(root, { now: clock.now });
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      await fsp.writeFile(partner.path, pretty({ ...(await readJson(partner.path)), role: 'Changed outside' }));
      const changed = new Promise<void>((resolve) => {
        const listener = store.onDidChange(() => {
          if (store.partner(partner.value.id)?.value.role === 'Changed outside') {
            listener.dispose();
            resolve();
          }
        });
      });
      await rejectsWithCode(store.updatePartner(partner.value.id, { department: 'Design' }), 'changed-on-disk');
      await changed; // the store re-reads the file by itself
      await store.updatePartner(partner.value.id, { department: 'Design' });
      const saved = await readJson(partner.path);
      assert.equal(saved.role, 'Changed outside');
      assert.equal(saved.department, 'Design');
    });

    it('is not recreated when it was deleted since it was read', async () => {
      const store = makeStore(root, { now: clock.now });
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      await fsp.unlink(partner.path);
      await rejectsWithCode(store.updatePartner(partner.value.id, { role: 'x' }), ['changed-on-disk', 'not-found']);
      await assert.rejects(fsp.stat(partner.path), /ENOENT/);
    });

    it('is not clobbered when it became broken on disk (merge markers) and the watcher has not caught up', async () => {
      const store = makeStore(root, { now: clock.now });
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      const text = await fsp.readFile(partner.path, 'utf8');
      const broken = Buffer.from(
        text.replace('  "name": "Grace",\n', '<<<<<<< HEAD\n  "name": "Grace",\n=======\n  "name": "Grace H.",\n>>>>>>> theirs\n'),
      );
      await fsp.writeFile(partner.path, broken);
      await rejectsWithCode(store.updatePartner(partner.value.id, { role: 'x' }), 'changed-on-disk');
      assert.ok(broken.equals(await fsp.readFile(partner.path)));
      await store.reloadFile(partner.path);
      assert.equal(store.problems()[0]?.code, 'conflict');
      await rejectsWithCode(store.updatePartner(partner.value.id, { role: 'x' }), ['not-found', 'broken-file']);
      assert.ok(broken.equals(await fsp.readFile(partner.path)));
    });
  });

  describe('rapid edits', () => {
    it('apply 100 concurrent updatePartner calls in order, each on top of the previous one', async () => {
      const store = makeStore(root, { now: clock.now });
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          store.updatePartner(partner.value.id, (current) => ({ leads: [...(current.leads ?? []), `L${i}`], role: `Role ${i}` })),
        ),
      );
      const expected = Array.from({ length: 100 }, (_, i) => `L${i}`);
      const saved = await readJson(partner.path);
      assert.deepEqual(saved.leads, expected);
      assert.equal(saved.role, 'Role 99');
      // Each call resolved with its own step.
      results.forEach((result, i) => assert.equal(result.value.leads?.length, i + 1));
      assert.deepEqual(store.partner(partner.value.id)?.value.leads, expected);
      assert.deepEqual(await tempFiles(root), []);
    });

    it('apply 100 concurrent plain patches in call order: the file ends with the last edit', async () => {
      const store = makeStore(root, { now: clock.now });
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      const seen: string[] = [];
      await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          store.updatePartner(partner.value.id, { role: `Role ${i}` }).then((r) => seen.push(r.value.role!)),
        ),
      );
      assert.deepEqual(
        seen,
        Array.from({ length: 100 }, (_, i) => `Role ${i}`),
      );
      assert.equal((await readJson(partner.path)).role, 'Role 99');
      const fresh = makeStore(root);
      await fresh.load();
      assert.equal(fresh.partner(partner.value.id)?.value.role, 'Role 99');
    });

    it('apply in call order even when author() answers at different speeds', async () => {
      // The store asks for the author once per write; a slow git lookup must not reorder edits.
      let call = 0;
      const author = () => {
        const delay = [15, 0, 8, 3][call++ % 4];
        return new Promise<Author>((resolve) => setTimeout(() => resolve(ADA), delay));
      };
      const store = makeStore(root, { now: clock.now, author });
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          store.updatePartner(partner.value.id, (current) => ({ leads: [...(current.leads ?? []), `L${i}`] })),
        ),
      );
      assert.deepEqual(
        (await readJson(partner.path)).leads,
        Array.from({ length: 12 }, (_, i) => `L${i}`),
      );
    });

    it('a failed edit in the middle does not block the ones after it', async () => {
      const store = makeStore(root, { now: clock.now });
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      const results = await Promise.allSettled([
        store.updatePartner(partner.value.id, { role: 'A' }),
        store.updatePartner(partner.value.id, { cadenceDays: -1 }),
        store.updatePartner(partner.value.id, { role: 'C' }),
      ]);
      assert.deepEqual(
        results.map((r) => r.status),
        ['fulfilled', 'rejected', 'fulfilled'],
      );
      assert.equal((await readJson(partner.path)).role, 'C');
    });
  });

  describe('rename failures', () => {
    it('retries a rename that fails with EBUSY twice, then succeeds', async () => {
      const port = faultPort();
      const store = makeStore(root, { fs: port, now: clock.now });
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      let failures = 0;
      port.hooks.rename = () => {
        if (failures < 2) {
          failures++;
          throw errnoError('EBUSY', 'resource busy or locked');
        }
      };
      port.calls.length = 0;
      await store.updatePartner(partner.value.id, { role: 'PM' });
      assert.equal(port.calls.filter((c) => c.op === 'rename').length, 3);
      assert.equal((await readJson(partner.path)).role, 'PM');
      assert.deepEqual(await tempFiles(root), []);
    });

    it('retries EPERM too (Windows, virus scanners)', async () => {
      const port = faultPort();
      const store = makeStore(root, { fs: port, now: clock.now });
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      let failures = 0;
      port.hooks.rename = () => {
        if (failures++ < 1) throw errnoError('EPERM');
      };
      await store.updatePartner(partner.value.id, { role: 'PM' });
      assert.equal((await readJson(partner.path)).role, 'PM');
    });

    it('gives up on a rename that always fails: old file intact, no temp file, code "io", store unchanged', async () => {
      const port = faultPort();
      const store = makeStore(root, { fs: port, now: clock.now });
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      const before = await fsp.readFile(partner.path);
      port.hooks.rename = () => {
        throw errnoError('EBUSY', 'resource busy or locked');
      };
      port.calls.length = 0;
      const error = await rejectsWithCode(store.updatePartner(partner.value.id, { role: 'PM' }), 'io');
      assert.match(error.message, /unchanged/);
      assert.ok(port.calls.filter((c) => c.op === 'rename').length > 1, 'EBUSY was not retried');
      assert.ok(before.equals(await fsp.readFile(partner.path)));
      assert.deepEqual(await tempFiles(root), []);
      assert.equal(store.partner(partner.value.id)?.value.role, undefined);
      // Once the lock is gone, the next edit goes through.
      port.hooks.rename = undefined;
      await store.updatePartner(partner.value.id, { role: 'PM' });
      assert.equal((await readJson(partner.path)).role, 'PM');
    });

    it('does not retry an error that is not transient', async () => {
      const port = faultPort();
      const store = makeStore(root, { fs: port, now: clock.now });
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      port.hooks.rename = () => {
        throw errnoError('EXDEV', 'cross-device link not permitted');
      };
      port.calls.length = 0;
      await rejectsWithCode(store.updatePartner(partner.value.id, { role: 'PM' }), 'io');
      assert.equal(port.calls.filter((c) => c.op === 'rename').length, 1);
      assert.deepEqual(await tempFiles(root), []);
    });

    it('cleans up when writing the temporary file fails (disk full)', async () => {
      const port = faultPort();
      const store = makeStore(root, { fs: port, now: clock.now });
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      const before = await fsp.readFile(partner.path);
      port.hooks.writeNewFile = async (file) => {
        await fsp.writeFile(file, '{ "half": ');
        throw errnoError('ENOSPC', 'no space left on device');
      };
      await rejectsWithCode(store.updatePartner(partner.value.id, { role: 'PM' }), 'io');
      await rejectsWithCode(store.addCheckIn({ partnerId: partner.value.id, kind: 'async', summary: 'x' }), 'io');
      assert.ok(before.equals(await fsp.readFile(partner.path)));
      assert.deepEqual(await tempFiles(root), []);
      assert.equal(store.checkIns().length, 0);
    });

    it('refuses to write when it cannot read the file first (code "io"), leaving it alone', async () => {
      const port = faultPort();
      const store = makeStore(root, { fs: port, now: clock.now });
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      const before = await fsp.readFile(partner.path);
      port.hooks.readFile = () => {
        throw errnoError('EIO', 'i/o error');
      };
      await rejectsWithCode(store.updatePartner(partner.value.id, { role: 'PM' }), 'io');
      port.hooks.readFile = undefined;
      assert.ok(before.equals(await fsp.readFile(partner.path)));
    });
  });

  describe('writeGuard', () => {
    it('refuses a file open with unsaved edits and leaves it untouched', async () => {
      let guarded: string | undefined;
      const store = makeStore(root, { now: clock.now, writeGuard: (file) => (file === guarded ? 'open with unsaved changes' : undefined) });
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      const before = await fsp.readFile(partner.path);
      guarded = partner.path;
      const error = await rejectsWithCode(store.updatePartner(partner.value.id, { role: 'PM' }), 'unsaved-edits');
      assert.equal(error.message, 'open with unsaved changes');
      assert.ok(before.equals(await fsp.readFile(partner.path)));
      assert.equal(store.partner(partner.value.id)?.value.role, undefined);
      assert.deepEqual(await tempFiles(root), []);
      // Other files are still writable.
      await store.addCheckIn({ partnerId: partner.value.id, kind: 'async', summary: 'still works' });
      guarded = undefined;
      await store.updatePartner(partner.value.id, { role: 'PM' });
      assert.equal((await readJson(partner.path)).role, 'PM');
    });
  });

  describe('events', () => {
    it('fires onDidChange for each write', async () => {
      const store = new Store({ root, fs: faultPort(), author: () => Promise.resolve(ADA), now: clock.now });
      let fired = 0;
      store.onDidChange(() => fired++);
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      const afterAdd = fired;
      await store.addCheckIn({ partnerId: partner.value.id, kind: 'async', summary: 'x' });
      await store.updatePartner(partner.value.id, { role: 'PM' });
      assert.ok(afterAdd >= 1);
      assert.equal(fired, afterAdd + 2);
    });
  });
});
