// The stores' MCP servers for VS Code's own MCP support: one `alliances mcp --store <folder>` per open
// store, read-only (VS Code's language-model tools write, with a confirmation). Feature-detected: the API
// arrived after the oldest VS Code Alliances runs on, so its types are declared here.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { MCP_SERVER_PROVIDERS } from '../ids';
import type { App } from '../shared/app';
import { toolsIncludePrivate } from '../shared/settings';

type McpStdioServerDefinitionClass = new (
  label: string,
  command: string,
  args?: string[],
  env?: Record<string, string>,
  version?: string,
) => object;

interface McpServerDefinitionProvider {
  onDidChangeMcpServerDefinitions?: vscode.Event<void>;
  provideMcpServerDefinitions(token: vscode.CancellationToken): vscode.ProviderResult<object[]>;
}

interface McpApi {
  registerMcpServerDefinitionProvider?(id: string, provider: McpServerDefinitionProvider): vscode.Disposable;
}

/** What VS Code starts for each store: the extension's own CLI bundle, run by the extension host's Node. */
export function mcpServerCommands(app: App): { label: string; command: string; args: string[]; env: Record<string, string> }[] {
  // No server in Restricted Mode: nothing of an untrusted folder runs a process.
  if (!vscode.workspace.isTrusted) return [];
  const cli = app.context.asAbsolutePath(path.join('dist', 'cli.js'));
  return app.service.folders().map((entry) => ({
    label: vscode.l10n.t('Alliances: {0}', entry.folder.name),
    command: process.execPath,
    args: [cli, 'mcp', '--store', entry.store.root, ...(toolsIncludePrivate() ? ['--private'] : [])],
    // VS Code's Electron runs scripts as plain Node with this.
    env: { ELECTRON_RUN_AS_NODE: '1' },
  }));
}

export function registerMcpServers(app: App): void {
  const api = vscode.lm as unknown as McpApi | undefined;
  const Definition = (vscode as unknown as { McpStdioServerDefinition?: McpStdioServerDefinitionClass }).McpStdioServerDefinition;
  if (typeof api?.registerMcpServerDefinitionProvider !== 'function' || typeof Definition !== 'function') return;
  const changed = new vscode.EventEmitter<void>();
  // Announced when the stores come or go (folders, trust, the store path), not on every record.
  let roots = '';
  app.context.subscriptions.push(
    changed,
    app.service.onDidChange(() => {
      const now = JSON.stringify(mcpServerCommands(app).map(({ args }) => args));
      if (now !== roots) changed.fire();
      roots = now;
    }),
    api.registerMcpServerDefinitionProvider(MCP_SERVER_PROVIDERS.stores, {
      onDidChangeMcpServerDefinitions: changed.event,
      provideMcpServerDefinitions: async () => {
        await app.service.whenReady();
        const { version } = app.context.extension.packageJSON as { version?: string };
        return mcpServerCommands(app).map(({ label, command, args, env }) => new Definition(label, command, args, env, version));
      },
    }),
  );
}
