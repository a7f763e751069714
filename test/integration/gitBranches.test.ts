import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { newId } from '../../src/core/ids';
import type { CheckIn, Partner } from '../../src/core/model';
import type { Loaded } from '../../src/core/store';
import type { AlliancesInternals as AlliancesApi } from '../../src/extension/testInternals';
import { api, renderTree, storeRoot, waitFor, workspaceRoot } from './helpers';

// A check-in committed on another local branch (in a second work tree: this one is never checked out
// elsewhere) shows in the partners tree, marked with its branch, and goes when the branch goes.
describe('Records on other branches in a real VS Code', function () {
  let alliances: AlliancesApi;
  let partner: Loaded<Partner>;
  let worktree: string;
  const branch = `feature/it-${Date.now().toString(36)}`;
  const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8' });

  before(async () => {
    alliances = await api();
    partner = (await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', {
      name: 'Brianna Branch',
      department: 'Design',
    }))!;
    git(workspaceRoot(), 'add', '-A');
    git(workspaceRoot(), 'commit', '-q', '-m', 'Store with Brianna');
    worktree = path.join(await fs.realpath(os.tmpdir()), `alliances-it-worktree-${Date.now().toString(36)}`);
  });
  after(() => {
    if (existsSync(worktree)) git(workspaceRoot(), 'worktree', 'remove', '--force', worktree);
  });

  it('shows a check-in committed on another local branch under "On other branches", with the branch and a merge hint, and never writes it here', async () => {
    git(workspaceRoot(), 'worktree', 'add', '-q', '-b', branch, worktree);
    const id = newId();
    const relative = path.join('checkins', '2026', `${id}.json`);
    const record = {
      schemaVersion: 1,
      id,
      partnerId: partner.value.id,
      date: '2026-11-20T10:00:00.000Z',
      kind: 'one-on-one',
      summary: 'Sketched the onboarding flow',
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
      author: { name: 'Casey Colleague', email: 'casey@example.com' },
    };
    await fs.mkdir(path.join(worktree, '.alliances', 'checkins', '2026'), { recursive: true });
    await fs.writeFile(path.join(worktree, '.alliances', relative), `${JSON.stringify(record, null, 2)}\n`);
    git(worktree, 'add', '-A');
    git(worktree, 'commit', '-q', '-m', 'Check-in on a branch');

    // The branch moved: the git watcher rescans without being asked.
    const item = await waitFor(
      'the check-in from the other branch in the tree',
      async () => (await renderTree(alliances)).find((i) => i.node.type === 'branchRecord'),
      10_000,
    );
    assert.equal(item.label, 'Check-in with Brianna Branch: Sketched the onboarding flow');
    assert.equal(item.description, `on ${branch} — merge it to keep it`);
    assert.match(item.tooltip, /Check-in by Casey Colleague/);
    assert.match(item.tooltip, new RegExp(`Only on ${branch.replace('/', '\\/')}`));
    const group = (await renderTree(alliances)).find((i) => i.node.type === 'branches');
    assert.equal(group?.label, 'On other branches');
    assert.equal(group?.description, '1 not on this branch');
    // Shown, not copied: the store here has no such file and no such check-in.
    assert.equal(existsSync(path.join(storeRoot(), relative)), false);
    assert.equal(alliances.service.folders()[0].store.get('checkIn', id), undefined);
    assert.equal(git(workspaceRoot(), 'symbolic-ref', '--short', 'HEAD').trim(), 'main');

    // The partner page lists it too, with the same hint.
    await vscode.commands.executeCommand('alliances.openPartnerPage', partner.value.id);
    const page = await waitFor("Brianna's page", () => alliances.partnerPages.get(partner.value.id));
    const elsewhere = await waitFor(
      'the other branch on the page',
      () => (page.lastData?.git?.elsewhere.length ? page.lastData.git.elsewhere : undefined),
      10_000,
    );
    assert.deepEqual(elsewhere, [
      {
        key: `checkIn:${id}`,
        kindLabel: 'Check-in',
        text: 'Sketched the onboarding flow',
        author: 'Casey Colleague',
        hint: `on ${branch} — merge it to keep it`,
      },
    ]);
    page.dispose();
  });

  it('drops it when the branch is deleted', async () => {
    git(workspaceRoot(), 'worktree', 'remove', '--force', worktree);
    git(workspaceRoot(), 'branch', '-D', branch);
    await waitFor(
      'the tree without records from other branches',
      async () => !(await renderTree(alliances)).some((i) => i.node.type === 'branches' || i.node.type === 'branchRecord'),
      10_000,
    );
  });

  it('logging on a feature branch warns once; after switching back to main the check-in shows as on that branch', async () => {
    const warnBranch = `${branch}-warn`;
    git(workspaceRoot(), 'checkout', '-q', '-b', warnBranch);
    const entry = alliances.service.folders()[0];
    // HEAD moved: the rescan knows the new branch.
    await waitFor('the branch switch to be seen', () => alliances.branches.status(entry)?.current === warnBranch, 10_000);
    const warningsBefore = alliances.branches.warnings.length;
    const first = await vscode.commands.executeCommand<Loaded<CheckIn>>('alliances.logCheckIn', partner.value.id, {
      kind: 'async',
      summary: 'Logged on a feature branch',
    });
    await vscode.commands.executeCommand('alliances.logCheckIn', partner.value.id, { kind: 'async', summary: 'And again' });
    await waitFor('the warning', () => alliances.branches.warnings.length > warningsBefore, 10_000);
    assert.equal(alliances.branches.warnings.length, warningsBefore + 1, 'warned once for the branch');
    assert.match(
      alliances.branches.warnings.at(-1) ?? '',
      new RegExp(`Logged on branch "${warnBranch.replace('/', '\\/')}": teammates on main see it only after`),
    );

    // Commit just that check-in there, go back to main: it leaves the work tree and shows as on the branch.
    git(workspaceRoot(), 'add', '--', first.path);
    git(workspaceRoot(), 'commit', '-q', '-m', 'Check-in on the feature branch', '--', first.path);
    git(workspaceRoot(), 'checkout', '-q', 'main');
    const item = await waitFor(
      'the check-in under On other branches',
      async () =>
        (await renderTree(alliances)).find((i) => i.node.type === 'branchRecord' && i.label.includes('Logged on a feature branch')),
      10_000,
    );
    assert.equal(item.description, `on ${warnBranch} — merge it to keep it`);
    assert.equal(existsSync(first.path), false);
    git(workspaceRoot(), 'branch', '-D', warnBranch);
    await waitFor(
      'the tree without records from other branches',
      async () => !(await renderTree(alliances)).some((i) => i.node.type === 'branchRecord'),
      10_000,
    );
  });
});
