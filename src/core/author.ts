import * as os from 'node:os';
import type { Author } from './model';

export interface GitIdentity {
  name?: string;
  email?: string;
}

/** The author to record: git's user.name/user.email when set, else the OS user. */
export function authorFrom(git: GitIdentity | undefined): Author {
  const name = git?.name?.trim();
  const email = git?.email?.trim();
  if (name) return email ? { name, email } : { name };
  return osAuthor(email);
}

function osAuthor(email?: string): Author {
  let name = 'unknown';
  try {
    name = os.userInfo().username || name;
  } catch {
    // Some containers have no passwd entry for the current uid.
    name = process.env.USER ?? process.env.USERNAME ?? name;
  }
  return email ? { name, email } : { name };
}
