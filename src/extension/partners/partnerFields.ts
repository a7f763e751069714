import * as vscode from 'vscode';
import { MAX_TAG_LENGTH, parseTags, tagsProblem } from '../../core/tags';
import { MAX_TAGS } from '../../core/vocabulary';

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

/** The message of a line of tags that cannot be saved (core/tags.ts says why), or undefined. */
export function validateTags(value: string): string | undefined {
  const problem = tagsProblem(parseTags(value));
  if (!problem) return undefined;
  if ('tooMany' in problem) return vscode.l10n.t('At most {0} tags ({1} given).', MAX_TAGS, problem.tooMany);
  return vscode.l10n.t('Each tag must be at most {0} characters ("{1}…" is longer).', MAX_TAG_LENGTH, problem.tooLong.slice(0, 30));
}

/** "Tags, separated by spaces or commas (in use: exec, platform)". */
export function tagsPrompt(known: readonly string[], optional: boolean): string {
  const start = optional
    ? vscode.l10n.t('Tags (optional), separated by spaces or commas, e.g. "exec launch-q1"')
    : vscode.l10n.t('Tags, separated by spaces or commas (empty to clear)');
  return known.length > 0 ? vscode.l10n.t('{0}. In use: {1}', start, known.slice(0, 12).join(', ')) : start;
}

export interface OrganisationItem extends vscode.QuickPickItem {
  /** undefined: no organisation. */
  organisation?: string;
}

/** No organisation first (Enter skips), then those in use, and what is typed as a new one. */
export function organisationItems(known: readonly string[], current?: string): OrganisationItem[] {
  return [
    { label: vscode.l10n.t('No organisation'), description: vscode.l10n.t('an internal partner'), organisation: undefined },
    ...known.map((name) => ({ label: name, description: name === current ? vscode.l10n.t('current') : undefined, organisation: name })),
  ];
}

export function newOrganisationItem(value: string): OrganisationItem | undefined {
  const name = value.trim();
  if (!name) return undefined;
  return name.length > 200 ? undefined : { label: name, description: vscode.l10n.t('new organisation'), organisation: name };
}
