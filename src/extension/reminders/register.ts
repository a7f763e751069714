// Reminders: the one combined notification, the quiet status bar item, Show Due, and the partners view's
// badge — all counting the same people.
import * as vscode from 'vscode';
import { storeCommand, type App } from '../shared/app';
import { countBadge } from '../shared/badge';
import { COMMANDS, SETTINGS, settingId } from '../ids';
import type { FollowUpsTree } from '../agenda/followUpsTree';
import { Reminders } from './reminders';
import { showDue } from './showDue';
import { workspaceSilos } from './silos';
import { DueStatusBar } from './statusBar';

export interface RemindersFeature {
  statusBar: DueStatusBar;
  reminders: Reminders;
}

export function register(app: App, partnersView: vscode.TreeView<unknown>, followUps: FollowUpsTree): RemindersFeature {
  const { service, context } = app;
  const statusBar = new DueStatusBar(service);
  const reminders = new Reminders(
    service,
    context.globalState,
    undefined,
    () => followUps.overdueCount(),
    () => workspaceSilos(service),
  );
  context.subscriptions.push(
    statusBar,
    reminders,
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(settingId(SETTINGS.remindersIntervalMinutes))) reminders.schedule();
    }),
  );
  app.onRender(() => {
    partnersView.badge = countBadge(statusBar.update(), (due) =>
      due === 1 ? vscode.l10n.t('1 partner due for a check-in') : vscode.l10n.t('{0} partners due for a check-in', due),
    );
  });
  app.commands({ [COMMANDS.showDue]: storeCommand(service, () => showDue(service)) });
  return { statusBar, reminders };
}
