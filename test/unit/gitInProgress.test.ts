// Writes are held back while git waits for the user in the middle of a merge, rebase, cherry-pick or
// revert (or another git command holds the index past a short wait: gitLockWait.test.ts): real git in
// temporary repositories, the store in a workspace folder below the repository root and in a linked
// worktree (".git" is a "gitdir:" file).
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { findGitLocation, gitOperationInProgress, INDEX_LOCK_PAUSES_MS, type Sleep } from '../../src/core/gitState';
import { nodeFileSystem } from '../../src/core/nodeFileSystem';
import type { Store } from '../../src/core/store';
import { recordBytes, recordCounts } from '../reliability/counts';
import {
  git,
  GIT_OPERATION_MARKERS,
  gitRun,
  makeStore,
  makeTempRepo,
  prepareConflictingBranches,
  rejectsWithCode,
  removeTempDir,
  tempFiles,
} from './helpers';

const SUITE = 'unit-git-in-progress';

describe('writes wait for git operations in progress (real git)', () => {
  let dir: string;
  let repo: string;
  let env: NodeJS.ProcessEnv;
  /** The pauses the stores took (counted, not slept): none but a held index.lock's. */
  let pauses: number[];
  const sleep: Sleep = (ms) => {
    pauses.push(ms);
    return Promise.resolve();
  };

  beforeEach(async () => {
    pauses = [];
    ({ dir, repo, env } = await makeTempRepo('alliances-gitbusy-'));
  });
  afterEach(async () => removeTempDir(dir));

  /** A store in `folder` with one partner, committed, and a text file both branches will change. */
  async function setUp(folder: string): Promise<{ store: Store; partnerId: string; file: string }> {
    const store = makeStore(path.join(folder, '.alliances'), { workspaceFolder: folder, sleep });
    const partner = await store.addPartner({ name: 'Grace Hopper', department: 'Product' });
    await prepareConflictingBranches(repo, env);
    return { store, partnerId: partner.value.id, file: partner.path };
  }

  /**
   * Every kind of write is refused with a message naming the operation and the folder; nothing changes.
   * An operation that waits for the person is refused at once; a held index.lock after the whole wait.
   */
  async function assertHeldBack(
    store: Store,
    partnerId: string,
    file: string,
    operation: RegExp,
    workTree: string,
    lockHeld = false,
  ): Promise<void> {
    pauses = [];
    const before = await fsp.readFile(file);
    const listing = await fsp.readdir(path.dirname(file));
    const error = await rejectsWithCode(store.updatePartner(partnerId, { role: 'Changed during the operation' }), 'git-busy');
    assert.match(error.message, operation);
    assert.ok(error.message.includes(`in progress in ${workTree};`), error.message);
    assert.match(error.message, /then try again\./);
    await rejectsWithCode(store.addPartner({ name: 'New', department: 'Sales' }), 'git-busy');
    await rejectsWithCode(store.addCheckIn({ partnerId, kind: 'async', summary: 'x' }), 'git-busy');
    assert.equal(recordBytes(SUITE, before, await fsp.readFile(file)), 0);
    assert.deepEqual(await fsp.readdir(path.dirname(file)), listing);
    assert.deepEqual(await tempFiles(path.dirname(path.dirname(file))), []);
    assert.deepEqual(pauses, lockHeld ? [...INDEX_LOCK_PAUSES_MS, ...INDEX_LOCK_PAUSES_MS, ...INDEX_LOCK_PAUSES_MS] : []);
    recordCounts(SUITE, { faults: 1 });
  }

  it('a merge stopped on a conflict (MERGE_HEAD); writes go through again after it is aborted', async () => {
    const { store, partnerId, file } = await setUp(repo);
    assert.notEqual(gitRun(repo, env, 'merge', '--no-edit', 'other').status, 0);
    await assertHeldBack(store, partnerId, file, /^A merge is in progress/, repo);
    git(repo, env, 'merge', '--abort');
    assert.equal((await store.updatePartner(partnerId, { role: 'After' })).value.role, 'After');
  });

  it('a cherry-pick stopped on a conflict (CHERRY_PICK_HEAD)', async () => {
    const { store, partnerId, file } = await setUp(repo);
    assert.notEqual(gitRun(repo, env, 'cherry-pick', 'other').status, 0);
    await assertHeldBack(store, partnerId, file, /^A cherry-pick is in progress/, repo);
    git(repo, env, 'cherry-pick', '--abort');
    await store.updatePartner(partnerId, { role: 'After' });
  });

  it('a revert stopped on a conflict (REVERT_HEAD)', async () => {
    const { store, partnerId, file } = await setUp(repo);
    await fsp.writeFile(path.join(repo, 'plan.txt'), 'ours, again\n');
    git(repo, env, 'commit', '-q', '-am', 'again');
    assert.notEqual(gitRun(repo, env, 'revert', '--no-edit', 'HEAD~1').status, 0);
    await assertHeldBack(store, partnerId, file, /^A revert is in progress/, repo);
    git(repo, env, 'revert', '--abort');
    await store.updatePartner(partnerId, { role: 'After' });
  });

  it('a rebase stopped on a conflict (rebase-merge/)', async () => {
    const { store, partnerId, file } = await setUp(repo);
    assert.notEqual(gitRun(repo, env, 'rebase', 'other').status, 0);
    await assertHeldBack(store, partnerId, file, /^A rebase is in progress/, repo);
    git(repo, env, 'rebase', '--abort');
    await store.updatePartner(partnerId, { role: 'After' });
  });

  it('a store in a subfolder of the repository (the workspace folder is not the repository root)', async () => {
    const folder = path.join(repo, 'team', 'workspace');
    await fsp.mkdir(folder, { recursive: true });
    const { store, partnerId, file } = await setUp(folder);
    assert.deepEqual(await findGitLocation(nodeFileSystem, path.join(folder, '.alliances')), {
      workTree: repo,
      gitDir: path.join(repo, '.git'),
    });
    assert.notEqual(gitRun(repo, env, 'merge', '--no-edit', 'other').status, 0);
    await assertHeldBack(store, partnerId, file, /^A merge is in progress/, repo);
  });

  it('a linked worktree (".git" is a gitdir: file): its own merge holds it back, the main checkout’s does not', async () => {
    const { partnerId } = await setUp(repo);
    const worktree = path.join(dir, 'wt');
    git(repo, env, 'worktree', 'add', '-q', '-b', 'side', worktree, 'main');
    assert.match(await fsp.readFile(path.join(worktree, '.git'), 'utf8'), /^gitdir: /);
    const store = makeStore(path.join(worktree, '.alliances'), { workspaceFolder: worktree, sleep });
    await store.load();
    const file = store.partner(partnerId)!.path;
    const location = await findGitLocation(nodeFileSystem, store.root);
    assert.equal(location?.workTree, worktree);
    assert.equal(await fsp.realpath(location.gitDir), await fsp.realpath(path.join(repo, '.git', 'worktrees', 'wt')));

    // A merge in the main checkout is not this worktree's business.
    assert.notEqual(gitRun(repo, env, 'merge', '--no-edit', 'other').status, 0);
    await store.updatePartner(partnerId, { role: 'Written while main merges' });
    git(repo, env, 'merge', '--abort');
    git(worktree, env, 'commit', '-q', '-am', 'role');

    assert.notEqual(gitRun(worktree, env, 'merge', '--no-edit', 'other').status, 0);
    await assertHeldBack(store, partnerId, file, /^A merge is in progress/, worktree);
    git(worktree, env, 'merge', '--abort');
    await store.updatePartner(partnerId, { role: 'After' });
  });

  // Each marker git leaves, made by hand in a real .git folder: the whole list, including the ones a
  // test cannot stop git in reliably (rebase-apply, a held index.lock).
  for (const [marker, operation, isFolder] of [
    ...GIT_OPERATION_MARKERS,
    ['index.lock', /^Another git command \(\.git\/index\.lock exists\) is in progress .*wait for it to finish/, false] as const,
  ]) {
    it(`.git/${marker} holds writes back, and removing it lets them through`, async () => {
      const store = makeStore(path.join(repo, '.alliances'), { workspaceFolder: repo, sleep });
      const partner = await store.addPartner({ name: 'Grace Hopper', department: 'Product' });
      const markerPath = path.join(repo, '.git', marker);
      if (isFolder) await fsp.mkdir(markerPath);
      else await fsp.writeFile(markerPath, '0123456789abcdef0123456789abcdef01234567\n');
      assert.match((await gitOperationInProgress(nodeFileSystem, store.root)) ?? '', operation);
      await assertHeldBack(store, partner.value.id, partner.path, operation, repo, marker === 'index.lock');
      await fsp.rm(markerPath, { recursive: true });
      assert.equal(await gitOperationInProgress(nodeFileSystem, store.root), undefined);
      await store.updatePartner(partner.value.id, { role: 'After' });
    });
  }

  it('a folder outside any repository is never held back', async () => {
    const plain = path.join(dir, 'plain');
    await fsp.mkdir(plain);
    assert.equal(await findGitLocation(nodeFileSystem, plain), undefined);
    const store = makeStore(path.join(plain, '.alliances'), { workspaceFolder: plain });
    const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
    await store.updatePartner(partner.value.id, { role: 'x' });
  });
});
