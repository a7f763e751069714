import { strict as assert } from 'node:assert';
import { newId } from '../../src/core/ids';
import type { Author, CheckIn, Connection, Partner } from '../../src/core/model';
import { brokers, isolatedPartners, reachedThroughOne } from '../../src/core/ecosystem/connectivity';
import { buildGraph } from '../../src/core/ecosystem/graph';
import { computeEcosystemMap } from '../../src/core/ecosystem/map';
import { computeDashboard } from '../../src/core/stats/dashboard';
import { authorKey, select, statCheckInOf, type StatCheckIn, type StatsInput } from '../../src/core/stats/input';

// Hand-built ecosystems with known answers: every figure on a graph built to have it.
const NOW = new Date(2026, 10, 21, 15, 0);
const day = (month: number, date: number) => new Date(2026, month - 1, date, 10, 0);
const ADA: Author = { name: 'Ada Lovelace', email: 'ada@example.com' };
const BOB: Author = { name: 'Bob Builder', email: 'bob@example.com' };
const CY: Author = { name: 'Cy Present', email: 'cy@example.com' };

function partner(name: string, department: string, extra: Partial<Partner> = {}): Partner {
  const created = day(1, 5).toISOString();
  return { schemaVersion: 1, id: newId(), name, department, createdAt: created, updatedAt: created, author: ADA, ...extra };
}

function checkIn(ps: Partner | Partner[], when: Date, extra: Partial<CheckIn> = {}): StatCheckIn {
  const list = Array.isArray(ps) ? ps : [ps];
  const iso = when.toISOString();
  const value: CheckIn = {
    schemaVersion: 1,
    id: newId(),
    partnerId: list[0].id,
    ...(list.length > 1 ? { partnerIds: list.map((p) => p.id) } : {}),
    date: iso,
    kind: 'one-on-one',
    summary: '',
    createdAt: iso,
    updatedAt: iso,
    author: ADA,
    ...extra,
  };
  return statCheckInOf(value, false);
}

function connection(from: Partner, to: Partner, kind = 'works-with'): Connection {
  const iso = day(10, 1).toISOString();
  return { schemaVersion: 1, id: newId(), fromId: from.id, toId: to.id, kind, createdAt: iso, updatedAt: iso, author: ADA };
}

function input(partners: Partner[], checkIns: StatCheckIn[], connections: Connection[] = []): StatsInput {
  return { partners, checkIns: [...checkIns].sort((a, b) => a.time - b.time), asks: [], connections, cadence: 14, now: NOW };
}

const graphOf = (i: StatsInput) => {
  const selection = select(i, {});
  return { selection, graph: buildGraph(selection, i.connections ?? [], NOW, 45) };
};

describe('ecosystem: the graph', () => {
  it('joins authors and present teammates to partners, counts check-ins, and fades with time', () => {
    const dana = partner('Dana', 'Product');
    const i = input([dana], [checkIn(dana, day(11, 21)), checkIn(dana, day(10, 7), { present: [CY] })]);
    const { graph } = graphOf(i);
    const edge = (author: Author) => graph.edges.find((e) => e.from === `a:${authorKey(author)}` && e.to === `p:${dana.id}`);
    assert.equal(edge(ADA)?.count, 2);
    assert.equal(edge(ADA)?.recency, 1, 'a check-in today is fresh');
    assert.equal(edge(CY)?.count, 1, 'a teammate present holds the relationship too');
    assert.equal(edge(CY)?.recency, 0.5, '45 days (the half-life) halves it');
    assert.equal(graph.nodes.find((n) => n.key === `p:${dana.id}`)?.weight, 2);
    assert.equal(graph.nodes.find((n) => n.key === `a:${authorKey(CY)}`)?.weight, 1);
  });

  it('a group check-in counts for every partner and joins them as having met', () => {
    const [a, b, c] = [partner('Ann', 'Product'), partner('Ben', 'Design'), partner('Cat', 'Data')];
    const { graph } = graphOf(input([a, b, c], [checkIn([a, b, c], day(11, 1)), checkIn([a, b], day(11, 10))]));
    const met = graph.edges.filter((e) => e.kind === 'met');
    assert.equal(met.length, 3, 'every pair of the group');
    const ab = met.find((e) => [e.from, e.to].sort().join() === [`p:${a.id}`, `p:${b.id}`].sort().join());
    assert.equal(ab?.count, 2);
    assert.equal(ab?.last, day(11, 10).toISOString());
    assert.deepEqual(
      graph.nodes
        .filter((n) => n.kind === 'partner')
        .map((n) => [n.name, n.weight])
        .sort(),
      [
        ['Ann', 2],
        ['Ben', 2],
        ['Cat', 1],
      ],
    );
    assert.equal(graph.edges.filter((e) => e.kind === 'check-in').length, 3, 'the author to each partner once');
  });

  it('connections join partners whatever their date, once per pair, with their kinds', () => {
    const [a, b] = [partner('Ann', 'Product'), partner('Ben', 'Design')];
    const { graph } = graphOf(input([a, b], [], [connection(a, b), connection(b, a, 'reports-to'), connection(a, b)]));
    assert.equal(graph.edges.length, 1);
    assert.deepEqual(
      [graph.edges[0].kind, graph.edges[0].count, graph.edges[0].connectionKinds],
      ['connection', 3, ['works-with', 'reports-to']],
    );
  });

  it('filters by organisation and tag, any case, and by author', () => {
    const acme = partner('Ann', 'Customer', { organisation: 'Acme Retail', tags: ['exec'] });
    const north = partner('Ben', 'Vendor', { organisation: 'Northwind', tags: ['Platform'] });
    const i = input([acme, north], [checkIn(acme, day(11, 1)), checkIn(north, day(11, 2), { author: BOB })], [connection(acme, north)]);
    const names = (f: Parameters<typeof select>[1]) => select(i, f).partners.map((p) => p.name);
    assert.deepEqual(names({ organisation: 'acme retail' }), ['Ann']);
    assert.deepEqual(names({ tag: 'PLATFORM' }), ['Ben']);
    assert.deepEqual(names({ tag: 'none' }), []);
    const map = computeEcosystemMap(i, { organisation: 'ACME RETAIL' }, { siloDays: 45, groupBy: 'department' });
    assert.deepEqual(
      map.nodes.map((n) => n.name),
      ['Ada Lovelace', 'Ann'],
    );
    assert.equal(map.edges.length, 1, 'the connection to a partner filtered out is left out');
    const bob = computeEcosystemMap(i, { author: authorKey(BOB) }, { siloDays: 45, groupBy: 'department' });
    assert.deepEqual(
      bob.nodes.filter((n) => n.kind === 'author').map((n) => n.name),
      ['Bob Builder'],
    );
    assert.deepEqual(map.options.organisations, ['Acme Retail', 'Northwind']);
    assert.deepEqual(map.options.tags, ['exec', 'Platform']);
  });
});

describe('ecosystem: the figures', () => {
  it('an isolated partner has no edge at all; a connection or a check-in is enough to not be', () => {
    const [a, b, c, d] = [partner('Ann', 'Sales'), partner('Ben', 'Sales'), partner('Cat', 'Data'), partner('Dee', 'Data')];
    const { graph } = graphOf(input([a, b, c, d], [checkIn(a, day(11, 1))], [connection(c, d)]));
    assert.deepEqual(
      isolatedPartners(graph).map((p) => p.name),
      ['Ben'],
    );
  });

  it('a broker is the only link to someone: a partner who introduced another, or joins two groups', () => {
    // Ada talks to Ann and Ben; Ben is connected to Cat, who works with Dee; Eve meets Ann and Ada.
    const [ann, ben, cat, dee] = [
      partner('Ann', 'Sales'),
      partner('Ben', 'Vendor'),
      partner('Cat', 'Customer'),
      partner('Dee', 'Customer'),
    ];
    const i = input(
      [ann, ben, cat, dee],
      [checkIn(ann, day(11, 1)), checkIn(ben, day(11, 2))],
      [connection(ben, cat, 'introduced'), connection(cat, dee)],
    );
    const { graph } = graphOf(i);
    const found = brokers(graph);
    assert.deepEqual(
      found.map((b) => [b.name, b.cutOff, b.cutOffNames]),
      [
        ['Ben', 2, ['Cat', 'Dee']],
        ['Cat', 1, ['Dee']],
      ],
    );
    // A second path to Cat (a check-in) makes Ben no broker any more; Cat still holds Dee.
    const again = graphOf(input([ann, ben, cat, dee], [...i.checkIns, checkIn(cat, day(11, 3))], [...(i.connections ?? [])]));
    assert.deepEqual(
      brokers(again.graph).map((b) => b.name),
      ['Cat'],
    );
  });

  it('a broker between two groups of partners with no teammate in the picture', () => {
    const [a, b, hub, c, d] = ['A', 'B', 'Hub', 'C', 'D'].map((n) => partner(n, 'Research'));
    const { graph } = graphOf(
      input(
        [a, b, hub, c, d],
        [],
        [connection(a, b), connection(b, hub), connection(a, hub), connection(hub, c), connection(c, d), connection(d, hub)],
      ),
    );
    assert.deepEqual(
      brokers(graph).map((x) => [x.name, x.cutOff]),
      [['Hub', 2]],
    );
  });

  it('departments reached through one teammate, or through one of their partners', () => {
    const [s1, s2, d1] = [partner('Sal', 'Sales'), partner('Sue', 'Sales'), partner('Dan', 'Design')];
    const i = input(
      [s1, s2, d1],
      [checkIn(s1, day(11, 1)), checkIn(s1, day(11, 2)), checkIn(d1, day(11, 3), { author: BOB }), checkIn(d1, day(11, 4))],
    );
    assert.deepEqual(
      reachedThroughOne(select(i, {})).map((r) => [r.department, r.via, r.name]),
      [
        ['Sales', 'partner', 'Sal'],
        ['Sales', 'teammate', 'Ada Lovelace'],
      ],
    );
    const alone = input([d1], [checkIn(d1, day(11, 1))]);
    assert.deepEqual(reachedThroughOne(select(alone, {})), [], 'a team of one is not a risk to report');
  });

  it('the map flags silos, isolated, brokers and held-by-one on the nodes and lists them', () => {
    const [ann, ben, cat, sup] = [partner('Ann', 'Sales'), partner('Ben', 'Vendor'), partner('Cat', 'Customer'), partner('Sue', 'Support')];
    const lone = partner('Lone', 'Data');
    const i = input(
      [ann, ben, cat, sup, lone],
      [
        checkIn(ann, day(11, 1)),
        checkIn(ann, day(11, 2), { author: BOB }),
        checkIn(ben, day(11, 2), { author: BOB }),
        checkIn(sup, day(8, 1)),
      ],
      [connection(ben, cat, 'introduced')],
    );
    const map = computeEcosystemMap(i, {}, { siloDays: 45, groupBy: 'department' });
    const flags = (name: string) => {
      const n = map.nodes.find((x) => x.name === name);
      return { isolated: n?.isolated, broker: n?.broker, heldByOne: n?.heldByOne, silo: n?.silo };
    };
    assert.deepEqual(flags('Lone'), { isolated: true, broker: false, heldByOne: false, silo: true });
    assert.deepEqual(flags('Ben'), { isolated: false, broker: true, heldByOne: true, silo: false });
    assert.deepEqual(flags('Ann'), { isolated: false, broker: false, heldByOne: false, silo: false });
    assert.equal(flags('Sue').silo, true);
    assert.deepEqual(map.figures.silos.sort(), ['Customer', 'Data', 'Support']);
    assert.deepEqual(
      map.figures.isolated.map((p) => p.name),
      ['Lone'],
    );
    assert.deepEqual(
      map.figures.brokers.map((p) => p.name),
      ['Ben'],
    );
    assert.deepEqual(map.figures.heldByOne.map((p) => [p.name, p.holder]).sort(), [
      ['Ben', 'Bob Builder'],
      ['Sue', 'Ada Lovelace'],
    ]);
    const dashboard = computeDashboard(i, {}, { siloDays: 45 });
    assert.deepEqual(
      dashboard.connectivity.isolated.map((p) => p.name),
      ['Lone'],
    );
    assert.deepEqual(
      dashboard.connectivity.brokers.map((p) => p.name),
      ['Ben'],
    );
  });
});

describe('ecosystem: the layout', () => {
  function bigInput(): StatsInput {
    const departments = ['Product', 'Design', 'Sales', 'Support', 'Data', 'Vendor'];
    const partners = Array.from({ length: 60 }, (_, k) =>
      partner(`P${k}`, departments[k % departments.length], { organisation: k % 4 ? `Org ${k % 3}` : undefined }),
    );
    const checkIns = partners.flatMap((p, k) =>
      Array.from({ length: k % 5 }, (_, j) => checkIn(p, day(10, 1 + j), { author: j % 2 ? BOB : ADA })),
    );
    checkIns.push(checkIn([partners[0], partners[1], partners[2]], day(11, 3)));
    return input(partners, checkIns, [connection(partners[3], partners[40]), connection(partners[7], partners[8])]);
  }

  it('the same store draws the same picture, whatever the order of the records', () => {
    const i = bigInput();
    const first = computeEcosystemMap(i, {}, { siloDays: 45, groupBy: 'department' });
    const second = computeEcosystemMap(
      { ...i, partners: [...i.partners].reverse(), connections: [...(i.connections ?? [])].reverse() },
      {},
      { siloDays: 45, groupBy: 'department' },
    );
    assert.deepEqual(
      second.nodes.map((n) => [n.key, n.x, n.y, n.r]),
      first.nodes.map((n) => [n.key, n.x, n.y, n.r]),
    );
    assert.deepEqual([second.width, second.height], [first.width, first.height]);
    const byOrg = computeEcosystemMap(i, {}, { siloDays: 45, groupBy: 'organisation' });
    assert.notDeepEqual(
      byOrg.nodes.map((n) => [n.x, n.y]),
      first.nodes.map((n) => [n.x, n.y]),
      'grouping by organisation draws other clusters',
    );
    assert.deepEqual(
      byOrg.groups.map((g) => [g.kind, g.label]),
      [
        ['team', ''],
        ['group', 'Org 0'],
        ['group', 'Org 1'],
        ['group', 'Org 2'],
        ['none', ''],
      ],
    );
  });

  it('puts every node inside the picture, without overlaps, nearer its own cluster', () => {
    const map = computeEcosystemMap(bigInput(), {}, { siloDays: 45, groupBy: 'department' });
    for (const n of map.nodes) {
      assert.ok(n.x - n.r >= 0 && n.y - n.r >= 0 && n.x + n.r <= map.width && n.y + n.r <= map.height, `${n.name} inside`);
    }
    let overlaps = 0;
    for (const a of map.nodes) for (const b of map.nodes) if (a.key < b.key && Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r) overlaps++;
    assert.equal(overlaps, 0);
    const centre = new Map(map.groups.map((g) => [g.key, g]));
    let nearer = 0;
    for (const n of map.nodes) {
      const own = centre.get(n.group)!;
      const closest = [...centre.values()].reduce((best, g) =>
        Math.hypot(g.x - n.x, g.y - n.y) < Math.hypot(best.x - n.x, best.y - n.y) ? g : best,
      );
      if (closest === own) nearer++;
    }
    assert.ok(nearer >= map.nodes.length * 0.9, `${nearer} of ${map.nodes.length} nearest their own cluster`);
  });
});
