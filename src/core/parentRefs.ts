// Records that belong to another record besides partners: a stance (and a check-in about one) to its
// initiative, a vote to its concern. A record naming a parent that is not in the store is held and
// reported as one naming a missing partner is (integrity.ts). The record index files each record under
// its parent (`ofParent`), so that a parent that comes or goes finds its records at once.
import { type CollectionKind } from './vocabulary';
import { INITIATIVE_RECORD_KINDS, initiativeIdOf } from './initiativeRefs';
import type { RecordTypes } from './model';

export type ParentKind = 'initiative' | 'concern';
export const PARENT_KINDS: readonly ParentKind[] = ['initiative', 'concern'];

/** The kinds whose records name a parent of this kind. */
export const CHILD_KINDS: Readonly<Record<ParentKind, readonly CollectionKind[]>> = {
  initiative: INITIATIVE_RECORD_KINDS,
  concern: ['vote'],
};
const PARENT_OF: ReadonlyMap<CollectionKind, ParentKind> = new Map(
  PARENT_KINDS.flatMap((parent) => CHILD_KINDS[parent].map((kind) => [kind, parent] as const)),
);

/** The field that names the parent, to point a problem at it. */
export const PARENT_FIELD: Readonly<Record<ParentKind, string>> = { initiative: 'initiativeId', concern: 'concernId' };

export function isParentKind(kind: CollectionKind): kind is ParentKind {
  return kind === 'initiative' || kind === 'concern';
}

/** The kind of parent a record of this kind names, if any. */
export function parentKindOf(kind: CollectionKind): ParentKind | undefined {
  return PARENT_OF.get(kind);
}

/** The parent a record names (its kind and id), or undefined. */
export function parentIdOf(kind: CollectionKind, value: RecordTypes[CollectionKind]): string | undefined {
  const parent = PARENT_OF.get(kind);
  if (parent === 'initiative') return initiativeIdOf(kind, value);
  if (parent === 'concern') {
    const concernId = (value as { concernId?: unknown }).concernId;
    return typeof concernId === 'string' ? concernId : undefined;
  }
  return undefined;
}
