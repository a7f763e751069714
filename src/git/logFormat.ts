// The one `git log` format that src/git reads commits in (history.ts: who changed a partner's files;
// areaCommits.ts: what changed in their code areas), and its parser.

/** Records start with \x1e; hash, author name, email, ISO author date and subject are \0-separated. */
export const LOG_FORMAT = '%x1e%H%x00%an%x00%ae%x00%aI%x00%s';
/** The `git log` options that produce what parseLog reads: the format, then each changed file, \0-separated. */
export const LOG_OPTIONS: readonly string[] = [`--format=${LOG_FORMAT}`, '--name-status', '-z'];

export interface FileChange {
  /** A added, M modified, D deleted, R renamed (C copied, T type changed). */
  status: string;
  /** The file after the commit (the new name of a renamed file), as git printed it. */
  path: string;
  /** Its path before the commit, for a rename or copy. */
  previousPath?: string;
}

export interface LoggedCommit {
  commit: string;
  author: string;
  email: string;
  /** ISO date of the commit's author date. */
  date: string;
  subject: string;
  /** In git's order; none for a commit that changed no file in the paths asked about. */
  changes: FileChange[];
}

/** `git log` run with LOG_OPTIONS: its commits in order, each with its changed files. */
export function parseLog(out: string): LoggedCommit[] {
  const commits: LoggedCommit[] = [];
  for (const record of out.split('\x1e')) {
    if (!record.trim()) continue;
    const fields = record.split('\0');
    const [commit = '', author = '', email = '', date = '', header = ''] = fields;
    // The subject runs to the end of its line. Git ends it with \0 and puts a newline before the file
    // list; should the \0 be missing, the list starts after the subject's newline.
    const newline = header.indexOf('\n');
    const subject = newline < 0 ? header : header.slice(0, newline);
    const rest = [newline < 0 ? '' : header.slice(newline + 1), ...fields.slice(5)]
      .map((item) => item.replace(/^\n+/, ''))
      .filter((item) => item !== '');
    const changes: FileChange[] = [];
    for (let i = 0; i < rest.length;) {
      const status = (rest[i++] ?? '').trim();
      if (!status) continue;
      // A rename or copy (R100, C75) names the old path, then the new one.
      if (status.startsWith('R') || status.startsWith('C')) {
        const previousPath = rest[i++] ?? '';
        changes.push({ status: status[0] ?? 'R', path: rest[i++] ?? '', previousPath });
      } else {
        changes.push({ status: status[0] ?? 'M', path: rest[i++] ?? '' });
      }
    }
    commits.push({ commit, author, email, date, subject, changes });
  }
  return commits;
}
