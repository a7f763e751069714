import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CheckIn, Partner } from '../../src/core/model';
import type { Loaded } from '../../src/core/store';
import type { HistoryEntry } from '../../src/git/history';
import { api, renderTree, workspaceRoot } from './helpers';

// Show Partner History in a real VS Code: the commits that touched a partner's files, by whom, and
// the two sides of a diff served from git.
describe('Show Partner History in a real VS Code', function () {
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: workspaceRoot(), encoding: 'utf8' });
  const commitAs = (name: string, message: string, ...files: string[]): string => {
    git('add', '--', ...files);
    git(
      '-c',
      `user.name=${name}`,
      '-c',
      `user.email=${name.split(' ')[0].toLowerCase()}@example.com`,
      'commit',
      '-q',
      '-m',
      message,
      '--',
      ...files,
    );
    return git('rev-parse', 'HEAD').trim();
  };

  it('lists the commits of the partner file and their check-ins, newest first, with authors, and not other commits', async () => {
    const alliances = await api();
    const hana = await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', {
      name: 'Hana History',
      department: 'Data',
    });
    const added = commitAs('Alliances Tests', 'Add Hana', hana.path);
    await fs.writeFile(path.join(workspaceRoot(), 'unrelated.txt'), 'not about Hana\n');
    commitAs('Someone Else', 'Unrelated change', 'unrelated.txt');
    await vscode.commands.executeCommand('alliances.editPartner', hana.value.id, { role: 'Head of Data' });
    const edited = commitAs('Casey Colleague', 'Hana leads data now', hana.path);
    const checkIn = await vscode.commands.executeCommand<Loaded<CheckIn>>('alliances.logCheckIn', hana.value.id, {
      kind: 'one-on-one',
      rating: 4,
      summary: 'Dashboards',
    });
    const logged = commitAs('Casey Colleague', 'Check-in with Hana', checkIn.path);
    assert.ok(alliances.service.findPartner(hana.value.id));
    // Attribution in the tree: the last check-in's author in the partner's tooltip.
    const item = (await renderTree(alliances)).find((i) => i.label === 'Hana History');
    assert.match(item?.tooltip ?? '', /Last check-in: .+ by Alliances Tests/);

    const entries = await vscode.commands.executeCommand<HistoryEntry[]>('alliances.showPartnerHistory', hana.value.id);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const relative = (file: string) => path.relative(workspaceRoot(), file).split(path.sep).join('/');
    assert.deepEqual(
      entries.map((e) => `${e.commit}|${e.status}|${e.path}|${e.author}|${e.subject}`).sort(),
      [
        `${added}|A|${relative(hana.path)}|Alliances Tests|Add Hana`,
        `${edited}|M|${relative(hana.path)}|Casey Colleague|Hana leads data now`,
        `${logged}|A|${relative(checkIn.path)}|Casey Colleague|Check-in with Hana`,
      ].sort(),
    );
    const dates = entries.map((e) => e.date);
    assert.deepEqual(dates, [...dates].sort().reverse());

    // The diff's two sides come from git: before and after the edit.
    const side = (rev: string) =>
      vscode.workspace.openTextDocument(
        vscode.Uri.from({
          scheme: 'alliances-git',
          path: `/${relative(hana.path)}`,
          query: JSON.stringify({ top: workspaceRoot(), rev, file: relative(hana.path) }),
        }),
      );
    const before = JSON.parse((await side(`${edited}^`)).getText()) as Partner;
    const after = JSON.parse((await side(edited)).getText()) as Partner;
    assert.equal(before.role, undefined);
    assert.equal(after.role, 'Head of Data');
  });
});
