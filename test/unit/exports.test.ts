// Export formats on the demo store: partners as CSV (read back by our parser), due check-ins as
// iCalendar, proven by a round trip through ical.js (Mozilla's parser, used by Thunderbird).
import { strict as assert } from 'node:assert';
import ICAL from 'ical.js';
import { parseCsv } from '../../src/core/csv';
import { dueCheckInsIcs, partnersCsv, PARTNER_CSV_HEADER } from '../../src/core/exports';
import { escapeText, foldLine, toIcs } from '../../src/core/ics';
import type { Store } from '../../src/core/store';
import { createDemoStore } from '../fixtures/demoStore';
import { makeTempDir, removeTempDir } from './helpers';

const TODAY = new Date(2026, 10, 21, 9, 30);
/** ical.js's parse is typed `any`: one typed door. */
const calendarOf = (text: string) => new ICAL.Component(ICAL.parse(text) as unknown[]);

describe('exports', () => {
  let dir: string | undefined;
  let store: Store;

  before(async () => {
    dir = await makeTempDir();
    store = await createDemoStore(dir, TODAY);
  });
  after(() => removeTempDir(dir));

  describe('partners as CSV', () => {
    it('has one row per partner, most urgent first, with the columns Import reads', () => {
      const rows = parseCsv(partnersCsv(store, { now: TODAY, defaultCadenceDays: 14 })).map((row) => row.fields);
      assert.deepEqual(rows[0], PARTNER_CSV_HEADER);
      assert.equal(rows.length, 12);
      assert.deepEqual(rows[1]?.slice(0, 11), [
        'Hannah Okafor',
        'Support Operations Manager',
        'Support',
        '',
        '14',
        '',
        '',
        '',
        '2026-10-02',
        '2026-10-16',
        '36 days overdue',
      ]);
      const dana = rows.find((row) => row[0] === 'Dana Whitfield');
      assert.deepEqual(dana?.slice(0, 8), [
        'Dana Whitfield',
        'Director of Product',
        'Product',
        'dana@example.com',
        '14',
        'Roadmap; Pricing',
        '',
        'exec launch-q1',
      ]);
      assert.equal(rows.find((row) => row[0] === 'Jonas Berg')?.[6], 'Northwind Cloud');
      assert.equal(rows.at(-1)?.[10], 'archived');
      assert.equal(rows.at(-1)?.[0], 'Tom Becker');
      assert.match(rows[1]?.[11] ?? '', /^[0-9a-z]{26}$/);
    });
  });

  describe('iCalendar', () => {
    it('escapes TEXT and folds at 75 octets without splitting a UTF-8 character', () => {
      assert.equal(escapeText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
      const folded = foldLine(`SUMMARY:${'é'.repeat(80)}`);
      const lines = folded.split('\r\n');
      for (const line of lines) assert.ok(Buffer.byteLength(line) <= 75, `${Buffer.byteLength(line)} octets`);
      assert.equal(lines.map((line, index) => (index === 0 ? line : line.slice(1))).join(''), `SUMMARY:${'é'.repeat(80)}`);
      assert.ok(lines.slice(1).every((line) => line.startsWith(' ')));
    });

    it('round-trips through ical.js: every due check-in within the horizon, UTC times, stable UIDs', () => {
      const options = { now: TODAY, defaultCadenceDays: 14, days: 25, hour: 9, version: '0.1.0' };
      const text = dueCheckInsIcs(store, options);
      assert.ok(text.endsWith('\r\n'));
      assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
      for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);

      const calendar = calendarOf(text);
      assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
      assert.equal(calendar.getFirstPropertyValue('prodid'), '-//Alliances//Alliances 0.1.0//EN');
      const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
      const summaries = events.map((event) => event.summary);
      // Overdue ones today, the rest on their due day; Jonas (due in 30 days) and archived Tom left out.
      assert.deepEqual(summaries, [
        'Check-in: Dana Whitfield',
        'Check-in: Elena Petrova',
        'Check-in: Hannah Okafor',
        'Check-in: Marcus Ortega',
        'Check-in: Kwame Mensah',
        'Check-in: Sofia Lindqvist',
        'Check-in: Aisha Karim',
        'Check-in: Priya Raman',
        'Check-in: Leo Tanaka',
      ]);
      const hannah = events[2];
      assert.ok(hannah);
      assert.equal(hannah.startDate.zone.tzid, 'UTC');
      assert.equal(hannah.startDate.toJSDate().getTime(), new Date(2026, 10, 21, 9).getTime());
      assert.equal(hannah.duration.toSeconds(), 1800);
      assert.equal(
        hannah.description,
        'Support Operations Manager, Support\nCheck-in 36 days overdue.\nLast: 2026-10-02, Ticket volume up 30% after the release; escalations unclear',
      );
      assert.equal(hannah.component.getFirstPropertyValue('dtstamp')?.toString(), ICAL.Time.fromJSDate(TODAY, true).toString());
      const marcus = events[3];
      assert.match(marcus?.description ?? '', /\nTalking points:\n- SSO dates for the two blocked enterprise deals$/);
      const kwame = events[4];
      assert.equal(kwame?.startDate.toJSDate().getTime(), new Date(2026, 10, 23, 9).getTime());
      assert.deepEqual(kwame?.component.getFirstProperty('categories')?.getValues(), ['Alliances', 'Customer Success']);
      const uids = events.map((event) => event.uid);
      assert.equal(new Set(uids).size, uids.length);
      for (const [index, uid] of uids.entries()) assert.match(uid, /^checkin-[0-9a-z]{26}@alliances$/, summaries[index]);
      // Stable: a later export gives each partner the same UID.
      const later = calendarOf(dueCheckInsIcs(store, { ...options, now: new Date(2026, 10, 22, 8) }));
      assert.deepEqual(
        later
          .getAllSubcomponents('vevent')
          .map((component) => component.getFirstPropertyValue('uid'))
          .sort(),
        [...uids].sort(),
      );
    });

    it('keeps commas, semicolons, backslashes, newlines and long non-ASCII text intact through ical.js', () => {
      const summary = 'Check-in: Zoë Ångström-Øvergaard; Sales, EMEA \\ Nordics';
      const description = `${'Très long résumé — '.repeat(12)}\nline two; with, marks`;
      const text = toIcs([{ uid: 'x@alliances', start: new Date(Date.UTC(2026, 11, 2, 8)), duration: 30, summary, description }], {
        prodId: '-//T//T//EN',
        name: 'T, test',
        now: TODAY,
      });
      const event = new ICAL.Event(calendarOf(text).getFirstSubcomponent('vevent') ?? undefined);
      assert.equal(event.summary, summary);
      assert.equal(event.description, description);
      assert.equal(event.startDate.toString(), '2026-12-02T08:00:00Z');
    });
  });
});
