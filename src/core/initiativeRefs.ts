// Which initiative a record names: a stance always, a check-in when it was about one. A record naming
// an initiative that is not in the store is held and reported as one naming a missing partner is
// (integrity.ts; docs/decisions/initiatives-and-stances.md).
import { type CollectionKind } from './vocabulary';
import type { RecordTypes } from './model';

export const INITIATIVE_RECORD_KINDS: readonly CollectionKind[] = ['stance', 'checkIn'];
const REFERS_TO_INITIATIVE: ReadonlySet<CollectionKind> = new Set(INITIATIVE_RECORD_KINDS);

export function initiativeIdOf(kind: CollectionKind, value: RecordTypes[CollectionKind]): string | undefined {
  if (!REFERS_TO_INITIATIVE.has(kind)) return undefined;
  const initiativeId = (value as { initiativeId?: unknown }).initiativeId;
  return typeof initiativeId === 'string' ? initiativeId : undefined;
}
