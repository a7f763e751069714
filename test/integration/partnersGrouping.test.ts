import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Partner } from '../../src/core/model';
import type { Loaded } from '../../src/core/store';
import { COMMANDS } from '../../src/extension/ids';
import type { AlliancesInternals } from '../../src/extension/testInternals';
import { api, renderTree, storeRoot, waitFor, type RenderedItem } from './helpers';

// Organisations, tags and the team's cadence rules in the real tree: grouping by organisation and by
// tag (a partner in each of its tags, every item id unique), and the rule a tooltip names.
describe('partners by organisation and tag, cadence by tier, in a real VS Code', function () {
  let alliances: AlliancesInternals;
  let ann: Loaded<Partner>;
  let ben: Loaded<Partner>;
  let manifestBefore: Buffer;
  const manifest = () => path.join(storeRoot(), 'alliances.json');
  const mine = (items: RenderedItem[]) => items.filter((i) => i.depth === 0 || ['Ann Grouping', 'Ben Grouping'].includes(i.label));

  before(async () => {
    alliances = await api();
    if (!alliances.service.folders()[0]?.store.exists) await vscode.commands.executeCommand(COMMANDS.initializeStore);
    manifestBefore = await fs.readFile(manifest());
    ann = (await vscode.commands.executeCommand<Loaded<Partner>>(COMMANDS.addPartner, {
      name: 'Ann Grouping',
      department: 'Vendor',
      organisation: 'Northwind Grouping',
      tags: ['exec-grouping', 'launch-grouping'],
    }))!;
    ben = (await vscode.commands.executeCommand<Loaded<Partner>>(COMMANDS.addPartner, {
      name: 'Ben Grouping',
      department: 'Vendor',
      organisation: 'northwind grouping',
      tags: ['Launch-Grouping'],
    }))!;
  });

  after(async () => {
    await fs.writeFile(manifest(), manifestBefore);
    await vscode.commands.executeCommand(COMMANDS.groupByDepartment);
  });

  it('Add Partner keeps the organisation and the tags', async () => {
    const onDisk = JSON.parse(await fs.readFile(ann.path, 'utf8')) as Partner;
    assert.equal(onDisk.organisation, 'Northwind Grouping');
    assert.deepEqual(onDisk.tags, ['exec-grouping', 'launch-grouping']);
    assert.ok(ben);
  });

  it('Group by Tag lists a partner under each of its tags, every item id unique', async () => {
    await vscode.commands.executeCommand(COMMANDS.groupByTag);
    assert.equal(alliances.tree.groupBy, 'tag');
    const items = await renderTree(alliances);
    const groupOf = (label: string) => {
      const start = items.findIndex((i) => i.depth === 0 && i.label === label);
      const end = items.findIndex((i, index) => index > start && i.depth === 0);
      return items.slice(start + 1, end < 0 ? undefined : end).map((i) => i.label);
    };
    assert.deepEqual(groupOf('exec-grouping'), ['Ann Grouping']);
    assert.deepEqual(groupOf('launch-grouping').sort(), ['Ann Grouping', 'Ben Grouping']);
    const ids = items.map((i) => alliances.tree.getTreeItem(i.node).id);
    assert.equal(new Set(ids).size, ids.length, 'VS Code refuses a tree with two items of one id');
    const tooltip = items.find((i) => i.label === 'Ann Grouping')?.tooltip ?? '';
    assert.match(tooltip, /Vendor · Northwind Grouping · every 14 days \(default\)/);
    assert.match(tooltip, /#exec-grouping #launch-grouping/);
  });

  it('Group by Organisation puts both spellings in one group', async () => {
    await vscode.commands.executeCommand(COMMANDS.groupByOrganisation);
    const items = mine(await renderTree(alliances));
    const group = items.findIndex((i) => i.depth === 0 && i.label === 'Northwind Grouping');
    assert.ok(group >= 0, JSON.stringify(items.map((i) => i.label)));
    assert.deepEqual(
      items.slice(group + 1, group + 3).map((i) => i.label),
      ['Ann Grouping', 'Ben Grouping'],
    );
  });

  it('the team’s tag rule and grace period decide the due state, and the tooltip names the rule', async () => {
    const current = JSON.parse(manifestBefore.toString('utf8')) as Record<string, unknown>;
    await fs.writeFile(
      manifest(),
      `${JSON.stringify({ ...current, defaults: { cadenceByTag: { 'exec-grouping': 7 }, graceDays: 3 } }, null, 2)}\n`,
    );
    const store = alliances.service.folders()[0].store;
    const eightDaysAgo = new Date();
    eightDaysAgo.setDate(eightDaysAgo.getDate() - 8);
    await store.addCheckIn({ partnerId: ann.value.id, kind: 'async', summary: 'A week and a day ago', date: eightDaysAgo });
    await waitFor('the manifest change is read', () => store.cadencePolicy(14).team?.cadenceByTag?.['exec-grouping'] === 7);
    const item = await waitFor('Ann is due, in the grace period', async () => {
      const found = (await renderTree(alliances)).find((i) => i.label === 'Ann Grouping');
      return found?.description.startsWith('due since yesterday') ? found : undefined;
    });
    assert.match(item.tooltip, /every 7 days \(team default for tag exec-grouping\)/);
    const icon = alliances.tree.getTreeItem(item.node).iconPath as vscode.ThemeIcon;
    assert.equal(icon.id, 'bell');
  });

  it('Edit Partner changes the organisation and the tags', async () => {
    await vscode.commands.executeCommand(COMMANDS.editPartner, ben.value.id, { organisation: 'Globex Grouping', tags: ['exec-grouping'] });
    const onDisk = JSON.parse(await fs.readFile(ben.path, 'utf8')) as Partner;
    assert.equal(onDisk.organisation, 'Globex Grouping');
    assert.deepEqual(onDisk.tags, ['exec-grouping']);
  });
});
