// Initiatives and the people on your side: Add Initiative, Assess Stakeholder, and the Initiatives view
// (initiative → its people with their stance). The figures are core's (src/core/initiatives.ts).
import * as vscode from 'vscode';
import { storeCommand, type App } from '../shared/app';
import { COMMANDS, VIEWS } from '../ids';
import { addInitiative } from './addInitiative';
import { assessStakeholder } from './assessStakeholder';
import { InitiativesTree, type InitiativeNode } from './initiativesTree';

export interface Initiatives {
  initiatives: InitiativesTree;
  initiativesView: vscode.TreeView<InitiativeNode>;
}

export function register(app: App): Initiatives {
  const { service, context } = app;
  const initiatives = new InitiativesTree(service);
  const initiativesView = vscode.window.createTreeView(VIEWS.initiatives, { treeDataProvider: initiatives });
  context.subscriptions.push(initiativesView);
  app.onRender(() => initiatives.refresh());
  app.commands({
    [COMMANDS.addInitiative]: storeCommand(service, (input?: unknown) => addInitiative(service, input)),
    [COMMANDS.assessStakeholder]: storeCommand(service, (initiative?: unknown, partner?: unknown, input?: unknown) =>
      assessStakeholder(service, initiative, partner, input),
    ),
  });
  return { initiatives, initiativesView };
}
