// The dashboard's commands and page serializer, registered at activation; the dashboard itself (its
// statistics, stemmer and stop words) lives in dist/dashboard.js and is required on first use, so
// activation never pays for it. The build marks './dashboard.js' external, as './git.js'.
import * as vscode from 'vscode';
import { registerCommand, registerWebviewPanelSerializer } from '../shared/registry';
import type { Dashboard } from './dashboard';
import { guarded } from '../shared/partnerArgs';
import type { StoreService } from '../store/storeService';

type DashboardModule = typeof import('./index');
let dashboardModule: DashboardModule | undefined;

export function loadDashboard(): DashboardModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  dashboardModule ??= require('./dashboard.js') as DashboardModule;
  return dashboardModule;
}

/** Must match DASHBOARD_VIEW_TYPE in dashboard/dashboardPanel.ts (a test checks). */
export const DASHBOARD_VIEW_TYPE = 'alliances.dashboard';

export class LazyDashboard implements vscode.Disposable {
  private loaded: Dashboard | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly service: StoreService,
  ) {}

  /** The dashboard, loading its bundle the first time. */
  get instance(): Dashboard {
    this.loaded ??= new (loadDashboard().Dashboard)(this.extensionUri, this.service);
    return this.loaded;
  }

  register(): vscode.Disposable[] {
    return [
      registerCommand(
        'alliances.openDashboard',
        guarded((filter?: unknown) => this.instance.openCommand(filter)),
      ),
      registerCommand(
        'alliances.exportDashboard',
        guarded((target?: unknown, filter?: unknown) => this.instance.exportCommand(target, filter)),
      ),
      registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state) => this.instance.revive(panel, state),
      }),
    ];
  }

  dispose(): void {
    this.loaded?.dispose();
  }
}
