import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { addDays, format, subDays } from 'date-fns';
import type { CheckIn, FollowUp, Partner, TalkingPoint } from '../../src/core/model';
import type { Loaded } from '../../src/core/store';
import type { AlliancesInternals as AlliancesApi } from '../../src/extension/testInternals';
import { api, renderTree, storeRoot, waitFor, workspaceRoot } from './helpers';

const CODE =
  'export function invoiceTotal(lines: { amount: number }[]): number {\n  // retries are handled by the caller\n  return lines.reduce((sum, line) => sum + line.amount, 0);\n}\n';

// Talking points from code, the agenda, follow-ups and private check-ins in the real extension host.
describe('check-ins with depth', function () {
  let alliances: AlliancesApi;
  let priya: Loaded<Partner>;
  let point: Loaded<TalkingPoint>;
  let file: string;
  let head: string;

  before(async () => {
    alliances = await api();
    priya = (await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', { name: 'Priya Depth', department: 'Design' }))!;
    file = path.join(workspaceRoot(), 'src', 'billing', 'invoice.ts');
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, CODE);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: workspaceRoot(), encoding: 'utf8' });
    git('add', 'src');
    git('commit', '-q', '-m', 'billing');
    head = git('rev-parse', 'HEAD').trim();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Add Talking Point keeps the file, lines, commit and a quote of the selected code', async () => {
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(file));
    editor.selection = new vscode.Selection(1, 0, 3, 0); // lines 2–3, ending at the start of line 4
    point = (await vscode.commands.executeCommand<Loaded<TalkingPoint>>('alliances.addTalkingPoint', priya.value.id, {
      text: 'Who owns retries?',
      fromSelection: true,
    }))!;
    assert.ok(point, 'created');
    assert.deepEqual(point.value.source, {
      path: 'src/billing/invoice.ts',
      startLine: 2,
      endLine: 3,
      commit: head,
      snippet: '  // retries are handled by the caller\n  return lines.reduce((sum, line) => sum + line.amount, 0);',
    });
    assert.equal(path.relative(storeRoot(), point.path).split(path.sep).join('/'), `talking-points/${point.value.id}.json`);
  });

  it('shows the talking point under the partner, as the agenda', async () => {
    const items = await renderTree(alliances);
    const partner = items.find((i) => i.label === 'Priya Depth')!;
    const child = items[items.indexOf(partner) + 1];
    assert.equal(child.label, 'Who owns retries?');
    assert.equal(child.depth, partner.depth + 1);
    assert.equal(child.description, 'src/billing/invoice.ts:2');
  });

  it('opens the code; says when it moved, when it changed, and when the file is gone', async () => {
    assert.equal(await vscode.commands.executeCommand('alliances.openTalkingPoint', point.value.id), 'same');
    assert.equal(vscode.window.activeTextEditor?.selection.start.line, 1);
    // Edit through VS Code (as a teammate's pulled change would land): the open document and the disk agree.
    const document = await vscode.workspace.openTextDocument(file);
    const insert = new vscode.WorkspaceEdit();
    insert.insert(document.uri, new vscode.Position(0, 0), '// header\n// more\n');
    assert.ok(await vscode.workspace.applyEdit(insert));
    assert.ok(await document.save());
    assert.equal(await vscode.commands.executeCommand('alliances.openTalkingPoint', point.value.id), 'moved');
    assert.equal(vscode.window.activeTextEditor?.selection.start.line, 3, 'selects the code where it is now');
    const rewrite = new vscode.WorkspaceEdit();
    rewrite.replace(
      document.uri,
      new vscode.Range(0, 0, document.lineCount, 0),
      CODE.replace('retries are handled by the caller', 'no retries'),
    );
    assert.ok(await vscode.workspace.applyEdit(rewrite));
    assert.ok(await document.save());
    assert.equal(await vscode.commands.executeCommand('alliances.openTalkingPoint', point.value.id), 'changed');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await fs.rm(file);
    assert.equal(await vscode.commands.executeCommand('alliances.openTalkingPoint', point.value.id), 'missing');
  });

  it('Mark Covered and Put Back on the Agenda change the talking point file', async () => {
    await vscode.commands.executeCommand('alliances.coverTalkingPoint', point.value.id);
    assert.ok((JSON.parse(await fs.readFile(point.path, 'utf8')) as TalkingPoint).coveredAt);
    assert.ok(!(await renderTree(alliances)).some((i) => i.label === 'Who owns retries?'), 'off the agenda');
    await vscode.commands.executeCommand('alliances.reopenTalkingPoint', point.value.id);
    assert.equal((JSON.parse(await fs.readFile(point.path, 'utf8')) as TalkingPoint).coveredAt, undefined);
    assert.ok(
      (await renderTree(alliances)).some((i) => i.label === 'Who owns retries?'),
      'back on the agenda',
    );
  });

  it('Open Partner Page opens one page per partner, and reveals it again instead of a second one', async () => {
    await vscode.commands.executeCommand('alliances.openPartnerPage', priya.value.id);
    const page = await waitFor('the page', () => alliances.partnerPages.get(priya.value.id));
    await vscode.commands.executeCommand('alliances.openPartnerPage', priya.value.id);
    assert.equal(alliances.partnerPages.get(priya.value.id), page);
    assert.equal(alliances.partnerPages.all().filter((p) => p === page).length, 1);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the page to close', () => !alliances.partnerPages.get(priya.value.id));
  });

  it('a check-in that covers the talking point takes it off the agenda', async () => {
    const checkIn = await vscode.commands.executeCommand<Loaded<CheckIn>>('alliances.logCheckIn', priya.value.id, {
      kind: 'one-on-one',
      summary: 'Retries: agreed',
      covered: [point.value.id],
    });
    assert.ok(checkIn);
    const onDisk = JSON.parse(await fs.readFile(point.path, 'utf8')) as TalkingPoint;
    assert.equal(onDisk.coveredIn, checkIn.value.id);
    assert.ok(!(await renderTree(alliances)).some((i) => i.label === 'Who owns retries?'));
  });

  it('follow-ups: listed overdue first with a badge, counted by the reminder, completed and reopened in one command', async () => {
    const yesterday = format(subDays(new Date(), 1), 'yyyy-MM-dd');
    const later = await vscode.commands.executeCommand<Loaded<FollowUp>>('alliances.addFollowUp', priya.value.id, {
      text: 'Share mockups',
      owner: 'them',
      due: format(addDays(new Date(), 5), 'yyyy-MM-dd'),
    });
    const late = await vscode.commands.executeCommand<Loaded<FollowUp>>('alliances.addFollowUp', priya.value.id, {
      text: 'Send the estimate',
      owner: 'me',
      due: yesterday,
    });
    assert.ok(later && late);
    assert.equal(path.relative(storeRoot(), late.path).split(path.sep).join('/'), `follow-ups/${late.value.id}.json`);
    const labels = alliances.followUps.getChildren().map((node) => alliances.followUps.getTreeItem(node));
    assert.deepEqual(
      labels.map((item) => item.label),
      ['Send the estimate', 'Share mockups'],
    );
    assert.equal(labels[0]?.description, 'Priya Depth · Alliances Tests · 1 day overdue');
    assert.equal(labels[0]?.checkboxState, vscode.TreeItemCheckboxState.Unchecked);
    await waitFor('the overdue badge', () => alliances.followUpsView.badge?.value === 1);
    assert.match(alliances.reminders.message() ?? '', /1 follow-up is overdue\.$/);

    await vscode.commands.executeCommand('alliances.completeFollowUp', late.value.id);
    const done = JSON.parse(await fs.readFile(late.path, 'utf8')) as FollowUp;
    assert.equal(done.done, true);
    assert.ok(done.doneAt);
    const roots = alliances.followUps.getChildren();
    assert.equal(alliances.followUps.getTreeItem(roots[roots.length - 1]).label, 'Done recently');
    assert.equal(alliances.followUpsView.badge, undefined);

    await vscode.commands.executeCommand('alliances.reopenFollowUp', late.value.id);
    const reopened = JSON.parse(await fs.readFile(late.path, 'utf8')) as FollowUp;
    assert.equal(reopened.done, undefined);
    assert.equal(reopened.text, 'Send the estimate');
  });

  it('a private check-in goes under private/ and still counts for the due date', async () => {
    const checkIn = await vscode.commands.executeCommand<Loaded<CheckIn>>('alliances.logCheckIn', priya.value.id, {
      kind: 'ad-hoc',
      summary: 'Private chat',
      notes: 'Between us',
      private: true,
    });
    assert.ok(checkIn?.private);
    assert.equal(path.relative(storeRoot(), checkIn.path).split(path.sep).slice(0, 2).join('/'), 'private/checkins');
    assert.equal(alliances.service.findPartner(priya.value.id)?.view.lastCheckIn?.id, checkIn.value.id);
  });
});
