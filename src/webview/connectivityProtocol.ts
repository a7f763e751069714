// The ecosystem's connectivity figures as the dashboard and the map receive them (src/core/ecosystem):
// its own file, so protocol.ts (the dashboard) and mapProtocol.ts (the map) share one schema.
import * as v from 'valibot';
import { ID_PATTERN } from '../core/vocabulary';

const id = v.pipe(v.string(), v.regex(ID_PATTERN, 'is not an Alliances id'));
const shortText = v.pipe(v.string(), v.maxLength(2_000));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const PartnerRefSchema = v.strictObject({ partnerId: id, name: shortText, department: shortText });

export const ConnectivitySchema = v.strictObject({
  isolated: v.array(PartnerRefSchema),
  brokers: v.array(v.strictObject({ ...PartnerRefSchema.entries, cutOff: count, cutOffNames: v.array(shortText) })),
  reachedThroughOne: v.array(
    v.strictObject({ department: shortText, via: v.picklist(['teammate', 'partner']), name: shortText, partnerId: v.optional(id) }),
  ),
});
export type ConnectivityData = v.InferOutput<typeof ConnectivitySchema>;
