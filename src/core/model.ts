import * as v from 'valibot';
import {
  ASK_DIRECTIONS,
  ASK_STATUSES,
  CHECK_IN_KINDS,
  FOLLOW_UP_OWNERS,
  MAX_GROUP_PARTNERS,
  MAX_RATING,
  MAX_TAGS,
  MIN_RATING,
  type CollectionKind,
} from './vocabulary';
import {
  AuthorSchema,
  calendarDate,
  cadenceSchema,
  codeAreasSchema,
  id,
  recordBase,
  required,
  text,
  timestamp,
  version,
} from './schemaParts';
import { InitiativeSchema, StanceSchema } from './initiativeModel';
import { ConcernSchema, VoteSchema } from './concernModel';

// The word lists and their labels live in vocabulary.ts: import them from there. The building blocks
// (ids, dates, texts) live in schemaParts.ts; initiatives and stances in initiativeModel.ts.
export { AuthorSchema, cadenceSchema, isRealCalendarDate } from './schemaParts';
export { InitiativeSchema, StanceSchema } from './initiativeModel';
export { ConcernSchema, VoteSchema } from './concernModel';

/** The schema version this build writes. Records with a higher one are shown read-only. */
export const SCHEMA_VERSION = 1;
export const STORE_FORMAT = 'alliances';

/** A free tag (`exec`, `launch-q1`): one word, so that `tag:exec` filters and CSV cells stay simple. */
export const tagSchema = v.pipe(
  v.string(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(60, 'must be at most 60 characters'),
  v.regex(/^[^\s,]+$/u, 'must be one word: no spaces or commas'),
);

// looseObject keeps fields this build does not know, so a teammate on a newer version loses nothing.
export const PartnerSchema = v.looseObject({
  schemaVersion: version,
  id,
  name: required(200),
  role: v.optional(text(200)),
  department: required(100),
  email: v.optional(text(320)),
  /** Their company, for vendors, customers, agencies and research partners. */
  organisation: v.optional(text(200)),
  tags: v.optional(v.pipe(v.array(tagSchema), v.maxLength(MAX_TAGS, `must have at most ${MAX_TAGS} tags`))),
  cadenceDays: v.optional(cadenceSchema),
  leads: v.optional(v.array(text(200))),
  /** Code this partner cares about: workspace-relative paths or globs (billing/**, src/checkout/). */
  codeAreas: v.optional(codeAreasSchema),
  snoozedUntil: v.optional(calendarDate),
  archived: v.optional(v.boolean()),
  createdAt: timestamp,
  updatedAt: timestamp,
  author: AuthorSchema,
  updatedBy: v.optional(AuthorSchema),
});

const distinctIds = (ids: string[]) => new Set(ids).size === ids.length;

/**
 * A check-in with one partner, or a group check-in: `partnerIds` lists everyone in it, `partnerId`
 * (always one of them) is the first, so a build that knows only `partnerId` still files it under them.
 */
export const CheckInSchema = v.pipe(
  v.looseObject({
    schemaVersion: version,
    id,
    partnerId: id,
    partnerIds: v.optional(
      v.pipe(
        v.array(id),
        v.minLength(1, 'must name at least one partner'),
        v.maxLength(MAX_GROUP_PARTNERS, `must name at most ${MAX_GROUP_PARTNERS} partners`),
        v.check(distinctIds, 'must not name a partner twice'),
      ),
    ),
    /** Teammates who were there besides the author. */
    present: v.optional(
      v.pipe(v.array(AuthorSchema), v.maxLength(MAX_GROUP_PARTNERS, `must name at most ${MAX_GROUP_PARTNERS} teammates`)),
    ),
    date: timestamp,
    kind: v.picklist(CHECK_IN_KINDS, `must be one of ${CHECK_IN_KINDS.join(', ')}`),
    rating: v.optional(v.pipe(v.number(), v.integer(), v.minValue(MIN_RATING), v.maxValue(MAX_RATING))),
    summary: text(2000),
    /** Markdown notes of the full form (shared; private notes live in private/notes/). */
    notes: v.optional(text(200_000)),
    /** The initiative the check-in was about, if any (who to win over next counts from it). */
    initiativeId: v.optional(id),
    createdAt: timestamp,
    updatedAt: timestamp,
    author: AuthorSchema,
    updatedBy: v.optional(AuthorSchema),
  }),
  v.forward(
    v.check((c) => c.partnerIds === undefined || c.partnerIds.includes(c.partnerId), 'must include partnerId'),
    ['partnerIds'],
  ),
);

/** Where a talking point came from: a place in the workspace's code at a commit. */
export const CodeSourceSchema = v.looseObject({
  path: v.pipe(
    v.string(),
    v.minLength(1),
    v.maxLength(1000),
    v.check((p) => !p.startsWith('/') && !p.split('/').includes('..'), 'must be a workspace-relative path'),
  ),
  startLine: v.pipe(v.number(), v.integer(), v.minValue(1)),
  endLine: v.pipe(v.number(), v.integer(), v.minValue(1)),
  commit: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{7,64}$/, 'must be a git commit id'))),
  snippet: v.optional(text(4000)),
});

/** Something to bring up with a partner; it stays on the agenda until a check-in covers it. */
export const TalkingPointSchema = v.looseObject({
  ...recordBase,
  partnerId: id,
  text: required(2000),
  source: v.optional(CodeSourceSchema),
  coveredIn: v.optional(id),
  coveredAt: v.optional(timestamp),
  /** The concern it was made from (Turn Concern into Talking Points), if any. */
  concernId: v.optional(id),
});

/** An action item: carried over from check-in to check-in until it is done. "me" is its author. */
export const FollowUpSchema = v.looseObject({
  ...recordBase,
  partnerId: id,
  checkInId: v.optional(id),
  text: required(2000),
  owner: v.picklist(FOLLOW_UP_OWNERS, `must be one of ${FOLLOW_UP_OWNERS.join(', ')}`),
  teammate: v.optional(text(200)),
  due: v.optional(calendarDate),
  done: v.optional(v.boolean()),
  doneAt: v.optional(timestamp),
});

/** A commit that delivered an ask: its id, and its subject and date as they were when accepted. */
export const DeliveredInSchema = v.looseObject({
  commit: v.pipe(v.string(), v.regex(/^[0-9a-f]{40,64}$/, 'must be a git commit id')),
  subject: v.optional(text(1000)),
  date: v.optional(timestamp),
});

/** One side of a "help me" conversation: what I asked them, or what they asked me. */
export const AskSchema = v.looseObject({
  ...recordBase,
  partnerId: id,
  checkInId: v.optional(id),
  direction: v.picklist(ASK_DIRECTIONS, `must be one of ${ASK_DIRECTIONS.join(', ')}`),
  text: required(2000),
  status: v.picklist(ASK_STATUSES, `must be one of ${ASK_STATUSES.join(', ')}`),
  /** The commit on the default branch that delivered it (accepted from its `Alliances-Ask` trailer). */
  deliveredIn: v.optional(DeliveredInSchema),
});

/** Private notes of a check-in, under private/notes/<check-in id>.json: never committed. */
export const NoteSchema = v.looseObject({
  ...recordBase,
  checkInId: id,
  notes: text(200_000),
});

/** "Dana works with Priya": two partners and how they are connected (a kind offered or an own word). */
export const ConnectionSchema = v.pipe(
  v.looseObject({
    ...recordBase,
    fromId: id,
    toId: id,
    kind: required(60),
    note: v.optional(text(2000)),
  }),
  v.forward(
    v.check((c) => c.fromId !== c.toId, 'must be another partner than fromId'),
    ['toId'],
  ),
);

const cadenceRules = v.record(v.pipe(v.string(), v.minLength(1), v.maxLength(100)), cadenceSchema);

export const ManifestSchema = v.looseObject({
  format: v.literal(STORE_FORMAT, `must be "${STORE_FORMAT}"`),
  schemaVersion: version,
  defaults: v.optional(
    v.looseObject({
      cadenceDays: v.optional(cadenceSchema),
      /** Team cadence by tag (`exec`: 14) and by department (`Vendor`: 45); a partner's own wins. */
      cadenceByTag: v.optional(cadenceRules),
      cadenceByDepartment: v.optional(cadenceRules),
      /** Days after the cadence a partner is "due" before "overdue". */
      graceDays: v.optional(v.pipe(v.number(), v.integer('must be a whole number of days'), v.minValue(0), v.maxValue(365))),
    }),
  ),
  createdAt: v.optional(timestamp),
});

export type Author = v.InferOutput<typeof AuthorSchema>;
export type Partner = v.InferOutput<typeof PartnerSchema>;
export type CheckIn = v.InferOutput<typeof CheckInSchema>;
export type Manifest = v.InferOutput<typeof ManifestSchema>;
export type TalkingPoint = v.InferOutput<typeof TalkingPointSchema>;
export type FollowUp = v.InferOutput<typeof FollowUpSchema>;
export type Ask = v.InferOutput<typeof AskSchema>;
export type Note = v.InferOutput<typeof NoteSchema>;
export type Connection = v.InferOutput<typeof ConnectionSchema>;
export type CodeSource = v.InferOutput<typeof CodeSourceSchema>;
export type Initiative = v.InferOutput<typeof InitiativeSchema>;
export type Stance = v.InferOutput<typeof StanceSchema>;
export type Concern = v.InferOutput<typeof ConcernSchema>;
export type Vote = v.InferOutput<typeof VoteSchema>;

/** Every record kind but the manifest (vocabulary.ts's COLLECTION_KINDS: each must be here) and its type. */
export interface RecordTypes extends Record<CollectionKind, object> {
  partner: Partner;
  checkIn: CheckIn;
  talkingPoint: TalkingPoint;
  followUp: FollowUp;
  ask: Ask;
  note: Note;
  connection: Connection;
  initiative: Initiative;
  stance: Stance;
  concern: Concern;
  vote: Vote;
}
export const SCHEMAS = {
  manifest: ManifestSchema,
  partner: PartnerSchema,
  checkIn: CheckInSchema,
  talkingPoint: TalkingPointSchema,
  followUp: FollowUpSchema,
  ask: AskSchema,
  note: NoteSchema,
  connection: ConnectionSchema,
  initiative: InitiativeSchema,
  stance: StanceSchema,
  concern: ConcernSchema,
  vote: VoteSchema,
} as const;
