// The extension's entry (dist/extension.js): a few kilobytes that register every command a person can run
// before the views exist (the palette's, keybindings', menus'; tree-item-only commands are main's), then
// return. The pages' serializers are main's too: VS Code keeps a restored page waiting until one registers. The rest (dist/main.js: the store, views, commands, pages) is
// required right after activate() has returned, or at once if a command or a page comes first. So
// activation costs what a hello-world costs, and the data loads after it, as VS Code's guidelines ask.
import type * as vscodeApi from 'vscode';
import type { AlliancesApi } from './extension';
import type { CommandHandler, ShellRegistry } from './registry';

/** The command ids of package.json the shell registers, put here by the build (scripts/build.mjs shellCommandIds). */
declare const ALLIANCES_COMMAND_IDS: readonly string[];
type Main = typeof import('./extension');
// A plain require: `import * as` would make the bundler copy the whole API object (measurable here).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const vscode = require('vscode') as typeof vscodeApi;

export function activate(context: vscodeApi.ExtensionContext): AlliancesApi {
  const registry: ShellRegistry = {
    commandIds: new Set(ALLIANCES_COMMAND_IDS),
    handlers: new Map<string, CommandHandler>(),
  };
  let api: AlliancesApi | undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const load = (): AlliancesApi => (api ??= (require('./main.js') as Main).start(context, registry));

  for (const id of registry.commandIds) {
    const dispatch = (...args: unknown[]): unknown => {
      load();
      const handler = registry.handlers.get(id);
      if (!handler) throw new Error(`Alliances: the command ${id} is not available`);
      return handler(...args);
    };
    context.subscriptions.push(vscode.commands.registerCommand(id, dispatch));
  }
  setTimeout(load, 0);
  // The API other extensions and the tests use: reading any part of it loads the rest first. Not
  // `then`: VS Code awaits what activate() returns, and a thenable check must not load anything.
  return new Proxy({} as AlliancesApi, { get: (_target, key) => (key === 'then' ? undefined : (Reflect.get(load(), key) as unknown)) });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
