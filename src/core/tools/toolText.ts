// How tool answers write store text: escaped Markdown on one line (a name cannot become a heading, a link
// or an image where a chat renders the answer), invisible characters shown (visibleText.ts), and long
// text cut short so one record cannot flood the model's context.
import { calendarDate } from '../dates';
import type { CheckIn } from '../model';
import { mdText } from '../stats/report';
import { english } from '../translator';
import { checkInKindLabel } from '../vocabulary';

/** Longest stretch of one stored text an answer quotes. */
export const MAX_QUOTED = 500;

/** Store text inside an answer: one line, Markdown escaped, at most `max` characters (then "…"). */
export function inline(text: string, max = MAX_QUOTED): string {
  const trimmed = text.trim();
  // Cut before escaping: an escape is never split.
  const cut = trimmed.length > max ? `${[...trimmed.slice(0, max)].slice(0, -1).join('')}…` : trimmed;
  return mdText(cut);
}

/** An ISO timestamp's local calendar day. */
export function dayOf(iso: string): string {
  return calendarDate(new Date(iso));
}

/** "2026-11-01, 1:1, rated 3/5: summary (by Alex Morgan)", "(private)" when it is. */
export function checkInLine(checkIn: CheckIn, isPrivate: boolean, withAuthor = true): string {
  const rating = checkIn.rating ? `, rated ${checkIn.rating}/5` : '';
  const secret = isPrivate ? ' (private)' : '';
  const author = withAuthor ? ` (by ${inline(checkIn.author.name, 100)})` : '';
  return `${dayOf(checkIn.date)}, ${checkInKindLabel(checkIn.kind, english)}${rating}${secret}: ${inline(checkIn.summary)}${author}`;
}

/** "1 partner", "2 partners". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
