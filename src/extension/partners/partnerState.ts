import * as vscode from 'vscode';
import { addDays, addMonths, isValid, parseISO, startOfDay } from 'date-fns';
import { formatShortDate, toCalendarDate } from '../../core/cadence';
import type { Partner } from '../../core/model';
import type { Loaded } from '../../core/store';
import { partnerFromArg, pickPartner } from '../shared/partnerArgs';
import type { TreeNode } from './partnersTree';
import type { StoreService } from '../store/storeService';
import { visible } from '../shared/displayText';

/**
 * Snooze Partner: moves the due date. Second argument for scripts: a number of days, a yyyy-MM-dd date,
 * or null to clear the snooze.
 */
export async function snoozePartner(service: StoreService, partnerArg?: unknown, untilArg?: unknown): Promise<Loaded<Partner> | undefined> {
  const target =
    partnerFromArg(service, partnerArg) ??
    (await pickPartner(service, vscode.l10n.t('Snooze Partner'), (t) => !t.view.record.value.archived));
  if (!target) return undefined;
  const id = target.view.record.value.id;
  const until = untilArg === undefined ? await askSnooze(target.view.record.value) : untilFromArg(untilArg);
  if (until === undefined) return undefined;
  const record = await target.entry.store.updatePartner(id, { snoozedUntil: until ?? undefined });
  vscode.window.setStatusBarMessage(
    until
      ? `$(bell-slash) ${visible(vscode.l10n.t('Alliances: {0} snoozed until {1}', record.value.name, formatShortDate(parseISO(until), new Date())))}`
      : `$(bell) ${visible(vscode.l10n.t('Alliances: snooze cleared for {0}', record.value.name))}`,
    4000,
  );
  return record;
}

function untilFromArg(arg: unknown): string | null | undefined {
  if (arg === null) return null;
  if (typeof arg === 'number' && Number.isInteger(arg) && arg > 0) return toCalendarDate(addDays(startOfDay(new Date()), arg));
  if (typeof arg === 'string' && isValid(parseISO(arg))) return toCalendarDate(parseISO(arg));
  throw new Error(vscode.l10n.t('cannot snooze until {0}: give a number of days or a yyyy-mm-dd date.', JSON.stringify(arg)));
}

async function askSnooze(partner: Partner): Promise<string | null | undefined> {
  const today = startOfDay(new Date());
  const options: (vscode.QuickPickItem & { until?: Date | null; custom?: true })[] = [
    { label: vscode.l10n.t('Tomorrow'), until: addDays(today, 1) },
    { label: vscode.l10n.t('3 days'), until: addDays(today, 3) },
    { label: vscode.l10n.t('1 week'), until: addDays(today, 7) },
    { label: vscode.l10n.t('2 weeks'), until: addDays(today, 14) },
    { label: vscode.l10n.t('1 month'), until: addMonths(today, 1) },
    { label: vscode.l10n.t('Until a date…'), custom: true },
  ];
  if (partner.snoozedUntil)
    options.push({
      label: vscode.l10n.t('Clear snooze'),
      description: vscode.l10n.t('snoozed until {0}', formatShortDate(parseISO(partner.snoozedUntil), today)),
      until: null,
    });
  for (const option of options) if (option.until) option.description = formatShortDate(option.until, today);
  const title = visible(vscode.l10n.t('Snooze {0}', partner.name));
  const chosen = await vscode.window.showQuickPick(options, { title, placeHolder: vscode.l10n.t('Not due again until…') });
  if (!chosen) return undefined;
  if (chosen.until === null) return null;
  if (chosen.until) return toCalendarDate(chosen.until);
  const typed = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Until which date? (yyyy-mm-dd)'),
    value: toCalendarDate(addDays(today, 7)),
    validateInput: (value) =>
      isValid(parseISO(value)) && /^\d{4}-\d{2}-\d{2}$/.test(value) && parseISO(value) > today
        ? undefined
        : vscode.l10n.t('A future date as yyyy-mm-dd, e.g. 2026-12-02'),
  });
  return typed ?? undefined;
}

export async function setArchived(service: StoreService, archived: boolean, partnerArg?: unknown): Promise<Loaded<Partner> | undefined> {
  const target =
    partnerFromArg(service, partnerArg) ??
    (await pickPartner(
      service,
      archived ? vscode.l10n.t('Archive Partner') : vscode.l10n.t('Unarchive Partner'),
      (t) => Boolean(t.view.record.value.archived) !== archived,
    ));
  if (!target) return undefined;
  const record = await target.entry.store.updatePartner(target.view.record.value.id, { archived: archived ? true : undefined });
  const text = archived
    ? vscode.l10n.t('Alliances: {0} archived (never due; hidden unless archived partners are shown)', record.value.name)
    : vscode.l10n.t('Alliances: {0} unarchived', record.value.name);
  vscode.window.setStatusBarMessage(`$(archive) ${visible(text)}`, 5000);
  return record;
}

export async function openPartnerFile(service: StoreService, arg?: unknown): Promise<void> {
  if (arg && typeof arg === 'object' && (arg as TreeNode).type === 'problem') {
    await vscode.window.showTextDocument(vscode.Uri.file((arg as Extract<TreeNode, { type: 'problem' }>).problem.path));
    return;
  }
  const target = partnerFromArg(service, arg) ?? (await pickPartner(service, vscode.l10n.t('Open Partner File')));
  if (target) await vscode.window.showTextDocument(vscode.Uri.file(target.view.record.path));
}
