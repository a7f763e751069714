import { simpleGit } from 'simple-git';
import { areaPathspecs } from '../core/codeAreas';
import { LOG_OPTIONS, parseLog } from './logFormat';

export interface AreaCommit {
  commit: string;
  author: string;
  email: string;
  /** ISO author date. */
  date: string;
  subject: string;
  /** The files it changed inside the areas (the new name of a renamed file), relative to `cwd`. */
  files: string[];
}

export interface AreaCommits {
  /** False without git, outside a repository, or without usable areas. */
  available: boolean;
  commits: AreaCommit[];
  /** More commits matched than were listed. */
  truncated: boolean;
}

export interface AreaCommitsOptions {
  /** Only commits newer than this (ISO date). */
  since?: string;
  /** Only commits after this one (`<from>..HEAD`): what just landed. */
  from?: string;
  limit?: number;
}

/**
 * The commits reachable from HEAD that touched a partner's code areas (paths or globs relative to
 * `cwd`, the workspace folder), newest first, at most `limit`. Read-only, never throws.
 */
export async function areaCommits(
  cwd: string,
  areas: readonly string[] | undefined,
  options: AreaCommitsOptions = {},
): Promise<AreaCommits> {
  const { since, from, limit = 50 } = options;
  const specs = areaPathspecs(areas);
  if (specs.length === 0) return { available: false, commits: [], truncated: false };
  try {
    const git = simpleGit({ baseDir: cwd, timeout: { block: 10_000 } });
    const head = (await git.raw(['rev-parse', '-q', '--verify', 'HEAD^{commit}'])).trim();
    if (!head) return { available: true, commits: [], truncated: false };
    const args = ['log', '-M', '--relative', ...LOG_OPTIONS, `-n${limit + 1}`];
    if (since) args.push(`--since=${since}`);
    if (from !== undefined && !/^[0-9a-f]{40,64}$/.test(from)) return { available: false, commits: [], truncated: false };
    const out = await git.raw([...args, from ? `${from}..HEAD` : 'HEAD', '--', ...specs]);
    // A file once per commit, by its new name when renamed or copied.
    const commits = parseLog(out).map(({ changes, ...commit }) => ({ ...commit, files: [...new Set(changes.map((c) => c.path))] }));
    return { available: true, commits: commits.slice(0, limit), truncated: commits.length > limit };
  } catch {
    return { available: false, commits: [], truncated: false };
  }
}
