// Group check-ins: one meeting with several partners is one file that counts for each of them (cadence,
// timeline, last check-in); a member that is not in the store holds the whole record, reported, never
// written; bad member lists are refused with a sentence; files on disk are compared byte for byte.
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { viewPartners } from '../../src/core/partnerView';
import { checkInPartnerIds } from '../../src/core/partnerRefs';
import { recordBytes, recordCounts } from '../reliability/counts';
import {
  BOB,
  checkInRecord,
  Clock,
  eachTestInTempStore,
  listFiles,
  makeStore,
  newId,
  partnerRecord,
  pretty,
  rejectsWithCode,
  writeFile,
} from './helpers';

const SUITE = 'unit-bad-input';

describe('group check-ins', () => {
  let dir: string;
  let root: string;
  let clock: Clock;

  eachTestInTempStore(new Date(2026, 10, 21, 9, 30), (fixture) => ({ dir, root, clock } = fixture));

  async function trio() {
    const store = makeStore(root, { now: clock.now });
    clock.set(new Date(2026, 9, 1, 9));
    const dana = await store.addPartner({ name: 'Dana', department: 'Product', cadenceDays: 14 });
    const priya = await store.addPartner({ name: 'Priya', department: 'Design', cadenceDays: 14 });
    const marcus = await store.addPartner({ name: 'Marcus', department: 'Sales', cadenceDays: 14 });
    clock.set(new Date(2026, 10, 21, 9, 30));
    return { store, dana: dana.value.id, priya: priya.value.id, marcus: marcus.value.id };
  }

  it('is one file naming every partner, and counts for each: last check-in, timeline, due state', async () => {
    const { store, dana, priya, marcus } = await trio();
    const group = await store.addCheckIn({
      partnerId: dana,
      partnerIds: [priya, dana],
      present: [BOB],
      kind: 'one-on-one',
      summary: 'Product trio',
    });
    assert.deepEqual(group.value.partnerIds, [dana, priya]);
    assert.deepEqual(group.value.present, [BOB]);
    assert.deepEqual(checkInPartnerIds(group.value), [dana, priya]);
    const files = (await listFiles(root)).filter((f) => f.startsWith('checkins/'));
    assert.equal(files.length, 1, 'one meeting, one file');

    const reloaded = makeStore(root, { now: clock.now });
    await reloaded.load();
    for (const id of [dana, priya]) {
      assert.equal(reloaded.lastCheckIn(id)?.id, group.value.id);
      assert.deepEqual(
        reloaded.checkInsOf(id).map((c) => c.value.id),
        [group.value.id],
      );
    }
    assert.equal(reloaded.lastCheckIn(marcus), undefined);
    const due = new Map(viewPartners(reloaded, 14, clock.now()).map((v) => [v.record.value.id, v.due.status]));
    assert.equal(due.get(dana), 'later');
    assert.equal(due.get(priya), 'later');
    assert.equal(due.get(marcus), 'overdue');
    assert.equal(reloaded.checkIns().length, 1, 'counted once in the store');
  });

  it('with one partner is written exactly as before: no partnerIds, no present', async () => {
    const { store, dana } = await trio();
    const single = await store.addCheckIn({ partnerId: dana, partnerIds: [dana], present: [], kind: 'async', summary: 'Solo' });
    const text = await fsp.readFile(single.path, 'utf8');
    assert.ok(!text.includes('partnerIds'), text);
    assert.ok(!text.includes('present'), text);
  });

  it('refuses a member that is not in the store, writing nothing', async () => {
    const { store, dana } = await trio();
    const before = await listFiles(root);
    const missing = newId();
    const error = await rejectsWithCode(
      store.addCheckIn({ partnerId: dana, partnerIds: [missing], kind: 'one-on-one', summary: 'x' }),
      'not-found',
    );
    assert.ok(error.message.includes(missing), error.message);
    assert.deepEqual(await listFiles(root), before);
  });

  it('a file naming a missing member is held for every member, reported at "partnerIds", and released when the partner appears', async () => {
    const { store, dana, priya } = await trio();
    await store.addCheckIn({ partnerId: dana, kind: 'async', summary: 'Alone, earlier' });
    const missing = newId();
    const id = newId();
    const text = pretty(checkInRecord(id, dana, { partnerIds: [dana, priya, missing], summary: 'Trio with a stranger' }));
    const file = await writeFile(root, `checkins/2026/${id}.json`, text);
    await store.load();
    const problem = store.problems().find((p) => p.path === file);
    assert.equal(problem?.code, 'missing-partner');
    assert.match(problem?.reason ?? '', new RegExp(`^Partner ${missing} of this group check-in is not in the store`));
    assert.equal(problem?.location.line, text.split('\n').findIndex((l) => l.includes('"partnerIds"')) + 1);
    assert.equal(store.lastCheckIn(priya), undefined, 'not counted for the members that are there either');
    assert.equal(store.lastCheckIn(dana)?.summary, 'Alone, earlier');
    await rejectsWithCode(store.update('checkIn', id, { summary: 'edited' }), ['not-found', 'broken-file']);
    assert.equal(recordBytes(SUITE, Buffer.from(text), await fsp.readFile(file)), 0);

    await writeFile(root, `partners/stranger-${missing}.json`, pretty(partnerRecord(missing, { name: 'Stranger' })));
    await store.load();
    assert.equal(store.problems().length, 0);
    for (const member of [priya, missing]) assert.equal(store.lastCheckIn(member)?.id, id);
    assert.ok(store.checkInsOf(dana).some((c) => c.value.id === id));
    recordCounts(SUITE, { badInputs: 1 });
  });

  it('bad member lists and teammates are refused with a sentence naming the field, and loaded files keep their bytes', async () => {
    const { store, dana, priya } = await trio();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ partnerIds: [priya] }, /"partnerIds" must include partnerId\./],
      [{ partnerIds: [dana, priya, dana] }, /"partnerIds" must not name a partner twice\./],
      [{ partnerIds: [] }, /"partnerIds" must name at least one partner\./],
      [{ partnerIds: [dana, 'not-an-id'] }, /"partnerIds\.1" must be a 26-character lowercase id\./],
      [{ partnerIds: Array.from({ length: 51 }, () => newId()) }, /"partnerIds" must name at most 50 partners\./],
      [{ partnerIds: dana }, /"partnerIds" must be a list, not "/],
      [{ present: [{ email: 'x@example.com' }] }, /"present\.0\.name" is missing\./],
      [{ present: 'Bob' }, /"present" must be a list, not "Bob"\./],
    ];
    const written: [string, string][] = [];
    for (const [extra, reason] of cases) {
      const id = newId();
      const text = pretty(checkInRecord(id, dana, extra));
      written.push([await writeFile(root, `checkins/2026/${id}.json`, text), text]);
      await store.load();
      const problem = store.problems().find((p) => p.id === id);
      assert.equal(problem?.code, 'schema', JSON.stringify(extra));
      assert.match(problem?.reason ?? '', reason);
      await fsp.rm(written[written.length - 1]?.[0] ?? '');
    }
    // Through the API: nothing written.
    const before = await listFiles(root);
    await rejectsWithCode(
      store.addCheckIn({
        partnerId: dana,
        partnerIds: [priya],
        present: [{ name: '' }, { name: 'x'.repeat(201) }],
        kind: 'async',
        summary: 'x',
      }),
      'invalid',
    );
    assert.deepEqual(await listFiles(root), before);
    // All of them at once, left on disk: each reported, none rewritten by a later write.
    for (const [file, text] of written) await writeFile(root, path.relative(root, file), text);
    await store.load();
    assert.equal(store.problems().length, cases.length);
    await store.addCheckIn({ partnerId: dana, kind: 'async', summary: 'still works' });
    for (const [file, text] of written) assert.equal(recordBytes(SUITE, Buffer.from(text), await fsp.readFile(file)), 0);
    recordCounts(SUITE, { badInputs: cases.length + 1 });
    assert.ok(dir);
  });

  it('keeps fields a newer version added, and a group check-in from a newer schema is read-only', async () => {
    const { store, dana, priya } = await trio();
    const id = newId();
    const text = pretty(checkInRecord(id, dana, { partnerIds: [dana, priya], room: 'Blue', agenda: { items: [1, 2] } }));
    const file = await writeFile(root, `checkins/2026/${id}.json`, text);
    await store.load();
    await store.update('checkIn', id, { summary: 'Edited' });
    const saved = JSON.parse(await fsp.readFile(file, 'utf8')) as Record<string, unknown>;
    assert.equal(saved['room'], 'Blue');
    assert.deepEqual(saved['agenda'], { items: [1, 2] });
    assert.deepEqual(saved['partnerIds'], [dana, priya]);

    const newer = newId();
    const newerText = pretty(checkInRecord(newer, dana, { schemaVersion: 2, partnerIds: [dana, priya], summary: 'From the future' }));
    const newerFile = await writeFile(root, `checkins/2026/${newer}.json`, newerText);
    await store.load();
    assert.equal(store.get('checkIn', newer)?.readOnly, true);
    assert.ok(
      store.checkInsOf(priya).some((c) => c.value.id === newer),
      'shown for every member, read-only',
    );
    await rejectsWithCode(store.update('checkIn', newer, { summary: 'x' }), 'read-only');
    assert.equal(recordBytes(SUITE, Buffer.from(newerText), await fsp.readFile(newerFile)), 0);
  });
});
