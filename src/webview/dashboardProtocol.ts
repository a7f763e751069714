// The dashboard page (src/webview/dashboard) against its host (src/extension/dashboard): the host computes
// every figure (src/core/stats), the page only draws, and both sides validate what they receive. Only
// valibot and core's vocabulary here: this file is bundled into the browser code.
import * as v from 'valibot';
import { ID_PATTERN, STANCES } from '../core/vocabulary';
import { ConnectivitySchema } from './connectivityProtocol';
import { REQUEST_ID_PATTERN } from './requestIds';

const id = v.pipe(v.string(), v.regex(ID_PATTERN, 'is not an Alliances id'));
const requestId = v.pipe(v.string(), v.regex(REQUEST_ID_PATTERN, 'is not a request id'));
const shortText = v.pipe(v.string(), v.maxLength(2_000));
const line = v.pipe(v.string(), v.maxLength(4_000));
const optionalShort = v.optional(shortText);

const day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a yyyy-MM-dd day'));
const authorKeyText = v.pipe(v.string(), v.maxLength(400));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const DashboardFilterSchema = v.strictObject({
  from: v.optional(day),
  to: v.optional(day),
  department: v.optional(shortText),
  organisation: v.optional(shortText),
  tag: v.optional(shortText),
  author: v.optional(authorKeyText),
});
export type DashboardFilterInput = v.InferOutput<typeof DashboardFilterSchema>;

export const DashboardPageMessageSchema = v.variant('type', [
  v.strictObject({ type: v.literal('ready'), filter: v.optional(DashboardFilterSchema) }),
  v.strictObject({ type: v.literal('setFilter'), filter: DashboardFilterSchema }),
  /** The check-ins behind a theme term (the page clicked it). */
  v.strictObject({ type: v.literal('themeCheckIns'), requestId, term: v.pipe(v.string(), v.maxLength(200)) }),
  v.strictObject({ type: v.literal('openPartner'), requestId, id }),
  /** +1 a concern (the host runs +1 Concern as the current author). */
  v.strictObject({ type: v.literal('voteConcern'), requestId, id }),
  /** Raise a concern from a theme of the word cloud (the host runs Raise Concern… with the term). */
  v.strictObject({ type: v.literal('raiseConcern'), requestId, term: v.pipe(v.string(), v.maxLength(200)) }),
  v.strictObject({ type: v.literal('exportReport'), requestId }),
  /** Open the ecosystem map over the dashboard's filter. */
  v.strictObject({ type: v.literal('openMap'), filter: DashboardFilterSchema }),
  /** The page has drawn fresh figures (the benchmark's "first paint"). */
  v.strictObject({ type: v.literal('rendered') }),
]);
export type DashboardPageMessage = v.InferOutput<typeof DashboardPageMessageSchema>;

const trend = v.strictObject({
  key: shortText,
  label: shortText,
  months: v.array(v.strictObject({ month: shortText, average: v.number(), count })),
  average: v.optional(v.number()),
  count,
});
const partnerRef = { partnerId: id, name: shortText, department: shortText };

export const DashboardDataSchema = v.strictObject({
  filter: DashboardFilterSchema,
  options: v.strictObject({
    departments: v.array(shortText),
    organisations: v.array(shortText),
    tags: v.array(shortText),
    authors: v.array(v.strictObject({ key: authorKeyText, name: shortText })),
    siloDays: count,
  }),
  asOf: day,
  totals: v.strictObject({ partners: count, checkIns: count, departments: count, silos: count, slipping: count }),
  coverage: v.array(
    v.strictObject({
      department: shortText,
      partners: count,
      onCadence: count,
      onCadenceShare: v.number(),
      lastContact: optionalShort,
      daysSinceContact: count,
      neverContacted: v.boolean(),
      silo: v.boolean(),
    }),
  ),
  silos: v.array(shortText),
  health: v.strictObject({
    departments: v.array(trend),
    partners: v.array(trend),
    partnersWithRatings: count,
    slipping: v.array(
      v.strictObject({
        ...partnerRef,
        reasons: v.array(v.picklist(['ratings-falling', 'cadence-missed'])),
        ratingChange: v.optional(v.number()),
        missedBy: v.optional(v.tuple([v.number(), v.number()])),
        why: shortText,
      }),
    ),
  }),
  themes: v.array(
    v.strictObject({
      term: shortText,
      label: shortText,
      count,
      weight: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
      checkInIds: v.array(id),
    }),
  ),
  reciprocity: v.array(
    v.strictObject({
      ...partnerRef,
      given: count,
      received: count,
      openTheirs: count,
      openMine: count,
      declined: count,
      balance: v.number(),
    }),
  ),
  leads: v.array(v.strictObject({ area: shortText, leaders: v.array(v.strictObject(partnerRef)) })),
  team: v.strictObject({
    authors: v.array(
      v.strictObject({
        key: authorKeyText,
        name: shortText,
        email: optionalShort,
        checkIns: count,
        partners: count,
        lastCheckIn: shortText,
      }),
    ),
    singleHolders: v.array(
      v.strictObject({ ...partnerRef, holder: v.strictObject({ key: authorKeyText, name: shortText }), checkIns: count }),
    ),
    unheld: count,
  }),
  connectivity: ConnectivitySchema,
  alliances: v.strictObject({
    initiatives: v.array(
      v.strictObject({
        initiativeId: id,
        name: shortText,
        support: count,
        resistance: count,
        undecided: count,
        outsideChampion: v.boolean(),
        winOver: v.array(v.strictObject({ ...partnerRef, stance: v.picklist(STANCES) })),
      }),
    ),
    noOutsideChampion: v.array(shortText),
  }),
  concerns: v.strictObject({
    ranked: v.array(
      v.strictObject({
        concernId: id,
        rank: count,
        text: shortText,
        votes: count,
        departments: v.array(shortText),
        raisedBy: v.array(v.strictObject(partnerRef)),
        theme: optionalShort,
        lastActivity: day,
      }),
    ),
    more: count,
    closed: v.array(v.strictObject({ concernId: id, text: shortText, resolution: shortText, closedAt: day })),
  }),
});
export type DashboardData = v.InferOutput<typeof DashboardDataSchema>;

export const ThemeCheckInSchema = v.strictObject({ id, partnerId: id, partnerName: shortText, date: shortText, summary: line });
export type ThemeCheckIn = v.InferOutput<typeof ThemeCheckInSchema>;

export const DashboardHostMessageSchema = v.variant('type', [
  v.strictObject({ type: v.literal('data'), data: DashboardDataSchema }),
  v.strictObject({ type: v.literal('themeCheckIns'), requestId, term: shortText, label: shortText, checkIns: v.array(ThemeCheckInSchema) }),
  v.strictObject({ type: v.literal('result'), requestId, ok: v.boolean(), message: v.pipe(v.string(), v.maxLength(8_000)) }),
]);
export type DashboardHostMessage = v.InferOutput<typeof DashboardHostMessageSchema>;

export const DashboardStateSchema = v.object({ filter: v.optional(DashboardFilterSchema), leadsQuery: v.optional(line) });
export type DashboardState = v.InferOutput<typeof DashboardStateSchema>;
