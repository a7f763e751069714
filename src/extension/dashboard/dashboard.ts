// The dashboard: one panel per window (opening it again reveals it), restored after a window reload with
// its filter, and the Markdown report. Lives in the lazily loaded dist/dashboard.js (see register.ts).
import * as v from 'valibot';
import * as vscode from 'vscode';
import { PANEL_OPTIONS } from '../shared/webviewPage';
import { dashboardReport, type DashboardFilter } from '../../core/stats';
import { DashboardFilterSchema } from '../../webview/protocol';
import type { StoreService } from '../store/storeService';
import { normaliseFilter, workspaceDashboard } from './dashboardData';
import { DASHBOARD_VIEW_TYPE, DashboardPanel, restoredFilter } from './dashboardPanel';

export { DASHBOARD_VIEW_TYPE };

export class Dashboard implements vscode.Disposable {
  current: DashboardPanel | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly service: StoreService,
  ) {}

  /** Reveals the dashboard, or opens it beside the editor. A filter given replaces the page's. */
  open(filter?: DashboardFilter): DashboardPanel {
    if (this.current) {
      this.current.panel.reveal();
      if (filter) {
        this.current.filter = normaliseFilter(filter);
        void this.current.postData();
      }
      return this.current;
    }
    const panel = vscode.window.createWebviewPanel(
      DASHBOARD_VIEW_TYPE,
      vscode.l10n.t('Alliances Dashboard'),
      vscode.ViewColumn.Active,
      PANEL_OPTIONS,
    );
    return this.adopt(panel, filter ?? {});
  }

  private adopt(panel: vscode.WebviewPanel, filter: DashboardFilter): DashboardPanel {
    const page = new DashboardPanel(panel, this.service, this.extensionUri, (f) => this.exportReport(f));
    page.filter = normaliseFilter(filter);
    this.current = page;
    page.onDidDispose(() => {
      if (this.current === page) this.current = undefined;
    });
    return page;
  }

  /**
   * Writes the Markdown report for a filter to `target` (a URI or an absolute path), or where the user
   * picks in a save dialog. Resolves to the path written, or undefined when cancelled.
   */
  async exportReport(filter: DashboardFilter, target?: unknown): Promise<string | undefined> {
    await this.service.whenReady();
    const uri =
      toUri(target) ??
      (await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Export Dashboard Report'),
        defaultUri: defaultReportUri(),
        filters: { Markdown: ['md'] },
        saveLabel: vscode.l10n.t('Export'),
      }));
    if (!uri) return undefined;
    const report = dashboardReport(workspaceDashboard(this.service, filter));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(report));
    return uri.fsPath;
  }

  /** A panel restored after a window reload (its state holds the filter). */
  async revive(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (this.current) {
      panel.dispose();
      return;
    }
    await this.service.whenReady();
    this.adopt(panel, restoredFilter(state));
  }

  /** "Open Dashboard" with an optional filter argument. */
  async openCommand(filter?: unknown): Promise<boolean> {
    await this.service.whenReady();
    this.open(parseFilter(filter));
    return true;
  }

  /** "Export Dashboard Report" with an optional target (URI or path) and filter; asks where without a target. */
  async exportCommand(target?: unknown, filter?: unknown): Promise<string | undefined> {
    const saved = await this.exportReport(parseFilter(filter) ?? this.current?.filter ?? {}, target);
    if (saved && target === undefined) {
      const openLabel = vscode.l10n.t('Open');
      const open = await vscode.window.showInformationMessage(
        vscode.l10n.t('Alliances: saved the dashboard report to {0}.', saved),
        openLabel,
      );
      if (open === openLabel) await vscode.window.showTextDocument(vscode.Uri.file(saved));
    }
    return saved;
  }

  dispose(): void {
    this.current?.dispose();
  }
}

/** A filter given to a command: checked like one from the page; a wrong one is an error, not ignored. */
function parseFilter(value: unknown): DashboardFilter | undefined {
  if (value === undefined || value === null) return undefined;
  const parsed = v.safeParse(DashboardFilterSchema, value);
  if (!parsed.success)
    throw new Error(
      vscode.l10n.t(
        'That is not a dashboard filter ({0}). Use {1}.',
        v.summarize(parsed.issues),
        '{ from?, to?, department?, organisation?, tag?, author? }',
      ),
    );
  return parsed.output;
}

function toUri(target: unknown): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) return target;
  if (typeof target === 'string' && target.length > 0) return vscode.Uri.file(target);
  return undefined;
}

function defaultReportUri(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const name = `alliances-dashboard-${new Date().toISOString().slice(0, 10)}.md`;
  return folder ? vscode.Uri.joinPath(folder.uri, name) : undefined;
}
