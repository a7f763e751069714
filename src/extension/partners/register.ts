// Partners: the sidebar tree and every command that adds, edits, finds or files away a partner, plus how
// the tree is grouped and whether it shows archived partners (remembered per workspace).
import * as vscode from 'vscode';
import { GROUP_BYS, type GroupBy } from '../../core/partnerView';
import { storeCommand, type App } from '../shared/app';
import { flowCommand } from '../shared/lazyCommands';
import { COMMANDS, CONTEXT_KEYS, STATE_KEYS, VIEWS } from '../ids';
import type { BranchRecordsService } from '../gitInsights/branchRecordsService';
import { goToPartner } from './goToPartner';
import { PartnersTree, type TreeNode } from './partnersTree';

export interface Partners {
  tree: PartnersTree;
  treeView: vscode.TreeView<TreeNode>;
  /** Sets the context keys of the view's buttons (after activation: two calls into VS Code). */
  setViewContext(): Promise<void>;
}

export function register(app: App, branches: BranchRecordsService): Partners {
  const { service, context } = app;
  const tree = new PartnersTree(service);
  const remembered = context.workspaceState.get<string>(STATE_KEYS.groupBy, 'department');
  // A value from a newer or older build that this one does not know: the default.
  tree.groupBy = (GROUP_BYS as readonly string[]).includes(remembered) ? (remembered as GroupBy) : 'department';
  tree.showArchived = context.workspaceState.get<boolean>(STATE_KEYS.showArchived, false);
  tree.branches = branches;
  const treeView = vscode.window.createTreeView(VIEWS.partners, { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(
    treeView,
    branches.onDidChange(() => tree.refresh()),
  );
  app.onRender(() => tree.refresh());

  const setViewContext = async (): Promise<void> => {
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.groupBy, tree.groupBy);
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.showArchived, tree.showArchived);
  };
  const setView = async (groupBy: GroupBy | undefined, showArchived: boolean | undefined): Promise<void> => {
    if (groupBy) {
      tree.groupBy = groupBy;
      await context.workspaceState.update(STATE_KEYS.groupBy, groupBy);
    }
    if (showArchived !== undefined) {
      tree.showArchived = showArchived;
      await context.workspaceState.update(STATE_KEYS.showArchived, showArchived);
    }
    await setViewContext();
    tree.refresh();
  };

  app.commands({
    // The flows that add, edit and file away a partner are in dist/flows.js (shared/lazyCommands.ts).
    [COMMANDS.addPartner]: flowCommand(service, (flows, arg?: unknown) => flows.addPartner(service, arg)),
    [COMMANDS.editPartner]: flowCommand(service, (flows, arg?: unknown, change?: unknown) => flows.editPartner(service, arg, change)),
    [COMMANDS.snoozePartner]: flowCommand(service, (flows, arg?: unknown, until?: unknown) => flows.snoozePartner(service, arg, until)),
    [COMMANDS.archivePartner]: flowCommand(service, (flows, arg?: unknown) => flows.setArchived(service, true, arg)),
    [COMMANDS.unarchivePartner]: flowCommand(service, (flows, arg?: unknown) => flows.setArchived(service, false, arg)),
    [COMMANDS.goToPartner]: storeCommand(service, (arg?: unknown) => goToPartner(service, tree, treeView, arg)),
    [COMMANDS.openPartnerFile]: flowCommand(service, (flows, arg?: unknown) => flows.openPartnerFile(service, arg)),
    [COMMANDS.groupByStatus]: () => setView('status', undefined),
    [COMMANDS.groupByDepartment]: () => setView('department', undefined),
    [COMMANDS.groupByOrganisation]: () => setView('organisation', undefined),
    [COMMANDS.groupByTag]: () => setView('tag', undefined),
    [COMMANDS.showArchived]: () => setView(undefined, true),
    [COMMANDS.hideArchived]: () => setView(undefined, false),
  });
  return { tree, treeView, setViewContext };
}
