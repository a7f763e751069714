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
  'also',
  'just',
  'get',
  'got',
  'getting',
  'can',
  'could',
  'would',
  'should',
  'will',
  'need',
  'needs',
  'want',
  'wants',
  'like',
  'make',
  'made',
  'going',
  'said',
  'says',
  'say',
  'told',
  'think',
  'thinks',
  'thought',
  'know',
  'let',
  'lets',
  'one',
  'two',
  'three',
  'new',
  'next',
  'last',
  'week',
  'weeks',
  'today',
  'yesterday',
  'tomorrow',
  'month',
  'months',
  'day',
  'days',
  'time',
  'still',
  'really',
  'much',
  'many',
  'lot',
  'lots',
  'well',
  'good',
  'great',
  'bit',
  'back',
  'check',
  'checked',
  'checkin',
  'sync',
  'synced',
  'chat',
  'chatted',
  'talk',
  'talked',
  'talking',
  'discuss',
  'discussed',
  'meeting',
  'met',
  'call',
  'quick',
  'went',
  'come',
  'coming',
  'see',
  'seems',
  'things',
  'thing',
  'way',
  'yes',
  'yet',
  'may',
  'might',
  'must',
  'did',
  'does',
  'done',
  'doing',
  'now',
  'soon',
  'around',
  'via',
  'don',
  'isn',
  'won',
  'http',
  'https',
  'www',
  'com',
  // Pronouns and helpers the general list lacks.
  'she',
  'hers',
  'herself',
  'they',
  'themselves',
  'theirs',
  'ours',
  'ourselves',
  'yours',
  'yourself',
  'its',
  'itself',
  'mine',
  'myself',
  'not',
  'no',
  'nor',
  'off',
  'again',
  'once',
  'just',
  'why',
  'whom',
  'all',
  'any',
  'few',
  'own',
  'same',
  'so',
  'than',
  'too',
  'very',
  'until',
  'above',
  'below',
  'down',
  'does',
  'doing',
  'having',
  'here',
  'there',
  'ask',
  'asked',
  'asks',
  'agree',
  'agreed',
  'needed',
  'wanted',
  'shared',
  'share',
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

/**
 * Every word ever seen gets a number, once: the vocabulary (words and their Porter stems). Check-ins keep
 * the numbers of their words while the record is unchanged, so a refresh of the dashboard re-reads none
 * of them, and counting runs on arrays of numbers.
 */
const vocabulary = { ids: new Map<string, number>(), words: [] as string[], stems: [] as string[] };
const MAX_VOCABULARY = 500_000;

function wordId(word: string): number {
  let id = vocabulary.ids.get(word);
  if (id === undefined) {
    id = vocabulary.words.length;
    vocabulary.ids.set(word, id);
    vocabulary.words.push(word);
    vocabulary.stems.push(stemmer(word));
  }
  return id;
}

const wordCache = new WeakMap<object, { summary: string; notes: string | undefined; ids: Int32Array }>();

/** A check-in's word ids, kept on its statistics record (a dashboard refresh reads 50,000 of them). */
function wordIdsOf(checkIn: StatCheckIn): Int32Array {
  if (checkIn.words) return checkIn.words;
  const ids = checkInWordIds(checkIn.value);
  if (vocabulary.words.length < MAX_VOCABULARY) checkIn.words = ids;
  return ids;
}

function checkInWordIds(value: StatCheckIn['value']): Int32Array {
  const cached = wordCache.get(value);
  if (cached && cached.summary === value.summary && cached.notes === value.notes) return cached.ids;
  const list = words(value.notes ? `${value.summary}\n${value.notes}` : value.summary);
  const ids = Int32Array.from(list, wordId);
  // A runaway vocabulary (generated text) would only cost memory: stop caching, keep counting.
  if (vocabulary.words.length < MAX_VOCABULARY) wordCache.set(value, { summary: value.summary, notes: value.notes, ids });
  return ids;
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
  const shared = checkIns.filter((c) => !c.private);
  const idsOf = shared.map(wordIdsOf);
  // Per word: the term (stem) it counts for, or -1 when it is a stop word, a name or too short.
  const size = vocabulary.words.length;
  const termOf = new Int32Array(size).fill(-1);
  const termIds = new Map<string, number>();
  const termStems: string[] = [];
  for (let w = 0; w < size; w++) {
    const word = vocabulary.words[w];
    const stem = vocabulary.stems[w];
    if (STOP.has(word) || excluded.has(word) || excluded.has(stem) || stem.length < MIN_LENGTH) continue;
    let t = termIds.get(stem);
    if (t === undefined) {
      t = termStems.length;
      termIds.set(stem, t);
      termStems.push(stem);
    }
    termOf[w] = t;
  }
  const counts = new Int32Array(termStems.length);
  const lastSeen = new Int32Array(termStems.length).fill(-1);
  const spellings = new Int32Array(size);
  for (let i = 0; i < idsOf.length; i++) {
    for (const w of idsOf[i]) {
      const t = termOf[w];
      if (t < 0) continue;
      spellings[w]++;
      if (lastSeen[t] === i) continue; // counted for this check-in already
      lastSeen[t] = i;
      counts[t]++;
    }
  }
  const candidates: number[] = [];
  for (let t = 0; t < counts.length; t++) if (counts[t] > 0) candidates.push(t);
  const top = candidates
    .filter((t) => counts[t] >= 2 || candidates.length <= limit)
    .sort((a, b) => counts[b] - counts[a] || termStems[a].localeCompare(termStems[b]))
    .slice(0, limit);
  // The check-ins of the top terms, newest first (check-ins come oldest first).
  const rank = new Int32Array(termStems.length).fill(-1);
  top.forEach((t, r) => (rank[t] = r));
  const lists: string[][] = top.map(() => []);
  const seen = new Int32Array(top.length).fill(-1);
  // Newest first, until every list is full: the recent check-ins usually fill them all.
  let open = top.length;
  for (let i = idsOf.length - 1; i >= 0 && open > 0; i--) {
    for (const w of idsOf[i]) {
      const t = termOf[w];
      const r = t < 0 ? -1 : rank[t];
      if (r < 0 || seen[r] === i || lists[r].length >= MAX_THEME_CHECK_INS) continue;
      seen[r] = i;
      lists[r].push(shared[i].value.id);
      if (lists[r].length === MAX_THEME_CHECK_INS) open--;
    }
  }
  // The spelling written most often, per term.
  const best = new Map<number, number>();
  for (let w = 0; w < size; w++) {
    const t = termOf[w];
    if (t < 0 || rank[t] < 0 || spellings[w] === 0) continue;
    const current = best.get(t);
    if (
      current === undefined ||
      spellings[w] > spellings[current] ||
      (spellings[w] === spellings[current] && vocabulary.words[w] < vocabulary.words[current])
    )
      best.set(t, w);
  }
  const max = top.length > 0 ? counts[top[0]] : 1;
  const min = top.length > 0 ? counts[top[top.length - 1]] : 1;
  return top.map((t, r) => ({
    term: termStems[t],
    label: vocabulary.words[best.get(t) ?? 0],
    count: counts[t],
    weight: max === min ? 3 : 1 + Math.round(((counts[t] - min) / (max - min)) * 4),
    checkInIds: lists[r],
  }));
}
