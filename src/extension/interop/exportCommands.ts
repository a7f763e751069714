import * as vscode from 'vscode';
import { dueCheckInsIcs, partnersCsv } from '../../core/exports';
import { partnerReport, storeReport } from '../../core/markdownReport';
import { slugify } from '../../core/slug';
import { folderFromArg, partnerFromArg, pickFolder, type PartnerTarget } from '../shared/partnerArgs';
import { calendarExport, defaultCadenceDays, siloDays } from '../shared/settings';
import type { FolderStore, StoreService } from '../store/storeService';
import { EXTENSION_ID } from '../ids';

/**
 * Writes `text` to `target`, or to where the user chooses in a save dialog (tests and scripts pass a
 * target and never see a dialog). Returns where it was written, or undefined when cancelled.
 */
async function save(
  text: string,
  target: unknown,
  suggested: vscode.Uri,
  filters: Record<string, string[]>,
  title: string,
): Promise<vscode.Uri | undefined> {
  const uri =
    target instanceof vscode.Uri
      ? target
      : await vscode.window.showSaveDialog({ defaultUri: suggested, filters, title, saveLabel: vscode.l10n.t('Export') });
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const open = vscode.l10n.t('Open');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Alliances: exported to {0}.', vscode.workspace.asRelativePath(uri)), open)
    .then((answer) => {
      if (answer === open) void vscode.commands.executeCommand('vscode.open', uri);
    });
  return uri;
}

async function folderOf(service: StoreService, arg: unknown, title: string): Promise<FolderStore | undefined> {
  return folderFromArg(service, arg) ?? (await pickFolder(service, title));
}

const inFolder = (entry: FolderStore, name: string) => vscode.Uri.joinPath(entry.folder.uri, name);

export async function exportPartnersCsv(service: StoreService, arg?: unknown, target?: unknown): Promise<vscode.Uri | undefined> {
  const title = vscode.l10n.t('Export Partners as CSV');
  const entry = await folderOf(service, arg, title);
  if (!entry) return undefined;
  const text = partnersCsv(entry.store, { now: new Date(), defaultCadenceDays: defaultCadenceDays() });
  return save(text, target, inFolder(entry, 'alliances-partners.csv'), { CSV: ['csv'] }, title);
}

export async function exportCalendar(service: StoreService, arg?: unknown, target?: unknown): Promise<vscode.Uri | undefined> {
  const title = vscode.l10n.t('Export Due Check-ins as iCalendar');
  const entry = await folderOf(service, arg, title);
  if (!entry) return undefined;
  const version = String((vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { version?: string } | undefined)?.version ?? '0');
  const text = dueCheckInsIcs(entry.store, { now: new Date(), defaultCadenceDays: defaultCadenceDays(), ...calendarExport(), version });
  return save(text, target, inFolder(entry, 'alliances-check-ins.ics'), { iCalendar: ['ics'] }, title);
}

/** A partner (tree item or id) gets their own report; otherwise the whole store of a folder. */
export async function exportReport(service: StoreService, arg?: unknown, target?: unknown): Promise<vscode.Uri | undefined> {
  const partner: PartnerTarget | undefined = partnerFromArg(service, arg);
  const title = vscode.l10n.t('Export Report as Markdown');
  const entry = partner?.entry ?? (await folderOf(service, arg, title));
  if (!entry) return undefined;
  const options = { now: new Date(), defaultCadenceDays: defaultCadenceDays(), siloDays: siloDays() };
  const text = partner ? partnerReport(entry.store, partner.view.record.value.id, options) : storeReport(entry.store, options);
  // The same slug as the partner's file name (core/slug.ts): readable, safe in any file system.
  const name = partner ? `alliances-${slugify(partner.view.record.value.name)}.md` : 'alliances-report.md';
  return save(text, target, inFolder(entry, name), { Markdown: ['md'] }, title);
}
