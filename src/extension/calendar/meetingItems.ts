// How suggested meetings look: the *From your calendar* node, one item per meeting (one click logs it,
// Dismiss hides it on this machine), and the reminder's sentence ("You met Dana and Priya yesterday — log it?").
import * as vscode from 'vscode';
import { differenceInCalendarDays } from 'date-fns';
import type { MeetingSuggestion } from '../../core/calendar';
import { displayMonthDay } from '../../core/dates';
import type { Store } from '../../core/store';
import { COMMANDS } from '../ids';
import type { FolderStore } from '../store/storeService';

export type CalendarNode =
  | { kind: 'calendar'; entry: FolderStore; suggestions: readonly MeetingSuggestion[]; source: string }
  | { kind: 'meeting'; entry: FolderStore; suggestion: MeetingSuggestion };

export function calendarItem(node: Extract<CalendarNode, { kind: 'calendar' }>): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('From your calendar'), vscode.TreeItemCollapsibleState.Expanded);
  item.id = `calendar:${node.entry.folder.uri.toString()}`;
  item.iconPath = new vscode.ThemeIcon('calendar');
  const count = node.suggestions.length;
  item.description = count === 1 ? vscode.l10n.t('1 meeting to log') : vscode.l10n.t('{0} meetings to log', count);
  item.tooltip = vscode.l10n.t(
    'Meetings with your partners in {0}, not logged yet. Click one to log it; Dismiss hides it on this machine.',
    node.source,
  );
  item.contextValue = 'meetingSuggestions';
  return item;
}

export function meetingItem(node: Extract<CalendarNode, { kind: 'meeting' }>, now = new Date()): vscode.TreeItem {
  const { suggestion, entry } = node;
  const title = suggestion.title === '' ? vscode.l10n.t('(no title)') : suggestion.title;
  const item = new vscode.TreeItem(title, vscode.TreeItemCollapsibleState.None);
  item.id = `meeting:${entry.folder.uri.toString()}:${suggestion.key}`;
  item.iconPath = new vscode.ThemeIcon(suggestion.partnerIds.length > 1 ? 'organization' : 'person');
  const names = partnerNames(entry.store, suggestion.partnerIds, false);
  item.description = `${names} · ${when(suggestion, now)}`;
  item.tooltip = new vscode.MarkdownString()
    .appendText(title)
    .appendMarkdown('\n\n')
    .appendText(
      suggestion.partnerIds.length > 1
        ? vscode.l10n.t('Click to log a group check-in with {0} on {1}, then rate it.', names, displayMonthDay(suggestion.start))
        : vscode.l10n.t('Click to log a check-in with {0} on {1}, then rate it.', names, displayMonthDay(suggestion.start)),
    );
  item.contextValue = 'meetingSuggestion';
  item.accessibilityInformation = { label: `${title}, ${names}, ${when(suggestion, now)}` };
  item.command = {
    command: COMMANDS.logMeeting,
    title: vscode.l10n.t('Log This Meeting'),
    arguments: [suggestion.key, entry.folder.uri.toString()],
  };
  return item;
}

/** "today", "yesterday", "3 days ago". */
function when(suggestion: MeetingSuggestion, now: Date): string {
  const days = differenceInCalendarDays(now, suggestion.start);
  if (days <= 0) return vscode.l10n.t('today');
  if (days === 1) return vscode.l10n.t('yesterday');
  return vscode.l10n.t('{0} days ago', days);
}

/** "Dana Whitfield, Priya Raman" (or first names: "Dana and Priya", for a sentence). */
export function partnerNames(store: Store, ids: readonly string[], firstNames: boolean): string {
  const names = ids.map((id) => {
    const name = store.partner(id)?.value.name ?? id;
    return firstNames ? (name.trim().split(/\s+/)[0] ?? name) : name;
  });
  if (!firstNames || names.length === 1) return names.join(', ');
  const last = names.pop() ?? '';
  return vscode.l10n.t({
    message: '{0} and {1}',
    args: [names.join(', '), last],
    comment: ['A list of first names: "Dana, Priya and Kwame".'],
  });
}

/** The reminder's sentence about the newest meeting, and how many more wait. */
export function reminderSentence(
  all: readonly { entry: FolderStore; suggestion: MeetingSuggestion }[],
  now = new Date(),
): string | undefined {
  const [newest] = all;
  if (!newest) return undefined;
  const names = partnerNames(newest.entry.store, newest.suggestion.partnerIds, true);
  const days = differenceInCalendarDays(now, newest.suggestion.start);
  const sentence =
    days <= 0
      ? vscode.l10n.t('You met {0} today — log it?', names)
      : days === 1
        ? vscode.l10n.t('You met {0} yesterday — log it?', names)
        : vscode.l10n.t('You met {0} {1} days ago — log it?', names, days);
  const more = all.length - 1;
  if (more === 0) return sentence;
  return `${sentence} ${more === 1 ? vscode.l10n.t('1 more meeting from your calendar to log.') : vscode.l10n.t('{0} more meetings from your calendar to log.', more)}`;
}
