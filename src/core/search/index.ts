// Search over every record: the query syntax, the index, the snippets. Pure TypeScript (no vscode):
// the extension's search bundle and the CLI share it.
export { SEARCHED_KINDS, type SearchSource } from './documents';
export { FILTER_NAMES, parseQuery, type FilterName, type ParsedQuery } from './query';
export { SearchIndex, type SearchAnswer, type SearchOptions, type SearchResult } from './searchIndex';
export type { Snippet } from './snippet';
