import * as l10n from '@vscode/l10n';
import { calendarDate, dayNumberOfText, displayMonthDay, localDayNumber, monthDay, startOfDayNumber } from './dates';
import { onL10nConfigured } from './l10nConfig';
import { english, type Translator } from './translator';
import type { Manifest, Partner } from './model';
import { type CadenceSource, type DueStatus } from './vocabulary';

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

/** The team's defaults (alliances.json) over the user's setting: what decides a partner's cadence. */
export interface CadencePolicy {
  settingDays: number;
  team?: NonNullable<Manifest['defaults']>;
}

export interface CadenceRule {
  days: number;
  source: CadenceSource;
  /** The tag or department whose rule it is. */
  detail?: string;
}

/** A policy, or just a number of days (the setting alone). */
export type CadenceInput = CadencePolicy | number;

interface CompiledRules {
  byTag: Map<string, { days: number; name: string }>;
  byDepartment: Map<string, { days: number; name: string }>;
}
const compiled = new WeakMap<object, CompiledRules>();

/** Rule names match case-insensitively ("Exec" and "exec"): compiled once per manifest. */
function rulesOf(team: NonNullable<Manifest['defaults']>): CompiledRules {
  let rules = compiled.get(team);
  if (!rules) {
    const lower = (record: Record<string, number> | undefined) =>
      new Map(Object.entries(record ?? {}).map(([name, days]) => [name.toLowerCase(), { days, name }]));
    rules = { byTag: lower(team.cadenceByTag), byDepartment: lower(team.cadenceByDepartment) };
    compiled.set(team, rules);
  }
  return rules;
}

/**
 * The rule that gives a partner's cadence: their own wins; then the team's rule for one of their tags
 * (the shortest, when several match: a tier asks for more attention, not less); then the team's rule
 * for their department; then the team's default; then the user's setting.
 */
export function cadenceRuleOf(partner: Partner, policy: CadenceInput): CadenceRule {
  if (partner.cadenceDays !== undefined) return { days: partner.cadenceDays, source: 'partner' };
  if (typeof policy === 'number') return { days: policy, source: 'setting' };
  const team = policy.team;
  if (team) {
    const rules = rulesOf(team);
    if (rules.byTag.size > 0 && partner.tags) {
      let best: { days: number; name: string } | undefined;
      for (const tag of partner.tags) {
        const rule = rules.byTag.get(tag.toLowerCase());
        if (rule && (!best || rule.days < best.days)) best = rule;
      }
      if (best) return { days: best.days, source: 'tag', detail: best.name };
    }
    const department = rules.byDepartment.size > 0 ? rules.byDepartment.get(partner.department.toLowerCase()) : undefined;
    if (department) return { days: department.days, source: 'department', detail: department.name };
    if (team.cadenceDays !== undefined) return { days: team.cadenceDays, source: 'team' };
  }
  return { days: policy.settingDays, source: 'setting' };
}

export function cadenceOf(partner: Partner, policy: CadenceInput): number {
  if (partner.cadenceDays !== undefined) return partner.cadenceDays;
  return typeof policy === 'number' ? policy : cadenceRuleOf(partner, policy).days;
}

/** Days after the cadence that a partner is "due" before "overdue" (0: overdue at once). */
export function graceDaysOf(policy: CadenceInput): number {
  return typeof policy === 'number' ? 0 : (policy.team?.graceDays ?? 0);
}

/**
 * Next due = last check-in of any kind + cadence. A partner never checked in is due from the day they
 * were added: a new alliance starts with a conversation. A snooze moves the due date to its end;
 * archived partners are never due.
 */
export function computeDueState(partner: Partner, lastCheckIn: Date | undefined, policy: CadenceInput, now: Date): DueState {
  if (partner.archived)
    return { status: 'archived', days: Number.POSITIVE_INFINITY, label: dueStateLabel({ status: 'archived', days: 0 }, now), lastCheckIn };

  // Calendar-day arithmetic on day numbers: this runs for every partner on every change.
  const today = todayOf(now);
  const base = lastCheckIn ? localDayNumber(lastCheckIn) + cadenceOf(partner, policy) : dayNumberOfText(partner.createdAt);
  const snoozedUntil = partner.snoozedUntil ? dayNumberOfText(partner.snoozedUntil) : undefined;
  if (snoozedUntil !== undefined && snoozedUntil > today && base <= snoozedUntil) {
    const dueDate = midnightOf(snoozedUntil);
    return {
      status: 'snoozed',
      dueDate,
      days: snoozedUntil - today,
      label: dueStateLabel({ status: 'snoozed', dueDate, days: snoozedUntil - today }, now),
      lastCheckIn,
    };
  }
  const due = snoozedUntil !== undefined && snoozedUntil > base ? snoozedUntil : base;
  const days = due - today;
  if (days < 0 && -days <= graceDaysOf(policy))
    return { status: 'due', dueDate: midnightOf(due), days, label: graceLabel(days), lastCheckIn };
  const status: DueStatus = days < 0 ? 'overdue' : days <= DUE_SOON_DAYS ? 'dueSoon' : 'later';
  return { status, dueDate: midnightOf(due), days, label: cachedDueLabel(days, lastCheckIn === undefined), lastCheckIn };
}

/**
 * Today's day number and the midnights of due days, kept for one `now`: viewPartners passes the same
 * `now` for 1,000 partners, and local-time conversions are most of a due state's cost.
 */
let clockNow: Date | undefined;
let clockTime = Number.NaN;
let clockToday = 0;
const midnights = new Map<number, number>();

function todayOf(now: Date): number {
  const time = now.getTime();
  if (now !== clockNow || time !== clockTime) {
    clockNow = now;
    clockTime = time;
    clockToday = localDayNumber(now);
    midnights.clear();
  }
  return clockToday;
}

/** Local midnight of a day, as a new Date (callers may change it); after todayOf() of the same `now`. */
function midnightOf(day: number): Date {
  let time = midnights.get(day);
  if (time === undefined) {
    time = startOfDayNumber(day).getTime();
    midnights.set(day, time);
  }
  return new Date(time);
}

/**
 * dueLabel() in the display language, by day count: formatting a message costs more than the rest of a
 * due state, and 1,000 partners share a few dozen labels. Dropped when the language bundle changes.
 */
const dueLabels = new Map<number, string>();
onL10nConfigured(() => dueLabels.clear());

function cachedDueLabel(days: number, neverCheckedIn: boolean): string {
  // "no check-in yet" is the only label that depends on more than the day count.
  if (days === 0 && neverCheckedIn) return dueLabel(days, true);
  let label = dueLabels.get(days);
  if (label === undefined) {
    label = dueLabel(days);
    if (dueLabels.size < 2000) dueLabels.set(days, label);
  }
  return label;
}

/** "6 days overdue", "snoozed until Dec 2"…: in the display language, or in English for shared files. */
export function dueStateLabel(
  due: Pick<DueState, 'status' | 'days' | 'dueDate' | 'lastCheckIn'>,
  today: Date,
  translator: Translator = l10n,
): string {
  // Named l10n so that the string extractor (@vscode/l10n-dev) finds these messages.
  const l10n = translator;
  if (due.status === 'archived') return l10n.t('archived');
  if (due.status === 'snoozed' && due.dueDate) return l10n.t('snoozed until {0}', formatShortDate(due.dueDate, today, translator));
  if (due.status === 'due') return graceLabel(due.days, translator);
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

/** Within the grace period: "due since yesterday", "due for 3 days" (not yet "overdue"). */
export function graceLabel(days: number, translator: Translator = l10n): string {
  const l10n = translator;
  return days === -1 ? l10n.t('due since yesterday') : l10n.t('due for {0} days', -days);
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
