import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { authorFrom } from '../../core/author';
import { openAgendaCounts } from '../../core/agenda';
import { type CollectionKind } from '../../core/vocabulary';
import type { Author, RecordTypes } from '../../core/model';
import { nodeFileSystem } from '../../core/nodeFileSystem';
import { viewPartners, type PartnerView } from '../../core/partnerView';
import { Store, type Loaded } from '../../core/store';
import { resolveStorePath } from '../../core/storePath';
import { roleOf, toRelative } from '../../core/storeLayout';
import { loadGit } from '../shared/lazyBundle';
import { defaultCadenceDays, storePathSetting } from '../shared/settings';
import { StoreWatcher } from './storeWatcher';
import { SETTINGS, settingId } from '../ids';

/** One workspace folder's store. */
export interface FolderStore {
  folder: vscode.WorkspaceFolder;
  store: Store;
  /** Set when the store path setting was refused (outside the folder). */
  pathWarning?: string;
}

const WATCH_DEBOUNCE_MS = 75;

/**
 * Owns a Store per workspace folder: loads them after activation, keeps them in step with the disk
 * (file watcher), reports broken files in the Problems panel, and knows who the author is.
 */
export class StoreService implements vscode.Disposable {
  private readonly stores = new Map<string, FolderStore>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly perFolder = new Map<string, vscode.Disposable[]>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly loggedCheckIn = new vscode.EventEmitter<FolderStore>();
  /** A shared check-in was logged here (the branch warning listens). */
  readonly onDidLogCheckIn = this.loggedCheckIn.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('alliances');
  /** "Alliances" in the Output panel: what was loaded, reloaded and refused, for bug reports. */
  readonly log = vscode.window.createOutputChannel('Alliances', { log: true });
  private readonly authors = new Map<string, Promise<Author>>();
  private viewsCache = new Map<string, PartnerView[]>();
  private agendaCache = new Map<string, ReadonlyMap<string, number>>();
  private ready: Promise<void> | undefined;
  private readonly pending = new Map<string, Set<string>>();
  private readonly watchers = new Map<string, StoreWatcher>();
  private flushTimer: NodeJS.Timeout | undefined;
  /** File events received (shown in failing tests: tells a silent watcher from a slow reload). */
  watchEvents = 0;

  /** Every folder under the store's own watch, all stores (shown in failing tests). */
  watchedFolders(): string[] {
    return [...this.watchers.values()].flatMap((watcher) => watcher.folders());
  }

  constructor() {
    this.disposables.push(this.changed, this.loggedCheckIn, this.diagnostics, this.log);
  }

  /** Loads every folder's store; called once, after activate() returned. */
  start(): Promise<void> {
    if (this.ready) return this.ready;
    this.ready = this.openAll();
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reopen()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reopen()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(settingId(SETTINGS.storePath))) void this.reopen();
        else if (event.affectsConfiguration(settingId(SETTINGS.defaultCadenceDays))) this.notify();
      }),
    );
    return this.ready;
  }

  whenReady(): Promise<void> {
    return this.ready ?? this.start();
  }

  folders(): FolderStore[] {
    return [...this.stores.values()].sort((a, b) => a.folder.index - b.folder.index);
  }

  forFolder(folder: vscode.WorkspaceFolder): FolderStore | undefined {
    return this.stores.get(folder.uri.toString());
  }

  /** Partners with due states, most urgent first; cached until the next change. */
  views(entry: FolderStore): PartnerView[] {
    const key = entry.folder.uri.toString();
    let views = this.viewsCache.get(key);
    if (!views) {
      views = viewPartners(entry.store, defaultCadenceDays(), new Date());
      this.viewsCache.set(key, views);
    }
    return views;
  }

  /** Open agenda items per partner id; cached until the next change. */
  agendaCounts(entry: FolderStore): ReadonlyMap<string, number> {
    const key = entry.folder.uri.toString();
    let counts = this.agendaCache.get(key);
    if (!counts) {
      counts = openAgendaCounts(entry.store);
      this.agendaCache.set(key, counts);
    }
    return counts;
  }

  /** Forgets the due states and agenda counts computed so far: after any change, and for the benchmark. */
  invalidate(): void {
    this.viewsCache.clear();
    this.agendaCache.clear();
  }

  allViews(): { entry: FolderStore; view: PartnerView }[] {
    return this.folders().flatMap((entry) => this.views(entry).map((view) => ({ entry, view })));
  }

  /** Finds any record by kind and id in any folder. */
  findRecord<K extends CollectionKind>(kind: K, id: string): { entry: FolderStore; record: Loaded<RecordTypes[K]> } | undefined {
    for (const entry of this.folders()) {
      const record = entry.store.get(kind, id);
      if (record) return { entry, record };
    }
    return undefined;
  }

  /** Finds a partner by id in any folder. */
  findPartner(id: string): { entry: FolderStore; view: PartnerView } | undefined {
    return this.allViews().find((item) => item.view.record.value.id === id);
  }

  async refresh(): Promise<void> {
    await this.whenReady();
    await Promise.all(this.folders().map((entry) => entry.store.load()));
  }

  /** Re-computes due states (for example when the day changes) without reading files. */
  notify(): void {
    // New folders (checkins/<year>/, or the whole store after Initialize) get their own watchers;
    // whatever landed there before the watch began is picked up by a re-read.
    for (const [key, watcher] of this.watchers) {
      const entry = this.stores.get(key);
      if (watcher.update() && entry) void entry.store.sync();
    }
    this.invalidate();
    this.updateDiagnostics();
    this.changed.fire();
  }

  /** As time passes: check-ins dated ahead count once they are within a day (each store announces its change). */
  recheckDates(): void {
    for (const entry of this.stores.values()) entry.store.recheckDates();
  }

  checkInLogged(entry: FolderStore): void {
    this.loggedCheckIn.fire(entry);
  }

  author(folder: vscode.WorkspaceFolder): Promise<Author> {
    const key = folder.uri.toString();
    let author = this.authors.get(key);
    if (!author) {
      // In Restricted Mode git is not run inside the workspace (its config could run code): global identity only.
      const cwd = vscode.workspace.isTrusted ? folder.uri.fsPath : os.homedir();
      author = Promise.resolve()
        .then(() => loadGit().readGitIdentity(cwd))
        .catch(() => undefined)
        .then(authorFrom);
      this.authors.set(key, author);
    }
    return author;
  }

  /** Re-opens every store (folders, trust or the store path changed); commands wait for it via whenReady. */
  private reopen(): Promise<void> {
    this.ready = (this.ready ?? Promise.resolve()).then(() => this.openAll());
    return this.ready;
  }

  private async openAll(): Promise<void> {
    for (const disposables of this.perFolder.values()) for (const d of disposables) d.dispose();
    this.perFolder.clear();
    this.watchers.clear();
    for (const entry of this.stores.values()) entry.store.dispose();
    this.stores.clear();
    this.authors.clear();
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
    await Promise.all(folders.map((folder) => this.open(folder)));
    this.notify();
  }

  private async open(folder: vscode.WorkspaceFolder): Promise<void> {
    const resolved = resolveStorePath(folder.uri.fsPath, storePathSetting(folder), vscode.workspace.isTrusted);
    const root = resolved.ok ? resolved.path : path.join(folder.uri.fsPath, '.alliances');
    const store = new Store({
      root,
      fs: nodeFileSystem,
      author: () => this.author(folder),
      writeGuard: (file) => unsavedEditsReason(file, folder),
      workspaceFolder: folder.uri.fsPath,
    });
    const entry: FolderStore = { folder, store, pathWarning: resolved.ok ? undefined : resolved.reason };
    this.stores.set(folder.uri.toString(), entry);
    const disposables: vscode.Disposable[] = [];
    disposables.push(entry.store.onDidChange(() => this.notify()));
    const watcher = new StoreWatcher(store, folder, (file) => this.queue(entry, file));
    this.watchers.set(folder.uri.toString(), watcher);
    disposables.push(watcher);
    this.perFolder.set(folder.uri.toString(), disposables);
    if (entry.pathWarning) void vscode.window.showWarningMessage(vscode.l10n.t('Alliances: {0}', entry.pathWarning));
    try {
      const started = Date.now();
      await entry.store.load();
      this.log.info(
        `loaded ${store.partners().length} partners, ${store.checkIns().length} check-ins, ${store.problems().length} problems from ${root} in ${Date.now() - started} ms`,
      );
    } catch (error) {
      this.log.error(`loading ${root} failed`, error);
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          'Alliances could not read the store in {0}: {1}',
          folder.name,
          error instanceof Error ? error.message : String(error),
        ),
      );
    }
  }

  private queue(entry: FolderStore, file: string): void {
    this.watchEvents++;
    this.log.trace(`watcher: ${file}`);
    const key = entry.folder.uri.toString();
    let files = this.pending.get(key);
    if (!files) this.pending.set(key, (files = new Set()));
    files.add(file);
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => void this.flush(), WATCH_DEBOUNCE_MS);
  }

  private async flush(): Promise<void> {
    const batches = [...this.pending.entries()];
    this.pending.clear();
    for (const [key, files] of batches) {
      const entry = this.stores.get(key);
      if (!entry) continue;
      const relative = [...files].map((file) => toRelative(entry.store.root, file));
      try {
        // A folder appeared or vanished (checkout, rm -r): its files may not have their own events.
        for (const file of files) if (await entry.store.reloadFile(file)) this.log.info(`reloaded ${toRelative(entry.store.root, file)}`);
        if (relative.some((rel) => !rel.startsWith('..') && roleOf(rel) === undefined && !path.posix.basename(rel).startsWith('.'))) {
          // Watch a new folder before reading it: a file landing there afterwards gets its own event.
          this.watchers.get(key)?.update();
          if (await entry.store.sync())
            this.log.info(`outside change in ${entry.folder.name} (${relative.join(', ')}): store folder re-read`);
        }
      } catch (error) {
        this.log.error(`reloading ${entry.folder.name} failed`, error);
      }
    }
  }

  private updateDiagnostics(): void {
    this.diagnostics.clear();
    for (const entry of this.stores.values()) {
      for (const problem of entry.store.problems()) {
        const line = Math.max(0, problem.location.line - 1);
        const column = Math.max(0, problem.location.column - 1);
        const diagnostic = new vscode.Diagnostic(
          new vscode.Range(line, column, line, Number.MAX_SAFE_INTEGER),
          problem.reason,
          vscode.DiagnosticSeverity.Error,
        );
        diagnostic.source = 'Alliances';
        diagnostic.code = problem.code;
        this.diagnostics.set(vscode.Uri.file(problem.path), [...(this.diagnostics.get(vscode.Uri.file(problem.path)) ?? []), diagnostic]);
      }
    }
  }

  dispose(): void {
    clearTimeout(this.flushTimer);
    for (const disposables of this.perFolder.values()) for (const d of disposables) d.dispose();
    for (const entry of this.stores.values()) entry.store.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function unsavedEditsReason(file: string, folder: vscode.WorkspaceFolder): string | undefined {
  const document = vscode.workspace.textDocuments.find((doc) => doc.isDirty && doc.uri.scheme === 'file' && doc.uri.fsPath === file);
  if (!document) return undefined;
  return vscode.l10n.t(
    '{0} is open with unsaved changes, so Alliances did not write it. Save or revert the editor, then try again.',
    path.relative(folder.uri.fsPath, file),
  );
}
