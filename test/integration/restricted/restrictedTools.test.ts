// The language-model tools in Restricted Mode, in a real extension host whose folder is not trusted
// (`ALLIANCES_RESTRICTED=1 node out/test/harness/runIntegration.js`: Workspace Trust on, and code-server
// opens a folder it does not know untrusted). The write tools refuse, through vscode.lm.invokeTool and
// through the registered tool object as VS Code calls it, and the store stays the same byte for byte;
// the read tools still answer (docs/decisions/language-model-tools.md, 0005-restricted-mode.md).
import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Partner } from '../../../src/core/model';
import type { Loaded, Store } from '../../../src/core/store';
import { COMMANDS, LANGUAGE_MODEL_TOOLS } from '../../../src/extension/ids';
import type { AlliancesInternals } from '../../../src/extension/testInternals';
import { api, listFiles, workspaceRoot } from '../helpers';

const cancel = new vscode.CancellationTokenSource().token;
const REFUSAL = /Alliances only reads in Restricted Mode: nothing was written/;

/** Every file of the workspace (the store and anything beside it), path → bytes. */
async function snapshot(): Promise<Map<string, Buffer>> {
  const root = workspaceRoot();
  const files = (await listFiles(root)).filter((file) => !file.startsWith('.git/'));
  return new Map(await Promise.all(files.map(async (file) => [file, await fs.readFile(path.join(root, file))] as const)));
}

function assertSameBytes(before: Map<string, Buffer>, after: Map<string, Buffer>, what: string): void {
  assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), `${what}: no file added or removed`);
  for (const [file, bytes] of before) assert.ok(after.get(file)?.equals(bytes), `${what}: ${file} unchanged byte for byte`);
}

const WRITES = [
  [
    'logCheckIn',
    LANGUAGE_MODEL_TOOLS.logCheckIn,
    { partner: 'Rhea Restricted', kind: 'async', summary: 'Written from an untrusted folder' },
  ],
  ['addTalkingPoint', LANGUAGE_MODEL_TOOLS.addTalkingPoint, { partner: 'Rhea Restricted', text: 'A point from an untrusted folder' }],
  ['addFollowUp', LANGUAGE_MODEL_TOOLS.addFollowUp, { partner: 'Rhea Restricted', text: 'A follow-up', owner: 'me', due: '2030-01-15' }],
] as const;

describe('language-model tools in Restricted Mode', function () {
  this.timeout(60_000);
  let alliances: AlliancesInternals;
  let store: Store;
  let rhea: Loaded<Partner>;

  before(async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the harness opened the folder untrusted (ALLIANCES_RESTRICTED=1)');
    assert.equal(typeof vscode.lm?.invokeTool, 'function', 'this VS Code has language-model tools');
    alliances = await api();
    await alliances.service.whenReady();
    // The store may be created and edited in Restricted Mode (at .alliances): only tools are read-only.
    if (!alliances.service.folders()[0]?.store.exists) await vscode.commands.executeCommand(COMMANDS.initializeStore);
    store = alliances.service.folders()[0].store;
    rhea = await store.addPartner({ name: 'Rhea Restricted', department: 'Security' });
    await store.addCheckIn({ partnerId: rhea.value.id, kind: 'one-on-one', rating: 4, summary: 'Met before the folder was untrusted' });
  });

  it('refuse every write through vscode.lm.invokeTool, and write nothing (byte for byte)', async () => {
    const before = await snapshot();
    assert.ok(before.size > 0 && [...before.keys()].some((file) => file.startsWith('.alliances/partners/')), 'a store to compare');
    for (const [, name, input] of WRITES) {
      // No confirmation is asked (prepareInvocation offers none), so invokeTool reaches the tool's refusal.
      await assert.rejects(Promise.resolve(vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }, cancel)), REFUSAL, name);
    }
    assertSameBytes(before, await snapshot(), 'after vscode.lm.invokeTool');
    assert.equal(store.checkIns().filter((c) => c.value.partnerId === rhea.value.id).length, 1, 'the store in memory has no new check-in');
  });

  it('refuse as VS Code would call them: no confirmation offered, invoke says why, nothing written (byte for byte)', async () => {
    const before = await snapshot();
    for (const [key, name, input] of WRITES) {
      const tool = alliances.lmTools.tools.get(key);
      assert.ok(typeof tool?.prepareInvocation === 'function', `${name} is registered`);
      const prepared = await tool.prepareInvocation({ input }, cancel);
      assert.equal(prepared?.confirmationMessages, undefined, `${name}: nothing to confirm, as nothing will be written`);
      assert.equal(prepared?.invocationMessage, 'Alliances only reads in Restricted Mode', name);
      await assert.rejects(Promise.resolve(tool.invoke({ input, toolInvocationToken: undefined }, cancel)), REFUSAL, name);
    }
    assertSameBytes(before, await snapshot(), 'after prepareInvocation and invoke');
  });

  it('keep the read tools answering; the refusal is what guards, as vscode.lm.tools still lists the write tools', async () => {
    // VS Code 1.139 applies a tool's `when` (isWorkspaceTrusted) in the chat's tool picker, not to
    // vscode.lm.tools: any extension can still call a write tool, and the tool's own refusal holds.
    const listed = new Set(vscode.lm.tools.map((tool) => tool.name));
    for (const [, name] of WRITES) assert.ok(listed.has(name), `${name} listed`);
    const result = await vscode.lm.invokeTool(LANGUAGE_MODEL_TOOLS.brief, {
      input: { partner: 'Rhea Restricted' },
      toolInvocationToken: undefined,
    });
    const text = result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
    assert.match(text, /Met before the folder was untrusted/);
    assert.deepEqual(alliances.lmTools.mcpServers(), [], 'no MCP server (a process) for an untrusted folder');
  });
});
