import * as path from 'node:path';
import { simpleGit } from 'simple-git';
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

const FORMAT = '%x1e%H%x00%an%x00%ae%x00%aI%x00%s';

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
        out = await git.raw(['log', '--follow', '-M', `--format=${FORMAT}`, '--name-status', '-z', '--', relative]);
      } catch {
        return;
      }
      for (const entry of parseLog(out)) {
        const key = `${entry.commit}:${entry.path}`;
        if (seen.has(key)) continue;
        seen.add(key);
        entries.push(entry);
      }
    }),
  );
  entries.sort((a, b) => b.date.localeCompare(a.date) || a.path.localeCompare(b.path));
  return { top: repo.top, entries };
}

/** `git log --format=<FORMAT> --name-status -z`: records start with \x1e; fields and names end with \0. */
function parseLog(out: string): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const record of out.split('\x1e')) {
    if (!record.trim()) continue;
    const fields = record.split('\0');
    const [commit = '', author = '', email = '', date = '', header = ''] = fields;
    // The subject runs to the end of its line; the name-status part follows after a newline.
    const newline = header.indexOf('\n');
    const subject = newline < 0 ? header : header.slice(0, newline);
    const rest = [newline < 0 ? '' : header.slice(newline + 1).replace(/^\n+/, ''), ...fields.slice(5)].filter((item) => item !== '');
    for (let i = 0; i < rest.length;) {
      const status = (rest[i++] ?? '').trim();
      if (!status) continue;
      if (status.startsWith('R') || status.startsWith('C')) {
        const previousPath = rest[i++] ?? '';
        const to = rest[i++] ?? '';
        entries.push({ commit, author, email, date, subject, status: status[0] ?? 'R', path: to, previousPath });
      } else {
        entries.push({ commit, author, email, date, subject, status: status[0] ?? 'M', path: rest[i++] ?? '' });
      }
    }
  }
  return entries;
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
