// The ecosystem map over the demo store (the README's story) and over a big generated one (its time is
// a figure of npm run bench, scripts/bench/coreBench.mjs: no timing is asserted here).
import { strict as assert } from 'node:assert';
import { newId } from '../../src/core/ids';
import type { Author, CheckIn, Connection, Partner } from '../../src/core/model';
import { computeEcosystemMap } from '../../src/core/ecosystem/map';
import { statsInput } from '../../src/core/stats/fromStore';
import { statCheckInOf, type StatsInput } from '../../src/core/stats/input';
import type { Store } from '../../src/core/store';
import { createDemoStore } from '../fixtures/demoStore';
import { makeTempDir, removeTempDir } from './helpers';

const TODAY = new Date(2026, 10, 21, 9, 30);
const OPTIONS = { siloDays: 45, groupBy: 'department' as const };

describe('ecosystem map: the demo store', () => {
  let dir: string | undefined;
  let store: Store;

  before(async () => {
    dir = await makeTempDir();
    store = await createDemoStore(dir, TODAY);
  });
  after(() => removeTempDir(dir));

  const input = () => statsInput([store], 14, TODAY);

  it('draws every active partner and both teammates, with the connections', () => {
    const map = computeEcosystemMap(input(), {}, OPTIONS);
    const names = (kind: string) => map.nodes.filter((n) => n.kind === kind).map((n) => n.name);
    assert.equal(names('partner').length, 10, 'Tom is archived');
    assert.deepEqual(names('author').sort(), ['Alex Morgan', 'Sam Lee']);
    assert.equal(map.edges.filter((e) => e.kind === 'connection').length, 4);
    assert.equal(map.nodes.find((n) => n.name === 'Dana Whitfield')?.weight, 4, 'three 1:1s and the product trio');
  });

  it('draws the product trio: Dana and Priya met together, with Alex', () => {
    const map = computeEcosystemMap(input(), {}, OPTIONS);
    const key = (name: string) => map.nodes.find((n) => n.name === name)?.key ?? name;
    const [dana, priya, alex] = [key('Dana Whitfield'), key('Priya Raman'), key('Alex Morgan')];
    const met = map.edges.filter((e) => e.kind === 'met').map((e) => [e.from, e.to, e.count]);
    assert.deepEqual(met, [[...[dana, priya].sort(), 1]], "one met-together edge: the trio, the demo's only group check-in");
    for (const partner of [dana, priya])
      assert.ok(
        map.edges.some((e) => e.kind === 'check-in' && e.from === alex && e.to === partner),
        'Alex talked to both in the meeting',
      );
  });

  it('names Jonas Berg the broker to Elena Petrova, Support a silo and Aisha Karim isolated', () => {
    const map = computeEcosystemMap(input(), {}, OPTIONS);
    assert.deepEqual(
      map.figures.brokers.map((b) => [b.name, b.cutOffNames]),
      [['Jonas Berg', ['Elena Petrova']]],
    );
    assert.ok(map.figures.silos.includes('Support'));
    assert.deepEqual(
      map.figures.isolated.map((p) => p.name),
      ['Aisha Karim'],
      'over all time everyone but Aisha has a link',
    );
  });

  it('over the last 30 days Aisha Karim is still the only isolated partner', () => {
    const map = computeEcosystemMap(input(), { from: '2026-10-23' }, OPTIONS);
    assert.deepEqual(
      map.figures.isolated.map((p) => p.name),
      ['Aisha Karim'],
    );
  });

  it('the same store draws the same picture on every run', () => {
    const first = computeEcosystemMap(input(), {}, OPTIONS);
    const second = computeEcosystemMap(input(), {}, OPTIONS);
    assert.deepEqual(second, first);
  });
});

describe('ecosystem map: a big store', () => {
  it('builds and lays out 1,000 partners, 10,000 check-ins and 500 connections, every node placed', function () {
    const alex: Author = { name: 'Alex', email: 'alex@example.com' };
    const team: Author[] = [alex, ...Array.from({ length: 7 }, (_, k) => ({ name: `Mate ${k}`, email: `m${k}@example.com` }))];
    const created = new Date(2026, 0, 1).toISOString();
    const departments = ['Product', 'Design', 'Sales', 'Marketing', 'Support', 'Data', 'Security', 'Vendor', 'Customer', 'Research'];
    const partners: Partner[] = Array.from({ length: 1000 }, (_, k) => ({
      schemaVersion: 1,
      id: newId(),
      name: `Partner ${k}`,
      department: departments[k % departments.length],
      organisation: k % 3 ? `Org ${k % 40}` : undefined,
      createdAt: created,
      updatedAt: created,
      author: alex,
    }));
    const checkIns = Array.from({ length: 10_000 }, (_, k) => {
      const date = new Date(2026, 0, 1 + (k % 320), 10).toISOString();
      const value: CheckIn = {
        schemaVersion: 1,
        id: newId(),
        partnerId: partners[(k * 7) % 1000].id,
        ...(k % 10 === 0 ? { partnerIds: [partners[(k * 7) % 1000].id, partners[(k * 7 + 1) % 1000].id] } : {}),
        date,
        kind: 'one-on-one',
        summary: '',
        createdAt: date,
        updatedAt: date,
        author: team[k % team.length],
      };
      return statCheckInOf(value, false);
    });
    checkIns.sort((a, b) => a.time - b.time);
    const connections: Connection[] = Array.from({ length: 500 }, (_, k) => ({
      schemaVersion: 1,
      id: newId(),
      fromId: partners[k].id,
      toId: partners[(k * 13 + 5) % 1000].id,
      kind: 'works-with',
      createdAt: created,
      updatedAt: created,
      author: alex,
    }));
    const input: StatsInput = { partners, checkIns, asks: [], connections, cadence: 30, now: new Date(2026, 10, 21) };
    const map = computeEcosystemMap(input, {}, OPTIONS);
    assert.equal(map.nodes.length, 1008);
    assert.ok(
      map.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y) && n.x >= 0 && n.y >= 0 && n.x <= map.width && n.y <= map.height),
      'every node is placed inside the picture',
    );
    assert.ok(
      map.edges.some((e) => e.kind === 'connection') && map.edges.some((e) => e.kind === 'met'),
      'connection and met-together edges',
    );
  });
});
