// RFC 4180 CSV, both ways. Hand-written: the format is small and exact, and a general parser
// (papaparse: ~45 KB minified) would weigh more in the extension bundle than the whole feature.
import * as l10n from '@vscode/l10n';

export type Separator = ',' | ';' | '\t';

/** One field, quoted when it must be: separator, quote, CR or LF inside, or spaces at an end. */
export function csvField(value: string, separator: Separator = ','): string {
  return value.includes(separator) || /["\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Rows as CSV text with CRLF line ends (RFC 4180). A leading `=`, `+`, `-` or `@` gets a quote mark in
 * front so a spreadsheet never runs a cell as a formula (CSV injection).
 */
export function toCsv(rows: readonly (readonly string[])[], separator: Separator = ','): string {
  const safe = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
  return rows.map((row) => row.map((value) => csvField(safe(value), separator)).join(separator)).join('\r\n') + '\r\n';
}

/** The separator of a file: the one of `,` `;` tab that occurs most often outside quotes in its first line. */
export function detectSeparator(text: string): Separator {
  const counts: Record<Separator, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of stripBom(text)) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as Separator]++;
  }
  return (Object.entries(counts) as [Separator, number][]).reduce((best, entry) => (entry[1] > best[1] ? entry : best), [',', 0] as [
    Separator,
    number,
  ])[0];
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export interface CsvRow {
  fields: string[];
  /** 1-based line of the file where the row starts (a quoted field may span lines). */
  line: number;
}

/** `message` is the whole sentence people read, line number included. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * Parses CSV (RFC 4180, plus what spreadsheets write: LF or CRLF, a BOM, `;` or tab separators).
 * Quoted fields may hold separators, quotes ("") and newlines. Blank lines are skipped.
 */
export function parseCsv(input: string, separator: Separator = detectSeparator(input)): CsvRow[] {
  const text = stripBom(input);
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let index = 0;
  let quotedField = false;
  const endRow = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '' || quotedField) rows.push({ fields, line: rowLine });
    fields = [];
    field = '';
    quotedField = false;
  };
  while (index < text.length) {
    const char = text[index];
    if (char === '"' && field === '' && !quotedField) {
      quotedField = true;
      const start = line;
      index++;
      for (;;) {
        if (index >= text.length) throw new CsvError(l10n.t('Line {0}: a quoted field is not closed', start), start);
        const inner = text[index];
        if (inner === '"') {
          if (text[index + 1] === '"') {
            field += '"';
            index += 2;
            continue;
          }
          index++;
          break;
        }
        if (inner === '\n') line++;
        field += inner;
        index++;
      }
      const next = text[index];
      if (next !== undefined && next !== separator && next !== '\r' && next !== '\n')
        throw new CsvError(l10n.t('Line {0}: unexpected text after a closing quote', line), line);
      continue;
    }
    if (char === separator) {
      fields.push(field);
      field = '';
      quotedField = false;
      index++;
      continue;
    }
    if (char === '\r' || char === '\n') {
      endRow();
      index += char === '\r' && text[index + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }
    if (quotedField) throw new CsvError(l10n.t('Line {0}: unexpected text after a closing quote', line), line);
    field += char;
    index++;
  }
  if (field !== '' || fields.length > 0 || quotedField) endRow();
  return rows;
}
