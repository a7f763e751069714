// Which partners a record belongs to. Most records name one (`partnerId`); a group check-in names
// several (`partnerIds`, which includes `partnerId`); a connection joins two (`fromId`, `toId`); a
// concern names those who raised it (`partnerIds`, maybe none). The
// indexes, the integrity checks and the statistics all ask here, so a new kind is taught once.
import { type CollectionKind } from './vocabulary';
import type { CheckIn, RecordTypes } from './model';

/** The kinds whose records belong to one or more partners. */
export const PARTNER_RECORD_KINDS: readonly CollectionKind[] = [
  'checkIn',
  'talkingPoint',
  'followUp',
  'ask',
  'connection',
  'stance',
  'concern',
];
const REFERS_TO_PARTNER: ReadonlySet<CollectionKind> = new Set(PARTNER_RECORD_KINDS);

/** Every partner of a check-in, the first (`partnerId`) first. */
export function checkInPartnerIds(checkIn: Pick<CheckIn, 'partnerId' | 'partnerIds'>): readonly string[] {
  const ids = checkIn.partnerIds;
  if (ids === undefined || (ids.length === 1 && ids[0] === checkIn.partnerId)) return [checkIn.partnerId];
  return ids[0] === checkIn.partnerId ? ids : [checkIn.partnerId, ...ids.filter((id) => id !== checkIn.partnerId)];
}

export function checkInIncludes(checkIn: Pick<CheckIn, 'partnerId' | 'partnerIds'>, partnerId: string): boolean {
  return checkIn.partnerId === partnerId || (checkIn.partnerIds?.includes(partnerId) ?? false);
}

/** The partner ids a record of this kind names (none for partners, notes and the rest). */
export function partnerIdsOf(kind: CollectionKind, value: RecordTypes[CollectionKind]): readonly string[] {
  if (!REFERS_TO_PARTNER.has(kind)) return [];
  if (kind === 'connection') {
    const { fromId, toId } = value as RecordTypes['connection'];
    return [fromId, toId];
  }
  if (kind === 'checkIn') return checkInPartnerIds(value as CheckIn);
  if (kind === 'concern') return (value as RecordTypes['concern']).partnerIds ?? [];
  const partnerId = (value as { partnerId?: unknown }).partnerId;
  return typeof partnerId === 'string' ? [partnerId] : [];
}

/** The field of a record that names this partner, to point a problem at it. */
export function partnerFieldOf(kind: CollectionKind, value: RecordTypes[CollectionKind], partnerId: string): string {
  if (kind === 'connection') return (value as RecordTypes['connection']).fromId === partnerId ? 'fromId' : 'toId';
  if (kind === 'concern' || (kind === 'checkIn' && (value as CheckIn).partnerId !== partnerId)) return 'partnerIds';
  return 'partnerId';
}
