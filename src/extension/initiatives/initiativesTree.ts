import * as vscode from 'vscode';
import { formatShortDate } from '../../core/cadence';
import { allianceBalance, currentStances, historyLine, stanceHistory, whoToWinOver, type InitiativeData } from '../../core/initiatives';
import type { Initiative, Partner, Stance } from '../../core/model';
import type { Loaded } from '../../core/store';
import {
  LEVELS,
  STANCES,
  initiativeStatusLabel,
  levelLabel,
  stanceLabel,
  stanceRoleLabel,
  type InitiativeStatus,
  type StanceValue,
} from '../../core/vocabulary';
import { COMMANDS } from '../ids';
import { visibleTreeItem } from '../shared/displayText';
import type { FolderStore, StoreService } from '../store/storeService';

export type InitiativeNode =
  | { type: 'folder'; entry: FolderStore }
  | { type: 'initiative'; entry: FolderStore; initiative: Loaded<Initiative> }
  | { type: 'person'; entry: FolderStore; initiative: Loaded<Initiative>; stance: Stance; partner: Partner };

/** A stance at a glance: its icon and colour (the colour says the same as the word, never alone). */
const STANCE_ICONS: Record<StanceValue, [string, string?]> = {
  champion: ['star-full', 'charts.green'],
  supporter: ['thumbsup', 'charts.green'],
  neutral: ['circle-outline'],
  skeptic: ['question', 'charts.yellow'],
  blocker: ['circle-slash', 'charts.red'],
  unknown: ['dash'],
};

/** Active initiatives first, then ideas, done and dropped ones. */
const STATUS_ORDER: readonly InitiativeStatus[] = ['active', 'idea', 'done', 'dropped'];

export function stanceIcon(stance: StanceValue): vscode.ThemeIcon {
  const [icon, color] = STANCE_ICONS[stance];
  return new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
}

/**
 * The Initiatives view: each initiative (active first, its status as description) and under it the
 * people assessed on it, each with their current stance's icon, influence and role.
 */
export class InitiativesTree implements vscode.TreeDataProvider<InitiativeNode> {
  private readonly changed = new vscode.EventEmitter<InitiativeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly service: StoreService) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: InitiativeNode): InitiativeNode[] {
    if (!node) {
      const folders = this.service.folders().filter((entry) => entry.store.all('initiative').length > 0);
      if (folders.length > 1) return folders.map((entry) => ({ type: 'folder', entry }));
      return folders.flatMap((entry) => this.initiatives(entry));
    }
    if (node.type === 'folder') return this.initiatives(node.entry);
    if (node.type === 'initiative') return this.people(node.entry, node.initiative);
    return [];
  }

  private initiatives(entry: FolderStore): InitiativeNode[] {
    return entry.store
      .all('initiative')
      .sort(
        (a, b) => STATUS_ORDER.indexOf(a.value.status) - STATUS_ORDER.indexOf(b.value.status) || a.value.name.localeCompare(b.value.name),
      )
      .map((initiative) => ({ type: 'initiative', entry, initiative }));
  }

  /** The people on an initiative: most for first, then by influence, then by name. */
  private people(entry: FolderStore, initiative: Loaded<Initiative>): InitiativeNode[] {
    const nodes: InitiativeNode[] = [];
    for (const stance of currentStances(
      entry.store.all('stance').map((s) => s.value),
      initiative.value.id,
    )) {
      const partner = entry.store.partner(stance.partnerId)?.value;
      if (partner && !partner.archived) nodes.push({ type: 'person', entry, initiative, stance, partner });
    }
    const rank = (n: InitiativeNode) =>
      n.type === 'person' ? [STANCES.indexOf(n.stance.stance), LEVELS.indexOf(n.stance.influence)] : [0, 0];
    return nodes.sort((a, b) => {
      const [sa = 0, ia = 0] = rank(a);
      const [sb = 0, ib = 0] = rank(b);
      return sa - sb || ia - ib || (a.type === 'person' && b.type === 'person' ? a.partner.name.localeCompare(b.partner.name) : 0);
    });
  }

  /** Store text is shown with its invisible and bidi characters made visible (displayText.ts). */
  getTreeItem(node: InitiativeNode): vscode.TreeItem {
    return visibleTreeItem(this.treeItem(node));
  }

  private treeItem(node: InitiativeNode): vscode.TreeItem {
    if (node.type === 'folder') {
      const item = new vscode.TreeItem(node.entry.folder.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `initiatives:folder:${node.entry.folder.uri.toString()}`;
      item.iconPath = vscode.ThemeIcon.Folder;
      return item;
    }
    const folder = node.entry.folder.uri.toString();
    const initiative = node.initiative.value;
    if (node.type === 'initiative') {
      const open = initiative.status === 'active' || initiative.status === 'idea';
      const item = new vscode.TreeItem(
        initiative.name,
        open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
      );
      item.id = `initiative:${folder}:${initiative.id}`;
      const due = initiative.due
        ? vscode.l10n.t('due {0}', formatShortDate(new Date(`${initiative.due}T12:00:00`), new Date()))
        : undefined;
      item.description = [initiativeStatusLabel(initiative.status), due].filter(Boolean).join(' · ');
      item.contextValue = node.initiative.readOnly ? 'initiative.readOnly' : 'initiative';
      item.iconPath = new vscode.ThemeIcon(node.initiative.readOnly ? 'lock' : node.initiative.private ? 'eye-closed' : 'rocket');
      // A click opens its page; the twistie still folds it (VS Code expands on the twistie only then).
      item.command = { command: COMMANDS.openInitiative, title: vscode.l10n.t('Open Initiative'), arguments: [initiative.id] };
      const tooltip = new vscode.MarkdownString();
      tooltip.appendText(initiative.name);
      if (initiative.goal) tooltip.appendMarkdown('\n\n').appendText(initiative.goal);
      if (initiative.codeAreas?.length)
        tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Code areas: {0}', initiative.codeAreas.join(', ')));
      const data = initiativeData(node.entry);
      const balance = allianceBalance(data, initiative);
      tooltip
        .appendMarkdown('\n\n')
        .appendText(
          vscode.l10n.t(
            'Support {0} · resistance {1} (by influence) · undecided {2}',
            balance.support,
            balance.resistance,
            balance.undecided,
          ),
        );
      const winOver = whoToWinOver(data, initiative.id);
      if (winOver.length > 0)
        tooltip
          .appendMarkdown('\n\n')
          .appendText(
            vscode.l10n.t('Win over next: {0}', winOver.map((w) => `${w.partner.name} (${stanceLabel(w.stance.stance)})`).join(', ')),
          );
      item.tooltip = tooltip;
      return item;
    }
    const { stance, partner } = node;
    const item = new vscode.TreeItem(partner.name, vscode.TreeItemCollapsibleState.None);
    item.id = `initiative:${folder}:${initiative.id}:${partner.id}`;
    item.description = [
      stanceLabel(stance.stance),
      vscode.l10n.t('influence {0}', levelLabel(stance.influence)),
      stanceRoleLabel(stance.role),
    ].join(' · ');
    item.iconPath = stanceIcon(stance.stance);
    item.contextValue = 'initiativePerson';
    const history = stanceHistory(
      node.entry.store.ofPartner('stance', partner.id).map((s) => s.value),
      initiative.id,
      partner.id,
    );
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${partner.name}: ${historyLine(history)}`);
    tooltip
      .appendMarkdown('\n\n')
      .appendText(
        vscode.l10n.t(
          'influence {0} · interest {1} · {2}',
          levelLabel(stance.influence),
          levelLabel(stance.interest),
          stanceRoleLabel(stance.role),
        ),
      );
    if (stance.cares) tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Cares about: {0}', stance.cares));
    if (stance.offers) tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Can offer: {0}', stance.offers));
    if (stance.note) tooltip.appendMarkdown('\n\n').appendText(stance.note);
    item.tooltip = tooltip;
    item.accessibilityInformation = {
      label: vscode.l10n.t(
        '{0}, {1} on {2}, influence {3}',
        partner.name,
        stanceLabel(stance.stance),
        initiative.name,
        levelLabel(stance.influence),
      ),
    };
    return item;
  }
}

function initiativeData(entry: FolderStore): InitiativeData {
  const { store } = entry;
  return {
    initiatives: store.all('initiative').map((i) => i.value),
    stances: store.all('stance').map((s) => s.value),
    partners: store.partners().map((p) => p.value),
    checkIns: store.checkIns().map((c) => c.value),
  };
}
