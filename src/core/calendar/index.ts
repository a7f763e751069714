// The calendar reader and the suggested check-ins: readCalendar.ts (ical.js), suggestions.ts (the rules).
// Loaded only by the lazily bundled calendar feature (dist/calendar.js) and the benchmark.
import { calendarDate } from '../dates';
import { checkInPartnerIds } from '../partnerRefs';
import type { Store } from '../store';
import type { CalendarPartner } from './suggestions';

export {
  CalendarError,
  checkCalendarSize,
  decodeCalendar,
  MAX_CALENDAR_BYTES,
  MAX_OCCURRENCES,
  readCalendar,
  readCalendarText,
} from './readCalendar';
export type { CalendarErrorCode, CalendarRead, Meeting, MeetingPerson, ReadWindow } from './readCalendar';
export { normaliseEmail } from './emails';
export { DEFAULT_CALENDAR_DAYS, MAX_MEETING_PEOPLE, suggestMeetings } from './suggestions';
export type { CalendarPartner, LeftOutReason, MeetingSuggestion, SuggestionInput } from './suggestions';

/** The days looked back: from local midnight `days` days ago until now (a meeting still going on waits until it ended). */
export function calendarWindow(now: Date, days: number): { from: Date; to: Date } {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - days);
  return { from, to: now };
}

/** The store's partners as the suggestions match them. */
export function calendarPartners(store: Store): CalendarPartner[] {
  return store.partners().map(({ value }) => ({ id: value.id, name: value.name, email: value.email, archived: value.archived }));
}

/** Whether a partner has a check-in (shared or private, alone or in a group) on a local date. */
export function loggedOnIn(store: Store): (partnerId: string, date: string) => boolean {
  const days = new Set<string>();
  for (const { value } of store.checkIns())
    for (const id of checkInPartnerIds(value)) days.add(`${id} ${calendarDate(new Date(value.date))}`);
  return (partnerId, date) => days.has(`${partnerId} ${date}`);
}
