// The agenda: talking points (from the palette or an editor selection) and follow-ups, with the
// Follow-ups view, its badge of overdue ones and its checkboxes.
import * as vscode from 'vscode';
import type { App } from '../shared/app';
import { countBadge } from '../shared/badge';
import { flowCommand } from '../shared/lazyCommands';
import { COMMANDS, VIEWS } from '../ids';
import { FollowUpsTree, type FollowUpNode } from './followUpsTree';

export interface Agenda {
  followUps: FollowUpsTree;
  followUpsView: vscode.TreeView<FollowUpNode>;
}

export function register(app: App): Agenda {
  const { service, context } = app;
  const followUps = new FollowUpsTree(service);
  const followUpsView = vscode.window.createTreeView(VIEWS.followUps, { treeDataProvider: followUps });
  context.subscriptions.push(followUpsView);
  app.onRender(() => {
    followUps.refresh();
    followUpsView.badge = countBadge(followUps.overdueCount(), (overdue) =>
      overdue === 1 ? vscode.l10n.t('1 follow-up is overdue') : vscode.l10n.t('{0} follow-ups are overdue', overdue),
    );
  });
  app.commands({
    // The flows are in dist/flows.js (shared/lazyCommands.ts); the view and its badge stay here.
    [COMMANDS.addTalkingPoint]: flowCommand(service, (flows, arg?: unknown, input?: unknown) => flows.addTalkingPoint(service, arg, input)),
    [COMMANDS.openTalkingPoint]: flowCommand(service, (flows, arg?: unknown) => flows.openTalkingPoint(service, arg)),
    [COMMANDS.coverTalkingPoint]: flowCommand(service, (flows, arg?: unknown) => flows.setTalkingPointCovered(service, true, arg)),
    [COMMANDS.reopenTalkingPoint]: flowCommand(service, (flows, arg?: unknown) => flows.setTalkingPointCovered(service, false, arg)),
    [COMMANDS.addFollowUp]: flowCommand(service, (flows, arg?: unknown, input?: unknown) => flows.addFollowUp(service, arg, input)),
    [COMMANDS.completeFollowUp]: flowCommand(service, (flows, arg?: unknown) => flows.setFollowUpDone(service, true, arg)),
    [COMMANDS.reopenFollowUp]: flowCommand(service, (flows, arg?: unknown) => flows.setFollowUpDone(service, false, arg)),
  });
  // One click on a checkbox completes or reopens a follow-up.
  const run = flowCommand(service, (flows, done: boolean, node: FollowUpNode) => flows.setFollowUpDone(service, done, node));
  context.subscriptions.push(
    followUpsView.onDidChangeCheckboxState((event) => {
      for (const [node, state] of event.items) {
        if (node.type === 'followUp') void run(state === vscode.TreeItemCheckboxState.Checked, node);
      }
    }),
  );
  return { followUps, followUpsView };
}
