import { monotonicFactory } from 'ulid';

/** Time-sortable random ids (ULID, lowercase): never derived from names, safe in file names. */
const nextUlid = monotonicFactory();

export const ID_PATTERN = /^[0-9a-hjkmnp-tv-z]{26}$/;

export function newId(now: number = Date.now()): string {
  return nextUlid(now).toLowerCase();
}

export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}
