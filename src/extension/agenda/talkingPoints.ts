import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkSnippet, sourceLabel } from '../../core/agenda';
import type { CodeSource, TalkingPoint } from '../../core/model';
import type { Loaded } from '../../core/store';
import { loadGit } from '../shared/lazyBundle';
import { partnerFromArg, pickPartner, type PartnerTarget } from '../shared/partnerArgs';
import { askText } from '../shared/quickInputs';
import type { FolderStore, StoreService } from '../store/storeService';
import { visible } from '../shared/displayText';

const MAX_SNIPPET_LINES = 12;

export interface TalkingPointInput {
  text: string;
  source?: CodeSource;
  private?: boolean;
  /** Take the source from the active editor's selection (scripts and keybindings). */
  fromSelection?: boolean;
}

/**
 * Add Talking Point: from the palette (text only) or from the editor's context menu on a selection,
 * when it keeps the file, the lines, the commit and a short quote of the code.
 */
export async function addTalkingPoint(
  service: StoreService,
  partnerArg?: unknown,
  inputArg?: unknown,
): Promise<Loaded<TalkingPoint> | undefined> {
  // From the editor context menu VS Code passes the document's URI: the selection is what counts.
  const fromEditor =
    partnerArg instanceof vscode.Uri
      ? vscode.window.activeTextEditor
      : typeof partnerArg === 'string' || isInput(inputArg)
        ? undefined
        : vscode.window.activeTextEditor;
  const selection = fromEditor && !fromEditor.selection.isEmpty ? fromEditor : undefined;
  const target =
    partnerFromArg(service, partnerArg instanceof vscode.Uri ? undefined : partnerArg) ??
    (await pickPartner(service, vscode.l10n.t('Add Talking Point'), (t) => !t.view.record.value.archived));
  if (!target) return undefined;
  let input = isInput(inputArg) ? inputArg : undefined;
  if (input?.fromSelection && !input.source) {
    const editor = vscode.window.activeTextEditor;
    const { fromSelection, ...rest } = input;
    input = { ...rest, source: fromSelection && editor && !editor.selection.isEmpty ? await sourceOf(editor, target) : undefined };
  }
  if (!input) {
    const source = selection ? await sourceOf(selection, target) : undefined;
    const text = await askText({
      title: vscode.l10n.t('Add Talking Point: {0}', target.view.record.value.name),
      prompt: source
        ? vscode.l10n.t('What do you want to bring up about {0}? It stays on the agenda until a check-in covers it.', sourceLabel(source))
        : vscode.l10n.t('What do you want to bring up? It stays on the agenda until a check-in covers it.'),
      placeholder: vscode.l10n.t('e.g. The billing retry logic needs their input'),
      validate: (value) =>
        value.trim()
          ? value.length > 2000
            ? vscode.l10n.t('Keep it under 2000 characters.')
            : undefined
          : vscode.l10n.t('Say what to bring up.'),
    });
    if (typeof text !== 'string') return undefined;
    input = { text: text.trim(), source };
  }
  const record = await target.entry.store.create(
    'talkingPoint',
    { partnerId: target.view.record.value.id, text: input.text.trim(), ...(input.source ? { source: input.source } : {}) },
    { private: input.private },
  );
  vscode.window.setStatusBarMessage(
    `$(comment) ${visible(vscode.l10n.t('Alliances: talking point added for {0}', target.view.record.value.name))}`,
    4000,
  );
  return record;
}

function isInput(arg: unknown): arg is TalkingPointInput {
  return typeof arg === 'object' && arg !== null && typeof (arg as TalkingPointInput).text === 'string';
}

/** The code under the selection, relative to the partner's workspace folder, pinned to HEAD. */
async function sourceOf(editor: vscode.TextEditor, target: PartnerTarget): Promise<CodeSource | undefined> {
  const document = editor.document;
  if (document.uri.scheme !== 'file') return undefined;
  const folder = target.entry.folder.uri.fsPath;
  const relative = path.relative(folder, document.uri.fsPath);
  if (!relative || relative.startsWith(`..${path.sep}`) || relative === '..' || path.isAbsolute(relative)) return undefined;
  const { start, end } = editor.selection;
  // A selection ending at column 0 of a line does not include that line.
  const endLine = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
  const lines: string[] = [];
  for (let line = start.line; line <= endLine && lines.length < MAX_SNIPPET_LINES; line++) lines.push(document.lineAt(line).text);
  // Git is not run inside an untrusted folder.
  const commit = vscode.workspace.isTrusted ? await loadGit().headCommit(path.dirname(document.uri.fsPath)) : undefined;
  return {
    path: relative.split(path.sep).join('/'),
    startLine: start.line + 1,
    endLine: start.line + lines.length,
    ...(commit ? { commit } : {}),
    snippet: lines.join('\n').slice(0, 4000),
  };
}

/** Opens the code a talking point is about, and says so when that code has moved or changed since. */
export async function openTalkingPoint(
  service: StoreService,
  idArg?: unknown,
): Promise<'same' | 'moved' | 'changed' | 'missing' | 'no-source' | undefined> {
  const found = findTalkingPoint(service, idArg);
  const { source, text } = found.record.value;
  if (!source) {
    void vscode.window.showInformationMessage(visible(vscode.l10n.t('Talking point: {0}', text)));
    return 'no-source';
  }
  const uri = vscode.Uri.joinPath(found.entry.folder.uri, ...source.path.split('/'));
  const commit = source.commit?.slice(0, 7);
  // Quoted code (and its path) may hold bidi controls ("Trojan Source"): shown, like all store text.
  const quote = visible((source.snippet ?? '').split('\n')[0] ?? '');
  const where = visible(source.path);
  let document: vscode.TextDocument;
  try {
    // A deleted file can linger as an open document: ask the disk first.
    await vscode.workspace.fs.stat(uri);
    document = await vscode.workspace.openTextDocument(uri);
  } catch {
    void vscode.window.showWarningMessage(
      commit
        ? vscode.l10n.t('{0} no longer exists. The talking point quoted it (at commit {1}): “{2}”', where, commit, quote)
        : vscode.l10n.t('{0} no longer exists. The talking point quoted it: “{1}”', where, quote),
    );
    return 'missing';
  }
  const check =
    source.snippet !== undefined
      ? checkSnippet(source.snippet, document.getText(), source.startLine, source.endLine)
      : { state: 'same' as const };
  const startLine = check.state === 'moved' ? check.line : source.startLine;
  const last = Math.min(document.lineCount - 1, startLine - 1 + (source.endLine - source.startLine));
  const first = Math.min(document.lineCount - 1, startLine - 1);
  const range = new vscode.Range(first, 0, last, document.lineAt(last).text.length);
  await vscode.window.showTextDocument(document, { selection: range });
  if (check.state === 'moved') {
    void vscode.window.showInformationMessage(
      commit
        ? vscode.l10n.t(
            'The code of this talking point has moved since it was added (at commit {0}): it is now at line {1}.',
            commit,
            check.line,
          )
        : vscode.l10n.t('The code of this talking point has moved since it was added: it is now at line {0}.', check.line),
    );
  }
  if (check.state === 'changed') {
    void vscode.window.showInformationMessage(
      commit
        ? vscode.l10n.t('The code of this talking point has changed since it was added (at commit {0}). It quoted: “{1}”', commit, quote)
        : vscode.l10n.t('The code of this talking point has changed since it was added. It quoted: “{0}”', quote),
    );
  }
  return check.state;
}

/** Marks a talking point covered (or open again) by hand, outside a check-in. */
export async function setTalkingPointCovered(
  service: StoreService,
  covered: boolean,
  idArg?: unknown,
): Promise<Loaded<TalkingPoint> | undefined> {
  const found = findTalkingPoint(service, idArg);
  return found.entry.store.update(
    'talkingPoint',
    found.record.value.id,
    covered ? { coveredAt: new Date().toISOString() } : { coveredAt: undefined, coveredIn: undefined },
  );
}

/** A command's talking point argument: its id, or a tree node holding it. */
function findTalkingPoint(service: StoreService, arg: unknown): { entry: FolderStore; record: Loaded<TalkingPoint> } {
  const id = typeof arg === 'string' ? arg : (arg as { point?: Loaded<TalkingPoint> } | undefined)?.point?.value.id;
  const found = id ? service.findRecord('talkingPoint', id) : undefined;
  if (!found) throw new Error(vscode.l10n.t('no loaded talking point has the id {0}.', String(id)));
  return found;
}
