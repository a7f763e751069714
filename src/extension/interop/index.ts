// The entry of dist/interop.js: import and export (CSV, vCard, iCalendar, Markdown), required on first use.
import { configureCoreL10n } from '../shared/coreL10n';

// This bundle's own copy of @vscode/l10n (import reasons, column names) follows the display language too.
configureCoreL10n();

export { exportCalendar, exportPartnersCsv, exportReport } from './exportCommands';
export { importPartners } from './importPartners';
