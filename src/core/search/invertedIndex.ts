// The search engine under SearchIndex: an inverted index of stems to the documents that hold them, in
// typed arrays (no object per posting, no map per term and document), ranked by BM25. Documents are
// small numbers handed out in increasing order, so every posting list stays sorted without sorting;
// a removed document is left dead in its lists (skipped, then compacted by a rebuild). Why not
// MiniSearch any more, with the measurements: docs/decisions/search-engine.md.

/**
 * One way a query word may match: exactly, as the prefix of indexed terms, one edit away, or (a word
 * still being typed, longer than its stem: "escalat") by an indexed stem it starts with ("escal").
 */
export interface Alternative {
  term: string;
  mode: 'exact' | 'prefix' | 'fuzzy' | 'stemOf';
}

/** The shortest stem a typed word is matched by when it starts with it, and how many letters it may lack. */
const MIN_STEM = 4;
const MAX_STEM_SHORTFALL = 3;

export interface Hit {
  doc: number;
  score: number;
}

interface Expanded {
  term: string;
  postings: Postings;
  factor: number;
}

class Postings {
  docs = new Int32Array(4);
  /** The term's weighted count in each document (the first field counts double). */
  weights = new Uint16Array(4);
  length = 0;

  push(doc: number, weight: number): void {
    const last = this.length - 1;
    if (last >= 0 && this.docs[last] === doc) {
      this.weights[last] = Math.min(65_535, (this.weights[last] ?? 0) + weight);
      return;
    }
    if (this.length === this.docs.length) {
      const docs = new Int32Array(this.length * 2);
      docs.set(this.docs);
      this.docs = docs;
      const weights = new Uint16Array(this.length * 2);
      weights.set(this.weights);
      this.weights = weights;
    }
    this.docs[this.length] = doc;
    this.weights[this.length] = weight;
    this.length++;
  }

  /** Whether a document holds the term (binary search: the list is sorted). */
  has(doc: number): boolean {
    let low = 0;
    let high = this.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = this.docs[middle] ?? 0;
      if (value === doc) return true;
      if (value < doc) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }
}

/** True when a and b differ by at most one insertion, deletion or substitution. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return false;
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
  if (short.length === long.length) return short.slice(i + 1) === long.slice(i + 1);
  return short.slice(i) === long.slice(i + 1);
}

const K1 = 1.2;
const B = 0.7;
/** How much less a term found by prefix or by one edit counts than the word itself. */
const LOOSE_MATCH = 0.6;
/** Terms added since the sorted list was made: searched one by one until there are this many. */
const MAX_UNSORTED = 2_000;

export class InvertedIndex {
  private readonly terms = new Map<string, Postings>();
  private lengths = new Uint32Array(1024);
  private totalLength = 0;
  private alive = new Uint8Array(1024);
  private liveCount = 0;
  private deadCount = 0;
  private nextDoc = 0;
  private sorted: string[] = [];
  /** The last query's expansion (search, then matchedTerms for each result shown); dropped on any change. */
  private prepared: { key: string; expanded: Expanded[][] } | undefined;
  private unsorted: string[] = [];

  get documents(): number {
    return this.liveCount;
  }

  /** Documents removed since the last build: worth a rebuild when they outnumber the live ones. */
  get removed(): number {
    return this.deadCount;
  }

  /** Adds a document's terms, field by field (weights[i] for fields[i]); its number. */
  add(fields: readonly (readonly string[])[], weights: readonly number[]): number {
    const doc = this.nextDoc++;
    if (doc >= this.alive.length) {
      const alive = new Uint8Array(this.alive.length * 2);
      alive.set(this.alive);
      this.alive = alive;
      const lengths = new Uint32Array(this.lengths.length * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    this.prepared = undefined;
    let length = 0;
    fields.forEach((terms, field) => {
      const weight = weights[field] ?? 1;
      for (const term of terms) {
        let postings = this.terms.get(term);
        if (!postings) {
          postings = new Postings();
          this.terms.set(term, postings);
          this.unsorted.push(term);
        }
        postings.push(doc, weight);
        length++;
      }
    });
    this.alive[doc] = 1;
    this.lengths[doc] = length;
    this.totalLength += length;
    this.liveCount++;
    return doc;
  }

  remove(doc: number): void {
    if (this.alive[doc] !== 1) return;
    this.prepared = undefined;
    this.alive[doc] = 0;
    this.totalLength -= this.lengths[doc] ?? 0;
    this.liveCount--;
    this.deadCount++;
  }

  /** The indexed terms an alternative stands for, each with how much it counts. */
  private expand(alternative: Alternative): [string, number][] {
    const { term, mode } = alternative;
    const result: [string, number][] = this.terms.has(term) ? [[term, 1]] : [];
    if (mode === 'exact') return result;
    if (mode === 'stemOf') {
      for (let end = Math.max(MIN_STEM, term.length - MAX_STEM_SHORTFALL); end < term.length; end++) {
        const stem = term.slice(0, end);
        if (this.terms.has(stem)) result.push([stem, LOOSE_MATCH]);
      }
      return result;
    }
    if (mode === 'fuzzy') {
      for (const known of this.terms.keys())
        if (known !== term && Math.abs(known.length - term.length) <= 1 && withinOneEdit(known, term)) result.push([known, LOOSE_MATCH]);
      return result;
    }
    this.sortTerms();
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.sorted[middle] ?? '') < term) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < this.sorted.length && (this.sorted[i] ?? '').startsWith(term); i++) {
      const known = this.sorted[i] ?? '';
      if (known !== term) result.push([known, LOOSE_MATCH]);
    }
    for (const known of this.unsorted) if (known !== term && known.startsWith(term)) result.push([known, LOOSE_MATCH]);
    return result;
  }

  private sortTerms(): void {
    if (this.unsorted.length < MAX_UNSORTED && this.sorted.length > 0) return;
    if (this.unsorted.length === 0) return;
    this.sorted = [...this.sorted, ...this.unsorted].sort();
    this.unsorted = [];
  }

  /**
   * The live documents that match every group (a group: a query word's alternatives, any of which may
   * match) and that `accept` keeps, with their BM25 scores; unsorted.
   */
  search(groups: readonly (readonly Alternative[])[], accept: (doc: number) => boolean): Hit[] {
    const expanded = [...this.prepare(groups)];
    if (expanded.length === 0 || expanded.some((group) => group.length === 0)) return [];
    // The rarest word first: it bounds the candidates the others are checked against.
    const size = (group: (typeof expanded)[number]) => group.reduce((sum, { postings }) => sum + postings.length, 0);
    expanded.sort((a, b) => size(a) - size(b));
    const total = this.liveCount + this.deadCount;
    const average = this.liveCount > 0 ? this.totalLength / this.liveCount : 1;
    let scores: Map<number, number> | undefined;
    for (const group of expanded) {
      const next = new Map<number, number>();
      for (const { postings, factor } of group) {
        const idf = Math.log(1 + (total - postings.length + 0.5) / (postings.length + 0.5));
        for (let i = 0; i < postings.length; i++) {
          const doc = postings.docs[i] ?? 0;
          if (scores ? !scores.has(doc) : this.alive[doc] !== 1 || !accept(doc)) continue;
          const weight = postings.weights[i] ?? 0;
          const norm = weight + K1 * (1 - B + (B * (this.lengths[doc] ?? 0)) / average);
          const score = (factor * idf * weight * (K1 + 1)) / norm;
          next.set(doc, Math.max(next.get(doc) ?? 0, score));
        }
      }
      if (scores) {
        const previous = scores;
        for (const [doc, score] of next) next.set(doc, score + (previous.get(doc) ?? 0));
      }
      scores = next;
      if (scores.size === 0) return [];
    }
    return [...(scores ?? new Map<number, number>())].map(([doc, score]) => ({ doc, score }));
  }

  /** The indexed terms each group stands for, with their posting lists (kept for the query's results). */
  private prepare(groups: readonly (readonly Alternative[])[]): Expanded[][] {
    const key = JSON.stringify(groups);
    if (this.prepared?.key === key) return this.prepared.expanded;
    const expanded = groups.map((group) => {
      const seen = new Map<string, number>();
      for (const alternative of group)
        for (const [term, factor] of this.expand(alternative)) seen.set(term, Math.max(seen.get(term) ?? 0, factor));
      return [...seen].map(([term, factor]) => ({ term, postings: this.terms.get(term) ?? new Postings(), factor }));
    });
    this.prepared = { key, expanded };
    return expanded;
  }

  /** Which of the groups' terms a document holds (for marking the snippet): only asked for the results shown. */
  matchedTerms(doc: number, groups: readonly (readonly Alternative[])[]): Set<string> {
    const found = new Set<string>();
    for (const group of this.prepare(groups)) for (const { term, postings } of group) if (postings.has(doc)) found.add(term);
    return found;
  }
}
