import * as path from 'node:path';
import * as l10n from '@vscode/l10n';

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
    return {
      ok: false,
      reason: l10n.t(
        'The store path "{0}" resolves outside the workspace folder {1}; using {2} instead.',
        wanted,
        folder,
        DEFAULT_STORE_PATH,
      ),
    };
  }
  return { ok: true, path: resolved };
}
