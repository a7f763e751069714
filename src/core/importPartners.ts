// Import partners from CSV or vCard: rows become candidates, candidates are checked against the store,
// and the plan says what would be added, updated, skipped as a duplicate, or cannot be imported (and
// why). Nothing here writes: the extension shows the plan and writes only what the user confirms.
import * as l10n from '@vscode/l10n';
import type { CsvRow } from './csv';
import type { Partner } from './model';
import type { PartnerChange } from './store';
import type { VCardContact } from './vcard';
import { normalTags } from './recordValues';
import { MAX_TAG_LENGTH, tagsProblem } from './tags';
import { MAX_TAGS } from './vocabulary';

export const IMPORT_FIELDS = ['name', 'role', 'department', 'email', 'cadenceDays', 'leads', 'organisation', 'tags'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** A field's name in the display language, for the column step and the preview. */
export function importFieldLabel(field: ImportField): string {
  switch (field) {
    case 'name':
      return l10n.t('Name');
    case 'role':
      return l10n.t('Role');
    case 'department':
      return l10n.t('Department');
    case 'email':
      return l10n.t('Email');
    case 'cadenceDays':
      return l10n.t('Cadence (days)');
    case 'leads':
      return l10n.t('Leads');
    case 'organisation':
      return l10n.t('Organisation');
    case 'tags':
      return l10n.t('Tags');
  }
}

/** Column index per field; a field without a column is left out. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

/** Header words that suggest each field, in order of preference (lower case, no punctuation). */
const HEADER_HINTS: Record<ImportField, string[]> = {
  name: ['name', 'full name', 'fullname', 'display name', 'contact', 'contact name', 'partner', 'person'],
  role: ['role', 'title', 'job title', 'position', 'job', 'rolle'],
  department: ['department', 'dept', 'abteilung', 'team', 'function', 'unit'],
  email: ['email', 'e mail', 'email address', 'e mail address', 'mail', 'primary email'],
  cadenceDays: ['cadence days', 'cadence', 'cadencedays', 'every days', 'frequency days', 'interval days', 'kadenz'],
  leads: ['leads', 'owns', 'responsible for', 'areas'],
  organisation: ['organisation', 'organization', 'company', 'org', 'firma', 'unternehmen', 'employer', 'account'],
  tags: ['tags', 'tag', 'categories', 'category', 'labels', 'label', 'groups'],
};

const normalise = (header: string) =>
  header
    .toLocaleLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Best guesses from the header row: an exact hint first, then a header containing one; each column used once. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const names = headers.map(normalise);
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  // "First name" and "Last name" never stand for a whole field: the name is put together from both.
  const halves = new Set(firstLastColumns(headers) ?? []);
  for (const exact of [true, false]) {
    for (const field of IMPORT_FIELDS) {
      if (mapping[field] !== undefined) continue;
      for (const hint of HEADER_HINTS[field]) {
        const index = names.findIndex(
          (name, column) => !used.has(column) && !halves.has(column) && (exact ? name === hint : looselyNamed(name, hint)),
        );
        if (index >= 0) {
          mapping[field] = index;
          used.add(index);
          break;
        }
      }
    }
  }
  return mapping;
}

/** "E-mail 1 - Value" is an email column; "E-mail 1 - Type" and "E-mail 1 - Label" are not. */
function looselyNamed(header: string, hint: string): boolean {
  return (header.split(' ').includes(hint) || header.startsWith(hint)) && !/ (type|label)$/.test(header);
}

export interface Candidate {
  /** Where it came from: "line 4" of a CSV, the card at line 12 of a vCard file. */
  line: number;
  name: string;
  role?: string;
  department?: string;
  email?: string;
  cadenceDays?: string;
  leads?: string[];
  organisation?: string;
  tags?: string[];
}

/** Undoes the quote mark our CSV export puts before a leading =, +, - or @ (formula defusing). */
const cell = (value: string | undefined) => (value ?? '').replace(/^'(?=[=+\-@])/, '').trim();

/** CSV rows (the header row first) to candidates, through the chosen mapping. */
export function candidatesFromCsv(rows: readonly CsvRow[], mapping: ColumnMapping): Candidate[] {
  const at = (row: CsvRow, field: ImportField) => (mapping[field] === undefined ? '' : cell(row.fields[mapping[field]]));
  const firstLast = firstLastColumns(rows[0]?.fields ?? []);
  return rows.slice(1).map((row) => {
    let name = at(row, 'name');
    if (!name && mapping.name === undefined && firstLast)
      name = [cell(row.fields[firstLast[0]]), cell(row.fields[firstLast[1]])].filter(Boolean).join(' ');
    const leads = at(row, 'leads');
    return {
      line: row.line,
      name,
      role: at(row, 'role') || undefined,
      department: at(row, 'department') || undefined,
      email: at(row, 'email') || undefined,
      cadenceDays: at(row, 'cadenceDays') || undefined,
      leads: leads
        ? leads
            .split(/[;,\n]/)
            .map((lead) => lead.trim())
            .filter(Boolean)
        : undefined,
      organisation: at(row, 'organisation') || undefined,
      tags: tagsOfCell(at(row, 'tags')),
    };
  });
}

/**
 * A CSV cell of tags: separated by spaces, commas, semicolons or Google's " ::: " (as typed in Add
 * Partner, and as the export writes them); Google's own labels ("* myContacts") are left out.
 */
export function tagsOfCell(cell: string): string[] | undefined {
  const tags = normalTags(cell.replace(/(^|:::)\s*\*[^:]*/g, '$1').split(/(?::::|[\s;,])+/u));
  return tags.length > 0 ? tags : undefined;
}

/**
 * Categories (vCard CATEGORIES, a CSV's "Labels" column) as tags, which are one word each: spaces become
 * hyphens ("Launch Q1" → "Launch-Q1"); Google's own labels ("* myContacts") are left out.
 */
export function tagsOfCategories(categories: readonly string[]): string[] | undefined {
  const tags = normalTags(categories.filter((c) => !c.trim().startsWith('*')).map((c) => c.trim().replace(/[\s,]+/gu, '-')));
  return tags.length > 0 ? tags : undefined;
}

/** "First name"/"Given name" and "Last name"/"Family name" columns, as exported by mail programs. */
export function firstLastColumns(headers: readonly string[]): [number, number] | undefined {
  const names = headers.map(normalise);
  const first = names.findIndex((name) => name === 'first name' || name === 'given name' || name === 'firstname');
  const last = names.findIndex((name) => name === 'last name' || name === 'family name' || name === 'surname' || name === 'lastname');
  return first >= 0 && last >= 0 ? [first, last] : undefined;
}

/**
 * vCards to candidates: TITLE is the role, ORG's first part the organisation and its unit (else the
 * organisation) the department, CATEGORIES the tags.
 */
export function candidatesFromVCards(contacts: readonly VCardContact[]): Candidate[] {
  return contacts.map((contact) => ({
    line: contact.line,
    name: contact.name ?? '',
    role: contact.title ?? contact.role,
    department: contact.org[contact.org.length - 1],
    email: contact.emails[0],
    ...(contact.org[0] ? { organisation: contact.org[0] } : {}),
    ...(contact.categories?.length ? { tags: tagsOfCategories(contact.categories) } : {}),
  }));
}

export interface PlannedAdd {
  candidate: Candidate;
  partner: {
    name: string;
    department: string;
    role?: string;
    email?: string;
    cadenceDays?: number;
    leads?: string[];
    organisation?: string;
    tags?: string[];
  };
}
export interface PlannedUpdate {
  candidate: Candidate;
  existing: Partner;
  change: PartnerChange;
  /** "by email" or "by name". */
  matchedBy: 'email' | 'name';
}
export interface PlannedSkip {
  candidate: Candidate;
  reason: string;
}
export interface Rejected {
  candidate: Candidate;
  reason: string;
}
export interface ImportPlan {
  add: PlannedAdd[];
  update: PlannedUpdate[];
  skip: PlannedSkip[];
  invalid: Rejected[];
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const key = (text: string) => text.normalize('NFC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();

/** Checks one candidate's values; returns the reason it cannot be imported, if any. */
function problemOf(candidate: Candidate): string | undefined {
  if (!candidate.name) return l10n.t('no name');
  if (candidate.name.length > 200) return l10n.t('the name is longer than {0} characters', 200);
  if (candidate.email && !EMAIL.test(candidate.email)) return l10n.t('"{0}" is not an email address', candidate.email);
  if (candidate.cadenceDays !== undefined) {
    const days = Number(candidate.cadenceDays);
    if (!Number.isInteger(days) || days < 1 || days > 365)
      return l10n.t('cadence "{0}" is not a whole number of days from 1 to 365', candidate.cadenceDays);
  }
  if ((candidate.role?.length ?? 0) > 200 || (candidate.department?.length ?? 0) > 100) return l10n.t('a role or department is too long');
  if ((candidate.organisation?.length ?? 0) > 200) return l10n.t('the organisation is longer than {0} characters', 200);
  const tags = tagsProblem(candidate.tags ?? []);
  if (tags && 'tooMany' in tags) return l10n.t('more than {0} tags', MAX_TAGS);
  if (tags && 'tooLong' in tags) return l10n.t('the tag "{0}" is longer than {1} characters', tags.tooLong.slice(0, 30), MAX_TAG_LENGTH);
  return undefined;
}

/**
 * Matches each candidate with the store's partners (by email, else by name; case and spacing ignored)
 * and with earlier rows of the same file. A match that brings something new is an update (names are
 * never changed, leads are added to); one that brings nothing new is skipped as a duplicate. A new
 * partner needs a department: `defaultDepartment` fills it in when given.
 */
export function planImport(candidates: readonly Candidate[], existing: readonly Partner[], defaultDepartment?: string): ImportPlan {
  const plan: ImportPlan = { add: [], update: [], skip: [], invalid: [] };
  const byEmail = new Map<string, Partner>();
  const byName = new Map<string, Partner>();
  for (const partner of existing) {
    if (partner.email) byEmail.set(key(partner.email), partner);
    if (!byName.has(key(partner.name))) byName.set(key(partner.name), partner);
  }
  const seenEmail = new Map<string, number>();
  const seenName = new Map<string, number>();
  for (const candidate of candidates) {
    const problem = problemOf(candidate);
    if (problem) {
      plan.invalid.push({ candidate, reason: problem });
      continue;
    }
    const emailKey = candidate.email ? key(candidate.email) : undefined;
    const earlier = emailKey !== undefined ? seenEmail.get(emailKey) : seenName.get(key(candidate.name));
    if (earlier !== undefined) {
      plan.skip.push({ candidate, reason: l10n.t('duplicate of line {0} in this file', earlier) });
      continue;
    }
    if (emailKey) seenEmail.set(emailKey, candidate.line);
    seenName.set(key(candidate.name), candidate.line);

    const byMail = emailKey ? byEmail.get(emailKey) : undefined;
    // A different email on a same-named partner is a different person only when both have one.
    const sameName = byName.get(key(candidate.name));
    const match = byMail ?? (sameName && !(emailKey && sameName.email && key(sameName.email) !== emailKey) ? sameName : undefined);
    if (!match) {
      const department = candidate.department ?? defaultDepartment;
      if (!department) {
        plan.invalid.push({ candidate, reason: l10n.t('no department (map a column to Department)') });
        continue;
      }
      plan.add.push({
        candidate,
        partner: {
          name: candidate.name,
          department,
          ...(candidate.role ? { role: candidate.role } : {}),
          ...(candidate.email ? { email: candidate.email } : {}),
          ...(candidate.cadenceDays ? { cadenceDays: Number(candidate.cadenceDays) } : {}),
          ...(candidate.leads?.length ? { leads: candidate.leads } : {}),
          ...(candidate.organisation ? { organisation: candidate.organisation } : {}),
          ...(candidate.tags?.length ? { tags: candidate.tags } : {}),
        },
      });
      continue;
    }
    const change = changeFor(match, candidate);
    const matchedBy = byMail ? 'email' : 'name';
    if (Object.keys(change).length === 0)
      plan.skip.push({
        candidate,
        reason:
          matchedBy === 'email'
            ? l10n.t('already there (same email): {0}', match.name)
            : l10n.t('already there (same name): {0}', match.name),
      });
    else plan.update.push({ candidate, existing: match, change, matchedBy });
  }
  return plan;
}

function changeFor(partner: Partner, candidate: Candidate): PartnerChange {
  const change: PartnerChange = {};
  if (candidate.role && candidate.role !== partner.role) change.role = candidate.role;
  if (candidate.department && candidate.department !== partner.department) change.department = candidate.department;
  if (candidate.email && key(candidate.email) !== key(partner.email ?? '')) change.email = candidate.email;
  if (candidate.cadenceDays && Number(candidate.cadenceDays) !== partner.cadenceDays) change.cadenceDays = Number(candidate.cadenceDays);
  const known = new Set((partner.leads ?? []).map(key));
  const added = (candidate.leads ?? []).filter((lead) => !known.has(key(lead)));
  if (added.length > 0) change.leads = [...(partner.leads ?? []), ...added];
  if (candidate.organisation && key(candidate.organisation) !== key(partner.organisation ?? ''))
    change.organisation = candidate.organisation;
  const knownTags = new Set((partner.tags ?? []).map(key));
  const newTags = (candidate.tags ?? []).filter((tag) => !knownTags.has(key(tag)));
  if (newTags.length > 0) change.tags = [...(partner.tags ?? []), ...newTags];
  return change;
}

/** "role: A → B, email: x" — what an update changes, for the preview. */
export function describeChange(partner: Partner, change: PartnerChange): string {
  return Object.entries(change)
    .map(([field, value]) => {
      const before = partner[field as keyof PartnerChange];
      const show = (item: unknown) => (Array.isArray(item) ? item.join(', ') : String(item));
      const name = importFieldLabel(field as ImportField).toLocaleLowerCase();
      return before === undefined ? `${name}: ${show(value)}` : `${name}: ${show(before)} → ${show(value)}`;
    })
    .join(', ');
}
