// The MCP server (`alliances mcp`), as a client sees it: the built CLI spawned over stdio and driven by
// the official SDK's own client. Known answers (the same text as src/core/tools), writes refused without
// --allow-writes and made with it, broken files reported and never written, bad input answered.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { promises as fsp, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ListToolsResultSchema } from '@modelcontextprotocol/sdk/types.js';
import type { Store } from '../../src/core/store';
import { answerRead, type ToolContext } from '../../src/core/tools';
import { createDemoWorkspace } from '../fixtures/demoStore';
import { HOSTILE_PAYLOADS } from '../fixtures/hostilePayloads';
import { listFiles, makeStore, makeTempDir, removeTempDir } from './helpers';

/** Polls until `check` holds (the server answers asynchronously), for up to 10 s. */
async function waitUntil(check: () => boolean | Promise<boolean>): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > 10_000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(
  ROOT,
  (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: { alliances: string } }).bin.alliances,
);
const TODAY = new Date(2026, 10, 21, 12);

interface Answer {
  text: string;
  isError: boolean;
}

async function connect(store: string, ...flags: string[]): Promise<Client> {
  const client = new Client({ name: 'alliances-test', version: '1.0.0' });
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [BIN, 'mcp', '--store', store, '--today', '2026-11-21', ...flags],
      stderr: 'pipe',
    }),
  );
  return client;
}

async function call(client: Client, name: string, args: unknown): Promise<Answer> {
  const result = await client.callTool({ name, arguments: args as Record<string, unknown> });
  const content = result.content as { type: string; text: string }[];
  return { text: content.map((part) => part.text).join('\n'), isError: result.isError === true };
}

describe('the MCP server (alliances mcp)', function () {
  this.timeout(60_000);
  let dir: string | undefined;
  let root = '';
  let store: Store;
  const clients: Client[] = [];
  const open = async (...flags: string[]) => {
    const client = await connect(root, ...flags);
    clients.push(client);
    return client;
  };

  before(() => {
    // The bundle the tests run is the one `bin` ships: build it from the current sources.
    execFileSync(process.execPath, ['scripts/build.mjs', '--only=cli'], { cwd: ROOT, stdio: 'ignore' });
  });
  beforeEach(async () => {
    dir = await makeTempDir('alliances-mcp-');
    await createDemoWorkspace(dir, new Date(2026, 10, 21, 9, 30));
    root = path.join(dir, '.alliances');
    store = makeStore(root, { now: () => TODAY });
    await store.load();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await removeTempDir(dir);
  });

  const context = (): ToolContext => ({
    stores: [{ label: path.basename(dir ?? ''), store }],
    now: TODAY,
    defaultCadenceDays: 14,
    siloDays: 45,
    includePrivate: false,
  });

  it('initializes, lists the read tools only, and answers each with the same text as the VS Code tools', async () => {
    const client = await open();
    assert.equal(client.getServerVersion()?.name, 'alliances');
    const { tools } = await client.listTools();
    assert.deepEqual(
      tools.map((tool) => tool.name),
      ['alliances_due', 'alliances_brief', 'alliances_search', 'alliances_ecosystem', 'alliances_agenda'],
    );
    assert.ok(tools.every((tool) => tool.annotations?.readOnlyHint === true && tool.inputSchema.type === 'object'));
    const cases: [string, 'due' | 'brief' | 'search' | 'ecosystem' | 'agenda', Record<string, unknown>][] = [
      ['alliances_due', 'due', {}],
      ['alliances_brief', 'brief', { partner: 'Kwame' }],
      ['alliances_search', 'search', { query: 'product' }],
      ['alliances_ecosystem', 'ecosystem', {}],
      ['alliances_agenda', 'agenda', { partner: 'Marcus Ortega' }],
    ];
    for (const [name, key, args] of cases) {
      const answer = await call(client, name, args);
      assert.equal(answer.isError, false, answer.text);
      assert.equal(answer.text, answerRead(context(), key, args).text, name);
    }
    assert.match((await call(client, 'alliances_due', {})).text, /^Due for a check-in on 2026-11-21: 4 overdue, 2 due within 7 days\./);
  });

  it('refuses writes without --allow-writes, and writes nothing', async () => {
    const client = await open();
    const before = await listFiles(root);
    const answer = await call(client, 'alliances_addTalkingPoint', { partner: 'Dana', text: 'Launch date' });
    assert.deepEqual(answer, {
      isError: true,
      text: 'This Alliances MCP server is read-only: nothing was written. Start it with --allow-writes to let it log check-ins, talking points and follow-ups.',
    });
    assert.equal((await call(client, 'alliances_logCheckIn', { partner: 'Dana', kind: 'ad-hoc', summary: 'x' })).isError, true);
    assert.deepEqual(await listFiles(root), before);
  });

  it('writes with --allow-writes through the store, and sees changes made outside it', async () => {
    const client = await open('--allow-writes');
    assert.equal((await client.listTools()).tools.length, 8);
    const before = await listFiles(root);
    const answer = await call(client, 'alliances_addTalkingPoint', { partner: 'Dana', text: 'Launch date for billing' });
    assert.match(answer.text, /^Added a talking point for Dana Whitfield: talking-points\/([0-9a-z]{26})\.json/);
    const added = (await listFiles(root)).filter((file) => !before.includes(file));
    assert.equal(added.length, 1);
    const record = JSON.parse(await fsp.readFile(path.join(root, added[0] ?? ''), 'utf8')) as { text: string; partnerId: string };
    assert.equal(record.text, 'Launch date for billing');
    assert.equal(record.partnerId, store.partners().find(({ value }) => value.name === 'Dana Whitfield')?.value.id);
    const logged = await call(client, 'alliances_logCheckIn', {
      partner: 'Hannah',
      kind: 'one-on-one',
      summary: 'Runbook agreed',
      rating: 4,
    });
    assert.equal(logged.isError, false, logged.text);
    assert.ok(!(await call(client, 'alliances_due', {})).text.includes('Hannah Okafor'), 'the new check-in counts at once');
    // Written by someone else (VS Code, a teammate's pull): the next answer sees it.
    const marcus = store.partners().find(({ value }) => value.name === 'Marcus Ortega')?.value.id ?? '';
    await store.create('talkingPoint', { partnerId: marcus, text: 'Written outside the server' });
    await waitUntil(async () =>
      (await call(client, 'alliances_agenda', { partner: 'Marcus' })).text.includes('Written outside the server'),
    );
  });

  it('reports a broken store file in the answer and never writes it', async () => {
    const dana = store.partners().find(({ value }) => value.name === 'Dana Whitfield');
    const broken = '{ "name": "Dana", <<<<<<< HEAD\n';
    await fsp.writeFile(dana?.path ?? '', broken);
    const client = await open('--allow-writes');
    const due = await call(client, 'alliances_due', {});
    assert.match(
      due.text,
      /Left out: 1 store file cannot be read \(never written until fixed\):\n- partners\/dana-whitfield-[0-9a-z]{26}\.json:1: /,
    );
    const write = await call(client, 'alliances_addTalkingPoint', { partner: 'Dana', text: 'x' });
    assert.equal(write.isError, true);
    assert.equal(await fsp.readFile(dana?.path ?? '', 'utf8'), broken);
  });

  it('answers bad arguments as tool errors and malformed requests as JSON-RPC errors, and never crashes', async () => {
    const client = await open('--allow-writes');
    const values: unknown[] = [null, 0, -1, 1.5, 1e308, '', 'Dana', true, [], [1, 2], {}, { partner: {} }, { __proto__: { partner: 'x' } }];
    values.push(...HOSTILE_PAYLOADS.map((payload) => payload.text));
    const names = [
      'alliances_due',
      'alliances_brief',
      'alliances_search',
      'alliances_ecosystem',
      'alliances_agenda',
      'alliances_logCheckIn',
      'alliances_addTalkingPoint',
      'alliances_addFollowUp',
      'nope',
    ];
    const keys = [
      'partner',
      'query',
      'kind',
      'summary',
      'rating',
      'date',
      'text',
      'owner',
      'due',
      'withinDays',
      'limit',
      'private',
      'teammate',
    ];
    let seed = 7;
    const pick = <T>(list: readonly T[]): T => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return list[seed % list.length];
    };
    const before = new Set(await listFiles(root));
    for (let i = 0; i < 150; i++) {
      const args: Record<string, unknown> = {};
      for (let k = 0; k < 3; k++) args[pick(keys)] = pick(values);
      const answer = await call(client, pick(names), args);
      assert.equal(typeof answer.text, 'string');
    }
    // Whatever the fuzz wrote went through the store's checks: every file on disk still loads.
    const reloaded = makeStore(root);
    await reloaded.load();
    assert.deepEqual(reloaded.problems(), []);
    const after = new Set(await listFiles(root));
    assert.ok(
      [...before].every((file) => after.has(file)),
      'the fuzz removed nothing',
    );
    await assert.rejects(client.request({ method: 'tools/nope' as 'tools/list', params: {} }, ListToolsResultSchema), /-32601|not found/i);
    assert.equal((await call(client, 'alliances_search', { query: 'dana' })).isError, false, 'still serving');
  });

  it('answers garbage on stdin with JSON-RPC errors and keeps serving', async () => {
    const child = spawn(process.execPath, [BIN, 'mcp', '--store', root], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    const send = (line: string) => child.stdin.write(`${line}\n`);
    send('this is not json');
    send('{"jsonrpc":"2.0","id":1,"method":"no/such/method"}');
    send(
      '{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}',
    );
    send('{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":42}}');
    await waitUntil(() => /"id":3/.test(out) && /"id":2/.test(out) && /"id":1/.test(out));
    const replies = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id?: number; error?: { code: number }; result?: { serverInfo?: { name: string } } });
    assert.equal(replies.find((reply) => reply.id === 1)?.error?.code, -32601);
    assert.equal(replies.find((reply) => reply.id === 2)?.result?.serverInfo?.name, 'alliances');
    assert.ok(replies.find((reply) => reply.id === 3)?.error, 'a call with a bad name is a JSON-RPC error');
    assert.equal(child.exitCode, null, 'still running');
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.equal(code, 0, 'ends when the client closes stdin');
  });

  it('says so when there is no store, with exit code 3', () => {
    const result = spawnSync(process.execPath, [BIN, 'mcp', '--store', path.join(dir ?? '', 'nowhere')], { encoding: 'utf8' });
    assert.equal(result.status, 3);
    assert.match(result.stderr, /^alliances: no store at /);
    assert.equal(result.stdout, '');
  });
});
