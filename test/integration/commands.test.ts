import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CheckIn, Partner } from '../../src/core/model';
import type { Loaded } from '../../src/core/store';
import type { AlliancesInternals as AlliancesApi } from '../../src/extension/testInternals';
import { Reminders, type ReminderAction } from '../../src/extension/reminders/reminders';
import { api, bundleLoaded, listFiles, renderTree, storeRoot, waitFor } from './helpers';

// Runs in order against one workspace: from an empty folder to a store with partners and check-ins.
describe('Alliances commands in a real VS Code', function () {
  let alliances: AlliancesApi;
  let dana: Loaded<Partner>;
  let lee: Loaded<Partner>;

  before(async () => {
    alliances = await api();
  });

  it('registers every command of package.json, all in the Alliances category', async () => {
    const manifest = vscode.extensions.getExtension('alliances.alliances')!.packageJSON as {
      contributes: { commands: { command: string; category: string }[] };
    };
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.filter((c) => !registered.has(c.command)).map((c) => c.command);
    assert.deepEqual(missing, []);
    assert.ok(manifest.contributes.commands.every((c) => c.category === 'Alliances'));
    assert.ok(manifest.contributes.commands.length >= 12);
  });

  it('starts with no store: an empty tree (the welcome view shows) and no status bar item', async () => {
    assert.equal(alliances.service.folders().length, 1);
    assert.equal(alliances.service.folders()[0].store.exists, false);
    assert.deepEqual(await renderTree(alliances), []);
    assert.equal(alliances.statusBar.update(), 0);
    assert.equal(alliances.treeView.badge, undefined);
  });

  it('Initialize Store creates the manifest, folders and .gitignore', async () => {
    const root = await vscode.commands.executeCommand<string>('alliances.initializeStore');
    assert.equal(root, storeRoot());
    const manifest = JSON.parse(await fs.readFile(path.join(storeRoot(), 'alliances.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(manifest.format, 'alliances');
    assert.equal(manifest.schemaVersion, 1);
    assert.match(await fs.readFile(path.join(storeRoot(), '.gitignore'), 'utf8'), /^private\/$/m);
  });

  it('Add Partner writes one file per partner, attributed to the git author of the workspace', async () => {
    dana = (await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', {
      name: 'Dana Whitfield',
      role: 'Director of Product',
      department: 'Product',
      email: 'dana@example.com',
      cadenceDays: 14,
    }))!;
    lee = (await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', { name: 'Lee Chen', department: 'Sales' }))!;
    assert.ok(dana && lee, 'both partners returned');
    assert.match(path.basename(dana.path), /^dana-whitfield-[0-9a-z]{26}\.json$/);
    const onDisk = JSON.parse(await fs.readFile(dana.path, 'utf8')) as Partner;
    assert.equal(onDisk.name, 'Dana Whitfield');
    assert.equal(onDisk.department, 'Product');
    assert.deepEqual(onDisk.author, { name: 'Alliances Tests', email: 'tests@alliances.invalid' });
    assert.ok(!Number.isNaN(Date.parse(onDisk.createdAt)));
  });

  it('shows partners grouped by department, due now, with a badge and a status bar count', async () => {
    const items = await renderTree(alliances);
    assert.deepEqual(
      items.map((i) => `${i.depth}:${i.label}`),
      ['0:Product', '1:Dana Whitfield', '0:Sales', '1:Lee Chen'],
    );
    const danaItem = items.find((i) => i.label === 'Dana Whitfield')!;
    assert.equal(danaItem.description, 'no check-in yet · Director of Product');
    assert.equal(danaItem.contextValue, 'partner.active');
    assert.match(danaItem.tooltip, /Product · every 14 days/);
    assert.equal(alliances.statusBar.update(), 2);
    assert.equal(alliances.statusBar.item.text, '$(organization) 2');
    assert.equal(alliances.treeView.badge?.value, 2);
  });

  it('Log Check-in writes checkins/<year>/<id>.json and the tree updates at once', async () => {
    const checkIn = await vscode.commands.executeCommand<Loaded<CheckIn>>('alliances.logCheckIn', dana.value.id, {
      kind: 'help-me',
      rating: 4,
      summary: 'She needs estimates earlier',
    });
    assert.ok(checkIn);
    assert.equal(
      path.relative(storeRoot(), checkIn.path).split(path.sep).join('/'),
      `checkins/${new Date().getFullYear()}/${checkIn.value.id}.json`,
    );
    const onDisk = JSON.parse(await fs.readFile(checkIn.path, 'utf8')) as CheckIn;
    assert.equal(onDisk.partnerId, dana.value.id);
    assert.equal(onDisk.kind, 'help-me');
    assert.equal(onDisk.rating, 4);
    assert.equal(onDisk.author.name, 'Alliances Tests');
    const item = (await renderTree(alliances)).find((i) => i.label === 'Dana Whitfield')!;
    assert.equal(item.description, 'due in 14 days · Director of Product');
    assert.match(item.tooltip, /She needs estimates earlier/);
    assert.equal(alliances.treeView.badge?.value, 1);
  });

  it('a tree item as argument pre-selects the partner (the inline action)', async () => {
    const node = (await renderTree(alliances)).find((i) => i.label === 'Lee Chen')!.node;
    const checkIn = await vscode.commands.executeCommand<Loaded<CheckIn>>('alliances.logCheckIn', node, {
      kind: 'ad-hoc',
      summary: 'Coffee',
    });
    assert.equal(checkIn?.value.partnerId, lee.value.id);
    assert.equal(alliances.treeView.badge, undefined, 'nobody is due any more');
    assert.equal(alliances.statusBar.update(), 0);
  });

  it('Edit Partner changes the file and keeps fields it does not know', async () => {
    const raw = JSON.parse(await fs.readFile(dana.path, 'utf8')) as Record<string, unknown>;
    raw.favouriteTea = 'oolong'; // as a teammate on a newer version might add
    await fs.writeFile(dana.path, `${JSON.stringify(raw, null, 2)}\n`);
    await waitFor(
      'the watcher to read the outside edit',
      () => (alliances.service.findPartner(dana.value.id)?.view.record.value as Record<string, unknown>).favouriteTea === 'oolong',
    );
    await vscode.commands.executeCommand('alliances.editPartner', dana.value.id, { role: 'VP Product', cadenceDays: 7 });
    const onDisk = JSON.parse(await fs.readFile(dana.path, 'utf8')) as Record<string, unknown>;
    assert.equal(onDisk.role, 'VP Product');
    assert.equal(onDisk.cadenceDays, 7);
    assert.equal(onDisk.favouriteTea, 'oolong');
    assert.deepEqual(onDisk.updatedBy, { name: 'Alliances Tests', email: 'tests@alliances.invalid' });
  });

  it('Snooze Partner moves the due date and shows "snoozed until"', async () => {
    await vscode.commands.executeCommand('alliances.snoozePartner', lee.value.id, 40);
    const onDisk = JSON.parse(await fs.readFile(lee.path, 'utf8')) as Partner;
    assert.match(onDisk.snoozedUntil ?? '', /^\d{4}-\d{2}-\d{2}$/);
    const item = (await renderTree(alliances)).find((i) => i.label === 'Lee Chen')!;
    assert.match(item.description, /^snoozed until [A-Z][a-z]{2} \d{1,2}/);
    await vscode.commands.executeCommand('alliances.snoozePartner', lee.value.id, null);
    assert.equal((JSON.parse(await fs.readFile(lee.path, 'utf8')) as Partner).snoozedUntil, undefined);
  });

  it('Group by Due Status switches the grouping and back', async () => {
    await vscode.commands.executeCommand('alliances.groupByStatus');
    assert.deepEqual(
      (await renderTree(alliances)).filter((i) => i.depth === 0).map((i) => i.label),
      ['Due this week', 'Later'],
    );
    await vscode.commands.executeCommand('alliances.groupByDepartment');
    assert.deepEqual(
      (await renderTree(alliances)).filter((i) => i.depth === 0).map((i) => i.label),
      ['Product', 'Sales'],
    );
  });

  it('Archive hides a partner (never due); Show Archived and Unarchive bring it back', async () => {
    await vscode.commands.executeCommand('alliances.archivePartner', lee.value.id);
    assert.equal((JSON.parse(await fs.readFile(lee.path, 'utf8')) as Partner).archived, true);
    assert.ok(!(await renderTree(alliances)).some((i) => i.label === 'Lee Chen'));
    await vscode.commands.executeCommand('alliances.showArchived');
    const archived = (await renderTree(alliances)).find((i) => i.label === 'Lee Chen')!;
    assert.equal(archived.description, 'archived');
    assert.equal(archived.contextValue, 'partner.archived');
    await vscode.commands.executeCommand('alliances.hideArchived');
    await vscode.commands.executeCommand('alliances.unarchivePartner', lee.value.id);
    assert.ok((await renderTree(alliances)).some((i) => i.label === 'Lee Chen'));
    assert.equal((JSON.parse(await fs.readFile(lee.path, 'utf8')) as Partner).archived, undefined);
  });

  it('Go to Partner reveals and selects the partner in the tree, and opens their page (the first: its bundle loads now)', async () => {
    assert.equal(bundleLoaded('partnerPage.js'), false, 'no partner page was opened before');
    await vscode.commands.executeCommand('workbench.view.extension.alliances');
    const id = await vscode.commands.executeCommand<string>('alliances.goToPartner', lee.value.id);
    assert.equal(id, lee.value.id);
    await waitFor('the selection', () =>
      alliances.treeView.selection.some((node) => node.type === 'partner' && node.view.record.value.id === lee.value.id),
    );
    assert.ok(bundleLoaded('partnerPage.js'));
    const page = alliances.partnerPages.get(lee.value.id);
    assert.ok(page, 'the page is open');
    await waitFor('the page to ask for its data', () => page.lastData?.partner.name === 'Lee Chen', 15_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the page to close', () => !alliances.partnerPages.get(lee.value.id));
  });

  it('Open File opens the partner record in an editor', async () => {
    await vscode.commands.executeCommand('alliances.openPartnerFile', dana.value.id);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, dana.path);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Open Store Folder and Refresh run without error; Refresh reports every partner', async () => {
    await vscode.commands.executeCommand('alliances.openStoreFolder');
    assert.equal(await vscode.commands.executeCommand<number>('alliances.refresh'), 2);
  });

  it("reminds with one combined notification, never two at a time; Snooze All and Don't Show Again work", async () => {
    const kim = await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', { name: 'Kim Park', department: 'Design' });
    assert.ok(kim);
    const expected = 'Alliances: 1 partner is due for a check-in: Kim Park (no check-in yet).';
    assert.equal(alliances.reminders.message(), expected);
    assert.equal(alliances.reminders.remind(), expected, 'the real notification is shown');

    // A second instance with a notify we control, to answer the notification.
    const shown: string[] = [];
    let answer: (action: ReminderAction | undefined) => void = () => undefined;
    const memory = new Map<string, unknown>();
    const memento = {
      keys: () => [...memory.keys()],
      get: (key: string) => memory.get(key),
      update: (key: string, value: unknown) => Promise.resolve(void memory.set(key, value)),
    } as unknown as vscode.Memento;
    const reminders = new Reminders(alliances.service, memento, (message) => {
      shown.push(message);
      return new Promise((resolve) => (answer = resolve));
    });
    assert.equal(reminders.remind(), expected);
    assert.equal(reminders.remind(), undefined, 'never a second one while the first is open');
    answer(undefined);
    await waitFor('the first reminder to close', () => reminders.remind());
    assert.equal(shown.length, 2);

    answer('Snooze All 1 Day');
    await waitFor('Kim to be snoozed', () => reminders.message() === undefined);
    assert.equal((JSON.parse(await fs.readFile(kim.path, 'utf8')) as Partner).snoozedUntil?.length, 10);
    assert.equal(alliances.statusBar.update(), 0);

    await vscode.commands.executeCommand('alliances.snoozePartner', kim.value.id, null);
    assert.equal(reminders.remind(), expected);
    answer("Don't Show Again");
    await waitFor('the choice to be remembered', () => memento.get('alliances.reminders.dontShowAgain') === true);
    assert.equal(reminders.remind(), undefined, "nothing after Don't Show Again");
    assert.equal(shown.length, 3);
    reminders.dispose();
  });

  it('leaves only store files behind: no temporary files', async () => {
    const files = await listFiles(storeRoot());
    assert.ok(
      files.every((f) => !f.endsWith('.tmp')),
      files.join(', '),
    );
    assert.ok(files.includes('alliances.json'));
    assert.equal(files.filter((f) => f.startsWith('partners/')).length, 3);
  });
});
