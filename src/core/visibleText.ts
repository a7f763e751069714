// Text from store files, made safe to show: characters that reorder text (bidi controls), hide in it
// (zero-width and other format characters) or are not text at all (control characters) are shown as
// a visible marker, ⟨U+202E⟩, instead of acting. "\u202Eevil\u202C.txt" is shown as
// "⟨U+202E⟩evil⟨U+202C⟩.txt", never as "live.txt". Display only: the store keeps its bytes, inputs
// that edit a value keep the raw value, and data exports (CSV, iCalendar, vCard, JSON) stay exact.
// The decision, and what is deliberately left alone: docs/decisions/invisible-characters.md.

export interface VisibleOptions {
  /**
   * Keeps tab, line feed and carriage return (multi-line text: notes, a whole report). Off by default:
   * a name, a department or a label is one line, and a line break in it is shown like any control.
   */
  multiline?: boolean;
}

/** Anything beyond printable ASCII: the one test plain text pays (the tree renders 1,000 partners). */
const NOT_PLAIN = /[^\x20-\x7E]/;

/**
 * What is shown as a marker: controls (C0, DEL, C1), format characters (Cf: bidi controls U+202A–U+202E
 * and U+2066–U+2069, marks U+200E, U+200F, U+061C, zero-width U+200B–U+200D, U+2060, U+FEFF, soft
 * hyphen, tags…), lone surrogates, line and paragraph separators, and the Hangul fillers that draw
 * nothing. Not the Arabic-script signs that are format characters yet draw a glyph (U+0600–U+0605,
 * U+06DD, U+070F, U+0890–U+0891, U+08E2, U+110BD, U+110CD).
 */
const SHOWN =
  '(?![\\u0600-\\u0605\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u{110BD}\\u{110CD}])[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Zl}\\p{Zp}\\u115F\\u1160\\u3164\\uFFA0]';
const ANY_SHOWN = new RegExp(SHOWN, 'u');

/** Scripts whose spelling needs the zero-width (non-)joiner: Persian, Urdu, the Indic scripts… */
const JOINING_LETTER =
  '(?=[\\p{L}\\p{M}])[\\p{scx=Arab}\\p{scx=Syrc}\\p{scx=Nkoo}\\p{scx=Mong}\\p{scx=Deva}\\p{scx=Beng}\\p{scx=Guru}\\p{scx=Gujr}\\p{scx=Orya}\\p{scx=Taml}\\p{scx=Telu}\\p{scx=Knda}\\p{scx=Mlym}\\p{scx=Sinh}]';

/** Format characters that are part of real text, kept as they are (the first group of PATTERN). */
const KEPT = [
  // An emoji ZWJ sequence: 👩\u200D💻, 🏳️\u200D🌈, 👨🏽\u200D🚀.
  '(?<=[\\p{Extended_Pictographic}\\p{Emoji_Modifier}\\uFE0F])\\u200D(?=\\p{Extended_Pictographic})',
  // An emoji tag sequence: the flags of England, Scotland, Wales.
  '\\u{1F3F4}[\\u{E0020}-\\u{E007E}]+\\u{E007F}',
  // ZWNJ or ZWJ inside a word of a joining script ("می\u200Cخواهم"), never beside Latin letters or spaces;
  // or after a sign of such a script, as in Malayalam's chillu letters (ന്\u200D: NA, VIRAMA, ZWJ).
  `(?<=${JOINING_LETTER}\\p{M}*)[\\u200C\\u200D](?=${JOINING_LETTER})`,
  `(?<=(?=\\p{M})${JOINING_LETTER})[\\u200C\\u200D]`,
];
const PATTERN = new RegExp(`(${KEPT.join('|')})|${SHOWN}`, 'gu');

/** U+202E as "⟨U+202E⟩": the code point, at least four hex digits, between mathematical angle brackets. */
export function marker(codePoint: number): string {
  return `⟨U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/**
 * The text as it should be shown: every bidi control, invisible and control character replaced by
 * its marker (see SHOWN), everything else — accents, combining marks, emoji, Arabic, Hebrew — untouched.
 */
export function visible(text: string, options: VisibleOptions = {}): string {
  if (!NOT_PLAIN.test(text) || !ANY_SHOWN.test(text)) return text;
  return text.replace(PATTERN, (found: string, kept: string | undefined) => {
    if (kept !== undefined) return kept;
    if (options.multiline && (found === '\n' || found === '\r' || found === '\t')) return found;
    return marker(found.codePointAt(0) ?? 0);
  });
}

/** Whether visible() would change the text. */
export function hasInvisible(text: string, options: VisibleOptions = {}): boolean {
  return visible(text, options) !== text;
}
