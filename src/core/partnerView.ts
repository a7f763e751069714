import * as l10n from '@vscode/l10n';
import { computeDueState, urgencyOrder, type DueState, type DueStatus } from './cadence';
import type { CheckIn, Partner } from './model';
import type { Loaded, Store } from './store';

/** A partner with what the views need to show it: due state and last check-in. */
export interface PartnerView {
  record: Loaded<Partner>;
  due: DueState;
  lastCheckIn?: CheckIn;
}

export type GroupBy = 'department' | 'status';

export interface PartnerGroup {
  key: string;
  label: string;
  partners: PartnerView[];
}

export function viewPartners(store: Store, defaultCadenceDays: number, now: Date): PartnerView[] {
  const cadence = store.teamCadenceDays() ?? defaultCadenceDays;
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
  const byDepartment = new Map<string, PartnerView[]>();
  for (const view of visible) {
    const department = view.record.value.department;
    // Departments typed by hand differ in case ("sales" and "Sales"): one group each, named as first seen.
    const key = department.toLocaleLowerCase();
    const list = byDepartment.get(key) ?? [];
    list.push(view);
    byDepartment.set(key, list);
  }
  return [...byDepartment.entries()]
    .map(([key, partners]) => ({ key, label: partners[0]?.record.value.department ?? key, partners }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** Partners that are overdue or due today: what the badge, status bar and reminders count. */
export function duePartners(views: readonly PartnerView[]): PartnerView[] {
  return views.filter((view) => view.due.status === 'overdue' || (view.due.status === 'dueSoon' && view.due.days <= 0));
}
