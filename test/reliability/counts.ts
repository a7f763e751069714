// The figures behind the reliability summary line printed at the end of `npm test`
// (scripts/reliabilitySummary.mjs): every suite appends what it tried as JSON lines to
// test-results/reliability/<suite>.jsonl. Cleared once at the start of the unit run (test/unit/setup.ts).
import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root: this file runs from out/test/reliability/. */
const REPO = path.resolve(__dirname, '..', '..', '..');
export const COUNTS_DIR = path.join(REPO, 'test-results', 'reliability');

export interface ReliabilityCounts {
  badInputs?: number;
  /** Generated inputs of the fuzz test, counted apart from the hand-made bad inputs. */
  fuzzInputs?: number;
  faults?: number;
  hostilePayloads?: number;
  /** Bytes of protected files compared before and after. */
  bytesChecked?: number;
  /** Of those, bytes that differ or went missing (must stay 0). */
  bytesLost?: number;
}

export function recordCounts(suite: string, counts: ReliabilityCounts): void {
  mkdirSync(COUNTS_DIR, { recursive: true });
  appendFileSync(path.join(COUNTS_DIR, `${suite.replace(/[^a-z0-9-]/gi, '-')}.jsonl`), `${JSON.stringify({ suite, ...counts })}\n`);
}

export function clearCounts(): void {
  rmSync(COUNTS_DIR, { recursive: true, force: true });
}

/** How many bytes of `before` are not in `after` at the same place (a shorter file loses its tail). */
export function bytesLost(before: Uint8Array, after: Uint8Array): number {
  let lost = Math.max(0, before.length - after.length);
  const common = Math.min(before.length, after.length);
  for (let i = 0; i < common; i++) if (before[i] !== after[i]) lost++;
  // A longer file is a change too, even if the old bytes are all still there.
  return lost + Math.max(0, after.length - before.length);
}

/** Records a byte-for-byte comparison of a protected file and returns the bytes lost. */
export function recordBytes(suite: string, before: Uint8Array, after: Uint8Array): number {
  const lost = bytesLost(before, after);
  recordCounts(suite, { bytesChecked: before.length, bytesLost: lost });
  return lost;
}
