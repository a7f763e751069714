// The search quick pick (dist/search.js): results as you type, Enter opens the partner page at the
// result's record. register.ts (main.js) runs it once the bundle is loaded.
import * as vscode from 'vscode';
import { recordKindLabel } from '../../core/vocabulary';
import type { SearchResult } from '../../core/search';
import { COMMANDS } from '../ids';
import { visible } from '../shared/displayText';
import type { StoreService } from '../store/storeService';
import type { WindowSearch } from './index';

export interface SearchItem extends vscode.QuickPickItem {
  result?: SearchResult;
  /** The matching words of the label: [start, end) offsets. */
  highlights: [number, number][];
}

const LIMIT = 50;

/** The quick pick's item of a result: the snippet, then partner · kind · date. */
export function searchItem(result: SearchResult): SearchItem {
  const partner = result.partnerName === '' ? vscode.l10n.t('(no partner)') : visible(result.partnerName);
  const kind = recordKindLabel(result.kind);
  return {
    label: result.snippet.text,
    description: [partner, result.private ? vscode.l10n.t('{0} (private)', kind) : kind, result.date].filter(Boolean).join(' · '),
    highlights: result.snippet.ranges,
    // Filtering is ours (filters, stems): VS Code must show every result as it is.
    alwaysShow: true,
    result,
  };
}

function itemsFor(engine: WindowSearch, text: string): SearchItem[] {
  if (text.trim() === '') return [];
  const answer = engine.search(text, LIMIT);
  if (answer.invalid.length > 0)
    return [
      {
        label: vscode.l10n.t('Not a filter Alliances knows: {0}', visible(answer.invalid.join(' '))),
        detail: vscode.l10n.t('Filters: partner:, dept:, org:, tag:, kind:, after:yyyy-mm-dd, before:yyyy-mm-dd'),
        highlights: [],
        alwaysShow: true,
      },
    ];
  if (answer.results.length === 0)
    return [{ label: vscode.l10n.t('No results for {0}', visible(text.trim())), highlights: [], alwaysShow: true }];
  return answer.results.map(searchItem);
}

export async function showSearch(service: StoreService, engine: WindowSearch): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick<SearchItem>();
  pick.title = vscode.l10n.t('Search Alliances');
  pick.placeholder = vscode.l10n.t('Words, and filters: partner: dept: org: tag: kind: after:yyyy-mm-dd before:yyyy-mm-dd');
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  // The first search builds the index in slices (busy meanwhile), then shows what was typed by then.
  let ready = false;
  pick.busy = true;
  const prepared = engine.prepare().then(
    () => {
      ready = true;
      pick.busy = false;
      pick.items = itemsFor(engine, pick.value);
    },
    () => {
      ready = true;
      pick.busy = false;
    },
  );
  const chosen = await new Promise<SearchResult | undefined>((resolve) => {
    pick.onDidChangeValue((value) => {
      if (ready) pick.items = itemsFor(engine, value);
    });
    pick.onDidAccept(() => {
      const result = pick.selectedItems[0]?.result;
      if (result) resolve(result);
    });
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  await prepared;
  pick.dispose();
  if (!chosen?.partnerId) return undefined;
  await openResult(service, chosen);
  return chosen.recordId;
}

/**
 * The partner page at the result's record: scrolled to it and marked. A private note shows inside its
 * check-in, a partner record is the page itself (its top); kinds the page does not list open it at the top.
 */
export async function openResult(service: StoreService, result: SearchResult): Promise<void> {
  let record: string | undefined = result.recordId;
  if (result.kind === 'partner') record = undefined;
  else if (result.kind === 'note')
    record = service
      .folders()
      .find((entry) => entry.store.root === result.root)
      ?.store.get('note', result.recordId)?.value.checkInId;
  await vscode.commands.executeCommand(COMMANDS.openPartnerPage, result.partnerId, record ? { record } : undefined);
}
