// dist/calendar.js: the calendar feature, required by register.ts when `alliances.calendar.file` is set
// or on the first Import Meetings from Calendar…. Holds the meetings read from the file (ical.js, through
// src/core/calendar), recomputes each store's suggestions after every store change, and logs or dismisses
// one. Dismissals live in globalState (this machine, every window), never in the store.
import * as vscode from 'vscode';
import {
  CalendarError,
  calendarPartners,
  calendarWindow,
  loggedOnIn,
  readCalendarText,
  suggestMeetings,
  type Meeting,
  type MeetingSuggestion,
} from '../../core/calendar';
import type { CheckIn } from '../../core/model';
import type { Loaded } from '../../core/store';
import { COMMANDS, SETTINGS, SETTINGS_SECTION, STATE_KEYS } from '../ids';
import type { App } from '../shared/app';
import { visible } from '../shared/displayText';
import { calendarDays, calendarFileSetting } from '../shared/settings';
import type { FolderStore } from '../store/storeService';
import { readCalendarFile, resolveCalendarPath, watchCalendarFile } from './calendarFile';
import { logSuggestedMeeting, type LogOptions } from './logMeeting';
import { calendarItem, meetingItem, reminderSentence, type CalendarNode } from './meetingItems';

/** Dismissals older than this are forgotten (they are out of every window by then). */
const DISMISS_MEMORY_MS = 120 * 24 * 3600 * 1000;
/** The window moves with the clock: the file is read again when the last read is older than this. */
const REREAD_AFTER_MS = 60 * 60 * 1000;

export interface Suggested {
  entry: FolderStore;
  suggestion: MeetingSuggestion;
}

export interface CalendarFeature extends vscode.Disposable {
  /** Reads the file the setting names (and watches it); with the setting empty, forgets the configured file. */
  useSetting(): Promise<void>;
  /** Import Meetings from Calendar…: a file from the open dialog (or the Uri given); answers the suggestions' count. */
  importFile(uri?: unknown): Promise<number | undefined>;
  roots(entry: FolderStore): unknown[];
  children(data: unknown): unknown[];
  item(data: unknown): vscode.TreeItem;
  render(): void;
  reminderText(): string | undefined;
  /** Logs the newest suggestion (the reminder's Log button); false when there is none. */
  logNewest(): Promise<boolean>;
  /** A meeting's key (or its tree node), the folder's URI when several stores have it, and `{ rating }` to skip the rating step. */
  logMeeting(arg?: unknown, folder?: unknown, options?: unknown): Promise<Loaded<CheckIn> | undefined>;
  dismiss(arg?: unknown): Promise<void>;
  /** Resolves once the file being read was read. */
  ready(): Promise<void>;
  /** The meeting keys dismissed on this machine. */
  dismissed(): string[];
  /** Every suggestion of every store, newest first. */
  suggestions(): Suggested[];
  /** The file the suggestions come from, and the last problem reading it. */
  readonly source: string | undefined;
  readonly lastError: string | undefined;
}

export function createCalendar(app: App, refresh: () => void): CalendarFeature {
  const { service, context } = app;
  let meetings: readonly Meeting[] = [];
  let owner: string | undefined;
  let source: string | undefined;
  /** The file the setting names (an imported file is shown until the next one). */
  let configured: string | undefined;
  let lastError: string | undefined;
  let readAt = 0;
  let reading: Promise<void> = Promise.resolve();
  let watcher: vscode.Disposable | undefined;
  let suggested: Suggested[] = [];
  const selfEmails = new Map<string, string>();
  const dismissed = (): Record<string, number> => context.globalState.get<Record<string, number>>(STATE_KEYS.calendarDismissed) ?? {};

  const compute = (): void => {
    const dismissedKeys = new Set(Object.keys(dismissed()));
    suggested = service.folders().flatMap((entry) => {
      const self = selfEmails.get(entry.folder.uri.toString());
      const { suggestions } = suggestMeetings({
        meetings,
        partners: calendarPartners(entry.store),
        selfEmails: [...(self ? [self] : []), ...(owner ? [owner] : [])],
        loggedOn: loggedOnIn(entry.store),
        dismissed: dismissedKeys,
      });
      return suggestions.map((suggestion) => ({ entry, suggestion }));
    });
    suggested.sort((a, b) => b.suggestion.start.getTime() - a.suggestion.start.getTime());
  };

  /** Reads `file` into memory; a bad file leaves no suggestions and one message, nothing written. */
  const read = (file: string, quiet: boolean): Promise<void> => {
    reading = reading.then(async () => {
      for (const entry of service.folders()) {
        const email = (await service.author(entry.folder)).email;
        if (email) selfEmails.set(entry.folder.uri.toString(), email);
      }
      try {
        const now = new Date();
        const result = readCalendarText(await readCalendarFile(file), calendarWindow(now, calendarDays()));
        meetings = result.meetings;
        owner = result.owner;
        lastError = undefined;
        for (const skipped of result.skipped)
          service.log.warn(`calendar: ${skipped.uid} (${skipped.title}) repeats too often; its occurrences were not read`);
        service.log.info(`calendar: ${result.events} events, ${meetings.length} in the window, from ${file}`);
      } catch (error) {
        meetings = [];
        const reason =
          error instanceof CalendarError
            ? error.message
            : (error as NodeJS.ErrnoException).code === 'ENOENT'
              ? vscode.l10n.t('the file does not exist.')
              : String(error);
        const message = vscode.l10n.t('Alliances could not read the calendar {0}: {1}', file, reason);
        if (message !== lastError && !quiet) void vscode.window.showWarningMessage(visible(message));
        lastError = message;
        service.log.warn(message);
      }
      source = file;
      readAt = Date.now();
      compute();
      refresh();
    });
    return reading;
  };

  const find = (key: unknown, folder: unknown): Suggested | undefined => {
    const node = key as { data?: CalendarNode } | undefined;
    if (node && typeof node === 'object' && node.data?.kind === 'meeting')
      ({ key, folder } = { key: node.data.suggestion.key, folder: node.data.entry.folder.uri.toString() });
    return suggested.find((s) => s.suggestion.key === key && (typeof folder !== 'string' || s.entry.folder.uri.toString() === folder));
  };

  const feature: CalendarFeature = {
    get source() {
      return source;
    },
    get lastError() {
      return lastError;
    },
    async useSetting() {
      watcher?.dispose();
      watcher = undefined;
      const file = resolveCalendarPath(calendarFileSetting());
      if (!file) {
        if (source && source === configured) {
          meetings = [];
          source = undefined;
          compute();
          refresh();
        }
        configured = undefined;
        return;
      }
      configured = file;
      watcher = watchCalendarFile(file, () => void read(file, false));
      await read(file, false);
    },
    async importFile(uri) {
      let file = uri instanceof vscode.Uri ? uri.fsPath : typeof uri === 'string' ? uri : undefined;
      if (!file) {
        const [picked] =
          (await vscode.window.showOpenDialog({
            title: vscode.l10n.t('Import Meetings from Calendar'),
            openLabel: vscode.l10n.t('Import Meetings'),
            canSelectMany: false,
            filters: { [vscode.l10n.t('Calendar')]: ['ics', 'ical', 'ifb', 'icalendar'] },
          })) ?? [];
        if (!picked) return undefined;
        file = picked.fsPath;
      }
      await read(file, true);
      if (lastError) {
        void vscode.window.showErrorMessage(visible(lastError));
        return undefined;
      }
      const count = suggested.length;
      const message =
        count === 0
          ? vscode.l10n.t('Alliances: no meetings with your partners to log in the last {0} days of {1}.', calendarDays(), file)
          : count === 1
            ? vscode.l10n.t('Alliances: 1 meeting to log, under From your calendar.')
            : vscode.l10n.t('Alliances: {0} meetings to log, under From your calendar.', count);
      const follow = vscode.l10n.t('Re-read It When It Changes');
      if (file !== configured)
        void vscode.window.showInformationMessage(message, follow).then((choice) => {
          if (choice === follow)
            void vscode.workspace.getConfiguration(SETTINGS_SECTION).update(SETTINGS.calendarFile, file, vscode.ConfigurationTarget.Global);
        });
      else void vscode.window.showInformationMessage(message);
      return count;
    },
    roots(entry) {
      const mine = suggested.filter((s) => s.entry === entry).map((s) => s.suggestion);
      return mine.length > 0 && source ? [{ kind: 'calendar', entry, suggestions: mine, source } satisfies CalendarNode] : [];
    },
    children(data) {
      const node = data as CalendarNode;
      return node.kind === 'calendar'
        ? node.suggestions.map((suggestion): CalendarNode => ({ kind: 'meeting', entry: node.entry, suggestion }))
        : [];
    },
    item(data) {
      const node = data as CalendarNode;
      return node.kind === 'calendar' ? calendarItem(node) : meetingItem(node);
    },
    render() {
      compute();
      if (source && Date.now() - readAt > REREAD_AFTER_MS) void read(source, true);
    },
    reminderText: () => reminderSentence(suggested),
    async logNewest() {
      const [newest] = suggested;
      if (!newest) return false;
      await vscode.commands.executeCommand(COMMANDS.logMeeting, newest.suggestion.key, newest.entry.folder.uri.toString());
      return true;
    },
    async logMeeting(arg, folder, options) {
      const found = find(arg ?? suggested[0]?.suggestion.key, folder);
      if (!found)
        throw new Error(vscode.l10n.t('That meeting is no longer waiting to be logged (logged, dismissed, or out of the window).'));
      return logSuggestedMeeting(service, found.entry, found.suggestion, logOptions(options));
    },
    async dismiss(arg) {
      const found = find(arg, undefined);
      if (!found) return;
      const now = Date.now();
      const kept = Object.fromEntries(Object.entries(dismissed()).filter(([, at]) => now - at < DISMISS_MEMORY_MS));
      await context.globalState.update(STATE_KEYS.calendarDismissed, { ...kept, [found.suggestion.key]: now });
      compute();
      refresh();
    },
    ready: () => reading,
    suggestions: () => suggested,
    dismissed: () => Object.keys(dismissed()),
    dispose() {
      watcher?.dispose();
    },
  };
  return feature;
}

/** `{ rating: 1–5 | null }` from a command's argument; anything else: the rating step. */
function logOptions(arg: unknown): LogOptions {
  const rating = (arg as { rating?: unknown } | undefined)?.rating;
  return rating === null || (typeof rating === 'number' && Number.isInteger(rating) && rating >= 1 && rating <= 5) ? { rating } : {};
}
