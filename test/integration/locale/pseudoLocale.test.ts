import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Partner } from '../../../src/core/model';
import type { Loaded } from '../../../src/core/store';
import type { AlliancesApi } from '../../../src/extension/extension';
import { api, EXTENSION_ID, renderTree, waitFor } from '../helpers';

// Runs in its own window, with VS Code started as `code-server --locale qps-ploc` (see runIntegration):
// what the running extension shows must come from l10n/bundle.l10n.qps-ploc.json, not from the English
// source text — in the extension host (vscode.l10n), in core (@vscode/l10n) and in the pages' HTML.
describe('in the pseudo-localised display language (qps-ploc)', function () {
  let alliances: AlliancesApi;
  let pseudo: Record<string, string>;
  /** The pseudo-localised message, with its {0}… filled. */
  const t = (message: string, ...args: (string | number)[]): string => {
    const text = pseudo[message];
    assert.ok(text, `no pseudo translation of "${message}" in bundle.l10n.qps-ploc.json`);
    assert.notEqual(text, message, 'the pseudo translation must differ from the English text');
    return text.replace(/\{(\d+)\}/g, (whole, index: string) => String(args[Number(index)] ?? whole));
  };

  before(async () => {
    alliances = await api();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    pseudo = JSON.parse(readFileSync(path.join(extension.extensionPath, 'l10n', 'bundle.l10n.qps-ploc.json'), 'utf8')) as Record<string, string>;
  });

  it('VS Code runs in qps-ploc and gives the extension its qps-ploc bundle', () => {
    assert.equal(vscode.env.language, 'qps-ploc');
    assert.ok(vscode.l10n.bundle, 'vscode.l10n.bundle is undefined: VS Code did not load l10n/bundle.l10n.qps-ploc.json');
    assert.equal(vscode.l10n.bundle['Needs attention'], pseudo['Needs attention']);
  });

  it('the status bar, the badge, the tree and the reminder show the pseudo-localised text (host and core strings)', async () => {
    const added = await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', { name: 'Dana Whitfield', department: 'Product' });
    assert.ok(added);
    // Never checked in: due from the day they were added.
    await waitFor('the status bar to count Dana', () => alliances.statusBar.item.tooltip === t('Alliances: 1 partner is due for a check-in. Click to see who.'), 5000);
    assert.equal(alliances.treeView.badge?.tooltip, t('1 partner due for a check-in'));
    const dana = (await renderTree(alliances)).find((item) => item.label === 'Dana Whitfield');
    assert.ok(dana, 'Dana is in the tree');
    // "no check-in yet" is a due label computed in src/core (@vscode/l10n, configured from vscode.l10n.bundle).
    assert.equal(dana.description, t('no check-in yet'));
    assert.match(dana.tooltip, new RegExp(escape(t('No check-in yet'))));
    assert.equal(alliances.reminders.message(), t('Alliances: {0}', t('1 partner is due for a check-in: {0}.', `Dana Whitfield (${t('no check-in yet')})`)));
  });

  it('the partner page gets the bundle in its HTML shell, and its title and tab are pseudo-localised', async () => {
    const id = alliances.service.allViews()[0]?.view.record.value.id;
    assert.ok(id);
    await vscode.commands.executeCommand('alliances.openPartnerPage', id);
    const page = await waitFor('the partner page', () => alliances.partnerPages.get(id));
    assert.equal(page.panel.title, t('Partner: {0}', 'Dana Whitfield'));
    const html = page.panel.webview.html;
    assert.match(html, /<html lang="qps-ploc">/);
    assert.match(html, /<meta name="alliances-l10n" content="/);
    assert.ok(html.includes(`<title>${t('Partner')}</title>`), 'the document title');
    page.dispose();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
