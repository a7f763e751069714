// The agenda: talking points (from the palette or an editor selection) and follow-ups, with the
// Follow-ups view, its badge of overdue ones and its checkboxes.
import * as vscode from 'vscode';
import { storeCommand, type App } from '../shared/app';
import { countBadge } from '../shared/badge';
import { COMMANDS, VIEWS } from '../ids';
import { addFollowUp, setFollowUpDone } from './followUps';
import { FollowUpsTree, type FollowUpNode } from './followUpsTree';
import { addTalkingPoint, openTalkingPoint, setTalkingPointCovered } from './talkingPoints';

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
    [COMMANDS.addTalkingPoint]: storeCommand(service, (arg?: unknown, input?: unknown) => addTalkingPoint(service, arg, input)),
    [COMMANDS.openTalkingPoint]: storeCommand(service, (arg?: unknown) => openTalkingPoint(service, arg)),
    [COMMANDS.coverTalkingPoint]: storeCommand(service, (arg?: unknown) => setTalkingPointCovered(service, true, arg)),
    [COMMANDS.reopenTalkingPoint]: storeCommand(service, (arg?: unknown) => setTalkingPointCovered(service, false, arg)),
    [COMMANDS.addFollowUp]: storeCommand(service, (arg?: unknown, input?: unknown) => addFollowUp(service, arg, input)),
    [COMMANDS.completeFollowUp]: storeCommand(service, (arg?: unknown) => setFollowUpDone(service, true, arg)),
    [COMMANDS.reopenFollowUp]: storeCommand(service, (arg?: unknown) => setFollowUpDone(service, false, arg)),
  });
  // One click on a checkbox completes or reopens a follow-up.
  const run = storeCommand(service, (body: () => Promise<unknown>) => body());
  context.subscriptions.push(
    followUpsView.onDidChangeCheckboxState((event) => {
      for (const [node, state] of event.items) {
        if (node.type === 'followUp') void run(() => setFollowUpDone(service, state === vscode.TreeItemCheckboxState.Checked, node));
      }
    }),
  );
  return { followUps, followUpsView };
}
