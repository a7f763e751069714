// Git insights: records on other branches, the nudge from code, and a partner's history. Git runs after
// the stores loaded (the service's first change), never on the activation path; simple-git is its own
// bundle (shared/bundles.ts).
import * as vscode from 'vscode';
import type { App } from '../shared/app';
import { COMMANDS, INTERNAL_COMMANDS } from '../ids';
import { BranchRecordsService } from './branchRecordsService';
import { CodeNudge } from './codeNudge';
import type { DeliveryWatch } from './deliveryWatch';
import { flowCommand, loadFlows } from '../shared/lazyCommands';
import { GIT_SCHEME, GitContentProvider } from './gitContent';

export interface GitInsights {
  branches: BranchRecordsService;
  codeNudge: CodeNudge;
  /** Asks delivered by commits: the watch, loaded (dist/flows.js) on first use. */
  deliveries: () => DeliveryWatch;
}

export function register(app: App): GitInsights {
  const { service, context } = app;
  const branches = new BranchRecordsService(service);
  const codeNudge = new CodeNudge(service, branches);
  // The delivered-asks watch lives in dist/flows.js: loaded once a store has an open ask and branches move.
  let watch: DeliveryWatch | undefined;
  const deliveries = (): DeliveryWatch => (watch ??= loadFlows().createDeliveryWatch(service, context.workspaceState));
  const hasOpenAsk = () => service.folders().some((entry) => entry.store.all('ask').some((ask) => ask.value.status === 'open'));
  context.subscriptions.push(
    branches,
    codeNudge,
    { dispose: () => watch?.dispose() },
    branches.onDidChange(() => {
      if (watch || hasOpenAsk()) void deliveries().check();
    }),
    service.onDidLogCheckIn((entry) => void branches.warnIfOffDefaultBranch(entry)),
    vscode.workspace.registerTextDocumentContentProvider(GIT_SCHEME, new GitContentProvider()),
  );
  app.commands({
    [COMMANDS.showPartnerHistory]: flowCommand(service, (flows, arg?: unknown) => flows.showPartnerHistory(service, arg)),
    [COMMANDS.reviewDeliveredAsks]: flowCommand(service, (flows, arg?: unknown) => flows.reviewDeliveredAsks(service, deliveries(), arg)),
    [COMMANDS.copyAskTrailer]: flowCommand(service, (flows, arg?: unknown) => flows.copyAskTrailer(service, arg)),
    [INTERNAL_COMMANDS.openCodeNudge]: () => codeNudge.open(),
  });
  return { branches, codeNudge, deliveries };
}
