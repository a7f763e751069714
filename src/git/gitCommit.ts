import { simpleGit } from 'simple-git';

/**
 * The commit HEAD points at in the repository around `cwd`, or undefined (no git, not a repository,
 * no commits yet). Never throws: a talking point without a commit is still a talking point.
 */
export async function headCommit(cwd: string): Promise<string | undefined> {
  try {
    const commit = (await simpleGit({ baseDir: cwd, timeout: { block: 5000 } }).revparse(['--verify', '--quiet', 'HEAD'])).trim();
    return /^[0-9a-f]{7,64}$/.test(commit) ? commit : undefined;
  } catch {
    return undefined;
  }
}
