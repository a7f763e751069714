/** The store's only door to the disk: the extension, the tests and fault injection all plug in here. */
export interface DirEntry {
  name: string;
  isDirectory: boolean;
  isFile: boolean;
}

export interface FileSystemPort {
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Reads many files at once (a whole store). Optional: without it the store reads them one by one.
   * Each entry is the file's bytes or the error that reading it gave.
   */
  readMany?(paths: readonly string[]): Promise<(Uint8Array | Error)[]>;
  /** Creates a new file; fails if it exists (temporary files are never shared). */
  writeNewFile(path: string, data: Uint8Array): Promise<void>;
  /** Atomically replaces `to` with `from`. */
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string): Promise<void>;
  /** Entries of a folder; [] when it does not exist. */
  readdir(path: string): Promise<DirEntry[]>;
  exists(path: string): Promise<boolean>;
}

export function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'ENOENT';
}
