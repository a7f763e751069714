// Attribution on the partner page: who added each check-in, talking point and follow-up (from the
// records' git identity), and the filter by author.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as v from 'valibot';
import type { Author } from '../../src/core/model';
import { viewPartners } from '../../src/core/partnerView';
import { buildPageData } from '../../src/extension/partnerPage/pageData';
import { authorsOf, filterByAuthor } from '../../src/webview/partnerPage/authorFilter';
import { PageDataSchema } from '../../src/webview/protocol';
import { ADA, BOB, makeStore, makeTempDir, removeTempDir } from './helpers';

const NOW = new Date(2026, 10, 21, 9, 30);

describe('partner page: authors', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  it("carries each record's author, lists authors most active first, and filters to one of them", async () => {
    let who: Author = ADA;
    const store = makeStore(path.join(dir, '.alliances'), { author: () => Promise.resolve(who) });
    await store.load();
    const dana = (await store.addPartner({ name: 'Dana', department: 'Product' })).value.id;
    await store.addCheckIn({ partnerId: dana, kind: 'one-on-one', summary: 'Ada 1', date: new Date(2026, 10, 1) });
    await store.create('talkingPoint', { partnerId: dana, text: 'Ada point' });
    who = BOB;
    await store.addCheckIn({ partnerId: dana, kind: 'async', summary: 'Bob 1', date: new Date(2026, 10, 2) });
    await store.addCheckIn({ partnerId: dana, kind: 'async', summary: 'Bob 2', date: new Date(2026, 10, 3) });
    await store.create('followUp', { partnerId: dana, text: 'Bob follow-up', owner: 'me' });

    const view = viewPartners(store, 14, NOW).find((item) => item.record.value.id === dana)!;
    const data = buildPageData(store, view, { defaultCadenceDays: 14, now: NOW });
    assert.ok(v.safeParse(PageDataSchema, data).success, 'valid for the page');
    assert.deepEqual(
      data.talkingPoints.map((p) => p.author),
      ['Ada Lovelace'],
    );
    assert.deepEqual(
      data.followUps.map((f) => f.author),
      ['Bob Builder'],
    );
    assert.deepEqual(authorsOf(data), ['Bob Builder', 'Ada Lovelace']);

    const bob = filterByAuthor(data, 'Bob Builder');
    assert.deepEqual(
      bob.checkIns.map((c) => c.summary),
      ['Bob 2', 'Bob 1'],
    );
    assert.deepEqual(bob.talkingPoints, []);
    assert.deepEqual(
      bob.followUps.map((f) => f.text),
      ['Bob follow-up'],
    );
    const ada = filterByAuthor(data, 'Ada Lovelace');
    assert.deepEqual(
      ada.checkIns.map((c) => c.summary),
      ['Ada 1'],
    );
    assert.deepEqual(ada.followUps, []);
    // The header and chart are not filtered; everything is back without a filter.
    assert.equal(ada.chart, data.chart);
    assert.equal(filterByAuthor(data, undefined), data);
  });
});
