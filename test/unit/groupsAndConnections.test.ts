import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { connectionPhrase, connectionsOf, ownKindWord } from '../../src/core/connections';
import {
  distinctPresent,
  groupAgenda,
  groupIds,
  mayCover,
  otherPartnerIds,
  otherPartnerNames,
  presentLabel,
  withLabel,
} from '../../src/core/groupCheckIns';
import { computeDigest, formatDigest } from '../../src/core/digest';
import { partnerReport } from '../../src/core/markdownReport';
import { HOSTILE_PAYLOADS } from '../fixtures/hostilePayloads';
import { ADA, BOB, eachTestInTempStore, makeStore, rejectsWithCode } from './helpers';

const START = new Date(2026, 10, 21, 9, 30);

describe('group check-ins: the others, the label, the agenda offered as covered', () => {
  let root = '';
  eachTestInTempStore(START, (fixture) => {
    root = fixture.root;
  });

  it('names the other partners from each member’s page, in the check-in’s order', async () => {
    const store = makeStore(root);
    await store.load();
    const dana = await store.addPartner({ name: 'Dana', department: 'Product' });
    const priya = await store.addPartner({ name: 'Priya', department: 'Design' });
    const marcus = await store.addPartner({ name: 'Marcus', department: 'Sales' });
    const group = await store.addCheckIn({
      partnerId: dana.value.id,
      partnerIds: [priya.value.id, marcus.value.id],
      kind: 'one-on-one',
      summary: 'Trio',
    });
    assert.deepEqual(otherPartnerIds(group.value, priya.value.id), [dana.value.id, marcus.value.id]);
    assert.deepEqual(otherPartnerNames(store, group.value, dana.value.id), ['Priya', 'Marcus']);
    assert.equal(withLabel(otherPartnerNames(store, group.value, marcus.value.id)), 'with Dana, Priya');
    const single = await store.addCheckIn({ partnerId: dana.value.id, kind: 'ad-hoc', summary: 'Solo' });
    assert.equal(withLabel(otherPartnerNames(store, single.value, dana.value.id)), undefined);
    // Every member's timeline lists the one check-in; the file names everyone once.
    for (const member of [dana, priya, marcus]) assert.ok(store.checkInsOf(member.value.id).some((c) => c.value.id === group.value.id));
    const onDisk = JSON.parse(await fsp.readFile(group.path, 'utf8')) as { partnerIds?: string[] };
    assert.deepEqual(onDisk.partnerIds, [dana.value.id, priya.value.id, marcus.value.id]);
  });

  it('offers the open talking points of every partner in the group, and only theirs', async () => {
    const store = makeStore(root);
    await store.load();
    const dana = await store.addPartner({ name: 'Dana', department: 'Product' });
    const priya = await store.addPartner({ name: 'Priya', department: 'Design' });
    const elena = await store.addPartner({ name: 'Elena', department: 'Sales' });
    const a = await store.create('talkingPoint', { partnerId: dana.value.id, text: 'Dana 1' });
    const b = await store.create('talkingPoint', { partnerId: priya.value.id, text: 'Priya 1' });
    await store.create('talkingPoint', { partnerId: priya.value.id, text: 'Priya covered', coveredAt: START.toISOString() });
    await store.create('talkingPoint', { partnerId: elena.value.id, text: 'Elena 1' });
    const offered = groupAgenda(store, [dana.value.id, priya.value.id, dana.value.id]);
    assert.deepEqual(
      offered.map((p) => p.value.text),
      ['Dana 1', 'Priya 1'],
    );
    assert.ok(mayCover([dana.value.id, priya.value.id], b.value));
    assert.ok(mayCover([dana.value.id], a.value));
    assert.ok(!mayCover([dana.value.id], b.value));
  });

  it('names the group in the Markdown report and the digest', async () => {
    const store = makeStore(root);
    await store.load();
    const dana = await store.addPartner({ name: 'Dana', department: 'Product', cadenceDays: 7 });
    const priya = await store.addPartner({ name: 'Priya', department: 'Design', cadenceDays: 7 });
    await store.addCheckIn({
      partnerId: dana.value.id,
      partnerIds: [priya.value.id],
      present: [BOB],
      kind: 'one-on-one',
      summary: 'Trio',
      date: new Date(2026, 10, 1),
    });
    const options = { now: START, defaultCadenceDays: 14, siloDays: 45 };
    assert.match(
      partnerReport(store, priya.value.id, options),
      /- 2026-11-01, 1:1 with Dana also there: Bob Builder: Trio \(Ada Lovelace\)/,
    );
    const digest = computeDigest(store, options);
    assert.deepEqual(digest.due.find((d) => d.id === dana.value.id)?.lastCheckIn?.with, ['Priya']);
    assert.match(formatDigest(digest), /Priya \(Design\) — .*; last 2026-11-01, 1:1 with Dana: Trio/);
  });

  it('keeps the first partner first and each partner once; names teammates once, never the author', () => {
    assert.deepEqual(groupIds('a', ['b', 'a', 'c', 'b'], 50), ['a', 'b', 'c']);
    assert.deepEqual(groupIds('a', ['b', 'c'], 2), ['a', 'b']);
    const sam = { name: 'Sam', email: 'SAM@example.com' };
    assert.deepEqual(distinctPresent([sam, { name: 'Sam 2', email: 'sam@example.com' }, ADA, { name: ' ' }, BOB], ADA), [sam, BOB]);
    assert.equal(presentLabel([sam, BOB]), 'also there: Sam, Bob Builder');
    assert.equal(presentLabel([]), undefined);
  });
});

describe('connections: both ends, labels, removal', () => {
  let root = '';
  eachTestInTempStore(START, (fixture) => {
    root = fixture.root;
  });

  it('reads each connection from both ends: "reports to Elena" on Marcus, "manages Marcus" on Elena', async () => {
    const store = makeStore(root);
    await store.load();
    const marcus = await store.addPartner({ name: 'Marcus', department: 'Sales' });
    const elena = await store.addPartner({ name: 'Elena', department: 'Sales' });
    const jonas = await store.addPartner({ name: 'Jonas', department: 'Research' });
    await store.create('connection', { fromId: marcus.value.id, toId: elena.value.id, kind: 'reports-to' });
    await store.create('connection', { fromId: jonas.value.id, toId: marcus.value.id, kind: 'introduced' });
    await store.create('connection', { fromId: elena.value.id, toId: jonas.value.id, kind: 'mentors', note: 'Since 2024' });
    assert.deepEqual(connectionsOf(store, marcus.value.id).map(connectionPhrase), ['reports to Elena', 'was introduced by Jonas']);
    assert.deepEqual(connectionsOf(store, elena.value.id).map(connectionPhrase), ['mentors Jonas', 'manages Marcus']);
    assert.deepEqual(connectionsOf(store, jonas.value.id).map(connectionPhrase), ['mentors Elena', 'introduced Marcus']);
  });

  it('takes an own kind word of 1 to 60 characters', () => {
    assert.equal(ownKindWord('  sits with '), 'sits with');
    assert.equal(ownKindWord('   '), undefined);
    assert.equal(ownKindWord('x'.repeat(61)), undefined);
  });

  it('stores every hostile payload in a note and an own kind word byte for byte', async () => {
    const store = makeStore(root);
    await store.load();
    const a = await store.addPartner({ name: 'A', department: 'Product' });
    const b = await store.addPartner({ name: 'B', department: 'Design' });
    for (const { name, text } of HOSTILE_PAYLOADS) {
      const kind = text.slice(0, 60).trim() || 'x';
      const note = text.slice(0, 2000);
      const written = await store.create('connection', { fromId: a.value.id, toId: b.value.id, kind, note });
      const onDisk = JSON.parse(await fsp.readFile(written.path, 'utf8')) as { kind: string; note: string };
      assert.equal(onDisk.kind, kind, `${name}: kind`);
      assert.equal(onDisk.note, note, `${name}: note`);
      assert.equal(connectionsOf(store, b.value.id).find((end) => end.record.value.id === written.value.id)?.label, kind, name);
    }
  });

  it('removes a connection by deleting its file; refuses when the file changed on disk or is broken', async () => {
    const store = makeStore(root);
    await store.load();
    const a = await store.addPartner({ name: 'A', department: 'Product' });
    const b = await store.addPartner({ name: 'B', department: 'Design' });
    const kept = await store.create('connection', { fromId: a.value.id, toId: b.value.id, kind: 'works-with' });
    const gone = await store.create('connection', { fromId: b.value.id, toId: a.value.id, kind: 'introduced' });
    await store.remove('connection', gone.value.id);
    await assert.rejects(fsp.stat(gone.path));
    assert.equal(store.get('connection', gone.value.id), undefined);
    assert.deepEqual(
      store.ofPartner('connection', a.value.id).map((c) => c.value.id),
      [kept.value.id],
    );
    await rejectsWithCode(store.remove('connection', gone.value.id), 'not-found');

    // A teammate's edit the store has not read yet: not deleted, and the view shows the file as it is.
    const edited = `${(await fsp.readFile(kept.path, 'utf8')).replace('works-with', 'mentors')}`;
    await fsp.writeFile(kept.path, edited);
    await rejectsWithCode(store.remove('connection', kept.value.id), 'changed-on-disk');
    assert.equal(await fsp.readFile(kept.path, 'utf8'), edited);

    // A broken file is never touched.
    await store.reloadFile(kept.path);
    const broken = path.join(path.dirname(kept.path), `${kept.value.id}.json`);
    await fsp.writeFile(broken, '{ "broken": ');
    await store.reloadFile(broken);
    await rejectsWithCode(store.remove('connection', kept.value.id), 'not-found');
    assert.equal(await fsp.readFile(broken, 'utf8'), '{ "broken": ');
  });
});
