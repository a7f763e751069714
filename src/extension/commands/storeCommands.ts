import * as vscode from 'vscode';
import { folderFromArg, pickFolder } from '../partnerArgs';
import type { StoreService } from '../storeService';

export async function initializeStore(service: StoreService, arg?: unknown): Promise<string | undefined> {
  const entry = folderFromArg(service, arg) ?? (await pickFolder(service, 'Initialize Store'));
  if (!entry) return undefined;
  await entry.store.initialize();
  vscode.window.setStatusBarMessage(`$(check) Alliances: store ready in ${vscode.workspace.asRelativePath(entry.store.root)}`, 4000);
  return entry.store.root;
}

/** Reveals the store folder in the Explorer; offers to create it when there is none yet. */
export async function openStoreFolder(service: StoreService, arg?: unknown): Promise<void> {
  const entry = folderFromArg(service, arg) ?? (await pickFolder(service, 'Open Store Folder'));
  if (!entry) return;
  if (!entry.store.exists) {
    const create = 'Initialize Store';
    const answer = await vscode.window.showInformationMessage(`There is no Alliances store in ${entry.folder.name} yet.`, create);
    if (answer !== create) return;
    await entry.store.initialize();
  }
  await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(entry.store.root));
}

export async function refreshStores(service: StoreService): Promise<number> {
  await service.refresh();
  return service.allViews().length;
}
