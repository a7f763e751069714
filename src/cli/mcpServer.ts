// `alliances mcp --store <path>`: the language-model tools (src/core/tools) served over MCP on stdio, with
// the official SDK. Read-only unless started with --allow-writes; writes go through the store like every
// other write (atomic, refused on conflict, never over a broken file). stdout carries the protocol only:
// everything else goes to stderr.
import { execFileSync } from 'node:child_process';
import { watch, type FSWatcher } from 'node:fs';
import * as path from 'node:path';
// The low-level Server, not McpServer: the tools' input schemas are JSON Schemas shared with VS Code's
// manifest, and McpServer.registerTool would want a second copy of each as a zod schema.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { authorFrom } from '../core/author';
import type { Author } from '../core/model';
import { nodeFileSystem } from '../core/nodeFileSystem';
import { Store } from '../core/store';
import { runTool, TOOL_DEFINITIONS, ToolError, type ToolContext } from '../core/tools';

export interface McpOptions {
  root: string;
  allowWrites: boolean;
  includePrivate: boolean;
  defaultCadenceDays: number;
  siloDays: number;
  today?: Date;
  /** Where warnings go (stderr). */
  log: (text: string) => void;
}

const READ_ONLY =
  'This Alliances MCP server is read-only: nothing was written. Start it with --allow-writes to let it log check-ins, talking points and follow-ups.';

/** git's user.name and user.email where the store lives, else the OS user: what the extension records too. */
function gitAuthor(cwd: string): Author {
  const read = (key: string) => {
    try {
      return execFileSync('git', ['config', '--get', key], {
        cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 2000,
      }).trim();
    } catch {
      return undefined;
    }
  };
  return authorFrom({ name: read('user.name'), email: read('user.email') });
}

/**
 * Keeps the loaded store in step with the folder between calls: files that changed (VS Code, git, a
 * teammate's pull) are re-read before the next answer; without a working watcher, the whole store is.
 */
class FreshStore {
  private readonly changed = new Set<string>();
  private watcher: FSWatcher | undefined;
  private blind = false;

  constructor(readonly store: Store) {}

  start(): void {
    try {
      this.watcher = watch(this.store.root, { recursive: true }, (_event, name) => {
        if (name) this.changed.add(path.join(this.store.root, name.toString()));
        else this.blind = true;
      });
      this.watcher.on('error', () => (this.blind = true));
    } catch {
      this.blind = true;
    }
  }

  async fresh(): Promise<void> {
    if (this.blind) {
      await this.store.load();
      return;
    }
    const files = [...this.changed];
    this.changed.clear();
    for (const file of files) await this.store.reloadFile(file);
    if (files.length > 0) await this.store.sync();
  }

  dispose(): void {
    this.watcher?.close();
  }
}

/** The MCP server over one loaded store (not yet connected to a transport). */
export function createMcpServer(store: Store, options: McpOptions, version: string): { server: Server; fresh: FreshStore } {
  const fresh = new FreshStore(store);
  const server = new Server(
    { name: 'alliances', title: 'Alliances', version },
    {
      capabilities: { tools: {} },
      instructions:
        "Alliances keeps an engineering manager's cross-functional partners, check-ins, talking points and follow-ups. Use alliances_search to find a partner, alliances_brief to prepare a meeting, alliances_due for who needs a check-in.",
    },
  );
  const tools = TOOL_DEFINITIONS.filter((tool) => options.allowWrites || !tool.writes);
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: tools.map((tool) => ({
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: tool.inputSchema,
      annotations: {
        title: tool.title,
        readOnlyHint: !tool.writes,
        destructiveHint: false,
        idempotentHint: !tool.writes,
        openWorldHint: false,
      },
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<CallToolResult> => {
    try {
      await fresh.fresh();
      const context: ToolContext = {
        stores: [{ label: path.basename(path.dirname(store.root)), store }],
        now: options.today ?? new Date(),
        defaultCadenceDays: options.defaultCadenceDays,
        siloDays: options.siloDays,
        includePrivate: options.includePrivate,
      };
      const answer = await runTool(context, request.params.name, request.params.arguments, {
        allowWrites: options.allowWrites,
        readOnlyReason: READ_ONLY,
      });
      return { content: [{ type: 'text', text: answer.text }], structuredContent: answer.data };
    } catch (error) {
      // A tool's failure is an answer the model reads (isError), never a crash of the server.
      if (!(error instanceof ToolError)) options.log(`alliances mcp: ${request.params.name} failed: ${String(error)}\n`);
      return { content: [{ type: 'text', text: error instanceof Error ? error.message : String(error) }], isError: true };
    }
  });
  return { server, fresh };
}

/** Serves the store on stdin/stdout until the client closes the stream. */
export async function serveMcp(options: McpOptions, version: string): Promise<number> {
  const store = new Store({
    root: options.root,
    fs: nodeFileSystem,
    author: (() => {
      let author: Author | undefined;
      return () => Promise.resolve((author ??= gitAuthor(path.dirname(options.root))));
    })(),
    ...(options.today ? { now: () => options.today ?? new Date() } : {}),
  });
  await store.load();
  const { server, fresh } = createMcpServer(store, options, version);
  fresh.start();
  const transport = new StdioServerTransport();
  // The SDK's stdio transport never sees stdin end: a client that goes away ends the server here.
  const closed = new Promise<void>((resolve) => {
    server.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  await closed;
  fresh.dispose();
  await server.close().catch(() => undefined);
  return 0;
}
