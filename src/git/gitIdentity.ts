import { simpleGit } from 'simple-git';
import type { GitIdentity } from '../core/author';

/**
 * git's user.name and user.email as git itself resolves them for `cwd` (repository, then global and
 * system config). Resolves to undefined when git is missing or fails: callers fall back to the OS user.
 */
export async function readGitIdentity(cwd: string): Promise<GitIdentity | undefined> {
  try {
    const git = simpleGit({ baseDir: cwd, timeout: { block: 5000 } });
    const [name, email] = await Promise.all([git.getConfig('user.name'), git.getConfig('user.email')]);
    return { name: name.value ?? undefined, email: email.value ?? undefined };
  } catch {
    return undefined;
  }
}
