// `alliances search <words and filters>`: the extension's search (src/core/search) on the command line,
// as lines of text or as JSON. Private records only with --private.
import { SearchIndex, type SearchResult } from '../core/search';
import type { Store } from '../core/store';
import { visible } from '../core/visibleText';
import { recordKindLabel } from '../core/vocabulary';

export interface SearchOutput {
  /** 0 something matched, 1 nothing did, 2 a filter could not be read. */
  code: 0 | 1 | 2;
  out: string;
  err: string;
}

/** The snippet with its matching words in [brackets]. */
export function markedSnippet(result: SearchResult): string {
  let text = '';
  let at = 0;
  for (const [start, end] of result.snippet.ranges) {
    text += `${result.snippet.text.slice(at, start)}[${result.snippet.text.slice(start, end)}]`;
    at = end;
  }
  return text + result.snippet.text.slice(at);
}

export function runSearch(store: Store, query: string, options: { json: boolean; includePrivate: boolean }): SearchOutput {
  const answer = new SearchIndex(() => [store]).search(query, { includePrivate: options.includePrivate, limit: 200 });
  if (answer.invalid.length > 0)
    return {
      code: 2,
      out: '',
      err: `alliances: not a filter search knows: ${answer.invalid.join(' ')} (partner: dept: org: tag: kind: after:yyyy-mm-dd before:yyyy-mm-dd).\n`,
    };
  const code = answer.results.length > 0 ? 0 : 1;
  if (options.json) {
    const results = answer.results.map(({ kind, recordId, partnerId, partnerName, partnerIds, date, snippet, private: isPrivate }) => ({
      kind,
      recordId,
      partnerId,
      partnerName,
      partnerIds,
      date,
      snippet,
      private: isPrivate,
    }));
    return { code, out: `${JSON.stringify({ query, results }, null, 2)}\n`, err: '' };
  }
  const count = answer.results.length;
  const lines = answer.results.map((result) => {
    const kind = recordKindLabel(result.kind) + (result.private ? ' (private)' : '');
    const partner = result.partnerName === '' ? '(no partner)' : visible(result.partnerName);
    return `  - ${[partner, kind, result.date].filter(Boolean).join(' · ')}: ${markedSnippet(result)}\n`;
  });
  return { code, out: `${count === 1 ? '1 result' : `${count} results`} for ${visible(query)}\n${lines.join('')}`, err: '' };
}
