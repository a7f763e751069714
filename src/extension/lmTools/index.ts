// dist/lmTools.js: what the language-model tools do, loaded on the first call. The answers and the write
// rules are src/core/tools' (the MCP server's too); this file adds VS Code's side: the settings, the
// confirmation of a write, Restricted Mode, and the result parts.
import * as vscode from 'vscode';
import { english } from '../../core/translator';
import { answerRead, applyWrite, isWriteKey, planWrite, ToolError, type ToolContext, type ToolKey, type WritePlan } from '../../core/tools';
import { visible } from '../shared/displayText';
import { defaultCadenceDays, siloDays, toolsIncludePrivate } from '../shared/settings';
import type { StoreService } from '../store/storeService';

/** What the tools see: every folder's store, with the user's settings. */
export function toolContext(service: StoreService): ToolContext {
  return {
    stores: service.folders().map((entry) => ({ label: entry.folder.name, store: entry.store })),
    now: new Date(),
    defaultCadenceDays: defaultCadenceDays(),
    siloDays: siloDays(),
    includePrivate: toolsIncludePrivate(),
  };
}

const restricted = () => english.t('Alliances only reads in Restricted Mode: nothing was written. Trust the workspace to let tools write.');

function confirmationTitle(plan: WritePlan): string {
  const name = visible(plan.partner.name);
  switch (plan.key) {
    case 'logCheckIn':
      return vscode.l10n.t('Log a check-in with {0}?', name);
    case 'addTalkingPoint':
      return vscode.l10n.t('Add a talking point for {0}?', name);
    case 'addFollowUp':
      return vscode.l10n.t('Add a follow-up for {0}?', name);
  }
}

/**
 * Before a write: the confirmation that shows exactly what will be written and to which store. Free of
 * side effects (VS Code may not call invoke after it); an input that cannot be written gets no
 * confirmation, and invoke then says why.
 */
export async function prepare(service: StoreService, key: ToolKey, input: unknown): Promise<vscode.PreparedToolInvocation | undefined> {
  if (!isWriteKey(key)) return undefined;
  await service.whenReady();
  if (!vscode.workspace.isTrusted) return { invocationMessage: vscode.l10n.t('Alliances only reads in Restricted Mode') };
  let plan: WritePlan;
  try {
    plan = planWrite(toolContext(service), key, input);
  } catch (error) {
    if (error instanceof ToolError) return { invocationMessage: vscode.l10n.t('Alliances: nothing to write') };
    throw error;
  }
  return {
    invocationMessage: vscode.l10n.t('Writing to the Alliances store of {0}', visible(plan.entry.label)),
    confirmationMessages: { title: confirmationTitle(plan), message: new vscode.MarkdownString(plan.preview) },
  };
}

/** Runs a tool; a refusal or a bad input becomes an error whose message the model reads. */
export async function invoke(service: StoreService, key: ToolKey, input: unknown): Promise<vscode.LanguageModelToolResult> {
  await service.whenReady();
  try {
    if (!isWriteKey(key)) return result(answerRead(toolContext(service), key, input).text);
    if (!vscode.workspace.isTrusted) throw new ToolError(restricted());
    // Planned again from the same input: what is written is what the confirmation showed.
    const plan = planWrite(toolContext(service), key, input);
    const answer = await applyWrite(plan);
    const entry = service.folders().find((folder) => folder.store === plan.entry.store);
    if (entry && plan.kind === 'checkIn' && !plan.private) service.checkInLogged(entry);
    return result(answer.text);
  } catch (error) {
    if (error instanceof ToolError) throw new Error(error.message);
    throw error;
  }
}

function result(text: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
}
