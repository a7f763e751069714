import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Partner } from '../../src/core/model';
import { serialise, type Loaded } from '../../src/core/store';
import type { AlliancesInternals as AlliancesApi } from '../../src/extension/testInternals';
import { recordBytes, recordCounts } from '../reliability/counts';
import { api, renderTree, storeRoot, waitFor, workspaceRoot } from './helpers';

const SUITE = 'integration-reliability';

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

/** Fresh ids per case: 26 lowercase base-32 characters, unlike anything the other suites use. */
const idFor = (n: number) => `01jzrex${String(n).padStart(19, '0')}`;

// Bad input, git operations and symbolic links through the real commands, the real watcher, the tree
// and the Problems panel: a representative subset of the unit suites, where the user meets them.
describe('reliability in a real VS Code: bad input, git in progress, links', function () {
  this.timeout(60_000);
  let alliances: AlliancesApi;
  let partners: string;
  let healthy: Loaded<Partner>;
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: workspaceRoot(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  before(async () => {
    alliances = await api();
    await vscode.commands.executeCommand('alliances.initializeStore');
    partners = path.join(storeRoot(), 'partners');
    const created = await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', {
      name: 'Reliable Rita',
      department: 'Data',
    });
    assert.ok(created);
    healthy = created;
  });

  const pretty = partnerJson(idFor(0), 'Template').split('\n');
  const cases: { name: string; bytes: (id: string) => Buffer; line: number; column?: number; message: RegExp }[] = [
    {
      name: 'invalid UTF-8 (at its byte)',
      bytes: (id) => {
        const text = partnerJson(id, 'Ren');
        const at = text.indexOf('"Ren"') + 4;
        return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xe9]), Buffer.from(text.slice(at))]);
      },
      line: 4,
      column: 15,
      message: /not valid UTF-8/,
    },
    { name: 'UTF-16 without a BOM', bytes: (id) => Buffer.from(partnerJson(id, 'Wide'), 'utf16le'), line: 1, column: 1, message: /UTF-16/ },
    {
      name: 'a key given twice',
      bytes: (id) => Buffer.from(partnerJson(id, 'Twice').replace('"department"', '"name": "Again",\n  "department"')),
      line: 5,
      column: 3,
      message: /key "name" twice/,
    },
    {
      name: 'a "__proto__" key',
      bytes: (id) => Buffer.from(partnerJson(id, 'Proto').replace('"department"', '"__proto__": {},\n  "department"')),
      line: 5,
      column: 3,
      message: /__proto__/,
    },
    { name: 'a top-level null', bytes: () => Buffer.from('null\n'), line: 1, message: /Must be an object, not null\./ },
    {
      name: 'comments and a trailing comma',
      bytes: (id) => Buffer.from(partnerJson(id, 'Lax').replace('"department": "Security",', '"department": "Security", // hand edit\n')),
      line: 5,
      message: /not valid JSON/,
    },
    {
      name: 'an invalid date',
      bytes: (id) => Buffer.from(partnerJson(id, 'Date', { snoozedUntil: '2026-02-30' })),
      line: pretty.length - 1,
      message: /"snoozedUntil"/,
    },
  ];

  for (const [index, bad] of cases.entries()) {
    it(`${bad.name}: in the tree and the Problems panel at line ${bad.line}, never written, the rest keeps working`, async () => {
      const id = idFor(index + 1);
      const file = path.join(partners, `bad-${id}.json`);
      const bytes = bad.bytes(id);
      await fs.writeFile(file, bytes);
      const uri = vscode.Uri.file(file);
      const diagnostics = await waitFor('a diagnostic', () =>
        vscode.languages.getDiagnostics(uri).length > 0 ? vscode.languages.getDiagnostics(uri) : undefined,
      );
      assert.match(diagnostics[0].message, bad.message);
      assert.equal(diagnostics[0].range.start.line, bad.line - 1, JSON.stringify(diagnostics[0].range));
      if (bad.column !== undefined)
        assert.equal(diagnostics[0].range.start.character, bad.column - 1, JSON.stringify(diagnostics[0].range));
      await waitFor('a broken entry in the tree', async () =>
        (await renderTree(alliances)).find((i) => i.contextValue === 'broken' && i.label === path.basename(file)),
      );

      // Every command that could touch it, and the ones that touch the rest.
      assert.equal(await vscode.commands.executeCommand('alliances.editPartner', id, { role: 'Changed' }), undefined);
      assert.equal(await vscode.commands.executeCommand('alliances.snoozePartner', id, 3), undefined);
      assert.equal(await vscode.commands.executeCommand('alliances.archivePartner', id), undefined);
      assert.ok(await vscode.commands.executeCommand('alliances.editPartner', healthy.value.id, { role: `After case ${index}` }));
      assert.ok(
        await vscode.commands.executeCommand('alliances.logCheckIn', healthy.value.id, { kind: 'async', summary: `still fine ${index}` }),
      );
      await vscode.commands.executeCommand('alliances.refresh');
      assert.equal(recordBytes(SUITE, bytes, await fs.readFile(file)), 0, 'byte-identical');
      recordCounts(SUITE, { badInputs: 1 });
      await fs.rm(file);
      await waitFor('the problem to clear', () => vscode.languages.getDiagnostics(uri).length === 0);
    });
  }

  it('two files with one id: both in the Problems panel, neither in the tree, and the survivor loads once the copy goes', async () => {
    const id = idFor(20);
    const first = path.join(partners, `dup-a-${id}.json`);
    const second = path.join(partners, `dup-b-${id}.json`);
    await fs.writeFile(first, partnerJson(id, 'Dup A'));
    await fs.writeFile(second, partnerJson(id, 'Dup B'));
    for (const file of [first, second]) {
      const diagnostics = await waitFor(`a diagnostic on ${path.basename(file)}`, () =>
        vscode.languages.getDiagnostics(vscode.Uri.file(file)).length > 0
          ? vscode.languages.getDiagnostics(vscode.Uri.file(file))
          : undefined,
      );
      assert.match(diagnostics[0].message, /Duplicate id/);
      assert.equal(diagnostics[0].range.start.line, 2, 'points at "id"');
    }
    assert.ok(!(await renderTree(alliances)).some((i) => i.label === 'Dup A' || i.label === 'Dup B'));
    assert.equal(await vscode.commands.executeCommand('alliances.editPartner', id, { role: 'x' }), undefined);
    recordCounts(SUITE, { badInputs: 1 });
    await fs.rm(second);
    await waitFor('Dup A in the tree', async () => (await renderTree(alliances)).some((i) => i.label === 'Dup A'));
    assert.equal(vscode.languages.getDiagnostics(vscode.Uri.file(first)).length, 0);
    await fs.rm(first);
  });

  it('a real merge conflict: shown in the tree and Problems, every write held back with a message until it is resolved, then it loads', async () => {
    const id = idFor(30);
    const file = path.join(partners, `merged-${id}.json`);
    const relative = path.relative(workspaceRoot(), file).split(path.sep).join('/');
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', 'before the conflict');
    await fs.writeFile(file, partnerJson(id, 'Merge Mo'));
    git('add', relative);
    git('commit', '-q', '-m', 'Mo');
    git('checkout', '-q', '-b', 'reliability-side');
    await fs.writeFile(file, partnerJson(id, 'Merge Mo', { role: 'Theirs' }));
    git('commit', '-q', '-am', 'theirs');
    git('checkout', '-q', '-');
    await fs.writeFile(file, partnerJson(id, 'Merge Mo', { role: 'Ours' }));
    git('commit', '-q', '-am', 'ours');
    await waitFor('Mo (ours) loaded', () => alliances.service.findPartner(id)?.view.record.value.role === 'Ours');
    assert.throws(() => git('merge', '--no-edit', 'reliability-side'));

    const uri = vscode.Uri.file(file);
    const diagnostics = await waitFor('the conflict in Problems', () =>
      vscode.languages.getDiagnostics(uri).length > 0 ? vscode.languages.getDiagnostics(uri) : undefined,
    );
    assert.match(diagnostics[0].message, /conflict markers/);
    const item = await waitFor('the conflict in the tree', async () =>
      (await renderTree(alliances)).find((i) => i.contextValue === 'broken' && i.label === path.basename(file)),
    );
    assert.equal(item.description, 'merge conflict');
    const conflicted = await fs.readFile(file);
    const rita = await fs.readFile(healthy.path);
    // Even a healthy record waits for the merge: the working tree is git's until it is finished.
    assert.equal(await vscode.commands.executeCommand('alliances.editPartner', healthy.value.id, { role: 'During the merge' }), undefined);
    assert.equal(await vscode.commands.executeCommand('alliances.addPartner', { name: 'During the merge', department: 'Data' }), undefined);
    assert.equal(recordBytes(SUITE, conflicted, await fs.readFile(file)), 0);
    assert.equal(recordBytes(SUITE, rita, await fs.readFile(healthy.path)), 0);
    recordCounts(SUITE, { faults: 1 });

    git('checkout', '--theirs', '--', relative);
    git('add', relative);
    git('commit', '-q', '--no-edit');
    await waitFor('Mo (theirs) loaded', () => alliances.service.findPartner(id)?.view.record.value.role === 'Theirs', 5000);
    await waitFor('the conflict to leave Problems', () => vscode.languages.getDiagnostics(uri).length === 0);
    assert.ok(await vscode.commands.executeCommand('alliances.editPartner', healthy.value.id, { role: 'After the merge' }));
    assert.ok(await vscode.commands.executeCommand('alliances.editPartner', id, { role: 'Resolved' }));
    git('branch', '-q', '-D', 'reliability-side');
  });

  it('a symlinked record loads but is never replaced by a plain file', async () => {
    const id = idFor(40);
    const real = path.join(workspaceRoot(), `linked-${id}.json`);
    const link = path.join(partners, `linked-${id}.json`);
    await fs.writeFile(real, partnerJson(id, 'Linked Lin'));
    await fs.symlink(real, link);
    await waitFor('Lin in the tree', async () => (await renderTree(alliances)).some((i) => i.label === 'Linked Lin'), 5000);
    const before = await fs.readFile(real);
    assert.equal(await vscode.commands.executeCommand('alliances.editPartner', id, { role: 'x' }), undefined);
    assert.ok((await fs.lstat(link)).isSymbolicLink());
    assert.equal(recordBytes(SUITE, before, await fs.readFile(real)), 0);
    recordCounts(SUITE, { badInputs: 1 });
    await fs.rm(link);
    await fs.rm(real);
  });
});
