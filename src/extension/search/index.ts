// dist/search.js: the stemmer and the inverted index over every store of the window, required the
// first time Alliances: Search… runs (register.ts). The index is built on the first query and follows
// the stores: each change marks it stale, and the next query re-indexes only the changed records.
import type * as vscode from 'vscode';
import { SearchIndex, type SearchAnswer } from '../../core/search';
import type { StoreService } from '../store/storeService';

export type { SearchAnswer, SearchResult } from '../../core/search';
export { openResult, searchItem, showSearch, type SearchItem } from './quickPick';

export interface WindowSearch extends vscode.Disposable {
  /** Private records are included: they are this machine's, and so is this window. */
  search(text: string, limit?: number): SearchAnswer;
  /** Builds (or brings up to date) the index in slices, yielding to the host between them. */
  prepare(): Promise<void>;
}

export function createSearch(service: StoreService): WindowSearch {
  const index = new SearchIndex(() => service.folders().map((entry) => entry.store));
  const subscription = service.onDidChange(() => index.markChanged());
  return {
    search: (text, limit): SearchAnswer => index.search(text, { includePrivate: true, limit }),
    prepare: () => index.syncInSlices(() => new Promise((resolve) => setImmediate(resolve))),
    dispose: () => {
      subscription.dispose();
    },
  };
}
