// The dashboard host: one webview panel over the workspace's stores. It computes the figures (in the
// extension host, where the data is), sends them through the typed protocol, recomputes when the store
// changes or the page changes its filter, and answers the page's requests after validating them.
import * as v from 'valibot';
import * as vscode from 'vscode';
import type { DashboardData, DashboardFilter } from '../../core/stats';
import { DashboardPageMessageSchema, DashboardStateSchema, RequestIdOnlySchema, type DashboardHostMessage } from '../../webview/protocol';
/** The partner page's command (a string, so this bundle does not pull the partner page in). */
const OPEN_PARTNER_PAGE_COMMAND = 'alliances.openPartnerPage';
import { newNonce, pageHtml } from '../partnerPage/pageHtml';
import type { StoreService } from '../storeService';
import { normaliseFilter, themeCheckIns, workspaceDashboard } from './dashboardData';

export const DASHBOARD_VIEW_TYPE = 'alliances.dashboard';
const REFRESH_DEBOUNCE_MS = 100;

export type DashboardOutcome =
  | { kind: 'rejected'; reason: string }
  | { kind: 'data' }
  | { kind: 'themeCheckIns'; count: number }
  | { kind: 'openPartner'; id: string }
  | { kind: 'exportReport'; saved?: string }
  | { kind: 'rendered' };

export class DashboardPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.closed.event;
  filter: DashboardFilter = {};
  /** The figures last sent to the page, and how long they took (milliseconds; the benchmark reads it). */
  last: DashboardData | undefined;
  lastComputeMs = 0;
  /** Data messages posted: tests wait for a count to grow. */
  posted = 0;
  /** From creating the panel to the page's first drawing of the figures (milliseconds). */
  firstPaintMs: number | undefined;
  private readonly createdAt = performance.now();

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly service: StoreService,
    extensionUri: vscode.Uri,
    private readonly exportReport: (filter: DashboardFilter) => Promise<string | undefined>,
  ) {
    panel.webview.options = { enableScripts: true, enableCommandUris: false, enableForms: false, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')] };
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'alliances.svg');
    const webview = panel.webview;
    const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', name)).toString();
    webview.html = pageHtml({ cspSource: webview.cspSource, scriptUri: asset('dashboard.js'), styleUri: asset('dashboard.css'), nonce: newNonce(), title: 'Alliances Dashboard' });
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      webview.onDidReceiveMessage((raw: unknown) => void this.handle(raw)),
      service.onDidChange(() => this.schedule()),
      this.closed,
    );
  }

  /** Validates and carries out one message from the page. Public for tests. */
  async handle(raw: unknown): Promise<DashboardOutcome> {
    const parsed = v.safeParse(DashboardPageMessageSchema, raw);
    if (!parsed.success) {
      const reason = `rejected a malformed dashboard message: ${v.summarize(parsed.issues).slice(0, 300)}`;
      this.service.log.warn(reason);
      const withId = v.safeParse(RequestIdOnlySchema, raw);
      if (withId.success) await this.post({ type: 'result', requestId: withId.output.requestId, ok: false, message: 'The dashboard sent a message Alliances does not understand; nothing was done.' });
      return { kind: 'rejected', reason };
    }
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
        await this.post({ type: 'themeCheckIns', requestId: message.requestId, term: message.term, label: theme?.label ?? message.term, checkIns });
        return { kind: 'themeCheckIns', count: checkIns.length };
      }
      case 'openPartner':
        if (!this.service.findPartner(message.id)) {
          await this.post({ type: 'result', requestId: message.requestId, ok: false, message: 'That partner is no longer in the store.' });
          return { kind: 'rejected', reason: 'unknown partner' };
        }
        await vscode.commands.executeCommand(OPEN_PARTNER_PAGE_COMMAND, message.id);
        return { kind: 'openPartner', id: message.id };
      case 'rendered':
        this.firstPaintMs ??= performance.now() - this.createdAt;
        return { kind: 'rendered' };
      case 'exportReport': {
        const saved = await this.exportReport(this.filter);
        await this.post({ type: 'result', requestId: message.requestId, ok: true, message: saved ? `Saved the report to ${saved}.` : 'Export cancelled.' });
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

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (!this.disposed && this.panel.visible) void this.postData();
    }, REFRESH_DEBOUNCE_MS);
  }

  private async post(message: DashboardHostMessage): Promise<void> {
    if (this.disposed) return;
    if (message.type === 'data') this.posted++;
    await this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    this.closed.fire();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}

/** The filter a restored page remembered, if it is well-formed. */
export function restoredFilter(state: unknown): DashboardFilter {
  const parsed = v.safeParse(DashboardStateSchema, state);
  return parsed.success && parsed.output.filter ? normaliseFilter(parsed.output.filter) : {};
}
