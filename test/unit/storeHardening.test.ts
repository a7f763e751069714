// Faults through the file-system port, crashes between write and rename, symbolic links, a store that
// resolves outside the workspace, and records that share an id. Every protected file is compared byte
// for byte (the figures go into the reliability summary).
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { TEMP_MAX_AGE_MS } from '../../src/core/store';
import { recordBytes, recordCounts } from '../reliability/counts';
import {
  Clock,
  errnoError,
  faultPort,
  listFiles,
  makeStore,
  makeTempDir,
  newId,
  partnerRecord,
  pretty,
  rejectsWithCode,
  removeTempDir,
  tempFiles,
  writeFile,
  type FaultHooks,
} from './helpers';

const SUITE = 'unit-store-hardening';

describe('store hardening', () => {
  let dir: string;
  let workspace: string;
  let root: string;
  let clock: Clock;

  beforeEach(async () => {
    dir = await makeTempDir('alliances-hard-');
    workspace = path.join(dir, 'workspace');
    root = path.join(workspace, '.alliances');
    await fsp.mkdir(workspace);
    clock = new Clock(new Date(2026, 10, 21, 9, 30));
  });
  afterEach(async () => removeTempDir(dir));

  async function snapshot(folder: string): Promise<Map<string, Buffer>> {
    const files = await listFiles(folder);
    return new Map(await Promise.all(files.map(async (file) => [file, await fsp.readFile(path.join(folder, file))] as const)));
  }

  function assertSameFolder(before: Map<string, Buffer>, after: Map<string, Buffer>): void {
    assert.deepEqual([...after.keys()], [...before.keys()]);
    let lost = 0;
    for (const [file, bytes] of before) lost += recordBytes(SUITE, bytes, after.get(file) ?? Buffer.alloc(0));
    assert.equal(lost, 0);
  }

  describe('faults on every operation of a write, then recovery', () => {
    const operations: (keyof FaultHooks)[] = ['readFile', 'mkdir', 'writeNewFile', 'rename'];
    const errors = [
      ['ENOSPC', 'no space left on device'],
      ['EACCES', 'permission denied'],
      ['EPERM', 'operation not permitted'],
      ['EBUSY', 'resource busy or locked'],
      ['EROFS', 'read-only file system'],
      ['EIO', 'i/o error'],
    ] as const;
    for (const operation of operations) {
      for (const [code, text] of errors) {
        it(`${code} on ${operation}: a clear error naming the file, nothing changed, the next write works`, async () => {
          const port = faultPort();
          const store = makeStore(root, { fs: port, now: clock.now, workspaceFolder: workspace });
          const partner = await store.addPartner({ name: 'Grace Hopper', department: 'Product' });
          await store.addCheckIn({ partnerId: partner.value.id, kind: 'async', summary: 'First' });
          const before = await snapshot(root);
          let injected = 0;
          port.hooks[operation] = (file: string) => {
            // Only the store's own files: the git check also reads through the port.
            if (file.startsWith(root)) {
              injected++;
              // A half-written temporary file is what a full disk leaves behind.
              if (operation === 'writeNewFile') return fsp.writeFile(file, '{ "half": ').then(() => Promise.reject(errnoError(code, text)));
              throw errnoError(code, text);
            }
          };
          port.calls.length = 0;
          const update = await rejectsWithCode(store.updatePartner(partner.value.id, { role: 'Changed' }), 'io');
          assert.ok(update.message.includes(path.relative(root, partner.path).split(path.sep).join('/')), update.message);
          assert.ok(update.message.includes(code), update.message);
          if (operation !== 'readFile') assert.match(update.message, /The previous version is unchanged\./);
          const create = await rejectsWithCode(store.addCheckIn({ partnerId: partner.value.id, kind: 'async', summary: 'Second' }), 'io');
          assert.match(create.message, /checkins\/2026\//);
          const renames = port.calls.filter((c) => c.op === 'rename').length;
          // Transient rename errors (Windows, virus scanners) are retried; others are not.
          if (operation === 'rename') assert.equal(renames, ['EPERM', 'EBUSY', 'EACCES'].includes(code) ? 10 : 2, `${renames} renames`);
          assert.ok(injected >= 2);
          recordCounts(SUITE, { faults: injected });

          assertSameFolder(before, await snapshot(root));
          assert.equal(store.partner(partner.value.id)?.value.role, undefined);
          assert.equal(store.checkIns().length, 1);

          port.hooks[operation] = undefined;
          await store.updatePartner(partner.value.id, { role: 'Changed' });
          await store.addCheckIn({ partnerId: partner.value.id, kind: 'async', summary: 'Second' });
          const fresh = makeStore(root);
          await fresh.load();
          assert.equal(fresh.partner(partner.value.id)?.value.role, 'Changed');
          assert.equal(fresh.checkIns().length, 2);
          assert.deepEqual(fresh.problems(), []);
          assert.deepEqual(await tempFiles(root), []);
        });
      }
    }

    it('a read-only store folder (EACCES from the real file system, when not root)', async function () {
      if (process.getuid?.() === 0) {
        // root ignores permission bits; the EACCES/EROFS rows above cover the same path through the port.
        const store = makeStore(root, { now: clock.now });
        const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
        await fsp.chmod(path.dirname(partner.path), 0o555);
        await store.updatePartner(partner.value.id, { role: 'root writes anyway' });
        assert.equal(process.getuid(), 0);
        return;
      }
      const store = makeStore(root, { now: clock.now });
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      const before = await snapshot(root);
      await fsp.chmod(path.dirname(partner.path), 0o555);
      try {
        const error = await rejectsWithCode(store.updatePartner(partner.value.id, { role: 'x' }), 'io');
        assert.match(error.message, /EACCES/);
      } finally {
        await fsp.chmod(path.dirname(partner.path), 0o755);
      }
      recordCounts(SUITE, { faults: 1 });
      assertSameFolder(before, await snapshot(root));
    });
  });

  describe('a crash between writing the temporary file and the rename', () => {
    it('leaves the old file intact; the leftover is never loaded, and removed on load once old enough', async () => {
      const port = faultPort();
      const store = makeStore(root, { fs: port, now: clock.now, workspaceFolder: workspace });
      const partner = await store.addPartner({ name: 'Grace Hopper', department: 'Product' });
      const before = await fsp.readFile(partner.path);
      // The "crash": the rename never happens, and neither does the clean-up after it.
      port.hooks.rename = () => {
        throw errnoError('EIO', 'process killed');
      };
      port.hooks.unlink = () => {
        throw errnoError('EIO', 'process killed');
      };
      await rejectsWithCode(store.updatePartner(partner.value.id, { name: 'Crashed Write' }), 'io');
      recordCounts(SUITE, { faults: 1 });
      const [leftover] = await tempFiles(root);
      assert.ok(leftover, 'the crash left a temporary file');
      assert.match(path.basename(leftover), /^\.grace-hopper-[0-9a-z]{26}\.json\.[0-9a-f]{8}\.tmp$/);
      assert.match(await fsp.readFile(path.join(root, leftover), 'utf8'), /Crashed Write/);
      assert.equal(recordBytes(SUITE, before, await fsp.readFile(partner.path)), 0);

      // A fresh start right after: the leftover may be another window's write in flight, so it stays; it is never loaded.
      const fresh = makeStore(root, { workspaceFolder: workspace });
      await fresh.load();
      assert.equal(fresh.partner(partner.value.id)?.value.name, 'Grace Hopper');
      assert.deepEqual(fresh.problems(), []);
      assert.deepEqual(await tempFiles(root), [leftover]);

      // Once older than TEMP_MAX_AGE_MS it is a crash's: the next load removes it, and only it.
      const old = new Date(Date.now() - TEMP_MAX_AGE_MS - 60_000);
      await fsp.utimes(path.join(root, leftover), old, old);
      const lookalikes = [
        await writeFile(root, 'partners/notes.tmp', 'mine'),
        await writeFile(root, 'partners/.grace.json.tmp', 'not our pattern'),
        await writeFile(root, 'partners/.grace.json.XYZ12345.tmp', 'not hex'),
      ];
      for (const file of lookalikes) await fsp.utimes(file, old, old);
      const fresher = makeStore(root, { workspaceFolder: workspace });
      await fresher.load();
      assert.deepEqual(await tempFiles(root), ['partners/.grace.json.XYZ12345.tmp', 'partners/.grace.json.tmp', 'partners/notes.tmp']);
      assert.equal(fresher.partner(partner.value.id)?.value.name, 'Grace Hopper');
      assert.equal(recordBytes(SUITE, before, await fsp.readFile(partner.path)), 0);
    });

    it('old leftovers in every folder (root, check-in years, private) are removed; a symlink named like one is not', async () => {
      const store = makeStore(root, { now: clock.now, workspaceFolder: workspace });
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      const checkIn = await store.addCheckIn({ partnerId: partner.value.id, kind: 'async', summary: 'x', private: true });
      const old = new Date(Date.now() - 2 * TEMP_MAX_AGE_MS);
      const leftovers = [
        path.join(root, '.alliances.json.0123abcd.tmp'),
        path.join(path.dirname(checkIn.path), `.${path.basename(checkIn.path)}.89abcdef.tmp`),
        path.join(root, 'checkins', '2026', '.x.json.00000000.tmp'),
      ];
      for (const file of leftovers) {
        await fsp.mkdir(path.dirname(file), { recursive: true });
        await fsp.writeFile(file, '{');
        await fsp.utimes(file, old, old);
      }
      const target = await writeFile(workspace, 'keep.txt', 'precious');
      await fsp.symlink(target, path.join(root, 'partners', '.link.json.0123abcd.tmp'));
      await makeStore(root, { workspaceFolder: workspace }).load();
      assert.deepEqual(await tempFiles(root), ['partners/.link.json.0123abcd.tmp']);
      assert.equal(await fsp.readFile(target, 'utf8'), 'precious');
    });
  });

  describe('symbolic links', () => {
    it('a symlinked record (inside the workspace) loads, and is never replaced by a plain file', async () => {
      const id = newId();
      const real = await writeFile(workspace, `shared/grace-${id}.json`, pretty(partnerRecord(id)));
      const link = path.join(root, 'partners', `grace-${id}.json`);
      await fsp.mkdir(path.dirname(link), { recursive: true });
      await fsp.symlink(real, link);
      const before = await fsp.readFile(real);
      const store = makeStore(root, { now: clock.now, workspaceFolder: workspace });
      await store.load();
      assert.equal(store.partner(id)?.value.name, 'Grace Hopper');
      const error = await rejectsWithCode(store.updatePartner(id, { role: 'x' }), 'symlink');
      assert.equal(
        error.message,
        `partners/grace-${id}.json is a symbolic link; Alliances never replaces a link with a file, so it was not written. Edit the file it points to by hand.`,
      );
      assert.ok((await fsp.lstat(link)).isSymbolicLink());
      assert.equal(recordBytes(SUITE, before, await fsp.readFile(real)), 0);
      recordCounts(SUITE, { badInputs: 1 });
    });

    it('a symlinked record pointing outside the workspace is reported and never read', async () => {
      const secret = await writeFile(dir, 'home/.ssh/id_rsa', '-----BEGIN OPENSSH PRIVATE KEY-----\nsecret\n');
      const id = newId();
      const link = path.join(root, 'partners', `x-${id}.json`);
      await fsp.mkdir(path.dirname(link), { recursive: true });
      await fsp.symlink(secret, link);
      const port = faultPort();
      const store = makeStore(root, { fs: port, now: clock.now, workspaceFolder: workspace });
      await store.load();
      assert.ok(!port.calls.some((c) => c.op === 'readFile' && c.args[0] === link), 'the link was read');
      const [problem] = store.problems();
      assert.equal(problem?.code, 'link');
      assert.equal(problem.reason, `File is a symbolic link to ${secret}, outside the workspace folder; it is not read.`);
      await rejectsWithCode(store.updatePartner(id, { role: 'x' }), 'not-found');
      recordCounts(SUITE, { badInputs: 1 });
    });

    it('a link to outside the workspace that appears later (a pull, a hand edit) is not read on reload either', async () => {
      const outside = await writeFile(dir, 'elsewhere/record.json', '{}');
      const id = newId();
      const port = faultPort();
      const store = makeStore(root, { fs: port, now: clock.now, workspaceFolder: workspace });
      await store.addPartner({ name: 'Grace', department: 'Product' });
      const link = path.join(root, 'partners', `x-${id}.json`);
      await fsp.symlink(outside, link);
      port.calls.length = 0;
      assert.equal(await store.reloadFile(link), true);
      assert.equal(await store.reloadFile(link), false, 'reported once');
      assert.equal(await store.sync(), false);
      assert.ok(!port.calls.some((c) => c.op === 'readFile' && c.args[0] === link), 'the link was read');
      assert.deepEqual(
        store.problems().map((p) => [p.relativePath, p.code]),
        [[`partners/x-${id}.json`, 'link']],
      );
      recordCounts(SUITE, { badInputs: 1 });
    });

    it('a store folder that is a link to outside the workspace is refused: not read, not written', async () => {
      const elsewhere = path.join(dir, 'elsewhere');
      const id = newId();
      await writeFile(elsewhere, `partners/grace-${id}.json`, pretty(partnerRecord(id)));
      await fsp.symlink(elsewhere, root);
      const before = await snapshot(elsewhere);
      const store = makeStore(root, { now: clock.now, workspaceFolder: workspace });
      await assert.rejects(
        store.load(),
        (error: Error) =>
          error.message ===
          `The store folder ${root} resolves to ${elsewhere}, outside the workspace folder ${workspace}; Alliances does not read or write it.`,
      );
      assert.equal(store.partners().length, 0);
      const error = await rejectsWithCode(store.addPartner({ name: 'New', department: 'Sales' }), 'outside-workspace');
      assert.match(error.message, /outside the workspace folder; it was not written\.$/);
      assertSameFolder(before, await snapshot(elsewhere));
      recordCounts(SUITE, { badInputs: 1 });
    });

    it('a record folder (partners/) linked outside the workspace: nothing is written through it', async () => {
      const elsewhere = path.join(dir, 'elsewhere');
      await fsp.mkdir(elsewhere);
      await fsp.mkdir(root);
      await fsp.symlink(elsewhere, path.join(root, 'partners'));
      const store = makeStore(root, { now: clock.now, workspaceFolder: workspace });
      await store.load();
      await rejectsWithCode(store.addPartner({ name: 'New', department: 'Sales' }), 'outside-workspace');
      assert.deepEqual(await fsp.readdir(elsewhere), []);
      recordCounts(SUITE, { badInputs: 1 });
    });
  });

  describe('two files with one id', () => {
    it('neither loads, both are reported whatever the order they were created in, and fixing one brings the other back', async () => {
      for (const order of [
        ['a', 'z'],
        ['z', 'a'],
      ]) {
        const id = newId();
        const files: string[] = [];
        for (const prefix of order)
          files.push(await writeFile(root, `partners/${prefix}-${id}.json`, pretty(partnerRecord(id, { name: prefix }))));
        const before = await snapshot(root);
        const store = makeStore(root, { now: clock.now, workspaceFolder: workspace });
        await store.load();
        assert.equal(store.partner(id), undefined);
        assert.deepEqual(
          store.problems().map((p) => [p.relativePath, p.code]),
          [
            [`partners/a-${id}.json`, 'duplicate-id'],
            [`partners/z-${id}.json`, 'duplicate-id'],
          ],
        );
        await rejectsWithCode(store.updatePartner(id, { role: 'x' }), 'not-found');
        assertSameFolder(before, await snapshot(root));

        // The user deletes one copy: the other one loads, with no problem left.
        await fsp.unlink(path.join(root, 'partners', `z-${id}.json`));
        assert.equal(await store.reloadFile(path.join(root, 'partners', `z-${id}.json`)), true);
        assert.equal(store.partner(id)?.value.name, 'a');
        assert.deepEqual(store.problems(), []);
        await store.updatePartner(id, { role: 'Fixed' });
        // A third copy appears (a pull): both are reported again.
        await writeFile(root, `partners/m-${id}.json`, pretty(partnerRecord(id, { name: 'm' })));
        await store.reloadFile(path.join(root, 'partners', `m-${id}.json`));
        assert.equal(store.partner(id), undefined);
        assert.equal(store.problems().length, 2);
        // The copy read earlier is read again to point at its "id" too.
        assert.deepEqual(
          store.problems().map((p) => p.location),
          [
            { line: 3, column: 3 },
            { line: 3, column: 3 },
          ],
        );
        await fsp.rm(root, { recursive: true });
        recordCounts(SUITE, { badInputs: 1 });
      }
    });
  });
});
