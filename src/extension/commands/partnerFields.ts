import type * as vscode from 'vscode';

export interface CadenceItem extends vscode.QuickPickItem {
  /** undefined: use the default (the partner follows the setting). */
  days?: number;
}

const PRESETS: [number, string][] = [
  [7, 'Every week'],
  [14, 'Every two weeks'],
  [21, 'Every three weeks'],
  [30, 'Every month'],
  [60, 'Every two months'],
  [90, 'Every quarter'],
];

export function cadenceItems(defaultDays: number, current?: number): CadenceItem[] {
  const items: CadenceItem[] = [{ label: `Default (every ${defaultDays} days)`, description: 'follows the alliances.defaultCadenceDays setting', days: undefined }];
  for (const [days, label] of PRESETS) items.push({ label, description: `${days} days${current === days ? ' · current' : ''}`, days });
  return items;
}

export function validateName(value: string): string | undefined {
  if (!value.trim()) return 'A name is needed.';
  if (value.trim().length > 200) return 'Keep it under 200 characters.';
  return undefined;
}

export function validateEmail(value: string): string | undefined {
  const email = value.trim();
  if (!email) return undefined;
  return /^[^\s@]+@[^\s@]+$/.test(email) ? undefined : 'That does not look like an email address (leave it empty to skip).';
}
