import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Store } from '../../core/store';

/**
 * Watches one store for outside changes (git pull, checkout, hand edits, other windows), from two
 * sources whose duplicates the caller merges:
 * - Node's fs.watch on each store folder (the store's parent, root, every record folder shared and
 *   private, each checkins/<year>/). In code-server 1.139 we saw VS Code's recursive watcher miss every event in
 *   folders created a moment after their parent (`mkdir -p`), and its non-recursive watchers drop
 *   events as "not included"; a plain inotify watch per folder has neither problem.
 * - VS Code's workspace watcher through a glob, as a second opinion (and where fs.watch is weak).
 */
export class StoreWatcher implements vscode.Disposable {
  private readonly watched = new Map<string, fs.FSWatcher>();
  private readonly glob: vscode.FileSystemWatcher;

  constructor(
    private readonly store: Store,
    workspaceFolder: vscode.WorkspaceFolder,
    private readonly onEvent: (file: string) => void,
  ) {
    const relative = path.relative(workspaceFolder.uri.fsPath, store.root).split(path.sep).join('/');
    const prefix = store.root + path.sep;
    this.glob = vscode.workspace.createFileSystemWatcher(`**/${relative}/**`);
    const filtered = (uri: vscode.Uri) => {
      // The glob matches in every folder of a multi-root workspace: keep this store's events.
      if (uri.scheme === 'file' && (uri.fsPath === store.root || uri.fsPath.startsWith(prefix))) onEvent(uri.fsPath);
    };
    this.glob.onDidCreate(filtered);
    this.glob.onDidChange(filtered);
    this.glob.onDidDelete(filtered);
    this.update();
  }

  /**
   * Watches every store folder that exists and is not watched yet. Returns true when it added one:
   * files may have landed there before the watch began, so the caller re-reads the folder.
   */
  update(): boolean {
    const root = this.store.root;
    // Every folder that holds or may hold records (private/ and its sub-folders too): VS Code's
    // watcher misses the events of a folder created after the store loaded (a pull, `mkdir -p`).
    const wanted = [path.dirname(root), ...this.store.folders()];
    // A folder removed (a checkout, `rm -r`) and made again needs a new watch.
    for (const folder of [...this.watched.keys()]) if (!isFolder(folder)) this.unwatch(folder);
    let added = false;
    for (const folder of wanted) {
      if (this.watched.has(folder) || !isFolder(folder)) continue;
      try {
        const parent = folder === path.dirname(root);
        const watcher = fs.watch(folder, { persistent: false }, (_event, name) => {
          // In the parent only the store folder itself matters (created, deleted, replaced).
          if (parent && name?.toString() !== path.basename(root)) return;
          // Without a name (some platforms) the folder itself is reported: the caller re-reads it.
          this.onEvent(name ? path.join(folder, name.toString()) : folder);
        });
        watcher.on('error', () => this.unwatch(folder)); // the folder went away; update() re-adds it
        this.watched.set(folder, watcher);
        added = true;
      } catch {
        // Gone between the check and the watch, or out of watches: the glob watcher still covers it.
      }
    }
    return added;
  }

  /** The folders under a watch of their own (shown in failing tests). */
  folders(): string[] {
    return [...this.watched.keys()];
  }

  private unwatch(folder: string): void {
    this.watched.get(folder)?.close();
    this.watched.delete(folder);
  }

  dispose(): void {
    this.glob.dispose();
    for (const folder of [...this.watched.keys()]) this.unwatch(folder);
  }
}

function isFolder(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}
