// The entry of dist/interop.js: import and export (CSV, vCard, iCalendar, Markdown), required on first use.
export { exportCalendar, exportPartnersCsv, exportReport } from '../commands/exportCommands';
export { importPartners } from '../commands/importPartners';
