// Relationship health: rating trends per department and per partner, and the relationships that are
// slipping — ratings falling, or the cadence missed twice in a row — listed first so they get attention.
import { cadenceOf, type CadenceInput } from '../cadence';
import { calendarDate } from '../dates';
import type { Partner } from '../model';
import { dayNumber } from '../dates';
import { checkInsByPartner, dayNumberOf, monthIndexOf, type Selection, type StatCheckIn } from './input';
import { slippingWhy } from './slippingWhy';

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
  /** One sentence a person reads: why it is listed, in the display language (slippingWhy()). */
  why: string;
}

/** A rating trend needs at least this many rated check-ins to say "falling". */
export const MIN_RATINGS_FOR_TREND = 3;
/** Falling: the last two ratings average at least this much below the ones before. */
export const FALLING_THRESHOLD = 1;

/**
 * Rating sums per group and month in one pass: a month is a number (year × 12 + month), no strings.
 * Sorted by `order`; only the first `limit` get their months written out (the page lists 40 of 1,000).
 */
function monthlyTrends(
  checkIns: readonly StatCheckIn[],
  /** Calls `add` with each group the check-in counts for (a group check-in: every member's, each once). */
  groupsOf: (c: StatCheckIn, add: (key: string) => void) => void,
  labelOf: (key: string) => string,
  order: (a: RatingTrend, b: RatingTrend) => number,
  limit = Number.POSITIVE_INFINITY,
): { trends: RatingTrend[]; total: number } {
  const groups = new Map<string, { months: Map<number, { sum: number; count: number }>; sum: number; count: number }>();
  let rating = 0;
  let month = 0;
  const add = (key: string): void => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { months: new Map(), sum: 0, count: 0 }));
    const entry = group.months.get(month);
    if (entry) {
      entry.sum += rating;
      entry.count++;
    } else {
      group.months.set(month, { sum: rating, count: 1 });
    }
    group.sum += rating;
    group.count++;
  };
  for (const c of checkIns) {
    if (c.rating === undefined) continue;
    rating = c.rating;
    month = monthIndexOf(c);
    groupsOf(c, add);
  }
  const all = [...groups].map(([key, group]) => ({
    key,
    label: labelOf(key),
    months: [] as MonthRating[],
    average: round1(group.sum / group.count),
    count: group.count,
  }));
  const trends = all.sort(order).slice(0, limit);
  for (const trend of trends) {
    trend.months = [...(groups.get(trend.key)?.months ?? [])]
      .sort(([a], [b]) => a - b)
      .map(([month, m]) => ({
        month: `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`,
        average: round1(m.sum / m.count),
        count: m.count,
      }));
  }
  return { trends, total: all.length };
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Monthly rating averages per department, over the check-ins in the range (departments without ratings left out). */
export function departmentTrends(selection: Pick<Selection, 'checkIns' | 'partnerById'>): RatingTrend[] {
  const departments = (c: StatCheckIn, add: (key: string) => void) => {
    if (c.partnerIds.length === 1) {
      const department = selection.partnerById.get(c.partnerId)?.department;
      if (department !== undefined) add(department);
      return;
    }
    // A group check-in counts once for each department in it.
    const seen = new Set<string>();
    for (const id of c.partnerIds) {
      const department = selection.partnerById.get(id)?.department;
      if (department !== undefined && !seen.has(department)) {
        seen.add(department);
        add(department);
      }
    }
  };
  return monthlyTrends(
    selection.checkIns,
    departments,
    (label) => label,
    (a, b) => a.label.localeCompare(b.label),
  ).trends;
}

/** Monthly rating averages per partner with ratings in the range, lowest average first. */
export function partnerTrends(selection: Pick<Selection, 'checkIns' | 'partnerById'>): RatingTrend[] {
  return topPartnerTrends(selection, Number.POSITIVE_INFINITY).trends;
}

/** partnerTrends() for the first `limit` partners only, and how many partners have ratings. */
export function topPartnerTrends(
  selection: Pick<Selection, 'checkIns' | 'partnerById'>,
  limit: number,
): { trends: RatingTrend[]; total: number } {
  const known = (c: StatCheckIn, add: (key: string) => void) => {
    for (const id of c.partnerIds) if (selection.partnerById.has(id)) add(id);
  };
  const name = (id: string) => selection.partnerById.get(id)?.name ?? id;
  return monthlyTrends(
    selection.checkIns,
    known,
    name,
    (a, b) => (a.average ?? 0) - (b.average ?? 0) || a.label.localeCompare(b.label),
    limit,
  );
}

/** The last `count` ratings of check-ins (oldest first), skipping unrated ones. */
function lastRatings(list: readonly StatCheckIn[], count: number): number[] {
  const ratings: number[] = [];
  for (let i = list.length - 1; i >= 0 && ratings.length < count; i--) {
    const rating = list[i].rating;
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
export function slipping(selection: Pick<Selection, 'partners' | 'history'>, cadence: CadenceInput, asOf: Date): Slipping[] {
  const byPartner = checkInsByPartner(selection.history);
  const asOfTime = asOf.getTime();
  const asOfDay = dayNumber(asOfTime);
  const today = calendarDate(new Date(asOfTime));
  const result: Slipping[] = [];
  for (const partner of selection.partners) {
    if (partner.snoozedUntil && partner.snoozedUntil >= today) continue;
    const list = byPartner.get(partner.id) ?? [];
    const change = ratingChange(lastRatings(list, 5));
    const falling = change !== undefined && change <= -FALLING_THRESHOLD;
    const missed = missedIntervals(list.slice(-3).map(dayNumberOf), cadenceOf(partner, cadence), asOfDay);
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
  if (change !== undefined) reasons.push('ratings-falling');
  if (missed) reasons.push('cadence-missed');
  return {
    partnerId: partner.id,
    name: partner.name,
    department: partner.department,
    reasons,
    ratingChange: change,
    missedBy: missed,
    why: slippingWhy(change, missed),
  };
}
