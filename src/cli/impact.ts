// `alliances impact [--base <rev>] [--head <rev>] [--json]`: who a change affects (src/core/impact) over
// the commits git reports (src/git/changeRange.ts), as the pull-request Markdown block or as JSON. The
// exit code says what a CI job needs: 0 nothing to flag, 1 someone was not consulted, 4 someone of high
// influence was not consulted; 2 a revision that names no commit, 3 no git repository. Read-only.
import { computeImpact, impactMarkdown, impactRecords } from '../core/impact';
import type { Store } from '../core/store';
import { visible } from '../core/visibleText';
import { changeRange } from '../git/changeRange';

export interface ImpactOutput {
  code: 0 | 1 | 2 | 3 | 4;
  out: string;
  err: string;
}

export interface ImpactCliOptions {
  base: string | undefined;
  head: string;
  json: boolean;
  includePrivate: boolean;
  defaultCadenceDays: number;
  siloDays: number;
  now: Date;
}

/** `workspace` is the folder the store sits in: code areas are relative to it, git runs there. */
export async function runImpact(store: Store, workspace: string, options: ImpactCliOptions): Promise<ImpactOutput> {
  const answer = await changeRange(workspace, options.base, options.head);
  if (!answer.ok) {
    switch (answer.problem) {
      case 'no-repository':
        return { code: 3, out: '', err: `alliances: ${workspace} is not in a git repository (or git cannot be run).\n` };
      case 'no-base':
        return { code: 2, out: '', err: 'alliances: no default branch (origin/HEAD, main or master) to compare with; pass --base.\n' };
      case 'unrelated':
        return { code: 2, out: '', err: `alliances: ${options.base ?? 'the base'} and ${options.head} share no history.\n` };
      case 'bad-revision':
        return {
          code: 2,
          out: '',
          err: `alliances: "${visible(answer.revision ?? '')}" is not a revision in this repository (a branch, tag or commit).\n`,
        };
    }
  }
  const records = impactRecords([store], {
    defaultCadenceDays: options.defaultCadenceDays,
    now: options.now,
    includePrivate: options.includePrivate,
  });
  const result = computeImpact(answer.change, records, { siloDays: options.siloDays });
  const code = result.verdict === 'high-influence-not-consulted' ? 4 : result.verdict === 'not-consulted' ? 1 : 0;
  return { code, out: options.json ? `${JSON.stringify(result, null, 2)}\n` : impactMarkdown(result), err: '' };
}
