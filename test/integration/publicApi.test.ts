import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { Partner } from '../../src/core/model';
import type { Loaded } from '../../src/core/store';
import { COMMANDS } from '../../src/extension/ids';
import type { AlliancesInternals } from '../../src/extension/testInternals';
import { api, listFiles, publicApi, storeRoot, waitFor } from './helpers';

// What other extensions get from activate(): a small API, not the internals.
describe('the public API', function () {
  let alliances: AlliancesInternals;
  let kim: Loaded<Partner>;

  before(async () => {
    alliances = await api();
    kim = (await vscode.commands.executeCommand<Loaded<Partner>>(COMMANDS.addPartner, { name: 'Kim Api', department: 'Partnerships' }))!;
  });

  after(async () => {
    // Leaves the workspace as it found it: the partner and their check-ins go.
    const checkIns = alliances.service.findPartner(kim.value.id)?.entry.store.checkInsOf(kim.value.id) ?? [];
    for (const file of [kim.path, ...checkIns.map((checkIn) => checkIn.path)]) await fs.rm(file, { force: true });
    await vscode.commands.executeCommand(COMMANDS.refresh);
    await waitFor('the test partner to be gone', () => !alliances.service.findPartner(kim.value.id));
  });

  it('holds exactly the documented members, and none of the internals', async () => {
    const exported = await publicApi();
    assert.equal(exported.apiVersion, 1);
    assert.equal(typeof exported.whenReady, 'function');
    assert.equal(typeof exported.partners, 'function');
    assert.equal(typeof exported.onDidChange, 'function');
    assert.equal(typeof exported.logCheckIn, 'function');
    for (const key of ['service', 'tree', 'treeView', 'statusBar', 'reminders', 'dashboard', 'partnerPages', 'branches', 'importPreview']) {
      assert.equal((exported as unknown as Record<string, unknown>)[key], undefined, `${key} is not part of the API`);
    }
  });

  it('lists partners as plain data, with their due state', async () => {
    const exported = await publicApi();
    const info = exported.partners().find((partner) => partner.id === kim.value.id);
    assert.ok(info, 'the new partner is listed');
    assert.equal(info.name, 'Kim Api');
    assert.equal(info.department, 'Partnerships');
    assert.equal(info.archived, false);
    // Never checked in: due from the day they were added.
    assert.equal(info.due, true);
    assert.equal(info.lastCheckIn, undefined);
    assert.equal(info.folder, vscode.workspace.workspaceFolders![0].name);
  });

  it('logs a check-in that resets the cadence and fires onDidChange', async () => {
    const exported = await publicApi();
    let changes = 0;
    const listener = exported.onDidChange(() => changes++);
    try {
      const { id } = await exported.logCheckIn({ partnerId: kim.value.id, summary: 'Partnership review', kind: 'ad-hoc', rating: 4 });
      const record = alliances.service.findRecord('checkIn', id);
      assert.ok(record, 'the check-in is in the store');
      const onDisk = JSON.parse(await fs.readFile(record.record.path, 'utf8')) as {
        partnerId: string;
        summary: string;
        kind: string;
        rating: number;
      };
      assert.deepEqual([onDisk.partnerId, onDisk.summary, onDisk.kind, onDisk.rating], [kim.value.id, 'Partnership review', 'ad-hoc', 4]);
      const info = exported.partners().find((partner) => partner.id === kim.value.id);
      assert.ok(info);
      assert.equal(info.due, false);
      assert.ok(info.lastCheckIn);
      assert.ok(changes > 0, 'onDidChange fired');
    } finally {
      listener.dispose();
    }
  });

  it('refuses a check-in for a partner that does not exist, writing nothing', async () => {
    const exported = await publicApi();
    const before = await listFiles(storeRoot());
    await assert.rejects(
      exported.logCheckIn({ partnerId: '01J0000000000000000000NONE', summary: 'Nobody' }),
      /No partner with id 01J0000000000000000000NONE/,
    );
    await assert.rejects(exported.logCheckIn({ partnerId: kim.value.id, summary: 'x', kind: 'séance' as never }), /kind must be one of/);
    assert.deepEqual(await listFiles(storeRoot()), before);
  });

  // Not the API, but the same throwaway partner: what a page may load is set in one place for both pages.
  it('load resources from dist/webview only, the dashboard and the partner page alike', async () => {
    const extension = vscode.extensions.getExtension('alliances.alliances')!;
    const expected = [vscode.Uri.joinPath(extension.extensionUri, 'dist', 'webview').toString()];
    await vscode.commands.executeCommand(COMMANDS.openDashboard);
    const dashboard = await waitFor('the dashboard', () => alliances.dashboard.instance.current);
    assert.deepEqual(dashboard.panel.webview.options.localResourceRoots?.map(String), expected);
    assert.equal(dashboard.panel.webview.options.enableCommandUris, false);
    dashboard.dispose();
    await vscode.commands.executeCommand(COMMANDS.openPartnerPage, kim.value.id);
    const page = await waitFor('the partner page', () => alliances.partnerPages.get(kim.value.id));
    assert.deepEqual(page.panel.webview.options.localResourceRoots?.map(String), expected);
    assert.equal(page.panel.webview.options.enableCommandUris, false);
    page.dispose();
  });
});
