// Git insights: records on other branches, the nudge from code, and a partner's history. Git runs after
// the stores loaded (the service's first change), never on the activation path; simple-git is its own
// bundle (shared/bundles.ts).
import * as vscode from 'vscode';
import { storeCommand, type App } from '../shared/app';
import { COMMANDS, INTERNAL_COMMANDS } from '../ids';
import { BranchRecordsService } from './branchRecordsService';
import { CodeNudge } from './codeNudge';
import { copyAskTrailer, reviewDeliveredAsks } from './deliveryFlows';
import { DeliveryWatch } from './deliveryWatch';
import { GIT_SCHEME, GitContentProvider, showPartnerHistory } from './partnerHistory';

export interface GitInsights {
  branches: BranchRecordsService;
  codeNudge: CodeNudge;
  deliveries: DeliveryWatch;
}

export function register(app: App): GitInsights {
  const { service, context } = app;
  const branches = new BranchRecordsService(service);
  const codeNudge = new CodeNudge(service, branches);
  const deliveries = new DeliveryWatch(service, branches, context.workspaceState);
  context.subscriptions.push(
    branches,
    codeNudge,
    deliveries,
    service.onDidLogCheckIn((entry) => void branches.warnIfOffDefaultBranch(entry)),
    vscode.workspace.registerTextDocumentContentProvider(GIT_SCHEME, new GitContentProvider()),
  );
  app.commands({
    [COMMANDS.showPartnerHistory]: storeCommand(service, (arg?: unknown) => showPartnerHistory(service, arg)),
    [COMMANDS.reviewDeliveredAsks]: storeCommand(service, (arg?: unknown) => reviewDeliveredAsks(service, deliveries, arg)),
    [COMMANDS.copyAskTrailer]: storeCommand(service, (arg?: unknown) => copyAskTrailer(service, arg)),
    [INTERNAL_COMMANDS.openCodeNudge]: () => codeNudge.open(),
  });
  return { branches, codeNudge, deliveries };
}
