// Commands and webview serializers go through here. The activation shell (shell.ts) registers every
// command of package.json and both page serializers with VS Code at once, then loads this bundle after
// activate() has returned; what this bundle registers lands in the shell's tables instead of VS Code's
// (registering an id twice would throw). Without a shell (older entry points), it registers directly.
import * as vscode from 'vscode';

export type CommandHandler = (...args: unknown[]) => unknown;

/** The tables the shell dispatches from. */
export interface ShellRegistry {
  commandIds: ReadonlySet<string>;
  handlers: Map<string, CommandHandler>;
  viewTypes: ReadonlySet<string>;
  serializers: Map<string, vscode.WebviewPanelSerializer>;
}

let shell: ShellRegistry | undefined;

export function useShellRegistry(registry: ShellRegistry | undefined): void {
  shell = registry;
}

export function registerCommand(id: string, handler: CommandHandler): vscode.Disposable {
  const registry = shell;
  if (!registry?.commandIds.has(id)) return vscode.commands.registerCommand(id, handler);
  registry.handlers.set(id, handler);
  return new vscode.Disposable(() => {
    if (registry.handlers.get(id) === handler) registry.handlers.delete(id);
  });
}

export function registerWebviewPanelSerializer(viewType: string, serializer: vscode.WebviewPanelSerializer): vscode.Disposable {
  const registry = shell;
  if (!registry?.viewTypes.has(viewType)) return vscode.window.registerWebviewPanelSerializer(viewType, serializer);
  registry.serializers.set(viewType, serializer);
  return new vscode.Disposable(() => {
    if (registry.serializers.get(viewType) === serializer) registry.serializers.delete(viewType);
  });
}
