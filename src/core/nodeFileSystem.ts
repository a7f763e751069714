import { promises as fs } from 'node:fs';
import { isNotFound, type DirEntry, type FileSystemPort } from './fileSystem';

/** The FileSystemPort on Node's fs: used by the extension host, the CLI and the tests. */
export const nodeFileSystem: FileSystemPort = {
  readFile: (path) => fs.readFile(path),
  async writeNewFile(path, data) {
    const handle = await fs.open(path, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fs.rename(from, to),
  unlink: (path) => fs.unlink(path),
  mkdir: async (path) => {
    await fs.mkdir(path, { recursive: true });
  },
  async readdir(path): Promise<DirEntry[]> {
    try {
      const entries = await fs.readdir(path, { withFileTypes: true });
      return entries.map((e) => ({ name: e.name, isDirectory: e.isDirectory(), isFile: e.isFile() || e.isSymbolicLink() }));
    } catch (error) {
      // A missing folder, or a file where a folder should be, holds no records.
      if (isNotFound(error) || (error as { code?: string }).code === 'ENOTDIR') return [];
      throw error;
    }
  },
  async exists(path) {
    try {
      await fs.stat(path);
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  },
};
