// The ecosystem map: its command and page serializer, registered with main.js; the map itself (the graph,
// its figures and its layout) lives in dist/map.js and is required on first use, so activation never pays.
import * as vscode from 'vscode';
import { registerCommand, registerWebviewPanelSerializer } from '../shared/registry';
import { lazyBundle } from '../shared/lazyBundle';
import type { App } from '../shared/app';
import { COMMANDS, VIEW_TYPES } from '../ids';
import { guarded } from '../shared/partnerArgs';
import type { StoreService } from '../store/storeService';
import type { EcosystemMapPages } from './ecosystemMap';

/** dist/map.js: the first map opened or revived. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadMap = lazyBundle<typeof import('./index')>(() => require('./map.js'));

export class LazyEcosystemMap implements vscode.Disposable {
  private loaded: EcosystemMapPages | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly service: StoreService,
  ) {}

  /** The map, loading its bundle the first time. */
  get instance(): EcosystemMapPages {
    this.loaded ??= new (loadMap().EcosystemMapPages)(this.extensionUri, this.service);
    return this.loaded;
  }

  register(): vscode.Disposable[] {
    return [
      registerCommand(
        COMMANDS.openEcosystemMap,
        guarded((filter?: unknown) => this.instance.openCommand(filter)),
      ),
      registerWebviewPanelSerializer(VIEW_TYPES.ecosystemMap, {
        deserializeWebviewPanel: (panel, state) => this.instance.revive(panel, state),
      }),
    ];
  }

  dispose(): void {
    this.loaded?.dispose();
  }
}

/** Registers the map's command and serializer; the map loads on first use. */
export function register(app: App): LazyEcosystemMap {
  const map = new LazyEcosystemMap(app.context.extensionUri, app.service);
  app.context.subscriptions.push(map, ...map.register());
  return map;
}
