// The search box's syntax: free words, the last one matched as a prefix while it is being typed, and
// filters — partner:, dept:, org:, tag:, kind:, after:yyyy-mm-dd, before:yyyy-mm-dd. A filter's value may
// be quoted (partner:"Dana W"). Filters of one name are alternatives (kind:ask kind:followUp), filters
// of different names must all hold. A filter that cannot be read (after:soon, kind:meeting) is a problem
// the caller shows, and matches nothing rather than everything.
import { isRealCalendarDate } from '../model';
import { COLLECTION_KINDS, type CollectionKind } from '../vocabulary';
import { fold } from './terms';

export const FILTER_NAMES = ['partner', 'dept', 'org', 'tag', 'kind', 'after', 'before'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

export interface ParsedQuery {
  /** The free words, as typed. */
  words: string[];
  /** True when the text does not end in a space: the last word is still being typed (a prefix). */
  lastIsPrefix: boolean;
  partner: string[];
  dept: string[];
  org: string[];
  tag: string[];
  kind: CollectionKind[];
  /** Calendar dates, yyyy-mm-dd: on or after. */
  after?: string;
  /** Calendar dates, yyyy-mm-dd: strictly before. */
  before?: string;
  /** Filters that could not be read, as typed ("kind:meeting"). */
  invalid: string[];
}

const TOKEN = /([A-Za-z]+):(?:"([^"]*)"?|(\S*))|"([^"]*)"?|(\S+)/g;

/** kind: accepts the record kinds as the code spells them and a few spellings people type. */
const KIND_ALIASES: Record<string, CollectionKind> = {
  ...Object.fromEntries(COLLECTION_KINDS.map((kind) => [kind.toLowerCase(), kind])),
  checkin: 'checkIn',
  'check-in': 'checkIn',
  'talking-point': 'talkingPoint',
  point: 'talkingPoint',
  'follow-up': 'followUp',
  followup: 'followUp',
  todo: 'followUp',
  notes: 'note',
  private: 'note',
};

function isFilterName(name: string): name is FilterName {
  return (FILTER_NAMES as readonly string[]).includes(name);
}

export function parseQuery(text: string): ParsedQuery {
  const query: ParsedQuery = { words: [], lastIsPrefix: !/\s$/.test(text), partner: [], dept: [], org: [], tag: [], kind: [], invalid: [] };
  for (const match of text.matchAll(TOKEN)) {
    const [whole, rawName, quotedValue, plainValue, quoted, word] = match;
    const name = rawName?.toLowerCase();
    if (name !== undefined && isFilterName(name)) {
      const value = (quotedValue ?? plainValue ?? '').trim();
      if (value === '') {
        // "kind:" while typing: no filter yet, and no word either.
        if (match.index + whole.length < text.length) query.invalid.push(whole);
        continue;
      }
      // The filter still being typed ("kind:che", "after:2026-1"): read as far as it goes, never an error yet.
      const typing = query.lastIsPrefix && match.index + whole.length === text.length;
      addFilter(query, name, value, whole, typing);
    } else if (quoted !== undefined || rawName !== undefined) query.words.push(...(quoted ?? whole).split(/\s+/).filter(Boolean));
    else if (word !== undefined) query.words.push(word);
  }
  return query;
}

function addFilter(query: ParsedQuery, name: FilterName, value: string, whole: string, typing: boolean): void {
  switch (name) {
    case 'kind': {
      const wanted = value.toLowerCase();
      const kind = KIND_ALIASES[wanted];
      const started = typing ? Object.entries(KIND_ALIASES).filter(([alias]) => alias.startsWith(wanted)) : [];
      if (kind) query.kind.push(kind);
      else if (started.length > 0) query.kind.push(...new Set(started.map(([, each]) => each)));
      else query.invalid.push(whole);
      return;
    }
    case 'after':
    case 'before': {
      if (/^\d{4}-\d{2}-\d{2}$/.test(value) && isRealCalendarDate(value)) query[name] = value;
      else if (!(typing && /^\d{1,4}(-\d{0,2}(-\d{0,1})?)?$/.test(value))) query.invalid.push(whole);
      return;
    }
    default:
      query[name].push(fold(value));
  }
}

/** True when the query has something to search by: a word or a filter. */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return (
    query.words.length === 0 &&
    query.invalid.length === 0 &&
    FILTER_NAMES.every((name) => {
      const value = query[name];
      return Array.isArray(value) ? value.length === 0 : value === undefined;
    })
  );
}
