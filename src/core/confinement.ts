import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import type { FileSystemPort } from './fileSystem';
import { errorMessage } from './storeErrors';

/**
 * Where `target` really is when that is outside the workspace folder (links resolved), else
 * undefined. A path that does not exist yet is judged by its nearest existing folder. Without a
 * workspace folder nothing is confined.
 */
export async function outsideWorkspace(fs: FileSystemPort, folder: string | undefined, target: string): Promise<string | undefined> {
  if (!folder) return undefined;
  let existing = target;
  while (!(await fs.lstat(existing))) {
    const parent = path.dirname(existing);
    if (parent === existing) return undefined;
    existing = parent;
  }
  let real: string;
  let realFolder: string;
  try {
    [real, realFolder] = await Promise.all([fs.realpath(existing), fs.realpath(folder)]);
  } catch (error) {
    return l10n.t({
      message: 'nowhere ({0})',
      args: [errorMessage(error)],
      comment: ['Where a dangling symbolic link points; {0} is the system error.'],
    });
  }
  const relative = path.relative(realFolder, real);
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative) ? real : undefined;
}

/** Symbolically linked records that resolve outside the workspace folder, with where they point. */
export async function linksOutside(fs: FileSystemPort, folder: string | undefined, links: readonly string[]): Promise<Map<string, string>> {
  const refused = new Map<string, string>();
  for (const link of links) {
    const target = await outsideWorkspace(fs, folder, link);
    if (target) refused.set(link, target);
  }
  return refused;
}

/** A store folder that resolves outside the workspace folder is neither read nor written: says so, as an error. */
export async function refuseStoreOutside(fs: FileSystemPort, workspaceFolder: string | undefined, root: string): Promise<void> {
  const outside = await outsideWorkspace(fs, workspaceFolder, root);
  if (!outside) return;
  throw new Error(
    l10n.t(
      'The store folder {0} resolves to {1}, outside the workspace folder {2}; Alliances does not read or write it.',
      root,
      outside,
      workspaceFolder ?? '',
    ),
  );
}
