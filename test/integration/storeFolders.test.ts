import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { newId } from '../../src/core/ids';
import type { Partner } from '../../src/core/model';
import { serialise, type Loaded } from '../../src/core/store';
import type { AlliancesInternals as AlliancesApi } from '../../src/extension/testInternals';
import { api, storeRoot, waitFor, workspaceRoot } from './helpers';

// Record folders that appear after the store loaded (a pull bringing the first ask, `mkdir -p`).
// VS Code's watcher misses events in folders created a moment after their parent, so the record is
// written a moment after its folder: only the store's own watch on the new folder can see it.
describe('record folders created after the store loaded, seen from a real VS Code', function () {
  let alliances: AlliancesApi;
  let partner: Loaded<Partner>;

  before(async () => {
    alliances = await api();
    await vscode.commands.executeCommand('alliances.initializeStore');
    partner = (await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', { name: 'Folder Fran', department: 'Ops' }))!;
  });

  function askJson(id: string, text: string): string {
    return serialise({
      schemaVersion: 1,
      id,
      partnerId: partner.value.id,
      direction: 'they-asked',
      text,
      status: 'open',
      createdAt: '2026-03-01T10:00:00.000Z',
      updatedAt: '2026-03-01T10:00:00.000Z',
      author: { name: 'Teammate' },
    });
  }

  it('asks/ arriving by git checkout of a branch that has it: its record loads, and later outside changes there show within a second', async () => {
    const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8' });
    const store = alliances.service.folders()[0].store;
    const dir = path.join(storeRoot(), 'asks');
    await fs.rm(dir, { recursive: true, force: true });
    const branch = `it-asks-${Date.now().toString(36)}`;
    const worktree = path.join(await fs.realpath(os.tmpdir()), `alliances-it-asks-${Date.now().toString(36)}`);
    const id = newId();
    // The branch starts from this one (a first commit when the test runs alone).
    git(workspaceRoot(), 'add', '-A');
    git(workspaceRoot(), 'commit', '-q', '--allow-empty', '-m', 'before the asks branch');
    git(workspaceRoot(), 'worktree', 'add', '-q', '-b', branch, worktree);
    const relativeStore = path.relative(workspaceRoot(), storeRoot());
    await fs.mkdir(path.join(worktree, relativeStore, 'asks'), { recursive: true });
    await fs.writeFile(path.join(worktree, relativeStore, 'asks', `${id}.json`), askJson(id, 'Committed on a branch'));
    git(worktree, 'add', '-A');
    git(worktree, 'commit', '-q', '-m', 'An ask on a branch');
    git(workspaceRoot(), 'worktree', 'remove', '--force', worktree);
    const before = git(workspaceRoot(), 'rev-parse', '--abbrev-ref', 'HEAD').trim();
    git(workspaceRoot(), 'checkout', '-q', branch);
    try {
      await waitFor('the ask from the branch', () => store.get('ask', id), 1500);
      await waitFor('a watch on asks/', () => alliances.service.watchedFolders().includes(dir), 1000).catch((e: Error) => {
        throw new Error(`${e.message}: ${JSON.stringify(alliances.service.watchedFolders())}`);
      });
      await new Promise((resolve) => setTimeout(resolve, 400));
      const later = newId();
      await fs.writeFile(path.join(dir, `${later}.json`), askJson(later, 'Pulled a moment later'));
      await waitFor('the later ask', () => store.get('ask', later), 1500);
      await fs.rm(path.join(dir, `${later}.json`));
    } finally {
      git(workspaceRoot(), 'checkout', '-q', before);
      git(workspaceRoot(), 'branch', '-q', '-D', branch);
    }
    await waitFor('the branch ask to go with its branch', () => !store.get('ask', id), 1500);
  });

  for (const folder of ['asks', 'private/asks']) {
    it(`${folder}/ created with mkdir -p, its first record written a moment later: in the store within a second`, async () => {
      const dir = path.join(storeRoot(), ...folder.split('/'));
      await fs.rm(dir, { recursive: true, force: true });
      const store = alliances.service.folders()[0].store;
      const eventsBefore = alliances.service.watchEvents;
      await fs.mkdir(dir, { recursive: true });
      // Its own watch, not only VS Code's (which misses events in folders created a moment after their parent).
      await waitFor('a watch on the new folder', () => alliances.service.watchedFolders().includes(dir), 1000).catch((e: Error) => {
        throw new Error(`${e.message}: ${JSON.stringify(alliances.service.watchedFolders())}`);
      });
      // The folder's own event first (the store re-reads it, finds nothing), then the file.
      await waitFor('the new folder to be seen', () => alliances.service.watchEvents > eventsBefore, 3000);
      await new Promise((resolve) => setTimeout(resolve, 400));
      const id = newId();
      await fs.writeFile(path.join(dir, `${id}.json`), askJson(id, `An ask in ${folder}`));
      const ask = await waitFor('the ask in the store', () => store.get('ask', id), 1500).catch((e: Error) => {
        throw new Error(`${e.message}: ${JSON.stringify({ watchEvents: alliances.service.watchEvents, problems: store.problems() })}`);
      });
      assert.equal(ask.private, folder.startsWith('private/'));
      // And later changes there too.
      await fs.writeFile(path.join(dir, `${id}.json`), askJson(id, 'Changed from outside'));
      await waitFor('the change', () => store.get('ask', id)?.value.text === 'Changed from outside', 1500);
    });
  }
});
