// From your calendar: past meetings with partners, read from an .ics file, as suggested check-ins at the
// top of the Partners tree, in the reminder, and logged in one click. Only this file is in main.js; the
// reader (ical.js), the suggestions and the commands' work are dist/calendar.js (index.ts), loaded when
// `alliances.calendar.file` is set or on the first Import Meetings from Calendar….
import * as vscode from 'vscode';
import { COMMANDS, SETTINGS, settingId } from '../ids';
import type { PartnersTree } from '../partners/partnersTree';
import type { Reminders } from '../reminders/reminders';
import { storeCommand, type App } from '../shared/app';
import { lazyBundle } from '../shared/lazyBundle';
import { calendarFileSetting } from '../shared/settings';
import type { CalendarFeature } from './index';

/** dist/calendar.js: the setting is set, or the first import. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadCalendar = lazyBundle<typeof import('./index')>(() => require('./calendar.js'));

export interface LazyCalendar {
  /** The feature (loads dist/calendar.js). */
  calendar: () => CalendarFeature;
  /** Reads the configured file once the stores loaded (after activation). */
  start: () => void;
}

export function register(app: App, tree: PartnersTree, reminders: Reminders): LazyCalendar {
  const { service, context } = app;
  let feature: CalendarFeature | undefined;
  const calendar = (): CalendarFeature => {
    if (!feature) {
      feature = loadCalendar().createCalendar(app, () => tree.refresh());
      context.subscriptions.push(feature);
    }
    return feature;
  };
  tree.sections.push({
    roots: (entry) => feature?.roots(entry) ?? [],
    children: (data) => feature?.children(data) ?? [],
    item: (data) => calendar().item(data),
  });
  reminders.extras = {
    message: () => feature?.reminderText(),
    log: () => feature?.logNewest() ?? Promise.resolve(false),
    ready: () => feature?.ready() ?? Promise.resolve(),
  };
  const start = (): void => {
    if (feature || calendarFileSetting()) void service.whenReady().then(() => calendar().useSetting());
  };
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(settingId(SETTINGS.calendarFile)) || event.affectsConfiguration(settingId(SETTINGS.calendarDays)))
        start();
    }),
  );
  app.onRender(() => feature?.render());
  app.commands({
    [COMMANDS.importMeetings]: storeCommand(service, (uri?: unknown) => calendar().importFile(uri)),
    [COMMANDS.logMeeting]: storeCommand(service, (arg?: unknown, folder?: unknown, options?: unknown) =>
      calendar().logMeeting(arg, folder, options),
    ),
    [COMMANDS.dismissMeeting]: storeCommand(service, (arg?: unknown) => calendar().dismiss(arg)),
  });
  return { calendar, start };
}
