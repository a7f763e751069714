// The initiative page: its command and page serializer, registered with main.js; the page itself (its
// panel, the quick pick, the figures) lives in dist/initiativePage.js and is required on first use, so
// activation never pays for it.
import * as vscode from 'vscode';
import { registerCommand, registerWebviewPanelSerializer } from '../shared/registry';
import { lazyBundle } from '../shared/lazyBundle';
import type { App } from '../shared/app';
import { COMMANDS, VIEW_TYPES } from '../ids';
import { guarded } from '../shared/partnerArgs';
import type { StoreService } from '../store/storeService';
import type { InitiativePages } from './initiativePages';
import type { InitiativePanel } from './initiativePanel';

/** dist/initiativePage.js: the first initiative page opened or revived. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadInitiativePage = lazyBundle<typeof import('./index')>(() => require('./initiativePage.js'));

export class LazyInitiativePages implements vscode.Disposable {
  private loaded: InitiativePages | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly service: StoreService,
  ) {}

  /** The open pages, loading their bundle the first time. */
  get instance(): InitiativePages {
    this.loaded ??= new (loadInitiativePage().InitiativePages)(this.extensionUri, this.service);
    return this.loaded;
  }

  // Looking does not load the bundle: before it loaded, no page is open.
  get(initiativeId: string): InitiativePanel | undefined {
    return this.loaded?.get(initiativeId);
  }

  all(): InitiativePanel[] {
    return this.loaded?.all() ?? [];
  }

  register(): vscode.Disposable[] {
    return [
      registerCommand(
        COMMANDS.openInitiative,
        guarded((arg?: unknown) => this.instance.openCommand(arg)),
      ),
      registerWebviewPanelSerializer(VIEW_TYPES.initiativePage, {
        deserializeWebviewPanel: (panel, state) => this.instance.revive(panel, state),
      }),
    ];
  }

  dispose(): void {
    this.loaded?.dispose();
  }
}

/** Registers Open Initiative… and the page's serializer; the pages load on first use. */
export function register(app: App): LazyInitiativePages {
  const pages = new LazyInitiativePages(app.context.extensionUri, app.service);
  app.context.subscriptions.push(pages, ...pages.register());
  return pages;
}
