import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { serialise } from '../../src/core/store';
import { visible } from '../../src/core/visibleText';
import type { AlliancesInternals as AlliancesApi } from '../../src/extension/testInternals';
import { api, renderTree, storeRoot, waitFor } from './helpers';

const ID = '01jz0000000000000000000e71';
const FOLLOW_UP_ID = '01jz0000000000000000000e72';
const NAME = 'Ev\u200Be \u202Eevil\u202C';
const DEPARTMENT = '\u202Eevil\u202C.txt';
const ROLE = 'Lead\u2067 \u2069of \uFEFFthings';
const SHOWN_NAME = 'Ev⟨U+200B⟩e ⟨U+202E⟩evil⟨U+202C⟩';
const SHOWN_DEPARTMENT = '⟨U+202E⟩evil⟨U+202C⟩.txt';
const ACTING = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const stamp = '2026-01-05T10:00:00.000Z';

// A partner whose name and department hold a right-to-left override and a zero-width space, written
// by hand (as a teammate's commit would): the real tree, follow-ups view, reminder and partner page
// show the characters as ⟨U+…⟩ and never obey them — and nothing rewrites the file.
describe('bidi and invisible characters in store text, seen from a real VS Code', function () {
  let alliances: AlliancesApi;
  let partnerFile: string;
  let followUpFile: string;
  let bytes: Buffer;

  before(async () => {
    alliances = await api();
    await vscode.commands.executeCommand('alliances.initializeStore');
    partnerFile = path.join(storeRoot(), 'partners', `evil-${ID}.json`);
    followUpFile = path.join(storeRoot(), 'follow-ups', `${FOLLOW_UP_ID}.json`);
    const base = { schemaVersion: 1, createdAt: stamp, updatedAt: stamp, author: { name: 'Mal\u200Dlory' } };
    await fs.mkdir(path.dirname(followUpFile), { recursive: true });
    await fs.writeFile(partnerFile, serialise({ ...base, id: ID, name: NAME, department: DEPARTMENT, role: ROLE }));
    await fs.writeFile(
      followUpFile,
      serialise({ ...base, id: FOLLOW_UP_ID, partnerId: ID, text: 'Send \u202Efdp.exe\u202C', owner: 'me' }),
    );
    bytes = Buffer.concat([await fs.readFile(partnerFile), await fs.readFile(followUpFile)]);
    await waitFor('the partner in the store', () => alliances.service.findPartner(ID), 5000);
    // Two files written by hand arrive in two watcher events: the follow-up may come a moment later.
    await waitFor('the follow-up in the store', () => alliances.service.folders()[0]?.store.get('followUp', FOLLOW_UP_ID), 5000);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await fs.rm(partnerFile, { force: true });
    await fs.rm(followUpFile, { force: true });
  });

  it('the partners tree shows the markers in the group, the partner row (label, description), its tooltip and its screen-reader label', async () => {
    const items = await waitFor('the partner row', async () => {
      const rendered = await renderTree(alliances);
      return rendered.some((item) => item.node.type === 'partner' && item.node.view.record.value.id === ID) && rendered;
    });
    const group = items.find((item) => item.node.type === 'group' && item.node.group.partners.some((p) => p.record.value.id === ID));
    assert.equal(group?.label, SHOWN_DEPARTMENT);
    assert.ok(group.tooltip.startsWith(`${SHOWN_DEPARTMENT}: 1 partner`), group.tooltip);
    const row = items.find((item) => item.node.type === 'partner' && item.node.view.record.value.id === ID);
    assert.equal(row?.label, SHOWN_NAME);
    assert.ok(row.description.endsWith(' · Lead⟨U+2067⟩ ⟨U+2069⟩of ⟨U+FEFF⟩things'), row.description);
    assert.ok(row.tooltip.includes(SHOWN_NAME) && row.tooltip.includes(SHOWN_DEPARTMENT), row.tooltip);
    assert.ok(row.tooltip.includes('⟨U+…⟩ is a character that is invisible or changes the direction of text'), row.tooltip);
    const item = alliances.tree.getTreeItem(row.node);
    assert.equal(item.accessibilityInformation?.label.startsWith(`${SHOWN_NAME}, ${SHOWN_DEPARTMENT}, `), true);
    const agenda = items.find((candidate) => candidate.node.type === 'followUp' && candidate.node.followUp.value.id === FOLLOW_UP_ID);
    assert.equal(agenda?.label, 'Send ⟨U+202E⟩fdp.exe⟨U+202C⟩');
    for (const shown of [group, row, agenda])
      assert.ok(!ACTING.test(`${shown.label}${shown.description}${shown.tooltip.replace(/\n/g, '')}`), JSON.stringify(shown));
  });

  it('the follow-ups view shows the markers in the item and the partner it names', () => {
    const node = alliances.followUps.getChildren().find((n) => n.type === 'followUp' && n.followUp.value.id === FOLLOW_UP_ID);
    assert.ok(node);
    const item = alliances.followUps.getTreeItem(node);
    assert.equal(item.label, 'Send ⟨U+202E⟩fdp.exe⟨U+202C⟩');
    assert.ok(typeof item.description === 'string' && item.description.startsWith(SHOWN_NAME), String(item.description));
    const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip);
    assert.ok(!ACTING.test(tooltip.replace(/\n/g, '')), tooltip);
    assert.ok(item.accessibilityInformation?.label.includes(SHOWN_NAME));
  });

  it('the reminder names the partner with the markers', () => {
    const message = alliances.reminders.message() ?? '';
    // It names the first two due partners: this one, unless a suite before left older ones due.
    if (message.includes('Ev')) assert.ok(message.includes(SHOWN_NAME), message);
    assert.ok(!ACTING.test(message), message);
  });

  it('the partner page’s tab title shows the markers; the page gets the exact text (it shows it with markers itself)', async () => {
    await vscode.commands.executeCommand('alliances.openPartnerPage', ID);
    const page = await waitFor('the page', () => alliances.partnerPages.get(ID), 5000);
    await waitFor('the page to ask for its data', () => page.lastData?.partner.name === NAME, 15_000);
    assert.equal(page.panel.title, visible(`Partner: ${NAME}`));
    assert.equal(page.panel.title, `Partner: ${SHOWN_NAME}`);
  });

  it('leaves the files byte for byte as they were written', async () => {
    await renderTree(alliances);
    const after = Buffer.concat([await fs.readFile(partnerFile), await fs.readFile(followUpFile)]);
    assert.ok(after.equals(bytes), 'the store files changed');
    assert.ok(after.includes(Buffer.from(DEPARTMENT)), 'the raw characters are still in the file');
  });
});
