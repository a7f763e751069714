import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatShortDate } from '../../core/cadence';
import type { HistoryEntry } from '../../git/history';
import { loadGit } from '../shared/lazyBundle';
import { gitUri } from './gitContent';
import { partnerFromArg, pickPartner } from '../shared/partnerArgs';
import type { StoreService } from '../store/storeService';
import { visible, visiblePickItem } from '../shared/displayText';

/** What a commit did to a file, in the display language. */
function statusLabel(status: string): string {
  switch (status) {
    case 'A':
      return vscode.l10n.t('added');
    case 'M':
    case 'T':
      return vscode.l10n.t('changed');
    case 'D':
      return vscode.l10n.t('deleted');
    case 'R':
      return vscode.l10n.t('renamed');
    case 'C':
      return vscode.l10n.t('copied');
    default:
      return status;
  }
}

export interface HistoryItem extends vscode.QuickPickItem {
  entry: HistoryEntry;
}

/**
 * Show Partner History: every commit that touched the partner's file and their shared check-ins,
 * talking points, follow-ups and asks (git log --follow), newest first; picking one opens its diff.
 * Returns the entries shown (for scripts and tests) without waiting for a pick.
 */
export async function showPartnerHistory(service: StoreService, arg?: unknown): Promise<HistoryEntry[] | undefined> {
  const target = partnerFromArg(service, arg) ?? (await pickPartner(service, vscode.l10n.t('Show Partner History')));
  if (!target) return undefined;
  const partner = target.view.record;
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Partner history comes from git, which Alliances does not run in Restricted Mode. Trust the folder to see it.'),
    );
    return [];
  }
  const store = target.entry.store;
  const files = [
    partner,
    ...(['checkIn', 'talkingPoint', 'followUp', 'ask'] as const).flatMap((kind) => store.ofPartner(kind, partner.value.id)),
  ]
    .filter((record) => !record.private)
    .map((record) => record.path);
  const history = await loadGit().fileHistory(files);
  const { top } = history;
  if (!top || history.entries.length === 0) {
    void vscode.window.showInformationMessage(
      top
        ? vscode.l10n.t('No git history for {0} yet: their files are not committed.', visible(partner.value.name))
        : vscode.l10n.t('No git history for {0} yet: the store is not in a git repository.', visible(partner.value.name)),
    );
    return history.entries;
  }
  const now = new Date();
  const items: HistoryItem[] = history.entries.map((entry) => ({
    entry,
    label: `$(git-commit) ${entry.subject}`,
    description: `${entry.author} · ${formatShortDate(new Date(entry.date), now)} · ${entry.commit.slice(0, 7)}`,
    detail: entry.previousPath
      ? vscode.l10n.t('{0} {1} (was {2})', statusLabel(entry.status), entry.path, entry.previousPath)
      : `${statusLabel(entry.status)} ${entry.path}`,
  }));
  const pick = vscode.window.createQuickPick<HistoryItem>();
  pick.title = visible(vscode.l10n.t('History of {0}', partner.value.name));
  pick.placeholder = vscode.l10n.t('Pick a change to see its diff');
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = items.map(visiblePickItem);
  pick.onDidAccept(() => {
    const chosen = pick.selectedItems[0];
    pick.hide();
    if (chosen) void openHistoryDiff(top, chosen.entry);
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
  return history.entries;
}

/** The change a commit made to one file: its parent's version (or the old name's) against its own. */
export async function openHistoryDiff(top: string, entry: HistoryEntry): Promise<void> {
  const left = gitUri({ top, rev: `${entry.commit}^`, file: entry.previousPath ?? entry.path });
  const right = gitUri({ top, rev: entry.commit, file: entry.path });
  const title = `${path.posix.basename(entry.path)} (${entry.commit.slice(0, 7)}) — ${entry.subject}`;
  await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: true });
}
