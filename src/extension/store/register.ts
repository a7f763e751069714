// The store feature: the store commands, the Problems panel and the context keys the welcome views wait
// for, and the daily re-render of due labels. The StoreService itself is created by extension.ts, as
// every feature reads it.
import * as vscode from 'vscode';
import { storeCommand, type App } from '../shared/app';
import { COMMANDS, CONTEXT_KEYS } from '../ids';
import { initializeStore, openStoreFolder, refreshStores } from './storeCommands';

const DAY_CHECK_MS = 10 * 60_000;

export function register(app: App): void {
  const { service, context } = app;
  app.commands({
    [COMMANDS.initializeStore]: storeCommand(service, (arg?: unknown) => initializeStore(service, arg)),
    [COMMANDS.openStoreFolder]: storeCommand(service, (arg?: unknown) => openStoreFolder(service, arg)),
    [COMMANDS.refresh]: storeCommand(service, () => refreshStores(service)),
  });
  app.onRender(() => {
    const anything = service.folders().some((entry) => entry.store.partners().length > 0 || entry.store.problems().length > 0);
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.hasPartners, anything);
    if (service.folders().every((entry) => entry.store.isLoaded))
      void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.loaded, true);
  });
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
}
