// Bad calendar files: cut short, not UTF-8, 100 MB, not a calendar, a recurrence without an end (daily
// since 2000, and one repeating every second). Each is a clear message (a CalendarError with its code) or
// a bounded answer; the reader never writes, and the file on disk stays byte for byte what it was.
import { strict as assert } from 'node:assert';
import { promises as fsp, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  CalendarError,
  calendarWindow,
  MAX_OCCURRENCES,
  readCalendar,
  readCalendarText,
  type CalendarErrorCode,
} from '../../src/core/calendar';
import { event, ics } from './calendarFixtures';
import { makeTempDir, removeTempDir } from './helpers';

const NOW = new Date('2026-03-20T18:00:00Z');
const WINDOW = calendarWindow(NOW, 14);
const google = readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'calendar', 'google.ics'));

function refused(bytes: Uint8Array, code: CalendarErrorCode, message: RegExp): void {
  assert.throws(
    () => readCalendar(bytes, WINDOW),
    (error: unknown) => {
      assert.ok(error instanceof CalendarError, String(error));
      assert.equal(error.code, code);
      assert.match(error.message, message);
      return true;
    },
  );
}

describe('calendar: bad input', () => {
  it('refuses a file cut short (half of a Google export, and one cut inside an event)', () => {
    refused(google.subarray(0, Math.floor(google.length / 2)), 'truncated', /cut short/);
    const text = google.toString('utf8');
    const missingEnd = text.replace(/END:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART:20260312/, 'BEGIN:VEVENT\r\nDTSTART:20260312');
    refused(Buffer.from(missingEnd), 'truncated', /BEGIN without its END/);
  });

  it('refuses a file that is not UTF-8 (Latin-1 bytes) without guessing', () => {
    const latin1 = Buffer.from(ics(event('x', 'DTSTART:20260316T120000Z', 'SUMMARY:Caf\u00e9 with Dana')), 'latin1');
    refused(latin1, 'not-utf8', /not UTF-8/);
  });

  it('refuses 100 MB before parsing it', () => {
    const huge = Buffer.alloc(100 * 1024 * 1024, 0x41);
    refused(huge, 'too-large', /100 MB; Alliances reads files up to 20 MB/);
  });

  it('refuses what is not a calendar (JSON, a vCard, an empty file)', () => {
    refused(Buffer.from('{"partners": []}'), 'not-calendar', /BEGIN:VCALENDAR/);
    refused(Buffer.from('BEGIN:VCARD\r\nFN:Dana\r\nEND:VCARD\r\n'), 'not-calendar', /BEGIN:VCALENDAR/);
    refused(Buffer.alloc(0), 'not-calendar', /BEGIN:VCALENDAR/);
  });

  it('refuses a line ical.js cannot parse, with its reason', () => {
    const broken = ics('BEGIN:VEVENT', 'UID:x', 'DTSTART 20260316T120000Z', 'END:VEVENT');
    refused(Buffer.from(broken), 'unreadable', /cannot be read: .+/);
  });

  it('bounds a daily recurrence without an end since 2000: only the window, each day once', () => {
    const daily = ics(event('daily', 'DTSTART:20000101T090000Z', 'DTEND:20000101T091500Z', 'RRULE:FREQ=DAILY', 'SUMMARY:Standup'));
    const read = readCalendarText(daily, WINDOW);
    // From local midnight 14 days before Mar 20 to Mar 20 18:00 UTC.
    assert.equal(read.meetings.length, 15);
    assert.equal(read.meetings.at(-1)?.start.toISOString(), '2026-03-20T09:00:00.000Z');
    assert.deepEqual(read.skipped, []);
  });

  it('expands a weekday rule (DAILY, BYDAY=MO..FR, and a fortnightly one) since 2010 to the right days only', () => {
    const weekdays = ics(event('weekdays', 'DTSTART:20100104T090000Z', 'RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', 'SUMMARY:Standup'));
    const days = readCalendarText(weekdays, WINDOW).meetings.map((m) => m.start.toISOString().slice(0, 10));
    assert.deepEqual(days, [
      '2026-03-06',
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
      '2026-03-13',
      '2026-03-16',
      '2026-03-17',
      '2026-03-18',
      '2026-03-19',
      '2026-03-20',
    ]);
    const fortnightly = ics(event('fortnightly', 'DTSTART:20120103T150000Z', 'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', 'SUMMARY:1:1'));
    // 2012-01-03 + 2-week steps lands on 2026-03-10 (a multiple of 14 days), not on 2026-03-17.
    assert.deepEqual(
      readCalendarText(fortnightly, WINDOW).meetings.map((m) => m.start.toISOString()),
      ['2026-03-10T15:00:00.000Z'],
    );
  });

  it('gives up on a rule that repeats every second since 2000, saying which, and still reads the rest', () => {
    const text = ics(
      event('every-second', 'DTSTART:20000101T090000Z', 'RRULE:FREQ=SECONDLY', 'SUMMARY:Runaway'),
      event('fine', 'DTSTART:20260316T120000Z', 'DTEND:20260316T123000Z', 'SUMMARY:Fine'),
    );
    const read = readCalendarText(text, WINDOW);
    assert.deepEqual(read.skipped, [{ uid: 'every-second', title: 'Runaway', code: 'too-many-occurrences' }]);
    assert.deepEqual(
      read.meetings.map((m) => m.uid),
      ['fine'],
    );
    assert.ok(MAX_OCCURRENCES >= 5000, 'a daily meeting for ten years is still read');
  });

  it('never writes: the file it read is byte for byte the same afterwards', async () => {
    const dir = await makeTempDir();
    try {
      const file = path.join(dir, 'cut.ics');
      const bytes = google.subarray(0, 1000);
      await fsp.writeFile(file, bytes);
      assert.throws(() => readCalendar(readFileSync(file), WINDOW), CalendarError);
      assert.deepEqual(await fsp.readFile(file), bytes);
      assert.deepEqual(await fsp.readdir(dir), ['cut.ics']);
    } finally {
      await removeTempDir(dir);
    }
  });
});
