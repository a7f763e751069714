import { formatShortDate } from '../../core/cadence';
import type { Partner } from '../../core/model';
import type { AreaCommit } from '../../git/areaCommits';
import type { PageData } from '../../webview/protocol';
import { loadGit } from '../shared/lazyBundle';
import type { FolderStore } from '../store/storeService';
import { branchHint, branchKindLabel, type BranchRecordsService } from './branchRecordsService';
import * as vscode from 'vscode';

export type PageGit = NonNullable<PageData['git']>;

/**
 * What the partner page shows from git: the partner's records that exist only on other branches, and
 * the commits in their code areas since the last check-in (the talking points a partner cares about).
 * Undefined in Restricted Mode: git is not run in an untrusted folder.
 */
export async function partnerPageGit(
  entry: FolderStore,
  partner: Partner,
  branches: BranchRecordsService | undefined,
): Promise<{ git: PageGit; commits: AreaCommit[] } | undefined> {
  if (!vscode.workspace.isTrusted) return undefined;
  const defaultBranch = branches?.status(entry)?.defaultBranch;
  const elsewhere = (branches?.ofPartner(entry, partner.id) ?? []).map((record) => {
    const value = record.value as { text?: string; summary?: string; name?: string; author: { name: string } };
    return {
      key: `${record.kind}:${record.id}`,
      kindLabel: branchKindLabel(record.kind),
      text: (value.summary ?? value.text ?? value.name ?? record.id).slice(0, 4000),
      author: value.author.name,
      hint: branchHint(record.branches, defaultBranch),
    };
  });
  const areas = partner.codeAreas ?? [];
  if (areas.length === 0) return { git: { elsewhere, areas }, commits: [] };
  const last = entry.store.lastCheckIn(partner.id);
  const since = last?.date ?? partner.createdAt;
  const result = await loadGit().areaCommits(entry.folder.uri.fsPath, areas, { since });
  if (!result.available) return { git: { elsewhere, areas }, commits: [] };
  const now = new Date();
  const added = new Set(
    entry.store
      .ofPartner('talkingPoint', partner.id)
      .map((point) => point.value.source?.commit)
      .filter(Boolean),
  );
  return {
    commits: result.commits,
    git: {
      elsewhere,
      areas,
      changes: {
        sinceLabel: last
          ? vscode.l10n.t('since your last check-in ({0})', formatShortDate(new Date(last.date), now))
          : vscode.l10n.t('since they were added ({0})', formatShortDate(new Date(partner.createdAt), now)),
        truncated: result.truncated,
        authors: [...new Set(result.commits.map((c) => c.author))],
        commits: result.commits.map((c) => ({
          commit: c.commit,
          shortCommit: c.commit.slice(0, 7),
          subject: c.subject.slice(0, 4000),
          author: c.author,
          dateLabel: formatShortDate(new Date(c.date), now),
          files: c.files.slice(0, 20),
          added: added.has(c.commit),
        })),
      },
    },
  };
}
