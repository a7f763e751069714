// The change impact check on a real temporary repository: a branch off main touching a partner's code
// area and an initiative's, with a check-in since the branch started; git's pathspecs and the core
// matcher agree; bad revisions are reported, nothing written.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { areaPathspecs } from '../../src/core/codeAreas';
import { computeImpact, filesInAreas, impactRecords } from '../../src/core/impact';
import { changeRange, changedFiles } from '../../src/git/changeRange';
import { git, listFiles, makeStore, makeTempRepo, removeTempDir, withEnv, writeFile } from './helpers';

describe('the change impact check (real git)', () => {
  let dir: string | undefined;
  let repo: string;
  let env: NodeJS.ProcessEnv;
  let forkedAt: string;

  const commit = (message: string, date: string) => {
    const dated = { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    git(repo, dated, 'add', '-A');
    git(repo, dated, 'commit', '-q', '-m', message);
  };
  const range = (base: string | undefined, head?: string) =>
    withEnv({ HOME: path.join(dir!, 'home') }, () => changeRange(repo, base, head));

  beforeEach(async () => {
    ({ dir, repo, env } = await makeTempRepo('alliances-impact-'));
    await writeFile(repo, 'src/billing/invoice.ts', 'export const total = 1;\n');
    await writeFile(repo, 'src/checkout/cart.ts', 'export const cart = [];\n');
    await writeFile(repo, 'docs/old-name.md', 'old\n');
    await writeFile(repo, 'README.md', '# Shop\n');
    commit('Start', '2026-11-01T10:00:00Z');
    forkedAt = git(repo, env, 'rev-parse', 'HEAD').trim();
    git(repo, env, 'checkout', '-q', '-b', 'refunds');
    await writeFile(repo, 'src/billing/invoice.ts', 'export const total = 2;\n');
    commit('Refunds in totals', '2026-11-12T10:00:00Z');
    git(repo, env, 'mv', 'docs/old-name.md', 'src/checkout/moved.md');
    commit('Move the notes', '2026-11-13T10:00:00Z');
    git(repo, env, 'checkout', '-q', 'main');
    await writeFile(repo, 'README.md', '# Shop (main moved on)\n');
    commit('Main moves on', '2026-11-14T10:00:00Z');
    git(repo, env, 'checkout', '-q', 'refunds');
  });
  afterEach(() => removeTempDir(dir));

  it('reads the branch against the default branch: merge base, its date, commits and both names of a rename', async () => {
    const answer = await range(undefined);
    assert.ok(answer.ok);
    assert.equal(answer.change.base, 'main');
    assert.equal(answer.change.branch, 'refunds');
    assert.equal(answer.change.mergeBase, forkedAt);
    assert.equal(Date.parse(answer.change.since), Date.parse('2026-11-01T10:00:00Z'));
    assert.equal(answer.change.commits, 2);
    // main's README change is not the branch's.
    assert.deepEqual([...answer.change.files].sort(), ['docs/old-name.md', 'src/billing/invoice.ts', 'src/checkout/moved.md']);
  });

  it('finds the partner and the initiative, and counts a check-in since the branch started as consulted', async () => {
    const store = makeStore(path.join(repo, '.alliances'), { now: () => new Date('2026-11-20T10:00:00Z') });
    await store.load();
    await store.initialize();
    const kwame = await store.addPartner({ name: 'Kwame Mensah', department: 'Customer Success', cadenceDays: 14 });
    await store.updatePartner(kwame.value.id, { codeAreas: ['src/billing/**'] });
    const dana = await store.addPartner({ name: 'Dana Whitfield', department: 'Product', cadenceDays: 14 });
    const leo = await store.addPartner({ name: 'Leo Tanaka', department: 'Data', cadenceDays: 30 });
    const checkout = await store.create('initiative', { name: 'Checkout revamp', status: 'active', codeAreas: ['src/checkout/'] });
    for (const [partner, influence] of [
      [dana, 'high'],
      [leo, 'low'],
    ] as const)
      await store.create('stance', {
        initiativeId: checkout.value.id,
        partnerId: partner.value.id,
        date: '2026-11-02T10:00:00.000Z',
        stance: 'supporter',
        influence,
        interest: 'high',
        role: 'consulted',
      });
    await store.addCheckIn({ partnerId: kwame.value.id, kind: 'one-on-one', summary: 'Refunds', date: new Date('2026-11-05T10:00:00Z') });
    await store.addCheckIn({
      partnerId: dana.value.id,
      kind: 'one-on-one',
      summary: 'Before the branch',
      date: new Date('2026-10-30T10:00:00Z'),
    });
    const answer = await range('main', 'HEAD');
    assert.ok(answer.ok);
    const result = computeImpact(
      answer.change,
      impactRecords([store], { defaultCadenceDays: 14, now: new Date('2026-11-20T10:00:00Z'), includePrivate: false }),
      { siloDays: 45 },
    );
    assert.deepEqual(
      result.people.map((p) => [p.name, p.consulted?.by ?? 'no', p.influence ?? '-']),
      [
        ['Dana Whitfield', 'no', 'high'],
        ['Leo Tanaka', 'no', 'low'],
        ['Kwame Mensah', 'check-in', '-'],
      ],
    );
    assert.deepEqual(
      result.initiatives.map((i) => [i.name, i.files]),
      [['Checkout revamp', ['src/checkout/moved.md']]],
    );
    assert.equal(result.verdict, 'high-influence-not-consulted');
  });

  it('matches code areas exactly as git pathspecs do', async () => {
    await writeFile(repo, 'src/billingx/other.ts', '1\n');
    await writeFile(repo, 'src/a/b/deep.ts', '1\n');
    await writeFile(repo, 'docs/deep/README.md', '1\n');
    commit('More files', '2026-11-15T10:00:00Z');
    const all = git(repo, env, 'ls-files').trim().split('\n');
    for (const area of [
      'src/billing',
      'src/billing/',
      'src/billing/**',
      'src/*',
      'src/bil*',
      '**/README.md',
      'src/**/*.ts',
      'src/[ab]*/**',
      '*.md',
      'README.md',
    ]) {
      const byGit = git(repo, env, 'ls-files', '--', ...areaPathspecs([area]))
        .trim()
        .split('\n')
        .filter(Boolean);
      assert.deepEqual(filesInAreas([area], all), byGit, area);
    }
  });

  it('reports a revision that names no commit, or looks like an option, and writes nothing', async () => {
    const before = await listFiles(repo);
    for (const [base, head, revision] of [
      ['no-such-branch', 'HEAD', 'no-such-branch'],
      ['main', 'nope~3', 'nope~3'],
      ['--output=/tmp/x', 'HEAD', '--output=/tmp/x'],
      ['main', '', ''],
    ])
      assert.deepEqual(await range(base, head), { ok: false, problem: 'bad-revision', revision }, `${base} ${head}`);
    assert.deepEqual(await listFiles(repo), before);
    assert.deepEqual(await changeRange(dir!, 'main'), { ok: false, problem: 'no-repository' });
  });

  it('parses git diff --name-status -z', () => {
    assert.deepEqual(changedFiles('M\0a.ts\0R087\0old.md\0new.md\0A\0b c.ts\0'), ['a.ts', 'old.md', 'new.md', 'b c.ts']);
    assert.deepEqual(changedFiles(''), []);
  });
});
