// A schema issue as one sentence a person reads, naming the field: '"name" must not be empty.'.
// The rules in model.ts carry short English messages ("must not be empty"); here each becomes a whole
// sentence through l10n.t, so that translators never glue a field name and a phrase together.
import * as l10n from '@vscode/l10n';
import type * as v from 'valibot';
import { STORE_FORMAT } from './model';

/** The fixed messages of model.ts, each as a sentence about the field {0}. */
const FIELD_SENTENCES: Record<string, (field: string) => string> = {
  'must be an ISO 8601 date and time, e.g. 2026-11-21T09:30:00.000Z': (field) =>
    l10n.t('"{0}" must be an ISO 8601 date and time, e.g. 2026-11-21T09:30:00.000Z.', field),
  'must be an ISO date, e.g. 2026-12-02': (field) => l10n.t('"{0}" must be an ISO date, e.g. 2026-12-02.', field),
  'is not a real date': (field) => l10n.t('"{0}" is not a real date.', field),
  'must be a 26-character lowercase id': (field) => l10n.t('"{0}" must be a 26-character lowercase id.', field),
  'must not be empty': (field) => l10n.t('"{0}" must not be empty.', field),
  'must be a whole number of days': (field) => l10n.t('"{0}" must be a whole number of days.', field),
  'must be a workspace-relative path': (field) => l10n.t('"{0}" must be a workspace-relative path.', field),
  'must be a git commit id': (field) => l10n.t('"{0}" must be a git commit id.', field),
  'must be one word: no spaces or commas': (field) => l10n.t('"{0}" must be one word: no spaces or commas.', field),
  'must name at least one partner': (field) => l10n.t('"{0}" must name at least one partner.', field),
  'must not name a partner twice': (field) => l10n.t('"{0}" must not name a partner twice.', field),
  'must include partnerId': (field) => l10n.t('"{0}" must include partnerId.', field),
  'must be another partner than fromId': (field) => l10n.t('"{0}" must be another partner than fromId.', field),
  [`must be "${STORE_FORMAT}"`]: (field) => l10n.t('"{0}" must be "{1}".', field, STORE_FORMAT),
};

const AT_MOST = /^must be at most (\d+) characters$/;
const ONE_OF = /^must be one of (.+)$/;
const AT_MOST_ITEMS = /^must (?:have|name) at most (\d+) (tags|partners|teammates|departments)$/;

/**
 * valibot names JSON types as JavaScript does ("string", "Object", "Array"); a person editing a file
 * reads "text", "an object", "a list", in their language. Values ("14", 7, null, true) stay as written.
 */
function typeName(name: string): string {
  switch (name) {
    case 'string':
      return l10n.t({ message: 'text', comment: ['A JSON type, as in: "name" must be text, not 7.'] });
    case 'number':
      return l10n.t({ message: 'a number', comment: ['A JSON type, as in: "cadenceDays" must be a number, not "14".'] });
    case 'boolean':
      return l10n.t({ message: 'true or false', comment: ['A JSON type, as in: "private" must be true or false, not "yes".'] });
    case 'Object':
      return l10n.t({ message: 'an object', comment: ['A JSON type, as in: "author" must be an object, not "Dana".'] });
    case 'Array':
      return l10n.t({ message: 'a list', comment: ['A JSON type, as in: "tags" must be a list, not an object.'] });
    default:
      return name;
  }
}

/** "string" → "text"; a union ("Object | null") → "an object or null". */
function typeNames(names: string): string {
  const parts = names.split(' | ').map(typeName);
  return parts.reduce((all, part) =>
    l10n.t({ message: '{0} or {1}', args: [all, part], comment: ['Alternatives in a schema sentence: "a number or null".'] }),
  );
}

/** One sentence for a valibot issue, naming the field by its dot path (none: the whole file). */
export function issueSentence(issue: v.BaseIssue<unknown>, field: string | undefined): string {
  const message = issue.message;
  if (issue.received === 'undefined') return field ? l10n.t('"{0}" is missing.', field) : l10n.t('Is missing.');
  // valibot's own messages start with "Invalid …"; ours (model.ts) read as the end of a sentence.
  if (!message.startsWith('Invalid')) {
    const own = field ? FIELD_SENTENCES[message]?.(field) : undefined;
    if (own) return own;
    const atMost = AT_MOST.exec(message);
    if (field && atMost) return l10n.t('"{0}" must be at most {1} characters.', field, Number(atMost[1]));
    const items = AT_MOST_ITEMS.exec(message);
    if (field && items) return atMostItems(field, Number(items[1]), items[2]);
    const oneOf = ONE_OF.exec(message);
    if (field && oneOf?.[1]) return l10n.t('"{0}" must be one of {1}.', field, oneOf[1]);
    // A message without a sentence here (a new rule in model.ts): English, still one sentence.
    return `${field ? `"${field}" ` : ''}${message}.`.replace(/^./, (c) => c.toUpperCase());
  }
  const expected = issue.expected === null ? l10n.t('something else') : typeNames(issue.expected);
  const received = typeNames(issue.received);
  if (issue.kind === 'schema')
    return field ? l10n.t('"{0}" must be {1}, not {2}.', field, expected, received) : l10n.t('Must be {0}, not {1}.', expected, received);
  // valibot's message ("Invalid length: Expected <=5 but received 6") says what is wrong, in its terms.
  return field ? l10n.t('"{0}" is invalid: {1}.', field, message) : l10n.t('Is invalid: {0}.', message);
}

function atMostItems(field: string, count: number, what: string | undefined): string {
  switch (what) {
    case 'tags':
      return l10n.t('"{0}" must have at most {1} tags.', field, count);
    case 'partners':
      return l10n.t('"{0}" must name at most {1} partners.', field, count);
    case 'departments':
      return l10n.t('"{0}" must name at most {1} departments.', field, count);
    default:
      return l10n.t('"{0}" must name at most {1} teammates.', field, count);
  }
}
