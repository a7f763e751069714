// Initiatives and the people on your side: Add Initiative, Assess Stakeholder, and the Initiatives view
// (initiative → its people with their stance). The figures are core's (src/core/initiatives.ts). The
// flows and the view's code are in dist/flows.js (shared/lazyCommands.ts): the view reads it the first
// time VS Code asks for its items, so a collapsed view never loads it.
import * as vscode from 'vscode';
import type { App } from '../shared/app';
import { flowCommand, loadFlows } from '../shared/lazyCommands';
import { COMMANDS, VIEWS } from '../ids';
import { LazyTree } from '../shared/lazyTree';
import type { InitiativeNode } from './initiativesTree';

export interface Initiatives {
  initiatives: LazyTree<InitiativeNode>;
  initiativesView: vscode.TreeView<InitiativeNode>;
}

export function register(app: App): Initiatives {
  const { service, context } = app;
  const initiatives = new LazyTree<InitiativeNode>(() => new (loadFlows().InitiativesTree)(service));
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
