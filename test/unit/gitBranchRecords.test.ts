// Records that live only on other local branches, read from git's objects in real repositories:
// nothing is checked out and nothing is written.
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { otherBranchRecords, type BranchRecords } from '../../src/git/branchRecords';
import {
  checkInRecord,
  git,
  initRepo,
  isolatedGitEnv,
  listFiles,
  makeTempDir,
  newId,
  partnerRecord,
  pretty,
  removeTempDir,
  withEnv,
  writeFile,
} from './helpers';

describe('otherBranchRecords (real git)', () => {
  let home: string;
  let repo: string;
  let root: string;
  let env: NodeJS.ProcessEnv;

  const commitAll = (message: string): void => {
    git(repo, env, 'add', '-A');
    git(repo, env, 'commit', '-q', '-m', message);
  };
  const read = (storeRoot = root): Promise<BranchRecords> => withEnv({ HOME: home }, () => otherBranchRecords(storeRoot));
  const summary = (result: BranchRecords): string[] =>
    result.records
      .map((record) => `${record.kind}:${record.id}@${record.branches.map((b) => `${b.name}${b.merged ? '(merged)' : ''}`).join(',')}`)
      .sort();
  const partner = (id: string, name = 'Grace Hopper') =>
    writeFile(root, `partners/${name.toLowerCase().replace(/ /g, '-')}-${id}.json`, pretty(partnerRecord(id, { name })));
  const checkIn = (id: string, partnerId: string, year = '2026') =>
    writeFile(root, `checkins/${year}/${id}.json`, pretty(checkInRecord(id, partnerId)));

  beforeEach(async () => {
    home = await makeTempDir('alliances-git-home-');
    repo = await makeTempDir('alliances-repo-');
    env = isolatedGitEnv(home);
    root = path.join(repo, '.alliances');
    initRepo(repo, env);
  });
  afterEach(async () => {
    await removeTempDir(repo);
    await removeTempDir(home);
  });

  it('finds a check-in and a partner that exist only on an unmerged branch, with the branch name, and never writes', async () => {
    const dana = newId();
    await partner(dana, 'Dana Whitfield');
    await writeFile(root, 'alliances.json', pretty({ format: 'alliances', schemaVersion: 1 }));
    commitAll('store');
    git(repo, env, 'checkout', '-q', '-b', 'feature/x');
    const onBranch = newId();
    const newPartner = newId();
    await checkIn(onBranch, dana);
    await partner(newPartner, 'Sam Sales');
    commitAll('check-in on a branch');
    git(repo, env, 'checkout', '-q', 'main');
    const before = await listFiles(repo);
    const statusBefore = git(repo, env, 'status', '--porcelain');

    const result = await read();
    assert.equal(result.available, true);
    assert.equal(result.current, 'main');
    assert.equal(result.defaultBranch, 'main');
    assert.deepEqual(summary(result), [`checkIn:${onBranch}@feature/x`, `partner:${newPartner}@feature/x`].sort());
    const found = result.records.find((record) => record.id === onBranch);
    assert.equal(found?.kind, 'checkIn');
    assert.equal(found?.relativePath, `checkins/2026/${onBranch}.json`);
    assert.equal((found?.value as { partnerId?: string }).partnerId, dana);
    assert.equal(found?.branches[0]?.commit, git(repo, env, 'rev-parse', 'feature/x').trim());
    // Read-only: the work tree, the index and HEAD are as before.
    assert.deepEqual(await listFiles(repo), before);
    assert.equal(git(repo, env, 'status', '--porcelain'), statusBefore);
    assert.equal(git(repo, env, 'symbolic-ref', '--short', 'HEAD').trim(), 'main');
  });

  it('works both ways: from the branch, records added on main since it forked show as on main', async () => {
    await partner(newId());
    commitAll('store');
    git(repo, env, 'checkout', '-q', '-b', 'feature/x');
    const mainOnly = newId();
    git(repo, env, 'checkout', '-q', 'main');
    await partner(mainOnly, 'Main Only');
    commitAll('main adds a partner');
    git(repo, env, 'checkout', '-q', 'feature/x');
    const result = await read();
    assert.equal(result.current, 'feature/x');
    assert.deepEqual(summary(result), [`partner:${mainOnly}@main(merged)`]);
  });

  it('reports nothing for a branch merged into HEAD, and marks a branch merged into the default branch as merged', async () => {
    const p = newId();
    await partner(p);
    commitAll('store');
    git(repo, env, 'checkout', '-q', '-b', 'feature/other');
    git(repo, env, 'checkout', '-q', 'main');
    git(repo, env, 'checkout', '-q', '-b', 'feature/done');
    const done = newId();
    await checkIn(done, p);
    commitAll('done');
    git(repo, env, 'checkout', '-q', 'main');
    git(repo, env, 'merge', '-q', '--no-ff', '-m', 'merge done', 'feature/done');
    git(repo, env, 'checkout', '-q', '-b', 'feature/open');
    const open = newId();
    await checkIn(open, p);
    commitAll('open');
    git(repo, env, 'checkout', '-q', 'main');

    // On main: feature/done is merged (its check-in is here), feature/open is not.
    assert.deepEqual(summary(await read()), [`checkIn:${open}@feature/open`]);
    // On a branch that forked before the merge: the merged check-in is on feature/done, feature/open and main, all "merged" but feature/open.
    git(repo, env, 'checkout', '-q', 'feature/other');
    const fromOther = await read();
    assert.deepEqual(
      summary(fromOther),
      [`checkIn:${done}@feature/done(merged),feature/open,main(merged)`, `checkIn:${open}@feature/open`].sort(),
    );
  });

  it('ignores renamed record files (same id) and records deleted on either side', async () => {
    const renamed = newId();
    const deletedHere = newId();
    const deletedThere = newId();
    await partner(renamed, 'Old Name');
    await partner(deletedHere, 'Gone Here');
    await partner(deletedThere, 'Gone There');
    commitAll('store');
    git(repo, env, 'checkout', '-q', '-b', 'feature/x');
    git(repo, env, 'mv', `.alliances/partners/old-name-${renamed}.json`, `.alliances/partners/new-name-${renamed}.json`);
    await fsp.rm(path.join(root, 'partners', `gone-there-${deletedThere}.json`));
    commitAll('rename one, delete one');
    git(repo, env, 'checkout', '-q', 'main');
    await fsp.rm(path.join(root, 'partners', `gone-here-${deletedHere}.json`));
    commitAll('delete one on main');

    const result = await read();
    assert.equal(result.available, true);
    assert.deepEqual(summary(result), []);
  });

  it('with a detached HEAD, every local branch is another branch', async () => {
    const p = newId();
    await partner(p);
    commitAll('store');
    git(repo, env, 'checkout', '-q', '-b', 'feature/x');
    const c = newId();
    await checkIn(c, p);
    commitAll('check-in');
    git(repo, env, 'checkout', '-q', '--detach', 'main');
    const result = await read();
    assert.equal(result.current, undefined);
    assert.deepEqual(summary(result), [`checkIn:${c}@feature/x`]);
  });

  it('skips a record file that does not read on the other branch (conflict markers, bad JSON) and counts it', async () => {
    const p = newId();
    await partner(p);
    commitAll('store');
    git(repo, env, 'checkout', '-q', '-b', 'feature/x');
    const good = newId();
    await checkIn(good, p);
    await writeFile(root, `checkins/2026/${newId()}.json`, '<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> other\n');
    await writeFile(root, `talking-points/${newId()}.json`, '{ "schemaVersion": 1, ');
    commitAll('one good, two broken');
    git(repo, env, 'checkout', '-q', 'main');
    const result = await read();
    assert.deepEqual(summary(result), [`checkIn:${good}@feature/x`]);
    assert.equal(result.skipped, 2);
  });

  it('finds a store in a subfolder of the repository, and nothing outside the store', async () => {
    root = path.join(repo, 'team', 'notes');
    const p = newId();
    await partner(p);
    commitAll('store');
    git(repo, env, 'checkout', '-q', '-b', 'feature/x');
    const c = newId();
    await checkIn(c, p);
    // A look-alike outside the store folder is not a record.
    await writeFile(repo, `checkins/2026/${newId()}.json`, pretty(checkInRecord(newId(), p)));
    commitAll('check-in');
    git(repo, env, 'checkout', '-q', 'main');
    assert.deepEqual(summary(await read()), [`checkIn:${c}@feature/x`]);
  });

  it('in a repository without commits: available, nothing found', async () => {
    await partner(newId());
    const result = await read();
    assert.equal(result.available, true);
    assert.equal(result.current, 'main');
    assert.deepEqual(result.records, []);
  });

  it('on an unborn branch next to a branch with records: all of its records are only there', async () => {
    const p = newId();
    await partner(p);
    commitAll('store');
    git(repo, env, 'checkout', '-q', '--orphan', 'fresh');
    git(repo, env, 'rm', '-rq', '--cached', '.');
    await fsp.rm(root, { recursive: true });
    const result = await read();
    assert.equal(result.current, 'fresh');
    assert.deepEqual(summary(result), [`partner:${p}@main(merged)`]);
  });

  it('outside a repository, for a store that does not exist yet, and without git at all: unavailable, no error', async () => {
    const outside = await makeTempDir('alliances-norepo-');
    try {
      assert.equal((await withEnv({ HOME: home }, () => otherBranchRecords(path.join(outside, '.alliances')))).available, false);
      await partner(newId());
      commitAll('store');
      const missing = path.join(repo, 'not', 'yet', '.alliances');
      assert.equal((await read(missing)).available, true);
      const noGit = await withEnv({ HOME: home, PATH: outside }, () => otherBranchRecords(root));
      assert.deepEqual(noGit, { available: false, records: [], skipped: 0 });
    } finally {
      await removeTempDir(outside);
    }
  });
});
