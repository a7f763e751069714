// Every id Alliances gives VS Code, in one table: command ids, views, webview types, status bar items,
// context keys, setting keys and memento keys. package.json says the same ids to VS Code (a unit test,
// test/unit/ids.test.ts, keeps the two in step); code imports them from here and never spells one out.
// Tiny and free of imports, so every bundle (main.js, the lazily loaded pages) may take what it needs.

/** Every contributed command (package.json `contributes.commands`), plus the internal ones below. */
export const COMMANDS = {
  initializeStore: 'alliances.initializeStore',
  addPartner: 'alliances.addPartner',
  editPartner: 'alliances.editPartner',
  logCheckIn: 'alliances.logCheckIn',
  snoozePartner: 'alliances.snoozePartner',
  archivePartner: 'alliances.archivePartner',
  unarchivePartner: 'alliances.unarchivePartner',
  goToPartner: 'alliances.goToPartner',
  openPartnerPage: 'alliances.openPartnerPage',
  openPartnerFile: 'alliances.openPartnerFile',
  showPartnerHistory: 'alliances.showPartnerHistory',
  openStoreFolder: 'alliances.openStoreFolder',
  refresh: 'alliances.refresh',
  showDue: 'alliances.showDue',
  groupByStatus: 'alliances.groupByStatus',
  groupByDepartment: 'alliances.groupByDepartment',
  groupByOrganisation: 'alliances.groupByOrganisation',
  groupByTag: 'alliances.groupByTag',
  showArchived: 'alliances.showArchived',
  hideArchived: 'alliances.hideArchived',
  addTalkingPoint: 'alliances.addTalkingPoint',
  openTalkingPoint: 'alliances.openTalkingPoint',
  coverTalkingPoint: 'alliances.coverTalkingPoint',
  reopenTalkingPoint: 'alliances.reopenTalkingPoint',
  addFollowUp: 'alliances.addFollowUp',
  completeFollowUp: 'alliances.completeFollowUp',
  reopenFollowUp: 'alliances.reopenFollowUp',
  search: 'alliances.search',
  prepareCheckIn: 'alliances.prepareCheckIn',
  openDashboard: 'alliances.openDashboard',
  exportDashboard: 'alliances.exportDashboard',
  openEcosystemMap: 'alliances.openEcosystemMap',
  importPartners: 'alliances.importPartners',
  importMeetings: 'alliances.importMeetings',
  logMeeting: 'alliances.logMeeting',
  dismissMeeting: 'alliances.dismissMeeting',
  exportPartnersCsv: 'alliances.exportPartnersCsv',
  exportCalendar: 'alliances.exportCalendar',
  exportReport: 'alliances.exportReport',
  addConnection: 'alliances.addConnection',
  addInitiative: 'alliances.addInitiative',
  assessStakeholder: 'alliances.assessStakeholder',
  openInitiative: 'alliances.openInitiative',
  showChangeImpact: 'alliances.showChangeImpact',
  raiseConcern: 'alliances.raiseConcern',
  voteConcern: 'alliances.voteConcern',
  closeConcern: 'alliances.closeConcern',
  concernToTalkingPoints: 'alliances.concernToTalkingPoints',
  reviewDeliveredAsks: 'alliances.reviewDeliveredAsks',
  copyAskTrailer: 'alliances.copyAskTrailer',
} as const;

/** Commands that are not in package.json: a status bar item's click, and the tests' door to internals. */
export const INTERNAL_COMMANDS = {
  openCodeNudge: 'alliances.openCodeNudge',
  /** Registered only when VS Code runs the extension's tests (ExtensionMode.Test): see testInternals.ts. */
  testInternals: 'alliances.test.internals',
} as const;

/** Views (package.json `contributes.views`) and VS Code's generated focus command of one. */
export const VIEWS = {
  container: 'alliances',
  partners: 'alliances.partners',
  followUps: 'alliances.followUps',
  initiatives: 'alliances.initiatives',
  concerns: 'alliances.concerns',
} as const;
export const FOCUS_PARTNERS_COMMAND = `${VIEWS.partners}.focus`;

/** Webview panel types (their serializers restore them after a reload). */
export const VIEW_TYPES = {
  partnerPage: 'alliances.partnerPage',
  dashboard: 'alliances.dashboard',
  ecosystemMap: 'alliances.ecosystemMap',
  initiativePage: 'alliances.initiativePage',
} as const;

/** URI schemes of Alliances' read-only documents (TextDocumentContentProvider). */
export const URI_SCHEMES = {
  /** The brief before a check-in, previewed as Markdown (src/extension/brief). */
  brief: 'alliances-brief',
} as const;

export const STATUS_BAR_ITEMS = {
  due: 'alliances.due',
  codeNudge: 'alliances.codeNudge',
  deliveries: 'alliances.deliveries',
} as const;

/** Context keys for `when` clauses in package.json. */
export const CONTEXT_KEYS = {
  /** Every command is registered (scripts/shellCommands.cjs: the palette and menus wait for it). */
  started: 'alliances:started',
  loaded: 'alliances:loaded',
  hasPartners: 'alliances:hasPartners',
  groupBy: 'alliances:groupBy',
  showArchived: 'alliances:showArchived',
} as const;

/**
 * Language-model tools (package.json `contributes.languageModelTools`), by their key in src/core/tools:
 * the MCP server serves the same names (test/unit/toolDefinitions.test.ts keeps the three in step).
 */
export const LANGUAGE_MODEL_TOOLS = {
  due: 'alliances_due',
  brief: 'alliances_brief',
  search: 'alliances_search',
  ecosystem: 'alliances_ecosystem',
  agenda: 'alliances_agenda',
  logCheckIn: 'alliances_logCheckIn',
  addTalkingPoint: 'alliances_addTalkingPoint',
  addFollowUp: 'alliances_addFollowUp',
} as const;

/** package.json `contributes.mcpServerDefinitionProviders`: the stores' MCP servers (`alliances mcp`). */
export const MCP_SERVER_PROVIDERS = { stores: 'alliances.mcpServers' } as const;

/** The `alliances.*` settings, without the section (`getConfiguration(SETTINGS_SECTION).get(key)`). */
export const SETTINGS_SECTION = 'alliances';
export const SETTINGS = {
  defaultCadenceDays: 'defaultCadenceDays',
  remindersEnabled: 'reminders.enabled',
  remindersIntervalMinutes: 'reminders.intervalMinutes',
  siloDays: 'siloDays',
  storePath: 'storePath',
  calendarDaysAhead: 'export.calendarDaysAhead',
  calendarHour: 'export.calendarHour',
  warnOnNonDefaultBranch: 'warnOnNonDefaultBranch',
  toolsIncludePrivate: 'tools.includePrivate',
  calendarFile: 'calendar.file',
  calendarDays: 'calendar.days',
} as const;

/** A setting's full id, for `affectsConfiguration`. */
export function settingId(key: (typeof SETTINGS)[keyof typeof SETTINGS]): string {
  return `${SETTINGS_SECTION}.${key}`;
}

/** Memento keys (workspaceState, globalState). */
export const STATE_KEYS = {
  groupBy: 'alliances.groupBy',
  showArchived: 'alliances.showArchived',
  remindersDontShowAgain: 'alliances.reminders.dontShowAgain',
  /** Offers of a commit delivering an ask that were dismissed (ask id@commit), this workspace only. */
  dismissedDeliveries: 'alliances.deliveries.dismissed',
  /** Meetings dismissed from *From your calendar* (globalState: this machine, every window; never committed). */
  calendarDismissed: 'alliances.calendar.dismissed',
} as const;

/** The extension's own id (publisher.name in package.json). */
export const EXTENSION_ID = 'alliances.alliances';
