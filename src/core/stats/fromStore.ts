// The statistics' input from one or several loaded stores (a multi-root workspace has one per folder).
import type { Ask, Partner } from '../model';
import type { Store } from '../store';
import type { StatCheckIn, StatsInput } from './input';

export function statsInput(stores: readonly Store[], defaultCadenceDays: number, now: Date): StatsInput {
  const partners: Partner[] = [];
  const checkIns: StatCheckIn[] = [];
  const asks: Ask[] = [];
  for (const store of stores) {
    for (const p of store.partners()) partners.push(p.value);
    for (const c of store.checkIns()) checkIns.push({ value: c.value, time: Date.parse(c.value.date), private: c.private });
    for (const a of store.all('ask')) asks.push(a.value);
  }
  // Oldest first, once: the statistics then keep that order (nearly sorted already: files are named by id).
  checkIns.sort((a, b) => a.time - b.time);
  // The first store with a team cadence sets it (folders of one workspace usually share one team).
  const cadence = stores.map((s) => s.teamCadenceDays()).find((d) => d !== undefined) ?? defaultCadenceDays;
  return { partners, checkIns, asks, defaultCadenceDays: cadence, now };
}
