// The extension's entry (dist/extension.js): about a kilobyte that registers the commands a person can run
// before the rest has started (scripts/shellCommands.cjs picks them: key bindings, the walkthrough's
// buttons, the editor menu), then returns. The rest (dist/main.js: the store, views, other commands,
// pages, serializers) is required right after activate() has returned, or at once if one of these
// commands or the API comes first; it registers the other commands and then sets `alliances:started`,
// which every other menu and palette entry waits for. So activation costs about what a hello-world
// costs, and the data loads after it, as VS Code's guidelines ask.
import type * as vscodeApi from 'vscode';
import type { AlliancesApi } from './api';
import type { CommandHandler, ShellRegistry } from './shared/registry';

/** The command ids of package.json the shell registers, put here by the build (scripts/build.mjs). */
declare const ALLIANCES_COMMAND_IDS: readonly string[];
type Main = typeof import('./extension');
// A plain require: `import * as` would make the bundler copy the whole API object (measurable here).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const vscode = require('vscode') as typeof vscodeApi;

function activate(context: vscodeApi.ExtensionContext): AlliancesApi {
  const registry: ShellRegistry = { commandIds: new Set(ALLIANCES_COMMAND_IDS), handlers: new Map<string, CommandHandler>() };
  let api: AlliancesApi | undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const load = (): AlliancesApi => (api ??= (require('./main.js') as Main).start(context, registry));
  const dispatch = (id: string, args: unknown[]): unknown => {
    load();
    const handler = registry.handlers.get(id);
    if (!handler) throw new Error(`Alliances: the command ${id} is not available`);
    return handler(...args);
  };
  for (const id of ALLIANCES_COMMAND_IDS)
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => dispatch(id, args)));
  setTimeout(load, 0);
  // The API other extensions and the tests use: reading any part of it loads the rest first. Not
  // `then`: VS Code awaits what activate() returns, and a thenable check must not load anything.
  return new Proxy({} as AlliancesApi, { get: (_target, key) => (key === 'then' ? undefined : (Reflect.get(load(), key) as unknown)) });
}

function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

// `export =` rather than named exports: with ES exports the bundler adds an ES-module interop layer
// (getters on a copied exports object) that cost a third of a millisecond on every start (measured).
export = { activate, deactivate };
