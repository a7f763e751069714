// The calendar reader and the suggested check-ins, with known answers on exports shaped like Google
// Calendar's, Outlook's (Exchange) and Apple Calendar's (test/fixtures/calendar): recurrence with EXDATE
// and RECURRENCE-ID overrides, time zones across a daylight-saving change, all-day events, declined
// attendees (the user's own and a partner's), attendee emails in any case, mailto: and EMAIL= forms.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  calendarPartners,
  calendarWindow,
  loggedOnIn,
  readCalendar,
  readCalendarText,
  suggestMeetings,
  type CalendarPartner,
  type CalendarRead,
  type SuggestionInput,
} from '../../src/core/calendar';
import { HOSTILE_PAYLOADS } from '../fixtures/hostilePayloads';
import { event, ics } from './calendarFixtures';
import { makeStore, makeTempDir, removeTempDir } from './helpers';

const NOW = new Date('2026-03-20T18:00:00Z');
const WINDOW = calendarWindow(NOW, 14);
const fixture = (name: string) => readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'calendar', name));
const read = (name: string): CalendarRead => readCalendar(fixture(name), WINDOW);

const PARTNERS: CalendarPartner[] = [
  { id: 'dana', name: 'Dana Whitfield', email: 'dana@example.com' },
  // Typed in another case than every export spells it.
  { id: 'priya', name: 'Priya Raman', email: 'Priya.Raman@Example.com' },
  { id: 'kwame', name: 'Kwame Asante', email: ' kwame@partner.example ' },
  { id: 'elena', name: 'Elena Petrova', email: 'elena@example.com', archived: true },
  { id: 'noemail', name: 'Hannah Okafor' },
];

function suggest(calendar: CalendarRead, extra: Partial<SuggestionInput> = {}) {
  return suggestMeetings({
    meetings: calendar.meetings,
    partners: PARTNERS,
    selfEmails: ['alex@example.com', ...(calendar.owner ? [calendar.owner] : [])],
    loggedOn: () => false,
    dismissed: new Set(),
    ...extra,
  });
}

const shape = (result: ReturnType<typeof suggest>) =>
  result.suggestions.map((s) => [s.title, s.start.toISOString(), s.date, s.allDay, s.partnerIds.join('+')]);

describe('calendar: reading exports and suggesting check-ins', () => {
  describe('Google Calendar export', () => {
    const calendar = read('google.ics');

    it('expands the weekly 1:1 (no end) with its EXDATE and the moved occurrence, in New York time after the DST change', () => {
      const oneOnOnes = calendar.meetings.filter((m) => m.uid === '1on1-dana-alex@google.com');
      // Tue Mar 10 is an EXDATE; Tue Mar 17 10:00 EDT was moved to Wed Mar 18 14:00 EDT (18:00 UTC).
      assert.deepEqual(
        oneOnOnes.map((m) => [m.title, m.start.toISOString(), m.key]),
        [['Dana / Alex 1:1 (moved)', '2026-03-18T18:00:00.000Z', '1on1-dana-alex@google.com|2026-03-17T14:00:00.000Z']],
      );
      assert.equal(calendar.owner, 'alex@example.com');
      assert.equal(calendar.events, 9);
    });

    it('suggests the 1:1, the all-day planning day and the group pricing review; leaves out the rest, each for its reason', () => {
      const result = suggest(calendar);
      assert.deepEqual(shape(result), [
        ['Dana / Alex 1:1 (moved)', '2026-03-18T18:00:00.000Z', '2026-03-18', false, 'dana'],
        ['Launch planning day', new Date(2026, 2, 13).toISOString(), '2026-03-13', true, 'dana'],
        // Two partners (MAILTO: in capitals, the partner's address typed in mixed case); the room is not a person.
        ['Pricing review', '2026-03-12T15:00:00.000Z', '2026-03-12', false, 'priya+kwame'],
      ]);
      assert.deepEqual(Object.fromEntries(result.leftOut), {
        'vendor-demo@google.com': 'declined',
        'allhands-q1@google.com': 'too-large',
        'stranger@google.com': 'no-partner',
      });
      // Cancelled and future meetings are not meetings of the window at all.
      assert.ok(!calendar.meetings.some((m) => m.uid === 'cancelled-sync@google.com' || m.uid === 'future@google.com'));
    });

    it('leaves out partners already logged that day, and the meeting once nobody is left', () => {
      const result = suggest(calendar, { loggedOn: (id, date) => date === '2026-03-12' && id === 'priya' });
      assert.deepEqual(
        result.suggestions.filter((s) => s.title === 'Pricing review').map((s) => s.partnerIds),
        [['kwame']],
      );
      const none = suggest(calendar, { loggedOn: (id, date) => date === '2026-03-18' && id === 'dana' });
      assert.equal(none.leftOut.get('1on1-dana-alex@google.com|2026-03-17T14:00:00.000Z'), 'logged');
    });

    it('leaves out dismissed meetings by their key', () => {
      const key = '1on1-dana-alex@google.com|2026-03-17T14:00:00.000Z';
      const result = suggest(calendar, { dismissed: new Set([key]) });
      assert.equal(result.leftOut.get(key), 'dismissed');
      assert.ok(!result.suggestions.some((s) => s.key === key));
    });

    it('counts the user declining only when the address is theirs (git identity or the calendar owner)', () => {
      const result = suggestMeetings({
        meetings: calendar.meetings,
        partners: PARTNERS,
        selfEmails: [],
        loggedOn: () => false,
        dismissed: new Set(),
      });
      assert.deepEqual(
        result.suggestions.filter((s) => s.title === 'Vendor demo').map((s) => s.partnerIds),
        [['kwame']],
      );
    });
  });

  describe('Outlook (Exchange) export', () => {
    const calendar = read('outlook.ics');

    it('expands Mon/Thu until its UNTIL in W. Europe Standard Time (CET: 08:30 UTC)', () => {
      assert.deepEqual(
        calendar.meetings.filter((m) => m.title === 'Platform sync').map((m) => m.start.toISOString()),
        ['2026-03-09T08:30:00.000Z', '2026-03-12T08:30:00.000Z', '2026-03-16T08:30:00.000Z', '2026-03-19T08:30:00.000Z'],
      );
    });

    it('drops the occurrence the partner declined (an override), a 1:1 the partner declined, and a day already logged', () => {
      const result = suggest(calendar, { loggedOn: (id, date) => id === 'priya' && date === '2026-03-16' });
      assert.deepEqual(shape(result), [
        ['Platform sync', '2026-03-19T08:30:00.000Z', '2026-03-19', false, 'priya'],
        ['Platform sync', '2026-03-09T08:30:00.000Z', '2026-03-09', false, 'priya'],
      ]);
      assert.deepEqual([...result.leftOut.values()].sort(), ['logged', 'no-partner', 'no-partner']);
    });
  });

  describe('Apple Calendar export', () => {
    const calendar = read('apple.ics');

    it('reads EMAIL= beside urn:uuid values, expands a monthly rule without an end from last year, in Los Angeles time', () => {
      const result = suggest(calendar);
      assert.deepEqual(shape(result), [
        ['Coffee with Dana', '2026-03-19T16:00:00.000Z', '2026-03-19', false, 'dana'],
        ['Kwame roadmap check', '2026-03-11T18:00:00.000Z', '2026-03-11', false, 'kwame'],
      ]);
    });

    it('leaves out the lunch the user declined and the all-day visit of an archived partner', () => {
      const result = suggest(calendar);
      assert.equal(result.leftOut.get('6B1A0C2E-2F55-4C1D-9C55-1D0E7A1F0004'), 'declined');
      assert.equal(result.leftOut.get('6B1A0C2E-2F55-4C1D-9C55-1D0E7A1F0003'), 'no-partner');
      const visit = calendar.meetings.find((m) => m.title === 'Elena in town');
      assert.deepEqual([visit?.allDay, visit?.date], [true, '2026-03-16']);
    });
  });

  describe('time zones and odd shapes', () => {
    it('reads a TZID the file names without a VTIMEZONE through the platform (Europe/Berlin, CET: 11:00 UTC)', () => {
      const calendar = readCalendarText(
        ics(event('berlin', 'DTSTART;TZID=Europe/Berlin:20260316T120000', 'DTEND;TZID=Europe/Berlin:20260316T123000')),
        WINDOW,
      );
      assert.deepEqual(
        calendar.meetings.map((m) => m.start.toISOString()),
        ['2026-03-16T11:00:00.000Z'],
      );
    });

    it('reads UTF-16 with its byte-order mark (some Outlook exports) and a UTF-8 byte-order mark', () => {
      const text = ics(event('bom', 'DTSTART:20260316T120000Z', 'DTEND:20260316T123000Z'));
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
      assert.deepEqual(
        readCalendar(utf16, WINDOW).meetings.map((m) => m.uid),
        ['bom'],
      );
      assert.deepEqual(
        readCalendar(utf8, WINDOW).meetings.map((m) => m.uid),
        ['bom'],
      );
    });

    it('keeps a hostile title as text (shown escaped by the tree), whitespace folded to one line', () => {
      for (const payload of HOSTILE_PAYLOADS) {
        const summary = payload.text
          .replace(/\\/g, '\\\\')
          .replace(/[;,]/g, (c) => `\\${c}`)
          .replace(/\n/g, '\\n');
        const calendar = readCalendarText(ics(event('h', 'DTSTART:20260316T120000Z', `SUMMARY:${summary}`)), WINDOW);
        assert.equal(calendar.meetings[0]?.title, payload.text.replace(/\s+/g, ' ').trim(), payload.name);
      }
    });

    it('reads an occurrence moved into the window from two months earlier, and one moved out of it', () => {
      const text = ics(
        event('weekly', 'DTSTART:20250106T100000Z', 'DTEND:20250106T103000Z', 'RRULE:FREQ=WEEKLY', 'SUMMARY:Weekly'),
        event('weekly', 'RECURRENCE-ID:20260105T100000Z', 'DTSTART:20260311T160000Z', 'DTEND:20260311T163000Z', 'SUMMARY:Moved in'),
        event('weekly', 'RECURRENCE-ID:20260309T100000Z', 'DTSTART:20260401T100000Z', 'DTEND:20260401T103000Z', 'SUMMARY:Moved out'),
      );
      assert.deepEqual(
        readCalendarText(text, WINDOW).meetings.map((m) => [m.title, m.start.toISOString()]),
        [
          ['Moved in', '2026-03-11T16:00:00.000Z'],
          ['Weekly', '2026-03-16T10:00:00.000Z'],
        ],
      );
    });

    it('expands monthly and yearly rules that began long ago on the right days (BYDAY=2TU, the 15th, a birthday)', () => {
      const text = ics(
        event('second-tuesday', 'DTSTART:20150113T150000Z', 'RRULE:FREQ=MONTHLY;BYDAY=2TU', 'SUMMARY:Second Tuesday'),
        event('fifteenth', 'DTSTART:20180115T090000Z', 'RRULE:FREQ=MONTHLY;INTERVAL=2', 'SUMMARY:Every other 15th'),
        event('yearly', 'DTSTART:20000312T120000Z', 'RRULE:FREQ=YEARLY', 'SUMMARY:Anniversary'),
      );
      assert.deepEqual(
        readCalendarText(text, WINDOW).meetings.map((m) => [m.title, m.start.toISOString()]),
        [
          ['Second Tuesday', '2026-03-10T15:00:00.000Z'],
          ['Anniversary', '2026-03-12T12:00:00.000Z'],
          // Every other month from January 2018: January, March… of 2026 too.
          ['Every other 15th', '2026-03-15T09:00:00.000Z'],
        ],
      );
      // …and not February: a window around 2026-02-15 has none.
      const february = readCalendarText(text, calendarWindow(new Date('2026-02-20T18:00:00Z'), 14));
      assert.ok(!february.meetings.some((m) => m.title === 'Every other 15th'));
      assert.ok(february.meetings.some((m) => m.title === 'Second Tuesday' && m.start.toISOString() === '2026-02-10T15:00:00.000Z'));
    });

    it('lists a meeting in two calendars of one file once', () => {
      const one = event('same', 'DTSTART:20260316T120000Z', 'DTEND:20260316T123000Z');
      const text = `${ics(one)}\r\n${ics(one)}`;
      assert.equal(readCalendarText(text.replace(/END:VCALENDAR\r\n\r\nBEGIN:VCALENDAR\r\n/, ''), WINDOW).meetings.length, 1);
    });
  });

  describe('against a real store', () => {
    let dir: string | undefined;
    afterEach(() => removeTempDir(dir));

    it('matches the store partners and knows the days a partner was logged (a group check-in counts for each)', async () => {
      dir = await makeTempDir();
      const store = makeStore(path.join(dir, '.alliances'));
      await store.load();
      const dana = await store.addPartner({ name: 'Dana Whitfield', department: 'Product', email: 'DANA@example.com' });
      const priya = await store.addPartner({ name: 'Priya Raman', department: 'Design', email: 'priya.raman@example.com' });
      await store.addCheckIn({
        partnerId: dana.value.id,
        partnerIds: [dana.value.id, priya.value.id],
        kind: 'one-on-one',
        summary: 'Pricing',
        date: new Date(2026, 2, 12, 10),
      });
      const logged = loggedOnIn(store);
      assert.deepEqual(
        [logged(dana.value.id, '2026-03-12'), logged(priya.value.id, '2026-03-12'), logged(priya.value.id, '2026-03-13')],
        [true, true, false],
      );
      const result = suggestMeetings({
        meetings: read('google.ics').meetings,
        partners: calendarPartners(store),
        selfEmails: ['alex@example.com'],
        loggedOn: logged,
        dismissed: new Set(),
      });
      assert.deepEqual(
        result.suggestions.map((s) => [s.title, s.partnerIds.length]),
        [
          ['Dana / Alex 1:1 (moved)', 1],
          ['Launch planning day', 1],
        ],
      );
    });
  });
});
