import * as vscode from 'vscode';
import { folderFromArg, pickFolder } from '../shared/partnerArgs';
import type { StoreService } from './storeService';

export async function initializeStore(service: StoreService, arg?: unknown): Promise<string | undefined> {
  const entry = folderFromArg(service, arg) ?? (await pickFolder(service, vscode.l10n.t('Initialize Store')));
  if (!entry) return undefined;
  await entry.store.initialize();
  vscode.window.setStatusBarMessage(
    `$(check) ${vscode.l10n.t('Alliances: store ready in {0}', vscode.workspace.asRelativePath(entry.store.root))}`,
    4000,
  );
  return entry.store.root;
}

/** Reveals the store folder in the Explorer; offers to create it when there is none yet. */
export async function openStoreFolder(service: StoreService, arg?: unknown): Promise<void> {
  const entry = folderFromArg(service, arg) ?? (await pickFolder(service, vscode.l10n.t('Open Store Folder')));
  if (!entry) return;
  if (!entry.store.exists) {
    const create = vscode.l10n.t('Initialize Store');
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('There is no Alliances store in {0} yet.', entry.folder.name),
      create,
    );
    if (answer !== create) return;
    await entry.store.initialize();
  }
  await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(entry.store.root));
}

export async function refreshStores(service: StoreService): Promise<number> {
  await service.refresh();
  return service.allViews().length;
}
