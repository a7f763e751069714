import * as vscode from 'vscode';
import { SETTINGS_SECTION, SETTINGS } from '../ids';

/** Typed access to the `alliances.*` settings, with the defaults of package.json. */
export function defaultCadenceDays(): number {
  return clamp(vscode.workspace.getConfiguration(SETTINGS_SECTION).get<number>(SETTINGS.defaultCadenceDays, 14), 1, 365, 14);
}

export function remindersEnabled(): boolean {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>(SETTINGS.remindersEnabled, true);
}

export function reminderIntervalMinutes(): number {
  return clamp(vscode.workspace.getConfiguration(SETTINGS_SECTION).get<number>(SETTINGS.remindersIntervalMinutes, 240), 15, 10080, 240);
}

export function storePathSetting(folder: vscode.WorkspaceFolder): string | undefined {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION, folder.uri).get<string>(SETTINGS.storePath);
}

function clamp(value: number, min: number, max: number, fallback: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
}

/** Days without contact after which a department counts as a silo. */
export function siloDays(): number {
  return clamp(vscode.workspace.getConfiguration(SETTINGS_SECTION).get<number>(SETTINGS.siloDays, 45), 1, 3650, 45);
}

/** The calendar export: how many days ahead, and the local hour its check-in events start at. */
export function calendarExport(): { days: number; hour: number } {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return {
    days: clamp(config.get<number>(SETTINGS.calendarDaysAhead, 90), 1, 730, 90),
    hour: clamp(config.get<number>(SETTINGS.calendarHour, 9), 0, 23, 9),
  };
}

/**
 * Whether the tools may read private records. The user's own setting only: a workspace (a cloned
 * repository) must not be able to hand a machine's private notes to a language model.
 */
export function toolsIncludePrivate(): boolean {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION).inspect<boolean>(SETTINGS.toolsIncludePrivate)?.globalValue === true;
}

/** The calendar file to read (`alliances.calendar.file`); in Restricted Mode only the user's own value. */
export function calendarFileSetting(): string {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const value = vscode.workspace.isTrusted
    ? config.get<string>(SETTINGS.calendarFile)
    : config.inspect<string>(SETTINGS.calendarFile)?.globalValue;
  return typeof value === 'string' ? value.trim() : '';
}

/** How many days back the calendar's meetings are suggested. */
export function calendarDays(): number {
  return clamp(vscode.workspace.getConfiguration(SETTINGS_SECTION).get<number>(SETTINGS.calendarDays, 14), 1, 90, 14);
}
