// The initiative page: its command and page serializer, registered with main.js; the page itself (its
// panel, the quick pick, the figures) lives in dist/initiativePage.js and is required on first use, so
// activation never pays for it. Kept to a few closures: main.js must not grow.
import { registerCommand, registerWebviewPanelSerializer } from '../shared/registry';
import { lazyBundle } from '../shared/lazyBundle';
import type { App } from '../shared/app';
import { COMMANDS, VIEW_TYPES } from '../ids';
import { guarded } from '../shared/partnerArgs';
import type { InitiativePages } from './initiativePages';
import type { InitiativePanel } from './initiativePanel';

/** dist/initiativePage.js: the first initiative page opened or revived, or Log Check-in's initiative step. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const loadInitiativePage = lazyBundle<typeof import('./index')>(() => require('./initiativePage.js'));

export interface LazyInitiativePages {
  /** The open pages, loading their bundle the first time. */
  instance(): InitiativePages;
  /** Looking does not load the bundle: before it loaded, no page is open. */
  get(initiativeId: string): InitiativePanel | undefined;
  all(): InitiativePanel[];
}

/** Registers Open Initiative… (an initiative id, an Initiatives view item, or nothing: a pick) and the serializer. */
export function register(app: App): LazyInitiativePages {
  let loaded: InitiativePages | undefined;
  const instance = () => (loaded ??= new (loadInitiativePage().InitiativePages)(app.context.extensionUri, app.service));
  app.context.subscriptions.push(
    { dispose: () => loaded?.dispose() },
    registerCommand(
      COMMANDS.openInitiative,
      guarded((arg?: unknown) => instance().openCommand(arg)),
    ),
    registerWebviewPanelSerializer(VIEW_TYPES.initiativePage, {
      deserializeWebviewPanel: (panel, state) => instance().revive(panel, state),
    }),
  );
  return { instance, get: (id) => loaded?.get(id), all: () => loaded?.all() ?? [] };
}
