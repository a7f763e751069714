// vCard 3.0 and 4.0 (RFC 2426, RFC 6350): just what a partner needs. Unfolds lines, reads parameters
// and escaped characters, and takes FN/N, EMAIL (several), ORG, TITLE and CATEGORIES.
import * as l10n from '@vscode/l10n';

export interface VCardContact {
  /** 1-based line where the card begins. */
  line: number;
  name?: string;
  emails: string[];
  /** ORG's components: organisation, then units. */
  org: string[];
  title?: string;
  role?: string;
  note?: string;
  /** CATEGORIES, each one as written (several lines add up). */
  categories?: string[];
}

export interface VCardProperty {
  name: string;
  params: Map<string, string[]>;
  value: string;
}

/** Unfolds (a CRLF or LF followed by a space or tab continues the line) and keeps each line's number. */
function unfold(text: string): { text: string; line: number }[] {
  const lines: { text: string; line: number }[] = [];
  for (const [index, raw] of text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .entries()) {
    const last = lines[lines.length - 1];
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && last) last.text += raw.slice(1);
    else if (raw !== '') lines.push({ text: raw, line: index + 1 });
  }
  return lines;
}

/** Splits on an unescaped delimiter, keeping escapes for unescape(). */
function splitUnescaped(value: string, delimiter: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < value.length; index++) {
    const char = value[index] ?? '';
    if (char === '\\' && index + 1 < value.length) {
      current += char + (value[index + 1] ?? '');
      index++;
    } else if (char === delimiter) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

/** \n and \N are newlines; \, \; \\ stand for themselves. */
export function unescapeValue(value: string): string {
  return value.replace(/\\([nN,;:\\])/g, (_match, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

/** One content line: [group.]NAME;PARAM=a,b;PARAM="x:y":value. */
export function parseProperty(line: string): VCardProperty | undefined {
  let index = 0;
  let quoted = false;
  for (; index < line.length; index++) {
    const char = line[index];
    if (char === '"') quoted = !quoted;
    else if (char === ':' && !quoted) break;
  }
  if (index >= line.length) return undefined;
  const head = line.slice(0, index);
  const value = line.slice(index + 1);
  const [rawName = '', ...rawParams] = head.match(/(?:[^;"]|"[^"]*")+/g) ?? [];
  const name = rawName.replace(/^.*\./, '').toUpperCase();
  const params = new Map<string, string[]>();
  for (const param of rawParams) {
    const equals = param.indexOf('=');
    // vCard 2.1 style bare parameters ("EMAIL;INTERNET:") are TYPE values.
    const key = equals < 0 ? 'TYPE' : param.slice(0, equals).toUpperCase();
    const values = (equals < 0 ? param : param.slice(equals + 1)).match(/"[^"]*"|[^,]+/g) ?? [];
    params.set(key, [...(params.get(key) ?? []), ...values.map((item) => item.replace(/^"|"$/g, ''))]);
  }
  return { name, params, value };
}

/** `message` is the whole sentence people read, line number included. */
export class VCardError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** Every card in a .vcf file. Cards of unknown versions are read the same way; a card left open is an error. */
export function parseVCards(text: string): VCardContact[] {
  const contacts: VCardContact[] = [];
  let current: (VCardContact & { structured?: string }) | undefined;
  for (const { text: line, line: number } of unfold(text)) {
    const property = parseProperty(line);
    if (!property) continue;
    if (property.name === 'BEGIN' && property.value.toUpperCase() === 'VCARD') {
      if (current) throw new VCardError(l10n.t('Line {0}: a card begins before the previous one ended', number), number);
      current = { line: number, emails: [], org: [] };
      continue;
    }
    if (!current) continue;
    if (property.name === 'END' && property.value.toUpperCase() === 'VCARD') {
      const { structured, ...contact } = current;
      if (!contact.name && structured) contact.name = structured;
      contacts.push(contact);
      current = undefined;
      continue;
    }
    const value = unescapeValue(property.value).trim();
    switch (property.name) {
      case 'FN':
        if (value) current.name = value;
        break;
      case 'N': {
        // Family;Given;Additional;Prefix;Suffix → "Given Additional Family".
        const [family = '', given = '', additional = ''] = splitUnescaped(property.value, ';').map((part) => unescapeValue(part).trim());
        current.structured = [given, additional, family].filter(Boolean).join(' ') || undefined;
        break;
      }
      case 'EMAIL': {
        if (!value) break;
        const preferred = (property.params.get('TYPE') ?? []).some((type) => type.toLowerCase() === 'pref') || property.params.has('PREF');
        if (preferred) current.emails.unshift(value.replace(/^mailto:/i, ''));
        else current.emails.push(value.replace(/^mailto:/i, ''));
        break;
      }
      case 'ORG':
        current.org = splitUnescaped(property.value, ';')
          .map((part) => unescapeValue(part).trim())
          .filter(Boolean);
        break;
      case 'TITLE':
        if (value) current.title = value;
        break;
      case 'ROLE':
        if (value) current.role = value;
        break;
      case 'NOTE':
        if (value) current.note = value;
        break;
      case 'CATEGORIES': {
        const categories = splitUnescaped(property.value, ',')
          .map((part) => unescapeValue(part).trim())
          .filter(Boolean);
        if (categories.length > 0) current.categories = [...(current.categories ?? []), ...categories];
        break;
      }
      default:
        break;
    }
  }
  if (current) throw new VCardError(l10n.t('Line {0}: a card is not closed (END:VCARD missing)', current.line), current.line);
  return contacts;
}
