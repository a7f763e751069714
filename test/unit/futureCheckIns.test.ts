// Check-ins dated far in the future: one dated 9999 used to make its partner never due. More than a day
// ahead of now, a check-in is reported and not counted until then; the store re-checks as time passes
// (an injected clock here). Files on disk are compared byte for byte.
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import { computeDueState } from '../../src/core/cadence';
import { recordBytes, recordCounts } from '../reliability/counts';
import { checkInRecord, Clock, makeStore, newId, pretty, rejectsWithCode, writeFile, eachTestInTempStore } from './helpers';

const SUITE = 'unit-bad-input';
const DAY = 24 * 60 * 60 * 1000;

describe('check-ins dated far in the future', () => {
  let dir: string;
  let root: string;
  let clock: Clock;

  eachTestInTempStore(new Date('2026-11-21T09:30:00.000Z'), (fixture) => ({ dir, root, clock } = fixture));

  async function partnerWithCheckIn(date: string) {
    const writer = makeStore(root, { now: clock.now });
    const partner = await writer.addPartner({ name: 'Grace', department: 'Product', cadenceDays: 14 });
    const past = await writer.addCheckIn({
      partnerId: partner.value.id,
      kind: 'async',
      summary: 'Past',
      date: new Date('2026-10-01T10:00:00Z'),
    });
    const id = newId();
    const text = pretty(checkInRecord(id, partner.value.id, { date, summary: 'From the future' }));
    const file = await writeFile(root, `checkins/${date.slice(0, 4)}/${id}.json`, text);
    return { partner, past, id, text, file };
  }

  it('dated 9999: reported with its date and "date" line, not counted (the partner stays overdue), never written', async () => {
    const { partner, past, id, text, file } = await partnerWithCheckIn('9999-01-01T10:00:00.000Z');
    const store = makeStore(root, { now: clock.now, workspaceFolder: dir });
    await store.load();
    assert.deepEqual(
      store.problems().map((p) => [p.relativePath, p.code, p.kind, p.id, p.reason, p.location]),
      [
        [
          `checkins/9999/${id}.json`,
          'future-date',
          'checkIn',
          id,
          'Dated 9999-01-01, more than a day ahead of now; it is not counted until then.',
          { line: 5, column: 3 },
        ],
      ],
    );
    assert.equal(store.get('checkIn', id), undefined);
    assert.equal(store.lastCheckIn(partner.value.id)?.id, past.value.id);
    const due = computeDueState(partner.value, new Date(past.value.date), 14, clock.now());
    assert.equal(due.status, 'overdue');

    clock.advanceMs(60_000);
    await rejectsWithCode(store.update('checkIn', id, { summary: 'x' }), ['not-found', 'broken-file']);
    await store.updatePartner(partner.value.id, { role: 'PM' });
    await store.addCheckIn({ partnerId: partner.value.id, kind: 'one-on-one', summary: 'Now' });
    await store.load();
    assert.equal(store.problems().length, 1);
    assert.equal(recordBytes(SUITE, Buffer.from(text), await fsp.readFile(file)), 0);
    recordCounts(SUITE, { badInputs: 1 });
  });

  it('counts once the clock is within a day of it: recheckDates() files it and announces the change', async () => {
    const date = new Date(clock.now().getTime() + 3 * DAY).toISOString();
    const { partner, id } = await partnerWithCheckIn(date);
    const store = makeStore(root, { now: clock.now });
    await store.load();
    assert.deepEqual(
      store.problems().map((p) => p.code),
      ['future-date'],
    );
    let changes = 0;
    store.onDidChange(() => changes++);

    clock.advanceMs(DAY);
    assert.equal(store.recheckDates(), false, 'still two days ahead');
    assert.equal(changes, 0);
    clock.advanceMs(DAY + 60_000);
    assert.equal(store.recheckDates(), true);
    assert.ok(changes > 0);
    assert.deepEqual(store.problems(), []);
    assert.equal(store.lastCheckIn(partner.value.id)?.id, id);
    assert.equal(store.recheckDates(), false);
  });

  it('a clock set back holds a check-in that is now ahead again', async () => {
    const { id } = await partnerWithCheckIn('2026-11-20T10:00:00.000Z');
    const store = makeStore(root, { now: clock.now });
    await store.load();
    assert.ok(store.get('checkIn', id));
    clock.set(new Date('2026-11-01T10:00:00.000Z'));
    assert.equal(store.recheckDates(), true);
    assert.equal(store.problems()[0]?.code, 'future-date');
  });

  it('up to a day ahead is fine (time zones, a clock a little off)', async () => {
    const { id } = await partnerWithCheckIn(new Date(clock.now().getTime() + DAY - 60_000).toISOString());
    const store = makeStore(root, { now: clock.now });
    await store.load();
    assert.deepEqual(store.problems(), []);
    assert.ok(store.get('checkIn', id));
  });

  it('logging or editing a check-in more than a day ahead is refused', async () => {
    const store = makeStore(root, { now: clock.now });
    const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
    const error = await rejectsWithCode(
      store.addCheckIn({ partnerId: partner.value.id, kind: 'async', summary: 'x', date: new Date('2027-06-01T10:00:00Z') }),
      'invalid',
    );
    assert.match(error.message, /2027-06-01/);
    const checkIn = await store.addCheckIn({ partnerId: partner.value.id, kind: 'async', summary: 'today' });
    await rejectsWithCode(store.update('checkIn', checkIn.value.id, { date: '9999-01-01T00:00:00.000Z' }), 'invalid');
    assert.equal(store.get('checkIn', checkIn.value.id)?.value.date, clock.now().toISOString());
    assert.deepEqual(store.problems(), []);
  });
});
