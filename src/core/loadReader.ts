import * as l10n from '@vscode/l10n';
import type { FileSystemPort } from './fileSystem';
import { judge, type Judged } from './judge';
import { asError } from './storeErrors';
import type { FileRole } from './storeLayout';

const READ_CONCURRENCY = 64;
/** Files read, then judged, at a time during a load. */
const LOAD_SLICE = 512;

/**
 * Reads and judges every listed file. Each file is judged (hashed, parsed, validated) as soon as its
 * slice is read, so its bytes are garbage at once instead of 66 MB of buffers living until the end of
 * the load.
 */
export async function readAndJudge(fs: FileSystemPort, roles: ReadonlyMap<string, FileRole>): Promise<Map<string, Judged | Error>> {
  const files = [...roles.keys()];
  const judged = new Map<string, Judged | Error>();
  for (let start = 0; start < files.length; start += LOAD_SLICE) {
    const slice = files.slice(start, start + LOAD_SLICE);
    const bytes = await readSlice(fs, slice);
    slice.forEach((file, index) => {
      const read =
        bytes[index] ??
        new Error(l10n.t({ message: 'not read', comment: ['Why a store file could not be read: the read returned nothing.'] }));
      const role = roles.get(file);
      judged.set(file, read instanceof Error || !role ? asError(read) : judge(role, read));
    });
  }
  return judged;
}

async function readSlice(fs: FileSystemPort, files: readonly string[]): Promise<(Uint8Array | Error)[]> {
  if (fs.readMany) return fs.readMany(files);
  const result: (Uint8Array | Error)[] = [];
  for (let i = 0; i < files.length; i += READ_CONCURRENCY) {
    const batch = files.slice(i, i + READ_CONCURRENCY);
    result.push(...(await Promise.all(batch.map((file) => fs.readFile(file).catch(asError)))));
  }
  return result;
}
