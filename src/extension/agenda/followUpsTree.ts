import * as vscode from 'vscode';
import { subDays } from 'date-fns';
import { countOverdue, followUpDueLabel, followUpOwnerName, isOverdue, openFollowUps } from '../../core/agenda';
import { formatShortDate } from '../../core/cadence';
import type { FollowUp } from '../../core/model';
import type { Loaded } from '../../core/store';
import type { FolderStore, StoreService } from '../store/storeService';
import { visibleTreeItem } from '../shared/displayText';

export type FollowUpNode =
  | { type: 'followUp'; entry: FolderStore; followUp: Loaded<FollowUp> }
  | { type: 'doneGroup'; items: { entry: FolderStore; followUp: Loaded<FollowUp> }[] };

/** How long done follow-ups stay listed, so a wrong click can be undone. */
const DONE_VISIBLE_DAYS = 14;

/**
 * Every open action item across partners, overdue first, each with a checkbox: one click completes it.
 * Done ones stay under "Done recently" for two weeks, where one click reopens them.
 */
export class FollowUpsTree implements vscode.TreeDataProvider<FollowUpNode> {
  private readonly changed = new vscode.EventEmitter<FollowUpNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly service: StoreService) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** Open follow-ups across folders, in the order the view shows them. */
  open(): { entry: FolderStore; followUp: Loaded<FollowUp> }[] {
    return this.service.folders().flatMap((entry) => openFollowUps(entry.store.all('followUp')).map((followUp) => ({ entry, followUp })));
  }

  overdueCount(now = new Date()): number {
    return this.service.folders().reduce((sum, entry) => sum + countOverdue(entry.store.all('followUp'), now), 0);
  }

  getChildren(node?: FollowUpNode): FollowUpNode[] {
    if (node?.type === 'doneGroup') return node.items.map((item) => ({ type: 'followUp', ...item }));
    if (node) return [];
    const now = new Date();
    const since = subDays(now, DONE_VISIBLE_DAYS).toISOString();
    const done = this.service
      .folders()
      .flatMap((entry) =>
        entry.store
          .all('followUp')
          .filter((f) => f.value.done && (f.value.doneAt ?? f.value.updatedAt) >= since)
          .map((followUp) => ({ entry, followUp })),
      )
      .sort((a, b) => (b.followUp.value.doneAt ?? '').localeCompare(a.followUp.value.doneAt ?? ''));
    const nodes: FollowUpNode[] = this.open().map((item) => ({ type: 'followUp', ...item }));
    if (done.length > 0) nodes.push({ type: 'doneGroup', items: done });
    return nodes;
  }

  /** Store text is shown with its invisible and bidi characters made visible (displayText.ts). */
  getTreeItem(node: FollowUpNode): vscode.TreeItem {
    return visibleTreeItem(this.treeItem(node));
  }

  private treeItem(node: FollowUpNode): vscode.TreeItem {
    if (node.type === 'doneGroup') {
      const item = new vscode.TreeItem(vscode.l10n.t('Done recently'), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = 'followUps:done';
      item.description = `${node.items.length}`;
      item.tooltip = vscode.l10n.t('Follow-ups completed in the last {0} days. Uncheck one to reopen it.', DONE_VISIBLE_DAYS);
      return item;
    }
    const { value, private: isPrivate } = node.followUp;
    const now = new Date();
    const partner = node.entry.store.partner(value.partnerId)?.value.name ?? vscode.l10n.t('unknown partner');
    const owner = followUpOwnerName(value, partner);
    const item = new vscode.TreeItem(value.text, vscode.TreeItemCollapsibleState.None);
    item.id = `followUp:${node.entry.folder.uri.toString()}:${value.id}`;
    const due = value.done
      ? value.doneAt
        ? vscode.l10n.t('done {0}', formatShortDate(new Date(value.doneAt), now))
        : vscode.l10n.t('done')
      : followUpDueLabel(value, now);
    item.description = [partner, owner === partner ? undefined : owner, due].filter(Boolean).join(' · ');
    item.checkboxState = value.done ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
    item.contextValue = value.done ? 'followUp.done' : 'followUp.open';
    if (isOverdue(value, now)) item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    else if (isPrivate) item.iconPath = new vscode.ThemeIcon('lock');
    const tooltip = new vscode.MarkdownString();
    const facts = [
      vscode.l10n.t('With {0}', partner),
      vscode.l10n.t('owner: {0}', owner),
      value.due ? vscode.l10n.t('due {0}', value.due) : undefined,
      isPrivate ? vscode.l10n.t('private') : undefined,
    ];
    tooltip.appendText(value.text).appendMarkdown('\n\n').appendText(facts.filter(Boolean).join(' · '));
    tooltip
      .appendMarkdown('\n\n')
      .appendText(vscode.l10n.t('Added by {0} on {1}', value.author.name, formatShortDate(new Date(value.createdAt), now)));
    item.tooltip = tooltip;
    item.accessibilityInformation = {
      label: vscode.l10n.t(
        '{0}, with {1}, {2}, {3}',
        value.text,
        partner,
        due ?? vscode.l10n.t('no due date'),
        value.done ? vscode.l10n.t('done') : vscode.l10n.t('open'),
      ),
    };
    return item;
  }
}
