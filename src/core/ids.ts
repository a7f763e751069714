import { monotonicFactory } from 'ulid';
import { ID_PATTERN } from './vocabulary';

/** Time-sortable random ids (ULID, lowercase): never derived from names, safe in file names. */
const nextUlid = monotonicFactory();

export function newId(now: number = Date.now()): string {
  return nextUlid(now).toLowerCase();
}

export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}
