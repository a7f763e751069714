import { differenceInCalendarDays, parseISO, startOfDay } from 'date-fns';
import { calendarDate } from './dates';
import * as l10n from '@vscode/l10n';
import { dueLabel } from './cadence';
import type { Translator } from './translator';
import type { FollowUp, TalkingPoint } from './model';
import type { Loaded, Store } from './store';

/** Still on the agenda: not covered by a check-in nor marked covered by hand. */
export function isOpenTalkingPoint(point: Pick<TalkingPoint, 'coveredAt' | 'coveredIn'>): boolean {
  return !point.coveredAt && !point.coveredIn;
}

/** "src/a.ts:3" or "src/a.ts:3–5": where in the code a talking point is. */
export function sourceLabel(source: { path: string; startLine: number; endLine: number }): string {
  return source.endLine > source.startLine ? `${source.path}:${source.startLine}–${source.endLine}` : `${source.path}:${source.startLine}`;
}

/** Who owns a follow-up, by name: "me" is its author, "them" the partner. */
export function followUpOwnerName(
  followUp: Pick<FollowUp, 'owner' | 'author' | 'teammate'>,
  partnerName: string,
  translator: Translator = l10n,
): string {
  if (followUp.owner === 'me') return followUp.author.name;
  if (followUp.owner === 'them') return partnerName;
  // Named l10n so that the string extractor (@vscode/l10n-dev) finds the message.
  const l10n = translator;
  return followUp.teammate || l10n.t('a teammate');
}

/** Talking points still to bring up with a partner, oldest first. */
export function openTalkingPoints(store: Store, partnerId: string): Loaded<TalkingPoint>[] {
  return store
    .ofPartner('talkingPoint', partnerId)
    .filter((point) => isOpenTalkingPoint(point.value))
    .sort((a, b) => a.value.createdAt.localeCompare(b.value.createdAt));
}

/**
 * How many open items (talking points and follow-ups) each partner's agenda holds, in one pass over the
 * store: the tree shows it on every partner row, and a lookup per partner costs ten times more.
 */
export function openAgendaCounts(store: Store): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (partnerId: string) => counts.set(partnerId, (counts.get(partnerId) ?? 0) + 1);
  for (const { value } of store.all('talkingPoint')) if (isOpenTalkingPoint(value)) add(value.partnerId);
  for (const { value } of store.all('followUp')) if (!value.done) add(value.partnerId);
  return counts;
}

/** Days until a follow-up is due (negative: overdue), or undefined without a due date. */
export function followUpDays(followUp: FollowUp, now: Date): number | undefined {
  return followUp.due ? differenceInCalendarDays(startOfDay(parseISO(followUp.due)), startOfDay(now)) : undefined;
}

export function followUpDueLabel(followUp: FollowUp, now: Date): string | undefined {
  const days = followUpDays(followUp, now);
  return days === undefined ? undefined : dueLabel(days);
}

/** Open follow-ups: overdue first, then by due date, undated last, then oldest first. */
export function openFollowUps(followUps: readonly Loaded<FollowUp>[]): Loaded<FollowUp>[] {
  // yyyy-MM-dd strings sort as dates: no date parsing in the comparator.
  const key = (f: Loaded<FollowUp>) => f.value.due ?? '9999-99-99';
  return followUps
    .filter((f) => !f.value.done)
    .sort((a, b) => key(a).localeCompare(key(b)) || a.value.createdAt.localeCompare(b.value.createdAt));
}

/** Past its due date (calendar days, local time) and not done. */
export function isOverdue(followUp: FollowUp, now: Date): boolean {
  return !followUp.done && followUp.due !== undefined && followUp.due < calendarDate(now);
}

/** How many of these follow-ups are overdue: one pass, no sorting. */
export function countOverdue(followUps: Iterable<Loaded<FollowUp>>, now: Date): number {
  const today = calendarDate(now);
  let count = 0;
  for (const { value } of followUps) if (!value.done && value.due !== undefined && value.due < today) count++;
  return count;
}

/** What a snippet looks like now: where it is in the current text (1-based line), if anywhere. */
export type SnippetCheck = { state: 'same' } | { state: 'moved'; line: number } | { state: 'changed' };

/**
 * Compares the code a talking point quoted with the file as it is now: the same at the same lines,
 * moved elsewhere in the file, or changed. Line endings and trailing spaces do not count.
 */
export function checkSnippet(snippet: string, currentText: string, startLine: number, endLine: number): SnippetCheck {
  const normalise = (text: string) =>
    text
      .replace(/\r\n/g, '\n')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .trim();
  const wanted = normalise(snippet);
  const lines = currentText.replace(/\r\n/g, '\n').split('\n');
  if (normalise(lines.slice(startLine - 1, endLine).join('\n')) === wanted) return { state: 'same' };
  if (!wanted) return { state: 'changed' };
  const span = endLine - startLine + 1;
  for (let start = 0; start + span <= lines.length; start++) {
    if (normalise(lines.slice(start, start + span).join('\n')) === wanted) return { state: 'moved', line: start + 1 };
  }
  return { state: 'changed' };
}
