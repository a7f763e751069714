// The building blocks of the record schemas (ids, dates, texts, the author, the fields every record
// has), shared by model.ts and the schema files beside it (initiativeModel.ts), so that neither imports
// the other. The rule messages here get a sentence each in schemaIssues.ts, as model.ts's do.
import * as v from 'valibot';
import { ID_PATTERN } from './vocabulary';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Date.parse rolls 2026-02-30 over to March: check the calendar ourselves. Plain arithmetic on the
 * yyyy-MM-dd prefix's character codes (the format itself is checked by valibot): this runs for every
 * date of every record, 200,000 times in a large store's load.
 */
export function isRealCalendarDate(text: string): boolean {
  if (text.length < 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

const DASH = 45;
const ZERO = 48;

/** The number written by `count` ASCII digits from `start`, or -1 when one is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

export const timestamp = v.pipe(
  v.string(),
  v.isoTimestamp('must be an ISO 8601 date and time, e.g. 2026-11-21T09:30:00.000Z'),
  v.check(isRealCalendarDate, 'is not a real date'),
);
export const calendarDate = v.pipe(
  v.string(),
  v.isoDate('must be an ISO date, e.g. 2026-12-02'),
  v.check(isRealCalendarDate, 'is not a real date'),
);
export const id = v.pipe(v.string(), v.regex(ID_PATTERN, 'must be a 26-character lowercase id'));
export const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `must be at most ${max} characters`));
export const required = (max: number) =>
  v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));
export const version = v.pipe(v.number(), v.integer(), v.minValue(1));
export const cadenceSchema = v.pipe(v.number(), v.integer('must be a whole number of days'), v.minValue(1), v.maxValue(365));

export const AuthorSchema = v.looseObject({
  name: text(200),
  email: v.optional(text(320)),
});

/** The fields every record has. */
export const recordBase = {
  schemaVersion: version,
  id,
  createdAt: timestamp,
  updatedAt: timestamp,
  author: AuthorSchema,
  updatedBy: v.optional(AuthorSchema),
};

/** Code a partner or an initiative cares about: workspace-relative paths or globs (billing/**, src/checkout/). */
export const codeAreasSchema = v.pipe(v.array(v.pipe(v.string(), v.maxLength(500))), v.maxLength(50));
