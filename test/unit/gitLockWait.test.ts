// A held .git/index.lock is usually gone in milliseconds (VS Code's git extension runs `git status`
// after every change), so a write waits for it a moment before refusing; a merge, rebase, cherry-pick
// or revert refuses at once. Real files in real temporary git repositories; the pauses are counted, not
// slept, except in the two tests that use the wall clock and a real git process on purpose.
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { INDEX_LOCK_PAUSES_MS, type Sleep } from '../../src/core/gitState';
import { serialise, type Store } from '../../src/core/store';
import { recordBytes, recordCounts } from '../reliability/counts';
import {
  faultPort,
  git,
  GIT_OPERATION_MARKERS,
  gitRun,
  listFiles,
  makeStore,
  makeTempRepo,
  prepareConflictingBranches,
  rejectsWithCode,
  removeTempDir,
  tempFiles,
  type RecordingPort,
} from './helpers';

const SUITE = 'unit-git-lock-wait';
const LOCK_MESSAGE =
  /^Another git command \(\.git\/index\.lock exists\) is in progress in .*; wait for it to finish \(or remove the lock if no git command is running\), then try again\. .* was not written\.$/;

/** A sleep that takes no time: it notes each pause and lets the test change the world meanwhile. */
class Pauses {
  readonly taken: number[] = [];
  constructor(private readonly meanwhile: (count: number) => void | Promise<void> = () => undefined) {}
  readonly sleep: Sleep = async (ms) => {
    this.taken.push(ms);
    await this.meanwhile(this.taken.length);
  };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('a momentary .git/index.lock: writes wait for it, then land (real git)', () => {
  let dir: string;
  let repo: string;
  let lock: string;
  let env: NodeJS.ProcessEnv;
  /** Write operations that ran while the lock existed: must stay empty. */
  let writtenUnderLock: string[];
  let port: RecordingPort;

  beforeEach(async () => {
    ({ dir, repo, env } = await makeTempRepo('alliances-gitlock-'));
    lock = path.join(repo, '.git', 'index.lock');
    writtenUnderLock = [];
    const noteLock = (op: string) => (file: string) => {
      if (existsSync(lock)) writtenUnderLock.push(`${op} ${path.basename(file)}`);
    };
    port = faultPort({
      writeNewFile: noteLock('writeNewFile'),
      rename: noteLock('rename'),
      mkdir: noteLock('mkdir'),
      unlink: noteLock('unlink'),
    });
  });
  afterEach(async () => removeTempDir(dir));

  /** A store in the repository with one partner, written before any lock. */
  async function storeWithPartner(sleep?: Sleep): Promise<{ store: Store; partnerId: string; file: string }> {
    const store = makeStore(path.join(repo, '.alliances'), { workspaceFolder: repo, fs: port, ...(sleep ? { sleep } : {}) });
    const partner = await store.addPartner({ name: 'Grace Hopper', department: 'Product' });
    port.calls.length = 0;
    return { store, partnerId: partner.value.id, file: partner.path };
  }

  const takeLock = () => fsp.writeFile(lock, '');
  const dropLock = () => fsp.rm(lock);
  const writes = () => port.calls.filter((call) => call.op === 'writeNewFile' || call.op === 'rename');

  it('a lock removed during the wait: the write lands once it is gone, byte-exact, and nothing is written while it exists', async () => {
    // git lets go during the third pause of each write.
    const pauses = new Pauses(async (count) => {
      if (count % 3 === 0) await dropLock();
    });
    const { store, partnerId, file } = await storeWithPartner(pauses.sleep);
    const before = JSON.parse(await fsp.readFile(file, 'utf8')) as Record<string, unknown>;
    await takeLock();

    const updated = await store.updatePartner(partnerId, { role: 'Written once the lock was gone' });
    assert.deepEqual(pauses.taken, INDEX_LOCK_PAUSES_MS.slice(0, 3), 'looked again after each pause until the lock went');
    const onDisk = await fsp.readFile(file, 'utf8');
    assert.equal(onDisk, serialise(updated.value), 'the file holds exactly what the store says it wrote');
    assert.deepEqual(JSON.parse(onDisk), {
      ...before,
      role: 'Written once the lock was gone',
      updatedAt: updated.value.updatedAt,
      updatedBy: updated.value.updatedBy,
    });

    // New files wait the same way: a check-in and a partner.
    pauses.taken.length = 0;
    await takeLock();
    const checkIn = await store.addCheckIn({ partnerId, kind: 'async', summary: 'Logged while git status ran' });
    assert.equal(await fsp.readFile(checkIn.path, 'utf8'), serialise(checkIn.value));
    await takeLock();
    const partner = await store.addPartner({ name: 'Linus', department: 'Data' });
    assert.equal(await fsp.readFile(partner.path, 'utf8'), serialise(partner.value));
    assert.deepEqual(pauses.taken, [...INDEX_LOCK_PAUSES_MS.slice(0, 3), ...INDEX_LOCK_PAUSES_MS.slice(0, 3)], 'each write waits afresh');

    assert.deepEqual(writtenUnderLock, []);
    assert.deepEqual(await tempFiles(store.root), []);
    await store.load();
    assert.equal(store.partner(partnerId)?.value.role, 'Written once the lock was gone');
    assert.deepEqual(store.problems(), []);
  });

  it('a lock that stays: refused with the message after the whole wait, every byte on disk unchanged', async () => {
    const pauses = new Pauses();
    const { store, partnerId, file } = await storeWithPartner(pauses.sleep);
    const before = await fsp.readFile(file);
    const listing = await listFiles(store.root);
    await takeLock();

    const error = await rejectsWithCode(store.updatePartner(partnerId, { role: 'Never written' }), 'git-busy');
    assert.match(error.message, LOCK_MESSAGE);
    assert.ok(error.message.includes(`is in progress in ${repo};`), error.message);
    assert.deepEqual(pauses.taken, INDEX_LOCK_PAUSES_MS);
    assert.equal(
      pauses.taken.reduce((sum, ms) => sum + ms, 0),
      1500,
    );
    await rejectsWithCode(store.addCheckIn({ partnerId, kind: 'async', summary: 'Never written' }), 'git-busy');
    await rejectsWithCode(store.addPartner({ name: 'Never written', department: 'Sales' }), 'git-busy');

    assert.deepEqual(writes(), [], 'no temporary file, no rename');
    assert.equal(recordBytes(SUITE, before, await fsp.readFile(file)), 0);
    assert.deepEqual(await listFiles(store.root), listing);
    assert.ok(existsSync(lock), 'the lock is git’s: never removed');
    recordCounts(SUITE, { faults: 1 });

    await dropLock();
    assert.equal((await store.updatePartner(partnerId, { role: 'After' })).value.role, 'After');
    assert.deepEqual(writtenUnderLock, []);
  });

  it('a merge stopped on a conflict refuses at once, without a pause, also with index.lock held as well', async () => {
    const pauses = new Pauses();
    const { store, partnerId, file } = await storeWithPartner(pauses.sleep);
    await prepareConflictingBranches(repo, env);
    assert.notEqual(gitRun(repo, env, 'merge', '--no-edit', 'other').status, 0);
    const before = await fsp.readFile(file);

    const merge = new RegExp(`^A merge is in progress in ${escape(repo)}; finish or abort it, then try again\\.`);
    assert.match((await rejectsWithCode(store.updatePartner(partnerId, { role: 'x' }), 'git-busy')).message, merge);
    await takeLock();
    assert.match((await rejectsWithCode(store.updatePartner(partnerId, { role: 'x' }), 'git-busy')).message, merge);
    assert.deepEqual(pauses.taken, [], 'no waiting for a merge');
    assert.equal(recordBytes(SUITE, before, await fsp.readFile(file)), 0);
    assert.deepEqual(writes(), []);
    recordCounts(SUITE, { faults: 1 });
  });

  for (const [marker, operation, isFolder] of GIT_OPERATION_MARKERS) {
    it(`.git/${marker} appearing while the write waits for index.lock: refused at once, nothing written`, async () => {
      const markerPath = path.join(repo, '.git', marker);
      const pauses = new Pauses(async (count) => {
        if (count !== 2) return;
        // git finishes the command that held the lock and stops for the person.
        if (isFolder) await fsp.mkdir(markerPath);
        else await fsp.writeFile(markerPath, '0123456789abcdef0123456789abcdef01234567\n');
        await dropLock();
      });
      const { store, partnerId, file } = await storeWithPartner(pauses.sleep);
      const before = await fsp.readFile(file);
      await takeLock();
      assert.match((await rejectsWithCode(store.updatePartner(partnerId, { role: 'x' }), 'git-busy')).message, operation);
      assert.deepEqual(pauses.taken, INDEX_LOCK_PAUSES_MS.slice(0, 2), 'no pause once the operation is there');
      assert.equal(recordBytes(SUITE, before, await fsp.readFile(file)), 0);
      assert.deepEqual(writes(), []);
      recordCounts(SUITE, { faults: 1 });
    });
  }

  it('on the wall clock: a lock removed by a timer 150 ms later lets the write through', async () => {
    const { store, partnerId, file } = await storeWithPartner();
    await takeLock();
    const started = performance.now();
    const timer = setTimeout(() => void dropLock(), 150);
    try {
      const updated = await store.updatePartner(partnerId, { role: 'After the timer' });
      const waited = performance.now() - started;
      assert.ok(waited >= 100, `waited only ${waited} ms`);
      assert.equal(await fsp.readFile(file, 'utf8'), serialise(updated.value));
      assert.deepEqual(writtenUnderLock, []);
    } finally {
      clearTimeout(timer);
    }
  });

  describe('a real git process holding the lock (git commit -a, its pre-commit hook still running)', () => {
    let child: ChildProcess | undefined;
    let exited: Promise<number | null>;
    let go: string;

    /** Starts `git commit -a`; its hook runs, with index.lock held, until the test creates `go`. */
    async function startCommit(): Promise<void> {
      go = path.join(dir, 'go');
      const hook = path.join(repo, '.git', 'hooks', 'pre-commit');
      await fsp.mkdir(path.dirname(hook), { recursive: true });
      await fsp.writeFile(hook, `#!/bin/sh\nwhile [ ! -e '${go}' ]; do sleep 0.01; done\n`, { mode: 0o755 });
      await fsp.writeFile(path.join(repo, 'plan.txt'), 'changed\n');
      const started = spawn('git', ['commit', '-a', '-q', '-m', 'while Alliances waits'], { cwd: repo, env, stdio: 'ignore' });
      child = started;
      exited = new Promise((resolve) => started.on('exit', resolve));
      for (const deadline = Date.now() + 10_000; !existsSync(lock);) {
        assert.ok(Date.now() < deadline, 'git commit never took index.lock');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }

    /** Lets the hook finish; resolves with git's exit code. */
    async function finishCommit(): Promise<number | null> {
      await fsp.writeFile(go, '');
      return exited;
    }

    beforeEach(async () => {
      child = undefined;
      await fsp.writeFile(path.join(repo, 'plan.txt'), 'base\n');
    });
    afterEach(async () => {
      if (child && child.exitCode === null) await finishCommit();
    });

    async function committedStore(sleep: Sleep): Promise<{ store: Store; partnerId: string; file: string; relative: string }> {
      const made = await storeWithPartner(sleep);
      git(repo, env, 'add', '-A');
      git(repo, env, 'commit', '-q', '-m', 'base');
      return { ...made, relative: path.relative(repo, made.file).split(path.sep).join('/') };
    }

    it('the write waits until git has committed and let go, then lands; the commit holds the file as it was', async () => {
      let gitExit: number | null | undefined;
      // The first pause lasts until git is done: deterministic, however slow the machine.
      const pauses = new Pauses(async (count) => {
        if (count === 1) gitExit = await finishCommit();
      });
      const { store, partnerId, file, relative } = await committedStore(pauses.sleep);
      const before = await fsp.readFile(file, 'utf8');
      await startCommit();

      const updated = await store.updatePartner(partnerId, { role: 'After the commit' });
      assert.equal(gitExit, 0, 'git commit succeeded');
      assert.deepEqual(pauses.taken, [INDEX_LOCK_PAUSES_MS[0]]);
      assert.deepEqual(writtenUnderLock, [], 'nothing was written while git held the lock');
      assert.equal(git(repo, env, 'show', `HEAD:${relative}`), before, 'the commit has the file as it was');
      assert.equal(git(repo, env, 'log', '-1', '--format=%s').trim(), 'while Alliances waits');
      assert.equal(await fsp.readFile(file, 'utf8'), serialise(updated.value));
      assert.equal(git(repo, env, 'status', '--porcelain').trim(), `M ${relative}`);
    });

    it('git still holding the lock after the whole wait: refused, every byte unchanged, and git finishes unharmed', async () => {
      const pauses = new Pauses();
      const { store, partnerId, file } = await committedStore(pauses.sleep);
      const before = await fsp.readFile(file);
      await startCommit();

      assert.match((await rejectsWithCode(store.updatePartner(partnerId, { role: 'x' }), 'git-busy')).message, LOCK_MESSAGE);
      assert.deepEqual(pauses.taken, INDEX_LOCK_PAUSES_MS);
      assert.deepEqual(writes(), []);
      assert.equal(recordBytes(SUITE, before, await fsp.readFile(file)), 0);
      recordCounts(SUITE, { faults: 1 });

      assert.equal(await finishCommit(), 0);
      assert.equal(git(repo, env, 'status', '--porcelain'), '');
      assert.equal((await store.updatePartner(partnerId, { role: 'After' })).value.role, 'After');
      assert.deepEqual(writtenUnderLock, []);
    });
  });
});
