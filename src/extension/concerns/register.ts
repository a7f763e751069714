// Concerns the team rates up: Raise Concern…, +1 Concern, Close Concern…, Turn Concern into Talking
// Points, and the Concerns view (open concerns top first). Only this file is in main.js: the flows and
// the view's items are in dist/flows.js (shared/lazyCommands.ts), read by the first concern command or the
// first time VS Code asks for the view's items, so a collapsed view never loads it. The ranking is core's
// (src/core/concerns.ts).
import * as vscode from 'vscode';
import type { App } from '../shared/app';
import { flowCommand, loadFlows } from '../shared/lazyCommands';
import { COMMANDS, VIEWS } from '../ids';
import type { ConcernNode } from './concernsTree';
import type { StoreService } from '../store/storeService';

/** The Concerns view's data, from dist/flows.js on the first question VS Code asks. */
export class LazyConcernsTree implements vscode.TreeDataProvider<ConcernNode>, vscode.Disposable {
  private asked = false;
  private readonly changed = new vscode.EventEmitter<ConcernNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly service: StoreService) {}

  /** A view never shown has nothing to re-fetch: the bundle stays unread. */
  refresh(): void {
    if (this.asked) this.changed.fire(undefined);
  }

  getChildren(node?: ConcernNode): ConcernNode[] {
    this.asked = true;
    return loadFlows().concernChildren(this.service, node);
  }

  getTreeItem(node: ConcernNode): vscode.TreeItem {
    return loadFlows().concernTreeItem(node);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export interface Concerns {
  concerns: LazyConcernsTree;
  concernsView: vscode.TreeView<ConcernNode>;
}

export function register(app: App): Concerns {
  const { service, context } = app;
  const concerns = new LazyConcernsTree(service);
  const concernsView = vscode.window.createTreeView(VIEWS.concerns, { treeDataProvider: concerns });
  context.subscriptions.push(concerns, concernsView);
  app.onRender(() => concerns.refresh());
  app.commands({
    [COMMANDS.raiseConcern]: flowCommand(service, (flows, input?: unknown) => flows.raiseConcern(service, input)),
    [COMMANDS.voteConcern]: flowCommand(service, (flows, concern?: unknown) => flows.voteConcern(service, concern)),
    [COMMANDS.closeConcern]: flowCommand(service, (flows, concern?: unknown, resolution?: unknown) =>
      flows.closeConcern(service, concern, resolution),
    ),
    [COMMANDS.concernToTalkingPoints]: flowCommand(service, (flows, concern?: unknown) => flows.concernToTalkingPoints(service, concern)),
  });
  return { concerns, concernsView };
}
