// The dashboard host: one webview panel over the workspace's stores. It computes the figures (in the
// extension host, where the data is), sends them through the typed protocol, recomputes when the store
// changes or the page changes its filter, and answers the page's requests after validating them.
import * as v from 'valibot';
import { rejectMalformed } from '../shared/rejectMalformed';
import * as vscode from 'vscode';
import type { DashboardData, DashboardFilter } from '../../core/stats';
import { DashboardPageMessageSchema, DashboardStateSchema, type DashboardHostMessage } from '../../webview/protocol';
import type { StoreService } from '../store/storeService';
import { WebviewPage } from '../shared/webviewPage';
import { normaliseFilter, themeCheckIns, workspaceDashboard } from './dashboardData';
import { COMMANDS, VIEW_TYPES } from '../ids';

/** The partner page's command (a string, so this bundle does not pull the partner page in). */
const OPEN_PARTNER_PAGE_COMMAND = COMMANDS.openPartnerPage;

export const DASHBOARD_VIEW_TYPE = VIEW_TYPES.dashboard;
const REFRESH_DEBOUNCE_MS = 100;

export type DashboardOutcome =
  | { kind: 'rejected'; reason: string }
  | { kind: 'data' }
  | { kind: 'themeCheckIns'; count: number }
  | { kind: 'openPartner'; id: string }
  | { kind: 'exportReport'; saved?: string }
  | { kind: 'openMap' }
  | { kind: 'voteConcern'; voted: boolean }
  | { kind: 'raiseConcern'; raised: boolean }
  | { kind: 'rendered' };

export class DashboardPanel extends WebviewPage<DashboardHostMessage> {
  filter: DashboardFilter = {};
  /** The figures last sent to the page, and how long they took (milliseconds; the benchmark reads it). */
  last: DashboardData | undefined;
  lastComputeMs = 0;
  /** From creating the panel to the page's first drawing of the figures (milliseconds). */
  firstPaintMs: number | undefined;
  private readonly createdAt = performance.now();

  constructor(
    panel: vscode.WebviewPanel,
    private readonly service: StoreService,
    extensionUri: vscode.Uri,
    private readonly exportReport: (filter: DashboardFilter) => Promise<string | undefined>,
  ) {
    super(
      panel,
      extensionUri,
      { script: 'dashboard.js', style: 'dashboard.css', title: vscode.l10n.t('Alliances Dashboard') },
      REFRESH_DEBOUNCE_MS,
    );
    this.disposables.push(service.onDidChange(() => this.schedule()));
  }

  /** Validates and carries out one message from the page. Public for tests. */
  async handle(raw: unknown): Promise<DashboardOutcome> {
    const parsed = v.safeParse(DashboardPageMessageSchema, raw);
    if (!parsed.success)
      return rejectMalformed(raw, parsed.issues, 'dashboard', this.service.log, (requestId) =>
        this.post({
          type: 'result',
          requestId,
          ok: false,
          message: vscode.l10n.t('The dashboard sent a message Alliances does not understand; nothing was done.'),
        }),
      );
    const message = parsed.output;
    switch (message.type) {
      case 'ready':
      case 'setFilter':
        if (message.filter) this.filter = normaliseFilter(message.filter);
        await this.service.whenReady();
        await this.postData();
        return { kind: 'data' };
      case 'themeCheckIns': {
        const theme = this.last?.themes.find((t) => t.term === message.term);
        const checkIns = theme ? themeCheckIns(this.service, theme.checkInIds) : [];
        await this.post({
          type: 'themeCheckIns',
          requestId: message.requestId,
          term: message.term,
          label: theme?.label ?? message.term,
          checkIns,
        });
        return { kind: 'themeCheckIns', count: checkIns.length };
      }
      case 'openPartner':
        if (!this.service.findPartner(message.id)) {
          await this.post({
            type: 'result',
            requestId: message.requestId,
            ok: false,
            message: vscode.l10n.t('That partner is no longer in the store.'),
          });
          return { kind: 'rejected', reason: 'unknown partner' };
        }
        await vscode.commands.executeCommand(OPEN_PARTNER_PAGE_COMMAND, message.id);
        return { kind: 'openPartner', id: message.id };
      case 'voteConcern': {
        // The command says why when it writes nothing (voted already, closed); the page only hears the outcome.
        const vote = await vscode.commands.executeCommand<unknown>(COMMANDS.voteConcern, message.id);
        await this.post({
          type: 'result',
          requestId: message.requestId,
          ok: vote !== undefined,
          message: vote !== undefined ? vscode.l10n.t('+1 counted.') : vscode.l10n.t('No vote was added.'),
        });
        return { kind: 'voteConcern', voted: vote !== undefined };
      }
      case 'raiseConcern': {
        const concern = await vscode.commands.executeCommand<unknown>(COMMANDS.raiseConcern, { theme: message.term });
        await this.post({
          type: 'result',
          requestId: message.requestId,
          ok: true,
          message: concern !== undefined ? vscode.l10n.t('Concern raised.') : vscode.l10n.t('No concern was raised.'),
        });
        return { kind: 'raiseConcern', raised: concern !== undefined };
      }
      case 'openMap':
        await vscode.commands.executeCommand(COMMANDS.openEcosystemMap, normaliseFilter(message.filter));
        return { kind: 'openMap' };
      case 'rendered':
        this.firstPaintMs ??= performance.now() - this.createdAt;
        return { kind: 'rendered' };
      case 'exportReport': {
        const saved = await this.exportReport(this.filter);
        await this.post({
          type: 'result',
          requestId: message.requestId,
          ok: true,
          message: saved ? vscode.l10n.t('Saved the report to {0}.', saved) : vscode.l10n.t('Export cancelled.'),
        });
        return { kind: 'exportReport', saved };
      }
    }
  }

  /** Computes the figures for the current filter and sends them. */
  async postData(): Promise<void> {
    const started = performance.now();
    const data = workspaceDashboard(this.service, this.filter);
    this.lastComputeMs = performance.now() - started;
    this.last = data;
    await this.post({ type: 'data', data });
  }
}

/** The filter a restored page remembered, if it is well-formed. */
export function restoredFilter(state: unknown): DashboardFilter {
  const parsed = v.safeParse(DashboardStateSchema, state);
  return parsed.success && parsed.output.filter ? normaliseFilter(parsed.output.filter) : {};
}
