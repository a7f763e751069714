import * as l10n from '@vscode/l10n';
import { findNodeAtLocation, parse, parseTree, printParseErrorCode, visit, type ParseError, type ParseErrorCode } from 'jsonc-parser';
import { findUnholdableNumber, isUnholdableNumber } from './jsonNumbers';

/** Where a problem is in a file, 1-based, as editors show it. */
export interface TextLocation {
  line: number;
  column: number;
}

/** On failure, `reason` is a whole sentence about the file, for people (in the display language). */
export type Decoded = { ok: true; text: string } | { ok: false; reason: string; location: TextLocation };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const START: TextLocation = { line: 1, column: 1 };

/** Strict UTF-8; a UTF-8 BOM is tolerated (and dropped), anything else that is not UTF-8 is refused. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return {
      ok: false,
      reason: l10n.t('File is UTF-16 (it starts with a UTF-16 byte order mark); store files must be UTF-8.'),
      location: START,
    };
  }
  if (looksLikeUtf16(bytes))
    return { ok: false, reason: l10n.t('File looks like UTF-16 (every other byte is 0); store files must be UTF-8.'), location: START };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: l10n.t('File is not valid UTF-8.'), location: locateInvalidUtf8(bytes) };
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { ok: false, reason: l10n.t('File contains a NUL byte.'), location: offsetToLocation(text, nul) };
  return { ok: true, text };
}

/** UTF-16 without a byte order mark: in its first bytes, one byte of each pair is 0 and the other is not. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const pairs = Math.min(64, Math.floor(bytes.length / 2));
  if (pairs === 0) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  return (oddZeros >= pairs / 2 && evenZeros === 0) || (evenZeros >= pairs / 2 && oddZeros === 0);
}

/** The line and column (in UTF-16 units, as editors count) of the first byte that is not valid UTF-8. */
export function locateInvalidUtf8(bytes: Uint8Array): TextLocation {
  const bad = firstInvalidUtf8(bytes);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bad; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Everything before the bad byte is valid, so it decodes.
  const before = new TextDecoder('utf-8', { ignoreBOM: line > 1 }).decode(bytes.subarray(lineStart, bad));
  return { line, column: before.length + 1 };
}

/** Index of the first byte that starts an invalid UTF-8 sequence (RFC 3629: no overlongs, no surrogates). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (next === undefined || next < lo || next > hi) return i;
    }
    i += length;
  }
  return bytes.length;
}

const MARKERS = ['<<<<<<<', '>>>>>>>', '=======', '|||||||'];
const MARKER_LINE = /^(?:(?:<{7}|>{7}|\|{7})(?: .*)?|={7})\r?$/;

/**
 * Git conflict markers at the start of a line. A JSON string cannot hold a raw newline, so the same
 * characters inside a note are never mistaken for a conflict. Only "\n" starts a line here: JSON
 * strings may hold U+2028/U+2029 raw, which a regex's `^` with /m would treat as line breaks.
 */
export function findConflictMarker(text: string): TextLocation | undefined {
  // The common case, no marker anywhere: four substring searches are 5× faster than one regex.
  if (!MARKERS.some((marker) => text.includes(marker))) return undefined;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    if (MARKER_LINE.test(lines[index] ?? '')) return { line: index + 1, column: 1 };
  }
  return undefined;
}

export type Parsed = { ok: true; value: unknown } | { ok: false; reason: string; location: TextLocation };

/**
 * Strict JSON (no comments, no trailing commas, no duplicate keys, no `__proto__` key, no number that
 * parses to Infinity); on failure, says where. JSON.parse silently keeps the last of two equal keys, so a hand merge that left both
 * would lose one without a word.
 */
export function parseStrictJson(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    return { ok: false, ...describeJsonError(text, error) };
  }
  const keys = countKeys(value);
  // In valid JSON every colon is a key's or inside a string: any other difference is a key given twice.
  if (keys.proto || keys.colons !== countColons(text)) {
    const found = findKeyProblem(text);
    if (found) return { ok: false, ...found };
  }
  // 1e400 parses to Infinity: refused, with its place (see jsonNumbers.ts).
  const unholdable = keys.unholdable ? findUnholdableNumber(text) : undefined;
  if (unholdable) return { ok: false, reason: unholdable.reason, location: offsetToLocation(text, unholdable.offset) };
  return { ok: true, value };
}

/**
 * Keys in every object of a parsed value plus the colons inside its strings, without recursion (deep
 * nesting must not overflow the stack). Cheap: it runs for every file of every load.
 */
function countKeys(root: unknown): { colons: number; proto: boolean; unholdable: boolean } {
  let colons = 0;
  let proto = false;
  let unholdable = false;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      colons += countColons(value);
      continue;
    }
    if (typeof value === 'number') {
      if (isUnholdableNumber(value)) unholdable = true;
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    for (const key in value) {
      colons += 1 + countColons(key);
      if (key === '__proto__') proto = true;
      stack.push((value as Record<string, unknown>)[key]);
    }
  }
  return { colons, proto, unholdable };
}

function countColons(text: string): number {
  let count = 0;
  for (let at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) count++;
  return count;
}

/** The first duplicate or `__proto__` key, with its place (only run when the counts say there is one). */
function findKeyProblem(text: string): { reason: string; location: TextLocation } | undefined {
  const seen: Set<string>[] = [];
  let found: { reason: string; location: TextLocation } | undefined;
  try {
    visit(text, {
      onObjectBegin: () => {
        seen.push(new Set());
      },
      onObjectEnd: () => {
        seen.pop();
      },
      onObjectProperty: (key, offset) => {
        const keys = seen[seen.length - 1];
        if (found || !keys) return;
        if (key === '__proto__')
          found = { reason: l10n.t('File has a "__proto__" key, which is not allowed.'), location: offsetToLocation(text, offset) };
        else if (keys.has(key))
          found = {
            reason: l10n.t('File has the key {0} twice in the same object.', JSON.stringify(key)),
            location: offsetToLocation(text, offset),
          };
        keys.add(key);
      },
    });
  } catch {
    return { reason: l10n.t('File has a duplicate or "__proto__" key (too deeply nested to say where).'), location: START };
  }
  return found;
}

function describeJsonError(text: string, error: unknown): { reason: string; location: TextLocation } {
  const errors: ParseError[] = [];
  try {
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    // jsonc-parser recurses: very deep nesting overflows the stack. JSON.parse's own message says where.
    const position = /at position (\d+)/.exec(error instanceof Error ? error.message : '');
    return {
      reason: l10n.t('File is not valid JSON (or is nested too deeply).'),
      location: position ? offsetToLocation(text, Number(position[1])) : START,
    };
  }
  const first = errors[0];
  if (first) {
    return { reason: jsonErrorReason(first.error), location: offsetToLocation(text, first.offset) };
  }
  return { reason: l10n.t('File is not valid JSON: {0}.', error instanceof Error ? error.message : String(error)), location: START };
}

/** jsonc-parser's error as a sentence: "File is not valid JSON: value expected." */
export function jsonErrorReason(code: ParseErrorCode): string {
  // One whole sentence per error, so that each can be translated.
  const name = printParseErrorCode(code);
  switch (name) {
    case 'InvalidSymbol':
      return l10n.t('File is not valid JSON: invalid symbol.');
    case 'InvalidNumberFormat':
      return l10n.t('File is not valid JSON: invalid number format.');
    case 'PropertyNameExpected':
      return l10n.t('File is not valid JSON: property name expected.');
    case 'ValueExpected':
      return l10n.t('File is not valid JSON: value expected.');
    case 'ColonExpected':
      return l10n.t('File is not valid JSON: colon expected.');
    case 'CommaExpected':
      return l10n.t('File is not valid JSON: comma expected.');
    case 'CloseBraceExpected':
      return l10n.t('File is not valid JSON: close brace expected.');
    case 'CloseBracketExpected':
      return l10n.t('File is not valid JSON: close bracket expected.');
    case 'EndOfFileExpected':
      return l10n.t('File is not valid JSON: end of file expected.');
    case 'InvalidCommentToken':
      return l10n.t('File is not valid JSON: invalid comment token.');
    case 'UnexpectedEndOfComment':
      return l10n.t('File is not valid JSON: unexpected end of comment.');
    case 'UnexpectedEndOfString':
      return l10n.t('File is not valid JSON: unexpected end of string.');
    case 'UnexpectedEndOfNumber':
      return l10n.t('File is not valid JSON: unexpected end of number.');
    case 'InvalidUnicode':
      return l10n.t('File is not valid JSON: invalid unicode.');
    case 'InvalidEscapeCharacter':
      return l10n.t('File is not valid JSON: invalid escape character.');
    case 'InvalidCharacter':
      return l10n.t('File is not valid JSON: invalid character.');
    default:
      return l10n.t('File is not valid JSON: {0}.', humanise(name));
  }
}

/** "ValueExpected" → "value expected". */
export function humanise(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The location of a value inside a JSON text, by its path; falls back to the start. */
export function locatePath(text: string, path: readonly (string | number)[]): TextLocation {
  let root;
  try {
    root = parseTree(text);
  } catch {
    return START; // nested too deeply for jsonc-parser
  }
  if (!root) return START;
  for (let depth = path.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(root, path.slice(0, depth));
    if (node) {
      // Point at the property name when there is one: that is what a reader looks for.
      const target = node.parent?.type === 'property' && node.parent.children?.[0] ? node.parent.children[0] : node;
      return offsetToLocation(text, target.offset);
    }
  }
  return START;
}

export function offsetToLocation(text: string, offset: number): TextLocation {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
