// Import (preview, then confirm) and the Export commands in a real VS Code. Self-contained: the people
// it imports have names no other suite uses, so it runs alone (ALLIANCES_TEST_GREP=Interop) or with all.
import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ImportResult } from '../../src/extension/interop/importPartners';
import type { AlliancesInternals as AlliancesApi } from '../../src/extension/testInternals';
import { api, listFiles, storeRoot, waitFor } from './helpers';

async function snapshot(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const file of await listFiles(storeRoot())) files.set(file, (await fs.readFile(path.join(storeRoot(), file))).toString('base64'));
  return files;
}

describe('Interop: import and export in a real VS Code', function () {
  let alliances: AlliancesApi;
  let dir: string;
  const partnerNamed = (name: string) =>
    alliances.service.allViews().find((item) => item.view.record.value.name === name)?.view.record.value;

  before(async () => {
    alliances = await api();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'alliances-interop-'));
    await vscode.commands.executeCommand('alliances.initializeStore');
  });
  // A failed test must not leave its quick pick open for the next one.
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeQuickOpen'));
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('imports a CSV with arguments: three new partners, each in its own file', async () => {
    const file = path.join(dir, 'first.csv');
    await fs.writeFile(
      file,
      '\uFEFFFull Name;Team;Job Title;E-mail\r\nImre Kovács;Finance;Controller;imre@example.com\r\n"Ngozi Eze";"Legal; Privacy";Counsel;ngozi@example.com\r\nTariq Haddad;Facilities;;\r\n',
    );
    const result = await vscode.commands.executeCommand<ImportResult>('alliances.importPartners', undefined, { uri: file, select: 'all' });
    assert.deepEqual(result.added, ['Imre Kovács', 'Ngozi Eze', 'Tariq Haddad']);
    assert.deepEqual(result.failed, []);
    const ngozi = await waitFor('Ngozi in the store', () => partnerNamed('Ngozi Eze'));
    assert.equal(ngozi.department, 'Legal; Privacy');
    assert.equal(ngozi.role, 'Counsel');
    const onDisk = JSON.parse(await fs.readFile(alliances.service.findPartner(ngozi.id)?.view.record.path ?? '', 'utf8')) as {
      email: string;
    };
    assert.equal(onDisk.email, 'ngozi@example.com');
  });

  const second = () =>
    [
      'Name,Department,Role,Email',
      'Imre Kovács,Finance,Head of Controlling,IMRE@example.com', // update by email
      'ngozi eze,"Legal; Privacy",Counsel,', // duplicate by name, nothing new
      ',Finance,Clerk,clerk@example.com', // no name
      'Wanjiru Kamau,"Operations,\nEast Africa",Director,wanjiru@example.com', // new, a newline in a quoted field
      'Pavel Novák,Sales,AE,pavel(at)example.com', // bad email
    ].join('\r\n') + '\r\n';

  it('a dry run reports the plan and writes nothing, byte for byte', async () => {
    const file = path.join(dir, 'second.csv');
    await fs.writeFile(file, second());
    const before = await snapshot();
    const result = await vscode.commands.executeCommand<ImportResult>('alliances.importPartners', undefined, { uri: file, select: 'none' });
    assert.deepEqual(result.plan, {
      add: ['Wanjiru Kamau (line 5)'],
      update: ['Imre Kovács (line 2): role: Controller → Head of Controlling'],
      skip: ['ngozi eze (line 3): already there (same name): Ngozi Eze'],
      invalid: ['(no name) (line 4): no name', 'Pavel Novák (line 7): "pavel(at)example.com" is not an email address'],
    });
    assert.deepEqual(result.added, []);
    assert.deepEqual(await snapshot(), before);
  });

  it('shows the columns, then a preview grouped by what will happen; Enter writes the ticked rows', async () => {
    const file = path.join(dir, 'second.csv');
    const running = vscode.commands.executeCommand<ImportResult | undefined>('alliances.importPartners', undefined, { uri: file });
    // Step 1: the columns, with "Continue" highlighted.
    await waitFor('the columns step', () => alliances.importPreview.stage === 'columns');
    assert.equal(alliances.importPreview.current, undefined, 'no preview before the columns are confirmed');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const items = await waitFor('the preview', () => alliances.importPreview.current);
    assert.deepEqual(
      items.map((item) => [item.label, item.description ?? '', item.action ?? '', item.picked === true]),
      [
        ['Add (1)', '', '', false],
        ['$(add) Wanjiru Kamau', 'Operations, East Africa · Director', 'add', true],
        ['Update (1)', '', '', false],
        ['$(edit) Imre Kovács', 'same email', 'update', true],
        ['Skipped: duplicates (1)', '', '', false],
        ['$(circle-slash) ngozi eze', 'already there (same name): Ngozi Eze', 'skip', false],
        ['Cannot be imported (2)', '', '', false],
        ['$(error) (no name)', 'no name', 'invalid', false],
        ['$(error) Pavel Novák', '"pavel(at)example.com" is not an email address', 'invalid', false],
      ].map(([label, description, action, picked]) => [label, description, action, picked]),
    );
    assert.equal(partnerNamed('Wanjiru Kamau'), undefined, 'nothing written before confirming');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const result = await running;
    assert.deepEqual(result?.added, ['Wanjiru Kamau']);
    assert.deepEqual(result?.updated, ['Imre Kovács']);
    const wanjiru = await waitFor('Wanjiru in the store', () => partnerNamed('Wanjiru Kamau'));
    assert.equal(wanjiru.department, 'Operations,\nEast Africa');
    assert.equal(partnerNamed('Imre Kovács')?.role, 'Head of Controlling');
    assert.equal(partnerNamed('Imre Kovács')?.email, 'imre@example.com', 'the email is the same (case aside): kept');
  });

  it('imports vCards after the preview; closing the preview writes nothing', async () => {
    const file = path.join(dir, 'cards.vcf');
    await fs.writeFile(
      file,
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Yuki Sato',
        'ORG:Acme;Quality Assurance',
        'TITLE:QA Lead',
        'EMAIL;TYPE=WORK:yuki@exam',
        ' ple.com',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
    const before = await snapshot();
    const cancelled = vscode.commands.executeCommand<ImportResult | undefined>('alliances.importPartners', undefined, { uri: file });
    await waitFor('the preview', () => alliances.importPreview.current);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await cancelled, undefined);
    assert.deepEqual(await snapshot(), before);

    const running = vscode.commands.executeCommand<ImportResult | undefined>('alliances.importPartners', undefined, { uri: file });
    const items = await waitFor('the preview', () => alliances.importPreview.current);
    assert.deepEqual(
      items.map((item) => item.label),
      ['Add (1)', '$(add) Yuki Sato'],
    );
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.deepEqual((await running)?.added, ['Yuki Sato']);
    const yuki = await waitFor('Yuki in the store', () => partnerNamed('Yuki Sato'));
    assert.deepEqual([yuki.department, yuki.role, yuki.email], ['Quality Assurance', 'QA Lead', 'yuki@example.com']);
  });

  it('says which file is not UTF-8 and imports nothing', async () => {
    const file = path.join(dir, 'latin1.csv');
    await fs.writeFile(file, Buffer.from('Name,Department\nJos\xe9,Sales\n', 'latin1'));
    const before = await snapshot();
    const result = await vscode.commands.executeCommand<ImportResult | undefined>('alliances.importPartners', undefined, {
      uri: file,
      select: 'all',
    });
    assert.equal(result, undefined);
    assert.deepEqual(await snapshot(), before);
  });

  it('exports partners as CSV, due check-ins as iCalendar and a Markdown report to the given files', async () => {
    const csv = vscode.Uri.file(path.join(dir, 'out', 'partners.csv'));
    const ics = vscode.Uri.file(path.join(dir, 'out', 'due.ics'));
    const md = vscode.Uri.file(path.join(dir, 'out', 'imre.md'));
    assert.equal((await vscode.commands.executeCommand<vscode.Uri>('alliances.exportPartnersCsv', undefined, csv)).fsPath, csv.fsPath);
    const csvText = await fs.readFile(csv.fsPath, 'utf8');
    assert.ok(csvText.startsWith('Name,Role,Department,Email,Cadence (days),Leads,Organisation,Tags,Last check-in,Next due,Status,Id\r\n'));
    assert.match(
      csvText,
      /\r\n"Wanjiru Kamau",Director,"Operations,\nEast Africa",wanjiru@example\.com,|\r\nWanjiru Kamau,Director,"Operations,\nEast Africa",wanjiru@example\.com,/,
    );

    await vscode.commands.executeCommand('alliances.exportCalendar', undefined, ics);
    const icsText = await fs.readFile(ics.fsPath, 'utf8');
    assert.ok(icsText.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Alliances//Alliances '));
    const imre = partnerNamed('Imre Kovács');
    assert.ok(imre);
    assert.ok(icsText.includes(`UID:checkin-${imre.id}@alliances\r\n`), 'a new partner is due today: on the calendar');
    assert.ok(icsText.includes('SUMMARY:Check-in: Imre Kovács\r\n'));

    await vscode.commands.executeCommand('alliances.exportReport', imre.id, md);
    const report = await fs.readFile(md.fsPath, 'utf8');
    assert.ok(report.startsWith('# Imre Kovács\n\nHead of Controlling · Finance · every '), report.slice(0, 120));
    assert.match(report, /## Check-ins\n\nNone yet\.\n$/);
  });
});
