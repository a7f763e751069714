// Core's messages (store problems, write refusals, file reasons, import errors) follow the bundle
// @vscode/l10n is given, here the committed pseudo-localised one, as the extension gives VS Code's;
// while the files teammates share (reports, the CLI's digest) stay English with the same bundle set.
import { strict as assert } from 'node:assert';
import { promises as fsp, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { printParseErrorCode } from 'jsonc-parser';
import * as v from 'valibot';
import { parseCsv } from '../../src/core/csv';
import { setDisplayLocale } from '../../src/core/dates';
import { configureL10n } from '../../src/core/l10nConfig';
import { computeDigest, formatDigest } from '../../src/core/digest';
import { gitOperationInProgress } from '../../src/core/gitState';
import { humanise, jsonErrorReason } from '../../src/core/jsonText';
import { storeReport } from '../../src/core/markdownReport';
import { nodeFileSystem } from '../../src/core/nodeFileSystem';
import { readRecord } from '../../src/core/recordReader';
import { issueSentence } from '../../src/core/schemaIssues';
import { computeDashboard } from '../../src/core/stats/dashboard';
import { dashboardReport } from '../../src/core/stats/report';
import { StoreWriteError } from '../../src/core/store';
import { resolveStorePath } from '../../src/core/storePath';
import { parseVCards } from '../../src/core/vcard';
import { statCheckInOf } from '../../src/core/stats/input';
import { ADA, checkInRecord, makeStore, makeTempDir, newId, partnerRecord, pretty, removeTempDir, writeFile } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
const pseudo = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.qps-ploc.json'), 'utf8')) as Record<string, string>;
const english = (message: string, ...args: (string | number)[]) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

/** The pseudo-localised message with its {0}… filled; fails when the message is not in the bundle. */
function t(message: string, ...args: (string | number)[]): string {
  const text = pseudo[message];
  assert.ok(text, `no pseudo translation of "${message}": is it wrapped in l10n.t and the bundle regenerated?`);
  assert.notEqual(text, message);
  return english(text, ...args);
}

const bytes = (text: string) => Buffer.from(text, 'utf8');
const reasonOf = (result: ReturnType<typeof readRecord>) => (result.ok ? assert.fail('expected a problem') : result.problem.reason);

/** The rule messages of model.ts and its schema files (valibot's second arguments), read from their source. */
function modelRuleMessages(): string[] {
  const source = ['model.ts', 'schemaParts.ts', 'initiativeModel.ts', 'concernModel.ts']
    .map((file) => readFileSync(path.join(ROOT, 'src', 'core', file), 'utf8'))
    .join('\n');
  const fixed = [...source.matchAll(/, '((?:must|is) [^']+)'\)/g)].map((m) => m[1] ?? '');
  const templated = [...source.matchAll(/, `((?:must|is) [^`]+)`\)/g)].map((m) =>
    (m[1] ?? '')
      .replace(/\$\{max\}/g, '200')
      .replace(/\$\{MAX_[A-Z_]+\}/g, '50')
      .replace(/\$\{STORE_FORMAT\}/g, 'alliances')
      .replace(/\$\{[A-Z_]+\.join\(', '\)\}/g, 'a, b'),
  );
  return [...new Set([...fixed, ...templated])];
}

describe('core messages in the display language (the pseudo-localised bundle)', () => {
  let dir: string | undefined;

  before(() => configureL10n(pseudo));
  after(async () => {
    // Back to English for every other test file (no bundle, as in Node and the CLI).
    configureL10n({});
    setDisplayLocale(undefined);
    await removeTempDir(dir);
  });

  it('record files: empty, conflicted, not JSON, not UTF-8, wrong id, newer schema', () => {
    const id = newId();
    assert.equal(reasonOf(readRecord('partner', bytes(' \n'), id)), t('File is empty.'));
    assert.equal(
      reasonOf(readRecord('partner', bytes('{\n<<<<<<< HEAD\n}\n'), id)),
      t('File has git conflict markers: resolve the merge, then save.'),
    );
    assert.equal(reasonOf(readRecord('partner', bytes('{"name": }'), id)), t('File is not valid JSON: value expected.'));
    assert.equal(
      reasonOf(readRecord('partner', bytes('{"a": 1, "a": 2}'), id)),
      t('File has the key {0} twice in the same object.', '"a"'),
    );
    assert.equal(
      reasonOf(readRecord('partner', Buffer.from([0xff, 0xfe, 0x7b, 0x00]), id)),
      t('File is UTF-16 (it starts with a UTF-16 byte order mark); store files must be UTF-8.'),
    );
    assert.equal(reasonOf(readRecord('partner', Buffer.from([0x7b, 0xc3, 0x28, 0x7d]), id)), t('File is not valid UTF-8.'));
    const other = newId();
    assert.equal(
      reasonOf(readRecord('partner', bytes(pretty(partnerRecord(other))), id)),
      t('"id" is {0} but the file name says {1}.', JSON.stringify(other), JSON.stringify(id)),
    );
    assert.equal(
      reasonOf(readRecord('partner', bytes(pretty({ ...partnerRecord(id), schemaVersion: 99, name: 7 })), id)),
      t('Written by a newer version of Alliances (schema {0}); update the extension to read it.', 99),
    );
  });

  it('schema problems are one sentence per rule, naming the field', () => {
    const id = newId();
    assert.equal(
      reasonOf(readRecord('partner', bytes(pretty({ ...partnerRecord(id), name: ' ' })), id)),
      t('"{0}" must not be empty.', 'name'),
    );
    assert.equal(
      reasonOf(readRecord('partner', bytes(pretty({ ...partnerRecord(id), department: undefined })), id)),
      t('"{0}" is missing.', 'department'),
    );
    // JSON types by the names a person editing the file knows, in their language; values as written.
    const text = t('text/A JSON type, as in: "name" must be text, not 7.');
    assert.equal(
      reasonOf(readRecord('partner', bytes(pretty({ ...partnerRecord(id), name: 7 })), id)),
      t('"{0}" must be {1}, not {2}.', 'name', text, '7'),
    );
    assert.equal(
      reasonOf(readRecord('partner', bytes(pretty({ ...partnerRecord(id), name: ['Dana'] })), id)),
      t('"{0}" must be {1}, not {2}.', 'name', text, t('a list/A JSON type, as in: "tags" must be a list, not an object.')),
    );
    const checkInId = newId();
    assert.equal(
      reasonOf(readRecord('checkIn', bytes(pretty(checkInRecord(checkInId, id, { kind: 'lunch' }))), checkInId)),
      t('"{0}" must be one of {1}.', 'kind', 'one-on-one, help-me, ad-hoc, async'),
    );
    assert.equal(
      reasonOf(readRecord('partner', bytes(pretty({ ...partnerRecord(id), snoozedUntil: '2026-02-30' })), id)),
      t('"{0}" is not a real date.', 'snoozedUntil'),
    );
  });

  it('every rule message of model.ts has its own sentence (English: the field, then the rule)', () => {
    const messages = modelRuleMessages();
    assert.ok(messages.length >= 8, `found only ${messages.length} rule messages in model.ts`);
    for (const message of messages) {
      const issue = {
        kind: 'validation',
        type: 'custom',
        input: 'x',
        expected: null,
        received: '"x"',
        message,
      } as unknown as v.BaseIssue<unknown>;
      const sentence = issueSentence(issue, 'field');
      configureL10n({});
      const inEnglish = issueSentence(issue, 'field');
      configureL10n(pseudo);
      assert.equal(inEnglish, `"field" ${message}.`, 'English reads as before');
      assert.notEqual(sentence, inEnglish, `"${message}" has no sentence in schemaIssues.ts`);
    }
  });

  it('every JSON syntax error has its own sentence, the same English as jsonc-parser says', () => {
    for (let code = 1; code <= 16; code++) {
      const sentence = jsonErrorReason(code);
      assert.equal(sentence, t(`File is not valid JSON: ${humanise(printParseErrorCode(code))}.`), String(code));
    }
  });

  it("the store: a broken file's problem, and writes it refuses", async () => {
    dir = await makeTempDir('alliances-l10n-core-');
    const root = path.join(dir, '.alliances');
    const store = makeStore(root);
    await store.initialize();
    const brokenId = newId();
    await writeFile(root, `partners/broken-${brokenId}.json`, '');
    await store.load();
    assert.deepEqual(
      store.problems().map((problem) => problem.reason),
      [t('File is empty.')],
    );
    const missing = newId();
    await assert.rejects(
      store.addCheckIn({ partnerId: missing, kind: 'async', summary: 'x' }),
      (error: unknown) =>
        error instanceof StoreWriteError && error.message === t('No partner with id {0}; the check-in was not saved.', missing),
    );
    await assert.rejects(
      store.updatePartner(missing, { role: 'x' }),
      (error: unknown) => error instanceof StoreWriteError && error.message === t('No partner with id {0} in {1}.', missing, root),
    );
    await assert.rejects(
      store.addPartner({ name: ' ', department: 'Sales' }),
      (error: unknown) => error instanceof StoreWriteError && error.message === t('Not saved: {0}', t('"{0}" must not be empty.', 'name')),
    );
  });

  it('git busy, the store path setting, CSV and vCard errors', async () => {
    const repo = await makeTempDir('alliances-l10n-git-');
    try {
      await fsp.mkdir(path.join(repo, '.git'));
      await fsp.writeFile(path.join(repo, '.git', 'MERGE_HEAD'), 'x');
      assert.equal(
        await gitOperationInProgress(nodeFileSystem, repo),
        t('A merge is in progress in {0}; finish or abort it, then try again.', repo),
      );
    } finally {
      await removeTempDir(repo);
    }
    const refused = resolveStorePath('/work/folder', '../elsewhere', true);
    assert.equal(
      refused.ok ? '' : refused.reason,
      t('The store path "{0}" resolves outside the workspace folder {1}; using {2} instead.', '../elsewhere', '/work/folder', '.alliances'),
    );
    assert.throws(() => parseCsv('a,b\n1,"open\n'), { message: t('Line {0}: a quoted field is not closed', 2) });
    assert.throws(() => parseVCards('BEGIN:VCARD\nFN:A\n'), { message: t('Line {0}: a card is not closed (END:VCARD missing)', 1) });
  });

  it('files teammates share stay English: the dashboard report (slipping reasons too), the Markdown report, the digest', async () => {
    setDisplayLocale('de');
    const partner = {
      ...partnerRecord(newId(), { name: 'Bea', department: 'Design', snoozedUntil: undefined }),
      createdAt: new Date(2026, 0, 5).toISOString(),
    } as never;
    const checkIns = [
      [8, 1, 5],
      [9, 1, 3],
      [10, 1, 2],
    ].map(([month = 1, date = 1, rating]) => {
      const when = new Date(2026, month - 1, date, 10);
      return statCheckInOf(
        { ...checkInRecord(newId(), (partner as { id: string }).id, { rating, date: when.toISOString() }), author: ADA } as never,
        false,
      );
    });
    const data = computeDashboard(
      { partners: [partner], checkIns, asks: [], cadence: 14, now: new Date(2026, 10, 21, 15) },
      {},
      { siloDays: 45 },
    );
    const [slipping] = data.health.slipping;
    assert.ok(slipping);
    const englishWhy = english('Ratings down {0} points; cadence missed twice in a row (by {1} and {2} days)', '2.5', 16, 37);
    assert.equal(
      slipping.why,
      t('Ratings down {0} points; cadence missed twice in a row (by {1} and {2} days)', '2.5', 16, 37),
      'the page: display language',
    );
    const report = dashboardReport(data);
    assert.ok(report.includes(`- **Bea** (Design): ${englishWhy}.`), report);
    assert.ok(!report.includes(slipping.why), 'no pseudo-localised text in the report');

    const root = path.join(dir ?? (await makeTempDir('alliances-l10n-core-')), 'shared', '.alliances');
    const store = makeStore(root);
    await store.initialize();
    const dana = await store.addPartner({ name: 'Dana', department: 'Product' });
    await store.updatePartner(dana.value.id, { snoozedUntil: '2026-12-02' });
    const options = { now: new Date(2026, 10, 21, 9), defaultCadenceDays: 14, siloDays: 45 };
    const markdown = storeReport(store, options);
    assert.ok(markdown.includes('snoozed until Dec 2'), markdown);
    const digest = formatDigest(computeDigest(store, options));
    assert.ok(
      !/[\u0100-\uffff]/.test(markdown.replace(/[—–·→…]/g, '')) && !/[\u0100-\uffff]/.test(digest.replace(/[—–·→…]/g, '')),
      'nothing pseudo-localised or German',
    );
  });
});
