import * as l10n from '@vscode/l10n';
import { calendarDate, dayNumberOfText, displayMonthDay, localDayNumber, monthDay, startOfDayNumber } from './dates';
import { english, type Translator } from './translator';
import type { Partner } from './model';

export type DueStatus = 'overdue' | 'dueSoon' | 'later' | 'snoozed' | 'archived';

export interface DueState {
  status: DueStatus;
  /** Start of the day the next check-in is due; undefined for archived partners. */
  dueDate?: Date;
  /** Days from today to the due date: negative when overdue. */
  days: number;
  label: string;
  /** The last check-in of any kind, when there is one. */
  lastCheckIn?: Date;
}

/** How many days ahead still count as "due this week". */
export const DUE_SOON_DAYS = 7;

export function cadenceOf(partner: Partner, defaultCadenceDays: number): number {
  return partner.cadenceDays ?? defaultCadenceDays;
}

/**
 * Next due = last check-in of any kind + cadence. A partner never checked in is due from the day they
 * were added: a new alliance starts with a conversation. A snooze moves the due date to its end;
 * archived partners are never due.
 */
export function computeDueState(partner: Partner, lastCheckIn: Date | undefined, defaultCadenceDays: number, now: Date): DueState {
  if (partner.archived) return { status: 'archived', days: Number.POSITIVE_INFINITY, label: dueStateLabel({ status: 'archived', days: 0 }, now), lastCheckIn };

  // Calendar-day arithmetic on day numbers: this runs for every partner on every change.
  const today = localDayNumber(now);
  const base = lastCheckIn ? localDayNumber(lastCheckIn) + cadenceOf(partner, defaultCadenceDays) : dayNumberOfText(partner.createdAt);
  const snoozedUntil = partner.snoozedUntil ? dayNumberOfText(partner.snoozedUntil) : undefined;
  if (snoozedUntil !== undefined && snoozedUntil > today && base <= snoozedUntil) {
    const dueDate = startOfDayNumber(snoozedUntil);
    return { status: 'snoozed', dueDate, days: snoozedUntil - today, label: dueStateLabel({ status: 'snoozed', dueDate, days: snoozedUntil - today }, now), lastCheckIn };
  }
  const due = snoozedUntil !== undefined && snoozedUntil > base ? snoozedUntil : base;
  const days = due - today;
  const status: DueStatus = days < 0 ? 'overdue' : days <= DUE_SOON_DAYS ? 'dueSoon' : 'later';
  return { status, dueDate: startOfDayNumber(due), days, label: dueLabel(days, lastCheckIn === undefined), lastCheckIn };
}

/** "6 days overdue", "snoozed until Dec 2"…: in the display language, or in English for shared files. */
export function dueStateLabel(due: Pick<DueState, 'status' | 'days' | 'dueDate' | 'lastCheckIn'>, today: Date, translator: Translator = l10n): string {
  // Named l10n so that the string extractor (@vscode/l10n-dev) finds these messages.
  const l10n = translator;
  if (due.status === 'archived') return l10n.t('archived');
  if (due.status === 'snoozed' && due.dueDate) return l10n.t('snoozed until {0}', formatShortDate(due.dueDate, today, translator));
  return dueLabel(due.days, due.lastCheckIn === undefined, translator);
}

export function dueLabel(days: number, neverCheckedIn = false, translator: Translator = l10n): string {
  const l10n = translator;
  if (days === -1) return l10n.t('1 day overdue');
  if (days < 0) return l10n.t('{0} days overdue', -days);
  if (days === 0) return neverCheckedIn ? l10n.t('no check-in yet') : l10n.t('due today');
  if (days === 1) return l10n.t('due tomorrow');
  return l10n.t('due in {0} days', days);
}

/** "Dec 2", or "Dec 2, 2027" when not this year: in the display language, or fixed English for shared files. */
export function formatShortDate(date: Date, today: Date, translator: Translator = l10n): string {
  const withYear = date.getFullYear() !== today.getFullYear();
  return translator === english ? monthDay(date, withYear) : displayMonthDay(date, withYear);
}

/** A calendar date (yyyy-MM-dd) in local time, as stored in `snoozedUntil`. */
export function toCalendarDate(date: Date): string {
  return calendarDate(date);
}

/** Sort key: most overdue first, then soonest due; snoozed and archived last. */
export function urgencyOrder(a: DueState, b: DueState): number {
  const rank = (s: DueState) => (s.status === 'archived' ? 2 : s.status === 'snoozed' ? 1 : 0);
  return rank(a) - rank(b) || a.days - b.days;
}
