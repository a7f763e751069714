import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Partner } from '../../src/core/model';
import { serialise, type Loaded } from '../../src/core/store';
import type { AlliancesInternals as AlliancesApi } from '../../src/extension/testInternals';
import { api, renderTree, storeRoot, waitFor } from './helpers';

const ID_A = '01jz0000000000000000000aaa';
const ID_B = '01jz0000000000000000000bbb';
const ID_C = '01jz0000000000000000000ccc';

function partnerJson(id: string, name: string, extra: Record<string, unknown> = {}): string {
  return serialise({
    schemaVersion: 1,
    id,
    name,
    department: 'Security',
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
    author: { name: 'Teammate' },
    ...extra,
  });
}

// Outside changes, broken files and refused writes, against the real file watcher and Problems panel.
describe('the store on disk, seen from a real VS Code', function () {
  let alliances: AlliancesApi;
  let partners: string;

  before(async () => {
    alliances = await api();
    await vscode.commands.executeCommand('alliances.initializeStore');
    partners = path.join(storeRoot(), 'partners');
  });

  it('a partner file added from outside (git pull, another window) appears in the tree within a second', async () => {
    await fs.writeFile(path.join(partners, `outside-${ID_A}.json`), partnerJson(ID_A, 'Outside Olga'));
    await waitFor('Olga in the tree', async () => (await renderTree(alliances)).some((item) => item.label === 'Outside Olga'), 1500).catch(
      async (e: Error) => {
        const store = alliances.service.folders()[0].store;
        throw new Error(
          `${e.message}: ${JSON.stringify({ watchEvents: alliances.service.watchEvents, partners: store.partners().map((p) => p.value.name), problems: store.problems(), tree: (await renderTree(alliances)).map((i) => i.label) })}`,
        );
      },
    );
    await fs.rm(path.join(partners, `outside-${ID_A}.json`));
    await waitFor('Olga to leave the tree', async () => !(await renderTree(alliances)).some((item) => item.label === 'Outside Olga'), 1500);
  });

  const broken: [string, Buffer][] = [
    ['empty', Buffer.alloc(0)],
    ['truncated', Buffer.from('{\n  "schemaVersion": 1,\n  "id": "')],
    ['conflict', Buffer.from(`<<<<<<< HEAD\n${partnerJson(ID_C, 'Ours')}=======\n${partnerJson(ID_C, 'Theirs')}>>>>>>> feature\n`)],
    ['wrong-types', Buffer.from(partnerJson(ID_C, 'Typed', { cadenceDays: 'weekly' }))],
    ['newer', Buffer.from(partnerJson(ID_C, 'Future Fay', { schemaVersion: 99 }))],
  ];

  for (const [kind, bytes] of broken) {
    it(`a ${kind} file is reported (tree and Problems), never written, and the rest keeps working`, async () => {
      const file = path.join(partners, `${kind}-${ID_C}.json`);
      await fs.writeFile(file, bytes);
      const uri = vscode.Uri.file(file);
      if (kind === 'newer') {
        const item = await waitFor('the read-only partner', async () =>
          (await renderTree(alliances)).find((i) => i.label === 'Future Fay'),
        );
        assert.equal(item.contextValue, 'partner.active.readonly');
        await vscode.commands.executeCommand('alliances.editPartner', ID_C, { role: 'Changed' });
        await vscode.commands.executeCommand('alliances.snoozePartner', ID_C, 3);
      } else {
        const problem = await waitFor('a broken entry in the tree', async () =>
          (await renderTree(alliances)).find((i) => i.contextValue === 'broken' && i.label === path.basename(file)),
        );
        assert.ok(problem.description.length > 0);
        const diagnostics = await waitFor('a diagnostic', () =>
          vscode.languages.getDiagnostics(uri).length > 0 ? vscode.languages.getDiagnostics(uri) : undefined,
        );
        assert.equal(diagnostics[0]?.source, 'Alliances');
        if (kind === 'conflict') assert.match(diagnostics[0].message, /conflict markers/);
        if (kind === 'wrong-types') {
          assert.match(diagnostics[0].message, /cadenceDays/);
          assert.equal(
            diagnostics[0].range.start.line,
            bytes
              .toString()
              .split('\n')
              .findIndex((l) => l.includes('"cadenceDays"')),
            'points at the cadenceDays line',
          );
        }
        // Nothing can edit it: the id is not a loaded partner.
        await vscode.commands.executeCommand('alliances.editPartner', ID_C, { role: 'Changed' });
      }
      // Other records keep working: add a partner, log a check-in, refresh.
      const other = await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', {
        name: `Healthy ${kind}`,
        department: 'Data',
      });
      assert.ok(other, 'another partner can be added');
      assert.ok(await vscode.commands.executeCommand('alliances.logCheckIn', other.value.id, { kind: 'async', summary: 'still fine' }));
      await vscode.commands.executeCommand('alliances.refresh');
      assert.ok((await fs.readFile(file)).equals(bytes), `${kind} file is byte-identical`);
      await fs.rm(file);
      await waitFor('the problem to clear', () => vscode.languages.getDiagnostics(uri).length === 0);
    });
  }

  it('a dangling check-in (its partner deleted on another branch) is under Needs attention and in Problems until the partner is back', async () => {
    const ID_D = '01jz0000000000000000000ddd';
    const CHECK_IN = '01jz0000000000000000000eee';
    const checkIns = path.join(storeRoot(), 'checkins', '2026');
    await fs.mkdir(checkIns, { recursive: true });
    const file = path.join(checkIns, `${CHECK_IN}.json`);
    const bytes = Buffer.from(
      serialise({
        schemaVersion: 1,
        id: CHECK_IN,
        partnerId: ID_D,
        date: '2026-01-06T10:00:00.000Z',
        kind: 'one-on-one',
        summary: 'Talked',
        createdAt: '2026-01-06T10:00:00.000Z',
        updatedAt: '2026-01-06T10:00:00.000Z',
        author: { name: 'Teammate' },
      }),
    );
    await fs.writeFile(file, bytes);
    const uri = vscode.Uri.file(file);
    // A held record is reported at once and pointed at its "partnerId" line a moment later (integrity.ts reads it).
    const problem = await waitFor('the dangling check-in under Needs attention, at its line', async () =>
      (await renderTree(alliances)).find(
        (i) => i.contextValue === 'broken' && i.label === path.basename(file) && !i.description.startsWith('line 1:'),
      ),
    );
    assert.match(problem.description, new RegExp(`^line 4: This check-in's partner ${ID_D} is not in the store`));
    const diagnostics = await waitFor('a diagnostic at the partnerId line', () =>
      vscode.languages.getDiagnostics(uri)[0]?.range.start.line === 3 ? vscode.languages.getDiagnostics(uri) : undefined,
    );
    assert.equal(diagnostics[0]?.source, 'Alliances');
    assert.equal(diagnostics[0]?.code, 'missing-partner');
    assert.equal(diagnostics[0]?.range.start.line, 3, 'points at the partnerId line');
    assert.equal(alliances.service.findRecord('checkIn', CHECK_IN), undefined, 'not counted');
    await vscode.commands.executeCommand('alliances.refresh');
    assert.ok((await fs.readFile(file)).equals(bytes), 'the check-in is byte-identical');

    // The partner arrives (a pull): the check-in counts, the problem clears.
    const partnerFile = path.join(partners, `dora-${ID_D}.json`);
    await fs.writeFile(partnerFile, partnerJson(ID_D, 'Dangling Dora'));
    await waitFor('the problem to clear', () => vscode.languages.getDiagnostics(uri).length === 0);
    await waitFor('the check-in to count', () => alliances.service.findRecord('checkIn', CHECK_IN));
    await fs.rm(file);
    await fs.rm(partnerFile);
    await waitFor('Dora to leave the tree', async () => !(await renderTree(alliances)).some((item) => item.label === 'Dangling Dora'));
  });

  it('refuses to write a record open in an editor with unsaved changes', async () => {
    const file = path.join(partners, `dirty-${ID_B}.json`);
    await fs.writeFile(file, partnerJson(ID_B, 'Dirty Dora'));
    await waitFor('Dora', () => alliances.service.findPartner(ID_B));
    const before = await fs.readFile(file);
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(file));
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 1), ' '));
    assert.ok(editor.document.isDirty);
    const result = await vscode.commands.executeCommand('alliances.editPartner', ID_B, { role: 'Lead' });
    assert.equal(result, undefined, 'refused');
    assert.ok((await fs.readFile(file)).equals(before), 'file unchanged on disk');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    assert.ok(await vscode.commands.executeCommand('alliances.editPartner', ID_B, { role: 'Lead' }), 'allowed once the editor is clean');
  });

  it('never writes over a file changed on disk since it was read', async () => {
    const file = path.join(partners, `dirty-${ID_B}.json`);
    const outside = partnerJson(ID_B, 'Dirty Dora', { role: 'Changed by git pull', updatedAt: '2026-02-01T00:00:00.000Z' });
    await fs.writeFile(file, outside);
    // Immediately, before or after the watcher catches up: either refused, or applied on top of the new file.
    await vscode.commands.executeCommand('alliances.editPartner', ID_B, { email: 'dora@example.com' });
    const text = await fs.readFile(file, 'utf8');
    assert.match(text, /Changed by git pull/, 'the outside change survives');
  });
});
