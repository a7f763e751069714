// The dashboard's date filter reads a yyyy-MM-dd day through dates.ts (dayNumberOfText, then
// startOfDayNumber), the one reading of a calendar day. It must read every day the filter schema lets
// through (/^\d{4}-\d{2}-\d{2}$/, so "2026-02-30" and "0100-00-15" too) as the Date constructor did
// before, and real days as date-fns does, in zones with and without daylight saving.
import { strict as assert } from 'node:assert';
import { parseISO, startOfDay } from 'date-fns';
import { dayNumberOfText, startOfDayNumber } from '../../src/core/dates';
import { filterRange } from '../../src/core/stats/input';

const DAY_MS = 86_400_000;
// Lord Howe moves 30 minutes; Santiago's clocks skip midnight itself in September.
const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Auckland', 'America/Santiago', 'UTC'];

function inZone(zone: string, run: () => void): void {
  const saved = process.env.TZ;
  process.env.TZ = zone;
  try {
    run();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

/** How the dashboard read a filter day before: the Date constructor on the digits, overflow and all. */
function constructorReading(day: string, plusDays = 0): number {
  return new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + plusDays).getTime();
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('one reading of a calendar day (dates.ts) for the dashboard filter', () => {
  for (const zone of ZONES) {
    it(`in ${zone}: every month and day 00–99 of years around the two-digit-year edge, 1900, today and 9999, as before`, () => {
      inZone(zone, () => {
        const now = new Date(2026, 10, 21, 9, 30);
        for (const year of [0, 1, 99, 100, 101, 1899, 1900, 1970, 2026, 2028, 9999]) {
          for (let month = 0; month < 100; month++) {
            for (let day = 0; day < 100; day++) {
              const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
              const expected = constructorReading(text);
              const range = filterRange({ from: text, to: text }, now);
              if (range.start !== expected)
                assert.fail(`${zone} ${text}: ${new Date(range.start).toString()}, expected ${new Date(expected).toString()}`);
              // The range ends at the next day's midnight (23 or 25 hours later on a clock-change day).
              assert.equal(range.end, constructorReading(text, 1), text);
            }
          }
        }
      });
    });

    it(`in ${zone}: every real day from 2025 to 2028 starts where date-fns says`, () => {
      inZone(zone, () => {
        for (let time = Date.UTC(2025, 0, 1); time < Date.UTC(2029, 0, 1); time += DAY_MS) {
          const text = new Date(time).toISOString().slice(0, 10);
          assert.equal(startOfDayNumber(dayNumberOfText(text)).getTime(), startOfDay(parseISO(text)).getTime(), `${zone} ${text}`);
        }
      });
    });
  }

  it('years 0–99 stay themselves at the start of a day number (the constructor alone would make them 1900–1999)', () => {
    assert.equal(startOfDayNumber(dayNumberOfText('0100-00-15')).getFullYear(), 99);
    assert.equal(startOfDayNumber(dayNumberOfText('0100-01-00')).getMonth(), 11);
    // Four-digit years below 100 were, and are, read as 1900–1999 (as Date.UTC and the constructor do).
    assert.equal(startOfDayNumber(dayNumberOfText('0050-06-01')).getFullYear(), 1950);
    assert.ok(Number.isNaN(startOfDayNumber(Number.NaN).getTime()));
  });

  it('an empty filter keeps the whole past and ends after today', () => {
    const now = new Date(2026, 10, 21, 9, 30);
    assert.deepEqual(filterRange({}, now), { start: Number.NEGATIVE_INFINITY, end: new Date(2026, 10, 22).getTime() });
  });

  it('a day when the clocks change is the whole day: 25 hours in October, 23 in March (Berlin)', () => {
    inZone('Europe/Berlin', () => {
      const now = new Date(2026, 10, 21);
      const autumn = filterRange({ from: '2026-10-25', to: '2026-10-25' }, now);
      assert.equal(autumn.end - autumn.start, 25 * 3_600_000);
      assert.ok(new Date(2026, 9, 25, 23, 30).getTime() < autumn.end, 'a check-in at 23:30 on the long day is inside');
      const spring = filterRange({ from: '2026-03-29', to: '2026-03-29' }, now);
      assert.equal(spring.end - spring.start, 23 * 3_600_000);
      assert.ok(new Date(2026, 2, 30, 0, 30).getTime() >= spring.end, "the next day's first hour is outside");
      assert.equal(filterRange({}, new Date(2026, 9, 25, 12)).end, new Date(2026, 9, 26).getTime(), 'today, on the long day');
    });
  });
});
