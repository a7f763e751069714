// Commands and webview serializers go through here. The activation shell (shell.ts) registers the commands
// a person can run before the views exist, then loads this bundle after activate() has returned; handlers
// of those commands land in the shell's tables instead of VS Code's (registering an id twice would throw).
// Other commands, and without a shell (older entry points) every one, are registered directly.
import * as vscode from 'vscode';

export type CommandHandler = (...args: unknown[]) => unknown;

/** The tables the shell dispatches from. */
export interface ShellRegistry {
  commandIds: ReadonlySet<string>;
  handlers: Map<string, CommandHandler>;
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

/**
 * Not through the shell: VS Code keeps a page it restores after a reload waiting until its serializer
 * registers, so this can wait for the extension to load (two fewer calls to VS Code during activation).
 */
export function registerWebviewPanelSerializer(viewType: string, serializer: vscode.WebviewPanelSerializer): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(viewType, serializer);
}
