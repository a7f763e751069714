import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';

/** Where a store sits in its repository. */
export interface RepoLocation {
  git: SimpleGit;
  /** The work tree's top folder (real path). */
  top: string;
  /** The store folder relative to `top`, with / separators and no trailing slash ('' when it is the top). */
  storePrefix: string;
  /** The repository's git folder of this work tree (HEAD, ORIG_HEAD, FETCH_HEAD live here). */
  gitDir: string;
  /** The folder shared by all work trees (refs/, packed-refs). */
  commonDir: string;
}

/**
 * The repository around a store folder (which may not exist yet), or undefined: no git, not a
 * repository, or the store is not inside the work tree. Never throws.
 */
export async function locateRepo(storeRoot: string): Promise<RepoLocation | undefined> {
  try {
    const storeReal = await realPathOfNearest(storeRoot);
    const git = simpleGit({ baseDir: storeReal.existing, timeout: { block: 10_000 } });
    const [top, gitDir, commonDir] = (
      await git.raw(['rev-parse', '--path-format=absolute', '--show-toplevel', '--git-dir', '--git-common-dir'])
    )
      .split('\n')
      .map((line) => line.trim());
    if (!top || !gitDir || !commonDir) return undefined;
    const topReal = await fsp.realpath(top);
    const relative = path.relative(topReal, storeReal.full);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    return {
      git,
      top: topReal,
      storePrefix: relative.split(path.sep).join('/'),
      gitDir,
      commonDir: path.resolve(storeReal.existing, commonDir),
    };
  } catch {
    return undefined;
  }
}

/** The real path of `target`: resolved through its nearest existing ancestor. */
async function realPathOfNearest(target: string): Promise<{ existing: string; full: string }> {
  let existing = path.resolve(target);
  const rest: string[] = [];
  for (;;) {
    try {
      const real = await fsp.realpath(existing);
      return { existing: real, full: path.join(real, ...rest.reverse()) };
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) throw new Error(`no existing folder above ${target}`);
      rest.push(path.basename(existing));
      existing = parent;
    }
  }
}

/** The commit a revision names, or undefined (unborn branch, unknown name). */
export async function resolveCommit(git: SimpleGit, rev: string): Promise<string | undefined> {
  try {
    const commit = (await git.raw(['rev-parse', '-q', '--verify', `${rev}^{commit}`])).trim();
    return /^[0-9a-f]{40,64}$/.test(commit) ? commit : undefined;
  } catch {
    return undefined;
  }
}

/** The branch HEAD is on (also an unborn one), or undefined when HEAD is detached. */
export async function currentBranch(git: SimpleGit): Promise<string | undefined> {
  try {
    const name = (await git.raw(['symbolic-ref', '-q', '--short', 'HEAD'])).trim();
    return name || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The repository's default branch: origin/HEAD's target, else main, else master (local), else undefined.
 */
export async function defaultBranch(git: SimpleGit): Promise<string | undefined> {
  try {
    const remote = (await git.raw(['symbolic-ref', '-q', '--short', 'refs/remotes/origin/HEAD'])).trim();
    if (remote.startsWith('origin/')) return remote.slice('origin/'.length);
  } catch {
    // No remote default: fall back to the usual names.
  }
  for (const name of ['main', 'master']) if (await resolveCommit(git, `refs/heads/${name}`)) return name;
  return undefined;
}

/**
 * The contents of many blobs through one `git cat-file --batch`, fed on stdin. Missing objects are
 * left out of the map.
 */
export async function readBlobs(top: string, ids: readonly string[]): Promise<Map<string, Uint8Array>> {
  const result = new Map<string, Uint8Array>();
  if (ids.length === 0) return result;
  const git = simpleGit({ baseDir: top, timeout: { block: 10_000 }, input: () => `${ids.join('\n')}\n` });
  // simple-git types binaryCatFile's answer as any: it is the raw stdout Buffer.
  const out = (await git.binaryCatFile(['--batch'])) as Buffer;
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) break;
    const [id, type, size] = out.subarray(at, eol).toString('utf8').split(' ');
    at = eol + 1;
    if (type === 'missing' || !id || size === undefined) continue;
    const length = Number(size);
    result.set(id, new Uint8Array(out.subarray(at, at + length)));
    at += length + 1;
  }
  return result;
}

/**
 * The object ids that revision expressions name ("<commit>:<path>"), through one
 * `git cat-file --batch-check`; names that do not resolve are left out.
 */
export async function objectIds(top: string, names: readonly string[]): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  if (names.length === 0) return result;
  const git = simpleGit({ baseDir: top, timeout: { block: 10_000 }, input: () => `${names.join('\n')}\n` });
  const lines = (await git.catFile(['--batch-check=%(objectname)'])).split('\n');
  names.forEach((name, index) => {
    const line = lines[index]?.trim() ?? '';
    if (/^[0-9a-f]{40,64}$/.test(line)) result.set(name, line);
  });
  return result;
}

/** The folders to watch for commits, checkouts, pulls and merges; undefined outside a repository. */
export async function repositoryPaths(storeRoot: string): Promise<{ top: string; gitDir: string; commonDir: string } | undefined> {
  const repo = await locateRepo(storeRoot);
  return repo && { top: repo.top, gitDir: repo.gitDir, commonDir: repo.commonDir };
}
