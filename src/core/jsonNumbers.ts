// Numbers JSON cannot hold: 1e400 is valid JSON syntax, but JSON.parse reads it as Infinity, which no
// rule catches ("schema Infinity", a cadence "out of range") and which a rewrite would save as null.
// Such a file is refused as a JSON problem that names the number and points at it.
import * as l10n from '@vscode/l10n';
import { visit } from 'jsonc-parser';

/** True for ±Infinity (and NaN, which JSON cannot write): cheap, for the walk over every parsed value. */
export function isUnholdableNumber(value: number): boolean {
  return !Number.isFinite(value);
}

/** The first number of a JSON text that parses to ±Infinity, with a sentence and its offset. */
export function findUnholdableNumber(text: string): { reason: string; offset: number } | undefined {
  let found: { raw: string; offset: number } | undefined;
  try {
    visit(text, {
      onLiteralValue: (value, offset, length) => {
        if (!found && typeof value === 'number' && isUnholdableNumber(value)) found = { raw: text.slice(offset, offset + length), offset };
      },
    });
  } catch {
    // Nested too deeply for jsonc-parser: still refused, found by its look.
    const raw = /-?\d+(?:\.\d+)?[eE]\+?\d{3,}|-?\d{310,}/.exec(text);
    return { reason: unholdableReason(raw?.[0] ?? '?'), offset: raw?.index ?? 0 };
  }
  return found ? { reason: unholdableReason(found.raw), offset: found.offset } : undefined;
}

function unholdableReason(raw: string): string {
  return l10n.t({
    message: 'File has the number {0}, which is too large for a JSON number (it reads as infinity); write a smaller one.',
    args: [raw],
    comment: ['{0} is the number as written in the file, e.g. 1e400.'],
  });
}
