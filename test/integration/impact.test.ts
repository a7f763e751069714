// Named to run after the suites that start from an empty workspace (activation, commands, dashboard):
// the integration suites share one window and run in file-name order.
// Alliances: Who Does This Change Affect? in a real VS Code: the command runs the lazy dist/impact.js over
// a real range of commits in the workspace's repository; a partner's code area and an initiative's are
// found, talking points are added for those not consulted (once), a check-in since the range started
// counts as consulted, the pull-request block is produced, the quick pick opens and closes, and a bad
// revision is a clear message with nothing written. Self-contained: its names and paths no other suite uses.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ImpactResult } from '../../src/core/impact';
import type { Initiative, Partner, TalkingPoint } from '../../src/core/model';
import type { Loaded } from '../../src/core/store';
import { COMMANDS } from '../../src/extension/ids';
import { impactItems } from '../../src/extension/impact/impactPick';
import type { AlliancesInternals } from '../../src/extension/testInternals';
import { api, bundleLoaded, listFiles, storeRoot, waitFor, workspaceRoot } from './helpers';

describe('Change impact: Who Does This Change Affect? in a real VS Code', function () {
  this.timeout(60_000);
  let alliances: AlliancesInternals;
  let ingrid: Loaded<Partner>;
  let hugo: Loaded<Partner>;
  let base = '';
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: workspaceRoot(), encoding: 'utf8' });
  const commitFile = async (file: string, message: string) => {
    await fs.mkdir(path.dirname(path.join(workspaceRoot(), file)), { recursive: true });
    await fs.writeFile(path.join(workspaceRoot(), file), `${message}\n`);
    git('add', '--', file);
    git('commit', '-q', '-m', message, '--', file);
  };
  const impact = <T>(args: Record<string, unknown>) => vscode.commands.executeCommand<T>(COMMANDS.showChangeImpact, { base, ...args });

  before(async () => {
    alliances = await api();
    await vscode.commands.executeCommand('alliances.initializeStore');
    ingrid = (await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', {
      name: 'Ingrid Impactful',
      department: 'Finance',
    }))!;
    hugo = (await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', {
      name: 'Hugo Highflyer',
      department: 'Legal',
    }))!;
    await vscode.commands.executeCommand('alliances.editPartner', ingrid.value.id, { codeAreas: ['impact-area/**'] });
    const initiative = await vscode.commands.executeCommand<Loaded<Initiative>>(COMMANDS.addInitiative, {
      name: 'Impact Ledger',
      codeAreas: ['impact-ledger/'],
    });
    await vscode.commands.executeCommand(COMMANDS.assessStakeholder, initiative.value.id, hugo.value.id, {
      stance: 'skeptic',
      influence: 'high',
      interest: 'high',
      role: 'approves',
    });
    git('add', '-A');
    git('commit', '-q', '-m', 'Impact partners');
    base = git('rev-parse', 'HEAD').trim();
    // The range starts at this commit: a second later, so that the check-in below is clearly after it.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await commitFile('impact-area/ledger.ts', 'Ledger totals');
    await commitFile('impact-ledger/notes.md', 'Ledger notes');
  });

  // The commits touched Ingrid's code area, so the nudge from code may suggest telling her: a check-in with
  // her answers it, and the suites after this one (gitCodeAreas) see only their own suggestions.
  after(async () => {
    await alliances.codeNudge.check();
    const store = alliances.service.findPartner(ingrid.value.id)?.entry.store;
    await store?.addCheckIn({ partnerId: ingrid.value.id, kind: 'async', summary: 'Told Ingrid about the ledger change' });
    await waitFor('the nudge for Ingrid answered', () => !alliances.codeNudge.current().some((s) => s.partnerId === ingrid.value.id), 5000);
  });

  it('is registered, and its work is the lazily loaded dist/impact.js', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes(COMMANDS.showChangeImpact));
    assert.equal(bundleLoaded('impact.js'), false, 'not loaded before the first run');
    const result = await impact<ImpactResult>({ action: 'result' });
    assert.ok(result && 'people' in result);
    assert.equal(bundleLoaded('impact.js'), true);
  });

  it('finds the partner whose code area the range touches and the people of the initiative it touches', async () => {
    const result = await impact<ImpactResult>({ action: 'result' });
    assert.equal(result.change.mergeBase, base);
    assert.equal(result.change.commits, 2);
    assert.deepEqual([...result.change.files].sort(), ['impact-area/ledger.ts', 'impact-ledger/notes.md']);
    assert.deepEqual(
      result.people.map((p) => [p.name, p.influence ?? '-', p.consulted ? 'consulted' : 'not']),
      [
        ['Hugo Highflyer', 'high', 'not'],
        ['Ingrid Impactful', '-', 'not'],
      ],
    );
    assert.deepEqual(
      result.initiatives.map((i) => [i.name, i.files]),
      [['Impact Ledger', ['impact-ledger/notes.md']]],
    );
    assert.equal(result.verdict, 'high-influence-not-consulted');
    const items = impactItems(result);
    assert.deepEqual(
      items.map((item) => item.label),
      [
        '$(comment) Add a talking point for the 2 people not consulted',
        '$(copy) Copy the block for the pull request',
        '$(markdown) Open the block as Markdown (to save or preview)',
        '$(git-compare) Compare another range…',
        'Not consulted since the branch started',
        '$(warning) Hugo Highflyer',
        '$(circle-large-outline) Ingrid Impactful',
      ],
    );
    assert.equal(items[5]?.description, 'Legal · Impact Ledger: skeptic; Approves it');
    // Just added: due soon, not yet a silo (a department counts from its first partner's arrival), linked to nobody.
    assert.equal(items[5]?.detail, 'consulted: not yet · due soon; never checked in · isolated');
  });

  it('one click adds a talking point for each person not consulted, once; a check-in since the range started counts as consulted', async () => {
    const added = await impact<Loaded<TalkingPoint>[]>({ action: 'addTalkingPoints' });
    const range = await impact<ImpactResult>({ action: 'result' });
    const label = range.change.branch ?? `${base}..HEAD`;
    assert.deepEqual(
      added.map((t) => [t.value.partnerId, t.value.text]).sort(),
      [
        [hugo.value.id, `Before ${label} merges: it changes impact-ledger/notes.md (Impact Ledger: skeptic; Approves it).`],
        [ingrid.value.id, `Before ${label} merges: it changes impact-area/ledger.ts (code area impact-area/**).`],
      ].sort(),
    );
    for (const point of added) assert.equal((JSON.parse(await fs.readFile(point.path, 'utf8')) as TalkingPoint).text, point.value.text);
    assert.deepEqual(
      range.people.map((p) => [p.name, p.waitingTalkingPoint !== undefined]),
      [
        ['Hugo Highflyer', true],
        ['Ingrid Impactful', true],
      ],
    );
    assert.deepEqual(await impact<Loaded<TalkingPoint>[]>({ action: 'addTalkingPoints' }), [], 'no second talking point');

    const store = alliances.service.findPartner(hugo.value.id)!.entry.store;
    await store.addCheckIn({ partnerId: hugo.value.id, kind: 'one-on-one', summary: 'Walked Hugo through the ledger change' });
    const after = await impact<ImpactResult>({ action: 'result' });
    assert.equal(after.people.find((p) => p.name === 'Hugo Highflyer')?.consulted?.by, 'check-in');
    assert.equal(after.verdict, 'not-consulted');
    const markdown = await impact<string>({ action: 'markdown' });
    assert.match(markdown, /^<!-- alliances:impact -->\n### Who this change affects\n/);
    assert.match(
      markdown,
      /\| Hugo Highflyer \(Legal\) \| Impact Ledger: skeptic; Approves it \| high \|.*\| yes: check-in \d{4}-\d{2}-\d{2} \|/,
    );
    assert.match(markdown, /\nNot consulted yet: Ingrid Impactful\.\n$/);
  });

  it('the quick pick opens on the range and closing it returns the answer', async () => {
    const pending = vscode.commands.executeCommand<ImpactResult | undefined>(COMMANDS.showChangeImpact, { base });
    let settled = false;
    void pending.then(() => (settled = true));
    await waitFor(
      'the quick pick to close',
      async () => {
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        return settled;
      },
      15_000,
    );
    const result = await pending;
    assert.deepEqual(
      result?.people.map((p) => p.name),
      ['Ingrid Impactful', 'Hugo Highflyer'],
    );
  });

  it('a revision that names no commit: a clear message, nothing written', async () => {
    const before = await listFiles(storeRoot());
    const bytes = await Promise.all(before.map((file) => fs.readFile(path.join(storeRoot(), file))));
    for (const revision of ['no-such-branch-anywhere', 'HEAD~999']) {
      for (const action of ['result', 'addTalkingPoints'])
        assert.deepEqual(await impact({ base: revision, action }), {
          error: `"${revision}" is not a revision in this repository (a branch, tag or commit).`,
        });
    }
    assert.deepEqual(await listFiles(storeRoot()), before);
    assert.deepEqual(await Promise.all(before.map((file) => fs.readFile(path.join(storeRoot(), file)))), bytes);
  });
});
