import * as l10n from '@vscode/l10n';
import { computeDueState, urgencyOrder, type DueState } from './cadence';
import { type DueStatus } from './vocabulary';
import type { CheckIn, Partner } from './model';
import type { Loaded, Store } from './store';

/** A partner with what the views need to show it: due state and last check-in. */
export interface PartnerView {
  record: Loaded<Partner>;
  due: DueState;
  lastCheckIn?: CheckIn;
}

/** How the tree groups partners: the choices of Group By, in the order it offers them. */
export const GROUP_BYS = ['department', 'organisation', 'tag', 'status'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export interface PartnerGroup {
  key: string;
  label: string;
  partners: PartnerView[];
}

export function viewPartners(store: Store, defaultCadenceDays: number, now: Date): PartnerView[] {
  const cadence = store.cadencePolicy(defaultCadenceDays);
  return store
    .partners()
    .map((record) => {
      const lastCheckIn = store.lastCheckIn(record.value.id);
      const due = computeDueState(record.value, lastCheckIn ? new Date(lastCheckIn.date) : undefined, cadence, now);
      return { record, due, lastCheckIn };
    })
    .sort(byUrgencyThenName);
}

export function byUrgencyThenName(a: PartnerView, b: PartnerView): number {
  return urgencyOrder(a.due, b.due) || a.record.value.name.localeCompare(b.record.value.name);
}

const STATUS_GROUPS: { status: DueStatus[]; key: string; label: () => string }[] = [
  { status: ['overdue'], key: 'overdue', label: () => l10n.t('Overdue') },
  { status: ['due'], key: 'due', label: () => l10n.t('Due (in the grace period)') },
  { status: ['dueSoon'], key: 'dueSoon', label: () => l10n.t('Due this week') },
  { status: ['later'], key: 'later', label: () => l10n.t('Later') },
  { status: ['snoozed'], key: 'snoozed', label: () => l10n.t('Snoozed') },
  { status: ['archived'], key: 'archived', label: () => l10n.t('Archived') },
];

/** Groups for the tree. Archived partners are hidden unless asked for; empty groups are left out. */
export function groupPartners(views: readonly PartnerView[], groupBy: GroupBy, showArchived: boolean): PartnerGroup[] {
  const visible = showArchived ? views : views.filter((view) => view.due.status !== 'archived');
  if (groupBy === 'status') {
    return STATUS_GROUPS.map((group) => ({
      key: group.key,
      label: group.label(),
      partners: visible.filter((view) => group.status.includes(view.due.status)),
    })).filter((group) => group.partners.length > 0);
  }
  if (groupBy === 'organisation') return groupByWords(visible, (p) => (p.organisation ? [p.organisation] : []), l10n.t('No organisation'));
  if (groupBy === 'tag') return groupByWords(visible, (p) => p.tags ?? [], l10n.t('No tag'));
  return groupByWords(visible, (p) => [p.department], '');
}

/** Key of the group of partners without a word (no organisation, no tag): sorted last, never a word's key. */
export const NONE_GROUP_KEY = '\u0000none';

/**
 * Groups by words typed by hand, which differ in case ("sales" and "Sales"): one group each, named as
 * first seen, in alphabetical order; a partner with several (tags) is in each of their groups, and one
 * with none in the last group.
 */
function groupByWords(views: readonly PartnerView[], wordsOf: (partner: Partner) => readonly string[], noneLabel: string): PartnerGroup[] {
  const groups = new Map<string, PartnerGroup>();
  const none: PartnerView[] = [];
  for (const view of views) {
    const words = wordsOf(view.record.value);
    if (words.length === 0) none.push(view);
    for (const word of new Set(words)) {
      const key = word.toLocaleLowerCase();
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { key, label: word, partners: [] }));
      if (!group.partners.includes(view)) group.partners.push(view);
    }
  }
  const sorted = [...groups.values()].sort((a, b) => a.label.localeCompare(b.label));
  return none.length > 0 ? [...sorted, { key: NONE_GROUP_KEY, label: noneLabel, partners: none }] : sorted;
}

/** Partners that are overdue, due (grace period) or due today: what the badge, status bar and reminders count. */
export function duePartners(views: readonly PartnerView[]): PartnerView[] {
  return views.filter(
    (view) => view.due.status === 'overdue' || view.due.status === 'due' || (view.due.status === 'dueSoon' && view.due.days <= 0),
  );
}
