// Dangling references: a check-in, talking point, follow-up or ask whose partner is not in the store is
// reported (not silently counted or ignored), never written, and comes back by itself when the partner
// file appears. Files on disk are compared byte for byte.
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { Store } from '../../src/core/store';
import { recordBytes, recordCounts } from '../reliability/counts';
import {
  checkInRecord,
  Clock,
  git,
  makeStore,
  makeTempRepo,
  newId,
  partnerRecord,
  pretty,
  rejectsWithCode,
  removeTempDir,
  writeFile,
  eachTestInTempStore,
} from './helpers';

const SUITE = 'unit-bad-input';

const base = (id: string, partnerId: string) => ({
  schemaVersion: 1,
  id,
  partnerId,
  createdAt: '2026-11-10T10:00:00.000Z',
  updatedAt: '2026-11-10T10:00:00.000Z',
  author: { name: 'Ada Lovelace' },
});

/** One record of each kind that belongs to a partner, as files. */
function recordsOf(partnerId: string): { kind: string; id: string; relative: string; text: string; reason: RegExp }[] {
  const ids = Array.from({ length: 5 }, () => newId());
  return [
    {
      kind: 'checkIn',
      id: ids[0],
      relative: `checkins/2026/${ids[0]}.json`,
      text: pretty(checkInRecord(ids[0], partnerId)),
      reason: /^This check-in's partner \w+ is not in the store \(partners\/…-\w+\.json is missing\); it is not counted\./,
    },
    {
      kind: 'checkIn',
      id: ids[1],
      relative: `private/checkins/2026/${ids[1]}.json`,
      text: pretty(checkInRecord(ids[1], partnerId, { summary: 'private one' })),
      reason: /^This check-in's partner/,
    },
    {
      kind: 'talkingPoint',
      id: ids[2],
      relative: `talking-points/${ids[2]}.json`,
      text: pretty({ ...base(ids[2], partnerId), text: 'Pricing' }),
      reason: /^This talking point's partner/,
    },
    {
      kind: 'followUp',
      id: ids[3],
      relative: `follow-ups/${ids[3]}.json`,
      text: pretty({ ...base(ids[3], partnerId), text: 'Send the deck', owner: 'me' }),
      reason: /^This follow-up's partner/,
    },
    {
      kind: 'ask',
      id: ids[4],
      relative: `asks/${ids[4]}.json`,
      text: pretty({ ...base(ids[4], partnerId), direction: 'i-asked', text: 'Intro to legal', status: 'open' }),
      reason: /^This ask's partner/,
    },
  ];
}

const kindsLoaded = (store: Store, partnerId: string) =>
  (['checkIn', 'talkingPoint', 'followUp', 'ask'] as const).reduce((n, kind) => n + store.ofPartner(kind, partnerId).length, 0);

describe('dangling references: records whose partner is not in the store', () => {
  let dir: string;
  let root: string;
  let clock: Clock;

  eachTestInTempStore(new Date(2026, 10, 21, 9, 30), (fixture) => ({ dir, root, clock } = fixture));

  it('each kind is reported with the missing id and its "partnerId" line, not loaded, never written; the rest works', async () => {
    const writer = makeStore(root, { now: clock.now });
    const good = await writer.addPartner({ name: 'Good Partner', department: 'Sales' });
    await writer.addCheckIn({ partnerId: good.value.id, kind: 'async', summary: 'Before' });
    const missing = newId();
    const records = recordsOf(missing);
    const files = await Promise.all(records.map((r) => writeFile(root, r.relative, r.text)));

    const store = makeStore(root, { now: clock.now, workspaceFolder: dir });
    await store.load();
    const problems = store.problems();
    assert.deepEqual(
      problems.map((p) => [p.relativePath, p.code, p.kind, p.id]),
      records.map((r) => [r.relative, 'missing-partner', r.kind, r.id]).sort((a, b) => a[0].localeCompare(b[0])),
    );
    for (const record of records) {
      const problem = problems.find((p) => p.relativePath === record.relative);
      assert.match(problem?.reason ?? '', record.reason);
      assert.ok(problem?.reason.includes(missing), problem?.reason);
      // Pointing at "partnerId", as written.
      assert.deepEqual(problem?.location, { line: record.text.split('\n').findIndex((l) => l.includes('"partnerId"')) + 1, column: 3 });
      assert.equal(store.get(record.kind as 'checkIn', record.id), undefined);
    }
    assert.equal(store.checkIns().length, 1);
    assert.equal(kindsLoaded(store, missing), 0);
    assert.equal(store.lastCheckIn(missing), undefined);

    // Writes around them work; writes of them, or for the missing partner, are refused.
    clock.advanceMs(60_000);
    await store.updatePartner(good.value.id, { role: 'Head of Sales' });
    await store.addCheckIn({ partnerId: good.value.id, kind: 'one-on-one', summary: 'After' });
    for (const record of records)
      await rejectsWithCode(store.update(record.kind as 'checkIn', record.id, {}), ['not-found', 'broken-file']);
    await rejectsWithCode(store.addCheckIn({ partnerId: missing, kind: 'async', summary: 'x' }), 'not-found');
    await rejectsWithCode(store.create('talkingPoint', { partnerId: missing, text: 'x' }), 'not-found');
    await rejectsWithCode(store.create('followUp', { partnerId: missing, text: 'x', owner: 'me' }), 'not-found');
    await store.initialize();
    await store.load();
    assert.equal(store.problems().length, records.length);
    for (const [index, file] of files.entries())
      assert.equal(recordBytes(SUITE, Buffer.from(records[index].text), await fsp.readFile(file)), 0);
    assert.equal(store.partner(good.value.id)?.value.role, 'Head of Sales');
    assert.equal(store.checkInsOf(good.value.id).length, 2);
    recordCounts(SUITE, { badInputs: records.length });
  });

  it('resolves itself when the partner file appears (a pull, then a reload), and again on a load', async () => {
    const store = makeStore(root, { now: clock.now });
    await store.initialize();
    const missing = newId();
    const records = recordsOf(missing);
    for (const r of records) await writeFile(root, r.relative, r.text);
    await store.load();
    assert.equal(store.problems().length, records.length);

    const partnerFile = await writeFile(root, `partners/grace-hopper-${missing}.json`, pretty(partnerRecord(missing)));
    assert.equal(await store.reloadFile(partnerFile), true);
    assert.deepEqual(store.problems(), []);
    assert.equal(kindsLoaded(store, missing), records.length);
    assert.equal(store.lastCheckIn(missing)?.summary, 'Talked roadmap');
    // The same from scratch.
    const fresh = makeStore(root, { now: clock.now });
    await fresh.load();
    assert.deepEqual(fresh.problems(), []);
    assert.equal(fresh.checkInsOf(missing).length, 2);
  });

  it('appears when a partner file is deleted, and goes when it is restored (sync, as after a checkout)', async () => {
    const store = makeStore(root, { now: clock.now });
    const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
    const id = partner.value.id;
    const checkIn = await store.addCheckIn({ partnerId: id, kind: 'async', summary: 'Hello' });
    await store.create('talkingPoint', { partnerId: id, text: 'Roadmap' });
    const bytes = await fsp.readFile(partner.path);
    let changes = 0;
    store.onDidChange(() => changes++);

    await fsp.rm(partner.path);
    assert.equal(await store.reloadFile(partner.path), true);
    assert.ok(changes > 0);
    assert.deepEqual(
      store
        .problems()
        .map((p) => p.code)
        .sort(),
      ['missing-partner', 'missing-partner'],
    );
    assert.equal(store.checkIns().length, 0);
    assert.equal(store.lastCheckIn(id), undefined);
    await rejectsWithCode(store.update('checkIn', checkIn.value.id, { summary: 'lost?' }), ['not-found', 'broken-file']);

    await fsp.writeFile(partner.path, bytes);
    assert.equal(await store.sync(), true);
    assert.deepEqual(store.problems(), []);
    assert.equal(store.lastCheckIn(id)?.summary, 'Hello');
    assert.equal(store.ofPartner('talkingPoint', id).length, 1);
  });

  it('a partner file that is there but broken (a merge conflict) does not turn its records into problems', async () => {
    const store = makeStore(root, { now: clock.now });
    const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
    await store.addCheckIn({ partnerId: partner.value.id, kind: 'async', summary: 'Hello' });
    const text = await fsp.readFile(partner.path, 'utf8');
    await fsp.writeFile(
      partner.path,
      text.replace('  "name": "Grace",\n', '<<<<<<< HEAD\n  "name": "Grace",\n=======\n  "name": "G",\n>>>>>>> b\n'),
    );
    await store.reloadFile(partner.path);
    assert.deepEqual(
      store.problems().map((p) => p.code),
      ['conflict'],
    );
    assert.equal(store.checkIns().length, 1);
    // Deleting the broken file leaves the check-in dangling.
    await fsp.rm(partner.path);
    await store.reloadFile(partner.path);
    assert.deepEqual(
      store.problems().map((p) => p.code),
      ['missing-partner'],
    );
  });

  it('a merge: one branch adds a check-in, the other deletes the partner; git merges cleanly and the check-in is reported', async () => {
    const { dir: repoDir, repo, env } = await makeTempRepo('alliances-dangling-');
    try {
      const storeRoot = path.join(repo, '.alliances');
      const store = makeStore(storeRoot, { now: clock.now });
      const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
      git(repo, env, 'add', '-A');
      git(repo, env, 'commit', '-q', '-m', 'partner');
      git(repo, env, 'checkout', '-q', '-b', 'delete-partner');
      git(repo, env, 'rm', '-q', path.relative(repo, partner.path));
      git(repo, env, 'commit', '-q', '-m', 'delete partner');
      git(repo, env, 'checkout', '-q', 'main');
      await store.load();
      const checkIn = await store.addCheckIn({ partnerId: partner.value.id, kind: 'one-on-one', summary: 'Talked' });
      git(repo, env, 'add', '-A');
      git(repo, env, 'commit', '-q', '-m', 'check-in');
      const checkInBytes = await fsp.readFile(checkIn.path);
      git(repo, env, 'merge', '-q', '--no-edit', 'delete-partner');

      await store.sync();
      assert.deepEqual(
        store.problems().map((p) => [p.relativePath, p.code]),
        [[path.relative(storeRoot, checkIn.path).split(path.sep).join('/'), 'missing-partner']],
      );
      assert.equal(store.checkIns().length, 0);
      const fresh = makeStore(storeRoot, { now: clock.now });
      await fresh.load();
      assert.equal(fresh.problems()[0]?.code, 'missing-partner');
      assert.equal(recordBytes(SUITE, checkInBytes, await fsp.readFile(checkIn.path)), 0);
      recordCounts(SUITE, { badInputs: 1 });
    } finally {
      await removeTempDir(repoDir);
    }
  });

  it('a load of 6,000 check-ins of 600 partners, a tenth of them gone, reports exactly their check-ins', async () => {
    const partners = Array.from({ length: 600 }, () => newId());
    const gone = new Set(partners.filter((_, i) => i % 10 === 0));
    const writes: Promise<string>[] = [];
    for (const id of partners) if (!gone.has(id)) writes.push(writeFile(root, `partners/p-${id}.json`, pretty(partnerRecord(id))));
    for (let i = 0; i < 6000; i++) {
      const checkInId = newId();
      writes.push(writeFile(root, `checkins/2026/${checkInId}.json`, pretty(checkInRecord(checkInId, partners[i % partners.length]))));
    }
    await Promise.all(writes);
    const store = makeStore(root, { now: clock.now });
    await store.load();
    assert.equal(store.problems().length, 600);
    assert.ok(store.problems().every((p) => p.code === 'missing-partner' && p.location.line === 4));
    assert.equal(store.checkIns().length, 5400);
  });
});
