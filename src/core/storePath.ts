import * as path from 'node:path';

export const DEFAULT_STORE_PATH = '.alliances';

export type StorePathResult = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Where a folder's store lives. The setting is honoured only in trusted workspaces, and never when it
 * resolves outside the workspace folder (a shared settings file must not point us at ~/.ssh).
 */
export function resolveStorePath(folder: string, setting: string | undefined, trusted: boolean): StorePathResult {
  const wanted = trusted && setting?.trim() ? setting.trim() : DEFAULT_STORE_PATH;
  const resolved = path.resolve(folder, wanted);
  const relative = path.relative(folder, resolved);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return { ok: false, reason: `The store path "${wanted}" resolves outside the workspace folder ${folder}; using ${DEFAULT_STORE_PATH} instead.` };
  }
  return { ok: true, path: resolved };
}
