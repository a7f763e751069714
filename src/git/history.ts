import * as path from 'node:path';
import { simpleGit } from 'simple-git';
import { LOG_OPTIONS, parseLog } from './logFormat';
import { locateRepo } from './repository';

/** One commit that touched one of the files asked about. */
export interface HistoryEntry {
  commit: string;
  author: string;
  email: string;
  /** ISO date of the commit's author date. */
  date: string;
  subject: string;
  /** A added, M modified, D deleted, R renamed (C copied, T type changed). */
  status: string;
  /** The file at this commit, relative to the repository top, / separated. */
  path: string;
  /** Its path before the commit, for a rename. */
  previousPath?: string;
}

export interface FileHistory {
  /** The repository's top folder; undefined when there is no git or no repository. */
  top?: string;
  entries: HistoryEntry[];
}

/**
 * Who changed these files and when: `git log --follow` per file (follow takes one path), newest first,
 * each commit once per file. Files git does not know are left out. Never throws.
 */
export async function fileHistory(files: readonly string[]): Promise<FileHistory> {
  const [first] = files;
  if (!first) return { entries: [] };
  const repo = await locateRepo(path.dirname(first));
  if (!repo) return { entries: [] };
  const git = simpleGit({ baseDir: repo.top, timeout: { block: 10_000 } });
  const seen = new Set<string>();
  const entries: HistoryEntry[] = [];
  await Promise.all(
    files.map(async (file) => {
      const relative = path.relative(repo.top, file).split(path.sep).join('/');
      if (relative.startsWith('..')) return;
      let out: string;
      try {
        out = await git.raw(['log', '--follow', '-M', ...LOG_OPTIONS, '--', relative]);
      } catch {
        return;
      }
      for (const { changes, ...commit } of parseLog(out)) {
        for (const change of changes) {
          const key = `${commit.commit}:${change.path}`;
          if (seen.has(key)) continue;
          seen.add(key);
          entries.push({ ...commit, ...change });
        }
      }
    }),
  );
  entries.sort((a, b) => b.date.localeCompare(a.date) || a.path.localeCompare(b.path));
  return { top: repo.top, entries };
}

/** A file's content at a revision ('' when it does not exist there): the two sides of a history diff. */
export async function showFile(top: string, rev: string, file: string): Promise<string> {
  if (!/^[0-9a-f]{4,64}\^?$/.test(rev) || file.startsWith('-')) return '';
  try {
    return await simpleGit({ baseDir: top, timeout: { block: 10_000 } }).show([`${rev}:${file}`]);
  } catch {
    return '';
  }
}
