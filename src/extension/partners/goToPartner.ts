import * as vscode from 'vscode';
import { partnerFromArg, pickPartner } from '../shared/partnerArgs';
import type { PartnersTree, TreeNode } from './partnersTree';
import type { StoreService } from '../store/storeService';
import { COMMANDS } from '../ids';

/** Go to Partner: pick anyone (archived included), reveal them in the sidebar and open their page. */
export async function goToPartner(
  service: StoreService,
  tree: PartnersTree,
  view: vscode.TreeView<TreeNode>,
  arg?: unknown,
): Promise<string | undefined> {
  const target = partnerFromArg(service, arg) ?? (await pickPartner(service, vscode.l10n.t('Go to Partner')));
  if (!target) return undefined;
  const id = target.view.record.value.id;
  if (target.view.record.value.archived && !tree.showArchived) await vscode.commands.executeCommand(COMMANDS.showArchived);
  const node = tree.nodeOf(id);
  if (node) await view.reveal(node, { select: true, focus: true, expand: true });
  await vscode.commands.executeCommand(COMMANDS.openPartnerPage, id);
  return id;
}
