import * as vscode from 'vscode';
import { areaLabel } from '../../core/codeAreas';
import { loadGit } from '../shared/lazyBundle';
import type { StoreService } from '../store/storeService';
import type { BranchRecordsService } from './branchRecordsService';
import { COMMANDS, INTERNAL_COMMANDS, STATUS_BAR_ITEMS } from '../ids';
import { visible } from '../shared/displayText';

export interface CodeSuggestion {
  folderKey: string;
  partnerId: string;
  partnerName: string;
  /** The area as the partner lists it. */
  area: string;
  /** Commits that touched it in what just landed. */
  commits: number;
  /** "billing/ changed — tell Dana?" */
  text: string;
  createdAt: string;
}

export const OPEN_CODE_NUDGE_COMMAND = INTERNAL_COMMANDS.openCodeNudge;

/**
 * When commits land locally (a commit, a pull, a merge: HEAD moves, seen through the git watcher) and
 * touch a partner's code areas, a quiet status-bar suggestion: "billing/ changed — tell Dana?". No
 * pop-up. Clicking opens the partner's page (where the commits wait as suggested talking points);
 * a check-in with them clears it.
 */
export class CodeNudge implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem(STATUS_BAR_ITEMS.codeNudge, vscode.StatusBarAlignment.Left, 9);
  private readonly heads = new Map<string, string | null>();
  private suggestions: CodeSuggestion[] = [];
  private queue: Promise<void> = Promise.resolve();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly service: StoreService,
    branches: BranchRecordsService,
  ) {
    this.item.name = vscode.l10n.t('Alliances: Code Changes');
    this.item.command = OPEN_CODE_NUDGE_COMMAND;
    this.disposables.push(
      this.item,
      branches.onDidChange(() => void this.check()),
      service.onDidChange(() => this.dropCovered()),
    );
  }

  /** The current suggestions, newest first. */
  current(): readonly CodeSuggestion[] {
    return this.suggestions;
  }

  /** Looks for new commits since the HEAD last seen in each folder; the first look only remembers HEAD. */
  check(): Promise<void> {
    this.queue = this.queue.then(() => this.run()).catch((error: unknown) => this.service.log.error('checking new commits failed', error));
    return this.queue;
  }

  private async run(): Promise<void> {
    // Git is not run in an untrusted folder.
    if (!vscode.workspace.isTrusted) return;
    const git = loadGit();
    // Published with the status bar at the end, so the item and current() always agree.
    const added: CodeSuggestion[] = [];
    for (const entry of this.service.folders()) {
      const key = entry.folder.uri.toString();
      const cwd = entry.folder.uri.fsPath;
      const head = (await git.headCommit(cwd)) ?? null;
      const seen = this.heads.get(key);
      this.heads.set(key, head);
      if (seen === undefined || head === null || seen === head) continue;
      for (const view of this.service.views(entry)) {
        const record = view.record.value;
        if (record.archived || !record.codeAreas?.length) continue;
        for (const area of record.codeAreas) {
          const found = await git.areaCommits(cwd, [area], { from: seen ?? undefined, limit: 20 });
          if (found.commits.length === 0) continue;
          const firstName = record.name.split(/\s+/)[0] ?? record.name;
          const suggestion: CodeSuggestion = {
            folderKey: key,
            partnerId: record.id,
            partnerName: record.name,
            area,
            commits: found.commits.length,
            text: visible(vscode.l10n.t('{0} changed — tell {1}?', areaLabel(area), firstName)),
            createdAt: new Date().toISOString(),
          };
          added.push(suggestion);
          this.service.log.info(`new commits in ${area}: suggested telling ${record.name}`);
          break;
        }
      }
    }
    this.suggestions = [...added, ...this.suggestions.filter((s) => !added.some((a) => a.partnerId === s.partnerId))];
    this.render();
  }

  /** A check-in with the partner after the suggestion answers it. */
  private dropCovered(): void {
    const before = this.suggestions.length;
    this.suggestions = this.suggestions.filter((s) => {
      const found = this.service.findPartner(s.partnerId);
      const last = found?.entry.store.lastCheckIn(s.partnerId);
      return found !== undefined && !(last && last.createdAt > s.createdAt);
    });
    if (this.suggestions.length !== before) this.render();
  }

  private render(): void {
    const [first, ...rest] = this.suggestions;
    if (!first) {
      this.item.hide();
      return;
    }
    this.item.text = `$(git-commit) ${first.text}${rest.length > 0 ? ` (+${rest.length})` : ''}`;
    const tooltip = new vscode.MarkdownString();
    for (const s of this.suggestions)
      tooltip
        .appendText(
          s.commits === 1
            ? vscode.l10n.t('{0} (1 commit in {1})', s.text, visible(s.area))
            : vscode.l10n.t('{0} ({1} commits in {2})', s.text, s.commits, visible(s.area)),
        )
        .appendMarkdown('\n\n');
    tooltip.appendText(vscode.l10n.t('Click to open the partner page: the commits are there as suggested talking points.'));
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: first.text, role: 'button' };
    this.item.show();
  }

  /** The status bar item's click: the partner page of the newest suggestion. */
  async open(): Promise<void> {
    const [first] = this.suggestions;
    if (!first) return;
    this.suggestions = this.suggestions.slice(1);
    this.render();
    await vscode.commands.executeCommand(COMMANDS.openPartnerPage, first.partnerId);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
