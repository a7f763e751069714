// Initiatives and the people on your side: Add Initiative, Assess Stakeholder, and the Initiatives view
// (initiative → its people with their stance). The figures are core's (src/core/initiatives.ts). The
// flows and the view's code are in dist/flows.js (shared/lazyCommands.ts): the view reads it the first
// time VS Code asks for its items, so a collapsed view never loads it.
import * as vscode from 'vscode';
import type { App } from '../shared/app';
import { flowCommand, loadFlows } from '../shared/lazyCommands';
import { COMMANDS, VIEWS } from '../ids';
import type { InitiativeNode, InitiativesTree } from './initiativesTree';
import type { StoreService } from '../store/storeService';

/** The Initiatives view's data, from dist/flows.js on the first question VS Code asks. */
export class LazyInitiativesTree implements vscode.TreeDataProvider<InitiativeNode>, vscode.Disposable {
  private loaded: InitiativesTree | undefined;
  private readonly changed = new vscode.EventEmitter<InitiativeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly service: StoreService) {}

  private get tree(): InitiativesTree {
    this.loaded ??= new (loadFlows().InitiativesTree)(this.service);
    return this.loaded;
  }

  /** A view never shown has nothing to re-fetch: the bundle stays unread. */
  refresh(): void {
    if (this.loaded) this.changed.fire(undefined);
  }

  getChildren(node?: InitiativeNode): InitiativeNode[] {
    return this.tree.getChildren(node);
  }

  getTreeItem(node: InitiativeNode): vscode.TreeItem {
    return this.tree.getTreeItem(node);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export interface Initiatives {
  initiatives: LazyInitiativesTree;
  initiativesView: vscode.TreeView<InitiativeNode>;
}

export function register(app: App): Initiatives {
  const { service, context } = app;
  const initiatives = new LazyInitiativesTree(service);
  const initiativesView = vscode.window.createTreeView(VIEWS.initiatives, { treeDataProvider: initiatives });
  context.subscriptions.push(initiatives, initiativesView);
  app.onRender(() => initiatives.refresh());
  app.commands({
    [COMMANDS.addInitiative]: flowCommand(service, (flows, input?: unknown) => flows.addInitiative(service, input)),
    [COMMANDS.assessStakeholder]: flowCommand(service, (flows, initiative?: unknown, partner?: unknown, input?: unknown) =>
      flows.assessStakeholder(service, initiative, partner, input),
    ),
  });
  return { initiatives, initiativesView };
}
