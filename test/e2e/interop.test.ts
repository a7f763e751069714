// Import and export as a user does them in the real workbench: the commands from the palette, the web
// workbench's open and save dialogs (quick inputs that take a path), the column step and the preview,
// then the tree, the notifications and the files on disk. Runs on its own copy of the demo workspace.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { partnersCsv } from '../../src/core/exports';
import type { Partner } from '../../src/core/model';
import { nodeFileSystem } from '../../src/core/nodeFileSystem';
import { Store } from '../../src/core/store';
import { createDemoWorkspace } from '../fixtures/demoStore';
import { repoRoot } from '../harness/codeServer';
import { recordCounts } from '../reliability/counts';
import { openWorkbench, type Workbench } from './workbench';

const vsix = process.env.ALLIANCES_VSIX ?? path.join(repoRoot, 'dist', 'alliances.vsix');

/** Every file of the workspace but git's own (VS Code's git may refresh its index), as bytes. */
function snapshot(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of fs.readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    if (name === '.git' || name.startsWith(`.git${path.sep}`)) continue;
    const file = path.join(folder, name);
    if (fs.statSync(file).isFile()) files.set(name, fs.readFileSync(file).toString('base64'));
  }
  return files;
}

function partnerFiles(store: string): Partner[] {
  const dir = path.join(store, 'partners');
  return fs.readdirSync(dir).map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Partner);
}

describe('Import and export in the real workbench', function () {
  let wb: Workbench;
  let workspace: string;
  let store: string;
  /** A real export from Outlook: an update, an addition, duplicates and bad rows (test/fixtures/import). */
  let outlook: string;
  /** vCard 4.0 as Apple Contacts or Outlook export it: one new person, one known by name with a new email. */
  let vcards: string;
  /** A team's own spreadsheet: its "Topics" column is what each person leads, which no guess can know. */
  let sheet: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-e2e-interop-'));
    await createDemoWorkspace(workspace);
    store = path.join(workspace, '.alliances');
    fs.mkdirSync(path.join(workspace, 'contacts'));
    outlook = path.join(workspace, 'contacts', 'outlook.csv');
    fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'import', 'outlook.csv'), outlook);
    vcards = path.join(workspace, 'contacts', 'contacts-v4.vcf');
    fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'import', 'contacts-v4.vcf'), vcards);
    sheet = path.join(workspace, 'contacts', 'partners-sheet.csv');
    fs.writeFileSync(
      sheet,
      [
        'Person,Team,Job,Mail,Topics',
        'Ines Duarte,Legal,Privacy Counsel,ines@example.com,GDPR; Contracts',
        'Dana Whitfield,Product,Director of Product,dana@example.com,Roadmap; Billing',
      ].join('\r\n') + '\r\n',
    );
    wb = await openWorkbench({ workspace, vsix });
    await wb.page.locator('.activitybar .action-item:has(a[aria-label^="Alliances"])').click();
    await treeRow('Dana Whitfield').waitFor({ state: 'visible' });
    // The demo always has partners due: the start-up reminder would cover the screenshots.
    await wb.waitForNotification('due for a check-in');
    await wb.runCommand('Notifications: Clear All Notifications');
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed')
      await wb?.screenshot(`debug-interop-${(this.currentTest.title.split(' ')[0] ?? '').replace(/\W/g, '')}`).catch(() => undefined);
    // A failed test must not leave its quick input open for the next one.
    const input = wb?.page.locator('.quick-input-widget input');
    if (await input?.isVisible()) await input?.press('Escape');
  });

  after(async () => {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  const treeRow = (name: string) =>
    wb.page.locator('.pane:has(.pane-header[aria-label^="Partners"]) .monaco-list-row').filter({ hasText: name }).first();
  const titled = (title: string) =>
    wb.page
      .locator('.quick-input-widget')
      .filter({ has: wb.page.locator('.quick-input-title', { hasText: title }) })
      .waitFor({ state: 'visible' });
  /** Each row of the open quick pick as a screen reader reads it: icon, label, description, detail, group. */
  const rows = async () =>
    (
      await wb.page
        .locator('.quick-input-list .monaco-list-row')
        .evaluateAll((elements) => elements.map((row) => row.getAttribute('aria-label') ?? ''))
    ).map((row) => row.replace(/\s+/g, ' '));

  it('shows the preview of an Outlook file, and Escape there leaves every byte as it was', async () => {
    const before = snapshot(workspace);
    await wb.runCommand('Alliances: Import Partners from CSV or vCard…');
    await wb.fileDialog(outlook);
    await titled('Import Partners: columns (1/2)');
    const columns = await rows();
    assert.ok(columns.includes('Name, ← "First Name" + "Last Name", Columns'), columns.join('\n'));
    assert.ok(columns.includes('Role, ← "Job Title", e.g. VP of Product'), columns.join('\n'));
    assert.ok(columns.includes('Email, ← "E-mail Address", e.g. dana@example.com'), columns.join('\n'));
    await wb.quickPick('Continue to the preview');
    await titled('Import Partners from outlook.csv: preview (2/2)');
    assert.deepEqual(await rows(), [
      'add Zoë Ångström, Sales, EMEA · Account Executive, zoe.angstrom@example.com · line 4, Add (1)',
      // The file's Company column is their organisation, which the demo's partners do not have yet.
      'edit Dana Whitfield, same email, role: Director of Product → VP of Product, organisation: Acme · line 2, Update (3)',
      'edit Priya Raman, same name, organisation: Acme · line 3',
      'edit Kwame Mensah, same email, organisation: Acme · line 6',
      'circle-slash Zoë Ångström, duplicate of line 4 in this file, line 9, Skipped: duplicates (1)',
      'error (no name), no name, line 7, Cannot be imported (2)',
      'error Björn Nilsson, "bjorn(at)example.com" is not an email address, line 8',
    ]);
    // Only what will be written is ticked.
    assert.equal(await wb.page.locator('.quick-input-list .monaco-list-row[aria-checked="true"]').count(), 4);
    await wb.page.mouse.move(1390, 880);
    await wb.screenshot('import-preview');

    await wb.quickInputPress('Escape');
    await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    assert.deepEqual(snapshot(workspace), before, 'no file was added, removed or changed');
    recordCounts('e2e-import-cancelled', {
      bytesChecked: [...before.values()].reduce((sum, base64) => sum + Buffer.from(base64, 'base64').length, 0),
      bytesLost: 0,
    });
    assert.equal(await treeRow('Zoë Ångström').count(), 0);
    assert.equal(await wb.page.locator('.notifications-toasts').filter({ hasText: 'imported from' }).count(), 0);
  });

  it('imports a spreadsheet after the user maps its Topics column to Leads: one added, one updated', async () => {
    await wb.runCommand('Alliances: Import Partners from CSV or vCard…');
    await wb.fileDialog(sheet);
    await titled('Import Partners: columns (1/2)');
    assert.ok((await rows()).includes('Leads, not imported'));
    await wb.quickPick('Leads');
    await titled('Import Partners: which column is Leads?');
    await wb.quickPick('Topics');
    await titled('Import Partners: columns (1/2)');
    assert.ok((await rows()).includes('Leads, ← "Topics", e.g. GDPR; Contracts'));
    await wb.quickPick('Continue to the preview');
    await titled('Import Partners from partners-sheet.csv: preview (2/2)');
    assert.deepEqual(await rows(), [
      'add Ines Duarte, Legal · Privacy Counsel, ines@example.com · line 2, Add (1)',
      'edit Dana Whitfield, same email, leads: Roadmap, Pricing → Roadmap, Pricing, Billing · line 3, Update (1)',
    ]);
    await wb.quickInputAccept();
    await wb.waitForNotification('Alliances: imported from partners-sheet.csv: 1 added, 1 updated.');

    await treeRow('Ines Duarte').waitFor({ state: 'visible' });
    assert.match(await treeRow('Ines Duarte').innerText(), /no check-in yet/);
    const partners = partnerFiles(store);
    const ines = partners.find((p) => p.name === 'Ines Duarte');
    assert.ok(ines, 'her file is on disk');
    const { id, createdAt, updatedAt, author, ...fields } = ines;
    assert.deepEqual(fields, {
      schemaVersion: 1,
      name: 'Ines Duarte',
      role: 'Privacy Counsel',
      department: 'Legal',
      email: 'ines@example.com',
      leads: ['GDPR', 'Contracts'],
    });
    assert.match(id, /^[0-9a-z]{26}$/);
    assert.equal(createdAt, updatedAt);
    assert.ok(author.name);
    const file = fs.readdirSync(path.join(store, 'partners')).find((name) => name.includes(id));
    assert.match(file ?? '', /^ines-duarte-[0-9a-z]{26}\.json$/);
    assert.deepEqual(
      partners.find((p) => p.name === 'Dana Whitfield')?.leads,
      ['Roadmap', 'Pricing', 'Billing'],
      'leads are added to, never replaced',
    );
    assert.equal(partners.find((p) => p.name === 'Dana Whitfield')?.role, 'Director of Product');
  });

  it('imports vCards straight to the preview (no columns to map): one added, one given an email', async () => {
    await wb.runCommand('Alliances: Import Partners from CSV or vCard…');
    await wb.fileDialog(vcards);
    await titled('Import Partners from contacts-v4.vcf: preview (2/2)');
    assert.deepEqual(await rows(), [
      'add Jürgen Müller, Nordwind GmbH · Account Manager, juergen.mueller@example.de · line 1, Add (1)',
      'edit Leo Tanaka, same name, email: leo@example.com, organisation: Acme · line 11, Update (1)',
    ]);
    await wb.quickInputAccept();
    await wb.waitForNotification('Alliances: imported from contacts-v4.vcf: 1 added, 1 updated.');
    await treeRow('Jürgen Müller').waitFor({ state: 'visible' });
    const partners = partnerFiles(store);
    const { id, createdAt, updatedAt, author, ...fields } =
      partners.find((p) => p.name === 'Jürgen Müller') ?? assert.fail('his file is on disk');
    assert.deepEqual(fields, {
      schemaVersion: 1,
      name: 'Jürgen Müller',
      role: 'Account Manager',
      department: 'Nordwind GmbH',
      organisation: 'Nordwind GmbH',
      email: 'juergen.mueller@example.de',
    });
    assert.ok(id && createdAt && updatedAt && author.name);
    assert.equal(partners.find((p) => p.name === 'Leo Tanaka')?.email, 'leo@example.com');
  });

  it('exports the partners as CSV through the save dialog, byte for byte what the store holds', async () => {
    const target = path.join(workspace, 'partners-export.csv');
    await wb.runCommand('Alliances: Export Partners as CSV…');
    await titled('Export Partners as CSV');
    // The dialog suggests a file in the workspace folder; the user picks another name.
    const suggested = path.join(workspace, 'alliances-partners.csv');
    await wb.page.waitForFunction(
      (value) => document.querySelector<HTMLInputElement>('.quick-input-widget input')?.value === value,
      suggested,
    );
    await wb.fileDialog(target);
    await wb.waitForNotification('Alliances: exported to partners-export.csv.');

    const written = fs.readFileSync(target, 'utf8');
    const onDisk = new Store({ root: store, fs: nodeFileSystem, author: () => Promise.resolve({ name: 'test' }) });
    await onDisk.load();
    assert.equal(written, partnersCsv(onDisk, { now: new Date(), defaultCadenceDays: 14 }));
    const lines = written.split('\r\n');
    assert.equal(lines[0], 'Name,Role,Department,Email,Cadence (days),Leads,Organisation,Tags,Last check-in,Next due,Status,Id');
    assert.equal(
      lines.filter((line) => line.startsWith('Ines Duarte,Privacy Counsel,Legal,ines@example.com,14,GDPR; Contracts,,')).length,
      1,
      written,
    );
    assert.equal(
      lines.filter((line) => line.startsWith('Dana Whitfield,Director of Product,Product,dana@example.com,14,Roadmap; Pricing; Billing,'))
        .length,
      1,
      written,
    );
    assert.equal(fs.existsSync(path.join(workspace, 'alliances-partners.csv')), false, 'nothing written where the dialog first pointed');
  });
});
