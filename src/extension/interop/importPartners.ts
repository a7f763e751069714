import * as v from 'valibot';
import * as vscode from 'vscode';
import { CsvError, parseCsv, type CsvRow } from '../../core/csv';
import {
  candidatesFromCsv,
  candidatesFromVCards,
  describeChange,
  firstLastColumns,
  guessMapping,
  importFieldLabel,
  IMPORT_FIELDS,
  planImport,
  type Candidate,
  type ColumnMapping,
  type ImportField,
  type ImportPlan,
} from '../../core/importPartners';
import { parseVCards, VCardError } from '../../core/vcard';
import { folderFromArg, pickFolder } from '../shared/partnerArgs';
import type { FolderStore, StoreService } from '../store/storeService';
import type { ImportPreview, PreviewItem } from './importPreview';
import { visible, visiblePickItem } from '../shared/displayText';

/** What a script or test passes to skip the dialogs; without `select` the preview is shown. */
export interface ImportOptions {
  uri?: string | vscode.Uri;
  /** A column header per field (null: not imported); fields left out keep the automatic guess. */
  mapping?: Partial<Record<ImportField, string | null>>;
  /** The department of new partners whose row has none. */
  defaultDepartment?: string;
  /** Which rows (by line) to write, 'all' planned ones, or 'none' (a dry run). Skips the preview. */
  select?: 'all' | 'none' | number[];
}

const OptionsSchema = v.optional(
  v.object({
    uri: v.optional(v.union([v.string(), v.custom<vscode.Uri>((value) => value instanceof vscode.Uri, 'must be a file path or a Uri')])),
    mapping: v.optional(v.record(v.picklist(IMPORT_FIELDS), v.nullable(v.string()))),
    defaultDepartment: v.optional(v.string()),
    select: v.optional(v.union([v.literal('all'), v.literal('none'), v.array(v.number())])),
  }),
  {},
);

export interface ImportResult {
  /** "name (line n)" per row, in the plan's groups; bad rows and skips with their reason. */
  plan: { add: string[]; update: string[]; skip: string[]; invalid: string[] };
  added: string[];
  updated: string[];
  failed: string[];
}

function parseFile(
  uri: vscode.Uri,
  bytes: Uint8Array,
  mapping: ImportOptions['mapping'],
): { candidates: Candidate[]; rows?: CsvRow[]; columns?: ColumnMapping } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(
      vscode.l10n.t('{0} is not UTF-8 text. Save it as "CSV UTF-8" (or vCard) and try again.', vscode.workspace.asRelativePath(uri)),
    );
  }
  try {
    if (/\.(vcf|vcard)$/i.test(uri.path) || /^\uFEFF?BEGIN:VCARD/i.test(text))
      return { candidates: candidatesFromVCards(parseVCards(text)) };
    const rows = parseCsv(text);
    const headers = rows[0]?.fields ?? [];
    const columns = guessMapping(headers);
    for (const [field, header] of Object.entries(mapping ?? {}) as [ImportField, string | null][]) {
      if (header === null) delete columns[field];
      else {
        const index = headers.indexOf(header);
        if (index < 0)
          throw new Error(vscode.l10n.t('the file has no column "{0}" (it has {1}).', header, headers.map((h) => `"${h}"`).join(', ')));
        columns[field] = index;
      }
    }
    return { candidates: candidatesFromCsv(rows, columns), rows, columns };
  } catch (error) {
    if (error instanceof CsvError || error instanceof VCardError)
      throw new Error(`${vscode.workspace.asRelativePath(uri)}: ${error.message}`);
    throw error;
  }
}

const where = (candidate: Candidate) => `${candidate.name || '(no name)'} (line ${candidate.line})`;

function summarise(plan: ImportPlan): ImportResult['plan'] {
  return {
    add: plan.add.map((item) => where(item.candidate)),
    update: plan.update.map((item) => `${where(item.candidate)}: ${describeChange(item.existing, item.change)}`),
    skip: plan.skip.map((item) => `${where(item.candidate)}: ${item.reason}`),
    invalid: plan.invalid.map((item) => `${where(item.candidate)}: ${item.reason}`),
  };
}

/** The columns step: each field with its column; pick one to change it, or go on. */
async function chooseColumns(rows: CsvRow[], columns: ColumnMapping, preview: ImportPreview): Promise<ColumnMapping | undefined> {
  const headers = rows[0]?.fields ?? [];
  const sample = rows[1]?.fields ?? [];
  const halves = firstLastColumns(headers);
  for (;;) {
    const go: vscode.QuickPickItem = { label: `$(arrow-right) ${vscode.l10n.t('Continue to the preview')}`, alwaysShow: true };
    const fieldItems = IMPORT_FIELDS.map((field) => {
      const column = columns[field];
      const from =
        column !== undefined
          ? `← "${headers[column] ?? ''}"`
          : field === 'name' && halves
            ? `← "${headers[halves[0]]}" + "${headers[halves[1]]}"`
            : vscode.l10n.t('not imported');
      const example = column !== undefined ? sample[column] : undefined;
      return { label: importFieldLabel(field), description: from, detail: example ? vscode.l10n.t('e.g. {0}', example) : undefined, field };
    });
    preview.stage = 'columns';
    const chosen = await vscode.window.showQuickPick<vscode.QuickPickItem & { field?: ImportField }>(
      [go, { label: vscode.l10n.t('Columns'), kind: vscode.QuickPickItemKind.Separator }, ...fieldItems].map(visiblePickItem),
      {
        title: vscode.l10n.t('Import Partners: columns (1/2)'),
        placeHolder: vscode.l10n.t('Pick a field to change its column, or continue'),
        ignoreFocusOut: true,
      },
    );
    preview.stage = undefined;
    if (!chosen) return undefined;
    if (!chosen.field) return columns;
    const field = chosen.field;
    const column = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('(not imported)'), index: -1 },
        ...headers.map((header, index) => ({
          label: header || vscode.l10n.t('(column {0})', index + 1),
          description: sample[index] ? vscode.l10n.t('e.g. {0}', sample[index]) : undefined,
          index,
        })),
      ].map(visiblePickItem),
      { title: vscode.l10n.t('Import Partners: which column is {0}?', importFieldLabel(field)), ignoreFocusOut: true },
    );
    if (column) {
      if (column.index < 0) delete columns[field];
      else columns[field] = column.index;
    }
  }
}

/** Quick pick lines are one line: a field with a newline in it shows as spaces. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ');
const lineLabel = (line: number) => vscode.l10n.t('line {0}', line);

function previewItems(plan: ImportPlan): PreviewItem[] {
  const section = (label: string, count: number): PreviewItem[] =>
    count > 0 ? [{ label: `${label} (${count})`, kind: vscode.QuickPickItemKind.Separator }] : [];
  return [
    ...section(vscode.l10n.t('Add'), plan.add.length),
    ...plan.add.map(({ candidate, partner }) => ({
      label: `$(add) ${partner.name}`,
      description: oneLine([partner.department, partner.role].filter(Boolean).join(' · ')),
      detail: [partner.email, lineLabel(candidate.line)].filter(Boolean).join(' · '),
      picked: true,
      action: 'add' as const,
      line: candidate.line,
    })),
    ...section(vscode.l10n.t('Update'), plan.update.length),
    ...plan.update.map(({ candidate, existing, change, matchedBy }) => ({
      label: `$(edit) ${existing.name}`,
      description: matchedBy === 'email' ? vscode.l10n.t('same email') : vscode.l10n.t('same name'),
      detail: oneLine(`${describeChange(existing, change)} · ${lineLabel(candidate.line)}`),
      picked: true,
      action: 'update' as const,
      line: candidate.line,
    })),
    ...section(vscode.l10n.t('Skipped: duplicates'), plan.skip.length),
    ...plan.skip.map(({ candidate, reason }) => ({
      label: `$(circle-slash) ${candidate.name}`,
      description: reason,
      detail: lineLabel(candidate.line),
      action: 'skip' as const,
      line: candidate.line,
    })),
    ...section(vscode.l10n.t('Cannot be imported'), plan.invalid.length),
    ...plan.invalid.map(({ candidate, reason }) => ({
      label: `$(error) ${candidate.name || vscode.l10n.t('(no name)')}`,
      description: reason,
      detail: lineLabel(candidate.line),
      action: 'invalid' as const,
      line: candidate.line,
    })),
  ].map(visiblePickItem);
}

/** The preview: a multi-select list grouped by what will happen; only adds and updates can be ticked. */
function showPreview(plan: ImportPlan, fileName: string, preview: ImportPreview): Promise<number[] | undefined> {
  const pick = vscode.window.createQuickPick<PreviewItem>();
  const items = previewItems(plan);
  pick.title = vscode.l10n.t('Import Partners from {0}: preview (2/2)', fileName);
  pick.placeholder = vscode.l10n.t('Ticked rows are written when you press Enter; duplicates and bad rows are listed for information');
  pick.canSelectMany = true;
  pick.ignoreFocusOut = true;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = items;
  const actionable = (item: PreviewItem) => item.action === 'add' || item.action === 'update';
  pick.selectedItems = items.filter(actionable);
  preview.current = items;
  preview.stage = 'preview';
  return new Promise((resolve) => {
    let settled = false;
    const done = (lines: number[] | undefined) => {
      if (settled) return;
      settled = true;
      preview.current = undefined;
      preview.stage = undefined;
      resolve(lines);
      pick.dispose();
    };
    pick.onDidChangeSelection((selected) => {
      // Duplicates and bad rows cannot be ticked: untick them at once.
      if (selected.some((item) => !actionable(item))) pick.selectedItems = selected.filter(actionable);
    });
    pick.onDidAccept(() => done(pick.selectedItems.filter(actionable).map((item) => item.line ?? -1)));
    pick.onDidHide(() => done(undefined));
    pick.show();
  });
}

async function apply(entry: FolderStore, plan: ImportPlan, lines: ReadonlySet<number>, result: ImportResult): Promise<void> {
  for (const { candidate, partner } of plan.add) {
    if (!lines.has(candidate.line)) continue;
    try {
      await entry.store.create('partner', partner, { name: partner.name });
      result.added.push(partner.name);
    } catch (error) {
      result.failed.push(`${where(candidate)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const { candidate, existing, change } of plan.update) {
    if (!lines.has(candidate.line)) continue;
    try {
      await entry.store.updatePartner(existing.id, change);
      result.updated.push(existing.name);
    } catch (error) {
      result.failed.push(`${where(candidate)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * Import Partners from a CSV or vCard file: columns (CSV), then a preview of what will be added,
 * updated, skipped as a duplicate, or cannot be imported and why. Nothing is written before the user
 * confirms. Options let tests and scripts run it without dialogs.
 */
export async function importPartners(
  service: StoreService,
  preview: ImportPreview,
  arg?: unknown,
  rawOptions?: unknown,
): Promise<ImportResult | undefined> {
  const checked = v.safeParse(OptionsSchema, rawOptions);
  if (!checked.success) throw new Error(vscode.l10n.t('Import Partners: bad options: {0}', v.summarize(checked.issues)));
  const options: ImportOptions = checked.output;
  const entry = folderFromArg(service, arg) ?? (await pickFolder(service, vscode.l10n.t('Import Partners')));
  if (!entry) return undefined;
  let uri = typeof options.uri === 'string' ? vscode.Uri.file(options.uri) : options.uri;
  if (!uri) {
    const chosen = await vscode.window.showOpenDialog({
      title: vscode.l10n.t('Import Partners'),
      canSelectMany: false,
      filters: { [vscode.l10n.t('Contacts (CSV, vCard)')]: ['csv', 'vcf', 'vcard', 'txt'] },
      openLabel: vscode.l10n.t('Preview Import'),
    });
    uri = chosen?.[0];
  }
  if (!uri) return undefined;
  const parsed = parseFile(uri, await vscode.workspace.fs.readFile(uri), options.mapping);
  let candidates = parsed.candidates;
  if (options.select === undefined && parsed.rows && parsed.columns) {
    const columns = await chooseColumns(parsed.rows, parsed.columns, preview);
    if (!columns) return undefined;
    candidates = candidatesFromCsv(parsed.rows, columns);
  }
  const plan = planImport(
    candidates,
    entry.store.partners().map((record) => record.value),
    options.defaultDepartment,
  );
  const result: ImportResult = { plan: summarise(plan), added: [], updated: [], failed: [] };
  const fileName = uri.path.split('/').pop() ?? 'file';
  let lines: number[] | undefined;
  if (options.select === undefined) {
    lines = await showPreview(plan, fileName, preview);
    if (!lines) return undefined;
  } else if (options.select === 'all') lines = [...plan.add, ...plan.update].map((item) => item.candidate.line);
  else lines = options.select === 'none' ? [] : options.select;
  await apply(entry, plan, new Set(lines), result);
  if (lines.length > 0) {
    const message = result.failed.length
      ? vscode.l10n.t(
          'Alliances: imported from {0}: {1} added, {2} updated, {3} failed: {4}.',
          fileName,
          result.added.length,
          result.updated.length,
          result.failed.length,
          result.failed.join('; '),
        )
      : vscode.l10n.t('Alliances: imported from {0}: {1} added, {2} updated.', fileName, result.added.length, result.updated.length);
    if (result.failed.length) void vscode.window.showErrorMessage(visible(message));
    else void vscode.window.showInformationMessage(visible(message));
  }
  return result;
}
