// Import and export: CSV and vCard in, CSV, iCalendar and Markdown reports out. Their parsers and formats
// live in dist/interop.js (a fifth of the extension), required the first time one of these commands runs.
import { storeCommand, type App } from '../shared/app';
import { lazyBundle } from '../shared/lazyBundle';
import { COMMANDS } from '../ids';
import { ImportPreview } from './importPreview';

/** dist/interop.js: the first import or export command. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadInterop = lazyBundle<typeof import('./index')>(() => require('./interop.js'));

export interface Interop {
  importPreview: ImportPreview;
}

export function register(app: App): Interop {
  const { service } = app;
  const importPreview = new ImportPreview();
  app.commands({
    [COMMANDS.importPartners]: storeCommand(service, (arg?: unknown, options?: unknown) =>
      loadInterop().importPartners(service, importPreview, arg, options),
    ),
    [COMMANDS.exportPartnersCsv]: storeCommand(service, (arg?: unknown, target?: unknown) =>
      loadInterop().exportPartnersCsv(service, arg, target),
    ),
    [COMMANDS.exportCalendar]: storeCommand(service, (arg?: unknown, target?: unknown) =>
      loadInterop().exportCalendar(service, arg, target),
    ),
    [COMMANDS.exportReport]: storeCommand(service, (arg?: unknown, target?: unknown) => loadInterop().exportReport(service, arg, target)),
  });
  return { importPreview };
}
