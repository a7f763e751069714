// The partner page's message protocol, shared by the host (src/extension/partnerPage) and the page
// (src/webview/partnerPage). Both sides validate what they receive against these schemas: the host
// every message from the page (the page is untrusted: it renders text that teammates wrote), the page
// every message from the host. Only valibot and core's vocabulary (pure, small) here: this file is
// bundled into the browser code.
import * as v from 'valibot';
import {
  ASK_DIRECTIONS,
  ASK_STATUSES,
  CADENCE_SOURCES,
  CHECK_IN_KINDS,
  DUE_STATUSES,
  FOLLOW_UP_OWNERS,
  ID_PATTERN,
} from '../core/vocabulary';
import { REQUEST_ID_PATTERN } from './requestIds';

/** Full git commit ids (SHA-1 or SHA-256). */
export const COMMIT_PATTERN = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
export { REQUEST_ID_PATTERN };

/** Generous bounds: they stop abuse, the host's form rules give the user-facing limits. */
export const MAX_ROWS = 50;
export const MAX_NOTES = 200_000;
const MAX_LINE = 4_000;

const id = v.pipe(v.string(), v.regex(ID_PATTERN, 'is not an Alliances id'));
const requestId = v.pipe(v.string(), v.regex(REQUEST_ID_PATTERN, 'is not a request id'));
const line = v.pipe(v.string(), v.maxLength(MAX_LINE));
const longText = v.pipe(v.string(), v.maxLength(MAX_NOTES));

// ---- page → host ------------------------------------------------------------------------------

/** The full check-in form as the user typed it: raw strings, checked by the host's form rules. */
export const CheckInFormInputSchema = v.strictObject({
  kind: v.pipe(v.string(), v.maxLength(40)),
  /** "1"…"5", or "" when none is chosen. */
  rating: v.pipe(v.string(), v.maxLength(2)),
  summary: line,
  /** The initiative it was about, or "" (or absent) for none. */
  initiativeId: v.optional(v.pipe(v.string(), v.maxLength(40))),
  notes: longText,
  private: v.boolean(),
  privateNotes: longText,
  asks: v.pipe(
    v.array(
      v.strictObject({
        direction: v.pipe(v.string(), v.maxLength(20)),
        text: line,
        status: v.pipe(v.string(), v.maxLength(20)),
        /** A group check-in: the partner the ask is with (one of the group; the page's partner when absent). */
        partnerId: v.optional(id),
      }),
    ),
    v.maxLength(MAX_ROWS, `at most ${MAX_ROWS} asks and offers`),
  ),
  actions: v.pipe(
    v.array(
      v.strictObject({
        text: line,
        owner: v.pipe(v.string(), v.maxLength(20)),
        teammate: v.pipe(v.string(), v.maxLength(400)),
        due: v.pipe(v.string(), v.maxLength(40)),
        /** A group check-in: the partner the action item is about. */
        partnerId: v.optional(id),
      }),
    ),
    v.maxLength(MAX_ROWS, `at most ${MAX_ROWS} action items`),
  ),
  /** Ids of the open talking points covered today. */
  covered: v.pipe(v.array(id), v.maxLength(500)),
  /** A group check-in: the other partners (the page's partner is the first). */
  partnerIds: v.optional(v.pipe(v.array(id), v.maxLength(MAX_ROWS))),
  /** Teammates who were there besides the author. */
  present: v.optional(
    v.pipe(
      v.array(v.strictObject({ name: v.pipe(v.string(), v.maxLength(200)), email: v.optional(v.pipe(v.string(), v.maxLength(320))) })),
      v.maxLength(MAX_ROWS),
    ),
  ),
});
export type CheckInFormInput = v.InferOutput<typeof CheckInFormInputSchema>;

const recordAction = <T extends string>(type: T) => v.strictObject({ type: v.literal(type), requestId, id });

export const PageMessageSchema = v.variant('type', [
  /** The page (re)loaded and wants the data. */
  v.strictObject({ type: v.literal('ready') }),
  recordAction('openTalkingPoint'),
  recordAction('coverTalkingPoint'),
  recordAction('completeFollowUp'),
  recordAction('reopenFollowUp'),
  /** Put `Alliances-Ask: <id>` on the clipboard, for the commit that delivers the ask. */
  recordAction('copyAskTrailer'),
  v.strictObject({ type: v.literal('setAskStatus'), requestId, id, status: v.picklist(ASK_STATUSES) }),
  v.strictObject({ type: v.literal('addTalkingPoint'), requestId, text: line }),
  /** One of the listed commits in the partner's code areas becomes a talking point. */
  v.strictObject({
    type: v.literal('addCommitTalkingPoint'),
    requestId,
    commit: v.pipe(v.string(), v.regex(COMMIT_PATTERN, 'is not a commit id')),
  }),
  v.strictObject({ type: v.literal('submitCheckIn'), requestId, form: CheckInFormInputSchema }),
  /** Open the page of a partner this one is connected to or met with. */
  v.strictObject({ type: v.literal('openPartner'), requestId, id }),
  /** Run Add Connection with this partner first. */
  v.strictObject({ type: v.literal('addConnection'), requestId }),
  /** Open this partner's brief (Prepare for Check-in) beside the page. */
  v.strictObject({ type: v.literal('prepareCheckIn'), requestId }),
  recordAction('removeConnection'),
  /** "Add more people…" in the form: the host shows its people pick; the answer is a `group` message. */
  v.strictObject({
    type: v.literal('pickGroup'),
    requestId,
    partnerIds: v.pipe(v.array(id), v.maxLength(MAX_ROWS)),
    present: v.pipe(
      v.array(v.strictObject({ name: v.pipe(v.string(), v.maxLength(200)), email: v.optional(v.pipe(v.string(), v.maxLength(320))) })),
      v.maxLength(MAX_ROWS),
    ),
  }),
  /** The names and open talking points of these partners (a restored draft, fresh data). */
  v.strictObject({ type: v.literal('groupAgenda'), requestId, partnerIds: v.pipe(v.array(id), v.maxLength(MAX_ROWS)) }),
]);
export type PageMessage = v.InferOutput<typeof PageMessageSchema>;
export type PageRequest = Exclude<PageMessage, { type: 'ready' }>;

/** Just enough of a rejected message to answer it: its request id, when it has a well-formed one. */
export const RequestIdOnlySchema = v.looseObject({ requestId });

// ---- host → page ------------------------------------------------------------------------------

/** The <meta> of the page's HTML shell that carries VS Code's l10n bundle (src/webview/shared/l10nSetup.ts). */
export const L10N_META_NAME = 'alliances-l10n';
/** VS Code's bundle for the display language: English message → translation. */
export const L10nBundleSchema = v.pipe(
  v.record(v.pipe(v.string(), v.maxLength(8_000)), v.pipe(v.string(), v.maxLength(8_000))),
  v.maxEntries(5_000),
);

const shortText = v.pipe(v.string(), v.maxLength(2_000));
const optionalShort = v.optional(shortText);

export const CountsSchema = v.strictObject({ total: v.number(), open: v.number(), helped: v.number(), declined: v.number() });

export const PageDataSchema = v.strictObject({
  /** The host's clock when the data was made (the page's clock may differ: remote hosts). */
  generatedAt: shortText,
  partner: v.strictObject({
    id,
    name: shortText,
    role: optionalShort,
    department: shortText,
    email: optionalShort,
    organisation: optionalShort,
    tags: v.array(shortText),
    leads: v.array(shortText),
    /** Their roles on open initiatives: "leads: Pricing revamp · consulted on: Billing migration". */
    initiativeRoles: optionalShort,
    cadenceDays: v.number(),
    /** Which rule gave the cadence: the partner's own, a team rule (tag, department, default) or the setting. */
    cadenceSource: v.picklist(CADENCE_SOURCES),
    /** The tag or department of that rule. */
    cadenceDetail: optionalShort,
    dueLabel: shortText,
    dueStatus: v.picklist(DUE_STATUSES),
    lastCheckInLabel: optionalShort,
    archived: v.boolean(),
    readOnly: v.boolean(),
  }),
  checkIns: v.array(
    v.strictObject({
      id,
      date: shortText,
      dateLabel: shortText,
      author: shortText,
      kind: v.picklist(CHECK_IN_KINDS),
      kindLabel: shortText,
      rating: v.optional(v.number()),
      summary: line,
      notes: v.optional(longText),
      private: v.boolean(),
      privateNote: v.optional(longText),
      /** A group check-in: the other partners' names ("with Priya, Dana"). */
      with: v.optional(v.array(shortText)),
      /** Teammates who were there besides the author. */
      present: v.optional(v.array(shortText)),
    }),
  ),
  chart: v.array(v.strictObject({ id, date: shortText, dateLabel: shortText, rating: v.number(), x: v.number() })),
  talkingPoints: v.array(
    v.strictObject({
      id,
      text: line,
      /** "src/billing/invoice.ts:3–5" */
      sourceLabel: optionalShort,
      addedLabel: shortText,
      /** Who added it (git identity), for the author filter. */
      author: optionalShort,
      private: v.boolean(),
    }),
  ),
  followUps: v.array(
    v.strictObject({
      id,
      text: line,
      owner: v.picklist(FOLLOW_UP_OWNERS),
      ownerName: shortText,
      due: optionalShort,
      dueLabel: optionalShort,
      overdue: v.boolean(),
      done: v.boolean(),
      doneLabel: optionalShort,
      /** Who added it (git identity). */
      author: optionalShort,
      private: v.boolean(),
    }),
  ),
  asks: v.strictObject({
    iAsked: CountsSchema,
    theyAsked: CountsSchema,
    open: v.array(v.strictObject({ id, direction: v.picklist(ASK_DIRECTIONS), text: line, private: v.boolean() })),
    /** Asks marked helped by a commit (its `Alliances-Ask` trailer), newest first. */
    delivered: v.optional(
      v.array(v.strictObject({ id, direction: v.picklist(ASK_DIRECTIONS), text: line, commit: shortText, subject: optionalShort })),
    ),
  }),
  /** Connections from both ends: "works with Priya", "manages Marcus". */
  connections: v.optional(
    v.array(
      v.strictObject({
        id,
        otherId: id,
        otherName: shortText,
        /** "works with", "manages", "was introduced by", or the own word. */
        label: shortText,
        note: v.optional(line),
        author: shortText,
        private: v.boolean(),
      }),
    ),
  ),
  /** What git adds (trusted workspaces in a repository): records only on other branches, code changes. */
  git: v.optional(
    v.strictObject({
      elsewhere: v.array(v.strictObject({ key: shortText, kindLabel: shortText, text: line, author: shortText, hint: shortText })),
      /** The partner's code areas, as in their file. */
      areas: v.array(shortText),
      changes: v.optional(
        v.strictObject({
          /** "since your last check-in (Nov 10)" */
          sinceLabel: shortText,
          truncated: v.boolean(),
          authors: v.array(shortText),
          commits: v.array(
            v.strictObject({
              commit: v.pipe(v.string(), v.regex(COMMIT_PATTERN)),
              shortCommit: shortText,
              subject: line,
              author: shortText,
              dateLabel: shortText,
              files: v.array(shortText),
              /** Already a talking point of this partner. */
              added: v.boolean(),
            }),
          ),
        }),
      ),
    }),
  ),
  /** The form's choices and defaults (the kind and rating of the last check-in). */
  form: v.strictObject({
    kinds: v.array(v.strictObject({ value: v.picklist(CHECK_IN_KINDS), label: shortText })),
    defaultKind: v.picklist(CHECK_IN_KINDS),
    defaultRating: v.number(),
    /** The active initiatives a check-in may be about: the partner's own (with their stance) first. */
    initiatives: v.optional(v.pipe(v.array(v.strictObject({ value: id, label: shortText })), v.maxLength(1_000))),
  }),
});
export type PageData = v.InferOutput<typeof PageDataSchema>;
export type Counts = v.InferOutput<typeof CountsSchema>;

export const HostMessageSchema = v.variant('type', [
  v.strictObject({ type: v.literal('data'), data: PageDataSchema }),
  /** The partner's file is gone or broken. */
  v.strictObject({ type: v.literal('gone'), message: shortText }),
  /** Open (and focus) the check-in form. */
  v.strictObject({ type: v.literal('showForm') }),
  /** Scroll to one record of the page (a check-in, talking point, follow-up, ask or connection) and mark it (a search result). */
  v.strictObject({ type: v.literal('reveal'), id }),
  /** The group of the form: the other partners with their open talking points, and the teammates present. */
  v.strictObject({
    type: v.literal('group'),
    requestId,
    /** The pick was dismissed: keep the group as it was. */
    cancelled: v.boolean(),
    partners: v.array(v.strictObject({ id, name: shortText })),
    present: v.array(v.strictObject({ name: shortText, email: optionalShort })),
    talkingPoints: v.array(
      v.strictObject({ id, partnerId: id, partnerName: shortText, text: line, sourceLabel: optionalShort, private: v.boolean() }),
    ),
  }),
  v.strictObject({
    type: v.literal('result'),
    requestId,
    ok: v.boolean(),
    message: v.pipe(v.string(), v.maxLength(8_000)),
    /** Form field path ("summary", "asks.0.text") → what is wrong with it. */
    fieldErrors: v.optional(v.record(v.pipe(v.string(), v.maxLength(100)), shortText)),
    /** The check-in was written (fully or partly): the form must not be sent again. */
    saved: v.optional(v.boolean()),
  }),
]);
export type HostMessage = v.InferOutput<typeof HostMessageSchema>;
export type ResultMessage = Extract<HostMessage, { type: 'result' }>;

/** What the page keeps in the webview state (survives hiding the panel and reloads). */
export const PageStateSchema = v.object({
  partnerId: v.optional(id),
  formOpen: v.optional(v.boolean()),
  draft: v.optional(CheckInFormInputSchema),
  /** When the draft was started (ISO): a restored draft already saved as a check-in is dropped. */
  draftStartedAt: v.optional(v.pipe(v.string(), v.maxLength(40))),
  talkingPointDraft: v.optional(line),
  /** The partner page's author filter (a name), when one is chosen. */
  authorFilter: v.optional(shortText),
});
export type PageState = v.InferOutput<typeof PageStateSchema>;

export function emptyForm(kind: string = CHECK_IN_KINDS[0], rating = ''): CheckInFormInput {
  return { kind, rating, summary: '', notes: '', private: false, privateNotes: '', asks: [], actions: [], covered: [] };
}

// The dashboard's protocol is its own file; importers of this one still find it here.
export * from './dashboardProtocol';
