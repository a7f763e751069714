import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { PARTNER_PAGE_VIEW_TYPE } from '../../src/extension/partnerPage/partnerPanel';
import { DASHBOARD_VIEW_TYPE } from '../../src/extension/lazyDashboard';
import { WEBVIEW_VIEW_TYPES } from '../../src/extension/shell';
import { api, EXTENSION_ID } from './helpers';

// The activation shell registers the commands a person can run before the views exist and both page
// serializers at once, and loads the rest after activate() returned (which registers the commands of
// tree items): every command of package.json must be registered and reach a real handler.
describe('activation shell', () => {
  it('registers every command of package.json, each with a handler', async () => {
    const alliances = await api();
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const manifest = JSON.parse(readFileSync(path.join(extension.extensionPath, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, []);
    assert.deepEqual(alliances.unhandledCommands, []);
  });

  it('restores the pages it serializes', () => {
    assert.deepEqual([...WEBVIEW_VIEW_TYPES].sort(), [DASHBOARD_VIEW_TYPE, PARTNER_PAGE_VIEW_TYPE].sort());
  });
});
