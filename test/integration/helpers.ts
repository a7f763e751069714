import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AlliancesApi } from '../../src/extension/api';
import { INTERNAL_COMMANDS } from '../../src/extension/ids';
import type { AlliancesInternals } from '../../src/extension/testInternals';
import type { TreeNode } from '../../src/extension/partners/partnersTree';

export const EXTENSION_ID = 'alliances.alliances';

/** The running extension's public API (activating it if the host has not yet). */
export async function publicApi(): Promise<AlliancesApi> {
  const extension = vscode.extensions.getExtension<AlliancesApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this extension host`);
  const alliances = extension.isActive ? extension.exports : await extension.activate();
  await alliances.whenReady();
  return alliances;
}

/** The live services, through the door that exists only while tests run (src/extension/testInternals.ts). */
export async function api(): Promise<AlliancesInternals> {
  await publicApi();
  const internals = await vscode.commands.executeCommand<AlliancesInternals | undefined>(INTERNAL_COMMANDS.testInternals);
  if (!internals) throw new Error(`${INTERNAL_COMMANDS.testInternals} returned nothing: is the extension host running tests?`);
  return internals;
}

/** Whether the extension host has required one of the extension's bundles (`dist/<name>`) yet. */
export function bundleLoaded(name: string): boolean {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this extension host`);
  const file = path.join(extension.extensionPath, 'dist', name);
  // Node keys its module cache by the real path.
  return file in require.cache || realpathSync(file) in require.cache;
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests need a workspace folder');
  return folder.uri.fsPath;
}

export function storeRoot(): string {
  return path.join(workspaceRoot(), '.alliances');
}

/** Polls until `check` returns a truthy value; fails with `what` after the timeout. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 3000,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface RenderedItem {
  node: TreeNode;
  label: string;
  description: string;
  contextValue?: string;
  tooltip: string;
  depth: number;
}

/** Every item of the partners tree as VS Code would render it, depth first. */
export async function renderTree(alliances: AlliancesInternals): Promise<RenderedItem[]> {
  const items: RenderedItem[] = [];
  const walk = async (node: TreeNode | undefined, depth: number): Promise<void> => {
    for (const child of alliances.tree.getChildren(node)) {
      // Tooltips are built on hover (resolveTreeItem), as VS Code would.
      const item = alliances.tree.resolveTreeItem(alliances.tree.getTreeItem(child), child);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      // Markdown tooltips escape text (&nbsp;, backslashes): compare what a reader sees.
      const tooltip = (typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? ''))
        .replace(/&nbsp;/g, ' ')
        .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
      items.push({
        node: child,
        label,
        description: typeof item.description === 'string' ? item.description : '',
        contextValue: item.contextValue,
        tooltip,
        depth,
      });
      await walk(child, depth + 1);
    }
  };
  await walk(undefined, 0);
  return items;
}

export { listFiles } from '../unit/helpers';
