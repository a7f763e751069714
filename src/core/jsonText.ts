import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** Where a problem is in a file, 1-based, as editors show it. */
export interface TextLocation {
  line: number;
  column: number;
}

export type Decoded = { ok: true; text: string } | { ok: false; reason: string; location: TextLocation };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const START: TextLocation = { line: 1, column: 1 };

/** Strict UTF-8; a UTF-8 BOM is tolerated (and dropped), anything else that is not UTF-8 is refused. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, reason: 'is UTF-16; store files must be UTF-8', location: START };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'is not valid UTF-8', location: locateInvalidUtf8(bytes) };
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { ok: false, reason: 'contains a NUL byte', location: offsetToLocation(text, nul) };
  return { ok: true, text };
}

function locateInvalidUtf8(bytes: Uint8Array): TextLocation {
  // Decode growing prefixes cheaply: the first failing line is enough for a useful message.
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      try {
        utf8.decode(bytes.subarray(lineStart, i));
      } catch {
        return { line, column: 1 };
      }
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: 1 };
}

const MARKER_LINE = /^(?:(?:<{7}|>{7}|\|{7})(?: .*)?|={7})\r?$/;

/**
 * Git conflict markers at the start of a line. A JSON string cannot hold a raw newline, so the same
 * characters inside a note are never mistaken for a conflict. Only "\n" starts a line here: JSON
 * strings may hold U+2028/U+2029 raw, which a regex's `^` with /m would treat as line breaks.
 */
export function findConflictMarker(text: string): TextLocation | undefined {
  if (!/<{7}|>{7}|={7}|\|{7}/.test(text)) return undefined; // the common case: no marker anywhere
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    if (MARKER_LINE.test(lines[index] ?? '')) return { line: index + 1, column: 1 };
  }
  return undefined;
}

export type Parsed = { ok: true; value: unknown } | { ok: false; reason: string; location: TextLocation };

/** Strict JSON (no comments, no trailing commas); on failure, says where. */
export function parseStrictJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, ...describeJsonError(text, error) };
  }
}

function describeJsonError(text: string, error: unknown): { reason: string; location: TextLocation } {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first) {
    return { reason: `is not valid JSON: ${humanise(printParseErrorCode(first.error))}`, location: offsetToLocation(text, first.offset) };
  }
  return { reason: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, location: START };
}

/** "ValueExpected" → "value expected". */
function humanise(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The location of a value inside a JSON text, by its path; falls back to the start. */
export function locatePath(text: string, path: readonly (string | number)[]): TextLocation {
  const root = parseTree(text);
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
