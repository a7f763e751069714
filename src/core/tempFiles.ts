import * as crypto from 'node:crypto';
import * as path from 'node:path';
import type { FileSystemPort } from './fileSystem';

/** Our own temporary files (".<name>.<8 hex>.tmp"); nothing else is ever deleted. */
export const TEMP_FILE = /^\..+\.[0-9a-f]{8}\.tmp$/;
/** A leftover older than this is from a crash: a write in flight (here or in another window) takes milliseconds. */
export const TEMP_MAX_AGE_MS = 5 * 60 * 1000;

/** A fresh temporary file beside `file` (same folder, so the rename that follows is atomic). */
export function tempFileFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${crypto.randomBytes(4).toString('hex')}.tmp`);
}

/** Leftovers of a write interrupted between writing the temporary file and renaming it (a crash). */
export async function removeOldTempFiles(fs: FileSystemPort, temps: readonly string[]): Promise<void> {
  for (const temp of temps) {
    const info = await fs.lstat(temp).catch(() => undefined);
    // Date.now, not the store's clock: file times are real times.
    if (info?.isFile && !info.isSymbolicLink && Date.now() - info.mtimeMs > TEMP_MAX_AGE_MS) await fs.unlink(temp).catch(() => undefined);
  }
}
