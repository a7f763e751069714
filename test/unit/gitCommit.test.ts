import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { headCommit } from '../../src/git/gitCommit';
import { git, initRepo, isolatedGitEnv, makeTempDir, removeTempDir, withEnv } from './helpers';

// The commit a talking point from code is pinned to, read with simple-git from real repositories.
describe('headCommit', () => {
  let dir: string;
  let home: string;

  beforeEach(async () => {
    dir = await makeTempDir();
    home = await makeTempDir('alliances-home-');
  });
  afterEach(async () => {
    await removeTempDir(dir);
    await removeTempDir(home);
  });

  it('is the full id of HEAD in a repository with commits, also from a subfolder', async () => {
    const env = isolatedGitEnv(home);
    initRepo(dir, env);
    await fsp.mkdir(path.join(dir, 'src'));
    await fsp.writeFile(path.join(dir, 'src', 'a.ts'), 'x\n');
    git(dir, env, 'add', '-A');
    git(dir, env, 'commit', '-q', '-m', 'one');
    const expected = git(dir, env, 'rev-parse', 'HEAD').trim();
    await withEnv({ HOME: home }, async () => {
      assert.equal(await headCommit(dir), expected);
      assert.equal(await headCommit(path.join(dir, 'src')), expected);
    });
  });

  it('is undefined in a repository without commits, outside a repository, and for a missing folder', async () => {
    const env = isolatedGitEnv(home);
    initRepo(dir, env);
    await withEnv({ HOME: home, GIT_CEILING_DIRECTORIES: path.dirname(dir) }, async () => {
      assert.equal(await headCommit(dir), undefined);
      assert.equal(await headCommit(home), undefined);
      assert.equal(await headCommit(path.join(dir, 'missing')), undefined);
    });
  });
});
