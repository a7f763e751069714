// The impact check's records from loaded stores (one per workspace folder); private records only when asked.
import type { Store } from '../store';
import { statsInput } from '../stats/fromStore';
import type { ImpactRecords } from './types';

export function impactRecords(
  stores: readonly Store[],
  options: { defaultCadenceDays: number; now: Date; includePrivate: boolean },
): ImpactRecords {
  const input = statsInput(stores, options.defaultCadenceDays, options.now);
  const keep = (loaded: { private: boolean }) => options.includePrivate || !loaded.private;
  return {
    ...input,
    checkIns: options.includePrivate ? input.checkIns : input.checkIns.filter(keep),
    asks: stores.flatMap((s) =>
      s
        .all('ask')
        .filter(keep)
        .map((a) => a.value),
    ),
    initiatives: input.initiatives ?? [],
    stances: input.stances ?? [],
    talkingPoints: stores.flatMap((s) =>
      s
        .all('talkingPoint')
        .filter(keep)
        .map((t) => t.value),
    ),
  };
}
