// What integrity.ts says about a record it holds: the field to point at and one whole sentence per
// kind and reason (so that each translates whole), with the small helpers of its maps.
import * as l10n from '@vscode/l10n';
import { type CollectionKind } from './vocabulary';
import { partnerFieldOf } from './partnerRefs';
import type { CheckIn, RecordTypes } from './model';
import type { RecordProblem } from './recordReader';
import type { Loaded } from './storeTypes';

export type AnyLoaded = Loaded<RecordTypes[CollectionKind]>;

export type HoldReason = Extract<RecordProblem['code'], 'missing-partner' | 'missing-initiative' | 'missing-concern' | 'future-date'>;

export interface Held {
  kind: CollectionKind;
  loaded: AnyLoaded;
  reason: HoldReason;
  /** The partner id it waits for (missing-partner): the first of its partners that is missing. */
  partnerId?: string;
  /** The initiative or concern id it waits for (missing-initiative, missing-concern). */
  parentId?: string;
}

export function addTo(waiting: Map<string, Set<string>>, id: string, file: string): void {
  let files = waiting.get(id);
  if (!files) waiting.set(id, (files = new Set()));
  files.add(file);
}

export function* symmetricDifference(a: ReadonlySet<string>, b: ReadonlySet<string>): Iterable<string> {
  for (const id of a) if (!b.has(id)) yield id;
  for (const id of b) if (!a.has(id)) yield id;
}

export function fieldOf({ kind, loaded, reason, partnerId = '' }: Held): string {
  switch (reason) {
    case 'missing-partner':
      return partnerFieldOf(kind, loaded.value, partnerId);
    case 'missing-initiative':
      return 'initiativeId';
    case 'missing-concern':
      return 'concernId';
    case 'future-date':
      return 'date';
  }
}

/** One whole sentence per kind and reason, so that each translates whole. */
export function reasonOf({ kind, loaded, reason, partnerId = '', parentId = '' }: Held): string {
  const initiativeId = parentId;
  switch (reason) {
    case 'missing-concern':
      return l10n.t(
        "This vote's concern {0} is not in the store (concerns/{0}.json is missing); it is not counted. Restore the concern's file, or fix or delete this one.",
        parentId,
      );
    case 'missing-initiative':
      return kind === 'stance'
        ? l10n.t(
            "This stance's initiative {0} is not in the store (initiatives/{0}.json is missing); it is not shown. Restore the initiative's file, or fix or delete this one.",
            initiativeId,
          )
        : l10n.t(
            "This check-in's initiative {0} is not in the store (initiatives/{0}.json is missing); it is not counted. Restore the initiative's file, or fix or delete this one.",
            initiativeId,
          );
    case 'future-date':
      return l10n.t('Dated {0}, more than a day ahead of now; it is not counted until then.', (loaded.value as CheckIn).date.slice(0, 10));
    case 'missing-partner':
      switch (kind) {
        case 'checkIn':
          if ((loaded.value as CheckIn).partnerId !== partnerId)
            return l10n.t(
              "Partner {0} of this group check-in is not in the store (partners/…-{0}.json is missing); it is not counted. Restore the partner's file, or fix or delete this one.",
              partnerId,
            );
          return l10n.t(
            "This check-in's partner {0} is not in the store (partners/…-{0}.json is missing); it is not counted. Restore the partner's file, or fix or delete this one.",
            partnerId,
          );
        case 'talkingPoint':
          return l10n.t(
            "This talking point's partner {0} is not in the store (partners/…-{0}.json is missing); it is not shown. Restore the partner's file, or fix or delete this one.",
            partnerId,
          );
        case 'followUp':
          return l10n.t(
            "This follow-up's partner {0} is not in the store (partners/…-{0}.json is missing); it is not counted. Restore the partner's file, or fix or delete this one.",
            partnerId,
          );
        case 'connection':
          return l10n.t(
            "Partner {0} of this connection is not in the store (partners/…-{0}.json is missing); it is not shown. Restore the partner's file, or fix or delete this one.",
            partnerId,
          );
        case 'concern':
          return l10n.t(
            "Partner {0} of this concern is not in the store (partners/…-{0}.json is missing); it is not shown. Restore the partner's file, or fix or delete this one.",
            partnerId,
          );
        case 'stance':
          return l10n.t(
            "This stance's partner {0} is not in the store (partners/…-{0}.json is missing); it is not shown. Restore the partner's file, or fix or delete this one.",
            partnerId,
          );
        default:
          return l10n.t(
            "This ask's partner {0} is not in the store (partners/…-{0}.json is missing); it is not counted. Restore the partner's file, or fix or delete this one.",
            partnerId,
          );
      }
  }
}
