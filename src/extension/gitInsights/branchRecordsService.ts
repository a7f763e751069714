import * as vscode from 'vscode';
import { recordKindLabel, type CollectionKind } from '../../core/vocabulary';
import type { BranchInfo, BranchRecord, BranchRecords } from '../../git/branchRecords';
import { loadGit } from '../shared/lazyBundle';
import type { FolderStore, StoreService } from '../store/storeService';
import { GitWatcher } from './gitWatcher';
import { SETTINGS_SECTION, SETTINGS } from '../ids';
import { visible } from '../shared/displayText';

interface Tracked {
  root: string;
  result?: BranchRecords;
  watcher?: GitWatcher;
  /** A scan running, and whether another was asked for meanwhile. */
  running?: Promise<void>;
  again?: boolean;
  disposed?: boolean;
}

/**
 * Per workspace folder: the store's records that exist only on other local branches (read from git,
 * never written), rescanned when HEAD or a branch moves. Git runs only in trusted workspaces, and only
 * after the stores loaded: activation never waits for it.
 */
export class BranchRecordsService implements vscode.Disposable {
  private readonly tracked = new Map<string, Tracked>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly warnedBranches = new Set<string>();
  /** The branch warnings shown this session (for tests). */
  readonly warnings: string[] = [];
  private readonly subscription: vscode.Disposable;

  constructor(private readonly service: StoreService) {
    this.subscription = service.onDidChange(() => this.sync());
  }

  /** Starts or stops tracking folders as the service's stores come and go (and as trust changes). */
  sync(): void {
    const wanted = new Map(
      vscode.workspace.isTrusted ? this.service.folders().map((entry) => [entry.folder.uri.toString(), entry.store.root]) : [],
    );
    for (const [key, tracked] of this.tracked) {
      if (wanted.get(key) !== tracked.root) this.untrack(key);
    }
    for (const [key, root] of wanted) if (!this.tracked.has(key)) this.track(key, root);
  }

  /** Records of this folder that exist only on other branches (and not in the loaded store). */
  records(entry: FolderStore): BranchRecord[] {
    const result = this.tracked.get(entry.folder.uri.toString())?.result;
    if (!result) return [];
    return result.records.filter((record) => !entry.store.get(record.kind, record.id));
  }

  /** The partner's own record or records about the partner that exist only on other branches. */
  ofPartner(entry: FolderStore, partnerId: string): BranchRecord[] {
    return this.records(entry).filter(
      (record) => record.id === partnerId || ('partnerId' in record.value && record.value.partnerId === partnerId),
    );
  }

  /** What git said for a folder (branch names), once scanned. */
  status(entry: FolderStore): BranchRecords | undefined {
    return this.tracked.get(entry.folder.uri.toString())?.result;
  }

  /** Rescans every folder now (tests, Refresh); resolves when done. */
  async rescan(): Promise<void> {
    this.sync();
    await Promise.all([...this.tracked.keys()].map((key) => this.scan(key)));
  }

  /**
   * Logging on a branch other than the default one hides the record from the default branch until a
   * merge: say so once per branch and session, when alliances.warnOnNonDefaultBranch is on.
   */
  async warnIfOffDefaultBranch(entry: FolderStore): Promise<void> {
    if (!vscode.workspace.getConfiguration(SETTINGS_SECTION, entry.folder.uri).get<boolean>(SETTINGS.warnOnNonDefaultBranch, true)) return;
    const key = entry.folder.uri.toString();
    if (!this.tracked.has(key)) return;
    await this.scan(key);
    const result = this.tracked.get(key)?.result;
    if (!result?.current || !result.defaultBranch || result.current === result.defaultBranch) return;
    const warned = `${key}#${result.current}`;
    if (this.warnedBranches.has(warned)) return;
    this.warnedBranches.add(warned);
    const message = vscode.l10n.t(
      'Logged on branch "{0}": teammates on {1} see it only after {0} is merged. Alliances shows it on other branches meanwhile.',
      result.current,
      result.defaultBranch,
    );
    this.warnings.push(message);
    void vscode.window.showWarningMessage(visible(message));
  }

  private track(key: string, root: string): void {
    const tracked: Tracked = { root };
    this.tracked.set(key, tracked);
    void Promise.resolve()
      .then(() => loadGit().repositoryPaths(root))
      .catch(() => undefined)
      .then((paths) => {
        if (tracked.disposed) return;
        if (paths) tracked.watcher = new GitWatcher(paths, () => void this.scan(key));
        return this.scan(key);
      });
  }

  private untrack(key: string): void {
    const tracked = this.tracked.get(key);
    if (!tracked) return;
    tracked.disposed = true;
    tracked.watcher?.dispose();
    this.tracked.delete(key);
  }

  /** One scan at a time per folder; a request during a scan runs one more after it. */
  private scan(key: string): Promise<void> {
    const tracked = this.tracked.get(key);
    if (!tracked || tracked.disposed) return Promise.resolve();
    if (tracked.running) {
      tracked.again = true;
      return tracked.running;
    }
    tracked.running = (async () => {
      do {
        tracked.again = false;
        let result: BranchRecords;
        try {
          result = await loadGit().otherBranchRecords(tracked.root);
        } catch (error) {
          this.service.log.error('reading other branches failed', error);
          result = { available: false, records: [], skipped: 0 };
        }
        if (tracked.disposed) return;
        if (result.records.length > 0 || result.skipped > 0)
          this.service.log.info(
            `${result.records.length} record(s) only on other branches${result.skipped ? `, ${result.skipped} unreadable` : ''}`,
          );
        tracked.result = result;
        this.changed.fire();
      } while (tracked.again);
    })().finally(() => {
      tracked.running = undefined;
    });
    return tracked.running;
  }

  dispose(): void {
    this.subscription.dispose();
    for (const key of [...this.tracked.keys()]) this.untrack(key);
    this.changed.dispose();
  }
}

/** "on feature/x — merge it to keep it", or for a branch already in the default one, where it is. */
export function branchHint(branches: readonly BranchInfo[], defaultBranch: string | undefined): string {
  const [first] = branches;
  if (!first) return '';
  const where = branches.length > 1 ? vscode.l10n.t('{0} (+{1} more)', first.name, branches.length - 1) : first.name;
  if (first.name === defaultBranch) return vscode.l10n.t('on {0} — merge {1} to see it here', where, first.name);
  if (first.merged && defaultBranch) return vscode.l10n.t('on {0} — merged into {1}; merge {1} to see it here', where, defaultBranch);
  return vscode.l10n.t('on {0} — merge it to keep it', where);
}

/** A record kind's name in the display language. */
export function branchKindLabel(kind: CollectionKind): string {
  return recordKindLabel(kind);
}
