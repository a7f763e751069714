// The Concerns view: the open concerns, top first (votes, departments, recency: core/concerns.ts), each
// with its votes and departments, and under it the partners who raised it; the closed ones under
// "Closed". In dist/flows.js, read the first time VS Code asks for the view's items.
import * as vscode from 'vscode';
import { closedConcerns, type RankedConcern } from '../../core/concerns';
import type { Concern, Partner } from '../../core/model';
import type { Loaded } from '../../core/store';
import { COMMANDS } from '../ids';
import { visibleTreeItem } from '../shared/displayText';
import type { FolderStore, StoreService } from '../store/storeService';
import { concernSummary, rankedIn } from './concernArgs';

export type ConcernNode =
  | { type: 'folder'; entry: FolderStore }
  | { type: 'concern'; entry: FolderStore; concern: Loaded<Concern>; ranked?: RankedConcern }
  | { type: 'closed'; entry: FolderStore; count: number }
  | { type: 'raisedBy'; entry: FolderStore; concern: Loaded<Concern>; partner: Partner };

export function concernChildren(service: StoreService, node?: ConcernNode): ConcernNode[] {
  if (!node) {
    const folders = service.folders().filter((entry) => entry.store.all('concern').length > 0);
    if (folders.length > 1) return folders.map((entry) => ({ type: 'folder', entry }));
    return folders.flatMap((entry) => concernsOf(entry));
  }
  if (node.type === 'folder') return concernsOf(node.entry);
  if (node.type === 'closed')
    return closedConcerns(node.entry.store.all('concern').map((c) => c.value)).flatMap((value) => {
      const concern = node.entry.store.get('concern', value.id);
      return concern ? [{ type: 'concern' as const, entry: node.entry, concern }] : [];
    });
  if (node.type === 'concern')
    return (node.concern.value.partnerIds ?? []).flatMap((id) => {
      const partner = node.entry.store.partner(id)?.value;
      return partner ? [{ type: 'raisedBy' as const, entry: node.entry, concern: node.concern, partner }] : [];
    });
  return [];
}

function concernsOf(entry: FolderStore): ConcernNode[] {
  const nodes: ConcernNode[] = rankedIn(entry).flatMap((ranked) => {
    const concern = entry.store.get('concern', ranked.concern.id);
    return concern ? [{ type: 'concern' as const, entry, concern, ranked }] : [];
  });
  const closed = entry.store.all('concern').filter((c) => c.value.status === 'closed').length;
  if (closed > 0) nodes.push({ type: 'closed', entry, count: closed });
  return nodes;
}

/** Store text is shown with its invisible and bidi characters made visible (displayText.ts). */
export function concernTreeItem(node: ConcernNode): vscode.TreeItem {
  return visibleTreeItem(treeItem(node));
}

function treeItem(node: ConcernNode): vscode.TreeItem {
  const folder = node.entry.folder.uri.toString();
  if (node.type === 'folder') {
    const item = new vscode.TreeItem(node.entry.folder.name, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `concerns:folder:${folder}`;
    item.iconPath = vscode.ThemeIcon.Folder;
    return item;
  }
  if (node.type === 'closed') {
    const item = new vscode.TreeItem(vscode.l10n.t('Closed ({0})', node.count), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `concerns:closed:${folder}`;
    item.iconPath = new vscode.ThemeIcon('pass');
    return item;
  }
  if (node.type === 'raisedBy') {
    const item = new vscode.TreeItem(node.partner.name, vscode.TreeItemCollapsibleState.None);
    item.id = `concern:${folder}:${node.concern.value.id}:${node.partner.id}`;
    item.description = node.partner.department;
    item.iconPath = new vscode.ThemeIcon('person');
    item.contextValue = 'concernPartner';
    item.command = { command: COMMANDS.openPartnerPage, title: vscode.l10n.t('Open Partner Page'), arguments: [node.partner.id] };
    return item;
  }
  const concern = node.concern.value;
  const hasPartners = (concern.partnerIds ?? []).length > 0;
  const item = new vscode.TreeItem(
    concern.text,
    hasPartners ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  item.id = `concern:${folder}:${concern.id}`;
  const open = concern.status === 'open';
  item.description = node.ranked ? concernSummary(node.ranked) : vscode.l10n.t('closed');
  item.contextValue = `${open ? 'concern' : 'concernClosed'}${node.concern.readOnly ? '.readOnly' : ''}`;
  item.iconPath = new vscode.ThemeIcon(node.concern.private ? 'eye-closed' : open ? 'comment-discussion' : 'pass');
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(concern.text);
  if (node.ranked) tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('#{0} · {1}', node.ranked.rank, concernSummary(node.ranked)));
  if (concern.theme) tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('From the theme "{0}"', concern.theme));
  tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Raised by {0} on {1}', concern.author.name, concern.createdAt.slice(0, 10)));
  if (concern.resolution) tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Done: {0}', concern.resolution));
  item.tooltip = tooltip;
  item.accessibilityInformation = {
    label: node.ranked
      ? vscode.l10n.t('{0}, rank {1}, {2}', concern.text, node.ranked.rank, concernSummary(node.ranked))
      : vscode.l10n.t('{0}, closed', concern.text),
  };
  return item;
}
