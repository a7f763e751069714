import { type CheckInKind, type CollectionKind, type RecordKind } from './vocabulary';
import type { Author, Partner, RecordTypes } from './model';
import type { FileSystemPort } from './fileSystem';
import type { Sleep } from './gitState';
import type { RecordProblem } from './recordReader';

export interface Loaded<T> {
  value: T;
  /** Absolute path of the file it came from. */
  path: string;
  /** Written by a newer schema version: shown, never rewritten. */
  readOnly: boolean;
  /** Lives under private/ (git-ignored): this machine only. */
  private: boolean;
}

/** The fields a caller gives for a new record; the store adds id, version, dates and author. */
export type NewRecord<K extends CollectionKind> = Omit<
  RecordTypes[K],
  'schemaVersion' | 'id' | 'createdAt' | 'updatedAt' | 'author' | 'updatedBy'
>;
/** A change to a record: any of its own fields; undefined removes a field. */
export type RecordChange<K extends CollectionKind> = Partial<NewRecord<K>>;

export interface StoreProblem extends RecordProblem {
  path: string;
  relativePath: string;
  kind: RecordKind;
  /** The id promised by the file name, so the tree can say which partner is broken. */
  id?: string;
}

export interface StoreOptions {
  /** Absolute path of the `.alliances` folder. */
  root: string;
  fs: FileSystemPort;
  /** Who is writing: git identity, falling back to the OS user. Asked once per write. */
  author: () => Promise<Author>;
  now?: () => Date;
  /** How the store pauses (a momentary git lock, a busy rename); tests pass one that needs no wall clock. */
  sleep?: Sleep;
  /** A reason to refuse writing this file (for example: open with unsaved edits), or undefined. */
  writeGuard?: (path: string) => string | undefined;
  /**
   * The workspace folder. When given, the store and every file it reads through a link or writes must
   * resolve inside it, symbolic links included (a shared repository must not point us at ~/.ssh).
   */
  workspaceFolder?: string;
}

export interface NewPartner {
  name: string;
  department: string;
  role?: string;
  email?: string;
  organisation?: string;
  tags?: readonly string[];
  cadenceDays?: number;
}

export interface NewCheckIn {
  /** The first partner; a group check-in lists the others in `partnerIds` (with or without this one). */
  partnerId: string;
  partnerIds?: readonly string[];
  /** Teammates who were there besides the author. */
  present?: readonly Author[];
  kind: CheckInKind;
  summary: string;
  rating?: number;
  date?: Date;
  /** Markdown notes (shared with the check-in). */
  notes?: string;
  /** The initiative it was about. */
  initiativeId?: string;
  /** The whole check-in under private/: never committed. */
  private?: boolean;
}

export type PartnerChange = Partial<
  Pick<
    Partner,
    'name' | 'role' | 'department' | 'email' | 'organisation' | 'tags' | 'cadenceDays' | 'snoozedUntil' | 'archived' | 'leads' | 'codeAreas'
  >
>;
