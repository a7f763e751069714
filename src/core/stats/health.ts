// Relationship health: rating trends per department and per partner, and the relationships that are
// slipping — ratings falling, or the cadence missed twice in a row — listed first so they get attention.
import { cadenceOf } from '../cadence';
import type { Partner } from '../model';
import { calendarDay, dayNumber, dayNumberOf, monthOf, type Selection, type StatCheckIn } from './input';

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

function trendOf(key: string, label: string, checkIns: readonly StatCheckIn[]): RatingTrend {
  const months = new Map<string, { sum: number; count: number }>();
  let sum = 0;
  let count = 0;
  for (const c of checkIns) {
    const rating = c.value.rating;
    if (rating === undefined) continue;
    const month = monthOf(c);
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

/** The last `count` ratings of check-ins (oldest first), skipping unrated ones. */
function lastRatings(list: readonly StatCheckIn[], count: number): number[] {
  const ratings: number[] = [];
  for (let i = list.length - 1; i >= 0 && ratings.length < count; i--) {
    const rating = list[i].value.rating;
    if (rating !== undefined) ratings.unshift(rating);
  }
  return ratings;
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
export function missedIntervals(days: readonly number[], cadenceDays: number, asOfDay: number): [number, number] | undefined {
  // Only the last three contacts and today matter.
  const n = days.length;
  if (n === 0) return undefined;
  const open = asOfDay - days[n - 1];
  const gaps: number[] = [];
  if (n >= 3) gaps.push(days[n - 2] - days[n - 3]);
  if (n >= 2) gaps.push(days[n - 1] - days[n - 2]);
  if (open > cadenceDays) gaps.push(open);
  if (gaps.length < 2) return undefined;
  const a = gaps[gaps.length - 2] - cadenceDays;
  const b = gaps[gaps.length - 1] - cadenceDays;
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
  const asOfDay = dayNumber(asOfTime);
  const today = calendarDay(asOfTime);
  const result: Slipping[] = [];
  for (const partner of selection.partners) {
    if (partner.snoozedUntil && partner.snoozedUntil >= today) continue;
    const list = byPartner.get(partner.id) ?? [];
    const change = ratingChange(lastRatings(list, 5));
    const falling = change !== undefined && change <= -FALLING_THRESHOLD;
    const missed = missedIntervals(list.slice(-3).map(dayNumberOf), cadenceOf(partner, defaultCadenceDays), asOfDay);
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
