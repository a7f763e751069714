// Alliances: Search… — a quick pick with results as you type over every record of every store; Enter
// opens the partner page at the result's record. The pick, the engine and the index are dist/search.js
// (index.ts, quickPick.ts), loaded on the first search. With a string argument the command returns the
// results instead of showing the pick (for scripts and the tests): `executeCommand(COMMANDS.search, 'pricing kind:checkIn')`.
import { COMMANDS } from '../ids';
import { storeCommand, type App } from '../shared/app';
import { lazyBundle } from '../shared/lazyBundle';
import type { SearchResult, WindowSearch } from './index';

/** dist/search.js: the first search. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadSearch = lazyBundle<typeof import('./index')>(() => require('./search.js'));

const LIMIT = 50;

export function register(app: App): { search: () => WindowSearch } {
  const { service } = app;
  let windowSearch: WindowSearch | undefined;
  const search = (): WindowSearch => {
    if (!windowSearch) {
      windowSearch = loadSearch().createSearch(service);
      app.context.subscriptions.push(windowSearch);
    }
    return windowSearch;
  };
  app.commands({
    [COMMANDS.search]: storeCommand(service, async (query?: unknown): Promise<SearchResult[] | string | undefined> => {
      if (typeof query === 'string') return search().search(query, LIMIT).results;
      return loadSearch().showSearch(service, search());
    }),
  });
  return { search };
}
