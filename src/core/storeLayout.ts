import * as path from 'node:path';
import { type CollectionKind, type RecordKind } from './vocabulary';
import { slugify } from './slug';

/** The data contract's file layout: which file holds what, and where a new record goes. */
export const MANIFEST_FILE = 'alliances.json';
export const PARTNERS_DIR = 'partners';
export const CHECKINS_DIR = 'checkins';
export const PRIVATE_DIR = 'private';
export const GITIGNORE_FILE = '.gitignore';
export const GITIGNORE_TEXT = '# Alliances: private notes and temporary files never go into git.\nprivate/\n.*.tmp\n';

/**
 * One folder per kind. Check-ins are split by year; everything else that two teammates may add on
 * their own (talking points, follow-ups, asks, connections, initiatives, stances, concerns, votes) is one file per record, so git merges never conflict.
 * The same layout repeats under private/ for what never leaves the machine.
 */
export const KIND_FOLDERS: Record<CollectionKind, string> = {
  partner: PARTNERS_DIR,
  checkIn: CHECKINS_DIR,
  talkingPoint: 'talking-points',
  followUp: 'follow-ups',
  ask: 'asks',
  note: 'notes',
  connection: 'connections',
  initiative: 'initiatives',
  stance: 'stances',
  concern: 'concerns',
  vote: 'votes',
};
const BY_FOLDER = new Map(Object.entries(KIND_FOLDERS).map(([kind, folder]) => [folder, kind as CollectionKind]));
/** Partners are shared by nature; notes are private by nature. */
const SHARED_ONLY: ReadonlySet<CollectionKind> = new Set(['partner']);
const PRIVATE_ONLY: ReadonlySet<CollectionKind> = new Set(['note']);

export interface FileRole {
  kind: RecordKind;
  /** The id the file name promises; the record must agree. */
  expectedId?: string;
  /** Under private/: git-ignored, this machine only. */
  private: boolean;
}

const PARTNER_FILE = /^(?:.*-)?([0-9a-z]{26})\.json$/;
const ID_FILE = /^([0-9a-z]{26})\.json$/;
const YEAR = /^\d{4}$/;

/** What a store-relative path (with / separators) holds, or undefined when it is not a record file. */
export function roleOf(relativePath: string): FileRole | undefined {
  const slash = relativePath.lastIndexOf('/');
  return roleInFolder(slash < 0 ? '' : relativePath.slice(0, slash))(relativePath.slice(slash + 1));
}

/**
 * roleOf() for the files of one folder (store-relative, '' for the root): the folder's part is worked
 * out once, so listing 50,000 check-ins checks only each file name.
 */
export function roleInFolder(relativeFolder: string): (name: string) => FileRole | undefined {
  const all = relativeFolder === '' ? [] : relativeFolder.split('/');
  const isPrivate = all[0] === PRIVATE_DIR;
  const parts = isPrivate ? all.slice(1) : all;
  const isRecordFile = (name: string) => !name.startsWith('.') && name.endsWith('.json');
  if (parts.length === 0) {
    return (name) => (isRecordFile(name) && name === MANIFEST_FILE && !isPrivate ? { kind: 'manifest', private: false } : undefined);
  }
  const kind = BY_FOLDER.get(parts[0] ?? '');
  if (!kind || (isPrivate && SHARED_ONLY.has(kind)) || (!isPrivate && PRIVATE_ONLY.has(kind))) return () => undefined;
  const depth = kind === 'checkIn' ? 2 : 1;
  if (parts.length !== depth || (kind === 'checkIn' && !YEAR.test(parts[1] ?? ''))) return () => undefined;
  const pattern = kind === 'partner' ? PARTNER_FILE : ID_FILE;
  return (name) => (isRecordFile(name) ? { kind, expectedId: pattern.exec(name)?.[1] ?? '', private: isPrivate } : undefined);
}

export interface Placement {
  private?: boolean;
  /** Check-ins: the year folder. */
  date?: Date;
  /** Partners: the readable part of the file name. */
  name?: string;
}

/** Where a new record of this kind goes. */
export function fileFor(root: string, kind: CollectionKind, id: string, placement: Placement = {}): string {
  const isPrivate = PRIVATE_ONLY.has(kind) || (placement.private === true && !SHARED_ONLY.has(kind));
  const base = isPrivate ? path.join(root, PRIVATE_DIR) : root;
  const folder = path.join(base, KIND_FOLDERS[kind]);
  if (kind === 'partner') return path.join(folder, `${slugify(placement.name ?? '')}-${id}.json`);
  if (kind === 'checkIn') return path.join(folder, String((placement.date ?? new Date()).getFullYear()), `${id}.json`);
  return path.join(folder, `${id}.json`);
}

export function partnerFile(root: string, id: string, name: string): string {
  return fileFor(root, 'partner', id, { name });
}

export function checkInFile(root: string, id: string, date: Date): string {
  return fileFor(root, 'checkIn', id, { date });
}

/** The folders that hold records (check-in year folders aside), shared and private. */
export function recordFolders(root: string): string[] {
  const shared = Object.entries(KIND_FOLDERS)
    .filter(([kind]) => !PRIVATE_ONLY.has(kind as CollectionKind))
    .map(([, folder]) => path.join(root, folder));
  const secret = Object.entries(KIND_FOLDERS)
    .filter(([kind]) => !SHARED_ONLY.has(kind as CollectionKind))
    .map(([, folder]) => path.join(root, PRIVATE_DIR, folder));
  return [...shared, ...secret];
}

export function toRelative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
