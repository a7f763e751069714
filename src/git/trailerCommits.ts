import { simpleGit } from 'simple-git';
import { ASK_TRAILER, REQUESTED_BY_TRAILER, parseTrailers, type TrailerCommit } from '../core/deliveries';
import { defaultBranch, resolveCommit } from './repository';

export interface TrailerCommits {
  /** False without git, outside a repository, or without a default branch. */
  available: boolean;
  /** The default branch read (a local branch, else origin's). */
  branch?: string;
  commits: TrailerCommit[];
}

/**
 * The commits on the default branch whose message has an `Alliances-Ask` or `Requested-by` trailer,
 * newest first, at most `limit`, only those newer than `since` (ISO) when given. Read-only, never throws.
 */
export async function trailerCommits(cwd: string, options: { since?: string; limit?: number } = {}): Promise<TrailerCommits> {
  const { since, limit = 500 } = options;
  try {
    const git = simpleGit({ baseDir: cwd, timeout: { block: 10_000 } });
    const branch = await defaultBranch(git);
    if (!branch) return { available: false, commits: [] };
    const ref = (await resolveCommit(git, `refs/heads/${branch}`)) ?? (await resolveCommit(git, `refs/remotes/origin/${branch}`));
    if (!ref) return { available: false, branch, commits: [] };
    // --grep narrows to commits that mention a trailer key at a line's start; %(trailers) then reads
    // only the real trailer block, so a key quoted in the body does not count.
    const args = [
      'log',
      '-i',
      '-E',
      `--grep=^(${ASK_TRAILER}|${REQUESTED_BY_TRAILER})[[:space:]]*:`,
      '--format=%x1e%H%x00%aI%x00%s%x00%(trailers:only,unfold)',
      `-n${limit}`,
    ];
    if (since) args.push(`--since=${since}`);
    const out = await git.raw([...args, ref, '--']);
    const commits: TrailerCommit[] = [];
    for (const record of out.split('\x1e')) {
      if (!record.trim()) continue;
      const [commit = '', date = '', subject = '', trailers = ''] = record.split('\0');
      const found = parseTrailers(trailers).filter((t) =>
        [ASK_TRAILER, REQUESTED_BY_TRAILER].some((k) => k.toLowerCase() === t.key.toLowerCase()),
      );
      if (/^[0-9a-f]{40,64}$/.test(commit) && found.length > 0) commits.push({ commit, date, subject, trailers: found });
    }
    return { available: true, branch, commits };
  } catch {
    return { available: false, commits: [] };
  }
}
