import { strict as assert } from 'node:assert';
import { newId } from '../../src/core/ids';
import type { Ask, Author, CheckIn, Partner } from '../../src/core/model';
import { departmentCoverage, silos } from '../../src/core/stats/coverage';
import { computeDashboard } from '../../src/core/stats/dashboard';
import { missedIntervals, ratingChange, slipping, departmentTrends, partnerTrends } from '../../src/core/stats/health';
import { dayNumber } from '../../src/core/dates';
import { authorKey, select, statCheckInOf, type StatCheckIn, type StatsInput } from '../../src/core/stats/input';
import { leadAreas, parseLeads, searchLeadAreas } from '../../src/core/stats/leads';
import { reciprocity } from '../../src/core/stats/reciprocity';
import { dashboardReport, mdText } from '../../src/core/stats/report';
import { teamStats } from '../../src/core/stats/team';
import { MAX_THEME_CHECK_INS, themes, words } from '../../src/core/stats/themes';

// Local time throughout: days are calendar days where the user is.
const NOW = new Date(2026, 10, 21, 15, 0); // Sat Nov 21 2026
const day = (month: number, date: number, year = 2026) => new Date(year, month - 1, date, 10, 0);
const ADA: Author = { name: 'Ada Lovelace', email: 'ada@example.com' };
const BOB: Author = { name: 'Bob Builder', email: 'bob@example.com' };

function partner(name: string, department: string, extra: Partial<Partner> = {}): Partner {
  const created = day(1, 5).toISOString();
  return { schemaVersion: 1, id: newId(), name, department, createdAt: created, updatedAt: created, author: ADA, ...extra };
}

function checkIn(p: Partner, when: Date, extra: Partial<CheckIn> = {}, isPrivate = false): StatCheckIn {
  const iso = when.toISOString();
  const value: CheckIn = {
    schemaVersion: 1,
    id: newId(),
    partnerId: p.id,
    date: iso,
    kind: 'one-on-one',
    summary: '',
    createdAt: iso,
    updatedAt: iso,
    author: ADA,
    ...extra,
  };
  return statCheckInOf(value, isPrivate);
}

function ask(p: Partner, direction: Ask['direction'], status: Ask['status'], when = day(11, 1)): Ask {
  const iso = when.toISOString();
  return { schemaVersion: 1, id: newId(), partnerId: p.id, direction, status, text: 'help', createdAt: iso, updatedAt: iso, author: ADA };
}

function input(partners: Partner[], checkIns: StatCheckIn[], asks: Ask[] = []): StatsInput {
  return { partners, checkIns, asks, cadence: 14, now: NOW };
}

describe('stats: selection', () => {
  it('filters by department, author and date range, and leaves archived partners out', () => {
    const a = partner('Ann', 'Sales');
    const b = partner('Ben', 'Design');
    const gone = partner('Gus', 'Sales', { archived: true });
    const c1 = checkIn(a, day(9, 1));
    const c2 = checkIn(a, day(11, 1), { author: BOB });
    const c3 = checkIn(b, day(11, 2));
    const c4 = checkIn(gone, day(11, 3));
    const all = select(input([a, b, gone], [c3, c2, c1, c4]), {});
    assert.deepEqual(
      all.partners.map((p) => p.name),
      ['Ann', 'Ben'],
    );
    assert.deepEqual(all.checkIns, [c1, c2, c3], 'oldest first, archived partner left out');
    const sales = select(input([a, b, gone], [c1, c2, c3, c4]), { department: 'Sales', from: '2026-10-01', to: '2026-11-30' });
    assert.deepEqual(sales.checkIns, [c2]);
    assert.deepEqual(sales.history, [c1, c2], 'history keeps what came before the range');
    const bob = select(input([a, b], [c1, c2, c3]), { author: authorKey(BOB) });
    assert.deepEqual(bob.checkIns, [c2]);
  });

  it('treats departments that differ only in case as one, as the tree does', () => {
    const a = partner('Ann', 'Sales');
    const b = partner('Bo', 'sales');
    const sel = select(input([a, b], [checkIn(b, day(11, 1))]), { department: 'SALES' });
    assert.deepEqual(
      sel.partners.map((p) => [p.name, p.department]),
      [
        ['Ann', 'Sales'],
        ['Bo', 'Sales'],
      ],
    );
    const rows = departmentCoverage(sel, { siloDays: 45, cadence: 14, asOf: NOW });
    assert.deepEqual(
      rows.map((r) => [r.department, r.partners]),
      [['Sales', 2]],
    );
    assert.deepEqual(computeDashboard(input([a, b], []), {}, { siloDays: 45 }).options.departments, ['Sales']);
  });

  it('includes both ends of the date range', () => {
    const a = partner('Ann', 'Sales');
    const first = checkIn(a, new Date(2026, 9, 1, 0, 0));
    const last = checkIn(a, new Date(2026, 9, 31, 23, 59));
    const after = checkIn(a, new Date(2026, 10, 1, 0, 0));
    assert.deepEqual(select(input([a], [first, last, after]), { from: '2026-10-01', to: '2026-10-31' }).checkIns, [first, last]);
  });

  it('knows one person by email whatever the spelling of the name', () => {
    assert.equal(authorKey({ name: 'Ada', email: 'ADA@example.com ' }), authorKey({ name: 'Ada Lovelace', email: 'ada@example.com' }));
    assert.notEqual(authorKey({ name: 'Ada' }), authorKey({ name: 'Bob' }));
  });
});

describe('stats: coverage and silos', () => {
  it('counts partners, days since the last contact and the share on cadence per department', () => {
    const ann = partner('Ann', 'Sales');
    const al = partner('Al', 'Sales');
    const dee = partner('Dee', 'Design');
    const sel = select(input([ann, al, dee], [checkIn(ann, day(11, 15)), checkIn(al, day(10, 1)), checkIn(dee, day(9, 1))]), {});
    const rows = departmentCoverage(sel, { siloDays: 45, cadence: 14, asOf: NOW });
    assert.deepEqual(
      rows.map((r) => [r.department, r.partners, r.daysSinceContact, r.onCadence, r.onCadenceShare, r.silo]),
      [
        ['Design', 1, 81, 0, 0, true],
        ['Sales', 2, 6, 1, 0.5, false],
      ],
    );
    assert.equal(rows[1].lastContact, day(11, 15).toISOString());
  });

  it('flags a department at exactly the threshold as fine and one day over as a silo', () => {
    const a = partner('Ann', 'Sales');
    const at = departmentCoverage(select(input([a], [checkIn(a, day(10, 7))]), {}), { siloDays: 45, cadence: 14, asOf: NOW });
    assert.equal(at[0].daysSinceContact, 45);
    assert.equal(at[0].silo, false);
    const over = departmentCoverage(select(input([a], [checkIn(a, day(10, 6))]), {}), { siloDays: 45, cadence: 14, asOf: NOW });
    assert.equal(over[0].silo, true);
  });

  it("counts a department never contacted from its first partner's arrival", () => {
    const fresh = partner('Fay', 'Legal', { createdAt: day(11, 10).toISOString() });
    const old = partner('Olga', 'Finance', { createdAt: day(6, 1).toISOString() });
    const rows = departmentCoverage(select(input([fresh, old], []), {}), { siloDays: 45, cadence: 14, asOf: NOW });
    assert.deepEqual(
      rows.map((r) => [r.department, r.neverContacted, r.daysSinceContact, r.silo]),
      [
        ['Finance', true, 173, true],
        ['Legal', true, 11, false],
      ],
    );
    assert.deepEqual(
      silos(rows).map((r) => r.department),
      ['Finance'],
    );
  });

  it('counts a snoozed partner as on cadence', () => {
    const s = partner('Sam', 'Sales', { snoozedUntil: '2026-12-01' });
    const rows = departmentCoverage(select(input([s], [checkIn(s, day(9, 1))]), {}), { siloDays: 45, cadence: 14, asOf: NOW });
    assert.equal(rows[0].onCadence, 1);
  });
});

describe('stats: health', () => {
  it('averages ratings per department and month, and per partner lowest first', () => {
    const a = partner('Ann', 'Sales');
    const b = partner('Ben', 'Sales');
    const d = partner('Dee', 'Design');
    const sel = select(
      input(
        [a, b, d],
        [
          checkIn(a, day(10, 1), { rating: 5 }),
          checkIn(b, day(10, 20), { rating: 2 }),
          checkIn(a, day(11, 1), { rating: 4 }),
          checkIn(d, day(11, 2)),
        ],
      ),
      {},
    );
    const depts = departmentTrends(sel);
    assert.deepEqual(
      depts.map((t) => [t.label, t.average, t.count, t.months]),
      [
        [
          'Sales',
          3.7,
          3,
          [
            { month: '2026-10', average: 3.5, count: 2 },
            { month: '2026-11', average: 4, count: 1 },
          ],
        ],
      ],
    );
    assert.deepEqual(
      partnerTrends(sel).map((t) => [t.label, t.average]),
      [
        ['Ben', 2],
        ['Ann', 4.5],
      ],
    );
  });

  it('measures the rating change as the last two against up to three before', () => {
    assert.equal(ratingChange([5, 4]), undefined);
    assert.equal(ratingChange([5, 4, 3]), -1.5);
    assert.equal(ratingChange([4, 4, 4, 4, 3, 3]), -1);
    assert.equal(ratingChange([2, 3, 4]), 1.5);
  });

  it('sees the cadence missed twice only when two intervals in a row overran it', () => {
    const t = (m: number, d: number) => dayNumber(day(m, d).getTime());
    const today = dayNumber(NOW.getTime());
    // 14-day cadence: Sep 1 → Oct 1 (30 days, +16), Oct 1 → Nov 21 (51 days and running, +37).
    assert.deepEqual(missedIntervals([t(9, 1), t(10, 1)], 14, today), [16, 37]);
    // The open interval is not over yet, and only the one before it overran.
    assert.equal(missedIntervals([t(10, 1), t(11, 1), t(11, 15)], 14, today), undefined);
    // Two closed intervals overran (Sep 1 → Oct 1, Oct 1 → Nov 15); the open one is not over yet.
    assert.deepEqual(missedIntervals([t(9, 1), t(10, 1), t(11, 15)], 14, today), [16, 31]);
    // Two overruns, then one on time (Oct 15 → Oct 29): the last two intervals are not both missed.
    assert.equal(missedIntervals([t(8, 1), t(9, 1), t(10, 15), t(10, 29)], 14, today), undefined);
    assert.deepEqual(missedIntervals([t(8, 1), t(9, 1), t(11, 15)], 14, today), [17, 61]);
    assert.equal(missedIntervals([], 14, today), undefined);
  });

  it('lists slipping relationships, both reasons first, snoozed ones never', () => {
    const falling = partner('Fran', 'Sales');
    const both = partner('Bea', 'Design');
    const fine = partner('Finn', 'Design');
    const snoozed = partner('Sue', 'Sales', { snoozedUntil: '2026-12-01' });
    const list = [
      checkIn(falling, day(10, 20), { rating: 5 }),
      checkIn(falling, day(11, 1), { rating: 3 }),
      checkIn(falling, day(11, 14), { rating: 3 }),
      checkIn(both, day(8, 1), { rating: 5 }),
      checkIn(both, day(9, 1), { rating: 3 }),
      checkIn(both, day(10, 1), { rating: 2 }),
      checkIn(fine, day(11, 10), { rating: 4 }),
      checkIn(fine, day(11, 17), { rating: 4 }),
      checkIn(fine, day(11, 20), { rating: 5 }),
      checkIn(snoozed, day(8, 1), { rating: 5 }),
      checkIn(snoozed, day(9, 1), { rating: 1 }),
      checkIn(snoozed, day(10, 1), { rating: 1 }),
    ];
    const rows = slipping(select(input([falling, both, fine, snoozed], list), {}), 14, NOW);
    assert.deepEqual(
      rows.map((r) => [r.name, r.reasons]),
      [
        ['Bea', ['ratings-falling', 'cadence-missed']],
        ['Fran', ['ratings-falling']],
      ],
    );
    assert.equal(rows[1].ratingChange, -2);
    assert.match(rows[0].why, /^Ratings down 2\.5 points; cadence missed twice in a row \(by 16 and 37 days\)$/);
  });
});

describe('stats: themes', () => {
  it('splits words, drops URLs, short words, numbers and possessives', () => {
    assert.deepEqual(words("The team's Q3 renewal-plan: see https://x.example/a?b=1 and 2026 ok"), [
      'the',
      'team',
      'renewal-plan',
      'see',
      'and',
    ]);
    assert.deepEqual(words('Über naïve café'), ['über', 'naïve', 'café']);
  });

  it('counts check-ins per stem, shows the most used spelling, and leaves out stop words, names and private check-ins', () => {
    const dana = partner('Dana Scully', 'Sales');
    const list = [
      checkIn(dana, day(11, 1), { summary: 'Renewal risk for Acme; Dana worried', notes: 'Renewals again. Renewals everywhere.' }),
      checkIn(dana, day(11, 2), { summary: 'Pricing and the renewal' }),
      checkIn(dana, day(11, 3), { summary: 'pricing page, pricing tiers' }),
      checkIn(dana, day(11, 4), { summary: 'Secret renewal pricing' }, true),
    ];
    const result = themes(list, [dana]);
    const byLabel = new Map(result.map((t) => [t.label, t]));
    assert.equal(byLabel.get('renewal')?.count, 2, 'two check-ins mention renewal(s); the private one is not counted');
    assert.ok(!byLabel.has('renewals'), 'one term per stem');
    assert.equal(byLabel.get('pricing')?.count, 2);
    assert.deepEqual(byLabel.get('pricing')?.checkInIds, [list[2].value.id, list[1].value.id], 'newest first');
    assert.ok(!byLabel.has('dana') && !byLabel.has('scully'), 'partner names are left out');
    assert.ok(!byLabel.has('the') && !byLabel.has('and'), 'stop words are left out');
    assert.ok(!byLabel.has('secret'), 'words of private check-ins never appear');
    assert.deepEqual(
      result.slice(0, 2).map((t) => t.weight),
      [5, 5],
      'equal counts, equal size: the largest',
    );
    assert.equal(result[result.length - 1].weight, 1);
  });

  it("lists each term's newest check-ins, at most MAX_THEME_CHECK_INS, also when a list fills up long before another", () => {
    const p = partner('Pat', 'Sales');
    const list: StatCheckIn[] = [];
    // Two old check-ins about security, then 150 newer ones about the roadmap: the roadmap's list fills first.
    list.push(checkIn(p, day(1, 10), { summary: 'security review' }), checkIn(p, day(1, 11), { summary: 'security audit' }));
    for (let i = 0; i < 150; i++) list.push(checkIn(p, new Date(2026, 1, 1, 9, i), { summary: 'roadmap planning' }));
    const byLabel = new Map(themes(list, [p]).map((t) => [t.label, t]));
    const roadmap = byLabel.get('roadmap')?.checkInIds ?? [];
    assert.equal(roadmap.length, MAX_THEME_CHECK_INS);
    assert.deepEqual(
      roadmap,
      list
        .slice(-MAX_THEME_CHECK_INS)
        .reverse()
        .map((c) => c.value.id),
      'the newest ones, newest first',
    );
    assert.deepEqual(byLabel.get('security')?.checkInIds, [list[1].value.id, list[0].value.id]);
  });

  it('sizes terms from 1 to 5 by count and keeps the top ones', () => {
    const p = partner('Pat', 'Sales');
    const list: StatCheckIn[] = [];
    for (let i = 0; i < 9; i++)
      list.push(checkIn(p, day(11, 1 + i), { summary: `roadmap ${i < 5 ? 'security' : ''} ${i < 1 ? 'hiring' : ''}` }));
    list.push(checkIn(p, day(11, 12), { summary: 'hiring' }));
    const result = themes(list, [p], 2);
    assert.deepEqual(
      result.map((t) => [t.label, t.count, t.weight]),
      [
        ['roadmap', 9, 5],
        ['security', 5, 1],
      ],
    );
  });
});

describe('stats: reciprocity', () => {
  it('counts help given and received and open asks on both sides, most lopsided first', () => {
    const a = partner('Ann', 'Sales');
    const b = partner('Ben', 'Design');
    const asks = [
      ask(a, 'they-asked', 'helped'),
      ask(a, 'they-asked', 'helped'),
      ask(a, 'i-asked', 'helped'),
      ask(a, 'i-asked', 'open'),
      ask(b, 'i-asked', 'helped'),
      ask(b, 'they-asked', 'open'),
      ask(b, 'they-asked', 'declined'),
      ask(b, 'i-asked', 'helped', day(1, 1)),
    ];
    const rows = reciprocity(asks, select(input([a, b], []), { from: '2026-06-01' }));
    assert.deepEqual(
      rows.map((r) => [r.name, r.given, r.received, r.openTheirs, r.openMine, r.declined, r.balance]),
      [
        ['Ann', 2, 1, 0, 1, 0, 1],
        ['Ben', 0, 1, 1, 0, 1, -1],
      ],
    );
  });
});

describe('stats: who leads what', () => {
  it("turns partners' areas into a map from area to leaders, matching case and spaces", () => {
    const a = partner('Ann', 'Sales', { leads: ['EMEA deals', 'Pricing'] });
    const b = partner('Ben', 'Product', { leads: ['pricing ', ' Mobile  app'] });
    const c = partner('Cy', 'Design');
    const areas = leadAreas([a, b, c]);
    assert.deepEqual(
      areas.map((x) => [x.area, x.leaders.map((l) => l.name)]),
      [
        ['EMEA deals', ['Ann']],
        ['Mobile app', ['Ben']],
        ['Pricing', ['Ann', 'Ben']],
      ],
    );
    assert.deepEqual(
      searchLeadAreas(areas, 'PRIC').map((x) => x.area),
      ['Pricing'],
    );
    assert.deepEqual(
      searchLeadAreas(areas, 'ben').map((x) => x.area),
      ['Mobile app', 'Pricing'],
    );
    assert.equal(searchLeadAreas(areas, '  ').length, 3);
  });

  it('reads areas typed as a comma-separated list', () => {
    assert.deepEqual(parseLeads(' Pricing, EMEA   deals ,, pricing,'), ['Pricing', 'EMEA deals']);
    assert.equal(parseLeads(' , '), undefined);
  });
});

describe('stats: the team', () => {
  it("shows each author's activity and the partners only one teammate talks to", () => {
    const a = partner('Ann', 'Sales');
    const b = partner('Ben', 'Design');
    const c = partner('Cy', 'Design');
    const sel = select(
      input(
        [a, b, c],
        [
          checkIn(a, day(11, 1)),
          checkIn(a, day(11, 2), { author: BOB }),
          checkIn(b, day(11, 3)),
          checkIn(b, day(11, 4), { author: { name: 'Ada L.', email: 'ada@example.com' } }),
        ],
      ),
      {},
    );
    const team = teamStats(sel);
    assert.deepEqual(
      team.authors.map((x) => [x.name, x.checkIns, x.partners]),
      [
        ['Ada L.', 3, 2],
        ['Bob Builder', 1, 1],
      ],
    );
    assert.deepEqual(
      team.singleHolders.map((s) => [s.name, s.holder.name, s.checkIns]),
      [['Ben', 'Ada Lovelace', 2]],
    );
    assert.equal(team.unheld, 1);
  });

  it('lists no single holders when only one person writes', () => {
    const a = partner('Ann', 'Sales');
    assert.deepEqual(teamStats(select(input([a], [checkIn(a, day(11, 1))]), {})).singleHolders, []);
  });
});

describe('stats: dashboard and report', () => {
  it("computes every section, and the report escapes teammates' text", () => {
    const evil = partner('<img src=x onerror=alert(1)> | *bold*', 'Sales', { leads: ['[link](javascript:alert(1))'] });
    const data = computeDashboard(
      input(
        [evil],
        [checkIn(evil, day(11, 1), { rating: 4, summary: 'roadmap roadmap' }), checkIn(evil, day(11, 2), { summary: 'roadmap' })],
      ),
      {},
      { siloDays: 45 },
    );
    assert.equal(data.totals.checkIns, 2);
    assert.equal(data.asOf, '2026-11-21');
    assert.deepEqual(data.options.departments, ['Sales']);
    assert.deepEqual(
      data.themes.map((t) => t.label),
      ['roadmap'],
    );
    const report = dashboardReport(data);
    assert.ok(report.includes('\\<img src=x onerror=alert(1)\\> \\| \\*bold\\*'), report);
    assert.ok(report.includes('\\[link\\](javascript:alert(1))'));
    assert.ok(!/<img/.test(report.replace(/\\</g, '')), 'no raw tag');
  });

  it('computes as of the end of a past range', () => {
    const a = partner('Ann', 'Sales');
    const data = computeDashboard(input([a], [checkIn(a, day(9, 1))]), { to: '2026-09-30' }, { siloDays: 45 });
    assert.equal(data.asOf, '2026-09-30');
    assert.equal(data.coverage[0].daysSinceContact, 29);
  });

  it('escapes Markdown and flattens newlines in text', () => {
    assert.equal(mdText('a\n\nb|c'), 'a b\\|c');
  });
});
