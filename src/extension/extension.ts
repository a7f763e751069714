import * as vscode from 'vscode';
import { type GroupBy } from '../core/partnerView';
import { configureCoreL10n } from './coreL10n';
import { addPartner } from './commands/addPartner';
import { editPartner } from './commands/editPartner';
import { ImportPreview } from './commands/importPreview';
import { addFollowUp, setFollowUpDone } from './commands/followUps';
import { addTalkingPoint, openTalkingPoint, setTalkingPointCovered } from './commands/talkingPoints';
import { FollowUpsTree, type FollowUpNode } from './followUpsTree';
import { goToPartner } from './commands/goToPartner';
import { logCheckIn } from './commands/logCheckIn';
import { openPartnerFile, setArchived, snoozePartner } from './commands/partnerState';
import { showDue } from './commands/showDue';
import { initializeStore, openStoreFolder, refreshStores } from './commands/storeCommands';
import { LazyDashboard } from './lazyDashboard';
import { loadInterop } from './lazyInterop';
import { registerCommand, useShellRegistry, type ShellRegistry } from './registry';
import { workspaceSilos } from './silos';
import { guarded } from './partnerArgs';
import { LazyPartnerPages } from './lazyPartnerPage';
import { PartnersTree } from './partnersTree';
import { Reminders } from './reminders';
import { DueStatusBar } from './statusBar';
import { StoreService } from './storeService';
import { BranchRecordsService } from './git/branchRecordsService';
import { CodeNudge } from './git/codeNudge';
import { GIT_SCHEME, GitContentProvider, showPartnerHistory } from './git/partnerHistory';

/** What activate() returns: the live services, for other extensions and the integration tests. */
export interface AlliancesApi {
  service: StoreService;
  tree: PartnersTree;
  treeView: vscode.TreeView<import('./partnersTree').TreeNode>;
  statusBar: DueStatusBar;
  reminders: Reminders;
  followUps: FollowUpsTree;
  followUpsView: vscode.TreeView<FollowUpNode>;
  partnerPages: LazyPartnerPages;
  dashboard: LazyDashboard;
  /** Commands of package.json with no handler (a wiring mistake): empty. */
  unhandledCommands: string[];
  branches: BranchRecordsService;
  codeNudge: CodeNudge;
  importPreview: ImportPreview;
}

const GROUP_BY_KEY = 'alliances.groupBy';
const SHOW_ARCHIVED_KEY = 'alliances.showArchived';
const DAY_CHECK_MS = 10 * 60_000;

/**
 * Creates everything (called by the activation shell, shell.ts, right after activate() returned); the
 * stores load afterwards. Commands and serializers go to the shell's tables when there is a shell.
 */
export function start(context: vscode.ExtensionContext, registry?: ShellRegistry): AlliancesApi {
  // Before anything builds a label: core's strings follow VS Code's display language.
  configureCoreL10n();
  useShellRegistry(registry);
  const service = new StoreService();
  const tree = new PartnersTree(service);
  tree.groupBy = context.workspaceState.get<GroupBy>(GROUP_BY_KEY, 'department');
  tree.showArchived = context.workspaceState.get<boolean>(SHOW_ARCHIVED_KEY, false);
  const treeView = vscode.window.createTreeView('alliances.partners', { treeDataProvider: tree, showCollapseAll: true });
  const followUps = new FollowUpsTree(service);
  const followUpsView = vscode.window.createTreeView('alliances.followUps', { treeDataProvider: followUps });
  const statusBar = new DueStatusBar(service);
  const dashboard = new LazyDashboard(context.extensionUri, service);
  const reminders = new Reminders(
    service,
    context.globalState,
    undefined,
    () => followUps.overdueCount(),
    () => workspaceSilos(service),
  );
  context.subscriptions.push(service, treeView, followUpsView, statusBar, reminders);

  const render = (): void => {
    tree.refresh();
    followUps.refresh();
    const overdue = followUps.overdueCount();
    followUpsView.badge =
      overdue > 0
        ? {
            value: overdue,
            tooltip: overdue === 1 ? vscode.l10n.t('1 follow-up is overdue') : vscode.l10n.t('{0} follow-ups are overdue', overdue),
          }
        : undefined;
    const due = statusBar.update();
    treeView.badge =
      due > 0
        ? {
            value: due,
            tooltip: due === 1 ? vscode.l10n.t('1 partner due for a check-in') : vscode.l10n.t('{0} partners due for a check-in', due),
          }
        : undefined;
    const anything = service.folders().some((entry) => entry.store.partners().length > 0 || entry.store.problems().length > 0);
    void vscode.commands.executeCommand('setContext', 'alliances:hasPartners', anything);
    if (service.folders().every((entry) => entry.store.isLoaded))
      void vscode.commands.executeCommand('setContext', 'alliances:loaded', true);
  };
  context.subscriptions.push(service.onDidChange(render));
  // Git runs after the stores loaded (the service's first change), never on the activation path.
  const branches = new BranchRecordsService(service);
  tree.branches = branches;
  context.subscriptions.push(
    branches,
    branches.onDidChange(() => tree.refresh()),
    service.onDidLogCheckIn((entry) => void branches.warnIfOffDefaultBranch(entry)),
  );
  const codeNudge = new CodeNudge(service, branches);
  context.subscriptions.push(codeNudge);

  const setView = async (groupBy: GroupBy | undefined, showArchived: boolean | undefined): Promise<void> => {
    if (groupBy) {
      tree.groupBy = groupBy;
      await context.workspaceState.update(GROUP_BY_KEY, groupBy);
    }
    if (showArchived !== undefined) {
      tree.showArchived = showArchived;
      await context.workspaceState.update(SHOW_ARCHIVED_KEY, showArchived);
    }
    await setViewContext();
    tree.refresh();
  };
  const setViewContext = async (): Promise<void> => {
    await vscode.commands.executeCommand('setContext', 'alliances:groupBy', tree.groupBy);
    await vscode.commands.executeCommand('setContext', 'alliances:showArchived', tree.showArchived);
  };

  // Every store command waits for the stores to be loaded, then reports failures as one clear message.
  const storeCommand = <A extends unknown[], R>(body: (...args: A) => Promise<R>) =>
    guarded(async (...args: A) => {
      await service.whenReady();
      return body(...args);
    });
  const importPreview = new ImportPreview();
  const commands: Record<string, (...args: unknown[]) => unknown> = {
    'alliances.initializeStore': storeCommand((arg?: unknown) => initializeStore(service, arg)),
    'alliances.addPartner': storeCommand((arg?: unknown) => addPartner(service, arg)),
    'alliances.editPartner': storeCommand((arg?: unknown, change?: unknown) => editPartner(service, arg, change)),
    'alliances.logCheckIn': storeCommand((arg?: unknown, input?: unknown) => logCheckIn(service, arg, input)),
    'alliances.snoozePartner': storeCommand((arg?: unknown, until?: unknown) => snoozePartner(service, arg, until)),
    'alliances.archivePartner': storeCommand((arg?: unknown) => setArchived(service, true, arg)),
    'alliances.unarchivePartner': storeCommand((arg?: unknown) => setArchived(service, false, arg)),
    'alliances.goToPartner': storeCommand((arg?: unknown) => goToPartner(service, tree, treeView, arg)),
    'alliances.openPartnerFile': storeCommand((arg?: unknown) => openPartnerFile(service, arg)),
    'alliances.openStoreFolder': storeCommand((arg?: unknown) => openStoreFolder(service, arg)),
    'alliances.refresh': storeCommand(() => refreshStores(service)),
    'alliances.showDue': storeCommand(() => showDue(service)),
    'alliances.addTalkingPoint': storeCommand((arg?: unknown, input?: unknown) => addTalkingPoint(service, arg, input)),
    'alliances.openTalkingPoint': storeCommand((arg?: unknown) => openTalkingPoint(service, arg)),
    'alliances.coverTalkingPoint': storeCommand((arg?: unknown) => setTalkingPointCovered(service, true, arg)),
    'alliances.reopenTalkingPoint': storeCommand((arg?: unknown) => setTalkingPointCovered(service, false, arg)),
    'alliances.addFollowUp': storeCommand((arg?: unknown, input?: unknown) => addFollowUp(service, arg, input)),
    'alliances.completeFollowUp': storeCommand((arg?: unknown) => setFollowUpDone(service, true, arg)),
    'alliances.reopenFollowUp': storeCommand((arg?: unknown) => setFollowUpDone(service, false, arg)),
    'alliances.showPartnerHistory': storeCommand((arg?: unknown) => showPartnerHistory(service, arg)),
    'alliances.importPartners': storeCommand((arg?: unknown, options?: unknown) =>
      loadInterop().importPartners(service, importPreview, arg, options),
    ),
    'alliances.exportPartnersCsv': storeCommand((arg?: unknown, target?: unknown) => loadInterop().exportPartnersCsv(service, arg, target)),
    'alliances.exportCalendar': storeCommand((arg?: unknown, target?: unknown) => loadInterop().exportCalendar(service, arg, target)),
    'alliances.exportReport': storeCommand((arg?: unknown, target?: unknown) => loadInterop().exportReport(service, arg, target)),
    'alliances.groupByStatus': () => setView('status', undefined),
    'alliances.groupByDepartment': () => setView('department', undefined),
    'alliances.showArchived': () => setView(undefined, true),
    'alliances.hideArchived': () => setView(undefined, false),
  };
  for (const [id, handler] of Object.entries(commands)) context.subscriptions.push(registerCommand(id, handler));
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(GIT_SCHEME, new GitContentProvider()));
  const partnerPages = new LazyPartnerPages(context.extensionUri, service, branches);
  context.subscriptions.push(partnerPages, ...partnerPages.register(), dashboard, ...dashboard.register());
  // Every command is registered: the menus and palette entries the shell left out may show now
  // (scripts/shellCommands.cjs). Sent after the registrations, so it reaches the workbench after them.
  void vscode.commands.executeCommand('setContext', 'alliances:started', true);
  const run = storeCommand((body: () => Promise<unknown>) => body());
  // One click on a checkbox completes or reopens a follow-up.
  context.subscriptions.push(
    followUpsView.onDidChangeCheckboxState((event) => {
      for (const [node, state] of event.items) {
        if (node.type === 'followUp') void run(() => setFollowUpDone(service, state === vscode.TreeItemCheckboxState.Checked, node));
      }
    }),
  );

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('alliances.reminders.intervalMinutes')) reminders.schedule();
    }),
  );

  // Data loads after activate() returns.
  setTimeout(() => {
    void setViewContext();
    void service.start().then(render);
    reminders.start();
  }, 0);

  // Due labels depend on the date: recompute when the day changes. Check-ins dated ahead are checked on
  // every tick: one held until tomorrow 15:00 counts from then, not from midnight.
  let day = new Date().toDateString();
  const dayTimer = setInterval(() => {
    service.recheckDates();
    if (new Date().toDateString() !== day) {
      day = new Date().toDateString();
      service.notify();
    }
  }, DAY_CHECK_MS);
  context.subscriptions.push({ dispose: () => clearInterval(dayTimer) });

  const unhandledCommands = registry ? [...registry.commandIds].filter((id) => !registry.handlers.has(id)) : [];
  if (unhandledCommands.length > 0) service.log.error(`commands without a handler: ${unhandledCommands.join(', ')}`);
  return {
    service,
    tree,
    treeView,
    statusBar,
    reminders,
    followUps,
    followUpsView,
    partnerPages,
    dashboard,
    unhandledCommands,
    branches,
    codeNudge,
    importPreview,
  };
}
