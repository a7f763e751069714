import * as vscode from 'vscode';
import { cadenceRuleOf, formatShortDate } from '../../core/cadence';
import { followUpDueLabel, followUpOwnerName, isOverdue, openFollowUps, openTalkingPoints } from '../../core/agenda';
import type { FollowUp, TalkingPoint } from '../../core/model';
import { cadenceSourceLabel, checkInKindLabel, type DueStatus } from '../../core/vocabulary';
import { hasInvisible } from '../../core/visibleText';
import { duePartners, groupPartners, type GroupBy, type PartnerGroup, type PartnerView } from '../../core/partnerView';
import type { Loaded, StoreProblem } from '../../core/store';
import { defaultCadenceDays } from '../shared/settings';
import type { FolderStore, StoreService } from '../store/storeService';
import type { BranchRecord } from '../../git/branchRecords';
import { branchHint, branchKindLabel, type BranchRecordsService } from '../gitInsights/branchRecordsService';
import { COMMANDS } from '../ids';
import { visibleTreeItem } from '../shared/displayText';

export type TreeNode =
  | { type: 'folder'; entry: FolderStore }
  | { type: 'group'; entry: FolderStore; group: PartnerGroup }
  | { type: 'problems'; entry: FolderStore; problems: StoreProblem[] }
  | { type: 'problem'; entry: FolderStore; problem: StoreProblem }
  // `scope`: the group's key when a partner may be in several groups (by tag), so every item id stays unique.
  | { type: 'partner'; entry: FolderStore; view: PartnerView; scope?: string }
  | { type: 'talkingPoint'; entry: FolderStore; point: Loaded<TalkingPoint>; scope?: string }
  | { type: 'followUp'; entry: FolderStore; followUp: Loaded<FollowUp>; scope?: string }
  | { type: 'branches'; entry: FolderStore; records: BranchRecord[] }
  | { type: 'branchRecord'; entry: FolderStore; record: BranchRecord }
  // Drawn by another feature, at the top of a store's partners (the calendar's suggestions).
  | { type: 'section'; entry: FolderStore; section: TreeSection; data: unknown };

/** Nodes another feature adds at the top of each store (its code may be lazily loaded). */
export interface TreeSection {
  roots(entry: FolderStore): unknown[];
  children(data: unknown): unknown[];
  item(data: unknown): vscode.TreeItem;
}

const STATUS_ICONS: Record<DueStatus, vscode.ThemeIcon> = {
  overdue: new vscode.ThemeIcon('bell-dot', new vscode.ThemeColor('list.warningForeground')),
  due: new vscode.ThemeIcon('bell'),
  dueSoon: new vscode.ThemeIcon('calendar'),
  later: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  snoozed: new vscode.ThemeIcon('bell-slash'),
  archived: new vscode.ThemeIcon('archive'),
};

/** The partners tree: folders (multi-root) → groups → partners, with broken files in their own group. */
export class PartnersTree implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  groupBy: GroupBy = 'department';
  showArchived = false;
  /** Records that exist only on other local branches (set once git is wired up). */
  branches: BranchRecordsService | undefined;
  readonly sections: TreeSection[] = [];
  /** Partner id → its node, so "Go to Partner" and tests can reveal and inspect it. */
  private readonly partnerNodes = new Map<string, TreeNode>();

  constructor(private readonly service: StoreService) {}

  refresh(): void {
    this.partnerNodes.clear();
    this.changed.fire(undefined);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) {
      const folders = this.service.folders();
      if (folders.length === 1 && folders[0]) return this.folderChildren(folders[0]);
      return folders.map((entry) => ({ type: 'folder', entry }));
    }
    switch (node.type) {
      case 'folder':
        return this.folderChildren(node.entry);
      case 'group':
        return node.group.partners.map((view) => this.partnerNode(node.entry, view, this.groupBy === 'tag' ? node.group.key : undefined));
      case 'problems':
        return node.problems.map((problem) => ({ type: 'problem', entry: node.entry, problem }));
      case 'partner':
        return agendaOf(node.entry, node.view.record.value.id, node.scope);
      case 'branches':
        return node.records.map((record) => ({ type: 'branchRecord', entry: node.entry, record }));
      case 'section':
        return node.section.children(node.data).map((data) => ({ ...node, data }));
      default:
        return [];
    }
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (node.type !== 'partner') return undefined;
    return this.getChildren(this.service.folders().length > 1 ? { type: 'folder', entry: node.entry } : undefined).find(
      (candidate) =>
        candidate.type === 'group' &&
        (node.scope === undefined || candidate.group.key === node.scope) &&
        candidate.group.partners.some((view) => view.record.value.id === node.view.record.value.id),
    );
  }

  /** The node of a partner as last built (for reveal). */
  nodeOf(partnerId: string): TreeNode | undefined {
    if (!this.partnerNodes.has(partnerId)) this.buildAll();
    return this.partnerNodes.get(partnerId);
  }

  private buildAll(): void {
    const walk = (nodes: TreeNode[]): void => nodes.forEach((n) => walk(this.getChildren(n)));
    walk(this.getChildren());
  }

  private folderChildren(entry: FolderStore): TreeNode[] {
    const problems = entry.store.problems();
    const groups = groupPartners(this.service.views(entry), this.groupBy, this.showArchived);
    const nodes: TreeNode[] = [];
    if (problems.length > 0) nodes.push({ type: 'problems', entry, problems });
    for (const section of this.sections)
      nodes.push(...section.roots(entry).map((data): TreeNode => ({ type: 'section', entry, section, data })));
    nodes.push(...groups.map((group): TreeNode => ({ type: 'group', entry, group })));
    const elsewhere = this.branches?.records(entry) ?? [];
    if (elsewhere.length > 0) nodes.push({ type: 'branches', entry, records: elsewhere });
    return nodes;
  }

  private partnerNode(entry: FolderStore, view: PartnerView, scope: string | undefined): TreeNode {
    const node: TreeNode = { type: 'partner', entry, view, scope };
    // In several groups (by tag): Go to Partner reveals the first.
    const id = view.record.value.id;
    const known = this.partnerNodes.get(id);
    if (scope === undefined || known?.type !== 'partner' || known.scope === undefined || known.entry !== entry)
      this.partnerNodes.set(id, node);
    return node;
  }

  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node.type === 'partner' && item.tooltip === undefined) item.tooltip = partnerTooltip(node, this.agendaCount(node));
    return visibleTreeItem(item);
  }

  private agendaCount(node: Extract<TreeNode, { type: 'partner' }>): number {
    return this.service.agendaCounts(node.entry).get(node.view.record.value.id) ?? 0;
  }

  /** Store text is shown with its invisible and bidi characters made visible (displayText.ts). */
  getTreeItem(node: TreeNode): vscode.TreeItem {
    return visibleTreeItem(this.treeItem(node));
  }

  private treeItem(node: TreeNode): vscode.TreeItem {
    switch (node.type) {
      case 'folder': {
        const item = new vscode.TreeItem(node.entry.folder.name, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `folder:${node.entry.folder.uri.toString()}`;
        item.iconPath = vscode.ThemeIcon.Folder;
        item.resourceUri = node.entry.folder.uri;
        const due = duePartners(this.service.views(node.entry)).length;
        item.description = due > 0 ? dueCount(due) : undefined;
        item.contextValue = 'folder';
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `group:${node.entry.folder.uri.toString()}:${this.groupBy}:${node.group.key}`;
        const due = duePartners(node.group.partners).length;
        const count = node.group.partners.length;
        item.description = due > 0 ? dueCount(due) : undefined;
        const partners =
          count === 1 ? vscode.l10n.t('{0}: 1 partner', node.group.label) : vscode.l10n.t('{0}: {1} partners', node.group.label, count);
        item.tooltip = due > 0 ? vscode.l10n.t('{0}, {1} due for a check-in', partners, due) : partners;
        item.contextValue = 'group';
        return item;
      }
      case 'problems': {
        const item = new vscode.TreeItem(vscode.l10n.t('Needs attention'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = `problems:${node.entry.folder.uri.toString()}`;
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.errorForeground'));
        item.description =
          node.problems.length === 1 ? vscode.l10n.t('1 file not loaded') : vscode.l10n.t('{0} files not loaded', node.problems.length);
        item.tooltip = vscode.l10n.t('These files could not be read. Alliances never writes them; fix them and they load again.');
        return item;
      }
      case 'problem':
        return problemItem(node);
      case 'partner':
        return partnerItem(node, this.agendaCount(node));
      case 'talkingPoint':
        return talkingPointItem(node);
      case 'followUp':
        return followUpItem(node);
      case 'branches': {
        const item = new vscode.TreeItem(vscode.l10n.t('On other branches'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = `branches:${node.entry.folder.uri.toString()}`;
        item.iconPath = new vscode.ThemeIcon('git-branch');
        item.description = vscode.l10n.t('{0} not on this branch', node.records.length);
        item.tooltip = vscode.l10n.t(
          'Records committed on other local branches and not on this one (read from git, not checked out). Merge their branch to keep them here.',
        );
        item.contextValue = 'branches';
        return item;
      }
      case 'branchRecord':
        return branchRecordItem(node, this.branches?.status(node.entry)?.defaultBranch);
      case 'section':
        return node.section.item(node.data);
    }
  }
}

/** The partner's tooltip, built only when hovered (resolveTreeItem): markdown for 1,000 rows adds up. */
function partnerTooltip(node: Extract<TreeNode, { type: 'partner' }>, agenda: number): vscode.MarkdownString {
  const { value, readOnly } = node.view.record;
  const { due, lastCheckIn } = node.view;
  const rule = cadenceRuleOf(value, node.entry.store.cadencePolicy(defaultCadenceDays()));
  // appendText escapes markdown: names and summaries are shown as typed, never interpreted.
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown('**').appendText(value.name).appendMarkdown('**');
  if (value.role) tooltip.appendText(` — ${value.role}`);
  tooltip
    .appendMarkdown('\n\n')
    .appendText(
      [value.department, value.organisation, cadenceSourceLabel(rule.source, rule.days, rule.detail), due.label]
        .filter(Boolean)
        .join(' · '),
    );
  if (value.tags && value.tags.length > 0) tooltip.appendMarkdown('\n\n').appendText(value.tags.map((tag) => `#${tag}`).join(' '));
  if (lastCheckIn) {
    const date = new Date(lastCheckIn.date);
    const kind = lastCheckIn.rating ? `${checkInKindLabel(lastCheckIn.kind)}, ${lastCheckIn.rating}/5` : checkInKindLabel(lastCheckIn.kind);
    tooltip
      .appendMarkdown('\n\n')
      .appendText(vscode.l10n.t('Last check-in: {0} ({1}) by {2}', formatShortDate(date, new Date()), kind, lastCheckIn.author.name));
    if (lastCheckIn.summary) tooltip.appendMarkdown('\n\n').appendText(`“${lastCheckIn.summary}”`);
  } else {
    tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('No check-in yet'));
  }
  if (agenda > 0)
    tooltip
      .appendMarkdown('\n\n')
      .appendText(
        agenda === 1
          ? vscode.l10n.t('Agenda: 1 open item (talking points and follow-ups)')
          : vscode.l10n.t('Agenda: {0} open items (talking points and follow-ups)', agenda),
      );
  if (readOnly) tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Written by a newer version of Alliances: read-only.'));
  if (hasInvisible(`${value.name}${value.role ?? ''}${value.department}`))
    tooltip
      .appendMarkdown('\n\n')
      .appendText(
        vscode.l10n.t(
          '⟨U+…⟩ is a character that is invisible or changes the direction of text, shown by its code. The file keeps it as written.',
        ),
      );
  return tooltip;
}

/** An item id inside one group (by tag, a partner is in each of its tags' groups). */
function scoped(id: string, scope: string | undefined): string {
  return scope === undefined ? id : `${id}@${scope}`;
}

/** Under a partner: the agenda of the next check-in, open talking points then open follow-ups. */
function agendaOf(entry: FolderStore, partnerId: string, scope: string | undefined): TreeNode[] {
  const points: TreeNode[] = openTalkingPoints(entry.store, partnerId).map((point) => ({ type: 'talkingPoint', entry, point, scope }));
  const followUps: TreeNode[] = openFollowUps(entry.store.ofPartner('followUp', partnerId)).map((followUp) => ({
    type: 'followUp',
    entry,
    followUp,
    scope,
  }));
  return points.concat(followUps);
}

function talkingPointItem(node: Extract<TreeNode, { type: 'talkingPoint' }>): vscode.TreeItem {
  const { value, private: isPrivate } = node.point;
  const item = new vscode.TreeItem(value.text, vscode.TreeItemCollapsibleState.None);
  item.id = scoped(`talkingPoint:${node.entry.folder.uri.toString()}:${value.id}`, node.scope);
  item.iconPath = new vscode.ThemeIcon(isPrivate ? 'lock' : 'comment');
  item.description = value.source ? `${value.source.path}:${value.source.startLine}` : vscode.l10n.t('talking point');
  item.contextValue = value.source ? 'talkingPoint.code' : 'talkingPoint';
  const tooltip = new vscode.MarkdownString().appendText(value.text);
  if (value.source?.snippet) tooltip.appendMarkdown('\n\n').appendCodeblock(value.source.snippet);
  tooltip
    .appendMarkdown('\n\n')
    .appendText(
      value.source?.commit
        ? vscode.l10n.t('Added by {0} at commit {1}', value.author.name, value.source.commit.slice(0, 7))
        : vscode.l10n.t('Added by {0}', value.author.name),
    );
  item.tooltip = tooltip;
  if (value.source) item.command = { command: COMMANDS.openTalkingPoint, title: vscode.l10n.t('Open Code'), arguments: [value.id] };
  return item;
}

function followUpItem(node: Extract<TreeNode, { type: 'followUp' }>): vscode.TreeItem {
  const { value } = node.followUp;
  const now = new Date();
  const item = new vscode.TreeItem(value.text, vscode.TreeItemCollapsibleState.None);
  item.id = scoped(`partnerFollowUp:${node.entry.folder.uri.toString()}:${value.id}`, node.scope);
  item.iconPath = new vscode.ThemeIcon(
    'circle-large-outline',
    isOverdue(value, now) ? new vscode.ThemeColor('list.warningForeground') : undefined,
  );
  item.description = [vscode.l10n.t('follow-up'), followUpDueLabel(value, now)].filter(Boolean).join(' · ');
  item.contextValue = 'followUp.open';
  const owner = followUpOwnerName(value, node.entry.store.partner(value.partnerId)?.value.name ?? vscode.l10n.t('them'));
  item.tooltip = new vscode.MarkdownString().appendText(
    `${value.text}\n\n${vscode.l10n.t('Owner: {0}', owner)}\n\n${vscode.l10n.t('Added by {0}', value.author.name)}`,
  );
  return item;
}

function problemItem(node: Extract<TreeNode, { type: 'problem' }>): vscode.TreeItem {
  const { problem } = node;
  const item = new vscode.TreeItem(problem.relativePath.split('/').pop() ?? problem.relativePath, vscode.TreeItemCollapsibleState.None);
  item.id = `problem:${problem.path}`;
  item.description =
    problem.code === 'conflict' ? vscode.l10n.t('merge conflict') : vscode.l10n.t('line {0}: {1}', problem.location.line, problem.reason);
  item.iconPath = new vscode.ThemeIcon(problem.code === 'conflict' ? 'git-merge' : 'error', new vscode.ThemeColor('list.errorForeground'));
  item.tooltip = new vscode.MarkdownString().appendText(
    `${problem.relativePath}:${problem.location.line}:${problem.location.column}\n\n${problem.reason}`,
  );
  item.resourceUri = vscode.Uri.file(problem.path);
  item.contextValue = 'broken';
  const position = new vscode.Position(problem.location.line - 1, problem.location.column - 1);
  item.command = {
    command: 'vscode.open',
    title: vscode.l10n.t('Open File'),
    arguments: [vscode.Uri.file(problem.path), { selection: new vscode.Range(position, position) }],
  };
  return item;
}

function partnerItem(node: Extract<TreeNode, { type: 'partner' }>, agenda: number): vscode.TreeItem {
  const { value, readOnly } = node.view.record;
  const { due } = node.view;
  const item = new vscode.TreeItem(
    value.name,
    agenda > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  item.id = scoped(`partner:${node.entry.folder.uri.toString()}:${value.id}`, node.scope);
  item.description = value.role ? `${due.label} · ${value.role}` : due.label;
  item.iconPath = readOnly ? new vscode.ThemeIcon('lock') : STATUS_ICONS[due.status];
  item.contextValue = `partner.${value.archived ? 'archived' : 'active'}${readOnly ? '.readonly' : ''}`;
  item.accessibilityInformation = { label: `${value.name}, ${value.department}, ${due.label}` };

  return item;
}

function branchRecordItem(node: Extract<TreeNode, { type: 'branchRecord' }>, defaultBranch: string | undefined): vscode.TreeItem {
  const { record } = node;
  const value = record.value as {
    name?: string;
    text?: string;
    summary?: string;
    partnerId?: string;
    date?: string;
    author: { name: string };
  };
  const partnerName = value.partnerId ? node.entry.store.partner(value.partnerId)?.value.name : undefined;
  const label =
    record.kind === 'partner'
      ? (value.name ?? record.id)
      : record.kind === 'checkIn'
        ? checkInLabel(partnerName, value.summary)
        : (value.text ?? record.id);
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = `branchRecord:${node.entry.folder.uri.toString()}:${record.kind}:${record.id}`;
  item.iconPath = new vscode.ThemeIcon('git-branch');
  item.description = branchHint(record.branches, defaultBranch);
  item.contextValue = 'branchRecord';
  const by = vscode.l10n.t('{0} by {1}', branchKindLabel(record.kind), value.author.name);
  const tooltip = new vscode.MarkdownString().appendText(value.date ? `${by}, ${formatShortDate(new Date(value.date), new Date())}` : by);
  tooltip
    .appendMarkdown('\n\n')
    .appendText(
      vscode.l10n.t(
        'Only on {0} ({1}). Alliances shows it here read-only; merge the branch to keep it.',
        record.branches.map((branch) => branch.name).join(', '),
        record.relativePath,
      ),
    );
  item.tooltip = tooltip;
  return item;
}

/** "3 due" in a folder or group row. */
function dueCount(due: number): string {
  return vscode.l10n.t({ message: '{0} due', args: [due], comment: ['How many partners of a group are due for a check-in.'] });
}

/** A check-in on another branch: "Check-in with Dana: Billing migration". */
function checkInLabel(partnerName: string | undefined, summary: string | undefined): string {
  const title = partnerName ? vscode.l10n.t('Check-in with {0}', partnerName) : vscode.l10n.t('Check-in');
  return summary ? `${title}: ${summary}` : title;
}
