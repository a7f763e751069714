// Import parsing and planning on real-world-looking files: an Outlook CSV export (BOM, CRLF, quoted
// commas and newlines), a German Excel CSV (semicolons, umlauts), a Google Contacts CSV, vCard 3.0 and 4.0.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { detectSeparator, parseCsv } from '../../src/core/csv';
import {
  candidatesFromCsv,
  candidatesFromVCards,
  describeChange,
  guessMapping,
  planImport,
  type Candidate,
} from '../../src/core/importPartners';
import type { Partner } from '../../src/core/model';
import { parseProperty, parseVCards, unescapeValue, VCardError } from '../../src/core/vcard';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/import');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

function partner(fields: Partial<Partner> & { name: string; department: string }): Partner {
  return {
    schemaVersion: 1,
    id: '01kaj3m5x2q8v9c0b1n2d3e4f5',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    author: { name: 'Ada' },
    ...fields,
  };
}

const summary = (candidates: Candidate[]) => candidates.map((c) => [c.line, c.name, c.department, c.role, c.email]);

describe('import from CSV', () => {
  it('guesses the columns of an Outlook export and joins first and last names', () => {
    const rows = parseCsv(fixture('outlook.csv'));
    const mapping = guessMapping(rows[0]?.fields ?? []);
    assert.deepEqual(mapping, { department: 3, role: 4, email: 5, organisation: 2 });
    assert.deepEqual(summary(candidatesFromCsv(rows, mapping)), [
      [2, 'Dana Whitfield', 'Product', 'VP of Product', 'dana@example.com'],
      [3, 'Priya Raman', 'Design', 'Staff Product Designer', undefined],
      [4, 'Zoë Ångström', 'Sales, EMEA', 'Account Executive', 'zoe.angstrom@example.com'],
      [6, 'Kwame Mensah', 'Customer Success', 'Customer Success Lead', 'KWAME@example.com'],
      [7, '', 'Support', undefined, 'nobody@example.com'],
      [8, 'Björn Nilsson', 'Data', 'Analyst', 'bjorn(at)example.com'],
      [9, 'Zoë Ångström', 'Sales, EMEA', 'Account Executive', 'zoe.angstrom@example.com'],
    ]);
  });

  it("reads a German Excel file: semicolons, a quoted semicolon, umlauts, and the user's own mapping", () => {
    const text = fixture('excel-de.csv');
    assert.equal(detectSeparator(text), ';');
    const rows = parseCsv(text);
    const guessed = guessMapping(rows[0]?.fields ?? []);
    assert.deepEqual(guessed, { name: 0, department: 1, role: 2, email: 3, cadenceDays: 4 });
    const candidates = candidatesFromCsv(rows, { ...guessed, role: undefined });
    assert.deepEqual(
      candidates.map((c) => [c.name, c.department, c.role, c.cadenceDays]),
      [
        ['Müller; Jürgen', 'Vertrieb', undefined, '21'],
        ['Søren Kierkegaard', 'Forschung', undefined, 'abc'],
        ['François Lefèvre', 'Marketing', undefined, '30'],
      ],
    );
  });

  it('guesses a Google Contacts export (Organization 1 - Title, E-mail 1 - Value)', () => {
    const rows = parseCsv(fixture('google-contacts.csv'));
    const mapping = guessMapping(rows[0]?.fields ?? []);
    assert.equal(mapping.name, 0);
    assert.equal(mapping.role, 4);
    assert.equal(mapping.department, 5);
    assert.equal(mapping.organisation, 3);
    assert.equal(mapping.email, 7);
    assert.deepEqual(summary(candidatesFromCsv(rows, mapping))[0], [2, 'Leo Tanaka', 'Data', 'Data Science Manager', 'leo@example.com']);
  });

  it('undoes the formula guard of our own CSV export', () => {
    const rows = parseCsv("Name,Department\n'=Eve,'@Ops\n");
    assert.deepEqual(
      candidatesFromCsv(rows, { name: 0, department: 1 }).map((c) => [c.name, c.department]),
      [['=Eve', '@Ops']],
    );
  });
});

describe('import from vCard', () => {
  it('reads vCard 3.0: folded lines, several emails (PREF first), escaped characters, ORG unit as department', () => {
    const contacts = parseVCards(fixture('contacts-v3.vcf'));
    assert.equal(contacts.length, 3);
    assert.deepEqual(contacts[0], {
      line: 1,
      name: 'Hannah Okafor',
      emails: ['hannah.okafor@example.com', 'hannah@home.example'],
      org: ['Acme Corp', 'Support'],
      title: 'Support Operations Manager',
      note: 'Escalations, Sev2; runbook\nnext quarter',
    });
    assert.equal(contacts[1]?.title, 'Product Marketing Manager for the Northern Europe and Baltic markets (interim)');
    assert.deepEqual(contacts[1]?.emails, ['sofia.lindqvist@example.com', 'sofia@example.com']);
    assert.deepEqual(contacts[1]?.org, ['Acme Corp', 'Product Marketing, EMEA']);
    assert.deepEqual(summary(candidatesFromVCards(contacts)), [
      [1, 'Hannah Okafor', 'Support', 'Support Operations Manager', 'hannah.okafor@example.com'],
      [
        11,
        'Sofia Lindqvist',
        'Product Marketing, EMEA',
        'Product Marketing Manager for the Northern Europe and Baltic markets (interim)',
        'sofia.lindqvist@example.com',
      ],
      [22, '', 'Acme Corp', undefined, 'someone@example.com'],
    ]);
  });

  it('reads vCard 4.0: PREF=1, mailto: values, grouped properties, non-ASCII names, N when FN is missing', () => {
    const candidates = candidatesFromVCards(parseVCards(fixture('contacts-v4.vcf')));
    assert.deepEqual(summary(candidates), [
      [1, 'Jürgen Müller', 'Nordwind GmbH', 'Account Manager', 'juergen.mueller@example.de'],
      [11, 'Leo Tanaka', 'Data', 'Data Science Manager', 'leo@example.com'],
    ]);
  });

  it('parses parameters with quotes and unescapes \\n \\, \\; \\\\', () => {
    const property = parseProperty('item1.EMAIL;TYPE="work,internet";PREF=1:a\\,b@example.com');
    assert.equal(property?.name, 'EMAIL');
    assert.deepEqual(property?.params.get('TYPE'), ['work,internet']);
    assert.equal(unescapeValue('a\\nb\\,c\\;d\\\\e'), 'a\nb,c;d\\e');
  });

  it('reports a card that is never closed, with its line', () => {
    assert.throws(
      () => parseVCards('BEGIN:VCARD\r\nFN:A\r\n'),
      (error: unknown) => error instanceof VCardError && error.line === 1,
    );
    assert.throws(
      () => parseVCards('BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nEND:VCARD\n'),
      (error: unknown) => error instanceof VCardError && error.line === 3,
    );
  });
});

describe('the import plan', () => {
  // Of Acme, as the Outlook file's Company column says: the organisation brings nothing new.
  const existing = [
    partner({
      name: 'Dana Whitfield',
      department: 'Product',
      role: 'Director of Product',
      email: 'dana@example.com',
      organisation: 'Acme',
    }),
    partner({ name: 'Priya Raman', department: 'Design', role: 'Staff Product Designer', organisation: 'ACME' }),
    partner({
      organisation: 'Acme',
      name: 'Kwame Mensah',
      department: 'Customer Success',
      role: 'Customer Success Lead',
      email: 'kwame@example.com',
      leads: ['Renewals'],
    }),
  ];

  it('adds new people, updates known ones (by email, else by name), skips duplicates and lists bad rows with the reason', () => {
    const rows = parseCsv(fixture('outlook.csv'));
    const plan = planImport(candidatesFromCsv(rows, guessMapping(rows[0]?.fields ?? [])), existing);
    assert.deepEqual(
      plan.add.map((a) => a.partner),
      [
        {
          name: 'Zoë Ångström',
          department: 'Sales, EMEA',
          role: 'Account Executive',
          email: 'zoe.angstrom@example.com',
          organisation: 'Acme',
        },
      ],
    );
    assert.deepEqual(
      plan.update.map((u) => [u.candidate.line, u.existing.name, u.matchedBy, u.change]),
      [[2, 'Dana Whitfield', 'email', { role: 'VP of Product' }]],
    );
    assert.equal(describeChange(existing[0], plan.update[0]?.change ?? {}), 'role: Director of Product → VP of Product');
    assert.deepEqual(
      plan.skip.map((s) => [s.candidate.line, s.reason]),
      [
        [3, 'already there (same name): Priya Raman'],
        [6, 'already there (same email): Kwame Mensah'],
        [9, 'duplicate of line 4 in this file'],
      ],
    );
    assert.deepEqual(
      plan.invalid.map((i) => [i.candidate.line, i.reason]),
      [
        [7, 'no name'],
        [8, '"bjorn(at)example.com" is not an email address'],
      ],
    );
  });

  it('checks cadences, needs a department for new partners, adds leads without losing the old ones', () => {
    const plan = planImport(
      [
        { line: 2, name: 'Søren', department: 'Research', cadenceDays: 'abc' },
        { line: 3, name: 'Nadia', cadenceDays: '21' },
        { line: 4, name: 'KWAME  MENSAH', leads: ['renewals', 'Onboarding'] },
        { line: 5, name: 'Dana Whitfield', email: 'dana.w@other.example', department: 'Product' },
      ],
      existing,
    );
    assert.deepEqual(
      plan.invalid.map((i) => [i.candidate.line, i.reason]),
      [
        [2, 'cadence "abc" is not a whole number of days from 1 to 365'],
        [3, 'no department (map a column to Department)'],
      ],
    );
    assert.deepEqual(
      plan.update.map((u) => [u.existing.name, u.change]),
      [['Kwame Mensah', { leads: ['Renewals', 'Onboarding'] }]],
    );
    // Same name, different email on both sides: another person.
    assert.deepEqual(
      plan.add.map((a) => a.partner.email),
      ['dana.w@other.example'],
    );
    assert.equal(planImport([{ line: 3, name: 'Nadia' }], existing, 'Sales').add[0]?.partner.department, 'Sales');
  });
});

describe('import of organisations and tags', () => {
  it('reads vCard ORG as the organisation and CATEGORIES as tags (one word each)', () => {
    const contacts = parseVCards(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:Jonas Berg',
        'ORG:Northwind Cloud;Partner Management',
        'CATEGORIES:vendor,Launch Q1',
        'CATEGORIES:exec',
        'EMAIL:jonas@northwind.example',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
    const [jonas] = candidatesFromVCards(contacts);
    assert.equal(jonas?.organisation, 'Northwind Cloud');
    assert.equal(jonas?.department, 'Partner Management');
    assert.deepEqual(jonas?.tags, ['vendor', 'Launch-Q1', 'exec']);
    const plan = planImport(candidatesFromVCards(contacts), []);
    assert.equal(plan.add[0]?.partner.organisation, 'Northwind Cloud');
    assert.deepEqual(plan.add[0]?.partner.tags, ['vendor', 'Launch-Q1', 'exec']);
  });

  it('reads Company and Labels columns, and reads back its own export (Organisation, Tags)', () => {
    const rows = parseCsv('Name,Company,Department,Labels\nAisha,Acme,Security,* myContacts ::: Exec ::: launch q1\n');
    const mapping = guessMapping(rows[0]?.fields ?? []);
    assert.deepEqual(mapping, { name: 0, organisation: 1, department: 2, tags: 3 });
    const [aisha] = candidatesFromCsv(rows, mapping);
    assert.deepEqual([aisha?.organisation, aisha?.tags], ['Acme', ['Exec', 'launch', 'q1']]);
    const own = parseCsv('Name,Role,Department,Email,Cadence (days),Leads,Organisation,Tags\nJo,,Vendor,,45,,Northwind,exec vendor\n');
    const ownMapping = guessMapping(own[0]?.fields ?? []);
    assert.equal(ownMapping.organisation, 6);
    assert.equal(ownMapping.tags, 7);
    assert.deepEqual(candidatesFromCsv(own, ownMapping)[0]?.tags, ['exec', 'vendor']);
  });

  it('updates an organisation, adds new tags without losing the old ones, and refuses tags that are too long', () => {
    const existing = [partner({ name: 'Jonas Berg', department: 'Vendor', organisation: 'Northwind', tags: ['vendor'] })];
    const plan = planImport(
      [
        { line: 2, name: 'Jonas Berg', organisation: 'Northwind Cloud', tags: ['VENDOR', 'exec'] },
        { line: 3, name: 'Long Tag', department: 'Sales', tags: ['x'.repeat(61)] },
        { line: 4, name: 'Long Org', department: 'Sales', organisation: 'o'.repeat(201) },
      ],
      existing,
    );
    assert.deepEqual(plan.update[0]?.change, { organisation: 'Northwind Cloud', tags: ['vendor', 'exec'] });
    assert.deepEqual(
      plan.invalid.map((i) => i.candidate.line),
      [3, 4],
    );
    assert.match(
      describeChange(existing[0], plan.update[0]?.change ?? {}),
      /organisation: Northwind → Northwind Cloud, tags: vendor → vendor, exec/,
    );
  });
});
