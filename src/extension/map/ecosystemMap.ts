// The ecosystem map: one panel per window (opening it again reveals it, a filter given replaces the
// page's), restored after a window reload with its filter and grouping. Lives in dist/map.js.
import * as v from 'valibot';
import * as vscode from 'vscode';
import type { DashboardFilter } from '../../core/stats';
import { DashboardFilterSchema } from '../../webview/protocol';
import { normaliseFilter } from '../dashboard/dashboardData';
import { PANEL_OPTIONS } from '../shared/webviewPage';
import type { StoreService } from '../store/storeService';
import { MAP_VIEW_TYPE, MapPanel, restoredMapState } from './mapPanel';

export class EcosystemMapPages implements vscode.Disposable {
  current: MapPanel | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly service: StoreService,
  ) {}

  /** Reveals the map, or opens it beside the editor. */
  open(filter?: DashboardFilter): MapPanel {
    if (this.current) {
      this.current.panel.reveal();
      if (filter) {
        this.current.filter = normaliseFilter(filter);
        void this.current.postData();
      }
      return this.current;
    }
    const panel = vscode.window.createWebviewPanel(MAP_VIEW_TYPE, vscode.l10n.t('Ecosystem Map'), vscode.ViewColumn.Active, PANEL_OPTIONS);
    return this.adopt(panel, { filter: filter ?? {} });
  }

  private adopt(panel: vscode.WebviewPanel, state: ReturnType<typeof restoredMapState>): MapPanel {
    const page = new MapPanel(panel, this.service, this.extensionUri);
    page.filter = normaliseFilter(state.filter);
    if (state.groupBy) page.groupBy = state.groupBy;
    this.current = page;
    page.onDidDispose(() => {
      if (this.current === page) this.current = undefined;
    });
    return page;
  }

  /** A panel restored after a window reload (its state holds the filter and the grouping). */
  async revive(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (this.current) {
      panel.dispose();
      return;
    }
    await this.service.whenReady();
    this.adopt(panel, restoredMapState(state));
  }

  /** "Open Ecosystem Map" with an optional filter argument (the dashboard's button passes its own). */
  async openCommand(filter?: unknown): Promise<boolean> {
    await this.service.whenReady();
    this.open(parseFilter(filter));
    return true;
  }

  dispose(): void {
    this.current?.dispose();
  }
}

/** A filter given to the command: checked like one from a page; a wrong one is an error, not ignored. */
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
