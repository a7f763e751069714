// More real git: a record modified on one branch and deleted on the other, and a checkout of a branch
// that has no store at all and back. A Store stays open throughout (as in a VS Code window), following
// the changes through sync() and reloadFile() the way the watcher drives it.
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { recordBytes, recordCounts } from '../reliability/counts';
import { Clock, git, gitRun, initRepo, isolatedGitEnv, listFiles, makeStore, makeTempDir, rejectsWithCode, removeTempDir } from './helpers';

const SUITE = 'unit-git-branches';

describe('git branches under an open store (real git)', () => {
  let home: string;
  let repo: string;
  let env: NodeJS.ProcessEnv;
  let root: string;
  let clock: Clock;
  const commitAll = (message: string) => {
    git(repo, env, 'add', '-A');
    git(repo, env, 'commit', '-q', '-m', message);
  };
  const open = () => makeStore(root, { now: clock.now, workspaceFolder: repo });

  beforeEach(async () => {
    home = await makeTempDir('alliances-git-home-');
    repo = await makeTempDir('alliances-repo-');
    env = isolatedGitEnv(home);
    initRepo(repo, env);
    await fsp.writeFile(path.join(repo, 'README.md'), '# project\n');
    root = path.join(repo, '.alliances');
    clock = new Clock(new Date(2026, 10, 2, 9, 0));
  });
  afterEach(async () => {
    await removeTempDir(repo);
    await removeTempDir(home);
  });

  it('modify against delete: the conflict holds writes back, the kept version loads after resolving', async () => {
    const store = open();
    const grace = await store.addPartner({ name: 'Grace Hopper', department: 'Product' });
    const linus = await store.addPartner({ name: 'Linus', department: 'Data' });
    commitAll('partners');
    const relative = path.relative(repo, grace.path).split(path.sep).join('/');

    git(repo, env, 'checkout', '-q', '-b', 'gone');
    git(repo, env, 'rm', '-q', relative);
    git(repo, env, 'commit', '-q', '-m', 'Grace left');
    git(repo, env, 'checkout', '-q', 'main');
    await store.sync();
    await store.updatePartner(grace.value.id, { role: 'Group PM' });
    commitAll('Grace is a group PM');

    const merge = gitRun(repo, env, 'merge', '--no-edit', 'gone');
    assert.notEqual(merge.status, 0);
    assert.match(merge.stdout, /CONFLICT \(modify\/delete\)/);
    const kept = await fsp.readFile(grace.path);
    assert.equal(await store.reloadFile(grace.path), false, 'git kept our version as it was');
    // While git waits for the user, nothing is written, not even to other records.
    await rejectsWithCode(store.updatePartner(grace.value.id, { role: 'CPO' }), 'git-busy');
    await rejectsWithCode(store.updatePartner(linus.value.id, { role: 'x' }), 'git-busy');
    assert.equal(recordBytes(SUITE, kept, await fsp.readFile(grace.path)), 0);
    recordCounts(SUITE, { faults: 1 });

    // The user keeps the modified version.
    git(repo, env, 'add', relative);
    git(repo, env, 'commit', '-q', '--no-edit');
    const fresh = open();
    await fresh.load();
    assert.equal(fresh.partner(grace.value.id)?.value.role, 'Group PM');

    // Or the deletion wins (another round): the record disappears cleanly, with no problem.
    git(repo, env, 'checkout', '-q', '-b', 'gone2');
    git(repo, env, 'rm', '-q', relative);
    git(repo, env, 'commit', '-q', '-m', 'Grace left again');
    git(repo, env, 'checkout', '-q', 'main');
    await fresh.sync();
    await fresh.updatePartner(grace.value.id, { role: 'CPO' });
    commitAll('CPO');
    assert.notEqual(gitRun(repo, env, 'merge', '--no-edit', 'gone2').status, 0);
    git(repo, env, 'rm', '-q', relative);
    git(repo, env, 'commit', '-q', '--no-edit');
    assert.equal(await fresh.sync(), true);
    assert.equal(fresh.partner(grace.value.id), undefined);
    assert.deepEqual(fresh.problems(), []);
    assert.equal(fresh.partner(linus.value.id)?.value.name, 'Linus');
  });

  it('checking out a branch without .alliances/ and back loses nothing, private notes included', async () => {
    git(repo, env, 'commit', '-q', '--allow-empty', '-m', 'start');
    git(repo, env, 'branch', 'bare');
    const store = open();
    const grace = await store.addPartner({ name: 'Grace Hopper', department: 'Product' });
    await store.addCheckIn({ partnerId: grace.value.id, kind: 'one-on-one', summary: 'Shared' });
    const privateCheckIn = await store.addCheckIn({ partnerId: grace.value.id, kind: 'help-me', summary: 'Private', private: true });
    commitAll('store');
    const before = new Map<string, Buffer>();
    for (const file of await listFiles(root)) before.set(file, await fsp.readFile(path.join(root, file)));
    assert.ok([...before.keys()].some((file) => file.startsWith('private/')));

    git(repo, env, 'checkout', '-q', 'bare');
    assert.equal(await store.sync(), true);
    // Only the git-ignored private folder stays on disk; the shared records are gone with the branch.
    assert.equal(store.partners().length, 0);
    // The private check-in stays, but its partner is not on this branch: reported, not counted, not written.
    assert.deepEqual(
      store.problems().map((p) => [p.relativePath, p.code, p.id]),
      [[`private/checkins/2026/${privateCheckIn.value.id}.json`, 'missing-partner', privateCheckIn.value.id]],
    );
    assert.equal(store.checkIns().length, 0);
    // A write meanwhile is for a partner that is not there: refused, nothing created in its place.
    await rejectsWithCode(store.updatePartner(grace.value.id, { role: 'x' }), 'not-found');

    git(repo, env, 'checkout', '-q', 'main');
    assert.equal(await store.sync(), true);
    assert.equal(store.partner(grace.value.id)?.value.name, 'Grace Hopper');
    assert.equal(store.checkIns().length, 2);
    assert.deepEqual(store.problems(), []);
    const after = await listFiles(root);
    assert.deepEqual(after, [...before.keys()]);
    let lost = 0;
    for (const [file, bytes] of before) lost += recordBytes(SUITE, bytes, await fsp.readFile(path.join(root, file)));
    assert.equal(lost, 0);
    await store.updatePartner(grace.value.id, { role: 'Back' });
    assert.equal(git(repo, env, 'status', '--porcelain').trim(), `M ${path.relative(repo, grace.path).split(path.sep).join('/')}`);
  });
});
