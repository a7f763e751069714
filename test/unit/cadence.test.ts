import { strict as assert } from 'node:assert';
import { addDays, differenceInCalendarDays, isAfter, parseISO, startOfDay } from 'date-fns';
import { computeDueState, dueLabel, formatShortDate, toCalendarDate, urgencyOrder, type DueState } from '../../src/core/cadence';
import { newId } from '../../src/core/ids';
import { configureL10n } from '../../src/core/l10nConfig';
import type { Partner } from '../../src/core/model';

// Every date here is local time: due dates are calendar days where the user is.
const NOW = new Date(2026, 10, 21, 15, 0); // Sat Nov 21 2026, 15:00
const day = (month: number, date: number, hour = 10, year = 2026) => new Date(year, month - 1, date, hour, 0);

function partner(extra: Partial<Partner> = {}): Partner {
  return {
    schemaVersion: 1,
    id: newId(),
    name: 'Grace Hopper',
    department: 'Product',
    createdAt: day(10, 1).toISOString(),
    updatedAt: day(10, 1).toISOString(),
    author: { name: 'Ada' },
    ...extra,
  };
}

describe('computeDueState', () => {
  it('is due one cadence after the last check-in', () => {
    const state = computeDueState(partner(), day(11, 10), 14, NOW);
    assert.equal(state.dueDate?.getTime(), new Date(2026, 10, 24).getTime());
    assert.equal(state.days, 3);
    assert.equal(state.status, 'dueSoon');
    assert.equal(state.label, 'due in 3 days');
    assert.equal(state.lastCheckIn?.getTime(), day(11, 10).getTime());
  });

  it('uses the partner cadence over the default', () => {
    const state = computeDueState(partner({ cadenceDays: 7 }), day(11, 10), 30, NOW);
    assert.equal(state.dueDate?.getTime(), new Date(2026, 10, 17).getTime());
    assert.equal(state.label, '4 days overdue');
  });

  it('labels: "5 days overdue", "1 day overdue", "due today", "due tomorrow", "due in 3 days"', () => {
    const cases: [Date, string, DueState['status'], number][] = [
      [day(11, 2), '5 days overdue', 'overdue', -5],
      [day(11, 6), '1 day overdue', 'overdue', -1],
      [day(11, 7), 'due today', 'dueSoon', 0],
      [day(11, 8), 'due tomorrow', 'dueSoon', 1],
      [day(11, 10), 'due in 3 days', 'dueSoon', 3],
    ];
    for (const [last, label, status, days] of cases) {
      const state = computeDueState(partner(), last, 14, NOW);
      assert.deepEqual([state.label, state.status, state.days], [label, status, days], `last check-in ${last.toDateString()}`);
    }
  });

  it('counts calendar days: a check-in late at night counts for that day, whatever the hour now', () => {
    const late = computeDueState(partner(), day(11, 7, 23), 14, new Date(2026, 10, 21, 0, 5));
    assert.equal(late.label, 'due today');
    const early = computeDueState(partner(), day(11, 7, 0), 14, new Date(2026, 10, 21, 23, 55));
    assert.equal(early.label, 'due today');
  });

  it('is "due this week" up to 7 days ahead, "later" after that', () => {
    assert.equal(computeDueState(partner(), day(11, 14), 14, NOW).status, 'dueSoon');
    assert.equal(computeDueState(partner(), day(11, 14), 14, NOW).days, 7);
    const later = computeDueState(partner(), day(11, 15), 14, NOW);
    assert.equal(later.status, 'later');
    assert.equal(later.label, 'due in 8 days');
  });

  it('is due from the day the partner was added when there was never a check-in', () => {
    const today = computeDueState(partner({ createdAt: new Date(2026, 10, 21, 8).toISOString() }), undefined, 14, NOW);
    assert.equal(today.label, 'no check-in yet');
    assert.equal(today.status, 'dueSoon');
    assert.equal(today.days, 0);
    assert.equal(today.lastCheckIn, undefined);
    const threeDaysAgo = computeDueState(partner({ createdAt: new Date(2026, 10, 18, 17).toISOString() }), undefined, 14, NOW);
    assert.equal(threeDaysAgo.label, '3 days overdue');
    assert.equal(threeDaysAgo.status, 'overdue');
  });

  it('is snoozed until a future date, with a short label', () => {
    const state = computeDueState(partner({ snoozedUntil: '2026-12-02' }), day(11, 10), 14, NOW);
    assert.equal(state.status, 'snoozed');
    assert.equal(state.label, 'snoozed until Dec 2');
    assert.equal(state.dueDate?.getTime(), new Date(2026, 11, 2).getTime());
    assert.equal(state.days, 11);
  });

  it('snoozes an overdue partner', () => {
    const state = computeDueState(partner({ snoozedUntil: '2026-11-25' }), day(10, 1), 14, NOW);
    assert.equal(state.status, 'snoozed');
    assert.equal(state.label, 'snoozed until Nov 25');
  });

  it('adds the year to a snooze that ends in another year', () => {
    const state = computeDueState(partner({ snoozedUntil: '2027-01-05' }), day(11, 10), 14, NOW);
    assert.equal(state.label, 'snoozed until Jan 5, 2027');
  });

  it('does not count a snooze that is over', () => {
    // Snoozed until Nov 19; the cadence made it due Oct 15: it is overdue again, not snoozed.
    const state = computeDueState(partner({ snoozedUntil: '2026-11-19' }), day(10, 1), 14, NOW);
    assert.equal(state.status, 'overdue');
    assert.notEqual(state.label.startsWith('snoozed'), true);
    assert.ok(state.days < 0);
    // A snooze moves the due date to its end, so the partner is overdue since the snooze ended.
    assert.equal(state.label, '2 days overdue');
  });

  it('is due on the day a snooze ends', () => {
    const state = computeDueState(partner({ snoozedUntil: '2026-11-21' }), day(10, 1), 14, NOW);
    assert.equal(state.status, 'dueSoon');
    assert.equal(state.label, 'due today');
  });

  it('does not move the due date for a snooze that ends before the cadence due date', () => {
    // Last check-in Nov 20 + 14 = Dec 4; a snooze until Nov 25 ends before that and changes nothing.
    const state = computeDueState(partner({ snoozedUntil: '2026-11-25' }), day(11, 20), 14, NOW);
    assert.equal(state.status, 'later');
    assert.equal(state.dueDate?.getTime(), new Date(2026, 11, 4).getTime());
    assert.equal(state.label, 'due in 13 days');
  });

  it('never makes an archived partner due, even when overdue or snoozed', () => {
    for (const extra of [{}, { snoozedUntil: '2026-12-02' }]) {
      const state = computeDueState(partner({ archived: true, ...extra }), day(1, 1), 14, NOW);
      assert.equal(state.status, 'archived');
      assert.equal(state.label, 'archived');
      assert.equal(state.dueDate, undefined);
    }
    const never = computeDueState(partner({ archived: true }), undefined, 14, NOW);
    assert.equal(never.status, 'archived');
  });

  it('an unarchived partner (archived: false) is due as usual', () => {
    assert.equal(computeDueState(partner({ archived: false }), day(11, 2), 14, NOW).label, '5 days overdue');
  });

  it('counts calendar days across a daylight-saving change', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    try {
      // Clocks go forward on Sun Mar 29 2026 in Berlin.
      const state = computeDueState(partner(), new Date(2026, 2, 20, 10), 14, new Date(2026, 2, 30, 12));
      assert.equal(state.dueDate?.getDate(), 3);
      assert.equal(state.label, 'due in 4 days');
      const back = computeDueState(partner(), new Date(2026, 9, 20, 0, 30), 7, new Date(2026, 9, 27, 23, 30));
      assert.equal(back.label, 'due today');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

/** The due date and day count as first written with date-fns: the reference the day-number version must match. */
function referenceDue(p: Partner, last: Date | undefined, cadence: number, now: Date): { status: string; days: number; dueDate: number } {
  const today = startOfDay(now);
  const base = last ? addDays(startOfDay(last), p.cadenceDays ?? cadence) : startOfDay(parseISO(p.createdAt));
  const snoozed = p.snoozedUntil ? startOfDay(parseISO(p.snoozedUntil)) : undefined;
  if (snoozed && isAfter(snoozed, today) && !isAfter(base, snoozed))
    return { status: 'snoozed', days: differenceInCalendarDays(snoozed, today), dueDate: snoozed.getTime() };
  const due = snoozed && isAfter(snoozed, base) ? snoozed : base;
  const days = differenceInCalendarDays(due, today);
  return { status: days < 0 ? 'overdue' : days <= 7 ? 'dueSoon' : 'later', days, dueDate: due.getTime() };
}

describe('computeDueState matches date-fns calendar arithmetic', () => {
  // Zones with daylight saving (Lord Howe moves 30 minutes), one far east, one without.
  for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Auckland', 'UTC']) {
    it(`in ${zone}, for 4,000 seeded random partners, check-ins, snoozes and clocks`, () => {
      const saved = process.env.TZ;
      process.env.TZ = zone;
      try {
        let seed = 20261121;
        const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
        const start = Date.UTC(2025, 0, 1);
        const span = 3 * 365 * 86_400_000;
        const at = () => new Date(start + Math.floor(random() * span));
        for (let i = 0; i < 4000; i++) {
          const now = at();
          const last = random() < 0.8 ? at() : undefined;
          const cadenceDays = random() < 0.5 ? 1 + Math.floor(random() * 60) : undefined;
          // Some snoozes end on the very day the cadence falls due, some on any day.
          const onDue = last && random() < 0.3 ? toCalendarDate(addDays(last, cadenceDays ?? 14)) : undefined;
          const snooze = onDue ?? (random() < 0.3 ? toCalendarDate(at()) : undefined);
          const p = partner({ createdAt: at().toISOString(), cadenceDays, ...(snooze ? { snoozedUntil: snooze } : {}) });
          const state = computeDueState(p, last, 14, now);
          const expected = referenceDue(p, last, 14, now);
          const context = `${zone} #${i}: now ${now.toISOString()}, last ${last?.toISOString()}, created ${p.createdAt}, snoozed ${snooze}`;
          assert.equal(state.status, expected.status, context);
          assert.equal(state.days, expected.days, context);
          assert.equal(state.dueDate?.getTime(), expected.dueDate, context);
        }
      } finally {
        if (saved === undefined) delete process.env.TZ;
        else process.env.TZ = saved;
      }
    });
  }
});

describe('due labels follow a new language bundle', () => {
  afterEach(() => configureL10n({}));

  it('drops the labels it kept once configureL10n() gives another bundle', () => {
    const last = day(11, 11); // 14-day cadence: due Nov 25, in 4 days
    assert.equal(computeDueState(partner(), last, 14, NOW).label, 'due in 4 days');
    configureL10n({ 'due in {0} days': 'fällig in {0} Tagen' });
    assert.equal(computeDueState(partner(), last, 14, NOW).label, 'fällig in 4 Tagen');
    configureL10n({});
    assert.equal(computeDueState(partner(), last, 14, NOW).label, 'due in 4 days');
  });
});

describe('dueLabel', () => {
  it('reads naturally', () => {
    assert.equal(dueLabel(-5), '5 days overdue');
    assert.equal(dueLabel(-1), '1 day overdue');
    assert.equal(dueLabel(0), 'due today');
    assert.equal(dueLabel(0, true), 'no check-in yet');
    assert.equal(dueLabel(1), 'due tomorrow');
    assert.equal(dueLabel(3), 'due in 3 days');
    assert.equal(dueLabel(-1, true), '1 day overdue');
  });
});

describe('formatShortDate and toCalendarDate', () => {
  it('format dates the way the tree and the file show them', () => {
    assert.equal(formatShortDate(new Date(2026, 11, 2), NOW), 'Dec 2');
    assert.equal(formatShortDate(new Date(2027, 0, 5), NOW), 'Jan 5, 2027');
    assert.equal(toCalendarDate(new Date(2026, 11, 2, 23, 59)), '2026-12-02');
  });
});

describe('urgencyOrder', () => {
  it('puts the most overdue first, then the soonest due, then snoozed, then archived', () => {
    const states: Record<string, DueState> = {
      later: computeDueState(partner(), day(11, 20), 14, NOW),
      archived: computeDueState(partner({ archived: true }), day(11, 1), 14, NOW),
      slightlyOverdue: computeDueState(partner(), day(11, 6), 14, NOW),
      snoozed: computeDueState(partner({ snoozedUntil: '2026-11-23' }), day(10, 1), 14, NOW),
      veryOverdue: computeDueState(partner(), day(10, 1), 14, NOW),
      today: computeDueState(partner(), day(11, 7), 14, NOW),
      snoozedLonger: computeDueState(partner({ snoozedUntil: '2027-02-01' }), day(10, 1), 14, NOW),
    };
    const order = Object.entries(states)
      .sort(([, a], [, b]) => urgencyOrder(a, b))
      .map(([name]) => name);
    assert.deepEqual(order, ['veryOverdue', 'slightlyOverdue', 'today', 'later', 'snoozed', 'snoozedLonger', 'archived']);
  });
});
