// The search engine under SearchIndex (src/core/search/invertedIndex.ts) with known answers: one edit,
// prefixes of stems and stems of a word being typed, AND across words, removed documents skipped, BM25
// ranking; and SearchIndex over a real store: a long word typed part-way, the newest first for filters
// alone, the best `limit` of many, and a rebuild after many records were replaced that finds the same.
import { strict as assert } from 'node:assert';
import { SearchIndex } from '../../src/core/search';
import { InvertedIndex, withinOneEdit } from '../../src/core/search/invertedIndex';
import type { Store } from '../../src/core/store';
import { eachTestInTempStore, makeStore } from './helpers';

describe('search engine: the inverted index', () => {
  it('tells one edit from two', () => {
    assert.equal(withinOneEdit('enterpris', 'enterpriz'), true);
    assert.equal(withinOneEdit('price', 'prices'), true);
    assert.equal(withinOneEdit('prices', 'price'), true);
    assert.equal(withinOneEdit('price', 'prcie'), false);
    assert.equal(withinOneEdit('price', 'pricing'), false);
  });

  it('matches exactly, by prefix, one edit away and by the stem a typed word starts with; every group needed', () => {
    const index = new InvertedIndex();
    const a = index.add([['price', 'enterpris'], []], [2, 1]);
    const b = index.add([['escal', 'ticket'], ['price']], [2, 1]);
    const c = index.add([['onboard'], []], [2, 1]);
    const docs = (groups: Parameters<InvertedIndex['search']>[0]) =>
      index
        .search(groups, () => true)
        .map((hit) => hit.doc)
        .sort();
    assert.deepEqual(docs([[{ term: 'price', mode: 'exact' }]]), [a, b]);
    assert.deepEqual(docs([[{ term: 'pri', mode: 'prefix' }]]), [a, b]);
    assert.deepEqual(docs([[{ term: 'enterpriz', mode: 'fuzzy' }]]), [a]);
    assert.deepEqual(docs([[{ term: 'escalat', mode: 'stemOf' }]]), [b]);
    assert.deepEqual(docs([[{ term: 'esc', mode: 'stemOf' }]]), [], 'a stem is matched only when the typed word starts with it');
    assert.deepEqual(docs([[{ term: 'price', mode: 'exact' }], [{ term: 'ticket', mode: 'exact' }]]), [b]);
    assert.deepEqual(docs([[{ term: 'onboard', mode: 'exact' }], [{ term: 'price', mode: 'exact' }]]), []);
    index.remove(b);
    assert.deepEqual(docs([[{ term: 'price', mode: 'exact' }]]), [a]);
    assert.equal(index.documents, 2);
    assert.equal(index.removed, 1);
    assert.deepEqual(docs([[{ term: 'onboard', mode: 'exact' }]]), [c]);
    assert.deepEqual([...index.matchedTerms(a, [[{ term: 'pri', mode: 'prefix' }]])], ['price']);
  });

  it('ranks the first field over the others, and more occurrences over fewer', () => {
    const index = new InvertedIndex();
    const inOther = index.add([['alpha'], ['price']], [2, 1]);
    const inFirst = index.add([['price'], ['alpha']], [2, 1]);
    const twice = index.add([['price', 'price'], []], [2, 1]);
    const ranked = index
      .search([[{ term: 'price', mode: 'exact' }]], () => true)
      .sort((x, y) => y.score - x.score)
      .map((hit) => hit.doc);
    assert.deepEqual(ranked, [twice, inFirst, inOther]);
  });
});

describe('search engine: SearchIndex over a store', () => {
  let root: string;
  let store: Store;
  eachTestInTempStore(new Date(2026, 10, 21, 9, 30), (fixture) => ({ root } = fixture));

  beforeEach(async () => {
    store = makeStore(root);
    await store.load();
  });

  it('finds a word typed past its stem ("escalat"), and a filter alone lists the newest first, at most `limit`', async () => {
    const dana = (await store.addPartner({ name: 'Dana Whitfield', department: 'Product' })).value.id;
    for (let day = 1; day <= 30; day++)
      await store.addCheckIn({ partnerId: dana, kind: 'async', summary: `Escalated ticket ${day}`, date: new Date(2026, 9, day, 10) });
    const index = new SearchIndex(() => [store]);
    assert.equal(index.search('escalat kind:checkIn').results.length, 30);
    const newest = index.search('kind:checkIn', { limit: 5 }).results.map((result) => result.date);
    assert.deepEqual(newest, ['2026-10-30', '2026-10-29', '2026-10-28', '2026-10-27', '2026-10-26']);
    // Many results, few shown: the best by score, ties the newest first (the partial selection equals a full sort).
    const limited = index.search('escalated', { limit: 3 }).results.map((result) => result.date);
    assert.deepEqual(limited, ['2026-10-30', '2026-10-29', '2026-10-28']);
  });

  it('builds the first index in slices, yielding between them, and answers the same as one sync', async () => {
    const dana = (await store.addPartner({ name: 'Dana Whitfield', department: 'Product' })).value.id;
    for (let i = 0; i < 25; i++) await store.create('talkingPoint', { partnerId: dana, text: `Sliced item ${i}` });
    const sliced = new SearchIndex(() => [store]);
    let pauses = 0;
    await sliced.syncInSlices(() => {
      pauses++;
      return Promise.resolve();
    }, 10);
    assert.equal(pauses, 2, '26 records in slices of 10');
    assert.equal(sliced.size, 26);
    const whole = new SearchIndex(() => [store]);
    const ids = (index: SearchIndex) => index.search('sliced item').results.map((result) => result.recordId);
    assert.deepEqual(ids(sliced), ids(whole));
    assert.equal(ids(sliced).length, 25);
  });

  it('rebuilds itself after many records were replaced, and finds the same records afterwards', async () => {
    const dana = (await store.addPartner({ name: 'Dana Whitfield', department: 'Product' })).value.id;
    const points: string[] = [];
    for (let i = 0; i < 20; i++)
      points.push((await store.create('talkingPoint', { partnerId: dana, text: `Round zero item ${i}` })).value.id);
    const index = new SearchIndex(() => [store]);
    assert.equal(index.search('zero').results.length, 20);
    // 1,100 replacements: the dead documents outnumber the live ones, and the engine is rebuilt on sync.
    for (let round = 1; round <= 55; round++) {
      for (const id of points) await store.update('talkingPoint', id, { text: `Round ${round} item` });
      index.markChanged();
      index.sync();
    }
    await store.update('talkingPoint', points[0] ?? '', { text: 'The last word is zeppelin' });
    index.markChanged();
    assert.equal(index.size, 21);
    assert.equal(index.search('zeppelin').results.length, 1);
    assert.equal(index.search('zero').results.length, 0);
    assert.equal(index.search('item').results.length, 19);
  });
});
