// What every dashboard statistic reads: plain records (from one or several stores), the filter the user
// chose, and the clock. Pure: no store, no vscode, so each statistic is tested on hand-built data.
import type { Ask, Author, CheckIn, Concern, Connection, Initiative, Partner, Stance, Vote } from '../model';
import type { CadenceInput } from '../cadence';
import { dayNumber, dayNumberOfText, localDayNumber, startOfDayNumber } from '../dates';
import { checkInPartnerIds } from '../partnerRefs';

/** A check-in with what the statistics need precomputed once: its time and whether it is private. */
export interface StatCheckIn {
  value: CheckIn;
  /** Milliseconds since the epoch. */
  time: number;
  /** Private check-ins count as contact, but their words never reach the themes or a report. */
  private: boolean;
  /** The value's, copied: records come in several shapes (optional fields), these loops read one. */
  partnerId: string;
  /** Every partner of it: one, or the members of a group check-in (partnerId first). */
  partnerIds: readonly string[];
  rating: number | undefined;
  /** Month (year × 12 + month), day number and author key, worked out once (monthIndexOf, dayNumberOf, authorKeyOf). */
  month?: number;
  day?: number;
  author?: string;
  /** Vocabulary ids of its words (themes.ts). A record's value never changes: a change brings a new record. */
  words?: Int32Array;
}

/** A check-in's statistics record, with every field from the start: one object shape for 50,000 of them. */
export function statCheckInOf(value: CheckIn, isPrivate: boolean): StatCheckIn {
  return {
    value,
    time: Date.parse(value.date),
    private: isPrivate,
    partnerId: value.partnerId,
    partnerIds: checkInPartnerIds(value),
    rating: value.rating,
    month: undefined,
    day: undefined,
    author: undefined,
    words: undefined,
  };
}

export interface StatsInput {
  partners: readonly Partner[];
  checkIns: readonly StatCheckIn[];
  asks: readonly Ask[];
  /** Connections between partners (the ecosystem's figures); none when left out. */
  connections?: readonly Connection[];
  /** Initiatives and stances, for the Alliances section (none: an empty section). */
  initiatives?: readonly Initiative[];
  stances?: readonly Stance[];
  /** Shared concerns and their votes, for the Concerns section (none: an empty section). */
  concerns?: readonly Concern[];
  votes?: readonly Vote[];
  /** The team's cadence rules over the setting (or just a number of days). */
  cadence: CadenceInput;
  now: Date;
}

/** The dashboard's filters. Dates are calendar days (yyyy-MM-dd, local time), both ends included. */
export interface DashboardFilter {
  from?: string;
  to?: string;
  department?: string;
  /** A partner's organisation, any case. */
  organisation?: string;
  /** One of a partner's tags, any case. */
  tag?: string;
  /** An author key (authorKey()). */
  author?: string;
}

export interface StatsOptions {
  /** A department with no contact for longer than this is a silo. */
  siloDays: number;
}

export const DEFAULT_SILO_DAYS = 45;

const authorKeys = new Map<string, string>();

/** One person across records: by email when there is one (names get typed differently), else by name. */
export function authorKey(author: Author): string {
  // Memoised by the raw text: it runs for every check-in, and a team has few distinct spellings.
  const raw = author.email?.trim() ? `e${author.email}` : `n${author.name}`;
  let key = authorKeys.get(raw);
  if (key === undefined) {
    const email = author.email?.trim().toLowerCase();
    key = email ? `email:${email}` : `name:${author.name.trim().toLowerCase()}`;
    if (authorKeys.size < 10_000) authorKeys.set(raw, key);
  }
  return key;
}

/** The local calendar month of a check-in as year × 12 + month (0–11), computed once per check-in. */
export function monthIndexOf(checkIn: StatCheckIn): number {
  if (checkIn.month === undefined) {
    const d = new Date(checkIn.time);
    checkIn.month = d.getFullYear() * 12 + d.getMonth();
  }
  return checkIn.month;
}

/** authorKey() of a check-in's author, computed once per check-in. */
export function authorKeyOf(checkIn: StatCheckIn): string {
  checkIn.author ??= authorKey(checkIn.value.author);
  return checkIn.author;
}

/** Days since 1970-01-01 of a check-in's local calendar day, computed once per check-in. */
export function dayNumberOf(checkIn: StatCheckIn): number {
  checkIn.day ??= dayNumber(checkIn.time);
  return checkIn.day;
}

/** The time range a filter selects: [start, end) in milliseconds, from local midnight to local midnight. */
export function filterRange(filter: DashboardFilter, now: Date): { start: number; end: number } {
  // dates.ts is the one reading of a yyyy-MM-dd day.
  const start = filter.from ? startOfDayNumber(dayNumberOfText(filter.from)).getTime() : Number.NEGATIVE_INFINITY;
  const lastDay = filter.to ? dayNumberOfText(filter.to) : localDayNumber(now);
  // The next day's midnight, not the last one's + 24 h: days of daylight-saving changes last 23 or 25 hours.
  return { start, end: startOfDayNumber(lastDay + 1).getTime() };
}

/** Whole calendar days between two times (local time), b − a. */
export function daysBetween(a: number, b: number): number {
  return dayNumber(b) - dayNumber(a);
}

/**
 * The records a filter selects. Partners: by department, organisation and tag (archived ones are left out: they are not
 * relationships any more). Check-ins: of those partners, by author, inside the date range, oldest first.
 * `upToEnd` keeps every check-in before the range's end: coverage and cadence look at the whole history.
 */
export interface Selection {
  partners: Partner[];
  partnerById: Map<string, Partner>;
  /** In the range, by the author, oldest first. */
  checkIns: StatCheckIn[];
  /** Before the range's end (any start), by the author, oldest first. */
  history: StatCheckIn[];
  start: number;
  end: number;
}

/**
 * One label per department whatever its case ("sales" and "Sales" are one department, as in the tree):
 * the spelling of the first partner that has it, in name order.
 */
export function departmentLabels(partners: readonly Partner[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const p of [...partners].sort((a, b) => a.name.localeCompare(b.name))) {
    const key = p.department.toLocaleLowerCase();
    if (!labels.has(key)) labels.set(key, p.department);
  }
  return labels;
}

function isSorted(list: readonly StatCheckIn[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1].time > list[i].time) return false;
  return true;
}

export function select(input: StatsInput, filter: DashboardFilter): Selection {
  const labels = departmentLabels(input.partners);
  const wanted = filter.department?.toLocaleLowerCase();
  const organisation = filter.organisation?.toLocaleLowerCase();
  const tag = filter.tag?.toLocaleLowerCase();
  const partners = input.partners
    .filter(
      (p) =>
        !p.archived &&
        (wanted === undefined || p.department.toLocaleLowerCase() === wanted) &&
        (organisation === undefined || p.organisation?.toLocaleLowerCase() === organisation) &&
        (tag === undefined || (p.tags?.some((t) => t.toLocaleLowerCase() === tag) ?? false)),
    )
    .map((p) => {
      const label = labels.get(p.department.toLocaleLowerCase()) ?? p.department;
      return label === p.department ? p : { ...p, department: label };
    });
  const partnerById = new Map(partners.map((p) => [p.id, p]));
  const { start, end } = filterRange(filter, input.now);
  const history: StatCheckIn[] = [];
  for (const checkIn of input.checkIns) {
    if (checkIn.time >= end || !includesAny(partnerById, checkIn.partnerIds)) continue;
    if (filter.author && authorKeyOf(checkIn) !== filter.author) continue;
    history.push(checkIn);
  }
  if (!isSorted(history)) history.sort((a, b) => a.time - b.time);
  const checkIns = history.filter((c) => c.time >= start);
  return { partners, partnerById, checkIns, history, start, end };
}

function includesAny(partnerById: ReadonlyMap<string, Partner>, ids: readonly string[]): boolean {
  if (ids.length === 1) return partnerById.has(ids[0]);
  return ids.some((id) => partnerById.has(id));
}

/** Check-ins by partner, in the order given: a group check-in is in the list of each of its partners. */
export function checkInsByPartner(checkIns: readonly StatCheckIn[]): Map<string, StatCheckIn[]> {
  const byPartner = new Map<string, StatCheckIn[]>();
  for (const c of checkIns) {
    for (const id of c.partnerIds) {
      const list = byPartner.get(id);
      if (list) list.push(c);
      else byPartner.set(id, [c]);
    }
  }
  return byPartner;
}
