import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const DEBOUNCE_MS = 300;
/** Files in the git folder that move when commits land or HEAD moves (commit, checkout, pull, merge). */
const WATCHED_NAMES = new Set(['HEAD', 'ORIG_HEAD', 'FETCH_HEAD', 'packed-refs']);

/**
 * Fires (debounced) when HEAD or a local branch moves: fs.watch on the work tree's git folder, the
 * common git folder and refs/heads (recursive). Plain inotify watches, as for the store: VS Code's own
 * watcher excludes much of .git.
 */
export class GitWatcher implements vscode.Disposable {
  private readonly watchers: fs.FSWatcher[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    paths: { gitDir: string; commonDir: string },
    private readonly onChange: () => void,
  ) {
    const folders = new Set([paths.gitDir, paths.commonDir]);
    for (const folder of folders) this.watch(folder, false, (name) => WATCHED_NAMES.has(name));
    this.watch(path.join(paths.commonDir, 'refs', 'heads'), true, () => true);
  }

  private watch(folder: string, recursive: boolean, wanted: (name: string) => boolean): void {
    try {
      const watcher = fs.watch(folder, { persistent: false, recursive }, (_event, name) => {
        if (name === null || wanted(name.toString().replace(/\.lock$/, ''))) this.schedule();
      });
      watcher.on('error', () => watcher.close());
      this.watchers.push(watcher);
    } catch {
      // No such folder (a repository without branches yet): the other watches still report HEAD.
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(this.onChange, DEBOUNCE_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const watcher of this.watchers) watcher.close();
  }
}
