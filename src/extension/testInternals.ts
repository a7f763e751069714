// The tests' and the benchmark's door to the live services. Not the product API (api.ts): it exists only
// when VS Code runs the extension's tests (ExtensionMode.Test: an extensionTestsPath was given), as a
// command no menu or palette lists, so no other extension can come to depend on internals.
import * as vscode from 'vscode';
import type { Agenda } from './agenda/register';
import type { CalendarFeature } from './calendar/index';
import type { LazyDashboard } from './dashboard/register';
import type { GitInsights } from './gitInsights/register';
import { INTERNAL_COMMANDS } from './ids';
import type { Initiatives } from './initiatives/register';
import type { Concerns } from './concerns/register';
import type { Interop } from './interop/register';
import type { LazyEcosystemMap } from './map/register';
import type { LazyInitiativePages } from './initiativePage/register';
import type { LmTools } from './lmTools/register';
import type { LazyPartnerPages } from './partnerPage/register';
import type { Partners } from './partners/register';
import type { RemindersFeature } from './reminders/register';
import type { WindowSearch } from './search/index';
import type { StoreService } from './store/storeService';
import { quickInputProbe } from './shared/quickInputs';

export interface AlliancesInternals
  extends Omit<Partners, 'setViewContext'>, Agenda, Initiatives, Concerns, RemindersFeature, GitInsights, Interop {
  service: StoreService;
  partnerPages: LazyPartnerPages;
  dashboard: LazyDashboard;
  ecosystemMap: LazyEcosystemMap;
  initiativePages: LazyInitiativePages;
  /** The language-model tools as registered with VS Code (empty where vscode.lm.registerTool is missing). */
  lmTools: LmTools;
  /** The window's search (loads dist/search.js on the first call). */
  search: () => WindowSearch;
  /** From your calendar (loads dist/calendar.js on the first call). */
  calendar: () => CalendarFeature;
  /** Commands of package.json with no handler (a wiring mistake): empty. */
  unhandledCommands: string[];
  /** The quick input on screen (its items, to tick some in a multi-select). */
  quickInput: typeof quickInputProbe;
}

export function registerTestInternals(context: vscode.ExtensionContext, internals: Omit<AlliancesInternals, 'quickInput'>): void {
  if (context.extensionMode !== vscode.ExtensionMode.Test) return;
  const all: AlliancesInternals = { ...internals, quickInput: quickInputProbe };
  context.subscriptions.push(vscode.commands.registerCommand(INTERNAL_COMMANDS.testInternals, () => all));
}
