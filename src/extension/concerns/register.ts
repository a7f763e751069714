// Concerns the team rates up: Raise Concern…, +1 Concern, Close Concern…, Turn Concern into Talking
// Points, and the Concerns view (open concerns top first). Only this file is in main.js: the flows and
// the view's items are dist/concerns.js (index.ts), required the first time a command runs or the view
// is shown. The ranking is core's (src/core/concerns.ts).
import * as vscode from 'vscode';
import { storeCommand, type App } from '../shared/app';
import { lazyBundle } from '../shared/lazyBundle';
import { COMMANDS, VIEWS } from '../ids';
import type { ConcernNode } from './concernsTree';

/** dist/concerns.js: the first concern command, or the Concerns view shown. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const loadConcerns = lazyBundle<typeof import('./index')>(() => require('./concerns.js'));

export interface Concerns {
  concernsView: vscode.TreeView<ConcernNode>;
  concerns: vscode.TreeDataProvider<ConcernNode>;
}

export function register(app: App): Concerns {
  const { service, context } = app;
  const changed = new vscode.EventEmitter<undefined>();
  const concerns = {
    onDidChangeTreeData: changed.event,
    getChildren: (node?: ConcernNode) => loadConcerns().concernChildren(service, node),
    getTreeItem: (node: ConcernNode) => loadConcerns().concernTreeItem(node),
  };
  const concernsView = vscode.window.createTreeView<ConcernNode>(VIEWS.concerns, { treeDataProvider: concerns });
  context.subscriptions.push(changed, concernsView);
  // Only while the view is shown: a hidden view asks nothing, so the bundle stays unloaded.
  app.onRender(() => {
    if (concernsView.visible) changed.fire(undefined);
  });
  context.subscriptions.push(concernsView.onDidChangeVisibility((e) => e.visible && changed.fire(undefined)));
  app.commands({
    [COMMANDS.raiseConcern]: storeCommand(service, (input?: unknown) => loadConcerns().raiseConcern(service, input)),
    [COMMANDS.voteConcern]: storeCommand(service, (concern?: unknown) => loadConcerns().voteConcern(service, concern)),
    [COMMANDS.closeConcern]: storeCommand(service, (concern?: unknown, resolution?: unknown) =>
      loadConcerns().closeConcern(service, concern, resolution),
    ),
    [COMMANDS.concernToTalkingPoints]: storeCommand(service, (concern?: unknown) =>
      loadConcerns().concernToTalkingPoints(service, concern),
    ),
  });
  return { concernsView, concerns };
}
