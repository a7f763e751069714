import * as path from 'node:path';
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

/** What git leaves in its directory while an operation waits for the user, and what to call it. */
const IN_PROGRESS: readonly (readonly [string, string])[] = [
  ['MERGE_HEAD', 'a merge'],
  ['rebase-merge', 'a rebase'],
  ['rebase-apply', 'a rebase (or git am)'],
  ['REBASE_HEAD', 'a rebase'],
  ['CHERRY_PICK_HEAD', 'a cherry-pick'],
  ['REVERT_HEAD', 'a revert'],
  ['index.lock', 'another git command (.git/index.lock exists)'],
];

/**
 * Why writing into `start` should wait for git, or undefined. While a merge, rebase, cherry-pick or
 * revert stops for the user, the working tree is git's: a write would mix into the operation.
 */
export async function gitOperationInProgress(fs: FileSystemPort, start: string): Promise<string | undefined> {
  const location = await findGitLocation(fs, start);
  if (!location) return undefined;
  for (const [name, what] of IN_PROGRESS) {
    if (await fs.lstat(path.join(location.gitDir, name))) {
      const finish = name === 'index.lock' ? 'wait for it to finish (or remove the lock if no git command is running)' : 'finish or abort it';
      return `${what.charAt(0).toUpperCase()}${what.slice(1)} is in progress in ${location.workTree}; ${finish}, then try again.`;
    }
  }
  return undefined;
}
