// Concerns the team rates up: Raise Concern…, +1 Concern, Close Concern…, Turn Concern into Talking
// Points, and the Concerns view (open concerns top first). Only this file is in main.js: the flows and
// the view's items are in dist/flows.js (shared/lazyCommands.ts), read by the first concern command or the
// first time VS Code asks for the view's items, so a collapsed view never loads it. The ranking is core's
// (src/core/concerns.ts).
import * as vscode from 'vscode';
import type { App } from '../shared/app';
import { flowCommand, loadFlows } from '../shared/lazyCommands';
import { COMMANDS, VIEWS } from '../ids';
import { LazyTree } from '../shared/lazyTree';
import type { ConcernNode } from './concernsTree';

export interface Concerns {
  concerns: LazyTree<ConcernNode>;
  concernsView: vscode.TreeView<ConcernNode>;
}

export function register(app: App): Concerns {
  const { service, context } = app;
  const concerns = new LazyTree<ConcernNode>(() => {
    const flows = loadFlows();
    return { getChildren: (node) => flows.concernChildren(service, node), getTreeItem: (node) => flows.concernTreeItem(node) };
  });
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
