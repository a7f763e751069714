// What a tool may see: the loaded stores, without their private records unless the user said so
// (docs/decisions/language-model-tools.md). Every answer reads the stores through this file only.
import type { CollectionKind } from '../vocabulary';
import type { CheckIn, Partner, RecordTypes } from '../model';
import type { Loaded, Store } from '../store';
import { inline } from './toolText';
import { english } from '../translator';
import { checkInPartnerIds } from '../partnerRefs';

export interface ToolStore {
  /** How the answer names the store when there are several (the workspace folder's name). */
  label: string;
  store: Store;
}

export interface ToolContext {
  stores: readonly ToolStore[];
  now: Date;
  defaultCadenceDays: number;
  siloDays: number;
  /** Private records (under private/) are given to the tool: off unless the user turned it on. */
  includePrivate: boolean;
}

/** A refusal or a bad input, told to the model in words (never a crash of the server or the host). */
export class ToolError extends Error {}

/** A store's records of a kind that the tool may see. */
export function visibleRecords<K extends CollectionKind>(context: ToolContext, store: Store, kind: K): Loaded<RecordTypes[K]>[] {
  const all = store.all(kind);
  return context.includePrivate ? all : all.filter((record) => !record.private);
}

/** A partner's records of a kind that the tool may see. */
export function visibleOfPartner<K extends CollectionKind>(
  context: ToolContext,
  store: Store,
  kind: K,
  partnerId: string,
): Loaded<RecordTypes[K]>[] {
  const all = store.ofPartner(kind, partnerId);
  return context.includePrivate ? all : all.filter((record) => !record.private);
}

/** The latest visible check-in of every partner of a store, in one pass (a private one counts only when visible). */
export function lastVisibleCheckIns(context: ToolContext, store: Store): Map<string, Loaded<CheckIn>> {
  const last = new Map<string, Loaded<CheckIn>>();
  for (const record of visibleRecords(context, store, 'checkIn')) {
    // A group check-in is the last check-in of each of its partners.
    for (const partnerId of checkInPartnerIds(record.value)) {
      const seen = last.get(partnerId);
      if (!seen || seen.value.date < record.value.date) last.set(partnerId, record);
    }
  }
  return last;
}

export interface FoundPartner {
  entry: ToolStore;
  partner: Partner;
}

/** Lower case without accents: "Zoë" is found by "zoe". */
export function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/**
 * The one partner a name or id means: the id, else the exact name (any case), else the only partner whose
 * name contains it. Several or none: a ToolError that lists what there is, so the model can ask.
 */
export function findPartner(context: ToolContext, wanted: string): FoundPartner {
  const all = context.stores.flatMap((entry) => entry.store.partners().map(({ value }) => ({ entry, partner: value })));
  const text = folded(wanted.trim());
  const byId = all.filter(({ partner }) => partner.id === wanted.trim());
  const exact = all.filter(({ partner }) => folded(partner.name.trim()) === text);
  const partial = text ? all.filter(({ partner }) => folded(partner.name).includes(text)) : [];
  const found = [byId, exact, partial].find((list) => list.length > 0) ?? [];
  const [first] = found;
  if (found.length === 1 && first) return first;
  if (found.length === 0)
    throw new ToolError(english.t('No partner matches "{0}". Use alliances_search to find the name.', inline(wanted, 200)));
  const names = found
    .slice(0, 10)
    .map(({ partner }) => `${inline(partner.name, 200)} (${inline(partner.department, 100)}, id ${partner.id})`)
    .join('; ');
  throw new ToolError(
    english.t('{0} partners match "{1}": {2}. Ask which one, then pass the id.', found.length, inline(wanted, 200), names),
  );
}
