import * as vscode from 'vscode';

export interface CadenceItem extends vscode.QuickPickItem {
  /** undefined: use the default (the partner follows the setting). */
  days?: number;
}

/** A function, not a constant: labels are read in the display language when shown. */
const presets = (): [number, string][] => [
  [7, vscode.l10n.t('Every week')],
  [14, vscode.l10n.t('Every two weeks')],
  [21, vscode.l10n.t('Every three weeks')],
  [30, vscode.l10n.t('Every month')],
  [60, vscode.l10n.t('Every two months')],
  [90, vscode.l10n.t('Every quarter')],
];

export function cadenceItems(defaultDays: number, current?: number): CadenceItem[] {
  const items: CadenceItem[] = [
    {
      label: vscode.l10n.t('Default (every {0} days)', defaultDays),
      description: vscode.l10n.t('follows the alliances.defaultCadenceDays setting'),
      days: undefined,
    },
  ];
  for (const [days, label] of presets())
    items.push({
      label,
      description: current === days ? vscode.l10n.t('{0} days · current', days) : vscode.l10n.t('{0} days', days),
      days,
    });
  return items;
}

/** The item for a cadence typed as a number of days. */
export function everyDaysLabel(days: string): string {
  return vscode.l10n.t('Every {0} days', days);
}

export function validateName(value: string): string | undefined {
  if (!value.trim()) return vscode.l10n.t('A name is needed.');
  if (value.trim().length > 200) return vscode.l10n.t('Keep it under 200 characters.');
  return undefined;
}

export function validateEmail(value: string): string | undefined {
  const email = value.trim();
  if (!email) return undefined;
  return /^[^\s@]+@[^\s@]+$/.test(email) ? undefined : vscode.l10n.t('That does not look like an email address (leave it empty to skip).');
}
