import * as path from 'node:path';
import { format } from 'date-fns';
import type { RecordKind } from './model';
import { slugify } from './slug';

/** The data contract's file layout: which file holds what, and where a new record goes. */
export const MANIFEST_FILE = 'alliances.json';
export const PARTNERS_DIR = 'partners';
export const CHECKINS_DIR = 'checkins';
export const PRIVATE_DIR = 'private';
export const GITIGNORE_FILE = '.gitignore';
export const GITIGNORE_TEXT = '# Alliances: private notes and temporary files never go into git.\nprivate/\n.*.tmp\n';

export interface FileRole {
  kind: RecordKind;
  /** The id the file name promises; the record must agree. */
  expectedId?: string;
}

const PARTNER_FILE = /^(?:.*-)?([0-9a-z]{26})\.json$/;
const CHECKIN_FILE = /^([0-9a-z]{26})\.json$/;
const YEAR = /^\d{4}$/;

/** What a store-relative path (with / separators) holds, or undefined when it is not a record file. */
export function roleOf(relativePath: string): FileRole | undefined {
  const parts = relativePath.split('/');
  const name = parts[parts.length - 1] ?? '';
  if (name.startsWith('.') || !name.endsWith('.json')) return undefined;
  if (parts.length === 1 && name === MANIFEST_FILE) return { kind: 'manifest' };
  if (parts.length === 2 && parts[0] === PARTNERS_DIR) {
    const match = PARTNER_FILE.exec(name);
    return { kind: 'partner', expectedId: match?.[1] ?? '' };
  }
  if (parts.length === 3 && parts[0] === CHECKINS_DIR && YEAR.test(parts[1] ?? '')) {
    const match = CHECKIN_FILE.exec(name);
    return { kind: 'checkIn', expectedId: match?.[1] ?? '' };
  }
  return undefined;
}

export function partnerFile(root: string, id: string, name: string): string {
  return path.join(root, PARTNERS_DIR, `${slugify(name)}-${id}.json`);
}

export function checkInFile(root: string, id: string, date: Date): string {
  return path.join(root, CHECKINS_DIR, format(date, 'yyyy'), `${id}.json`);
}

export function toRelative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
