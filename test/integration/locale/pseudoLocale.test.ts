import { strict as assert } from 'node:assert';
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Partner } from '../../../src/core/model';
import type { Loaded } from '../../../src/core/store';
import type { AlliancesInternals as AlliancesApi } from '../../../src/extension/testInternals';
import { api, EXTENSION_ID, renderTree, storeRoot, waitFor } from '../helpers';

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
    pseudo = JSON.parse(readFileSync(path.join(extension.extensionPath, 'l10n', 'bundle.l10n.qps-ploc.json'), 'utf8')) as Record<
      string,
      string
    >;
  });

  it('VS Code runs in qps-ploc and gives the extension its qps-ploc bundle', () => {
    assert.equal(vscode.env.language, 'qps-ploc');
    assert.ok(vscode.l10n.bundle, 'vscode.l10n.bundle is undefined: VS Code did not load l10n/bundle.l10n.qps-ploc.json');
    assert.equal(vscode.l10n.bundle['Needs attention'], pseudo['Needs attention']);
  });

  it('the status bar, the badge, the tree and the reminder show the pseudo-localised text (host and core strings)', async () => {
    const added = await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', {
      name: 'Dana Whitfield',
      department: 'Product',
    });
    assert.ok(added);
    // Never checked in: due from the day they were added.
    await waitFor(
      'the status bar to count Dana',
      () => alliances.statusBar.item.tooltip === t('Alliances: 1 partner is due for a check-in. Click to see who.'),
      5000,
    );
    assert.equal(alliances.treeView.badge?.tooltip, t('1 partner due for a check-in'));
    const dana = (await renderTree(alliances)).find((item) => item.label === 'Dana Whitfield');
    assert.ok(dana, 'Dana is in the tree');
    // "no check-in yet" is a due label computed in src/core (@vscode/l10n, configured from vscode.l10n.bundle).
    assert.equal(dana.description, t('no check-in yet'));
    assert.match(dana.tooltip, new RegExp(escape(t('No check-in yet'))));
    assert.equal(
      alliances.reminders.message(),
      t('Alliances: {0}', t('1 partner is due for a check-in: {0}.', `Dana Whitfield (${t('no check-in yet')})`)),
    );
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

  it('a broken store file: the tree and the Problems panel give its reason (from src/core) pseudo-localised', async () => {
    const file = path.join(storeRoot(), 'partners', 'broken-01kaj3m5x2q8v9c0b1n2d3e4f5.json');
    const uri = vscode.Uri.file(file);
    // Not JSON: src/core/jsonText.ts words the reason, through @vscode/l10n.
    await fs.writeFile(file, '{\n  "name": "Broken",\n  "department": \n}\n');
    try {
      const reason = t('File is not valid JSON: value expected.');
      const [diagnostic] = await waitFor(
        'a diagnostic',
        () => (vscode.languages.getDiagnostics(uri).length > 0 ? vscode.languages.getDiagnostics(uri) : undefined),
        5000,
      );
      assert.equal(diagnostic?.message, reason);
      const item = (await renderTree(alliances)).find((rendered) => rendered.label === path.basename(file));
      assert.ok(item, 'the broken file is listed under "Needs attention"');
      assert.equal(item.description, t('line {0}: {1}', 4, reason));
    } finally {
      await fs.rm(file, { force: true });
      await waitFor('the problem to clear', () => vscode.languages.getDiagnostics(uri).length === 0, 5000);
    }
  });

  it('a write the store refuses (src/core) says why in the pseudo-localised language', async () => {
    const entry = alliances.service.allViews()[0];
    assert.ok(entry);
    const { path: file, value } = entry.view.record;
    const before = await fs.readFile(file);
    // An emptied file is a problem, and its partner leaves memory: an edit has nothing to write to.
    await fs.writeFile(file, '');
    try {
      const store = entry.entry.store;
      await waitFor('the emptied file to be a problem', () => store.problems().find((problem) => problem.path === file), 5000);
      assert.equal(store.problems().find((problem) => problem.path === file)?.reason, t('File is empty.'));
      const error = await store.updatePartner(value.id, { role: 'x' }).then(
        () => undefined,
        (failure: unknown) => failure,
      );
      assert.ok(error instanceof Error, 'the write is refused');
      assert.equal(error.message, t('No partner with id {0} in {1}.', value.id, store.root));
    } finally {
      await fs.writeFile(file, before);
      await waitFor('the partner to load again', () => alliances.service.findPartner(value.id), 5000);
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
