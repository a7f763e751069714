// A result's snippet: one line of the text that matched, around its first match, with the matching
// words' ranges. The text is shown as visible text (a bidi override or a zero-width space appears as
// ⟨U+202E⟩), and the ranges are offsets into that shown text.
import { visible } from '../visibleText';
import { fold, termOf, wordsOf } from './terms';

export interface Snippet {
  text: string;
  /** [start, end) offsets (UTF-16) of the matching words in `text`. */
  ranges: [number, number][];
}

const MAX_LENGTH = 120;
const BEFORE_MATCH = 30;

function matchingRanges(text: string, terms: ReadonlySet<string>): [number, number][] {
  return wordsOf(text)
    .filter((word) => terms.has(fold(word.text)) || terms.has(termOf(word.text)))
    .map((word): [number, number] => [word.start, word.end]);
}

/** The snippet of the first text with a matching word (or of the first text, unmarked). */
export function snippetOf(texts: readonly string[], terms: ReadonlySet<string>): Snippet {
  const lines = texts.map((text) => visible(text.replace(/[\r\n\t ]+/g, ' ').trim()));
  for (const line of lines) {
    const ranges = matchingRanges(line, terms);
    const [first] = ranges;
    if (first) return window(line, ranges, first[0]);
  }
  return window(lines[0] ?? '', [], 0);
}

function window(line: string, ranges: [number, number][], firstMatch: number): Snippet {
  let start = 0;
  if (firstMatch > BEFORE_MATCH && line.length > MAX_LENGTH) {
    const space = line.lastIndexOf(' ', firstMatch - BEFORE_MATCH);
    start = Math.max(0, space < 0 ? firstMatch - BEFORE_MATCH : space + 1);
  }
  const end = Math.min(line.length, start + MAX_LENGTH);
  const lead = start > 0 ? '…' : '';
  const tail = end < line.length ? '…' : '';
  const text = `${lead}${line.slice(start, end)}${tail}`;
  const shift = lead.length - start;
  return {
    text,
    ranges: ranges.filter(([from, to]) => from >= start && to <= end).map(([from, to]): [number, number] => [from + shift, to + shift]),
  };
}
