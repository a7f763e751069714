// The calendar file: where the setting points (absolute, `~/…`, or relative to the first workspace
// folder), read only after its size was checked (a 100 MB file is refused unread), and watched so that a
// new export is picked up. Outside the workspace too: VS Code watches the one file's folder.
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CalendarError, checkCalendarSize, decodeCalendar } from '../../core/calendar';

const REREAD_DEBOUNCE_MS = 250;

/** The setting's path as a file path; undefined when it is empty or relative without a workspace folder. */
export function resolveCalendarPath(setting: string): string | undefined {
  if (setting === '') return undefined;
  if (setting === '~' || setting.startsWith('~/') || setting.startsWith('~\\')) return path.join(os.homedir(), setting.slice(1));
  if (path.isAbsolute(setting)) return path.normalize(setting);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? path.join(folder.uri.fsPath, setting) : undefined;
}

/** The file's text; a CalendarError (too large, not UTF-8) or the file system's error otherwise. */
export async function readCalendarFile(file: string): Promise<string> {
  const stat = await fsp.stat(file);
  if (!stat.isFile()) throw new CalendarError(vscode.l10n.t('{0} is not a file.', file), 'unreadable');
  // Refused before a byte is read: decodeCalendar says how large it is and what to do.
  checkCalendarSize(stat.size);
  return decodeCalendar(await fsp.readFile(file));
}

/** Calls `changed` (debounced) when the file is written, replaced or deleted. */
export function watchCalendarFile(file: string, changed: () => void): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(
    new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)),
  );
  let timer: NodeJS.Timeout | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(changed, REREAD_DEBOUNCE_MS);
  };
  const subscriptions = [watcher, watcher.onDidChange(later), watcher.onDidCreate(later), watcher.onDidDelete(later)];
  return {
    dispose: () => {
      clearTimeout(timer);
      for (const subscription of subscriptions) subscription.dispose();
    },
  };
}
