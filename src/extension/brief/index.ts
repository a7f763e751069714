// dist/brief.js: the brief before a check-in (src/core/brief) for *Prepare for Check-in*. The document of
// an `alliances-brief:/<name>.md?<partner id>` URI is the core brief's Markdown in the display language,
// with the commits in the partner's code areas since the last check-in (dist/git.js, trusted workspaces
// only) and private records (they are this machine's, and so is this window), each marked "(private)".
import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import { briefMarkdown, commitsSince, partnerBrief, type BriefCommitsInput } from '../../core/brief';
import type { FoundPartner, ToolContext } from '../../core/tools/toolScope';
import { URI_SCHEMES } from '../ids';
import { configureCoreL10n } from '../shared/coreL10n';
import { visible } from '../shared/displayText';
import { loadGit } from '../shared/lazyBundle';
import { partnerFromArg, pickPartner } from '../shared/partnerArgs';
import { defaultCadenceDays, siloDays } from '../shared/settings';
import type { App } from '../shared/app';
import type { StoreService } from '../store/storeService';

configureCoreL10n();

/** The URI of a partner's brief: the name for the tab ("Preview Brief Dana Whitfield.md"), the id as the query. */
export function briefUri(partnerId: string, name: string): vscode.Uri {
  const title = visible(name)
    .replace(/[\\/:*?"<>|#%]/g, '-')
    .slice(0, 80);
  return vscode.Uri.from({ scheme: URI_SCHEMES.brief, path: `/${vscode.l10n.t('Brief {0}', title)}.md`, query: partnerId });
}

function contextOf(service: StoreService): ToolContext {
  return {
    stores: service.folders().map((entry) => ({ label: entry.folder.name, store: entry.store })),
    now: new Date(),
    defaultCadenceDays: defaultCadenceDays(),
    siloDays: siloDays(),
    includePrivate: true,
  };
}

async function commitsOf(service: StoreService, context: ToolContext, found: FoundPartner): Promise<BriefCommitsInput> {
  const entry = service.folders().find((folder) => folder.store === found.entry.store);
  if (!entry || !vscode.workspace.isTrusted || !found.partner.codeAreas?.length) return { available: false, commits: [], truncated: false };
  try {
    return await loadGit().areaCommits(entry.folder.uri.fsPath, found.partner.codeAreas, { since: commitsSince(context, found).since });
  } catch (error) {
    service.log.warn(`brief: reading git failed: ${error instanceof Error ? error.message : String(error)}`);
    return { available: false, commits: [], truncated: false };
  }
}

let following = false;

/** From the first brief on: an open brief is rewritten (once per burst of changes) when the store changes. */
function follow(app: App, changed: vscode.EventEmitter<vscode.Uri>): void {
  if (following) return;
  following = true;
  let timer: NodeJS.Timeout | undefined;
  app.context.subscriptions.push(
    app.service.onDidChange(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        for (const document of vscode.workspace.textDocuments) if (document.uri.scheme === URI_SCHEMES.brief) changed.fire(document.uri);
      }, 300);
    }),
    { dispose: () => clearTimeout(timer) },
  );
}

/** The Markdown of a brief URI (a partner gone: a line that says so). */
export async function briefContent(app: App, changed: vscode.EventEmitter<vscode.Uri>, uri: vscode.Uri): Promise<string> {
  const { service } = app;
  follow(app, changed);
  const target = service.findPartner(uri.query);
  if (!target)
    return `# ${vscode.l10n.t('Partner not found')}\n\n${vscode.l10n.t('This partner is no longer in the store: its file was removed, renamed to another id, or is broken (see the Problems panel).')}\n`;
  const context = contextOf(service);
  const label = context.stores.find((store) => store.store === target.entry.store)?.label ?? target.entry.folder.name;
  const found: FoundPartner = { entry: { label, store: target.entry.store }, partner: target.view.record.value };
  const commits = await commitsOf(service, context, found);
  // Core's l10n has the display language's bundle (configureCoreL10n above).
  return briefMarkdown(partnerBrief(context, found, { commits, translator: l10n }), { translator: l10n, preview: true });
}

/** The command: the partner's brief as a Markdown preview; returns the document's URI (for tests and scripts). */
export async function prepareCheckIn(service: StoreService, arg: unknown, options: unknown): Promise<string | undefined> {
  const target = partnerFromArg(service, arg) ?? (await pickPartner(service, vscode.l10n.t('Prepare for Check-in')));
  if (!target) return undefined;
  const uri = briefUri(target.view.record.value.id, target.view.record.value.name);
  const toSide = typeof options === 'object' && options !== null && (options as { toSide?: unknown }).toSide === true;
  try {
    await vscode.commands.executeCommand(toSide ? 'markdown.showPreviewToSide' : 'markdown.showPreview', uri);
  } catch {
    // Without the built-in Markdown extension (disabled): the Markdown itself, read-only.
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, toSide ? vscode.ViewColumn.Beside : undefined);
  }
  return uri.toString();
}
