// The JSON Schemas contributed through jsonValidation (for hand edits in VS Code's JSON editor) must
// agree with the valibot models the store reads with: every file the store writes is valid, and a
// hand-broken record is rejected by both, at the same path.
import { strict as assert } from 'node:assert';
import { readFileSync, promises as fsp } from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { minimatch } from 'minimatch';
import * as v from 'valibot';
import { type RecordKind } from '../../src/core/vocabulary';
import { SCHEMAS } from '../../src/core/model';
import { roleOf } from '../../src/core/storeLayout';
import { createDemoStore } from '../fixtures/demoStore';
import { listFiles, makeTempDir, removeTempDir } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { jsonValidation: { fileMatch: string[]; url: string }[] };
};
const SCHEMA_FILES: Record<RecordKind, string> = {
  manifest: 'manifest.schema.json',
  partner: 'partner.schema.json',
  checkIn: 'checkIn.schema.json',
  talkingPoint: 'talkingPoint.schema.json',
  followUp: 'followUp.schema.json',
  ask: 'ask.schema.json',
  note: 'note.schema.json',
  connection: 'connection.schema.json',
  initiative: 'initiative.schema.json',
  stance: 'stance.schema.json',
  concern: 'concern.schema.json',
  vote: 'vote.schema.json',
};

// strict: unknown keywords are errors, except VS Code's own message keyword.
const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addKeyword('patternErrorMessage');
const validators = Object.fromEntries(
  Object.entries(SCHEMA_FILES).map(([kind, file]) => [
    kind,
    ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas', file), 'utf8')) as object),
  ]),
) as Record<RecordKind, ValidateFunction>;

function schemaErrors(kind: RecordKind, value: unknown): string[] {
  const validate = validators[kind];
  return validate(value)
    ? []
    : (validate.errors ?? []).map((error) =>
        error.keyword === 'required' ? `${error.instancePath}/${String(error.params['missingProperty'])}` : error.instancePath,
      );
}

function modelErrors(kind: RecordKind, value: unknown): string[] {
  const result = v.safeParse(SCHEMAS[kind], value);
  return result.success ? [] : result.issues.map((issue) => `/${(issue.path ?? []).map((item) => String(item.key)).join('/')}`);
}

/** The schema that VS Code would pick for a store-relative path, through the contributed fileMatch globs. */
function schemaFor(relative: string): string[] {
  const full = `/home/me/project/.alliances/${relative}`;
  return manifest.contributes.jsonValidation
    .filter((entry) => entry.fileMatch.some((glob) => minimatch(full, glob, { dot: true })))
    .map((entry) => entry.url);
}

describe('JSON Schemas for hand edits', () => {
  let dir: string | undefined;
  let files: { relative: string; kind: RecordKind; value: unknown }[] = [];

  before(async () => {
    dir = await makeTempDir();
    const store = await createDemoStore(dir, new Date(2026, 10, 21, 9, 30));
    // The demo has no private records: add one of each private kind.
    const partner = store.partners()[0]?.value.id ?? '';
    const secret = await store.addCheckIn({ partnerId: partner, kind: 'one-on-one', summary: 'Private', private: true });
    await store.create('note', { checkInId: secret.value.id, notes: '# Mine\nonly' });
    await store.create('talkingPoint', { partnerId: partner, text: 'Private point' }, { private: true });
    await store.create('followUp', { partnerId: partner, text: 'Private follow-up', owner: 'me' }, { private: true });
    await store.create('ask', { partnerId: partner, direction: 'i-asked', text: 'Private ask', status: 'open' }, { private: true });
    // A group check-in with present teammates, and a private connection.
    const [first, second] = store.partners().map((p) => p.value.id);
    await store.addCheckIn({
      partnerId: first ?? '',
      partnerIds: [second ?? ''],
      present: [{ name: 'Sam Lee', email: 'sam@example.com' }],
      kind: 'one-on-one',
      summary: 'Product trio',
    });
    await store.create('connection', { fromId: first ?? '', toId: second ?? '', kind: 'mentors' }, { private: true });
    const root = path.join(dir, '.alliances');
    for (const relative of await listFiles(root)) {
      const role = roleOf(relative);
      if (role)
        files.push({ relative, kind: role.kind, value: JSON.parse(await fsp.readFile(path.join(root, relative), 'utf8')) as unknown });
    }
  });

  after(async () => {
    await removeTempDir(dir);
    files = [];
  });

  it('are valid schemas for every record kind, and each is contributed', () => {
    const urls = manifest.contributes.jsonValidation.map((entry) => entry.url).sort();
    assert.deepEqual(
      urls,
      Object.values(SCHEMA_FILES)
        .map((file) => `./schemas/${file}`)
        .sort(),
    );
  });

  it('describe exactly the fields of the valibot models, so completion offers every field', () => {
    for (const [kind, file] of Object.entries(SCHEMA_FILES) as [RecordKind, string][]) {
      const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', file), 'utf8')) as {
        properties: Record<string, unknown>;
        required: string[];
      };
      const model = SCHEMAS[kind].entries as Record<string, { type: string }>;
      assert.deepEqual(Object.keys(schema.properties).sort(), Object.keys(model).sort(), kind);
      const required = Object.entries(model)
        .filter(([, entry]) => entry.type !== 'optional')
        .map(([name]) => name);
      assert.deepEqual([...schema.required].sort(), required.sort(), `${kind} required`);
    }
  });

  it('accept every file of the demo store, shared and private, of every kind', () => {
    const kinds = new Set(files.map((file) => file.kind));
    assert.deepEqual([...kinds].sort(), Object.keys(SCHEMA_FILES).sort());
    assert.ok(files.length > 30, `${files.length} files`);
    for (const file of files) {
      assert.deepEqual(schemaErrors(file.kind, file.value), [], file.relative);
      assert.deepEqual(modelErrors(file.kind, file.value), [], file.relative);
    }
  });

  it('are picked by fileMatch for exactly the files the store reads, one schema each', () => {
    for (const file of files) assert.deepEqual(schemaFor(file.relative), [`./schemas/${SCHEMA_FILES[file.kind]}`], file.relative);
    for (const stray of ['notes.json', 'partners/sub/x.json', 'checkins/x.json', 'notes/x.json', 'private/partners/x.json']) {
      assert.deepEqual(schemaFor(stray), [], stray);
    }
  });

  it('keep fields they do not know (a teammate on a newer version)', () => {
    for (const file of files) {
      const value = { ...(file.value as object), futureField: { nested: [1, 2] } };
      assert.deepEqual(schemaErrors(file.kind, value), [], file.relative);
      assert.deepEqual(modelErrors(file.kind, value), [], file.relative);
    }
  });

  const find = (kind: RecordKind, pick: (value: Record<string, unknown>) => boolean = () => true) => {
    const file = files.find((candidate) => candidate.kind === kind && pick(candidate.value as Record<string, unknown>));
    assert.ok(file, kind);
    return structuredClone(file.value) as Record<string, unknown>;
  };

  const broken: [string, RecordKind, (value: Record<string, unknown>) => void, string, ((value: Record<string, unknown>) => boolean)?][] = [
    ['a partner without a name', 'partner', (value) => delete value['name'], '/name'],
    ['a partner with an empty department', 'partner', (value) => (value['department'] = ''), '/department'],
    ['a cadence of zero days', 'partner', (value) => (value['cadenceDays'] = 0), '/cadenceDays'],
    ['a cadence that is not a whole number', 'partner', (value) => (value['cadenceDays'] = 2.5), '/cadenceDays'],
    ['a snooze date that is not a date', 'partner', (value) => (value['snoozedUntil'] = '2. Dezember'), '/snoozedUntil'],
    ['an id with capitals', 'partner', (value) => (value['id'] = '01KAJ3M5X2Q8V9C0B1N2D3E4F5'), '/id'],
    ['an author without a name', 'partner', (value) => (value['author'] = { email: 'x@example.com' }), '/author/name'],
    ['a rating of 7', 'checkIn', (value) => (value['rating'] = 7), '/rating'],
    ['an unknown kind of check-in', 'checkIn', (value) => (value['kind'] = 'lunch'), '/kind'],
    ['a check-in date without a time', 'checkIn', (value) => (value['date'] = '2026-11-21'), '/date'],
    ['a check-in without a partner', 'checkIn', (value) => delete value['partnerId'], '/partnerId'],
    [
      'a talking point line 0',
      'talkingPoint',
      (value) => ((value['source'] as Record<string, unknown>)['startLine'] = 0),
      '/source/startLine',
      (value) => value['source'] !== undefined,
    ],
    [
      'a talking point outside the workspace',
      'talkingPoint',
      (value) => ((value['source'] as Record<string, unknown>)['path'] = '../secrets.txt'),
      '/source/path',
      (value) => value['source'] !== undefined,
    ],
    ['a follow-up owned by nobody known', 'followUp', (value) => (value['owner'] = 'boss'), '/owner'],
    ['a follow-up due "soon"', 'followUp', (value) => (value['due'] = 'soon'), '/due'],
    ['an ask in a third direction', 'ask', (value) => (value['direction'] = 'we-asked'), '/direction'],
    ['an ask with a status in capitals', 'ask', (value) => (value['status'] = 'Open'), '/status'],
    ['notes that are not text', 'note', (value) => (value['notes'] = 42), '/notes'],
    ['a manifest of another format', 'manifest', (value) => (value['format'] = 'contacts'), '/format'],
    ['a team cadence of 400 days', 'manifest', (value) => (value['defaults'] = { cadenceDays: 400 }), '/defaults/cadenceDays'],
    [
      'more than 50 code areas',
      'partner',
      (value) => (value['codeAreas'] = Array.from({ length: 51 }, (_, index) => `src/${index}/`)),
      '/codeAreas',
    ],
    ['a schema version of 0', 'manifest', (value) => (value['schemaVersion'] = 0), '/schemaVersion'],
  ];
  for (const [title, kind, breakIt, where, pick] of broken) {
    it(`reject ${title} at ${where}, as the store does`, () => {
      const value = find(kind, pick);
      breakIt(value);
      assert.deepEqual([...new Set(schemaErrors(kind, value))], [where]);
      assert.deepEqual([...new Set(modelErrors(kind, value))], [where]);
    });
  }
});
