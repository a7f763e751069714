// Reads an iCalendar export (Google Calendar, Outlook, Apple Calendar) with ical.js and lists the
// meetings that took place in a window of time: recurring events expanded (RRULE, RDATE, EXDATE,
// RECURRENCE-ID overrides), times converted from their time zone, cancelled ones left out. Pure: bytes in,
// meetings out; nothing is written. Bad input (too large, not UTF-8, truncated, not a calendar) throws a
// CalendarError with a message a person can act on. Rules: docs/decisions/calendar-suggestions.md.
import * as l10n from '@vscode/l10n';
import ICAL from 'ical.js';
import { calendarDate } from '../dates';
import { normaliseEmail } from './emails';
import { zonedToDate } from './zones';

/** A calendar export larger than this is refused before it is parsed (a year of a busy calendar is ~2 MB). */
export const MAX_CALENDAR_BYTES = 20 * 1024 * 1024;
/** Occurrences of one recurring event looked at, at most: a rule without an end stops at the window (daily and weekly ones start near it), this bounds the rest (hourly and finer, huge COUNTs). */
export const MAX_OCCURRENCES = 5_000;
/** How far past the window occurrences are expanded (a time zone, an all-day event's end). */
const EXPAND_SLACK_MS = 2 * 24 * 3600 * 1000;

export type CalendarErrorCode = 'too-large' | 'not-utf8' | 'truncated' | 'not-calendar' | 'unreadable';

export class CalendarError extends Error {
  constructor(
    message: string,
    readonly code: CalendarErrorCode,
  ) {
    super(message);
    this.name = 'CalendarError';
  }
}

export interface MeetingPerson {
  /** Lower case, without `mailto:`; empty when the export names the person without an address. */
  email: string;
  /** NEEDS-ACTION, ACCEPTED, DECLINED, TENTATIVE, DELEGATED (upper case; NEEDS-ACTION when absent). */
  partStat: string;
  /** INDIVIDUAL, GROUP, RESOURCE, ROOM, UNKNOWN (upper case; INDIVIDUAL when absent). */
  cuType: string;
  name?: string;
}

export interface Meeting {
  /** One occurrence: the event's UID and, for a recurring one, the occurrence's original start (UTC). */
  key: string;
  uid: string;
  title: string;
  start: Date;
  end: Date;
  allDay: boolean;
  /** The local calendar date it took place on (an all-day event: its first day). */
  date: string;
  organizer?: MeetingPerson;
  attendees: MeetingPerson[];
}

export interface CalendarRead {
  meetings: Meeting[];
  /** The calendar's owner when the export says it (Google: X-WR-CALNAME is the address). */
  owner?: string;
  /** Events left out for a reason worth telling (a rule that repeats too often). */
  skipped: { uid: string; title: string; code: 'too-many-occurrences' }[];
  /** VEVENTs in the file (also those too far from the window to be parsed). */
  events: number;
}

export interface ReadWindow {
  from: Date;
  to: Date;
}

/** The text of an export: UTF-8 (a BOM is dropped), or UTF-16 with its BOM (some Outlook exports). */
export function decodeCalendar(bytes: Uint8Array): string {
  checkCalendarSize(bytes.byteLength);
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  try {
    return new TextDecoder(utf16 ? 'utf-16le' : 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CalendarError(l10n.t('The calendar file is not UTF-8 text. Export it again from your calendar (an .ics file).'), 'not-utf8');
  }
}

/** Refuses a file larger than MAX_CALENDAR_BYTES (checked from its size, before it is read). */
export function checkCalendarSize(size: number): void {
  if (size > MAX_CALENDAR_BYTES)
    throw new CalendarError(
      l10n.t(
        'The calendar file is {0} MB; Alliances reads files up to {1} MB. Export a shorter period (the last month is enough).',
        Math.round(size / 1024 / 1024),
        MAX_CALENDAR_BYTES / 1024 / 1024,
      ),
      'too-large',
    );
}

/** Parses the text and lists the meetings that started at or after `from` and ended by `to`. */
export function readCalendarText(text: string, window: ReadWindow): CalendarRead {
  checkShape(text);
  let parsed: unknown;
  try {
    parsed = ICAL.parse(withinWindow(text, window));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CalendarError(l10n.t('The calendar file cannot be read: {0}', reason), 'unreadable');
  }
  const calendars = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
  const out: CalendarRead = { meetings: [], skipped: [], events: (text.match(/^BEGIN:VEVENT\r?$/gim) ?? []).length };
  for (const data of calendars) {
    const calendar = new ICAL.Component(data as unknown[]);
    if (calendar.name !== 'vcalendar') throw new CalendarError(l10n.t('The file is not a calendar (no VCALENDAR).'), 'not-calendar');
    const owner = normaliseEmail(String(calendar.getFirstPropertyValue('x-wr-calname') ?? ''));
    if (owner && !out.owner) out.owner = owner;
    readEvents(calendar, window, out);
  }
  const seen = new Set<string>();
  out.meetings = out.meetings
    .filter((meeting) => !seen.has(meeting.key) && Boolean(seen.add(meeting.key)))
    .sort((a, b) => a.start.getTime() - b.start.getTime());
  return out;
}

/** decodeCalendar, then readCalendarText. */
export function readCalendar(bytes: Uint8Array, window: ReadWindow): CalendarRead {
  return readCalendarText(decodeCalendar(bytes), window);
}

/** A file cut short (a sync stopped half-way) is refused as a whole: a half calendar would suggest half the truth. */
function checkShape(text: string): void {
  const trimmed = text.trim();
  if (!/^BEGIN:VCALENDAR\b/i.test(trimmed))
    throw new CalendarError(l10n.t('The file is not a calendar: an .ics file starts with BEGIN:VCALENDAR.'), 'not-calendar');
  if (!/END:VCALENDAR$/i.test(trimmed))
    throw new CalendarError(l10n.t('The calendar file is cut short (it does not end with END:VCALENDAR). Export it again.'), 'truncated');
  const begins = (trimmed.match(/^BEGIN:/gim) ?? []).length;
  const ends = (trimmed.match(/^END:/gim) ?? []).length;
  if (begins !== ends)
    throw new CalendarError(l10n.t('The calendar file is cut short or damaged (a BEGIN without its END). Export it again.'), 'truncated');
}

/** Days of slack around the window when single events are picked by their DTSTART's date (time zones reach ±14 h). */
const PICK_SLACK_MS = 2 * 24 * 3600 * 1000;
const VEVENT_BLOCK = /^BEGIN:VEVENT\r?\n[\s\S]*?^END:VEVENT\r?$/gim;

/**
 * The text without the single events that start days away from the window: a year of a busy calendar
 * is 2,000 events, and a fortnight needs a hundred of them; parsing is most of the cost. Recurring events,
 * their overrides and anything whose start cannot be read this way are kept for ical.js to decide.
 */
function withinWindow(text: string, window: ReadWindow): string {
  const day = (time: number) => new Date(time).toISOString().slice(0, 10).replace(/-/g, '');
  const first = day(window.from.getTime() - PICK_SLACK_MS);
  const last = day(window.to.getTime() + PICK_SLACK_MS);
  return text.replace(/\r?\n[ \t]/g, '').replace(VEVENT_BLOCK, (block) => {
    if (/^(RRULE|RDATE|RECURRENCE-ID)[;:]/im.test(block)) return block;
    const start = /^DTSTART[^:\r\n]*:(\d{8})/im.exec(block)?.[1];
    return start === undefined || (start >= first && start <= last) ? block : '';
  });
}

function readEvents(calendar: ICAL.Component, window: ReadWindow, out: CalendarRead): void {
  const components = calendar.getAllSubcomponents('vevent');
  // Masters and their overrides (RECURRENCE-ID), by UID: related here once, not by ical.js per event.
  const byUid = new Map<string, { master?: ICAL.Component; overrides: ICAL.Component[] }>();
  for (const component of components) {
    const uid = String(component.getFirstPropertyValue('uid') ?? '');
    const entry = byUid.get(uid) ?? { overrides: [] };
    if (component.hasProperty('recurrence-id')) entry.overrides.push(component);
    else entry.master ??= component;
    byUid.set(uid, entry);
  }
  for (const [uid, { master, overrides }] of byUid) {
    if (!master) {
      // Invited to one occurrence only: the override stands alone.
      for (const override of overrides) single(new ICAL.Event(override, { exceptions: [] }), uid, window, out);
      continue;
    }
    const event = new ICAL.Event(master, { exceptions: overrides });
    if (event.isRecurring()) recurring(event, uid, window, out);
    else single(event, uid, window, out);
  }
}

function single(event: ICAL.Event, uid: string, window: ReadWindow, out: CalendarRead): void {
  if (!event.startDate) return;
  const zone = namedZone(event);
  const key = event.isRecurrenceException() ? `${uid}|${utcKey(event.recurrenceId, zone)}` : uid;
  push(out, meetingOf(event, key, uid, event.startDate, event.endDate ?? event.startDate, window));
}

function recurring(event: ICAL.Event, uid: string, window: ReadWindow, out: CalendarRead): void {
  const from = window.from.getTime() - EXPAND_SLACK_MS;
  const to = window.to.getTime() + EXPAND_SLACK_MS;
  const zone = namedZone(event);
  const iterator = event.iterator(fastStart(event, from, zone));
  for (let count = 0; ; count++) {
    if (count >= MAX_OCCURRENCES) {
      out.skipped.push({ uid, title: event.summary ?? '', code: 'too-many-occurrences' });
      break;
    }
    const next = iterator.next();
    if (!next) break;
    const at = toDate(next, zone).getTime();
    if (at > to) break;
    if (at < from) continue;
    const details = event.getOccurrenceDetails(next);
    const key = `${uid}|${next.isDate ? next.toString() : new Date(at).toISOString()}`;
    // Not moved: its start is the instant just computed (time zones are the costly part of a year).
    const startAt = details.startDate === next ? new Date(at) : undefined;
    push(out, meetingOf(details.item, key, uid, details.startDate, details.endDate, window, startAt));
  }
  // An override moved into the window from an occurrence outside it (the iteration did not reach it);
  // one inside was listed above under the same key, and the second is dropped.
  for (const exception of Object.values<ICAL.Event>(event.exceptions))
    push(
      out,
      meetingOf(
        exception,
        `${uid}|${utcKey(exception.recurrenceId, zone)}`,
        uid,
        exception.startDate,
        exception.endDate ?? exception.startDate,
        window,
      ),
    );
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * A later start for a rule that began long before the window (a standup since 2015): whole periods
 * skipped, so the weekday, the interval, the day of the month and the wall-clock time stay the rule's.
 * Not for COUNT (it counts from the first) or finer frequencies (bounded by MAX_OCCURRENCES).
 */
function fastStart(event: ICAL.Event, from: number, zone: string | undefined): ICAL.Time | undefined {
  const rules = event.component.getAllProperties('rrule');
  const rule = rules.length === 1 ? (rules[0]?.getFirstValue() as ICAL.Recur | undefined) : undefined;
  if (!rule || rule.count) return undefined;
  const interval = Math.max(1, rule.interval || 1);
  const start = event.startDate;
  const gapDays = (from - toDate(start, zone).getTime()) / DAY_MS;
  const later = start.clone();
  if (rule.freq === 'DAILY' || rule.freq === 'WEEKLY') {
    const periodDays = rule.freq === 'WEEKLY' ? 7 * interval : lcm(interval, 7);
    // One period to spare: the first occurrence of the new start is then before the window.
    const periods = Math.floor(gapDays / periodDays) - 1;
    if (periods <= 0) return undefined;
    later.adjust(periods * periodDays, 0, 0, 0);
    return later;
  }
  if (rule.freq === 'MONTHLY' || rule.freq === 'YEARLY') {
    // Whole years (and whole intervals): the month, the day and the weekday patterns stay; not from a 29 February.
    const years = rule.freq === 'YEARLY' ? interval : lcm(interval, 12) / 12;
    const periods = Math.floor(gapDays / 366 / years) - 1;
    if (periods <= 0 || (start.month === 2 && start.day === 29)) return undefined;
    later.year += periods * years;
    return later;
  }
  return undefined;
}

function lcm(a: number, b: number): number {
  const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));
  return (a * b) / gcd(a, b);
}

function push(out: CalendarRead, meeting: Meeting | undefined): void {
  if (meeting) out.meetings.push(meeting);
}

interface EventFacts {
  cancelled: boolean;
  zone: string | undefined;
  title: string;
  organizer?: MeetingPerson;
  attendees: MeetingPerson[];
}

/** What every occurrence of an event shares, read once per event (a daily standup has hundreds). */
const factsOf = new WeakMap<ICAL.Event, EventFacts>();

function facts(event: ICAL.Event): EventFacts {
  let known = factsOf.get(event);
  if (!known) {
    const organizer = event.component.getFirstProperty('organizer');
    known = {
      cancelled: String(event.component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED',
      zone: namedZone(event),
      title: (event.summary ?? '').replace(/\s+/g, ' ').trim(),
      attendees: event.component.getAllProperties('attendee').map(personOf),
      ...(organizer ? { organizer: personOf(organizer) } : {}),
    };
    factsOf.set(event, known);
  }
  return known;
}

function meetingOf(
  event: ICAL.Event,
  key: string,
  uid: string,
  startTime: ICAL.Time,
  endTime: ICAL.Time,
  window: ReadWindow,
  startAt?: Date,
): Meeting | undefined {
  const { cancelled, zone, title, organizer, attendees } = facts(event);
  if (cancelled) return undefined;
  const start = startAt ?? toDate(startTime, zone);
  if (start < window.from) return undefined;
  const end = toDate(endTime, zone);
  if (end > window.to) return undefined;
  const meeting: Meeting = {
    key,
    uid,
    title,
    start,
    end,
    allDay: startTime.isDate,
    date: startTime.isDate ? startTime.toString().slice(0, 10) : calendarDate(start),
    attendees: [...attendees],
  };
  if (organizer) meeting.organizer = organizer;
  return meeting;
}

function personOf(property: ICAL.Property): MeetingPerson {
  const param = (name: string) => {
    const value = property.getParameter(name);
    return typeof value === 'string' ? value : Array.isArray(value) ? String(value[0] ?? '') : '';
  };
  // Apple writes EMAIL= beside a urn:uuid value; Google and Outlook a mailto: value.
  const email = normaliseEmail(param('email')) || normaliseEmail(String(property.getFirstValue() ?? ''));
  const person: MeetingPerson = {
    email,
    partStat: (param('partstat') || 'NEEDS-ACTION').toUpperCase(),
    cuType: (param('cutype') || 'INDIVIDUAL').toUpperCase(),
  };
  const name = param('cn');
  if (name) person.name = name;
  return person;
}

/** The TZID of the event's start, when the file names a zone it does not define (ical.js then reads the time as floating). */
function namedZone(event: ICAL.Event): string | undefined {
  const tzid = event.component.getFirstProperty('dtstart')?.getParameter('tzid');
  return typeof tzid === 'string' && tzid !== '' ? tzid : undefined;
}

/** A time as an instant: in its own VTIMEZONE, or an IANA zone the file names without defining it, or floating (local). */
function toDate(time: ICAL.Time, zone: string | undefined): Date {
  if (zone !== undefined && time.zone === ICAL.Timezone.localTimezone && !time.isDate) {
    const zoned = zonedToDate(time, zone);
    if (zoned) return zoned;
  }
  return time.toJSDate();
}

function utcKey(time: ICAL.Time, zone: string | undefined): string {
  return time.isDate ? time.toString() : toDate(time, zone).toISOString();
}
