import * as path from 'node:path';
import type { DirEntry, FileSystemPort } from './fileSystem';
import { CHECKINS_DIR, recordFolders, roleInFolder, toRelative, type FileRole } from './storeLayout';
import { TEMP_FILE } from './tempFiles';

/** What the store folder holds: each record file with its role, our temporary files, and the links. */
export interface StoreListing {
  roles: Map<string, FileRole>;
  temps: string[];
  links: string[];
  /** Every checkins/<year>/ folder listed, shared and private, empty ones too (for the watchers). */
  yearFolders: string[];
}

/**
 * Every record file with its role, worked out once from folder and name (path.relative and roleOf
 * on 66,000 paths were a fifth of a load).
 */
export async function listStore(fs: FileSystemPort, root: string): Promise<StoreListing> {
  const roles = new Map<string, FileRole>();
  const temps: string[] = [];
  const links: string[] = [];
  const yearFolders: string[] = [];
  const add = (file: string, entry: DirEntry, roleIn: (name: string) => FileRole | undefined) => {
    if (TEMP_FILE.test(entry.name)) temps.push(file);
    const role = roleIn(entry.name);
    if (!role) return;
    roles.set(file, role);
    if (entry.isSymbolicLink) links.push(file);
  };
  const atRoot = roleInFolder('');
  for (const entry of await fs.readdir(root)) if (entry.isFile) add(path.join(root, entry.name), entry, atRoot);
  for (const folder of recordFolders(root)) {
    const relativeFolder = toRelative(root, folder);
    const checkIns = path.basename(folder) === CHECKINS_DIR;
    const here = roleInFolder(relativeFolder);
    for (const entry of await fs.readdir(folder)) {
      if (checkIns && entry.isDirectory) {
        const year = path.join(folder, entry.name);
        yearFolders.push(year);
        const inYear = roleInFolder(`${relativeFolder}/${entry.name}`);
        // Plain concatenation (the folder comes from path.join): path.join for 50,000 files adds up.
        for (const file of await fs.readdir(year)) if (file.isFile) add(`${year}${path.sep}${file.name}`, file, inYear);
      } else if (!checkIns && entry.isFile) {
        add(`${folder}${path.sep}${entry.name}`, entry, here);
      }
    }
  }
  return { roles, temps, links, yearFolders };
}
