// Alliances for chat and agents: the language-model tools (`#alliancesDue`, `#alliancesBrief`…) and the
// stores' MCP servers, each only where this VS Code has the API (older ones simply go without). The
// tools' work is dist/lmTools.js, required on the first call: main.js only names them.
import * as vscode from 'vscode';
import type { ToolKey } from '../../core/tools/definitions';
import { LANGUAGE_MODEL_TOOLS } from '../ids';
import type { App } from '../shared/app';
import { lazyBundle } from '../shared/lazyBundle';
import { mcpServerCommands, registerMcpServers } from './mcpServers';

/** dist/lmTools.js: the first tool call. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const loadLmTools = lazyBundle<typeof import('./index')>(() => require('./lmTools.js'));

export interface LmTools {
  /** The registered tools, by key: the tests call them as VS Code would. */
  tools: Map<ToolKey, vscode.LanguageModelTool<unknown>>;
  /** What VS Code is offered to start for each store (the tests start it too). */
  mcpServers: () => ReturnType<typeof mcpServerCommands>;
}

export function register(app: App): LmTools {
  const tools: LmTools['tools'] = new Map();
  const lm = vscode.lm as Partial<typeof vscode.lm> | undefined;
  if (typeof lm?.registerTool === 'function') {
    for (const [key, name] of Object.entries(LANGUAGE_MODEL_TOOLS) as [ToolKey, string][]) {
      const tool: vscode.LanguageModelTool<unknown> = {
        prepareInvocation: (options) => loadLmTools().prepare(app.service, key, options.input),
        invoke: (options) => loadLmTools().invoke(app.service, key, options.input),
      };
      tools.set(key, tool);
      app.context.subscriptions.push(lm.registerTool(name, tool));
    }
  }
  registerMcpServers(app);
  return { tools, mcpServers: () => mcpServerCommands(app) };
}
