/** The store's only door to the disk: the extension, the tests and fault injection all plug in here. */
export interface DirEntry {
  name: string;
  isDirectory: boolean;
  isFile: boolean;
  /** A symbolic link (isFile is true for links too: they may point at a record). */
  isSymbolicLink?: boolean;
}

/** What lstat says about a path: links are not followed, so a symlinked record is seen as one. */
export interface PathInfo {
  isSymbolicLink: boolean;
  isDirectory: boolean;
  isFile: boolean;
  /** Last modification, in ms since the epoch (old leftover temporary files are removed). */
  mtimeMs: number;
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
  /** The path itself (links not followed), or undefined when nothing is there. */
  lstat(path: string): Promise<PathInfo | undefined>;
  /** The path with every symbolic link resolved (it must exist). */
  realpath(path: string): Promise<string>;
}

export function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'ENOENT';
}
