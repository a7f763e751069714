// Concerns and votes: the ranking with known answers (votes, then departments, then recency), one vote
// per person however many files say so, refused with a sentence when bad, a vote for a missing concern
// held (and released when it comes), broken files kept byte for byte, hostile text stored as written,
// unknown fields kept, a newer schema read-only, and two branches voting merged without a conflict
// (real git), the same person voting on both counted once.
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { hasVoted, partnersWithoutTalkingPoint, rankConcerns, tallyVotes, closedConcerns } from '../../src/core/concerns';
import type { Author, Concern, Partner, TalkingPoint, Vote } from '../../src/core/model';
import { roleOf } from '../../src/core/storeLayout';
import { SearchIndex } from '../../src/core/search';
import type { Store } from '../../src/core/store';
import { HOSTILE_PAYLOADS } from '../fixtures/hostilePayloads';
import { recordBytes, recordCounts } from '../reliability/counts';
import {
  ADA,
  BOB,
  Clock,
  eachTestInMergeRepo,
  eachTestInTempStore,
  listFiles,
  makeStore,
  newId,
  partnerRecord,
  pretty,
  rejectsWithCode,
  writeFile,
  type MergeRepo,
} from './helpers';

const SUITE = 'unit-bad-input';
const CAROL: Author = { name: 'Carol', email: 'carol@example.com' };

function concernRecord(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id,
    text: 'Support is overwhelmed after each release',
    status: 'open',
    createdAt: '2026-11-10T10:00:00.000Z',
    updatedAt: '2026-11-10T10:00:00.000Z',
    author: { name: 'Ada Lovelace', email: 'ada@example.com' },
    ...extra,
  };
}

function voteRecord(id: string, concernId: string, author: Author = ADA, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id,
    concernId,
    createdAt: '2026-11-11T10:00:00.000Z',
    updatedAt: '2026-11-11T10:00:00.000Z',
    author,
    ...extra,
  };
}

const raise = (store: Store, extra: Partial<Concern> = {}) =>
  store.create('concern', { text: 'Support is overwhelmed after each release', status: 'open', ...extra });
const vote = (store: Store, concernId: string) => store.create('vote', { concernId });

describe('concern ranking (known answers)', () => {
  const at = (day: number) => new Date(Date.UTC(2026, 10, day, 10)).toISOString();
  const concern = (id: string, day: number, extra: Partial<Concern> = {}): Concern => ({
    schemaVersion: 1,
    id,
    text: `Concern ${id}`,
    status: 'open',
    createdAt: at(day),
    updatedAt: at(day),
    author: ADA,
    ...extra,
  });
  const voteOf = (concernId: string, author: Author, day: number): Vote => ({
    schemaVersion: 1,
    id: newId(),
    concernId,
    createdAt: at(day),
    updatedAt: at(day),
    author,
  });
  const partner = (id: string, department: string): Partner => ({
    schemaVersion: 1,
    id,
    name: id,
    department,
    createdAt: at(1),
    updatedAt: at(1),
    author: ADA,
  });
  const partners = [partner('p1', 'Support'), partner('p2', 'Sales'), partner('p3', 'support'), partner('p4', 'Finance')];

  it('ranks by distinct voters, then by departments, then by the latest activity, then by id', () => {
    const concerns = [
      concern('a', 1, { partnerIds: ['p1', 'p3'] }), // one department (Support and support are one)
      concern('b', 2, { partnerIds: ['p1', 'p2'] }), // two departments
      concern('c', 3, { partnerIds: ['p1'], departments: ['Sales', 'Finance'] }), // three
      concern('d', 3, { partnerIds: ['p2', 'p4'], departments: ['Support'] }), // three, a later vote
      concern('e', 9),
      concern('f', 9, { status: 'closed', closedAt: at(12), resolution: 'Hired two agents' }),
      concern('g', 3, { partnerIds: ['p1'], departments: ['Sales', 'Finance'] }), // as c: the id decides
    ];
    const votes = [
      voteOf('a', ADA, 4),
      voteOf('a', ADA, 5), // Ada again (two branches merged): once
      voteOf('a', { name: 'ADA L.', email: 'Ada@Example.com' }, 6), // her email in other case: once
      voteOf('a', BOB, 4),
      voteOf('b', ADA, 4),
      voteOf('b', BOB, 4),
      voteOf('c', CAROL, 4),
      voteOf('d', CAROL, 7),
      voteOf('g', CAROL, 4),
      voteOf('f', ADA, 10),
      voteOf('f', BOB, 10),
      voteOf('f', CAROL, 10),
      voteOf('missing', CAROL, 10),
    ];
    const ranked = rankConcerns({ concerns, votes, partners });
    assert.deepEqual(
      ranked.map((r) => [r.rank, r.concern.id, r.votes, r.departments.length]),
      [
        [1, 'b', 2, 2],
        [2, 'a', 2, 1],
        [3, 'd', 1, 3],
        [4, 'c', 1, 3],
        [5, 'g', 1, 3],
        [6, 'e', 0, 0],
      ],
    );
    assert.deepEqual(ranked[0]?.departments, ['Sales', 'Support']);
    assert.deepEqual(ranked[2]?.departments, ['Finance', 'Sales', 'Support']);
    assert.equal(ranked[2]?.lastActivity, Date.parse(at(7)), 'the latest vote');
    assert.equal(ranked[5]?.lastActivity, Date.parse(at(9)), 'raised, never voted for');
    assert.deepEqual(
      closedConcerns(concerns).map((c) => c.id),
      ['f'],
    );
    assert.equal(tallyVotes(votes).get('a')?.voters.size, 2);
  });

  it('the order does not depend on the order the files were read in', () => {
    const concerns = [concern('x', 2), concern('y', 2), concern('z', 1)];
    const votes = [voteOf('z', ADA, 3)];
    const forward = rankConcerns({ concerns, votes, partners }).map((r) => r.concern.id);
    const backward = rankConcerns({ concerns: [...concerns].reverse(), votes: [...votes].reverse(), partners }).map((r) => r.concern.id);
    assert.deepEqual(forward, ['z', 'x', 'y']);
    assert.deepEqual(backward, forward);
  });

  it('knows who voted, and whom a concern still owes a talking point', () => {
    const votes = [voteOf('a', ADA, 4)];
    assert.equal(hasVoted(votes, 'a', { name: 'Ada', email: 'ADA@example.com' }), true);
    assert.equal(hasVoted(votes, 'a', BOB), false);
    assert.equal(hasVoted(votes, 'b', ADA), false);
    const point = (partnerId: string, extra: Partial<TalkingPoint> = {}): TalkingPoint => ({
      schemaVersion: 1,
      id: newId(),
      partnerId,
      text: 'x',
      concernId: 'a',
      createdAt: at(1),
      updatedAt: at(1),
      author: ADA,
      ...extra,
    });
    const a = concern('a', 1, { partnerIds: ['p1', 'p2', 'p3'] });
    assert.deepEqual(
      partnersWithoutTalkingPoint(a, [point('p1'), point('p2', { coveredIn: newId() }), point('p3', { concernId: 'other' })]),
      ['p2', 'p3'],
    );
  });
});

describe('concerns and votes in the store', () => {
  let root: string;
  let clock: Clock;

  eachTestInTempStore(new Date(2026, 10, 21, 9, 30), (fixture) => ({ root, clock } = fixture));

  const storeAs = (author: Author) => makeStore(root, { now: clock.now, author: () => Promise.resolve(author) });

  async function setUp() {
    const store = storeAs(ADA);
    const hannah = (await store.addPartner({ name: 'Hannah', department: 'Support' })).value.id;
    const concern = await raise(store, { partnerIds: [hannah] });
    return { store, hannah, concern: concern.value.id, concernPath: concern.path };
  }

  it('are one file each under concerns/ and votes/, private ones under private/', async () => {
    const { store, concern, concernPath } = await setUp();
    assert.equal(path.relative(root, concernPath), path.join('concerns', `${concern}.json`));
    const first = await vote(store, concern);
    assert.equal(path.relative(root, first.path), path.join('votes', `${first.value.id}.json`));
    assert.deepEqual(first.value.author, ADA, 'the voter is the author');
    const secret = await store.create('concern', { text: 'Mine only', status: 'open' }, { private: true });
    assert.equal(path.relative(root, secret.path), path.join('private', 'concerns', `${secret.value.id}.json`));
    const secretVote = await store.create('vote', { concernId: secret.value.id }, { private: true });
    assert.equal(path.relative(root, secretVote.path), path.join('private', 'votes', `${secretVote.value.id}.json`));
    assert.deepEqual(roleOf(`private/votes/${secretVote.value.id}.json`), { kind: 'vote', expectedId: secretVote.value.id, private: true });
    const reloaded = storeAs(ADA);
    await reloaded.load();
    assert.equal(reloaded.problems().length, 0);
    assert.equal(reloaded.get('concern', secret.value.id)?.private, true);
    assert.equal(reloaded.ofPartner('concern', store.all('partner')[0]?.value.id ?? '').length, 1, 'filed under its partner');
  });

  it('counts one vote per person: a second vote by the same author counts once, another teammate twice', async () => {
    const { store, concern } = await setUp();
    await vote(store, concern);
    await vote(store, concern);
    const bob = storeAs(BOB);
    await bob.load();
    await vote(bob, concern);
    await store.load();
    const ranked = rankConcerns({
      concerns: store.all('concern').map((c) => c.value),
      votes: store.all('vote').map((v) => v.value),
      partners: [],
    });
    assert.equal(store.all('vote').length, 3);
    assert.equal(ranked[0]?.votes, 2);
  });

  it('search finds a concern by its text and its closing line, private ones only when asked', async () => {
    const { store, concern, hannah } = await setUp();
    await store.update('concern', concern, { status: 'closed', resolution: 'Staggered the releases' });
    await store.create('concern', { text: 'Escalations bypass the queue', status: 'open' }, { private: true });
    const index = new SearchIndex(() => [store]);
    const found = (text: string, includePrivate = false) => index.search(text, { includePrivate }).results.map((r) => [r.kind, r.recordId]);
    assert.deepEqual(found('overwhelmed'), [['concern', concern]]);
    assert.deepEqual(found('staggered kind:concern'), [['concern', concern]]);
    assert.equal(index.search('overwhelmed').results[0]?.partnerId, hannah);
    assert.deepEqual(found('escalations'), []);
    assert.equal(found('escalations', true).length, 1);
  });

  it('refuses a vote for a missing concern, a concern naming a missing partner and bad values, writing nothing', async () => {
    const { store, hannah } = await setUp();
    const before = await listFiles(root);
    const missing = newId();
    const noConcern = await rejectsWithCode(vote(store, missing), 'not-found');
    assert.equal(noConcern.message, `No concern with id ${missing} in the store; nothing was saved.`);
    const noPartner = await rejectsWithCode(raise(store, { partnerIds: [missing] }), 'not-found');
    assert.equal(noPartner.message, `No partner with id ${missing} in the store; nothing was saved.`);
    const twice = await rejectsWithCode(raise(store, { partnerIds: [hannah, hannah] }), 'invalid');
    assert.match(twice.message, /"partnerIds" must not name a partner twice\./);
    const empty = await rejectsWithCode(raise(store, { text: '   ' }), 'invalid');
    assert.match(empty.message, /"text" must not be empty\./);
    const status = await rejectsWithCode(raise(store, { status: 'pending' as 'open' }), 'invalid');
    assert.match(status.message, /"status" must be one of open, closed\./);
    assert.deepEqual(await listFiles(root), before);
  });

  it('a vote whose concern file is missing is held, reported at concernId, kept byte for byte, and released when it appears', async () => {
    const { store } = await setUp();
    const missing = newId();
    const id = newId();
    const text = pretty(voteRecord(id, missing));
    const file = await writeFile(root, `votes/${id}.json`, text);
    await store.load();
    const problem = store.problems().find((p) => p.path === file);
    assert.equal(problem?.code, 'missing-concern');
    assert.equal(
      problem?.reason,
      `This vote's concern ${missing} is not in the store (concerns/${missing}.json is missing); it is not counted. Restore the concern's file, or fix or delete this one.`,
    );
    assert.equal(problem?.location.line, text.split('\n').findIndex((l) => l.includes('"concernId"')) + 1);
    assert.equal(store.all('vote').length, 0, 'not counted');
    await rejectsWithCode(store.update('vote', id, {}), ['not-found', 'broken-file']);
    assert.equal(recordBytes(SUITE, Buffer.from(text), await fsp.readFile(file)), 0);

    const concernFile = await writeFile(root, `concerns/${missing}.json`, pretty(concernRecord(missing)));
    await store.reloadFile(concernFile);
    assert.equal(store.problems().length, 0);
    assert.equal(store.all('vote')[0]?.value.id, id);
    // The concern goes again (deleted on a teammate's branch): the vote is held once more.
    await fsp.rm(concernFile);
    await store.reloadFile(concernFile);
    assert.deepEqual(
      store.problems().map((p) => p.code),
      ['missing-concern'],
    );
    recordCounts(SUITE, { badInputs: 1 });
  });

  it('two votes by one person in one branch load without a problem, count once, and keep their bytes', async () => {
    const { store, concern } = await setUp();
    const files: [string, string][] = [];
    for (const day of [11, 12]) {
      const id = newId();
      const text = pretty(voteRecord(id, concern, ADA, { createdAt: `2026-11-${day}T10:00:00.000Z` }));
      files.push([await writeFile(root, `votes/${id}.json`, text), text]);
    }
    await store.load();
    assert.equal(store.problems().length, 0);
    assert.equal(store.all('vote').length, 2);
    assert.equal(tallyVotes(store.all('vote').map((v) => v.value)).get(concern)?.voters.size, 1);
    assert.equal(
      hasVoted(
        store.all('vote').map((v) => v.value),
        concern,
        ADA,
      ),
      true,
    );
    for (const [file, text] of files) assert.equal(recordBytes(SUITE, Buffer.from(text), await fsp.readFile(file)), 0);
    recordCounts(SUITE, { badInputs: 1 });
  });

  it('broken JSON and bad fields are reported with a sentence and keep their bytes; a vote on a broken concern is not held', async () => {
    const { store, concern } = await setUp();
    const broken = newId();
    const brokenText = '{ "schemaVersion": 1, "id": "' + broken + '", "text": "Half a concern",';
    const brokenFile = await writeFile(root, `concerns/${broken}.json`, brokenText);
    const onBroken = newId();
    const onBrokenText = pretty(voteRecord(onBroken, broken));
    const onBrokenFile = await writeFile(root, `votes/${onBroken}.json`, onBrokenText);
    const brokenVote = newId();
    const brokenVoteText = '{"schemaVersion":1,"id":"' + brokenVote + '","concernId":';
    const brokenVoteFile = await writeFile(root, `votes/${brokenVote}.json`, brokenVoteText);
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['concern', { status: 'pending' }, /"status" must be one of open, closed\./],
      ['concern', { text: '' }, /"text" must not be empty\./],
      ['concern', { text: 'x'.repeat(501) }, /"text" must be at most 500 characters\./],
      ['concern', { departments: Array.from({ length: 21 }, (_, k) => `D${k}`) }, /"departments" must name at most 20 departments\./],
      ['concern', { closedAt: 'yesterday' }, /"closedAt" must be an ISO 8601 date and time/],
      ['vote', { concernId: 'Support' }, /"concernId" must be a 26-character lowercase id\./],
    ];
    const files: [string, string][] = [
      [brokenFile, brokenText],
      [onBrokenFile, onBrokenText],
      [brokenVoteFile, brokenVoteText],
    ];
    for (const [kind, extra, reason] of cases) {
      const id = newId();
      const text = pretty(kind === 'concern' ? concernRecord(id, extra) : voteRecord(id, concern, ADA, extra));
      files.push([await writeFile(root, `${kind}s/${id}.json`, text), text]);
      await store.load();
      const problem = store.problems().find((p) => p.id === id);
      assert.equal(problem?.code, 'schema', JSON.stringify(extra));
      assert.match(problem?.reason ?? '', reason);
    }
    await store.load();
    assert.equal(store.problems().find((p) => p.path === brokenFile)?.code, 'json');
    assert.equal(store.problems().find((p) => p.path === brokenVoteFile)?.code, 'json');
    assert.equal(store.get('vote', onBroken)?.value.concernId, broken, 'its concern file is there, only broken');
    await vote(store, concern);
    for (const [file, text] of files) assert.equal(recordBytes(SUITE, Buffer.from(text), await fsp.readFile(file)), 0);
    recordCounts(SUITE, { badInputs: cases.length + 3 });
  });

  it('a concern naming a missing partner is held with a sentence of its own', async () => {
    const { store } = await setUp();
    const missing = newId();
    const id = newId();
    const file = await writeFile(root, `concerns/${id}.json`, pretty(concernRecord(id, { partnerIds: [missing] })));
    await store.load();
    const problem = store.problems().find((p) => p.path === file);
    assert.equal(problem?.code, 'missing-partner');
    assert.match(problem?.reason ?? '', new RegExp(`^Partner ${missing} of this concern is not in the store`));
    await writeFile(root, `partners/x-${missing}.json`, pretty(partnerRecord(missing)));
    await store.load();
    assert.equal(store.problems().length, 0);
    recordCounts(SUITE, { badInputs: 1 });
  });

  it('store hostile text in the concern and its closing line byte for byte', async () => {
    const { store } = await setUp();
    for (const payload of HOSTILE_PAYLOADS) {
      const text = payload.text.slice(0, 500).trim() || 'x';
      const raised = await raise(store, { text, theme: payload.text.slice(0, 200), departments: [text.slice(0, 100).trim() || 'x'] });
      const closed = await store.update('concern', raised.value.id, {
        status: 'closed',
        closedAt: clock.now().toISOString(),
        resolution: payload.text.slice(0, 2000),
      });
      const saved = JSON.parse(await fsp.readFile(closed.path, 'utf8')) as Concern;
      assert.deepEqual([saved.text, saved.resolution], [text, payload.text.slice(0, 2000)], payload.name);
    }
    const reloaded = storeAs(ADA);
    await reloaded.load();
    assert.equal(reloaded.problems().length, 0);
    assert.equal(closedConcerns(reloaded.all('concern').map((c) => c.value)).length, HOSTILE_PAYLOADS.length);
    recordCounts(SUITE, { hostilePayloads: HOSTILE_PAYLOADS.length * 2 });
  });

  it('keep fields a newer version added; a newer schema is read-only and never rewritten', async () => {
    const { store } = await setUp();
    const id = newId();
    const file = await writeFile(root, `concerns/${id}.json`, pretty(concernRecord(id, { severity: 'high', owners: ['x'] })));
    const voteId = newId();
    const voteFile = await writeFile(root, `votes/${voteId}.json`, pretty(voteRecord(voteId, id, BOB, { weight: 2 })));
    await store.load();
    await store.update('concern', id, { status: 'closed', resolution: 'Staggered the releases' });
    await store.update('vote', voteId, {});
    const saved = JSON.parse(await fsp.readFile(file, 'utf8')) as Record<string, unknown>;
    assert.deepEqual([saved['severity'], saved['owners'], saved['resolution']], ['high', ['x'], 'Staggered the releases']);
    assert.equal((JSON.parse(await fsp.readFile(voteFile, 'utf8')) as Record<string, unknown>)['weight'], 2);

    const newer = newId();
    const newerText = pretty(concernRecord(newer, { schemaVersion: 2, severity: 'high' }));
    const newerFile = await writeFile(root, `concerns/${newer}.json`, newerText);
    await store.load();
    assert.equal(store.get('concern', newer)?.readOnly, true);
    await rejectsWithCode(store.update('concern', newer, { status: 'closed' }), 'read-only');
    assert.equal(recordBytes(SUITE, Buffer.from(newerText), await fsp.readFile(newerFile)), 0);
  });
});

describe('concerns and votes merged from two branches (real git)', () => {
  let repo: MergeRepo;
  eachTestInMergeRepo(new Date(2026, 10, 2, 9, 0), (fixture) => (repo = fixture));

  it('merge without conflicts; the same person voting on both branches counts once', async () => {
    const { storeAs, commitAll } = repo;
    const base = storeAs(ADA);
    const hannah = (await base.addPartner({ name: 'Hannah', department: 'Support' })).value.id;
    const marcus = (await base.addPartner({ name: 'Marcus', department: 'Sales' })).value.id;
    const support = (await raise(base, { partnerIds: [hannah] })).value.id;
    commitAll('A concern');

    repo.git('checkout', '-q', '-b', 'bob');
    const bob = storeAs(BOB);
    await bob.load();
    await vote(bob, support);
    const notes = (await raise(bob, { text: 'Release notes come too late', partnerIds: [marcus] })).value.id;
    await vote(bob, notes);
    // Ada votes on this branch too (she worked on it for a while).
    const adaOnBob = storeAs(ADA);
    await adaOnBob.load();
    await vote(adaOnBob, support);
    commitAll('Bob: +1, a second concern; Ada +1 on this branch');

    repo.git('checkout', '-q', 'main');
    const ada = storeAs(ADA);
    await ada.load();
    await vote(ada, support);
    const carol = storeAs(CAROL);
    await carol.load();
    await vote(carol, support);
    commitAll('Ada and Carol: +1');

    repo.git('merge', '-q', '--no-edit', 'bob');
    assert.equal(repo.git('status', '--porcelain').trim(), '', 'merged cleanly');
    const merged = storeAs(ADA);
    await merged.load();
    assert.equal(merged.problems().length, 0);
    assert.equal(merged.all('vote').length, 5, 'every file of both branches');
    const ranked = rankConcerns({
      concerns: merged.all('concern').map((c) => c.value),
      votes: merged.all('vote').map((v) => v.value),
      partners: merged.partners().map((p) => p.value),
    });
    assert.deepEqual(
      ranked.map((r) => [r.concern.id, r.votes]),
      [
        [support, 3],
        [notes, 1],
      ],
      'Ada, Bob and Carol: three, not four',
    );
  });
});
