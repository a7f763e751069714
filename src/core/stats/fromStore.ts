// The statistics' input from one or several loaded stores (a multi-root workspace has one per folder).
import type { Ask, Concern, Connection, Initiative, Partner, Stance, Vote } from '../model';
import type { Store } from '../store';
import { statCheckInOf, type StatCheckIn, type StatsInput } from './input';

/**
 * A check-in's statistics record, kept while the store keeps the record (a change replaces it): its time,
 * month, day and author key are worked out once, not on every refresh of the dashboard.
 */
const statCheckIns = new WeakMap<object, StatCheckIn>();

function statCheckIn(value: StatCheckIn['value'], isPrivate: boolean): StatCheckIn {
  let stat = statCheckIns.get(value);
  if (!stat || stat.private !== isPrivate) {
    stat = statCheckInOf(value, isPrivate);
    statCheckIns.set(value, stat);
  }
  return stat;
}

export function statsInput(stores: readonly Store[], defaultCadenceDays: number, now: Date): StatsInput {
  const partners: Partner[] = [];
  const checkIns: StatCheckIn[] = [];
  const asks: Ask[] = [];
  const connections: Connection[] = [];
  const initiatives: Initiative[] = [];
  const stances: Stance[] = [];
  const concerns: Concern[] = [];
  const votes: Vote[] = [];
  for (const store of stores) {
    for (const p of store.partners()) partners.push(p.value);
    for (const i of store.all('initiative')) initiatives.push(i.value);
    for (const s of store.all('stance')) stances.push(s.value);
    // The team's picture: private concerns and votes stay in the Concerns view of this machine.
    for (const c of store.all('concern')) if (!c.private) concerns.push(c.value);
    for (const v of store.all('vote')) if (!v.private) votes.push(v.value);
    for (const c of store.checkIns()) checkIns.push(statCheckIn(c.value, c.private));
    for (const a of store.all('ask')) asks.push(a.value);
    for (const c of store.all('connection')) connections.push(c.value);
  }
  // Oldest first, once: the statistics then keep that order (nearly sorted already: files are named by id).
  checkIns.sort((a, b) => a.time - b.time);
  // The first store with team defaults sets the rules (folders of one workspace usually share one team).
  const team = stores.map((s) => s.cadencePolicy(defaultCadenceDays).team).find((d) => d !== undefined);
  return {
    partners,
    checkIns,
    asks,
    connections,
    initiatives,
    stances,
    concerns,
    votes,
    cadence: { settingDays: defaultCadenceDays, team },
    now,
  };
}
