// dist/main.js: the whole extension, required by the activation shell (shell.ts) right after activate()
// returned. A short list of features, each a folder with one register(); the order only matters where a
// feature hands another what it made (git insights → the tree and the partner page; the tree → reminders).
// To add a feature: a folder with register(app), one line here (docs/architecture.md).
import * as vscode from 'vscode';
import { createApi, type AlliancesApi } from './api';
import { register as registerAgenda } from './agenda/register';
import { register as registerCalendar } from './calendar/register';
import { register as registerCheckIns } from './checkIns/register';
import { register as registerConcerns } from './concerns/register';
import { register as registerConnections } from './connections/register';
import { register as registerDashboard } from './dashboard/register';
import { register as registerGitInsights } from './gitInsights/register';
import { CONTEXT_KEYS } from './ids';
import { register as registerInitiatives } from './initiatives/register';
import { register as registerInterop } from './interop/register';
import { register as registerEcosystemMap } from './map/register';
import { register as registerInitiativePage } from './initiativePage/register';
import { register as registerLmTools } from './lmTools/register';
import { register as registerPartnerPage } from './partnerPage/register';
import { register as registerPartners } from './partners/register';
import { register as registerReminders } from './reminders/register';
import { register as registerSearch } from './search/register';
import { register as registerImpact } from './impact/register';
import { register as registerBrief } from './brief/register';
import { createApp } from './shared/app';
import { configureCoreL10n } from './shared/coreL10n';
import { useShellRegistry, type ShellRegistry } from './shared/registry';
import { register as registerStore } from './store/register';
import { StoreService } from './store/storeService';
import { registerTestInternals } from './testInternals';

export type { AlliancesApi };

/** Creates every feature (the stores load afterwards) and returns the public API. */
export function start(context: vscode.ExtensionContext, registry?: ShellRegistry): AlliancesApi {
  // Before anything builds a label: core's strings follow VS Code's display language.
  configureCoreL10n();
  useShellRegistry(registry);
  const service = new StoreService();
  context.subscriptions.push(service);
  const app = createApp(context, service);

  registerStore(app);
  const git = registerGitInsights(app);
  const partners = registerPartners(app, git.branches);
  registerCheckIns(app);
  registerConnections(app);
  const agenda = registerAgenda(app);
  const initiatives = registerInitiatives(app);
  const concerns = registerConcerns(app);
  const reminders = registerReminders(app, partners.treeView, agenda.followUps);
  const interop = registerInterop(app);
  const partnerPages = registerPartnerPage(app, git.branches);
  const dashboard = registerDashboard(app);
  const ecosystemMap = registerEcosystemMap(app);
  const initiativePages = registerInitiativePage(app);
  const lmTools = registerLmTools(app);
  const search = registerSearch(app);
  const calendar = registerCalendar(app, partners.tree, reminders.reminders);
  registerImpact(app);
  registerBrief(app);
  context.subscriptions.push(service.onDidChange(() => app.render()));

  // Every command is registered: the menus and palette entries the shell left out may show now
  // (scripts/shellCommands.cjs). Sent after the registrations, so it reaches the workbench after them.
  void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.started, true);
  const unhandledCommands = registry ? [...registry.commandIds].filter((id) => !registry.handlers.has(id)) : [];
  if (unhandledCommands.length > 0) service.log.error(`commands without a handler: ${unhandledCommands.join(', ')}`);
  const { tree, treeView } = partners;
  registerTestInternals(context, {
    service,
    tree,
    treeView,
    ...agenda,
    ...initiatives,
    ...concerns,
    ...reminders,
    ...git,
    ...interop,
    partnerPages,
    dashboard,
    ecosystemMap,
    initiativePages,
    lmTools,
    ...search,
    calendar: calendar.calendar,
    unhandledCommands,
  });

  // Data loads after activate() returns.
  setTimeout(() => {
    void partners.setViewContext();
    void service.start().then(() => app.render());
    reminders.reminders.start();
    calendar.start();
  }, 0);
  return createApi(service);
}
