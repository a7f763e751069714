// The host side of Who Does This Change Affect? (dist/impact.js): git through dist/git.js, the answer
// from src/core/impact (impactRun.ts), then the quick pick (impactPick.ts) or, with an action argument, the answer.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { impactMarkdown, type ImpactResult } from '../../core/impact';
import type { TalkingPoint } from '../../core/model';
import type { Loaded } from '../../core/store';
import { configureCoreL10n } from '../shared/coreL10n';
import { pickFolder } from '../shared/partnerArgs';
import { visible } from '../shared/displayText';
import type { FolderStore, StoreService } from '../store/storeService';
import { showImpactPick } from './impactPick';
import { addTalkingPoints, checkImpact, type ImpactRun } from './impactRun';

// This bundle has its own copy of @vscode/l10n: the core's words (why, health, silo) in the display language.
configureCoreL10n();
export interface ImpactArgs {
  base?: string;
  head?: string;
  /** The workspace folder's path (multi-root); the only folder, or a pick, when left out. */
  folder?: string;
  action?: 'result' | 'addTalkingPoints' | 'markdown';
}

export type ImpactAnswer = ImpactResult | { error: string } | Loaded<TalkingPoint>[] | string | undefined;

function argsOf(arg: unknown): ImpactArgs {
  if (!arg || typeof arg !== 'object' || arg instanceof vscode.Uri) return {};
  const { base, head, folder, action } = arg as Record<string, unknown>;
  return {
    ...(typeof base === 'string' ? { base } : {}),
    ...(typeof head === 'string' ? { head } : {}),
    ...(typeof folder === 'string' ? { folder } : {}),
    ...(action === 'result' || action === 'addTalkingPoints' || action === 'markdown' ? { action } : {}),
  };
}

async function folderOf(service: StoreService, folder: string | undefined): Promise<FolderStore | undefined> {
  if (folder === undefined) {
    const active = vscode.window.activeTextEditor?.document.uri;
    const workspaceFolder = active && vscode.workspace.getWorkspaceFolder(active);
    const entry = workspaceFolder && service.forFolder(workspaceFolder);
    return entry ?? pickFolder(service, vscode.l10n.t('Who Does This Change Affect?'));
  }
  return service.folders().find((entry) => path.resolve(entry.folder.uri.fsPath) === path.resolve(folder));
}

export async function runImpactCommand(service: StoreService, arg?: unknown): Promise<ImpactAnswer> {
  const args = argsOf(arg);
  const entry = await folderOf(service, args.folder);
  if (!entry) return args.action ? { error: vscode.l10n.t('No workspace folder {0}.', args.folder ?? '') } : undefined;
  const run: ImpactRun = { entry, base: args.base, head: args.head ?? 'HEAD' };
  if (args.action) {
    const result = await checkImpact(run);
    if ('error' in result) {
      void vscode.window.showErrorMessage(visible(result.error));
      return result;
    }
    if (args.action === 'result') return result;
    if (args.action === 'markdown') return impactMarkdown(result);
    return addTalkingPoints(entry, result);
  }
  return showImpactPick(run);
}
