import * as l10n from '@vscode/l10n';
import { type CollectionKind } from './vocabulary';

export type StoreWriteErrorCode =
  | 'changed-on-disk'
  | 'unsaved-edits'
  | 'broken-file'
  | 'read-only'
  | 'not-found'
  | 'invalid'
  | 'io'
  | 'git-busy'
  | 'symlink'
  | 'outside-workspace';

/** A refused or failed write. The message is for people: it names the file and what to do. */
export class StoreWriteError extends Error {
  constructor(
    message: string,
    readonly code: StoreWriteErrorCode,
  ) {
    super(message);
    this.name = 'StoreWriteError';
  }
}

/**
 * A refused or failed write, by name rather than `instanceof`: each lazily loaded bundle holds its own
 * copy of this class, and the store that threw is main's (the partner page's handler is another bundle).
 */
export function isStoreWriteError(error: unknown): error is StoreWriteError {
  return error instanceof Error && error.name === 'StoreWriteError';
}

export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One sentence per kind, so that each translates whole. */
export function noRecordMessage(kind: CollectionKind, id: string, root: string): string {
  switch (kind) {
    case 'partner':
      return l10n.t('No partner with id {0} in {1}.', id, root);
    case 'checkIn':
      return l10n.t('No check-in with id {0} in {1}.', id, root);
    case 'talkingPoint':
      return l10n.t('No talking point with id {0} in {1}.', id, root);
    case 'followUp':
      return l10n.t('No follow-up with id {0} in {1}.', id, root);
    case 'ask':
      return l10n.t('No ask with id {0} in {1}.', id, root);
    case 'note':
      return l10n.t('No note with id {0} in {1}.', id, root);
    case 'connection':
      return l10n.t('No connection with id {0} in {1}.', id, root);
    case 'initiative':
      return l10n.t('No initiative with id {0} in {1}.', id, root);
    case 'stance':
      return l10n.t('No stance with id {0} in {1}.', id, root);
    case 'concern':
      return l10n.t('No concern with id {0} in {1}.', id, root);
    case 'vote':
      return l10n.t('No vote with id {0} in {1}.', id, root);
  }
}

/** A record written by a newer schema version: shown, never rewritten or deleted. */
export function readOnlyMessage(relativePath: string): string {
  return l10n.t('{0} was written by a newer version of Alliances; it is read-only here. Update the extension to edit it.', relativePath);
}
