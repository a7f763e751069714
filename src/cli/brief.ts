// `alliances brief "<name or id>"`: the brief before a check-in (src/core/brief), the same Markdown the
// extension's *Prepare for Check-in* previews, or its JSON. Private records only with --private. The
// commits in the partner's code areas come from `git log` in the folder that holds the store, when it
// is a repository (the CLI reads git itself: src/git is the extension's, simple-git included).
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { briefMarkdown, commitsSince, partnerBrief, type BriefCommit, type BriefCommitsInput } from '../core/brief';
import { areaPathspecs } from '../core/codeAreas';
import type { Store } from '../core/store';
import { english } from '../core/translator';
import { findPartner, ToolError, type FoundPartner, type ToolContext } from '../core/tools/toolScope';

export interface BriefOutput {
  /** 0 the brief was printed, 2 no such partner (or several). */
  code: 0 | 2;
  out: string;
  err: string;
}

const COMMIT_LIMIT = 50;

/** The commits in the partner's areas since the last check-in, read with git in `cwd`; never throws. */
export function cliAreaCommits(cwd: string, context: ToolContext, found: FoundPartner): BriefCommitsInput {
  const specs = areaPathspecs(found.partner.codeAreas);
  if (specs.length === 0) return { available: false, commits: [], truncated: false };
  const { since } = commitsSince(context, found);
  try {
    const out = execFileSync(
      'git',
      ['log', '--relative', '--format=%x1e%H%x00%an%x00%aI%x00%s', `-n${COMMIT_LIMIT + 1}`, `--since=${since}`, 'HEAD', '--', ...specs],
      { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000, maxBuffer: 16 * 1024 * 1024 },
    );
    const commits: BriefCommit[] = out
      .split('\x1e')
      .map((record) => record.trim().split('\0'))
      .filter((fields) => fields.length >= 4 && /^[0-9a-f]{40,64}$/.test(fields[0] ?? ''))
      .map(([commit = '', author = '', date = '', ...subject]) => ({ commit, author, date, subject: subject.join(' ') }));
    return { available: true, commits: commits.slice(0, COMMIT_LIMIT), truncated: commits.length > COMMIT_LIMIT };
  } catch {
    return { available: false, commits: [], truncated: false };
  }
}

export function runBrief(
  store: Store,
  wanted: string,
  options: { json: boolean; includePrivate: boolean; now: Date; defaultCadenceDays: number; siloDays: number; git?: boolean },
): BriefOutput {
  const context: ToolContext = {
    stores: [{ label: path.basename(path.dirname(store.root)), store }],
    now: options.now,
    defaultCadenceDays: options.defaultCadenceDays,
    siloDays: options.siloDays,
    includePrivate: options.includePrivate,
  };
  let found: FoundPartner;
  try {
    found = findPartner(context, wanted);
  } catch (error) {
    if (!(error instanceof ToolError)) throw error;
    // The scope's words are the model's ("use alliances_search"): the CLI says its own.
    const message = error.message
      .replace('Use alliances_search to find the name.', 'alliances search <words> finds records by any word.')
      .replace('Ask which one, then pass the id.', 'Pass the id.');
    return { code: 2, out: '', err: `alliances: ${message}\n` };
  }
  const commits = options.git === false ? undefined : cliAreaCommits(path.dirname(store.root), context, found);
  const brief = partnerBrief(context, found, { ...(commits ? { commits } : {}) });
  return { code: 0, out: options.json ? `${JSON.stringify(brief, null, 2)}\n` : briefMarkdown(brief, { translator: english }), err: '' };
}
