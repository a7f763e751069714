import * as l10n from '@vscode/l10n';
import { decodeUtf8, locatePath, type TextLocation } from './jsonText';
import { type CollectionKind } from './vocabulary';
import type { RecordTypes } from './model';
import type { Loaded } from './storeTypes';

/**
 * Files that share an id, by "kind:id", then by path, with what each holds. Which one would win
 * depends on reading order, so none loads until one is left.
 */
export type DuplicateGroups = Map<string, Map<string, DuplicateEntry>>;

export interface DuplicateEntry {
  loaded: Loaded<RecordTypes[CollectionKind]>;
  /** Where the file's "id" is, once read again (rare: only files that share an id). */
  location?: TextLocation;
}

export function duplicateKey(kind: CollectionKind, id: string): string {
  return `${kind}:${id}`;
}

/** Why a file with a shared id is not loaded; `others` are the store-relative paths sharing it. */
export function duplicateReason(id: string, others: readonly string[]): string {
  return others.length > 1
    ? l10n.t(
        'Duplicate id {0}: {1} have the same one. Neither is loaded: give one a new id and file name, or delete it.',
        id,
        others.join(', '),
      )
    : l10n.t(
        'Duplicate id {0}: {1} has the same one. Neither is loaded: give one a new id and file name, or delete it.',
        id,
        others.join(', '),
      );
}

/** Where "id" is in a file's bytes (for duplicate ids), or the start when they are not at hand. */
export function idLocation(bytes: Uint8Array | Error | undefined): TextLocation {
  const decoded = bytes instanceof Uint8Array ? decodeUtf8(bytes) : undefined;
  return decoded?.ok ? locatePath(decoded.text, ['id']) : { line: 1, column: 1 };
}
