import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, bundleLoaded, EXTENSION_ID } from './helpers';

// The activation shell registers the commands a person can run before the views exist, and loads the
// rest after activate() returned (which registers the commands of tree items and the pages' serializers:
// the UI tests reload the window with each page open): every command of package.json must be registered
// and reach a real handler.
describe('activation shell', () => {
  it('registers every command of package.json, each with a handler', async () => {
    const alliances = await api();
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const manifest = JSON.parse(readFileSync(path.join(extension.extensionPath, 'package.json'), 'utf8')) as {
      contributes: { commands: { command: string }[] };
    };
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, []);
    assert.deepEqual(alliances.unhandledCommands, []);
  });

  // The first test file to run: no page has been opened yet (commands.test.ts checks the bundle loads
  // with the first page).
  it('leaves the partner page in its own bundle, not loaded until a page opens', async () => {
    const alliances = await api();
    assert.ok(bundleLoaded('main.js'), 'the extension itself is loaded');
    assert.deepEqual(alliances.partnerPages.all(), []);
    assert.equal(alliances.partnerPages.get('no-such-partner'), undefined);
    assert.equal(bundleLoaded('partnerPage.js'), false, 'activation, the stores and looking for pages never load dist/partnerPage.js');
  });

  // The flows of shared/lazyCommands.ts: main.js holds one stub per command, dist/flows.js the flow.
  it('leaves the command flows in dist/flows.js until the first of them runs', async () => {
    const alliances = await api();
    await alliances.service.whenReady();
    assert.equal(bundleLoaded('flows.js'), false, 'activation and the stores never load dist/flows.js');
    // A flow that finds nothing to edit writes nothing: only its bundle is read.
    assert.equal(await vscode.commands.executeCommand('alliances.editPartner', 'no-such-partner', { role: 'x' }), undefined);
    assert.equal(bundleLoaded('flows.js'), true, 'the first flow command loaded dist/flows.js');
  });

  it('names silos in the reminder without loading the dashboard bundle', async () => {
    const alliances = await api();
    await alliances.service.whenReady();
    alliances.reminders.message(); // the reminder's text, silos included, as at every start
    assert.equal(bundleLoaded('dashboard.js'), false, 'the reminder never loads dist/dashboard.js');
  });
});
