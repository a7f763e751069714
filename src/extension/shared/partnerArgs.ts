import * as vscode from 'vscode';
import { DEPARTMENTS } from '../../core/vocabulary';
import type { PartnerView } from '../../core/partnerView';
import { isStoreWriteError } from '../../core/store';
import type { TreeNode } from '../partners/partnersTree';
import { askPick } from './quickInputs';
import { COMMANDS } from '../ids';
import type { FolderStore, StoreService } from '../store/storeService';
import { visible } from './displayText';

export interface PartnerTarget {
  entry: FolderStore;
  view: PartnerView;
}

/**
 * A command's partner argument: a tree node, a partner id, or nothing (then the user picks). An id
 * that names nobody is an error, not a prompt: scripts and keybindings must not hang on a picker.
 */
export function partnerFromArg(service: StoreService, arg: unknown): PartnerTarget | undefined {
  if (typeof arg === 'string') {
    const found = service.findPartner(arg);
    if (!found) throw new Error(vscode.l10n.t('no loaded partner has the id {0} (its file may be missing or broken).', arg));
    return found;
  }
  if (arg && typeof arg === 'object' && (arg as TreeNode).type === 'partner') {
    const node = arg as Extract<TreeNode, { type: 'partner' }>;
    // The node may be stale (a write happened since): look the partner up again.
    return service.findPartner(node.view.record.value.id);
  }
  // A person under an initiative (the Initiatives view): the partner it shows.
  const person = arg as { type?: unknown; partner?: { id?: unknown } } | undefined;
  if (person && typeof person === 'object' && person.type === 'person' && typeof person.partner?.id === 'string')
    return service.findPartner(person.partner.id);
  return undefined;
}

export interface PartnerPickItem extends vscode.QuickPickItem {
  target: PartnerTarget;
}

/** Partner quick-pick items, most overdue first. */
export function partnerItems(service: StoreService, filter: (target: PartnerTarget) => boolean = () => true): PartnerPickItem[] {
  const several = service.folders().length > 1;
  return service
    .allViews()
    .filter(filter)
    .sort((a, b) => a.view.due.days - b.view.due.days)
    .map((target) => ({
      label: target.view.record.value.name,
      description: target.view.due.label,
      detail: [target.view.record.value.role, target.view.record.value.department, several ? target.entry.folder.name : undefined]
        .filter(Boolean)
        .join(' · '),
      target,
    }));
}

export async function pickPartner(
  service: StoreService,
  title: string,
  filter?: (target: PartnerTarget) => boolean,
  step?: { step: number; totalSteps: number },
): Promise<PartnerTarget | undefined> {
  await service.whenReady();
  const items = partnerItems(service, filter);
  if (items.length === 0) {
    const add = vscode.l10n.t('Add Partner');
    const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Alliances: there are no partners here yet.'), add);
    if (answer === add) await vscode.commands.executeCommand(COMMANDS.addPartner);
    return undefined;
  }
  const chosen = await askPick({
    title,
    ...step,
    items,
    placeholder: vscode.l10n.t('Type a name; most overdue first'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return chosen && typeof chosen === 'object' ? chosen.target : undefined;
}

/** The folder to work in: the only one, or the user's choice. */
export async function pickFolder(service: StoreService, title: string): Promise<FolderStore | undefined> {
  await service.whenReady();
  const folders = service.folders();
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Alliances stores partners in a workspace folder. Open a folder first.'));
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  const chosen = await vscode.window.showQuickPick(
    folders.map((entry) => ({ label: entry.folder.name, description: entry.folder.uri.fsPath, entry })),
    { title, placeHolder: vscode.l10n.t('Which workspace folder?') },
  );
  return chosen?.entry;
}

export function folderFromArg(service: StoreService, arg: unknown): FolderStore | undefined {
  if (arg && typeof arg === 'object' && (arg as TreeNode).type === 'folder')
    return service.forFolder((arg as Extract<TreeNode, { type: 'folder' }>).entry.folder);
  if (arg instanceof vscode.Uri) {
    const folder = vscode.workspace.getWorkspaceFolder(arg);
    return folder ? service.forFolder(folder) : undefined;
  }
  return undefined;
}

export function departmentSuggestions(service: StoreService): string[] {
  const seen = new Map<string, string>();
  for (const name of DEPARTMENTS) seen.set(name.toLocaleLowerCase(), name);
  for (const { view } of service.allViews()) {
    const department = view.record.value.department;
    if (!seen.has(department.toLocaleLowerCase())) seen.set(department.toLocaleLowerCase(), department);
  }
  return [...seen.values()];
}

/** Runs a command body; refused writes and failures become one clear message, never a silent loss. */
export function guarded<A extends unknown[], R>(body: (...args: A) => Promise<R>): (...args: A) => Promise<R | undefined> {
  return async (...args: A) => {
    try {
      return await body(...args);
    } catch (error) {
      const message = isStoreWriteError(error)
        ? error.message
        : vscode.l10n.t('Alliances: {0}', error instanceof Error ? error.message : String(error));
      void vscode.window.showErrorMessage(visible(message));
      return undefined;
    }
  };
}
