// Search over every record of one or more stores (invertedIndex.ts; the choice: docs/decisions/search-engine.md).
// Built on the first search; after that each sync() only re-indexes the records whose Loaded object
// changed (the store replaces it when a file is written, re-read or deleted), so a change costs one
// record, not the store. Partner names, departments, organisations and tags for the filters are looked
// up at query time, so renaming a partner needs no re-index of their check-ins.
import type { Partner, RecordTypes } from '../model';
import type { Loaded } from '../storeTypes';
import type { CollectionKind } from '../vocabulary';
import { entryOf, SEARCHED_KINDS, type SearchEntry, type SearchSource } from './documents';
import { isEmptyQuery, parseQuery, type ParsedQuery } from './query';
import { snippetOf, type Snippet } from './snippet';
import { InvertedIndex, type Alternative } from './invertedIndex';
import { fold, termOf, tokenize, wordsOf } from './terms';

export interface SearchResult {
  kind: CollectionKind;
  recordId: string;
  /** The store it is in (the `.alliances` folder). */
  root: string;
  /** The first partner it names, and its name ('' when that partner is not in the store). */
  partnerId: string;
  partnerName: string;
  partnerIds: readonly string[];
  /** yyyy-mm-dd, the record's day. */
  date: string;
  snippet: Snippet;
  private: boolean;
  score: number;
}

export interface SearchAnswer {
  results: SearchResult[];
  /** Filters that could not be read, as typed. */
  invalid: string[];
}

export interface SearchOptions {
  /** Private records (under private/, this machine only): left out unless asked for. */
  includePrivate?: boolean;
  limit?: number;
}

interface Slot {
  entry: SearchEntry;
  loaded: object;
}

const DEFAULT_LIMIT = 50;
/** The first text (a summary, a name) counts double. */
const FIELD_WEIGHTS = [2, 1];

/** The terms of a record's texts: the first text, then the others together. */
function termsOf(texts: readonly string[]): string[][] {
  const first: string[] = [];
  const rest: string[] = [];
  texts.forEach((text, index) => {
    const into = index === 0 ? first : rest;
    for (const word of wordsOf(text)) {
      const term = termOf(word.text);
      if (term !== '') into.push(term);
    }
  });
  return [first, rest];
}

export class SearchIndex {
  private engine = new InvertedIndex();
  /** The indexed records by document number. */
  private slots: (Slot | undefined)[] = [];
  private readonly docOf = new Map<string, number>();
  /** The document number of each Loaded object indexed (a replaced one is collected with its record). */
  private indexed = new WeakMap<object, number>();
  private stale = true;

  constructor(private readonly sources: () => readonly SearchSource[]) {}

  /** Some store changed: the next search syncs first. */
  markChanged(): void {
    this.stale = true;
  }

  get size(): number {
    return this.docOf.size;
  }

  /** Brings the index up to date with the stores: adds, replaces and removes changed records only. */
  sync(): void {
    this.stale = false;
    // A record whose Loaded object is indexed is unchanged: counted, not looked up by key. When the
    // unchanged and the (re-)indexed ones add up to every entry, nothing was removed and the walk is done.
    let current = 0;
    const changed = new Set<number>();
    for (const source of this.sources())
      for (const kind of SEARCHED_KINDS)
        for (const loaded of source.all<CollectionKind>(kind)) {
          current++;
          if (this.indexed.has(loaded)) continue;
          changed.add(this.put(source, kind, loaded));
        }
    if (this.docOf.size !== current) {
      // Some records are gone: keep the entries whose Loaded object the stores still hold.
      const seen = new Set<number>(changed);
      for (const source of this.sources())
        for (const kind of SEARCHED_KINDS)
          for (const loaded of source.all<CollectionKind>(kind)) {
            const doc = this.indexed.get(loaded);
            if (doc !== undefined) seen.add(doc);
          }
      this.slots.forEach((slot, doc) => {
        if (slot && !seen.has(doc)) this.remove(doc);
      });
    }
    if (this.engine.removed > 1_000 && this.engine.removed > this.engine.documents) this.compact();
  }

  /**
   * Indexes what is new in slices of `slice` records, yielding between them (`pause`: the caller's
   * setImmediate), so that the first build over a big store never blocks the extension host for long;
   * then one sync for what changed meanwhile and what was removed.
   */
  async syncInSlices(pause: () => Promise<void>, slice = 2_000): Promise<void> {
    let done = 0;
    for (const source of this.sources())
      for (const kind of SEARCHED_KINDS)
        for (const loaded of source.all<CollectionKind>(kind)) {
          if (this.indexed.has(loaded)) continue;
          this.put(source, kind, loaded);
          if (++done % slice === 0) await pause();
        }
    this.sync();
  }

  /** Indexes one record (new, or replacing the one of the same key); its document number. */
  private put(source: SearchSource, kind: CollectionKind, loaded: Loaded<RecordTypes[CollectionKind]>): number {
    const key = `${source.root}\u0000${kind}\u0000${loaded.value.id}`;
    const known = this.docOf.get(key);
    if (known !== undefined) this.remove(known);
    const entry = entryOf(source, kind, loaded);
    const doc = this.engine.add(termsOf(entry.texts), FIELD_WEIGHTS);
    this.slots[doc] = { entry, loaded };
    this.docOf.set(key, doc);
    this.indexed.set(loaded, doc);
    return doc;
  }

  private remove(doc: number): void {
    const slot = this.slots[doc];
    if (!slot) return;
    this.engine.remove(doc);
    this.slots[doc] = undefined;
    this.docOf.delete(slot.entry.key);
  }

  /** Many records were replaced: the same entries in a fresh engine, without the dead documents. */
  private compact(): void {
    const live = this.slots.filter((slot): slot is Slot => slot !== undefined);
    this.engine = new InvertedIndex();
    this.slots = [];
    this.indexed = new WeakMap();
    this.docOf.clear();
    for (const slot of live) {
      const doc = this.engine.add(termsOf(slot.entry.texts), FIELD_WEIGHTS);
      this.slots[doc] = slot;
      this.docOf.set(slot.entry.key, doc);
      this.indexed.set(slot.loaded, doc);
    }
  }

  search(text: string, options: SearchOptions = {}): SearchAnswer {
    if (this.stale) this.sync();
    const query = parseQuery(text);
    if (isEmptyQuery(query) || query.invalid.length > 0) return { results: [], invalid: query.invalid };
    const partners = this.partnerLookup();
    const wanted = partnersWanted(query, partners);
    const keep = (entry: SearchEntry) => (options.includePrivate === true || !entry.private) && passesFilters(entry, query, wanted);
    const limit = options.limit ?? DEFAULT_LIMIT;
    let found: { slot: Slot; doc: number; score: number }[];
    const groups = query.words.length === 0 ? [] : engineQuery(query);
    if (query.words.length === 0) {
      // Filters only: the newest first. Once `limit` are kept, an older record is passed over before its
      // filters are even checked.
      found = [];
      for (let doc = 0; doc < this.slots.length; doc++) {
        const slot = this.slots[doc];
        if (!slot) continue;
        const oldest = found.length >= limit ? found[found.length - 1]?.slot.entry.day : undefined;
        if (oldest !== undefined && slot.entry.day <= oldest) continue;
        if (!keep(slot.entry)) continue;
        let at = found.length;
        while (at > 0 && newerFirst(slot.entry.day, found[at - 1]?.slot.entry.day ?? '') < 0) at--;
        found.splice(at, 0, { slot, doc, score: 0 });
        if (found.length > limit) found.pop();
      }
    } else {
      found = [];
      for (const hit of this.engine.search(groups, (doc) => {
        const slot = this.slots[doc];
        return slot !== undefined && keep(slot.entry);
      })) {
        const slot = this.slots[hit.doc];
        if (slot) found.push({ slot, doc: hit.doc, score: hit.score });
      }
      found = best(found, limit);
    }
    return {
      invalid: [],
      results: found.map(({ slot: { entry }, doc, score }) => {
        const terms = groups.length === 0 ? new Set<string>() : this.engine.matchedTerms(doc, groups);
        const partnerId = entry.partnerIds[0] ?? '';
        return {
          kind: entry.kind,
          recordId: entry.recordId,
          root: entry.root,
          partnerId,
          partnerName: partners.get(partnerId)?.name ?? '',
          partnerIds: entry.partnerIds,
          date: entry.day,
          snippet: snippetOf(entry.texts, terms),
          private: entry.private,
          score,
        };
      }),
    };
  }

  private partnerLookup(): Map<string, Partner> {
    const result = new Map<string, Partner>();
    for (const source of this.sources()) for (const { value } of source.all('partner')) result.set(value.id, value);
    return result;
  }
}

/**
 * Every word must match by its stem (one typo allowed when it is long); the word still being typed also
 * as the prefix of a stem, as typed or stemmed ("pric" finds "price"), or by a stem it starts with
 * ("escalat" finds "escal", the stem of "escalated").
 */
function engineQuery(query: ParsedQuery): Alternative[][] {
  const groups: Alternative[][] = [];
  query.words.forEach((typed, index) => {
    for (const word of tokenize(typed)) {
      const folded = fold(word);
      const stem = termOf(word);
      if (stem === '') continue;
      const group: Alternative[] = [{ term: stem, mode: stem.length >= 6 ? 'fuzzy' : 'exact' }];
      if (query.lastIsPrefix && index === query.words.length - 1) {
        group.push({ term: folded, mode: 'prefix' }, { term: folded, mode: 'stemOf' });
        if (stem !== folded) group.push({ term: stem, mode: 'prefix' });
      }
      groups.push(group);
    }
  });
  return groups;
}

/** The `limit` best scores, best first (ties: the newer day first): a partial selection, not a full sort. */
function best<T extends { slot: Slot; score: number }>(items: T[], limit: number): T[] {
  return top(items, limit, (a, b) => b.score - a.score || newerFirst(a.slot.entry.day, b.slot.entry.day));
}

/** yyyy-mm-dd days compare as strings (and much faster than localeCompare). */
function newerFirst(a: string, b: string): number {
  return a > b ? -1 : a < b ? 1 : 0;
}

function top<T>(items: T[], limit: number, order: (a: T, b: T) => number): T[] {
  if (items.length <= limit * 4) return items.sort(order).slice(0, limit);
  const kept: T[] = [];
  for (const item of items) {
    const last = kept[kept.length - 1];
    if (kept.length >= limit && last !== undefined && order(item, last) >= 0) continue;
    let at = kept.length;
    while (at > 0 && order(item, kept[at - 1]) < 0) at--;
    kept.splice(at, 0, item);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}

function includesFolded(value: string | undefined, wanted: readonly string[]): boolean {
  if (wanted.length === 0) return true;
  if (value === undefined) return false;
  const folded = fold(value);
  return wanted.some((part) => folded.includes(part));
}

/** The partners the partner:, dept:, org: and tag: filters let through (undefined: no such filter, all pass). */
function partnersWanted(query: ParsedQuery, partners: ReadonlyMap<string, Partner>): Set<string> | undefined {
  if (query.partner.length + query.dept.length + query.org.length + query.tag.length === 0) return undefined;
  const result = new Set<string>();
  for (const partner of partners.values()) {
    const byPartner =
      query.partner.length === 0 || query.partner.some((wanted) => fold(partner.id) === wanted || fold(partner.name).includes(wanted));
    const tags = (partner.tags ?? []).map(fold);
    if (
      byPartner &&
      includesFolded(partner.department, query.dept) &&
      includesFolded(partner.organisation, query.org) &&
      (query.tag.length === 0 || query.tag.some((tag) => tags.includes(tag)))
    )
      result.add(partner.id);
  }
  return result;
}

function passesFilters(entry: SearchEntry, query: ParsedQuery, partners: ReadonlySet<string> | undefined): boolean {
  if (query.kind.length > 0 && !query.kind.includes(entry.kind)) return false;
  if (query.after !== undefined && !(entry.day >= query.after)) return false;
  if (query.before !== undefined && !(entry.day !== '' && entry.day < query.before)) return false;
  return partners === undefined || entry.partnerIds.some((id) => partners.has(id));
}
