import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { authorFrom } from '../../src/core/author';
import { readGitIdentity } from '../../src/git/gitIdentity';
import { git, initRepo, isolatedGitEnv, makeTempDir, removeTempDir, withEnv } from './helpers';

function osUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

describe('authorFrom', () => {
  it('uses git name and email, trimmed', () => {
    assert.deepEqual(authorFrom({ name: '  Ada Lovelace ', email: ' ada@example.com ' }), {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
    });
  });

  it('leaves the email out when git has none', () => {
    assert.deepEqual(authorFrom({ name: 'Ada' }), { name: 'Ada' });
    assert.deepEqual(authorFrom({ name: 'Ada', email: '  ' }), { name: 'Ada' });
  });

  it('falls back to the OS user name when git gives nothing', () => {
    const expected = { name: osUserName() };
    assert.ok(expected.name.length > 0);
    assert.deepEqual(authorFrom(undefined), expected);
    assert.deepEqual(authorFrom({}), expected);
    assert.deepEqual(authorFrom({ name: '   ' }), expected);
  });

  it('keeps git’s email with the OS user name when only the email is set', () => {
    assert.deepEqual(authorFrom({ email: 'ada@example.com' }), { name: osUserName(), email: 'ada@example.com' });
  });
});

describe('readGitIdentity (real git)', () => {
  let home: string;
  let env: NodeJS.ProcessEnv;
  let restore: Record<string, string | undefined>;

  // simple-git inherits process.env but drops GIT_* variables, so HOME is what keeps the machine's global
  // config (~/.gitconfig) out; GIT_CONFIG_GLOBAL/NOSYSTEM are set too, for any git that honours them.
  before(async () => {
    home = await makeTempDir('alliances-git-home-');
    env = isolatedGitEnv(home);
    restore = {};
    for (const key of ['HOME', 'XDG_CONFIG_HOME', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM', 'GIT_CEILING_DIRECTORIES']) {
      restore[key] = process.env[key];
      process.env[key] = env[key];
    }
  });
  after(async () => {
    for (const [key, value] of Object.entries(restore)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await removeTempDir(home);
  });
  afterEach(async () => fsp.writeFile(env.GIT_CONFIG_GLOBAL!, ''));

  it('returns the repository’s local user.name and user.email', async () => {
    const repo = await makeTempDir();
    try {
      initRepo(repo, env, { name: 'Repo Person', email: 'repo@example.com' });
      assert.deepEqual(await readGitIdentity(repo), { name: 'Repo Person', email: 'repo@example.com' });
      // From a sub-folder of the repository too (the store lives in .alliances).
      const sub = path.join(repo, '.alliances', 'partners');
      await fsp.mkdir(sub, { recursive: true });
      assert.deepEqual(await readGitIdentity(sub), { name: 'Repo Person', email: 'repo@example.com' });
    } finally {
      await removeTempDir(repo);
    }
  });

  it('prefers the repository identity over the global one', async () => {
    git(home, env, 'config', '--global', 'user.name', 'Global Person');
    git(home, env, 'config', '--global', 'user.email', 'global@example.com');
    const repo = await makeTempDir();
    try {
      git(repo, env, 'init', '-q');
      git(repo, env, 'config', 'user.name', 'Local Person');
      assert.deepEqual(await readGitIdentity(repo), { name: 'Local Person', email: 'global@example.com' });
    } finally {
      await removeTempDir(repo);
    }
  });

  it('resolves to the global identity in a folder that is not a repository', async () => {
    git(home, env, 'config', '--global', 'user.name', 'Global Person');
    const folder = await makeTempDir();
    try {
      assert.deepEqual(await readGitIdentity(folder), { name: 'Global Person', email: undefined });
    } finally {
      await removeTempDir(folder);
    }
  });

  it('resolves without throwing, to no identity, when nothing is configured', async () => {
    const folder = await makeTempDir();
    try {
      const identity = await readGitIdentity(folder);
      assert.ok(identity === undefined || (identity.name === undefined && identity.email === undefined), JSON.stringify(identity));
      // …and the author then falls back to the OS user.
      assert.deepEqual(authorFrom(identity), { name: osUserName() });
    } finally {
      await removeTempDir(folder);
    }
  });

  it('resolves to undefined for a folder that does not exist', async () => {
    assert.equal(await readGitIdentity(path.join(home, 'no', 'such', 'folder')), undefined);
  });

  it('resolves to undefined when git cannot be run', async () => {
    const folder = await makeTempDir();
    try {
      const identity = await withEnv({ PATH: path.join(home, 'empty-path') }, () => readGitIdentity(folder));
      assert.equal(identity, undefined);
    } finally {
      await removeTempDir(folder);
    }
  });
});
