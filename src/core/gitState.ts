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

/** What git leaves in its directory while an operation waits for the user, and what to say then. */
const IN_PROGRESS: readonly (readonly [string, (workTree: string) => string])[] = [
  ['MERGE_HEAD', (workTree) => l10n.t('A merge is in progress in {0}; finish or abort it, then try again.', workTree)],
  ['rebase-merge', (workTree) => l10n.t('A rebase is in progress in {0}; finish or abort it, then try again.', workTree)],
  ['rebase-apply', (workTree) => l10n.t('A rebase (or git am) is in progress in {0}; finish or abort it, then try again.', workTree)],
  ['REBASE_HEAD', (workTree) => l10n.t('A rebase is in progress in {0}; finish or abort it, then try again.', workTree)],
  ['CHERRY_PICK_HEAD', (workTree) => l10n.t('A cherry-pick is in progress in {0}; finish or abort it, then try again.', workTree)],
  ['REVERT_HEAD', (workTree) => l10n.t('A revert is in progress in {0}; finish or abort it, then try again.', workTree)],
  [
    'index.lock',
    (workTree) => l10n.t('Another git command (.git/index.lock exists) is in progress in {0}; wait for it to finish (or remove the lock if no git command is running), then try again.', workTree),
  ],
];

/**
 * Why writing into `start` should wait for git (a sentence for people), or undefined. While a merge,
 * rebase, cherry-pick or revert stops for the user, the working tree is git's: a write would mix into
 * the operation.
 */
export async function gitOperationInProgress(fs: FileSystemPort, start: string): Promise<string | undefined> {
  const location = await findGitLocation(fs, start);
  if (!location) return undefined;
  for (const [name, say] of IN_PROGRESS) {
    if (await fs.lstat(path.join(location.gitDir, name))) return say(location.workTree);
  }
  return undefined;
}
