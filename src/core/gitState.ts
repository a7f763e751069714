import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import type { FileSystemPort } from './fileSystem';

/** Where git keeps the state of the working tree that holds a folder. */
export interface GitLocation {
  /** The folder holding `.git` (the working tree's top). */
  workTree: string;
  /** The git directory: `.git`, or the folder a `gitdir:` file points at (worktrees, submodules). */
  gitDir: string;
}

/**
 * Finds the git directory of the working tree that holds `start`, looking in `start` and its
 * ancestors, as git does. Through the port only, so it stays pure and testable.
 */
export async function findGitLocation(fs: FileSystemPort, start: string): Promise<GitLocation | undefined> {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const dotGit = path.join(dir, '.git');
    const info = await fs.lstat(dotGit);
    if (info?.isDirectory || info?.isSymbolicLink) return { workTree: dir, gitDir: dotGit };
    if (info?.isFile) {
      // A worktree or submodule: ".git" is a file saying "gitdir: <path>".
      const text = new TextDecoder().decode(await fs.readFile(dotGit));
      const match = /^gitdir:[ \t]*(.+?)[ \t]*\r?$/m.exec(text);
      if (match?.[1]) return { workTree: dir, gitDir: path.resolve(dir, match[1]) };
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Held by every git command that changes the index, mostly for milliseconds. */
const INDEX_LOCK = 'index.lock';

/** What git leaves in its directory while an operation waits for the user, and what to say then. */
const IN_PROGRESS: readonly (readonly [string, (workTree: string) => string])[] = [
  ['MERGE_HEAD', (workTree) => l10n.t('A merge is in progress in {0}; finish or abort it, then try again.', workTree)],
  ['rebase-merge', (workTree) => l10n.t('A rebase is in progress in {0}; finish or abort it, then try again.', workTree)],
  ['rebase-apply', (workTree) => l10n.t('A rebase (or git am) is in progress in {0}; finish or abort it, then try again.', workTree)],
  ['REBASE_HEAD', (workTree) => l10n.t('A rebase is in progress in {0}; finish or abort it, then try again.', workTree)],
  ['CHERRY_PICK_HEAD', (workTree) => l10n.t('A cherry-pick is in progress in {0}; finish or abort it, then try again.', workTree)],
  ['REVERT_HEAD', (workTree) => l10n.t('A revert is in progress in {0}; finish or abort it, then try again.', workTree)],
  [
    INDEX_LOCK,
    (workTree) =>
      l10n.t(
        'Another git command (.git/index.lock exists) is in progress in {0}; wait for it to finish (or remove the lock if no git command is running), then try again.',
        workTree,
      ),
  ],
];

/** The marker in git's directory that says why writes wait, and the sentence for people. */
interface GitBusy {
  marker: string;
  message: string;
}

/** What holds the working tree of `location` right now, or undefined. */
async function busyIn(fs: FileSystemPort, location: GitLocation): Promise<GitBusy | undefined> {
  for (const [marker, say] of IN_PROGRESS) {
    if (await fs.lstat(path.join(location.gitDir, marker))) return { marker, message: say(location.workTree) };
  }
  return undefined;
}

/**
 * Why writing into `start` should wait for git (a sentence for people), or undefined. While a merge,
 * rebase, cherry-pick or revert stops for the user, the working tree is git's: a write would mix into
 * the operation.
 */
export async function gitOperationInProgress(fs: FileSystemPort, start: string): Promise<string | undefined> {
  const location = await findGitLocation(fs, start);
  return location ? (await busyIn(fs, location))?.message : undefined;
}

/**
 * The pauses between looks at a held `index.lock` before a write is refused: 10 ms doubling to 200 ms,
 * 1.5 s in all. `git add`, or a `git status`/`git diff` from a shell prompt, an editor extension or a
 * git GUI, holds the lock for milliseconds (a few hundred in a large repository), so the first looks
 * come quickly. A lock still there after 1.5 s is something longer (a commit's hooks, a big checkout, a
 * lock left by a crashed git): the person hears about it then, rather than from a save that hangs.
 */
export const INDEX_LOCK_PAUSES_MS: readonly number[] = [10, 20, 40, 80, 160, 200, 200, 200, 200, 200, 190];

/** Waits `ms` milliseconds; the store takes one so tests need not wait on the wall clock. */
export type Sleep = (ms: number) => Promise<void>;

/**
 * gitOperationInProgress(), but a held `index.lock` is looked at again after each of `pauses` before
 * it counts: that lock is usually gone in milliseconds. A merge, rebase, cherry-pick or revert waits for
 * the person, so it is refused at once, also when it shows up during the wait.
 */
export async function gitBusyAfterWaiting(
  fs: FileSystemPort,
  start: string,
  sleep: Sleep,
  pauses: readonly number[] = INDEX_LOCK_PAUSES_MS,
): Promise<string | undefined> {
  const location = await findGitLocation(fs, start);
  if (!location) return undefined;
  for (let looked = 0; ; looked++) {
    const busy = await busyIn(fs, location);
    if (!busy) return undefined;
    const pause = pauses[looked];
    if (busy.marker !== INDEX_LOCK || pause === undefined) return busy.message;
    await sleep(pause);
  }
}
