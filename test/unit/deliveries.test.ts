// Commits that deliver an ask: the trailer matcher with known answers, and git reading the trailers of
// the default branch in a real repository.
import { strict as assert } from 'node:assert';
import * as v from 'valibot';
import { askTrailer, findDeliveries, parseTrailers, requester, type TrailerCommit } from '../../src/core/deliveries';
import { AskSchema, type Ask, type Partner } from '../../src/core/model';
import { trailerCommits } from '../../src/git/trailerCommits';
import { git, initRepo, newId, isolatedGitEnv, makeTempDir, removeTempDir, withEnv, writeFile } from './helpers';

const base = { schemaVersion: 1, createdAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-01T09:00:00.000Z', author: { name: 'Ada' } };
const partner = (id: string, name: string, email?: string, extra: Partial<Partner> = {}): Partner => ({
  ...base,
  id,
  name,
  department: 'Sales',
  ...(email ? { email } : {}),
  ...extra,
});
const ask = (id: string, partnerId: string, extra: Partial<Ask> = {}): Ask => ({
  ...base,
  id,
  partnerId,
  direction: 'they-asked',
  text: `ask ${id}`,
  status: 'open',
  ...extra,
});
const sha = (n: number) => String(n).repeat(40).slice(0, 40);
const commit = (n: number, ...trailers: [string, string][]): TrailerCommit => ({
  commit: sha(n),
  date: `2026-11-${String(10 + n).padStart(2, '0')}T10:00:00+00:00`,
  subject: `commit ${n}`,
  trailers: trailers.map(([key, value]) => ({ key, value })),
});

const PARTNERS = [
  partner('P1', 'Dana Scully', 'dana@fbi.example'),
  partner('P2', 'Priya Patel', 'priya@corp.example'),
  partner('P3', 'Sam Lee'),
  partner('P4', 'Sam Lee', 'sam.other@example.com'),
  partner('P5', 'Old Friend', 'old@example.com', { archived: true }),
];
const ASKS = [
  ask('01ASKDANAONE000000000000AA', 'P1'),
  ask('01ASKPRIYA1000000000000AAA', 'P2'),
  ask('01ASKPRIYA2000000000000AAA', 'P2'),
  ask('01ASKCLOSED00000000000000A', 'P1', { status: 'helped' }),
  ask('01ASKMINE000000000000000AA', 'P2', { direction: 'i-asked' }),
];

describe('deliveries: the trailer matcher', () => {
  it('parses trailer lines, any key case, values trimmed', () => {
    assert.deepEqual(parseTrailers('Alliances-Ask: 01ABC \nsigned-off-by: Ada <a@b>\nnot a trailer\n\n'), [
      { key: 'Alliances-Ask', value: '01ABC' },
      { key: 'signed-off-by', value: 'Ada <a@b>' },
    ]);
    assert.equal(askTrailer('01XYZ'), 'Alliances-Ask: 01XYZ');
  });

  it('offers an open ask named by id (any case), once, by the newest commit naming it', () => {
    const { offers, problems } = findDeliveries(
      [commit(3, ['alliances-ask', '01askdanaone000000000000aa']), commit(2, ['Alliances-Ask', '01ASKDANAONE000000000000AA'])],
      ASKS,
      PARTNERS,
    );
    assert.deepEqual(
      offers.map((o) => [o.askId, o.partnerId, o.commit, o.via]),
      [['01ASKDANAONE000000000000AA', 'P1', sha(3), 'ask']],
    );
    assert.deepEqual(problems, []);
  });

  it('offers an "i-asked" ask named by id too (they delivered to me)', () => {
    const { offers } = findDeliveries([commit(1, ['Alliances-Ask', '01ASKMINE000000000000000AA'])], ASKS, PARTNERS);
    assert.deepEqual(
      offers.map((o) => o.askId),
      ['01ASKMINE000000000000000AA'],
    );
  });

  it('reports an unknown ask and a closed one, and offers nothing for them', () => {
    const { offers, problems } = findDeliveries(
      [commit(1, ['Alliances-Ask', '01NOSUCHASK000000000000000'], ['Alliances-Ask', '01ASKCLOSED00000000000000A'])],
      ASKS,
      PARTNERS,
    );
    assert.deepEqual(offers, []);
    assert.deepEqual(
      problems.map((p) => [p.reason, p.trailer.value, p.partnerId]),
      [
        ['unknown-ask', '01NOSUCHASK000000000000000', undefined],
        ['closed-ask', '01ASKCLOSED00000000000000A', 'P1'],
      ],
    );
  });

  it('is silent about an ask already marked delivered by that very commit', () => {
    const delivered = ASKS.map((a) => (a.id === '01ASKCLOSED00000000000000A' ? { ...a, deliveredIn: { commit: sha(1) } } : a));
    const { offers, problems } = findDeliveries([commit(1, ['Alliances-Ask', '01ASKCLOSED00000000000000A'])], delivered, PARTNERS);
    assert.deepEqual([offers, problems], [[], []]);
  });

  it('Requested-by: offers the one open ask of the partner it names (email, name <email>, or a unique name)', () => {
    const byEmail = findDeliveries([commit(1, ['Requested-by', 'DANA@fbi.example'])], ASKS, PARTNERS);
    assert.deepEqual(
      byEmail.offers.map((o) => [o.askId, o.via]),
      [['01ASKDANAONE000000000000AA', 'requested-by']],
    );
    const byBoth = findDeliveries([commit(1, ['Requested-by', 'Someone Else <dana@FBI.example>'])], ASKS, PARTNERS);
    assert.deepEqual(
      byBoth.offers.map((o) => o.askId),
      ['01ASKDANAONE000000000000AA'],
    );
    const byName = findDeliveries([commit(1, ['Requested-by', 'dana scully'])], ASKS, PARTNERS);
    assert.deepEqual(
      byName.offers.map((o) => o.askId),
      ['01ASKDANAONE000000000000AA'],
    );
  });

  it('Requested-by: several open asks, none, an ambiguous or archived person are problems, never guesses', () => {
    const { offers, problems } = findDeliveries(
      [
        commit(4, ['Requested-by', 'Priya Patel']),
        commit(3, ['Requested-by', 'Sam Lee']),
        commit(2, ['Requested-by', 'old@example.com']),
        commit(1, ['Requested-by', 'sam.other@example.com']),
      ],
      ASKS,
      PARTNERS,
    );
    assert.deepEqual(offers, []);
    assert.deepEqual(
      problems.map((p) => [p.commit, p.reason, p.partnerId]),
      [
        [sha(4), 'several-open-asks', 'P2'],
        [sha(3), 'unknown-requester', undefined],
        [sha(2), 'unknown-requester', undefined],
        [sha(1), 'no-open-ask', 'P4'],
      ],
    );
  });

  it('an id trailer and a Requested-by for the same ask offer it once, without a problem', () => {
    const { offers, problems } = findDeliveries(
      [commit(2, ['Alliances-Ask', '01ASKDANAONE000000000000AA']), commit(1, ['Requested-by', 'dana@fbi.example'])],
      ASKS,
      PARTNERS,
    );
    assert.deepEqual(
      offers.map((o) => o.commit),
      [sha(2)],
    );
    assert.deepEqual(problems, []);
  });

  it('leaves out a dismissed offer (this ask by this commit) but offers the ask again for another commit', () => {
    const dismissed = new Set([`01ASKDANAONE000000000000AA@${sha(2)}`]);
    assert.deepEqual(findDeliveries([commit(2, ['Alliances-Ask', '01ASKDANAONE000000000000AA'])], ASKS, PARTNERS, dismissed).offers, []);
    const later = findDeliveries([commit(3, ['Alliances-Ask', '01ASKDANAONE000000000000AA'])], ASKS, PARTNERS, dismissed);
    assert.deepEqual(
      later.offers.map((o) => o.commit),
      [sha(3)],
    );
  });

  it('requester() matches no archived partner and no two partners of one name', () => {
    assert.equal(requester('Sam Lee', PARTNERS), undefined);
    assert.equal(requester('Old Friend', PARTNERS), undefined);
    assert.equal(requester('Priya Patel <priya@corp.example>', PARTNERS)?.id, 'P2');
  });

  it('the ask schema keeps deliveredIn and refuses a commit id that is not one', () => {
    const valid = { ...base, id: newId(), partnerId: newId(), direction: 'they-asked', text: 'CSV export', status: 'helped' };
    const ok = v.safeParse(AskSchema, { ...valid, deliveredIn: { commit: sha(1), subject: 's', future: 1 } });
    assert.ok(ok.success, JSON.stringify(ok.issues));
    assert.deepEqual((ok.output as { deliveredIn: unknown }).deliveredIn, { commit: sha(1), subject: 's', future: 1 });
    const bad = v.safeParse(AskSchema, { ...valid, deliveredIn: { commit: 'HEAD~1' } });
    assert.equal(bad.success, false);
  });
});

describe('trailerCommits (real git)', () => {
  let home: string;
  let repo: string;
  let env: NodeJS.ProcessEnv;
  let day = 0;
  const commitFile = async (file: string, message: string): Promise<string> => {
    day++;
    const date = `2026-11-${String(day).padStart(2, '0')}T10:00:00Z`;
    const dated = { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    await writeFile(repo, file, `${day}\n`);
    git(repo, dated, 'add', '-A');
    git(repo, dated, 'commit', '-q', '-m', message);
    return git(repo, env, 'rev-parse', 'HEAD').trim();
  };

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

  it('reads the trailer block of default-branch commits only, newest first, since a date', async () => {
    await commitFile('a.txt', 'Old work\n\nAlliances-Ask: 01OLD');
    const second = await commitFile(
      'b.txt',
      'Export to CSV\n\nThe body says Alliances-Ask: 01NOTATRAILER in passing.\n\nalliances-ask: 01ASKDANA\nRequested-by: Dana <dana@fbi.example>\nSigned-off-by: Ada <ada@example.com>',
    );
    await commitFile('c.txt', 'No trailers here');
    git(repo, env, 'checkout', '-q', '-b', 'feature');
    await commitFile('d.txt', 'Feature work\n\nAlliances-Ask: 01ONBRANCH');
    const result = await withEnv({ HOME: home }, () => trailerCommits(repo, { since: '2026-11-01T12:00:00Z' }));
    assert.equal(result.available, true);
    assert.equal(result.branch, 'main');
    assert.deepEqual(
      result.commits.map((c) => [c.commit, c.subject, c.trailers.map((t) => `${t.key}=${t.value}`)]),
      [[second, 'Export to CSV', ['alliances-ask=01ASKDANA', 'Requested-by=Dana <dana@fbi.example>']]],
    );
  });

  it('is unavailable outside a repository and never throws', async () => {
    const plain = await makeTempDir('alliances-plain-');
    try {
      const result = await withEnv({ HOME: home, GIT_CEILING_DIRECTORIES: plain }, () => trailerCommits(plain));
      assert.deepEqual(result, { available: false, commits: [] });
    } finally {
      await removeTempDir(plain);
    }
  });
});
