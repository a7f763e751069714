// Search over every record of one or more stores (MiniSearch; the choice: docs/decisions/search-engine.md).
// Built on the first search; after that each sync() only re-indexes the records whose Loaded object
// changed (the store replaces it when a file is written, re-read or deleted), so a change costs one
// record, not the store. Partner names, departments, organisations and tags for the filters are looked
// up at query time, so renaming a partner needs no re-index of their check-ins.
import MiniSearch, { type Query, type SearchResult as EngineResult } from 'minisearch';
import type { Partner } from '../model';
import type { CollectionKind } from '../vocabulary';
import { entryOf, SEARCHED_KINDS, type SearchEntry, type SearchSource } from './documents';
import { isEmptyQuery, parseQuery, type ParsedQuery } from './query';
import { snippetOf, type Snippet } from './snippet';
import { fold, termOf, tokenize } from './terms';

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

interface IndexedDocument {
  id: string;
  text: string;
  more: string;
}

const DEFAULT_LIMIT = 50;

/** The indexed terms of a word: its folded form (for prefixes while typing) and its stem. */
function indexTerms(word: string): string[] | null {
  const folded = fold(word);
  if (folded === '') return null;
  const stem = termOf(word);
  return stem === folded ? [folded] : [folded, stem];
}

export class SearchIndex {
  private readonly engine = new MiniSearch<IndexedDocument>({
    fields: ['text', 'more'],
    tokenize,
    processTerm: indexTerms,
    searchOptions: { tokenize, processTerm: (term) => term, boost: { text: 2 } },
  });
  private readonly entries = new Map<string, { entry: SearchEntry; loaded: object }>();
  /** The key of each Loaded object indexed (a replaced one is collected with its record). */
  private readonly keyOf = new WeakMap<object, string>();
  private stale = true;

  constructor(private readonly sources: () => readonly SearchSource[]) {}

  /** Some store changed: the next search syncs first. */
  markChanged(): void {
    this.stale = true;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Brings the index up to date with the stores: adds, replaces and removes changed records only. */
  sync(): void {
    this.stale = false;
    // A record whose Loaded object is indexed is unchanged: counted, not looked up by key. When the
    // unchanged and the (re-)indexed ones add up to every entry, nothing was removed and the walk is done.
    let current = 0;
    const changed: string[] = [];
    for (const source of this.sources())
      for (const kind of SEARCHED_KINDS)
        for (const loaded of source.all<CollectionKind>(kind)) {
          current++;
          if (this.keyOf.has(loaded)) continue;
          const key = `${source.root}\u0000${kind}\u0000${(loaded.value as { id: string }).id}`;
          const known = this.entries.get(key);
          if (known) this.engine.discard(key);
          const entry = entryOf(source, kind, loaded);
          this.entries.set(key, { entry, loaded });
          this.keyOf.set(loaded, key);
          changed.push(key);
          this.engine.add({ id: key, text: entry.texts[0] ?? '', more: entry.texts.slice(1).join('\n') });
        }
    if (this.entries.size === current) return;
    // Some records are gone: keep the entries whose Loaded object the stores still hold.
    const seen = new Set<string>(changed);
    for (const source of this.sources())
      for (const kind of SEARCHED_KINDS)
        for (const loaded of source.all<CollectionKind>(kind)) {
          const key = this.keyOf.get(loaded);
          if (key !== undefined) seen.add(key);
        }
    for (const key of [...this.entries.keys()])
      if (!seen.has(key)) {
        this.engine.discard(key);
        this.entries.delete(key);
      }
  }

  search(text: string, options: SearchOptions = {}): SearchAnswer {
    if (this.stale) this.sync();
    const query = parseQuery(text);
    if (isEmptyQuery(query) || query.invalid.length > 0) return { results: [], invalid: query.invalid };
    const partners = this.partnerLookup();
    const keep = (entry: SearchEntry) => (options.includePrivate === true || !entry.private) && passesFilters(entry, query, partners);
    const limit = options.limit ?? DEFAULT_LIMIT;
    const found: { entry: SearchEntry; terms: Set<string>; score: number }[] = [];
    if (query.words.length === 0) {
      for (const { entry } of this.entries.values()) if (keep(entry)) found.push({ entry, terms: new Set(), score: 0 });
      found.sort((a, b) => b.entry.day.localeCompare(a.entry.day));
    } else {
      const hits: EngineResult[] = this.engine.search(engineQuery(query), {
        combineWith: 'AND',
        filter: (hit) => {
          const known = this.entries.get(hit.id as string);
          return known !== undefined && keep(known.entry);
        },
      });
      for (const hit of hits) {
        const known = this.entries.get(hit.id as string);
        if (known) found.push({ entry: known.entry, terms: new Set(hit.terms), score: hit.score });
      }
    }
    return {
      invalid: [],
      results: found.slice(0, limit).map(({ entry, terms, score }) => {
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

/** Every word must match (by its stem, or a little fuzzily when long); the last one also as a prefix. */
function engineQuery(query: ParsedQuery): Query {
  const queries: Query[] = [];
  query.words.forEach((typed, index) => {
    for (const word of tokenize(typed)) {
      const folded = fold(word);
      const stem = termOf(word);
      // The word as typed, one typo allowed when it is long; its stem, exactly.
      const alternatives: Query[] = [{ queries: [folded], fuzzy: folded.length >= 6 ? 1 : false, prefix: false }];
      if (stem !== folded) alternatives.push({ queries: [stem], prefix: false });
      if (query.lastIsPrefix && index === query.words.length - 1) alternatives.push({ queries: [folded], prefix: true });
      queries.push({ combineWith: 'OR', queries: alternatives });
    }
  });
  return { combineWith: 'AND', queries };
}

function includesFolded(value: string | undefined, wanted: readonly string[]): boolean {
  if (wanted.length === 0) return true;
  if (value === undefined) return false;
  const folded = fold(value);
  return wanted.some((part) => folded.includes(part));
}

function passesFilters(entry: SearchEntry, query: ParsedQuery, partners: ReadonlyMap<string, Partner>): boolean {
  if (query.kind.length > 0 && !query.kind.includes(entry.kind)) return false;
  if (query.after !== undefined && !(entry.day >= query.after)) return false;
  if (query.before !== undefined && !(entry.day !== '' && entry.day < query.before)) return false;
  if (query.partner.length + query.dept.length + query.org.length + query.tag.length === 0) return true;
  return entry.partnerIds.some((id) => {
    const partner = partners.get(id);
    if (!partner) return false;
    const byPartner =
      query.partner.length === 0 || query.partner.some((wanted) => fold(partner.id) === wanted || fold(partner.name).includes(wanted));
    const tags = (partner.tags ?? []).map(fold);
    return (
      byPartner &&
      includesFolded(partner.department, query.dept) &&
      includesFolded(partner.organisation, query.org) &&
      (query.tag.length === 0 || query.tag.some((tag) => tags.includes(tag)))
    );
  });
}
