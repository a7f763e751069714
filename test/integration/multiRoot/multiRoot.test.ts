import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CheckIn, Partner } from '../../../src/core/model';
import type { Loaded } from '../../../src/core/store';
import type { AlliancesInternals as AlliancesApi } from '../../../src/extension/testInternals';
import { api, renderTree, waitFor } from '../helpers';

// Runs in its own window: a .code-workspace with two folders, alpha and beta (see runIntegration).
describe('multi-root workspaces', function () {
  let alliances: AlliancesApi;
  let alpha: vscode.WorkspaceFolder;
  let beta: vscode.WorkspaceFolder;

  before(async () => {
    alliances = await api();
    [alpha, beta] = vscode.workspace.workspaceFolders as [vscode.WorkspaceFolder, vscode.WorkspaceFolder];
  });

  it('has one store per folder', () => {
    assert.deepEqual(
      alliances.service.folders().map((entry) => path.relative(entry.folder.uri.fsPath, entry.store.root)),
      ['.alliances', '.alliances'],
    );
    assert.deepEqual(
      alliances.service.folders().map((entry) => entry.folder.name),
      ['alpha', 'beta'],
    );
  });

  it("writes each partner and check-in into its own folder's store, and shows folders as top-level nodes", async () => {
    const ana = await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', {
      name: 'Ana Alpha',
      department: 'Product',
      folder: alpha.uri.fsPath,
    });
    const ben = await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', {
      name: 'Ben Beta',
      department: 'Sales',
      folder: beta.uri.fsPath,
    });
    assert.ok(ana?.path.startsWith(path.join(alpha.uri.fsPath, '.alliances', 'partners')));
    assert.ok(ben?.path.startsWith(path.join(beta.uri.fsPath, '.alliances', 'partners')));
    const checkIn = await vscode.commands.executeCommand<Loaded<CheckIn>>('alliances.logCheckIn', ben.value.id, {
      kind: 'one-on-one',
      summary: 'hello',
    });
    assert.ok(checkIn?.path.startsWith(path.join(beta.uri.fsPath, '.alliances', 'checkins')));

    const items = await renderTree(alliances);
    assert.deepEqual(
      items.map((i) => `${i.depth}:${i.label}`),
      ['0:alpha', '1:Product', '2:Ana Alpha', '0:beta', '1:Sales', '2:Ben Beta'],
    );
    assert.equal(items.find((i) => i.label === 'alpha')?.description, '1 due');
    assert.equal(items.find((i) => i.label === 'beta')?.description, '');
    assert.equal(alliances.treeView.badge?.value, 1, 'the badge counts every folder');
  });

  it('honours alliances.storePath per folder, and refuses one that leaves the folder', async () => {
    const config = vscode.workspace.getConfiguration('alliances', beta.uri);
    await config.update('storePath', 'team/records', vscode.ConfigurationTarget.WorkspaceFolder);
    const betaStore = () => alliances.service.folders().find((entry) => entry.folder.name === 'beta')!;
    await waitFor('beta to move its store', () => betaStore().store.root === path.join(beta.uri.fsPath, 'team', 'records'));
    const cleo = await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', {
      name: 'Cleo Custom',
      department: 'Data',
      folder: beta.uri.fsPath,
    });
    assert.ok(cleo?.path.startsWith(path.join(beta.uri.fsPath, 'team', 'records', 'partners')));
    assert.ok((await fs.stat(path.join(beta.uri.fsPath, 'team', 'records', 'alliances.json'))).isFile());

    await config.update('storePath', '../../outside', vscode.ConfigurationTarget.WorkspaceFolder);
    await waitFor('beta to fall back to .alliances', () => betaStore().store.root === path.join(beta.uri.fsPath, '.alliances'));
    assert.match(betaStore().pathWarning ?? '', /outside the workspace folder/);
    await waitFor('the default store to be back in the tree', async () =>
      (await renderTree(alliances)).some((i) => i.label === 'Ben Beta'),
    );
    await config.update('storePath', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
  });
});
