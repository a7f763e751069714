// How search splits and normalises words, the same for the records indexed, the query typed and the
// snippet marked: Unicode letters and digits make a word, case and accents are folded, and English words
// are reduced to their Porter stem (the stemmer the dashboard's themes use), so "pricing" finds "priced".
import { stemmer } from 'stemmer';

/** One word of a text and where it is (UTF-16 offsets, end exclusive). */
export interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const MARKS = /\p{M}/gu;

/** The words of a text, with their offsets. */
export function wordsOf(text: string): Word[] {
  const result: Word[] = [];
  for (const match of text.matchAll(WORD)) result.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  return result;
}

const ASCII_WORD = /^[A-Za-z0-9]+$/;

/** Lower case, accents dropped ("Réunion" → "reunion"). */
export function fold(word: string): string {
  if (ASCII_WORD.test(word)) return word.toLowerCase();
  return word
    .normalize('NFD')
    .replace(MARKS, '')
    .toLocaleLowerCase('en')
    .replace(/['’]s$/u, '')
    .replace(/['’]/gu, '');
}

/** Stems of words seen: a store's vocabulary is small next to its word count (indexing a big store). */
const STEMS = new Map<string, string>();
const MAX_STEMS = 100_000;

/** The term a word is indexed and searched by. */
export function termOf(word: string): string {
  const folded = fold(word);
  // Porter is for English words: leave numbers, short words and non-Latin scripts as they are.
  if (folded.length <= 2 || !/^[a-z]+$/.test(folded)) return folded;
  let stem = STEMS.get(folded);
  if (stem === undefined) {
    if (STEMS.size >= MAX_STEMS) STEMS.clear();
    stem = stemmer(folded);
    STEMS.set(folded, stem);
  }
  return stem;
}

/** The words of a text, as written (the query's words; the index stems each with termOf). */
export function tokenize(text: string): string[] {
  return wordsOf(text).map((word) => word.text);
}
