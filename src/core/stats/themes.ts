// Themes: the terms people wrote in check-in summaries and notes over the chosen range. Stop words,
// partner names and words every check-in uses are left out; words are grouped by their Porter stem
// ("renewal", "renewals" → one term) and shown in the form people wrote most often. A term counts the
// check-ins that mention it, so one long note cannot drown out the rest.
import { stemmer } from 'stemmer';
import { eng } from 'stopword';
import type { Partner } from '../model';
import type { StatCheckIn } from './input';

export interface Theme {
  /** The stem: the key the page sends back when a term is clicked. */
  term: string;
  /** The spelling written most often. */
  label: string;
  /** Check-ins mentioning it. */
  count: number;
  /** 1 (smallest) to 5 (largest): the word cloud's size class. */
  weight: number;
  /** Ids of the check-ins mentioning it, newest first (at most MAX_THEME_CHECK_INS). */
  checkInIds: string[];
}

export const MAX_THEMES = 60;
export const MAX_THEME_CHECK_INS = 100;
const MIN_LENGTH = 3;

/** Words too common in check-in notes to tell anything (on top of the general English stop words). */
const COMMON_WORDS = [
  'also', 'just', 'get', 'got', 'getting', 'can', 'could', 'would', 'should', 'will', 'need', 'needs', 'want', 'wants',
  'like', 'make', 'made', 'going', 'said', 'says', 'say', 'told', 'think', 'thinks', 'thought', 'know', 'let', 'lets',
  'one', 'two', 'three', 'new', 'next', 'last', 'week', 'weeks', 'today', 'yesterday', 'tomorrow', 'month', 'months',
  'day', 'days', 'time', 'still', 'really', 'much', 'many', 'lot', 'lots', 'well', 'good', 'great', 'bit', 'back',
  'check', 'checked', 'checkin', 'sync', 'synced', 'chat', 'chatted', 'talk', 'talked', 'talking', 'discuss',
  'discussed', 'meeting', 'met', 'call', 'quick', 'went', 'come', 'coming', 'see', 'seems', 'things', 'thing',
  'way', 'yes', 'yet', 'may', 'might', 'must', 'did', 'does', 'done', 'doing', 'now', 'soon', 'around', 'via',
  'don', 'isn', 'won', 'http', 'https', 'www', 'com',
  // Pronouns and helpers the general list lacks.
  'she', 'hers', 'herself', 'they', 'themselves', 'theirs', 'ours', 'ourselves', 'yours', 'yourself', 'its', 'itself',
  'mine', 'myself', 'not', 'no', 'nor', 'off', 'again', 'once', 'just', 'why', 'whom', 'all', 'any', 'few', 'own',
  'same', 'so', 'than', 'too', 'very', 'until', 'above', 'below', 'down', 'does', 'doing', 'having', 'here', 'there',
  'ask', 'asked', 'asks', 'agree', 'agreed', 'needed', 'wanted', 'shared', 'share',
];

const STOP = new Set<string>([...eng, ...COMMON_WORDS]);
const SEPARATORS = /[^\p{L}\p{N}'’-]+/u;
const URL = /\b(?:https?:\/\/|www\.)\S+/giu;
const APOSTROPHE_ENDING = /['’](s|t|d|ll|re|ve|m)?$/u;

/** Lowercase words of a text, URLs dropped, apostrophe endings ("team's") and edge hyphens trimmed. */
export function words(text: string): string[] {
  // Runs for every check-in: the cheap checks come first, the regular expressions only when needed.
  const plain = text.includes('://') || text.includes('www.') ? text.replace(URL, ' ') : text;
  const result: string[] = [];
  for (let word of plain.toLowerCase().split(SEPARATORS)) {
    if (word.length < MIN_LENGTH) continue;
    if (word.includes("'") || word.includes('’')) word = word.replace(APOSTROPHE_ENDING, '');
    while (word.endsWith('-')) word = word.slice(0, -1);
    while (word.startsWith('-') || word.startsWith("'") || word.startsWith('’')) word = word.slice(1);
    if (word.length >= MIN_LENGTH && !isNumber(word)) result.push(word);
  }
  return result;
}

function isNumber(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** Words of each check-in, kept while the record is unchanged: a refresh re-reads none of them. */
const wordCache = new WeakMap<object, { summary: string; notes: string | undefined; words: string[] }>();

function checkInWords(value: StatCheckIn['value']): string[] {
  const cached = wordCache.get(value);
  if (cached && cached.summary === value.summary && cached.notes === value.notes) return cached.words;
  const list = words(value.notes ? `${value.summary}\n${value.notes}` : value.summary);
  wordCache.set(value, { summary: value.summary, notes: value.notes, words: list });
  return list;
}

/** Every word of every partner's name (lowercase), and their stems. */
export function nameWords(partners: readonly Pick<Partner, 'name'>[]): Set<string> {
  const names = new Set<string>();
  for (const partner of partners) {
    for (const word of words(partner.name)) {
      names.add(word);
      names.add(stemmer(word));
    }
  }
  return names;
}

/**
 * The top terms of the check-ins' summaries and shared notes. Private check-ins are skipped: their words
 * must not surface on a page that can be exported and shared.
 */
export function themes(checkIns: readonly StatCheckIn[], partners: readonly Pick<Partner, 'name'>[], limit = MAX_THEMES): Theme[] {
  const excluded = nameWords(partners);
  const stems = new Map<string, string | null>(); // word → stem, or null when excluded
  const terms = new Map<string, { checkIns: string[]; count: number; spellings: Map<string, number>; lastSeen: number }>();
  // Newest first, so each term's check-in list is newest first without sorting it.
  for (let i = checkIns.length - 1; i >= 0; i--) {
    const checkIn = checkIns[i];
    if (checkIn.private) continue;
    for (const word of checkInWords(checkIn.value)) {
      let stem = stems.get(word);
      if (stem === undefined) {
        const s = stemmer(word);
        stem = STOP.has(word) || excluded.has(word) || excluded.has(s) || s.length < MIN_LENGTH ? null : s;
        stems.set(word, stem);
      }
      if (stem === null) continue;
      let entry = terms.get(stem);
      if (!entry) terms.set(stem, (entry = { checkIns: [], count: 0, spellings: new Map(), lastSeen: -1 }));
      entry.spellings.set(word, (entry.spellings.get(word) ?? 0) + 1);
      if (entry.lastSeen === i) continue; // counted for this check-in already
      entry.lastSeen = i;
      entry.count++;
      if (entry.checkIns.length < MAX_THEME_CHECK_INS) entry.checkIns.push(checkIn.value.id);
    }
  }
  const top = [...terms]
    .filter(([, entry]) => entry.count >= 2 || terms.size <= limit)
    .sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b))
    .slice(0, limit);
  const max = top[0]?.[1].count ?? 1;
  const min = top[top.length - 1]?.[1].count ?? 1;
  return top.map(([term, entry]) => ({
    term,
    label: mostUsed(entry.spellings),
    count: entry.count,
    weight: max === min ? 3 : 1 + Math.round(((entry.count - min) / (max - min)) * 4),
    checkInIds: entry.checkIns,
  }));
}

function mostUsed(spellings: Map<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [word, count] of spellings) {
    if (count > bestCount || (count === bestCount && word < best)) {
      best = word;
      bestCount = count;
    }
  }
  return best;
}
