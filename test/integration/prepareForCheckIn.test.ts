// Alliances: Prepare for Check-in in a real VS Code: the command opens the partner's brief as a Markdown
// preview of a read-only alliances-brief: document (computed by the lazily loaded dist/brief.js), with
// the expected content, private records marked (this machine's), rewritten when the store changes; and
// a search result opens the partner page at its record. Self-contained: names no other suite uses.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { CheckIn, Partner } from '../../src/core/model';
import type { SearchResult } from '../../src/core/search';
import type { Loaded } from '../../src/core/store';
import { openResult } from '../../src/extension/search/quickPick';
import type { AlliancesInternals } from '../../src/extension/testInternals';
import { api, bundleLoaded, waitFor } from './helpers';

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview'));
}

describe('Brief: Prepare for Check-in in a real VS Code', function () {
  this.timeout(30_000);
  let alliances: AlliancesInternals;
  let yusuf: Loaded<Partner>;
  let checkIn: Loaded<CheckIn>;

  before(async () => {
    alliances = await api();
    await vscode.commands.executeCommand('alliances.initializeStore');
    yusuf = (await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', {
      name: 'Yusuf Briefwright',
      department: 'Finance',
      role: 'Controller',
    }))!;
    const store = alliances.service.findPartner(yusuf.value.id)?.entry.store;
    assert.ok(store);
    checkIn = await store.addCheckIn({
      partnerId: yusuf.value.id,
      kind: 'one-on-one',
      rating: 3,
      summary: 'Quarter close <b>was</b> tight',
      date: new Date(2026, 10, 3, 10),
    });
    await store.addCheckIn({
      partnerId: yusuf.value.id,
      kind: 'async',
      rating: 4,
      summary: 'Budget reshuffle, not public',
      date: new Date(2026, 10, 5, 10),
      private: true,
    });
    await store.create('followUp', { partnerId: yusuf.value.id, text: 'Send the accruals sheet', owner: 'me', due: '2026-11-10' });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the brief as a Markdown preview of a read-only document with the expected content', async () => {
    const uri = await vscode.commands.executeCommand<string>('alliances.prepareCheckIn', yusuf.value.id);
    assert.ok(uri?.startsWith('alliances-brief:'), uri);
    assert.ok(bundleLoaded('brief.js'), 'the brief is the lazily loaded dist/brief.js');
    const tab = await waitFor('the Markdown preview tab', () => previewTabs().find((each) => each.label.includes('Briefwright')), 10_000);
    assert.ok(tab);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    assert.equal(document.languageId, 'markdown');
    const text = document.getText();
    assert.match(text, /^# .*Yusuf Briefwright\n/);
    assert.match(text, /- 2026-11-03, .*3\/5.*: Quarter close \\<b\\>was\\<\/b\\> tight/, 'markup in a summary is escaped');
    assert.match(text, /Budget reshuffle, not public/, 'private records on this machine');
    assert.match(text, /Send the accruals sheet/);
    assert.match(text, /2026-11-10/);
  });

  it('rewrites an open brief when the store changes', async () => {
    const uri = await vscode.commands.executeCommand<string>('alliances.prepareCheckIn', yusuf.value.id);
    const store = alliances.service.findPartner(yusuf.value.id)?.entry.store;
    assert.ok(store && uri);
    await store.create('talkingPoint', { partnerId: yusuf.value.id, text: 'Ask about the audit timeline' });
    await waitFor(
      'the brief to show the new talking point',
      async () => (await vscode.workspace.openTextDocument(vscode.Uri.parse(uri))).getText().includes('Ask about the audit timeline'),
      10_000,
    );
  });

  it('opens a search result on the partner page at its record', async () => {
    const [result] = await vscode.commands.executeCommand<SearchResult[]>('alliances.search', 'quarter close partner:briefwright');
    assert.ok(result);
    assert.equal(result.recordId, checkIn.value.id);
    await openResult(alliances.service, result);
    const page = await waitFor('the partner page', () => alliances.partnerPages.get(yusuf.value.id), 10_000);
    assert.equal(page.lastReveal, checkIn.value.id);
  });
});
