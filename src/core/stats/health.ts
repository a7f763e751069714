// Relationship health: rating trends per department and per partner, and the relationships that are
// slipping — ratings falling, or the cadence missed twice in a row — listed first so they get attention.
import { cadenceOf } from '../cadence';
import type { Partner } from '../model';
import { calendarDay, daysBetween, type Selection, type StatCheckIn } from './input';

/** Average rating of one calendar month (yyyy-MM). */
export interface MonthRating {
  month: string;
  average: number;
  count: number;
}

export interface RatingTrend {
  key: string;
  label: string;
  months: MonthRating[];
  /** Average of all rated check-ins in the range, if any. */
  average?: number;
  count: number;
}

export type SlippingReason = 'ratings-falling' | 'cadence-missed';

export interface Slipping {
  partnerId: string;
  name: string;
  department: string;
  reasons: SlippingReason[];
  /** Average of the last two ratings minus the average of up to three before them (negative: falling). */
  ratingChange?: number;
  /** How far past the cadence the last two intervals went, in days (each > 0 when missed). */
  missedBy?: [number, number];
  /** One sentence a person reads: why it is listed. */
  why: string;
}

/** A rating trend needs at least this many rated check-ins to say "falling". */
export const MIN_RATINGS_FOR_TREND = 3;
/** Falling: the last two ratings average at least this much below the ones before. */
export const FALLING_THRESHOLD = 1;

function monthOf(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

function trendOf(key: string, label: string, checkIns: readonly StatCheckIn[]): RatingTrend {
  const months = new Map<string, { sum: number; count: number }>();
  let sum = 0;
  let count = 0;
  for (const c of checkIns) {
    const rating = c.value.rating;
    if (rating === undefined) continue;
    const month = monthOf(c.time);
    const entry = months.get(month) ?? { sum: 0, count: 0 };
    entry.sum += rating;
    entry.count++;
    months.set(month, entry);
    sum += rating;
    count++;
  }
  return {
    key,
    label,
    months: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, m]) => ({ month, average: round1(m.sum / m.count), count: m.count })),
    average: count > 0 ? round1(sum / count) : undefined,
    count,
  };
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Monthly rating averages per department, over the check-ins in the range (departments without ratings left out). */
export function departmentTrends(selection: Pick<Selection, 'checkIns' | 'partnerById'>): RatingTrend[] {
  const groups = groupBy(selection.checkIns, (c) => selection.partnerById.get(c.value.partnerId)?.department);
  return [...groups]
    .map(([department, list]) => trendOf(department, department, list))
    .filter((t) => t.count > 0)
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** Monthly rating averages per partner with ratings in the range, lowest average first. */
export function partnerTrends(selection: Pick<Selection, 'checkIns' | 'partnerById'>): RatingTrend[] {
  const groups = groupBy(selection.checkIns, (c) => c.value.partnerId);
  const trends: RatingTrend[] = [];
  for (const [id, list] of groups) {
    const partner = selection.partnerById.get(id);
    if (partner) trends.push(trendOf(id, partner.name, list));
  }
  return trends.filter((t) => t.count > 0).sort((a, b) => (a.average ?? 0) - (b.average ?? 0) || a.label.localeCompare(b.label));
}

/** Average of the last two ratings minus the average of up to three before them; undefined with fewer than three. */
export function ratingChange(ratings: readonly number[]): number | undefined {
  if (ratings.length < MIN_RATINGS_FOR_TREND) return undefined;
  const last = ratings.slice(-2);
  const before = ratings.slice(-5, -2);
  return round1(last.reduce((s, r) => s + r, 0) / last.length - before.reduce((s, r) => s + r, 0) / before.length);
}

/**
 * Days by which the last two intervals between contacts went past the cadence. The interval running
 * now (last check-in → as-of day) counts only once it is over: a partner not yet due has not missed it.
 */
export function missedIntervals(times: readonly number[], cadenceDays: number, asOf: number): [number, number] | undefined {
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) gaps.push(daysBetween(times[i - 1], times[i]));
  if (times.length > 0) {
    const open = daysBetween(times[times.length - 1], asOf);
    if (open > cadenceDays) gaps.push(open);
  }
  if (gaps.length < 2) return undefined;
  const [a, b] = gaps.slice(-2).map((gap) => gap - cadenceDays);
  return a > 0 && b > 0 ? [a, b] : undefined;
}

/**
 * Slipping relationships, worst first: both reasons before one, then the steepest rating fall, then the
 * longest overdue. Looks at each partner's whole history up to the as-of day (a trend needs history);
 * snoozed partners are left out (a snooze is a decision).
 */
export function slipping(selection: Pick<Selection, 'partners' | 'history'>, defaultCadenceDays: number, asOf: Date): Slipping[] {
  const byPartner = groupBy(selection.history, (c) => c.value.partnerId);
  const asOfTime = asOf.getTime();
  const today = calendarDay(asOfTime);
  const result: Slipping[] = [];
  for (const partner of selection.partners) {
    if (partner.snoozedUntil && partner.snoozedUntil >= today) continue;
    const list = byPartner.get(partner.id) ?? [];
    const change = ratingChange(list.flatMap((c) => (c.value.rating === undefined ? [] : [c.value.rating])));
    const falling = change !== undefined && change <= -FALLING_THRESHOLD;
    const missed = missedIntervals(list.map((c) => c.time), cadenceOf(partner, defaultCadenceDays), asOfTime);
    if (!falling && !missed) continue;
    result.push(describe(partner, falling ? change : undefined, missed));
  }
  return result.sort(
    (a, b) =>
      b.reasons.length - a.reasons.length ||
      (a.ratingChange ?? 0) - (b.ratingChange ?? 0) ||
      (b.missedBy?.[1] ?? 0) - (a.missedBy?.[1] ?? 0) ||
      a.name.localeCompare(b.name),
  );
}

function describe(partner: Partner, change: number | undefined, missed: [number, number] | undefined): Slipping {
  const reasons: SlippingReason[] = [];
  const parts: string[] = [];
  if (change !== undefined) {
    reasons.push('ratings-falling');
    parts.push(`ratings down ${Math.abs(change).toFixed(1)} points`);
  }
  if (missed) {
    reasons.push('cadence-missed');
    parts.push(`cadence missed twice in a row (by ${missed[0]} and ${missed[1]} days)`);
  }
  const why = parts.join('; ');
  return { partnerId: partner.id, name: partner.name, department: partner.department, reasons, ratingChange: change, missedBy: missed, why: why.charAt(0).toUpperCase() + why.slice(1) };
}
