import { simpleGit } from 'simple-git';
import type { ImpactChange } from '../core/impact';
import { currentBranch, defaultBranch, resolveCommit } from './repository';

export type ChangeRangeProblem =
  /** No git, or `cwd` is not inside a work tree. */
  | 'no-repository'
  /** No base given and no default branch (origin/HEAD, main, master) to use. */
  | 'no-base'
  /** A revision that names no commit (or looks like an option). */
  | 'bad-revision'
  /** base and head share no history. */
  | 'unrelated';

export type ChangeRangeAnswer = { ok: true; change: ImpactChange } | { ok: false; problem: ChangeRangeProblem; revision?: string };

const looksLikeOption = (rev: string) => rev.startsWith('-') || rev.trim() === '' || /[\0\n]/.test(rev);

/**
 * What head changes since it left base: the merge base (`git merge-base`), its committer date (when the
 * branch started), the commits after it and the files changed from it to head (`git diff --name-status
 * -M --relative`: both names of a renamed file, relative to `cwd`, the workspace folder). Base defaults to
 * the repository's default branch. Read-only, never throws.
 */
export async function changeRange(cwd: string, base: string | undefined, head = 'HEAD'): Promise<ChangeRangeAnswer> {
  const git = simpleGit({ baseDir: cwd, timeout: { block: 30_000 } });
  try {
    const inside = (await git.raw(['rev-parse', '--is-inside-work-tree'])).trim();
    if (inside !== 'true') return { ok: false, problem: 'no-repository' };
  } catch {
    return { ok: false, problem: 'no-repository' };
  }
  const baseName = base ?? (await defaultBranch(git));
  if (baseName === undefined) return { ok: false, problem: 'no-base' };
  for (const rev of [baseName, head]) if (looksLikeOption(rev)) return { ok: false, problem: 'bad-revision', revision: rev };
  const baseCommit = await resolveCommit(git, baseName);
  if (!baseCommit) return { ok: false, problem: 'bad-revision', revision: baseName };
  const headCommit = await resolveCommit(git, head);
  if (!headCommit) return { ok: false, problem: 'bad-revision', revision: head };
  let mergeBase: string;
  try {
    mergeBase = (await git.raw(['merge-base', baseCommit, headCommit])).trim();
  } catch {
    return { ok: false, problem: 'unrelated' };
  }
  if (!/^[0-9a-f]{40,64}$/.test(mergeBase)) return { ok: false, problem: 'unrelated' };
  const [since, count, diff, branch] = await Promise.all([
    git.raw(['show', '-s', '--format=%cI', mergeBase]),
    git.raw(['rev-list', '--count', `${mergeBase}..${headCommit}`]),
    git.raw(['diff', '--name-status', '-z', '-M', '--relative', '--no-ext-diff', '--no-textconv', mergeBase, headCommit]),
    head === 'HEAD' ? currentBranch(git) : Promise.resolve(undefined),
  ]);
  return {
    ok: true,
    change: {
      base: baseName,
      head,
      headCommit,
      mergeBase,
      ...(branch ? { branch } : {}),
      since: since.trim(),
      commits: Number(count.trim()) || 0,
      files: changedFiles(diff),
    },
  };
}

/** `git diff --name-status -z` → every path it names (a rename's old and new name), once each, in order. */
export function changedFiles(out: string): string[] {
  const fields = out.split('\0');
  const files = new Set<string>();
  for (let i = 0; i < fields.length;) {
    const status = (fields[i++] ?? '').trim();
    if (!status) continue;
    const count = status.startsWith('R') || status.startsWith('C') ? 2 : 1;
    for (let n = 0; n < count; n++) {
      const file = fields[i++];
      if (file) files.add(file);
    }
  }
  return [...files];
}
