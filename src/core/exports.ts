// What the Export commands write: partners as CSV, upcoming check-ins as an iCalendar file.
import { addDays, setHours, startOfDay } from 'date-fns';
import { calendarDate } from './dates';
import { openTalkingPoints } from './agenda';
import { cadenceOf, dueStateLabel } from './cadence';
import { english } from './translator';
import { toCsv } from './csv';
import { toIcs, type CalendarEvent } from './ics';
import { viewPartners } from './partnerView';
import type { Store } from './store';

export interface ExportOptions {
  now: Date;
  defaultCadenceDays: number;
}

export const PARTNER_CSV_HEADER = [
  'Name',
  'Role',
  'Department',
  'Email',
  'Cadence (days)',
  'Leads',
  'Organisation',
  'Tags',
  'Last check-in',
  'Next due',
  'Status',
  'Id',
];

/** Every partner (archived ones too, marked), most urgent first; the columns Import understands. */
export function partnersCsv(store: Store, options: ExportOptions): string {
  const cadence = store.cadencePolicy(options.defaultCadenceDays);
  const rows = viewPartners(store, options.defaultCadenceDays, options.now).map(({ record: { value: partner }, due, lastCheckIn }) => [
    partner.name,
    partner.role ?? '',
    partner.department,
    partner.email ?? '',
    String(cadenceOf(partner, cadence)),
    (partner.leads ?? []).join('; '),
    partner.organisation ?? '',
    (partner.tags ?? []).join(' '),
    lastCheckIn ? calendarDate(new Date(lastCheckIn.date)) : '',
    due.dueDate ? calendarDate(due.dueDate) : '',
    dueStateLabel(due, options.now, english),
    partner.id,
  ]);
  return toCsv([PARTNER_CSV_HEADER, ...rows]);
}

export interface CalendarExportOptions extends ExportOptions {
  /** How far ahead to look, in days. */
  days: number;
  /** Local hour of the day the check-in events start at. */
  hour: number;
  version: string;
}

/**
 * One event per active partner due within `days`: on the due date at `hour` local time (stored in UTC),
 * overdue ones today. The UID is the partner's, so importing a newer export moves the event.
 */
export function dueCheckInsIcs(store: Store, options: CalendarExportOptions): string {
  const today = startOfDay(options.now);
  const horizon = addDays(today, options.days);
  const events: CalendarEvent[] = [];
  for (const {
    record: { value: partner },
    due,
    lastCheckIn,
  } of viewPartners(store, options.defaultCadenceDays, options.now)) {
    if (due.status === 'archived' || !due.dueDate || due.dueDate > horizon) continue;
    const day = due.dueDate < today ? today : due.dueDate;
    const agenda = openTalkingPoints(store, partner.id).filter((point) => !point.private);
    const description = [
      [partner.role, partner.department].filter(Boolean).join(', '),
      `Check-in ${dueStateLabel(due, options.now, english)}.`,
      lastCheckIn
        ? `Last: ${calendarDate(new Date(lastCheckIn.date))}${store.get('checkIn', lastCheckIn.id)?.private ? ' (private)' : `, ${lastCheckIn.summary}`}`
        : 'No check-in yet.',
      ...(agenda.length > 0 ? ['Talking points:', ...agenda.map((point) => `- ${point.value.text}`)] : []),
    ].join('\n');
    events.push({
      uid: `checkin-${partner.id}@alliances`,
      start: setHours(day, options.hour),
      duration: 30,
      summary: `Check-in: ${partner.name}`,
      description,
      categories: ['Alliances', partner.department],
    });
  }
  events.sort((a, b) => a.start.getTime() - b.start.getTime() || a.summary.localeCompare(b.summary));
  return toIcs(events, { prodId: `-//Alliances//Alliances ${options.version}//EN`, name: 'Alliances check-ins', now: options.now });
}
