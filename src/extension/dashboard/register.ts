// The dashboard: its commands and page serializer, registered with main.js; the dashboard itself (its
// statistics, stemmer and stop words) lives in dist/dashboard.js and is required on first use
// (shared/bundles.ts), so activation never pays for it.
import * as vscode from 'vscode';
import { registerCommand, registerWebviewPanelSerializer } from '../shared/registry';
import { lazyBundle } from '../shared/lazyBundle';
import type { App } from '../shared/app';
import { COMMANDS, VIEW_TYPES } from '../ids';
import type { Dashboard } from './dashboard';
import { guarded } from '../shared/partnerArgs';
import type { StoreService } from '../store/storeService';

/** dist/dashboard.js (statistics, stemmer, stop words): the first dashboard opened, revived or exported. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadDashboard = lazyBundle<typeof import('./index')>(() => require('./dashboard.js'));

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
        COMMANDS.openDashboard,
        guarded((filter?: unknown) => this.instance.openCommand(filter)),
      ),
      registerCommand(
        COMMANDS.exportDashboard,
        guarded((target?: unknown, filter?: unknown) => this.instance.exportCommand(target, filter)),
      ),
      registerWebviewPanelSerializer(VIEW_TYPES.dashboard, {
        deserializeWebviewPanel: (panel, state) => this.instance.revive(panel, state),
      }),
    ];
  }

  dispose(): void {
    this.loaded?.dispose();
  }
}

/** Registers the dashboard's commands and serializer; the dashboard loads on first use. */
export function register(app: App): LazyDashboard {
  const dashboard = new LazyDashboard(app.context.extensionUri, app.service);
  app.context.subscriptions.push(dashboard, ...dashboard.register());
  return dashboard;
}
