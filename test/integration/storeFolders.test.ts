import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { newId } from '../../src/core/ids';
import type { Partner } from '../../src/core/model';
import { serialise, type Loaded } from '../../src/core/store';
import type { AlliancesApi } from '../../src/extension/extension';
import { api, storeRoot, waitFor } from './helpers';

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
