// Search over everything (src/core/search): stems and prefixes, each filter, private records only when
// asked, hostile text found and returned as plain text, and the index following the store's changes
// (a record added, edited, deleted on disk) — all on real temporary stores.
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import { parseQuery, SearchIndex, type SearchResult } from '../../src/core/search';
import type { Store } from '../../src/core/store';
import { HOSTILE_PAYLOADS } from '../fixtures/hostilePayloads';
import { eachTestInTempStore, makeStore } from './helpers';

function marked(result: SearchResult): string[] {
  return result.snippet.ranges.map(([start, end]) => result.snippet.text.slice(start, end));
}

describe('search over everything', () => {
  let root: string;
  let store: Store;
  let index: SearchIndex;
  let dana: string;
  let priya: string;
  let marcus: string;
  let pricingCheckIn: string;

  eachTestInTempStore(new Date(2026, 10, 21, 9, 30), (fixture) => ({ root } = fixture));

  beforeEach(async () => {
    store = makeStore(root);
    await store.load();
    dana = (await store.addPartner({ name: 'Dana Whitfield', department: 'Product', role: 'Head of Billing', tags: ['exec'] })).value.id;
    priya = (await store.addPartner({ name: 'Priya Raman', department: 'Design', organisation: 'Studio North', tags: ['launch'] })).value
      .id;
    marcus = (await store.addPartner({ name: 'Marcus Ortega', department: 'Sales', organisation: 'Acme Corp' })).value.id;
    await store.updatePartner(dana, { leads: ['Checkout redesign'] });
    pricingCheckIn = (
      await store.addCheckIn({
        partnerId: dana,
        kind: 'one-on-one',
        summary: 'She priced the enterprise tier',
        date: new Date(2026, 10, 2, 10),
        notes: 'Renewals look risky',
      })
    ).value.id;
    await store.addCheckIn({ partnerId: priya, kind: 'ad-hoc', summary: 'Onboarding mockups reviewed', date: new Date(2026, 9, 15, 10) });
    await store.addCheckIn({
      partnerId: marcus,
      kind: 'async',
      summary: 'SSO dates for the pricing page',
      date: new Date(2026, 10, 20, 10),
      private: true,
    });
    await store.create('talkingPoint', { partnerId: priya, text: 'Ask about the pricing experiment' });
    await store.create('followUp', { partnerId: dana, text: 'Send the migration plan', owner: 'me' });
    await store.create('ask', { partnerId: marcus, direction: 'they-asked', text: 'Intro to the security team', status: 'open' });
    await store.create('note', { checkInId: pricingCheckIn, notes: 'Worried about her manager' });
    await store.create('connection', { fromId: dana, toId: priya, kind: 'works-with', note: 'Pairing on the invoice flow' });
    index = new SearchIndex(() => [store]);
  });

  const search = (text: string, includePrivate = false) => index.search(text, { includePrivate }).results;
  const kinds = (text: string, includePrivate = false) =>
    search(text, includePrivate)
      .map((result) => result.kind)
      .sort();

  it('finds words by their stem: "pricing" finds "priced", and marks the word as written', () => {
    const [first, ...rest] = search('pricing');
    assert.ok(first);
    assert.deepEqual([first, ...rest].map((result) => result.kind).sort(), ['checkIn', 'talkingPoint']);
    const checkIn = [first, ...rest].find((result) => result.kind === 'checkIn');
    assert.ok(checkIn);
    assert.equal(checkIn.recordId, pricingCheckIn);
    assert.equal(checkIn.partnerId, dana);
    assert.equal(checkIn.partnerName, 'Dana Whitfield');
    assert.equal(checkIn.date, '2026-11-02');
    assert.equal(checkIn.snippet.text, 'She priced the enterprise tier');
    assert.deepEqual(marked(checkIn), ['priced']);
  });

  it('matches the last word as a prefix while it is typed, and not once a space follows', () => {
    assert.deepEqual(kinds('onboard'), ['checkIn']);
    assert.deepEqual(kinds('mock'), ['checkIn']);
    assert.deepEqual(kinds('mock '), []);
    assert.deepEqual(marked(search('onboarding mock')[0]), ['Onboarding', 'mockups']);
    assert.deepEqual(kinds('Dana Whit'), ['partner']);
  });

  it('needs every word, and finds a long word with one typo', () => {
    assert.deepEqual(kinds('enterprise renewals'), ['checkIn']);
    assert.deepEqual(kinds('enterprise mockups'), []);
    assert.deepEqual(kinds('enterprize'), ['checkIn']);
  });

  it('searches partners by role, organisation, department, tags and leads, and notes of check-ins in the snippet', () => {
    assert.deepEqual(kinds('billing'), ['partner']);
    assert.deepEqual(kinds('studio'), ['partner']);
    assert.deepEqual(kinds('checkout'), ['partner']);
    assert.deepEqual(kinds('exec'), ['partner']);
    const [renewals] = search('renewals');
    assert.equal(renewals?.snippet.text, 'Renewals look risky');
    assert.deepEqual(renewals && marked(renewals), ['Renewals']);
  });

  it('searches talking points, follow-ups, asks and connections', () => {
    assert.deepEqual(kinds('experiment'), ['talkingPoint']);
    assert.deepEqual(kinds('migration'), ['followUp']);
    assert.deepEqual(kinds('security'), ['ask']);
    const [connection] = search('invoice');
    assert.equal(connection?.kind, 'connection');
    assert.deepEqual(connection.partnerIds, [dana, priya]);
  });

  it('leaves private check-ins and private notes out unless asked', () => {
    assert.deepEqual(kinds('sso'), []);
    assert.deepEqual(kinds('worried'), []);
    assert.deepEqual(kinds('sso', true), ['checkIn']);
    const [note] = search('worried', true);
    assert.equal(note?.kind, 'note');
    assert.equal(note.private, true);
    assert.equal(note.partnerId, dana, "a note belongs to its check-in's partner");
    assert.equal(note.date, '2026-11-02');
    assert.deepEqual(kinds('kind:note'), []);
    assert.deepEqual(kinds('pricing', true), ['checkIn', 'checkIn', 'talkingPoint']);
  });

  it('filters by partner (name or id), department, organisation and tag', () => {
    assert.deepEqual(kinds('pricing partner:dana'), ['checkIn']);
    assert.deepEqual(kinds('pricing partner:"priya raman"'), ['talkingPoint']);
    assert.deepEqual(kinds(`partner:${priya} kind:checkIn`), ['checkIn']);
    assert.deepEqual(kinds('dept:design'), ['checkIn', 'connection', 'partner', 'talkingPoint']);
    assert.deepEqual(kinds('org:acme'), ['ask', 'partner']);
    assert.deepEqual(kinds('org:acme', true), ['ask', 'checkIn', 'partner']);
    assert.deepEqual(kinds('tag:exec kind:followUp'), ['followUp']);
    assert.deepEqual(kinds('tag:launch tag:exec kind:partner'), ['partner', 'partner'], 'one filter name twice: either');
    assert.deepEqual(kinds('tag:laun'), [], 'a tag is matched whole');
  });

  it('filters by kind, and after (on or after) and before (strictly before) a day', () => {
    assert.deepEqual(kinds('kind:checkin'), ['checkIn', 'checkIn']);
    assert.deepEqual(kinds('kind:ask kind:follow-up'), ['ask', 'followUp']);
    assert.deepEqual(
      search('kind:checkIn after:2026-11-02').map((result) => result.recordId),
      [pricingCheckIn],
    );
    assert.deepEqual(
      search('kind:checkIn before:2026-11-02').map((result) => result.date),
      ['2026-10-15'],
    );
    assert.deepEqual(kinds('kind:checkIn after:2026-10-01 before:2026-12-01', true), ['checkIn', 'checkIn', 'checkIn']);
    assert.deepEqual(
      search('kind:checkIn').map((result) => result.date),
      ['2026-11-02', '2026-10-15'],
      'filters alone: newest first',
    );
  });

  it('reports filters it cannot read and returns nothing for them', () => {
    assert.deepEqual(index.search('pricing kind:meeting'), { results: [], invalid: ['kind:meeting'] });
    assert.deepEqual(index.search('after:2026-02-30').invalid, ['after:2026-02-30']);
    assert.deepEqual(index.search('').results, []);
    assert.deepEqual(parseQuery('pricing kind:').invalid, [], 'a filter being typed is no problem yet');
    assert.deepEqual(parseQuery('unknown:thing').words, ['unknown:thing']);
    assert.deepEqual(parseQuery('pricing kind:che').kind, ['checkIn'], 'a kind being typed matches the kinds it starts');
    assert.deepEqual(parseQuery('pricing kind:che ').invalid, ['kind:che'], 'once a space follows, it is a mistake');
    assert.deepEqual(parseQuery('pricing after:2026-1').invalid, [], 'a date being typed is no filter yet');
    assert.equal(parseQuery('pricing after:2026-1').after, undefined);
    assert.deepEqual(parseQuery('after:soon pricing').invalid, ['after:soon']);
  });

  it('follows the store: an added, an edited and a deleted record', async () => {
    assert.deepEqual(kinds('zeppelin'), []);
    const point = await store.create('talkingPoint', { partnerId: marcus, text: 'The zeppelin launch' });
    index.markChanged();
    assert.deepEqual(kinds('zeppelin'), ['talkingPoint']);
    const sizeBefore = index.size;
    await store.update('talkingPoint', point.value.id, { text: 'The airship launch' });
    index.markChanged();
    assert.deepEqual(kinds('zeppelin'), []);
    assert.deepEqual(kinds('airship'), ['talkingPoint']);
    assert.equal(index.size, sizeBefore);
    await fsp.rm(point.path);
    await store.reloadFile(point.path);
    index.markChanged();
    assert.deepEqual(kinds('airship'), []);
    assert.equal(index.size, sizeBefore - 1);
    await store.updatePartner(dana, { name: 'Dana Okafor' });
    index.markChanged();
    assert.equal(search('pricing partner:okafor')[0]?.partnerName, 'Dana Okafor', 'a renamed partner is found by the new name');
  });

  it('finds hostile text and returns it as plain text, invisible characters shown as markers', async () => {
    for (const payload of HOSTILE_PAYLOADS)
      await store.create('talkingPoint', { partnerId: marcus, text: `hostile ${payload.text}`.slice(0, 2000) });
    index.markChanged();
    const results = search('hostile', false);
    assert.equal(results.length, HOSTILE_PAYLOADS.length);
    const texts = new Set(results.map((result) => result.snippet.text));
    assert.ok(texts.has("hostile <script>alert('script')</script>"), 'markup stays as written');
    assert.ok(texts.has('hostile &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#x3C;b&#x3E;'), 'entities stay literal');
    assert.ok(texts.has('hostile Invoice for ⟨U+202E⟩exe.fdp⟨U+202C⟩ and ⟨U+2067⟩reversed⟨U+2069⟩ ⟨U+200F⟩'));
    for (const result of results) {
      assert.deepEqual(marked(result), ['hostile']);
      assert.doesNotMatch(result.snippet.text, /[\u202A-\u202E\u2066-\u2069\u200B\u200F]/u);
    }
    const [script] = search('alert script onerror');
    assert.ok(script === undefined || script.kind === 'talkingPoint');
    assert.equal(search('onerror').length, 2);
  });
});
