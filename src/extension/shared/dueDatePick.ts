// "When is it due?": presets relative to today ("In a week"), "No due date" first, or a typed
// yyyy-mm-dd. One step for every flow that asks (Add Follow-up, Add Initiative).
import * as vscode from 'vscode';
import { isValid, parseISO } from 'date-fns';
import { formatShortDate, toCalendarDate } from '../../core/cadence';
import { askPick, BACK } from './quickInputs';

/**
 * Asks for a due date: `presets` are [label, date] pairs (undefined: no due date). Returns the chosen
 * calendar date (undefined for none), BACK, or null when the input was dismissed.
 */
export async function askDueDate(
  presets: [string, Date | undefined][],
  today: Date,
  step: { title: string; step: number; totalSteps: number },
): Promise<{ due: string | undefined } | typeof BACK | undefined> {
  const items = presets.map(([label, date]) => ({
    label,
    description: date ? formatShortDate(date, today) : undefined,
    due: date ? toCalendarDate(date) : undefined,
  }));
  const chosen = await askPick({
    ...step,
    items,
    placeholder: vscode.l10n.t('When is it due? Or type a date (yyyy-mm-dd)'),
    custom: (value) =>
      /^\d{4}-\d{2}-\d{2}$/.test(value) && isValid(parseISO(value))
        ? { label: value, description: vscode.l10n.t('due date'), due: value }
        : undefined,
  });
  if (!chosen || chosen === BACK) return chosen;
  return { due: chosen.due };
}
