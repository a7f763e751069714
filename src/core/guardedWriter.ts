import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { outsideWorkspace } from './confinement';
import { isNotFound, type FileSystemPort } from './fileSystem';
import { gitBusyAfterWaiting, type Sleep } from './gitState';
import { hashOf } from './judge';
import { StoreWriteError, errorMessage } from './storeErrors';
import { toRelative } from './storeLayout';
import type { StoreProblem } from './storeTypes';
import { tempFileFor } from './tempFiles';

const RENAME_RETRIES = 4;
const encoder = new TextEncoder();

export interface GuardedWriterOptions {
  root: string;
  fs: FileSystemPort;
  sleep: Sleep;
  /** A reason to refuse writing this file (for example: open with unsaved edits), or undefined. */
  writeGuard?: (path: string) => string | undefined;
  /** When given, nothing is written where it resolves outside this folder. */
  workspaceFolder?: string;
  /** What is wrong with a file as last read: a broken file is never overwritten. */
  problemOf: (file: string) => StoreProblem | undefined;
  /** The file changed on disk since it was read: the store re-reads it, so the view shows it as it is. */
  changedOnDisk: (file: string) => void;
}

/** Writes store files one way only: every guard first, then a temporary file and a rename. */
export class GuardedWriter {
  constructor(private readonly options: GuardedWriterOptions) {}

  /**
   * Atomic, guarded write: refuses when the file is broken, open with unsaved edits, or changed on disk
   * since it was read (expectedHash undefined means "must not exist yet"); then temp file + rename.
   * Returns the hash of what was written.
   */
  async write(file: string, text: string, expectedHash: string | undefined): Promise<string> {
    const { fs } = this.options;
    const relative = await this.refuseUnsafe(file, expectedHash);
    const bytes = encoder.encode(text);
    const temp = tempFileFor(file);
    try {
      await fs.mkdir(path.dirname(file));
      await fs.writeNewFile(temp, bytes);
      await this.renameWithRetry(temp, file);
    } catch (error) {
      await fs.unlink(temp).catch(() => undefined);
      throw new StoreWriteError(
        l10n.t('Could not write {0}: {1}. The previous version is unchanged.', relative, errorMessage(error)),
        'io',
      );
    }
    return hashOf(bytes);
  }

  /** Deletes a record's file under the same guards as a write: never a broken file, one changed on disk or open with edits. */
  async remove(file: string, expectedHash: string): Promise<void> {
    const relative = await this.refuseUnsafe(file, expectedHash);
    try {
      await this.options.fs.unlink(file);
    } catch (error) {
      throw new StoreWriteError(l10n.t('Could not delete {0}: {1}. It is unchanged.', relative, errorMessage(error)), 'io');
    }
  }

  /** Every guard of a write or a delete; returns the file's path relative to the store. */
  private async refuseUnsafe(file: string, expectedHash: string | undefined): Promise<string> {
    const { fs, root } = this.options;
    const relative = toRelative(root, file);
    // First, so that every check below sees the files as they are once a momentary git lock is gone.
    const gitBusy = await gitBusyAfterWaiting(fs, root, this.options.sleep).catch(() => undefined);
    if (gitBusy)
      throw new StoreWriteError(
        l10n.t({
          message: '{0} {1} was not written.',
          args: [gitBusy, relative],
          comment: ['{0} is a sentence saying which git operation is in progress; {1} is a file.'],
        }),
        'git-busy',
      );
    const refusal = this.options.writeGuard?.(file);
    if (refusal) throw new StoreWriteError(refusal, 'unsaved-edits');
    const problem = this.options.problemOf(file);
    if (problem)
      throw new StoreWriteError(
        l10n.t('{0} has a problem ({1}); it was not changed. Fix it first.', relative, problem.reason),
        'broken-file',
      );
    const outside = await outsideWorkspace(fs, this.options.workspaceFolder, file);
    if (outside)
      throw new StoreWriteError(
        l10n.t('{0} resolves to {1}, outside the workspace folder; it was not written.', relative, outside),
        'outside-workspace',
      );
    if ((await fs.lstat(file).catch(() => undefined))?.isSymbolicLink) {
      throw new StoreWriteError(
        l10n.t(
          '{0} is a symbolic link; Alliances never replaces a link with a file, so it was not written. Edit the file it points to by hand.',
          relative,
        ),
        'symlink',
      );
    }

    let current: Uint8Array | undefined;
    try {
      current = await fs.readFile(file);
    } catch (error) {
      if (!isNotFound(error))
        throw new StoreWriteError(l10n.t('Could not read {0} before writing it: {1}', relative, errorMessage(error)), 'io');
    }
    const changedOnDisk = expectedHash === undefined ? current !== undefined : current === undefined || hashOf(current) !== expectedHash;
    if (changedOnDisk) {
      this.options.changedOnDisk(file);
      throw new StoreWriteError(
        l10n.t(
          '{0} changed on disk since Alliances read it, so it was not overwritten. The view now shows the file as it is; try again.',
          relative,
        ),
        'changed-on-disk',
      );
    }
    return relative;
  }

  /** Windows and virus scanners hold files briefly: EPERM/EBUSY on rename are retried, then reported. */
  private async renameWithRetry(from: string, to: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.options.fs.rename(from, to);
        return;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= RENAME_RETRIES || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw error;
        await this.options.sleep(25 * 2 ** attempt);
      }
    }
  }
}
