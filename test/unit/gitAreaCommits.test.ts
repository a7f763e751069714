// The commits that touched a partner's code areas since a date, from real repositories.
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { areaPathspecs, parseAreas } from '../../src/core/codeAreas';
import { areaCommits, type AreaCommits } from '../../src/git/areaCommits';
import { git, initRepo, isolatedGitEnv, makeTempDir, removeTempDir, withEnv, writeFile } from './helpers';

describe('code areas', () => {
  it('become pathspecs: globs with :(glob), paths as prefixes; outside or magic ones are dropped', () => {
    assert.deepEqual(
      areaPathspecs(['billing/**', './src/checkout/', 'src\\api', 'README.md', '../x', '/etc', ':(exclude)a', 'c:/x', '', 'billing/**']),
      [':(glob)billing/**', 'src/checkout/', 'src/api', 'README.md'],
    );
    assert.deepEqual(parseAreas('billing/**, src/checkout/\n ../up ,, billing/**'), {
      areas: ['billing/**', 'src/checkout/'],
      invalid: ['../up'],
    });
  });
});

describe('areaCommits (real git)', () => {
  let home: string;
  let repo: string;
  let env: NodeJS.ProcessEnv;
  let day = 0;

  /** Commits with dates a day apart (2026-11-01, 02, …), so --since is exact. */
  const commit = (message: string, author = 'Ada Lovelace'): string => {
    day++;
    const date = `2026-11-${String(day).padStart(2, '0')}T10:00:00Z`;
    const dated = { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    git(repo, dated, 'add', '-A');
    git(repo, dated, '-c', `user.name=${author}`, 'commit', '-q', '-m', message);
    return git(repo, env, 'rev-parse', 'HEAD').trim();
  };
  const read = (cwd: string, areas: string[] | undefined, since?: string): Promise<AreaCommits> =>
    withEnv({ HOME: home }, () => areaCommits(cwd, areas, { since }));
  const rows = (result: AreaCommits) => result.commits.map((c) => `${c.subject}|${c.author}|${c.files.join(',')}`);

  beforeEach(async () => {
    home = await makeTempDir('alliances-git-home-');
    repo = await makeTempDir('alliances-repo-');
    env = isolatedGitEnv(home);
    day = 0;
    initRepo(repo, env);
  });
  afterEach(async () => {
    await removeTempDir(repo);
    await removeTempDir(home);
  });

  it('lists commits in the areas, newest first, and none outside them', async () => {
    await writeFile(repo, 'billing/invoice.ts', '1\n');
    commit('Invoices');
    await writeFile(repo, 'docs/guide.md', '1\n');
    commit('Docs only');
    await writeFile(repo, 'src/checkout/cart.ts', '1\n');
    commit('Cart', 'Bob Builder');
    await writeFile(repo, 'src/checkoutx/other.ts', '1\n');
    commit('Look-alike folder');
    await writeFile(repo, 'billing/deep/tax/rate.ts', '1\n');
    await writeFile(repo, 'docs/tax.md', '1\n');
    const both = commit('Tax rates and docs');

    const result = await read(repo, ['billing/**', 'src/checkout/']);
    assert.equal(result.available, true);
    assert.deepEqual(rows(result), [
      'Tax rates and docs|Ada Lovelace|billing/deep/tax/rate.ts',
      'Cart|Bob Builder|src/checkout/cart.ts',
      'Invoices|Ada Lovelace|billing/invoice.ts',
    ]);
    assert.equal(result.commits[0]?.commit, both);
    assert.equal(result.truncated, false);
  });

  it('since a date: only the commits after it', async () => {
    await writeFile(repo, 'billing/a.ts', '1\n');
    commit('Before the check-in');
    await writeFile(repo, 'billing/a.ts', '2\n');
    commit('After the check-in');
    assert.deepEqual(rows(await read(repo, ['billing/'], '2026-11-01T12:00:00.000Z')), ['After the check-in|Ada Lovelace|billing/a.ts']);
  });

  it('follows renames into an area (the new name) and counts a move out of it', async () => {
    await writeFile(repo, 'lib/money.ts', '1\n2\n3\n');
    await writeFile(repo, 'billing/old.ts', 'a\nb\nc\n');
    commit('Start');
    git(repo, env, 'mv', 'lib/money.ts', 'billing/money.ts');
    commit('Move money into billing');
    await fsp.mkdir(path.join(repo, 'legacy'));
    git(repo, env, 'mv', 'billing/old.ts', 'legacy/old.ts');
    commit('Move old out of billing');
    assert.deepEqual(rows(await read(repo, ['billing/**'], '2026-11-01T12:00:00.000Z')), [
      'Move old out of billing|Ada Lovelace|billing/old.ts',
      'Move money into billing|Ada Lovelace|billing/money.ts',
    ]);
  });

  it('takes areas relative to a workspace folder inside the repository', async () => {
    await writeFile(repo, 'app/billing/a.ts', '1\n');
    await writeFile(repo, 'billing/not-this-one.ts', '1\n');
    commit('Both billings');
    await writeFile(repo, 'billing/not-this-one.ts', '2\n');
    commit('Only the top one');
    assert.deepEqual(rows(await read(path.join(repo, 'app'), ['billing/'])), ['Both billings|Ada Lovelace|billing/a.ts']);
  });

  it('from a commit: only what landed after it', async () => {
    await writeFile(repo, 'billing/a.ts', '1\n');
    const first = commit('Old');
    await writeFile(repo, 'billing/a.ts', '2\n');
    commit('New one');
    await writeFile(repo, 'docs/a.md', '2\n');
    const last = commit('New docs');
    assert.deepEqual(rows(await withEnv({ HOME: home }, () => areaCommits(repo, ['billing/'], { from: first }))), [
      'New one|Ada Lovelace|billing/a.ts',
    ]);
    assert.deepEqual((await withEnv({ HOME: home }, () => areaCommits(repo, ['billing/'], { from: last }))).commits, []);
    assert.equal((await withEnv({ HOME: home }, () => areaCommits(repo, ['billing/'], { from: '--all' }))).available, false);
  });

  it('lists at most the limit and says so', async () => {
    for (let i = 0; i < 4; i++) {
      await writeFile(repo, 'billing/a.ts', `${i}\n`);
      commit(`Change ${i}`);
    }
    const result = await withEnv({ HOME: home }, () => areaCommits(repo, ['billing/'], { limit: 3 }));
    assert.deepEqual(
      result.commits.map((c) => c.subject),
      ['Change 3', 'Change 2', 'Change 1'],
    );
    assert.equal(result.truncated, true);
  });

  it('without areas, without commits, outside a repository and without git: empty, never an error', async () => {
    assert.equal((await read(repo, undefined)).available, false);
    assert.equal((await read(repo, ['../outside', ':(attr)x'])).available, false);
    assert.deepEqual(await read(repo, ['billing/']), { available: true, commits: [], truncated: false });
    const outside = await makeTempDir('alliances-norepo-');
    try {
      assert.equal((await read(outside, ['billing/'])).available, false);
      await fsp.writeFile(path.join(repo, 'x'), '1\n');
      commit('x');
      assert.equal((await withEnv({ HOME: home, PATH: outside }, () => areaCommits(repo, ['x']))).available, false);
    } finally {
      await removeTempDir(outside);
    }
  });
});
