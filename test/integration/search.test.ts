// Alliances: Search… in a real VS Code: the command is registered, its engine is the lazy dist/search.js,
// and a query through the command (a string argument returns the results without the quick pick) finds
// the right records — stems, filters, private ones on this machine, and a record written after the
// index was built. Self-contained: its partners have names no other suite uses.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { Loaded } from '../../src/core/store';
import type { CheckIn, Partner } from '../../src/core/model';
import type { SearchResult } from '../../src/core/search';
import { searchItem } from '../../src/extension/search/quickPick';
import type { AlliancesInternals } from '../../src/extension/testInternals';
import { api, bundleLoaded, waitFor } from './helpers';

describe('Search: Alliances: Search… in a real VS Code', function () {
  this.timeout(30_000);
  let alliances: AlliancesInternals;
  let zanele: Loaded<Partner>;
  let checkIn: Loaded<CheckIn>;
  const search = (query: string) => vscode.commands.executeCommand<SearchResult[]>('alliances.search', query);

  before(async () => {
    alliances = await api();
    await vscode.commands.executeCommand('alliances.initializeStore');
    zanele = (await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', {
      name: 'Zanele Quixote',
      department: 'Finance',
      role: 'Procurement Lead',
    }))!;
    const store = alliances.service.findPartner(zanele.value.id)?.entry.store;
    assert.ok(store);
    checkIn = await store.addCheckIn({
      partnerId: zanele.value.id,
      kind: 'one-on-one',
      summary: 'She priced the xylograph licences',
      date: new Date(2026, 10, 3, 10),
    });
    await store.addCheckIn({
      partnerId: zanele.value.id,
      kind: 'async',
      summary: 'Xylograph budget is private for now',
      private: true,
      date: new Date(2026, 10, 4, 10),
    });
  });

  it('is registered, in the palette with its title', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('alliances.search'));
  });

  it('returns the records that match, by stem, with partner, kind, date and the matching words', async () => {
    const results = await search('pricing xylograph');
    assert.equal(results.length, 1);
    const [result] = results;
    assert.ok(result);
    assert.equal(result.kind, 'checkIn');
    assert.equal(result.recordId, checkIn.value.id);
    assert.equal(result.partnerId, zanele.value.id);
    assert.equal(result.partnerName, 'Zanele Quixote');
    assert.equal(result.date, '2026-11-03');
    assert.equal(result.snippet.text, 'She priced the xylograph licences');
    assert.deepEqual(result.snippet.ranges, [
      [4, 10],
      [15, 24],
    ]);
    assert.ok(bundleLoaded('search.js'), 'the engine is the lazily loaded dist/search.js');
    const item = searchItem(result);
    assert.equal(item.label, 'She priced the xylograph licences');
    // The kind's label follows the display language (this suite also runs in the pseudo-locale).
    assert.match(item.description ?? '', /^Zanele Quixote · .+ · 2026-11-03$/);
    assert.deepEqual(item.highlights, result.snippet.ranges);
  });

  it('applies filters, and includes private records on this machine', async () => {
    assert.deepEqual((await search('xylo kind:checkIn')).map((result) => result.private).sort(), [false, true]);
    assert.deepEqual(
      (await search('xylograph before:2026-11-04')).map((result) => result.recordId),
      [checkIn.value.id],
    );
    assert.deepEqual(
      (await search('procurement dept:finance')).map((result) => result.kind),
      ['partner'],
    );
    assert.deepEqual(await search('xylograph dept:sales'), []);
  });

  it('finds a record written after the index was built', async () => {
    await search('xylograph');
    const store = alliances.service.findPartner(zanele.value.id)?.entry.store;
    assert.ok(store);
    await store.create('talkingPoint', { partnerId: zanele.value.id, text: 'Xylograph quibble follow-through' });
    const found = await waitFor('the new talking point in the results', async () =>
      (await search('quibble')).find((result) => result.kind === 'talkingPoint'),
    );
    assert.equal(found.partnerId, zanele.value.id);
  });
});
