import * as v from 'valibot';
import { ID_PATTERN } from './ids';

/** The schema version this build writes. Records with a higher one are shown read-only. */
export const SCHEMA_VERSION = 1;
export const STORE_FORMAT = 'alliances';

export const CHECK_IN_KINDS = ['one-on-one', 'help-me', 'ad-hoc', 'async'] as const;
export type CheckInKind = (typeof CHECK_IN_KINDS)[number];

export const DEPARTMENTS = [
  'Product', 'Design', 'Sales', 'Marketing', 'Customer Success', 'Support',
  'Data', 'Security', 'Vendor', 'Customer', 'Research',
] as const;

/** Date.parse rolls 2026-02-30 over to March: check the calendar ourselves. */
export function isRealCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && !Number.isNaN(Date.parse(text));
}

const timestamp = v.pipe(
  v.string(),
  v.isoTimestamp('must be an ISO 8601 date and time, e.g. 2026-11-21T09:30:00.000Z'),
  v.check(isRealCalendarDate, 'is not a real date'),
);
const calendarDate = v.pipe(
  v.string(),
  v.isoDate('must be an ISO date, e.g. 2026-12-02'),
  v.check(isRealCalendarDate, 'is not a real date'),
);
const id = v.pipe(v.string(), v.regex(ID_PATTERN, 'must be a 26-character lowercase id'));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `must be at most ${max} characters`));
const required = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));
const version = v.pipe(v.number(), v.integer(), v.minValue(1));
export const cadenceSchema = v.pipe(v.number(), v.integer('must be a whole number of days'), v.minValue(1), v.maxValue(365));

export const AuthorSchema = v.looseObject({
  name: text(200),
  email: v.optional(text(320)),
});

// looseObject keeps fields this build does not know, so a teammate on a newer version loses nothing.
export const PartnerSchema = v.looseObject({
  schemaVersion: version,
  id,
  name: required(200),
  role: v.optional(text(200)),
  department: required(100),
  email: v.optional(text(320)),
  cadenceDays: v.optional(cadenceSchema),
  leads: v.optional(v.array(text(200))),
  snoozedUntil: v.optional(calendarDate),
  archived: v.optional(v.boolean()),
  createdAt: timestamp,
  updatedAt: timestamp,
  author: AuthorSchema,
  updatedBy: v.optional(AuthorSchema),
});

export const CheckInSchema = v.looseObject({
  schemaVersion: version,
  id,
  partnerId: id,
  date: timestamp,
  kind: v.picklist(CHECK_IN_KINDS, `must be one of ${CHECK_IN_KINDS.join(', ')}`),
  rating: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5))),
  summary: text(2000),
  createdAt: timestamp,
  updatedAt: timestamp,
  author: AuthorSchema,
  updatedBy: v.optional(AuthorSchema),
});

export const ManifestSchema = v.looseObject({
  format: v.literal(STORE_FORMAT, `must be "${STORE_FORMAT}"`),
  schemaVersion: version,
  defaults: v.optional(v.looseObject({ cadenceDays: v.optional(cadenceSchema) })),
  createdAt: v.optional(timestamp),
});

export type Author = v.InferOutput<typeof AuthorSchema>;
export type Partner = v.InferOutput<typeof PartnerSchema>;
export type CheckIn = v.InferOutput<typeof CheckInSchema>;
export type Manifest = v.InferOutput<typeof ManifestSchema>;

export type RecordKind = 'manifest' | 'partner' | 'checkIn';
export const SCHEMAS = { manifest: ManifestSchema, partner: PartnerSchema, checkIn: CheckInSchema } as const;

export const CHECK_IN_KIND_LABELS: Record<CheckInKind, string> = {
  'one-on-one': '1:1',
  'help-me': 'Help-me',
  'ad-hoc': 'Ad hoc',
  async: 'Async',
};
