// The ecosystem map's message protocol: the page (src/webview/map) against its host (src/extension/map).
// The host computes the graph, its figures and its layout (src/core/ecosystem); the page only draws.
// As for the other pages, both sides validate every message they receive.
import * as v from 'valibot';
import { ID_PATTERN } from '../core/vocabulary';
import { ConnectivitySchema, PartnerRefSchema } from './connectivityProtocol';
import { DashboardFilterSchema, REQUEST_ID_PATTERN } from './protocol';

const id = v.pipe(v.string(), v.regex(ID_PATTERN, 'is not an Alliances id'));
const requestId = v.pipe(v.string(), v.regex(REQUEST_ID_PATTERN, 'is not a request id'));
const shortText = v.pipe(v.string(), v.maxLength(2_000));
const optionalShort = v.optional(shortText);
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const coordinate = v.pipe(v.number(), v.finite(), v.minValue(-1e6), v.maxValue(1e6));
const nodeKey = v.pipe(v.string(), v.maxLength(500));
const day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a yyyy-MM-dd day'));

export const MapGroupBySchema = v.picklist(['department', 'organisation']);

export const MapPageMessageSchema = v.variant('type', [
  v.strictObject({ type: v.literal('ready'), filter: v.optional(DashboardFilterSchema), groupBy: v.optional(MapGroupBySchema) }),
  v.strictObject({ type: v.literal('setFilter'), filter: DashboardFilterSchema, groupBy: MapGroupBySchema }),
  v.strictObject({ type: v.literal('openPartner'), requestId, id }),
  /** The page has drawn fresh data (the benchmark's "first paint"). */
  v.strictObject({ type: v.literal('rendered') }),
]);
export type MapPageMessage = v.InferOutput<typeof MapPageMessageSchema>;

export const MapDataSchema = v.strictObject({
  filter: DashboardFilterSchema,
  groupBy: MapGroupBySchema,
  options: v.strictObject({
    departments: v.array(shortText),
    organisations: v.array(shortText),
    tags: v.array(shortText),
    authors: v.array(v.strictObject({ key: shortText, name: shortText })),
    siloDays: count,
  }),
  asOf: day,
  width: count,
  height: count,
  groups: v.array(
    v.strictObject({
      key: nodeKey,
      kind: v.picklist(['team', 'none', 'group']),
      label: shortText,
      colour: v.pipe(v.number(), v.integer(), v.minValue(-1)),
      x: coordinate,
      y: coordinate,
      r: coordinate,
      size: count,
    }),
  ),
  nodes: v.array(
    v.strictObject({
      key: nodeKey,
      kind: v.picklist(['partner', 'author']),
      id: v.optional(id),
      name: shortText,
      department: optionalShort,
      organisation: optionalShort,
      weight: count,
      group: nodeKey,
      x: coordinate,
      y: coordinate,
      r: coordinate,
      isolated: v.boolean(),
      broker: v.boolean(),
      heldByOne: v.boolean(),
      silo: v.boolean(),
    }),
  ),
  edges: v.array(
    v.strictObject({
      from: nodeKey,
      to: nodeKey,
      kind: v.picklist(['check-in', 'met', 'connection']),
      count,
      last: optionalShort,
      recency: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
      connectionKinds: v.optional(v.array(shortText)),
    }),
  ),
  figures: v.strictObject({
    silos: v.array(shortText),
    ...ConnectivitySchema.entries,
    heldByOne: v.array(v.strictObject({ ...PartnerRefSchema.entries, holder: shortText })),
  }),
  totals: v.strictObject({ partners: count, authors: count, edges: count, checkIns: count }),
});
export type MapData = v.InferOutput<typeof MapDataSchema>;

export const MapHostMessageSchema = v.variant('type', [
  v.strictObject({ type: v.literal('data'), data: MapDataSchema }),
  v.strictObject({ type: v.literal('result'), requestId, ok: v.boolean(), message: v.pipe(v.string(), v.maxLength(8_000)) }),
]);
export type MapHostMessage = v.InferOutput<typeof MapHostMessageSchema>;

export const MapStateSchema = v.object({
  filter: v.optional(DashboardFilterSchema),
  groupBy: v.optional(MapGroupBySchema),
  /** The node that had the focus (a node key), to give it back after a redraw. */
  focused: v.optional(nodeKey),
});
export type MapState = v.InferOutput<typeof MapStateSchema>;
