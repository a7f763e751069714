// The initiative page's message protocol: the page (src/webview/initiativePage) against its host
// (src/extension/initiativePage). The host computes everything (src/core/initiativePage.ts); the page
// only draws. As for the other pages, both sides validate every message they receive.
import * as v from 'valibot';
import { ID_PATTERN, INITIATIVE_STATUSES, LEVELS, STANCE_ROLES, STANCES } from '../core/vocabulary';
import { REQUEST_ID_PATTERN } from './protocol';

const id = v.pipe(v.string(), v.regex(ID_PATTERN, 'is not an Alliances id'));
const requestId = v.pipe(v.string(), v.regex(REQUEST_ID_PATTERN, 'is not a request id'));
const shortText = v.pipe(v.string(), v.maxLength(2_000));
const optionalShort = v.optional(shortText);
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a yyyy-MM-dd day'));
const timestamp = v.pipe(v.string(), v.maxLength(40));
const stance = v.picklist(STANCES);
const level = v.picklist(LEVELS);
const role = v.picklist(STANCE_ROLES);
const rows = <T extends v.GenericSchema>(item: T) => v.pipe(v.array(item), v.maxLength(10_000));

export const InitiativePageMessageSchema = v.variant('type', [
  v.strictObject({ type: v.literal('ready') }),
  v.strictObject({ type: v.literal('openPartner'), requestId, id }),
  /** "Add talking point" beside a person to win over: one for that partner about this initiative. */
  v.strictObject({ type: v.literal('addTalkingPoint'), requestId, partnerId: id }),
  /** The page has drawn fresh data (the benchmark's "first paint"). */
  v.strictObject({ type: v.literal('rendered') }),
]);
export type InitiativePageMessage = v.InferOutput<typeof InitiativePageMessageSchema>;

export const InitiativePageDataSchema = v.strictObject({
  initiative: v.strictObject({
    id,
    name: shortText,
    goal: optionalShort,
    status: v.picklist(INITIATIVE_STATUSES),
    due: v.optional(day),
    codeAreas: rows(shortText),
  }),
  balance: v.strictObject({ support: count, resistance: count, undecided: count, outsideChampions: count }),
  people: rows(
    v.strictObject({
      partnerId: id,
      name: shortText,
      department: shortText,
      stance,
      influence: level,
      interest: level,
      role,
      cares: optionalShort,
      offers: optionalShort,
      note: optionalShort,
      assessed: timestamp,
    }),
  ),
  grid: v.pipe(v.array(v.strictObject({ influence: level, interest: level, people: rows(id) })), v.length(9)),
  roles: v.array(v.strictObject({ role, people: rows(shortText) })),
  history: rows(v.strictObject({ partnerId: id, name: shortText, entries: rows(v.strictObject({ stance, date: timestamp })) })),
  winOver: rows(v.strictObject({ partnerId: id, name: shortText, department: shortText, stance, lastTalked: v.optional(timestamp) })),
  /** The workspace folder, when there are several. */
  folder: optionalShort,
});
export type InitiativePageData = v.InferOutput<typeof InitiativePageDataSchema>;

export const InitiativeHostMessageSchema = v.variant('type', [
  v.strictObject({ type: v.literal('data'), data: InitiativePageDataSchema }),
  /** The initiative is no longer in the store (deleted, or its file broken). */
  v.strictObject({ type: v.literal('gone'), message: v.pipe(v.string(), v.maxLength(8_000)) }),
  v.strictObject({ type: v.literal('result'), requestId, ok: v.boolean(), message: v.pipe(v.string(), v.maxLength(8_000)) }),
]);
export type InitiativeHostMessage = v.InferOutput<typeof InitiativeHostMessageSchema>;

/** What the page remembers (and a restored panel is reopened on): the initiative it shows. */
export const InitiativePageStateSchema = v.object({ initiativeId: v.optional(id) });
export type InitiativePageState = v.InferOutput<typeof InitiativePageStateSchema>;
