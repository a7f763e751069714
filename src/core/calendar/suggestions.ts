// Which meetings of a calendar become suggested check-ins for one store: a partner (by email) was there,
// the user did not decline, it was not a crowd, and it is not logged or dismissed yet. The rules and why:
// docs/decisions/calendar-suggestions.md.
import { normaliseEmail } from './emails';
import type { Meeting, MeetingPerson } from './readCalendar';

/** A meeting with more people than this (organiser and attendees, rooms left out) is not a check-in. */
export const MAX_MEETING_PEOPLE = 10;
/** The days looked back by default (`alliances.calendar.days`). */
export const DEFAULT_CALENDAR_DAYS = 14;

export interface CalendarPartner {
  id: string;
  name: string;
  email?: string;
  archived?: boolean;
}

export interface SuggestionInput {
  meetings: readonly Meeting[];
  partners: readonly CalendarPartner[];
  /** The user's own addresses (git identity, the calendar's owner): their DECLINED leaves the meeting out. */
  selfEmails: readonly string[];
  /** Whether the partner has a check-in (shared or private) on that local date. */
  loggedOn(partnerId: string, date: string): boolean;
  /** Meeting keys dismissed on this machine. */
  dismissed: ReadonlySet<string>;
}

export interface MeetingSuggestion {
  key: string;
  title: string;
  start: Date;
  date: string;
  allDay: boolean;
  /** The partners who were there and have no check-in that day, in the partners' order. */
  partnerIds: string[];
}

export type LeftOutReason = 'declined' | 'too-large' | 'no-partner' | 'logged' | 'dismissed';

/** The suggestions, newest first; `leftOut` says why each other meeting was not suggested (for tests and the log). */
export function suggestMeetings(input: SuggestionInput): { suggestions: MeetingSuggestion[]; leftOut: Map<string, LeftOutReason> } {
  const self = new Set(input.selfEmails.map(normaliseEmail).filter(Boolean));
  const byEmail = new Map<string, CalendarPartner[]>();
  for (const partner of input.partners) {
    const email = normaliseEmail(partner.email ?? '');
    if (!email || partner.archived || self.has(email)) continue;
    byEmail.set(email, [...(byEmail.get(email) ?? []), partner]);
  }
  const suggestions: MeetingSuggestion[] = [];
  const leftOut = new Map<string, LeftOutReason>();
  for (const meeting of input.meetings) {
    const reason = judge(meeting, self, byEmail, input, (partnerIds) =>
      suggestions.push({
        key: meeting.key,
        title: meeting.title,
        start: meeting.start,
        date: meeting.date,
        allDay: meeting.allDay,
        partnerIds,
      }),
    );
    if (reason) leftOut.set(meeting.key, reason);
  }
  suggestions.sort((a, b) => b.start.getTime() - a.start.getTime());
  return { suggestions, leftOut };
}

function judge(
  meeting: Meeting,
  self: ReadonlySet<string>,
  byEmail: ReadonlyMap<string, CalendarPartner[]>,
  input: SuggestionInput,
  suggest: (partnerIds: string[]) => void,
): LeftOutReason | undefined {
  if (input.dismissed.has(meeting.key)) return 'dismissed';
  const people = everyone(meeting);
  if (people.some((person) => self.has(person.email) && person.partStat === 'DECLINED')) return 'declined';
  if (headCount(people) > MAX_MEETING_PEOPLE) return 'too-large';
  const there = new Set<string>();
  for (const person of people) {
    if (person.partStat === 'DECLINED') continue;
    for (const partner of byEmail.get(person.email) ?? []) there.add(partner.id);
  }
  if (there.size === 0) return 'no-partner';
  const ids = input.partners.map((partner) => partner.id).filter((id) => there.has(id) && !input.loggedOn(id, meeting.date));
  if (ids.length === 0) return 'logged';
  suggest(ids);
  return undefined;
}

/** The organiser and the attendees; the organiser is there even when not listed as an attendee. */
function everyone(meeting: Meeting): MeetingPerson[] {
  const people = [...meeting.attendees];
  const organizer = meeting.organizer;
  if (organizer?.email && !people.some((person) => person.email === organizer.email))
    people.push({ ...organizer, partStat: organizer.partStat === 'NEEDS-ACTION' ? 'ACCEPTED' : organizer.partStat });
  return people;
}

/** People, not rooms or projectors: distinct addresses, and each person named without one. */
function headCount(people: readonly MeetingPerson[]): number {
  const humans = people.filter((person) => person.cuType !== 'ROOM' && person.cuType !== 'RESOURCE');
  return new Set(humans.map((person, index) => person.email || `#${index}`)).size;
}
