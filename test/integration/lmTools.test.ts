// The language-model tools in a real extension host: listed by vscode.lm.tools, invoked through
// vscode.lm.invokeTool (no model needed) with known answers, private records absent unless the user's
// setting is on, and a write's confirmation that shows what is then written. Outside a chat, VS Code
// confirms through its DialogService, which accepts every confirmation unseen in an extension test run:
// a decline is driven through the registered tool object (prepareInvocation, never invoke) and through a
// cancelled vscode.lm.invokeTool; an acceptance through both.
import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Partner } from '../../src/core/model';
import type { Loaded, Store } from '../../src/core/store';
import { answerRead, type ToolContext } from '../../src/core/tools';
import { inline } from '../../src/core/tools/toolText';
import { COMMANDS, LANGUAGE_MODEL_TOOLS, SETTINGS, SETTINGS_SECTION } from '../../src/extension/ids';
import type { AlliancesInternals } from '../../src/extension/testInternals';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { HOSTILE_PAYLOADS } from '../fixtures/hostilePayloads';
import { api, listFiles, storeRoot, waitFor } from './helpers';

const SECRET = 'Confidential reorg talk';
const HOSTILE = HOSTILE_PAYLOADS.find((payload) => payload.name === 'javascript: link (markdown)')?.text ?? '';

async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

const cancel = new vscode.CancellationTokenSource().token;

/** Every file of the store, path → bytes. */
async function snapshot(): Promise<Map<string, Buffer>> {
  const root = storeRoot();
  const files = await listFiles(root);
  return new Map(await Promise.all(files.map(async (file) => [file, await fs.readFile(path.join(root, file))] as const)));
}

function assertSameBytes(before: Map<string, Buffer>, after: Map<string, Buffer>, what: string): void {
  assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), `${what}: no file added or removed`);
  for (const [file, bytes] of before) assert.ok(after.get(file)?.equals(bytes), `${what}: ${file} unchanged byte for byte`);
}

describe('language-model tools', function () {
  this.timeout(60_000);
  let alliances: AlliancesInternals;
  let store: Store;
  let zora: Loaded<Partner>;
  let hostile: Loaded<Partner>;
  const written: string[] = [];
  const config = () => vscode.workspace.getConfiguration(SETTINGS_SECTION);

  before(async function () {
    if (typeof vscode.lm?.invokeTool !== 'function') this.skip();
    alliances = await api();
    const entry = alliances.service.folders()[0];
    assert.ok(entry, 'a store');
    store = entry.store;
    zora = await store.addPartner({ name: 'Zora Lmtool', department: 'Research', role: 'Tool Tester' });
    hostile = await store.addPartner({ name: `Hostile ${HOSTILE}`, department: 'Research' });
    const shared = await store.addCheckIn({ partnerId: zora.value.id, kind: 'one-on-one', rating: 4, summary: 'Planned the tools study' });
    const secret = await store.addCheckIn({ partnerId: zora.value.id, kind: 'ad-hoc', rating: 2, summary: SECRET, private: true });
    written.push(zora.path, hostile.path, shared.path, secret.path);
  });

  after(async () => {
    await config().update(SETTINGS.toolsIncludePrivate, undefined, vscode.ConfigurationTarget.Global);
    for (const file of written) await fs.rm(file, { force: true });
    await vscode.commands.executeCommand(COMMANDS.refresh);
  });

  const context = (includePrivate = false): ToolContext => ({
    stores: alliances.service.folders().map((entry) => ({ label: entry.folder.name, store: entry.store })),
    now: new Date(),
    defaultCadenceDays: 14,
    siloDays: 45,
    includePrivate,
  });

  it('are all listed by vscode.lm.tools, with their #references', () => {
    const listed = new Map(vscode.lm.tools.map((tool) => [tool.name, tool]));
    for (const name of Object.values(LANGUAGE_MODEL_TOOLS)) assert.ok(listed.has(name), `${name} in ${[...listed.keys()].join(', ')}`);
    assert.deepEqual(listed.get(LANGUAGE_MODEL_TOOLS.search)?.tags, ['alliances']);
    assert.equal(alliances.lmTools.tools.size, Object.keys(LANGUAGE_MODEL_TOOLS).length);
  });

  it('answer through vscode.lm.invokeTool with the core answers', async () => {
    for (const [name, key, input] of [
      [LANGUAGE_MODEL_TOOLS.search, 'search', { query: 'lmtool' }],
      [LANGUAGE_MODEL_TOOLS.brief, 'brief', { partner: 'Zora Lmtool' }],
      [LANGUAGE_MODEL_TOOLS.agenda, 'agenda', { partner: 'Zora' }],
      [LANGUAGE_MODEL_TOOLS.due, 'due', {}],
      [LANGUAGE_MODEL_TOOLS.ecosystem, 'ecosystem', {}],
    ] as const)
      assert.equal(await invoke(name, input), answerRead(context(), key, input).text, name);
    assert.match(
      await invoke(LANGUAGE_MODEL_TOOLS.search, { query: 'lmtool' }),
      /^1 partner match "lmtool":\n\n- Zora Lmtool — Tool Tester, Research, id /,
    );
    assert.match(
      await invoke(LANGUAGE_MODEL_TOOLS.brief, { partner: 'Zora Lmtool' }),
      /## Last check-ins \(1 of 1, newest first\)\n\n- \d{4}-\d\d-\d\d, 1:1, rated 4\/5: Planned the tools study \(by Alliances Tests\), id [0-9a-z]{26}\n/,
    );
  });

  it('leave private records out unless the user turned the setting on (a workspace setting does not count)', async () => {
    const brief = () => invoke(LANGUAGE_MODEL_TOOLS.brief, { partner: 'Zora Lmtool' });
    assert.ok(!(await brief()).includes(SECRET));
    // An application setting: VS Code itself refuses it in a workspace's settings.
    await assert.rejects(
      Promise.resolve(config().update(SETTINGS.toolsIncludePrivate, true, vscode.ConfigurationTarget.Workspace)),
      /only into User settings/,
    );
    assert.ok(!(await brief()).includes(SECRET));
    await config().update(SETTINGS.toolsIncludePrivate, true, vscode.ConfigurationTarget.Global);
    await waitFor('the setting', () => config().inspect(SETTINGS.toolsIncludePrivate)?.globalValue === true);
    assert.match(await brief(), new RegExp(`rated 2/5 \\(private\\): ${SECRET}`));
    await config().update(SETTINGS.toolsIncludePrivate, undefined, vscode.ConfigurationTarget.Global);
  });

  it('confirm a write with the exact record and store; nothing is written until invoke, then exactly that', async () => {
    const tool = alliances.lmTools.tools.get('addFollowUp');
    assert.ok(typeof tool?.prepareInvocation === 'function');
    const input = { partner: 'Zora Lmtool', text: 'Send the study plan', owner: 'them', due: '2030-01-15' };
    const before = await listFiles(storeRoot());
    const prepared = await tool.prepareInvocation.call(tool, { input }, cancel);
    const message = prepared?.confirmationMessages?.message;
    assert.equal(prepared?.confirmationMessages?.title, 'Add a follow-up for Zora Lmtool?');
    assert.ok(message instanceof vscode.MarkdownString);
    assert.match(message.value, /\*\*Writes:\*\* a new file in follow-ups\/ \(shared with the team through git\)/);
    assert.ok(message.value.includes(inline(storeRoot(), 1000)), 'names the store');
    const fields = { partnerId: zora.value.id, text: 'Send the study plan', owner: 'them', due: '2030-01-15' };
    assert.ok(message.value.includes(JSON.stringify(fields, null, 2)), message.value);
    assert.deepEqual(await listFiles(storeRoot()), before, 'declined (prepared, never invoked): nothing written');
    const result = await tool.invoke({ input, toolInvocationToken: undefined }, cancel);
    const text = (result?.content[0] as vscode.LanguageModelTextPart).value;
    const id = /\(id ([0-9a-z]{26})\)/.exec(text)?.[1] ?? '';
    const record = alliances.service.findRecord('followUp', id);
    assert.ok(record, text);
    written.push(record.record.path);
    const {
      schemaVersion: _v,
      id: _id,
      createdAt: _c,
      updatedAt: _u,
      author: _a,
      ...own
    } = JSON.parse(await fs.readFile(record.record.path, 'utf8')) as Record<string, unknown>;
    assert.deepEqual(own, fields);
  });

  // The most real confirmation here: vscode.lm.invokeTool outside a chat (no toolInvocationToken) runs
  // prepareInvocation, then asks VS Code's DialogService to confirm, then invoke. In an extension test run
  // that service accepts every confirmation without showing it (DialogService.skipDialogs: extension
  // development with extensionTestsPath), so a decline cannot be clicked here: the cancelled call is the
  // declined path VS Code takes after the dialog (it throws CancellationError before invoke).
  it('through vscode.lm.invokeTool: a cancelled call writes nothing; a confirmed one writes exactly what the confirmation showed', async () => {
    const input = { partner: 'Zora Lmtool', text: 'Review the dialog study', owner: 'me', due: '2030-02-01' };
    const fields = { partnerId: zora.value.id, text: 'Review the dialog study', owner: 'me', due: '2030-02-01' };
    const tool = alliances.lmTools.tools.get('addFollowUp');
    const prepared = await tool?.prepareInvocation?.({ input }, cancel);
    const shown = (prepared?.confirmationMessages?.message as vscode.MarkdownString | undefined)?.value ?? '';
    assert.ok(shown.includes(JSON.stringify(fields, null, 2)), shown);
    assert.ok(shown.includes(inline(storeRoot(), 1000)), 'names the store');

    const before = await snapshot();
    const cancelled = new vscode.CancellationTokenSource();
    cancelled.cancel();
    await assert.rejects(
      Promise.resolve(vscode.lm.invokeTool(LANGUAGE_MODEL_TOOLS.addFollowUp, { input, toolInvocationToken: undefined }, cancelled.token)),
      /cancel/i,
    );
    assertSameBytes(before, await snapshot(), 'cancelled');

    const text = await invoke(LANGUAGE_MODEL_TOOLS.addFollowUp, input);
    const id = /\(id ([0-9a-z]{26})\)/.exec(text)?.[1] ?? '';
    const record = alliances.service.findRecord('followUp', id);
    assert.ok(record, text);
    written.push(record.record.path);
    const after = await snapshot();
    assert.deepEqual(
      [...after.keys()].filter((file) => !before.has(file)),
      [path.relative(storeRoot(), record.record.path).split(path.sep).join('/')],
      'confirmed: exactly one new file',
    );
    for (const [file, bytes] of before) assert.ok(after.get(file)?.equals(bytes), `confirmed: ${file} unchanged`);
    const {
      schemaVersion: _v,
      id: _id,
      createdAt: _c,
      updatedAt: _u,
      author: _a,
      ...own
    } = JSON.parse(await fs.readFile(record.record.path, 'utf8')) as Record<string, unknown>;
    assert.deepEqual(own, fields, 'the fields the confirmation showed, and nothing else');
  });

  it('answer a write that cannot be made without a confirmation, in words, through vscode.lm.invokeTool', async () => {
    const before = await listFiles(storeRoot());
    await assert.rejects(
      invoke(LANGUAGE_MODEL_TOOLS.addTalkingPoint, { partner: 'Nobody Lmtool', text: 'x' }),
      /No partner matches "Nobody Lmtool"/,
    );
    await assert.rejects(invoke(LANGUAGE_MODEL_TOOLS.brief, { partner: 42 }), /Invalid input/);
    assert.deepEqual(await listFiles(storeRoot()), before);
  });

  it('offer VS Code one MCP server per store, read-only, that starts and serves the same tools', async function () {
    const servers = alliances.lmTools.mcpServers();
    assert.equal(servers.length, alliances.service.folders().length);
    const [server] = servers;
    assert.ok(server);
    assert.deepEqual(server.args.slice(1), ['mcp', '--store', storeRoot()]);
    if (
      typeof (vscode.lm as unknown as { registerMcpServerDefinitionProvider?: unknown }).registerMcpServerDefinitionProvider !== 'function'
    )
      this.skip();
    // Started as VS Code would start it: this host's Node (Electron's, as Node) on the extension's dist/cli.js.
    const client = new Client({ name: 'alliances-integration', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: server.command,
        args: server.args,
        env: { ...process.env, ...server.env } as Record<string, string>,
      }),
    );
    try {
      const { tools } = await client.listTools();
      assert.deepEqual(
        tools.map((tool) => tool.name),
        ['alliances_due', 'alliances_brief', 'alliances_search', 'alliances_ecosystem', 'alliances_agenda'],
      );
      const result = await client.callTool({ name: LANGUAGE_MODEL_TOOLS.search, arguments: { query: 'lmtool' } });
      assert.equal(
        (result.content as { text: string }[])[0]?.text,
        answerRead(context(), 'search', { query: 'lmtool' }).text.replace(/\[store: [^\]]*\]/g, ''),
      );
    } finally {
      await client.close();
    }
  });

  it('show hostile stored text escaped, and never fail on it', async () => {
    const brief = await invoke(LANGUAGE_MODEL_TOOLS.brief, { partner: hostile.value.id });
    assert.ok(brief.includes(inline(hostile.value.name, 200)), brief);
    assert.ok(!/(^|[^\\])\]\(javascript:/.test(brief), 'no live link');
    const prepared = await alliances.lmTools.tools
      .get('addTalkingPoint')
      ?.prepareInvocation?.({ input: { partner: hostile.value.id, text: HOSTILE } }, cancel);
    const value = (prepared?.confirmationMessages?.message as vscode.MarkdownString).value;
    assert.ok(!/\*\*Talking point:\*\* \[read the plan\]\(javascript/.test(value), value);
  });
});
