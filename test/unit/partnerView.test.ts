import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { duePartners, groupPartners, viewPartners, type PartnerView } from '../../src/core/partnerView';
import type { Store } from '../../src/core/store';
import { Clock, makeStore, makeTempDir, pretty, removeTempDir } from './helpers';

const NOW = new Date(2026, 10, 21, 15, 0); // Sat Nov 21 2026
const daysAgo = (n: number) => new Date(2026, 10, 21 - n, 11, 0);

describe('partnerView', () => {
  let dir: string;
  let store: Store;
  const ids: Record<string, string> = {};

  // One store for the whole suite: partners in every due state, departments typed in different cases.
  before(async () => {
    dir = await makeTempDir();
    const clock = new Clock(new Date(2026, 8, 1, 9));
    store = makeStore(path.join(dir, '.alliances'), { now: clock.now });
    await store.initialize();
    const add = async (key: string, department: string, lastCheckInDaysAgo?: number, extra: Parameters<Store['updatePartner']>[1] = {}) => {
      const added = await store.addPartner({ name: key, department });
      ids[key] = added.value.id;
      if (lastCheckInDaysAgo !== undefined) {
        // Logged today (a check-in dated more than a day ahead of the clock is refused), the partner added earlier.
        const addedAt = clock.current;
        clock.set(NOW);
        // An older check-in first: the view must use the latest one, not the last written.
        await store.addCheckIn({ partnerId: added.value.id, kind: 'one-on-one', summary: 'latest', date: daysAgo(lastCheckInDaysAgo) });
        await store.addCheckIn({ partnerId: added.value.id, kind: 'async', summary: 'older', date: daysAgo(lastCheckInDaysAgo + 30) });
        clock.set(addedAt);
      }
      if (Object.keys(extra).length) await store.updatePartner(added.value.id, extra);
    };
    await add('Olga Overdue', 'Sales', 19); // due 5 days ago
    await add('Tim Today', 'sales', 14); // due today
    await add('Tom Tomorrow', 'Product', 13); // due tomorrow
    await add('Wendy Week', 'Design', 8); // due in 6 days
    await add('Larry Later', 'Product', 2); // due in 12 days
    await add('Sam Snoozed', 'SALES', 30, { snoozedUntil: '2026-11-28' });
    await add('Archie Archived', 'Design', 60, { archived: true });
    // Added today, never checked in: due today.
    clock.set(new Date(2026, 10, 21, 8));
    await add('Nina New', 'Data');
  });
  after(async () => removeTempDir(dir));

  const names = (views: readonly PartnerView[]) => views.map((v) => v.record.value.name);

  it('computes due states from the latest check-in, most urgent first', () => {
    const views = viewPartners(store, 14, NOW);
    assert.deepEqual(names(views), [
      'Olga Overdue',
      'Nina New',
      'Tim Today',
      'Tom Tomorrow',
      'Wendy Week',
      'Larry Later',
      'Sam Snoozed',
      'Archie Archived',
    ]);
    const olga = views.find((v) => v.record.value.name === 'Olga Overdue')!;
    assert.equal(olga.due.label, '5 days overdue');
    assert.equal(olga.lastCheckIn?.summary, 'latest');
    assert.equal(views.find((v) => v.record.value.name === 'Nina New')!.due.label, 'no check-in yet');
    assert.equal(views.find((v) => v.record.value.name === 'Sam Snoozed')!.due.label, 'snoozed until Nov 28');
  });

  it('groups by department, merging departments that differ only in case', () => {
    const groups = groupPartners(viewPartners(store, 14, NOW), 'department', false);
    assert.deepEqual(
      groups.map((g) => [g.label, names(g.partners)]),
      [
        ['Data', ['Nina New']],
        ['Design', ['Wendy Week']],
        ['Product', ['Tom Tomorrow', 'Larry Later']],
        // Named as first seen: the most urgent partner's spelling.
        ['Sales', ['Olga Overdue', 'Tim Today', 'Sam Snoozed']],
      ],
    );
    assert.equal(groups.find((g) => g.label === 'Sales')?.key, 'sales');
  });

  it('groups by status: overdue, due this week, later, snoozed; archived hidden', () => {
    const groups = groupPartners(viewPartners(store, 14, NOW), 'status', false);
    assert.deepEqual(
      groups.map((g) => [g.key, g.label, names(g.partners)]),
      [
        ['overdue', 'Overdue', ['Olga Overdue']],
        ['dueSoon', 'Due this week', ['Nina New', 'Tim Today', 'Tom Tomorrow', 'Wendy Week']],
        ['later', 'Later', ['Larry Later']],
        ['snoozed', 'Snoozed', ['Sam Snoozed']],
      ],
    );
  });

  it('shows archived partners, last, only when asked', () => {
    const byStatus = groupPartners(viewPartners(store, 14, NOW), 'status', true);
    assert.deepEqual(byStatus.at(-1) && [byStatus.at(-1)!.label, names(byStatus.at(-1)!.partners)], ['Archived', ['Archie Archived']]);
    const byDepartment = groupPartners(viewPartners(store, 14, NOW), 'department', true);
    assert.deepEqual(names(byDepartment.find((g) => g.label === 'Design')!.partners), ['Wendy Week', 'Archie Archived']);
    const hidden = groupPartners(viewPartners(store, 14, NOW), 'department', false);
    assert.ok(!hidden.flatMap((g) => names(g.partners)).includes('Archie Archived'));
  });

  it('leaves out empty groups', () => {
    const views = viewPartners(store, 14, NOW).filter((v) => v.due.status === 'later');
    assert.deepEqual(
      groupPartners(views, 'status', true).map((g) => g.key),
      ['later'],
    );
    assert.deepEqual(groupPartners([], 'department', true), []);
  });

  it('counts overdue and due-today partners as due (not tomorrow, not snoozed, not archived)', () => {
    assert.deepEqual(names(duePartners(viewPartners(store, 14, NOW))), ['Olga Overdue', 'Nina New', 'Tim Today']);
  });

  it('moves with the clock: the next day, tomorrow’s partner is due too', () => {
    const due = names(duePartners(viewPartners(store, 14, new Date(2026, 10, 22, 9))));
    assert.deepEqual(due, ['Olga Overdue', 'Nina New', 'Tim Today', 'Tom Tomorrow']);
  });

  it('uses the team cadence from the manifest over the default', async () => {
    const manifest = path.join(store.root, 'alliances.json');
    const original = await fsp.readFile(manifest);
    try {
      await fsp.writeFile(manifest, pretty({ format: 'alliances', schemaVersion: 1, defaults: { cadenceDays: 7 } }));
      await store.reloadFile(manifest);
      const views = viewPartners(store, 14, NOW);
      // Larry: last check-in 2 days ago + 7 = due in 5 days (with 14 it would be 12).
      assert.equal(views.find((v) => v.record.value.name === 'Larry Later')!.due.label, 'due in 5 days');
    } finally {
      await fsp.writeFile(manifest, original);
      await store.reloadFile(manifest);
    }
    assert.equal(viewPartners(store, 14, NOW).find((v) => v.record.value.name === 'Larry Later')!.due.label, 'due in 12 days');
  });
});
