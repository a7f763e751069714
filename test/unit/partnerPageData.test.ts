// What the partner page shows, shaped from a hand-built store: header and cadence source, timeline
// order with private notes, chart points, talking points, follow-ups and the asks/offers balance. The
// result must pass the page's own validation (the protocol schema).
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as v from 'valibot';
import { viewPartners } from '../../src/core/partnerView';
import type { Store } from '../../src/core/store';
import { sourceLabel } from '../../src/core/agenda';
import { buildPageData, chartPoints } from '../../src/extension/partnerPage/pageData';
import { PageDataSchema, type PageData } from '../../src/webview/protocol';
import { ADA, BOB, Clock, makeStore, makeTempDir, pretty, removeTempDir, writeFile } from './helpers';

const NOW = new Date(2026, 10, 21, 15, 0); // Sat Nov 21 2026
const at = (month: number, day: number) => new Date(2026, month - 1, day, 10, 0);

describe('partner page: page data', () => {
  let dir: string;
  let root: string;
  let store: Store;
  let clock: Clock;
  let author = ADA;
  let dana: string;
  let marcus: string;

  const data = (id = dana, defaultCadenceDays = 14): PageData => {
    const view = viewPartners(store, defaultCadenceDays, NOW).find((item) => item.record.value.id === id)!;
    return buildPageData(store, view, { defaultCadenceDays, now: NOW });
  };

  before(async () => {
    dir = await makeTempDir();
    root = path.join(dir, '.alliances');
    clock = new Clock(at(9, 1));
    store = makeStore(root, { now: clock.now, author: () => Promise.resolve(author) });
    await store.initialize();
    dana = (await store.addPartner({ name: 'Dana Whitfield', role: 'Director of Product', department: 'Product', cadenceDays: 14 })).value
      .id;
    await store.updatePartner(dana, { leads: ['Roadmap', 'Pricing'] });
    marcus = (await store.addPartner({ name: 'Marcus Ortega', department: 'Sales' })).value.id;

    // Check-ins written out of date order; one without a rating; one private with a private note.
    const checkIn = async (
      month: number,
      day: number,
      rating: number | undefined,
      summary: string,
      extra: { private?: boolean; notes?: string; who?: typeof ADA } = {},
    ) => {
      author = extra.who ?? ADA;
      clock.set(at(month, day));
      return store.addCheckIn({
        partnerId: dana,
        kind: rating === 5 ? 'help-me' : 'one-on-one',
        rating,
        summary,
        date: at(month, day),
        notes: extra.notes,
        private: extra.private,
      });
    };
    await checkIn(10, 20, 3, 'October');
    await checkIn(9, 10, 4, 'September', { who: BOB });
    const secret = await checkIn(11, 1, 5, 'November', { private: true, notes: '# Heading\n<script>alert(1)</script>' });
    await checkIn(10, 5, undefined, 'Unrated');
    await store.create('note', { checkInId: secret.value.id, notes: 'Between us' });
    clock.set(at(11, 2)); // logged on its day: a check-in dated more than a day ahead of the clock is refused
    await store.addCheckIn({ partnerId: marcus, kind: 'async', rating: 1, summary: 'Marcus only', date: at(11, 2) });

    author = ADA;
    clock.set(at(11, 3));
    await store.create('talkingPoint', { partnerId: dana, text: 'Second point', source: { path: 'src/a.ts', startLine: 4, endLine: 9 } });
    clock.set(at(11, 2));
    await store.create('talkingPoint', { partnerId: dana, text: 'First point', source: { path: 'src/b.ts', startLine: 7, endLine: 7 } });
    await store.create('talkingPoint', { partnerId: dana, text: 'Covered point', coveredAt: at(11, 4).toISOString() });
    await store.create('talkingPoint', { partnerId: marcus, text: 'Marcus point' });

    clock.set(at(11, 5));
    await store.create('followUp', { partnerId: dana, text: 'Undated', owner: 'them' });
    await store.create('followUp', { partnerId: dana, text: 'Later', owner: 'teammate', teammate: 'Sam Lee', due: '2026-12-24' });
    await store.create('followUp', { partnerId: dana, text: 'Overdue', owner: 'me', due: '2026-11-18' });
    await store.create('followUp', { partnerId: dana, text: 'Done long ago', owner: 'me', done: true, doneAt: at(11, 6).toISOString() });
    await store.create('followUp', {
      partnerId: dana,
      text: 'Done recently',
      owner: 'me',
      done: true,
      doneAt: at(11, 19).toISOString(),
      due: '2026-11-10',
    });

    await store.create('ask', { partnerId: dana, direction: 'i-asked', text: 'A1', status: 'open' });
    await store.create('ask', { partnerId: dana, direction: 'i-asked', text: 'A2', status: 'helped' });
    await store.create('ask', {
      partnerId: dana,
      direction: 'i-asked',
      text: 'A3',
      status: 'helped',
      deliveredIn: { commit: 'abcdef0123456789abcdef0123456789abcdef01', subject: 'Ship A3' },
    });
    await store.create('ask', { partnerId: dana, direction: 'they-asked', text: 'T1', status: 'declined' });
    await store.create('ask', { partnerId: dana, direction: 'they-asked', text: 'T2', status: 'open' }, { private: true });
    await store.create('ask', { partnerId: marcus, direction: 'they-asked', text: 'M1', status: 'open' });
  });
  after(() => removeTempDir(dir));

  it("passes the page's own validation", () => {
    const result = v.safeParse(PageDataSchema, data());
    assert.ok(result.success, JSON.stringify(result.issues?.[0]));
    assert.ok(v.safeParse(PageDataSchema, data(marcus)).success);
  });

  it('shows the header: role, department, leads, cadence with its source, due state, last check-in', () => {
    const { partner } = data();
    assert.deepEqual(
      [partner.name, partner.role, partner.department, partner.leads, partner.cadenceDays, partner.cadenceSource, partner.lastCheckInLabel],
      ['Dana Whitfield', 'Director of Product', 'Product', ['Roadmap', 'Pricing'], 14, 'partner', 'Nov 1, 2026'],
    );
    // Last check-in Nov 1 + 14 days = Nov 15: six days overdue on Nov 21.
    assert.deepEqual([partner.dueLabel, partner.dueStatus], ['6 days overdue', 'overdue']);
    const m = data(marcus, 21).partner;
    assert.deepEqual([m.cadenceDays, m.cadenceSource, m.role, m.leads], [21, 'setting', undefined, []]);
  });

  it('takes the team default cadence from alliances.json before the setting', async () => {
    await writeFile(root, 'alliances.json', pretty({ format: 'alliances', schemaVersion: 1, defaults: { cadenceDays: 30 } }));
    await store.reloadFile(path.join(root, 'alliances.json'));
    try {
      assert.deepEqual([data(marcus, 21).partner.cadenceDays, data(marcus, 21).partner.cadenceSource], [30, 'team']);
      assert.equal(data().partner.cadenceSource, 'partner');
    } finally {
      await writeFile(root, 'alliances.json', pretty({ format: 'alliances', schemaVersion: 1 }));
      await store.reloadFile(path.join(root, 'alliances.json'));
    }
  });

  it('lists check-ins newest first, with author, kind label, private flag, notes and the private note', () => {
    const { checkIns } = data();
    assert.deepEqual(
      checkIns.map((c) => c.summary),
      ['November', 'October', 'Unrated', 'September'],
    );
    const [november, , unrated, september] = checkIns;
    assert.deepEqual(
      [november?.kindLabel, november?.rating, november?.private, november?.privateNote, november?.notes],
      ['Help-me', 5, true, 'Between us', '# Heading\n<script>alert(1)</script>'],
    );
    assert.deepEqual([november?.dateLabel, november?.author], ['Nov 1, 2026', ADA.name]);
    assert.deepEqual(
      [september?.author, september?.private, september?.privateNote, september?.kindLabel],
      [BOB.name, false, undefined, '1:1'],
    );
    assert.equal(unrated?.rating, undefined);
    assert.ok(!checkIns.some((c) => c.summary === 'Marcus only'));
  });

  it('plots rated check-ins oldest first, x from 0 to 1 by time', () => {
    const { chart } = data();
    assert.deepEqual(
      chart.map((p) => p.rating),
      [4, 3, 5],
    );
    assert.deepEqual(
      chart.map((p) => p.dateLabel),
      ['Sep 10, 2026', 'Oct 20, 2026', 'Nov 1, 2026'],
    );
    const [first, middle, last] = chart.map((p) => p.x);
    assert.equal(first, 0);
    assert.equal(last, 1);
    // Sep 10 → Oct 20 is 40 of the 52 days to Nov 1.
    assert.ok(Math.abs(middle - 40 / 52) < 0.01, String(middle));
    assert.deepEqual(
      chartPoints([{ id: 'a', date: at(1, 1).toISOString(), rating: 2 }]).map((p) => p.x),
      [0.5],
    );
    assert.deepEqual(chartPoints([{ id: 'a', date: at(1, 1).toISOString() }]), []);
  });

  it('shows open talking points only, oldest first, with their code location', () => {
    const { talkingPoints } = data();
    assert.deepEqual(
      talkingPoints.map((p) => [p.text, p.sourceLabel]),
      [
        ['First point', 'src/b.ts:7'],
        ['Second point', 'src/a.ts:4–9'],
      ],
    );
    assert.equal(talkingPoints[0]?.addedLabel, `added Nov 2 by ${ADA.name}`);
    assert.equal(sourceLabel({ path: 'x.ts', startLine: 1, endLine: 3 }), 'x.ts:1–3');
  });

  it('lists follow-ups open first (overdue, by due date, undated last), then done ones, with owner names', () => {
    const { followUps } = data();
    assert.deepEqual(
      followUps.map((f) => f.text),
      ['Overdue', 'Later', 'Undated', 'Done recently', 'Done long ago'],
    );
    const [overdue, later, undated, doneRecently] = followUps;
    assert.deepEqual([overdue?.ownerName, overdue?.overdue, overdue?.dueLabel], [ADA.name, true, '3 days overdue (Nov 18)']);
    assert.deepEqual([later?.ownerName, later?.overdue, later?.dueLabel], ['Sam Lee', false, 'due in 33 days (Dec 24)']);
    assert.deepEqual([undated?.ownerName, undated?.dueLabel], ['Dana Whitfield', undefined]);
    assert.deepEqual(
      [doneRecently?.done, doneRecently?.overdue, doneRecently?.doneLabel, doneRecently?.dueLabel],
      [true, false, 'done Nov 19', 'was due Nov 10'],
    );
  });

  it('counts asks and offers both ways by status, and lists the open ones', () => {
    const { asks } = data();
    assert.deepEqual(asks.iAsked, { total: 3, open: 1, helped: 2, declined: 0 });
    assert.deepEqual(asks.theyAsked, { total: 2, open: 1, helped: 0, declined: 1 });
    assert.deepEqual(
      asks.open.map((a) => [a.direction, a.text, a.private]),
      [
        ['i-asked', 'A1', false],
        ['they-asked', 'T2', true],
      ],
    );
    assert.deepEqual(asks.delivered, [
      { id: asks.delivered?.[0]?.id, direction: 'i-asked', text: 'A3', commit: 'abcdef012345', subject: 'Ship A3' },
    ]);
  });

  it("says when it was made, by the host's clock", () => {
    assert.equal(data().generatedAt, NOW.toISOString());
  });

  it("offers the kinds and defaults the form to the last check-in's kind and rating", () => {
    const { form } = data();
    assert.deepEqual(
      form.kinds.map((k) => k.label),
      ['1:1', 'Help-me', 'Ad hoc', 'Async'],
    );
    assert.deepEqual([form.defaultKind, form.defaultRating], ['help-me', 5]);
  });
});
