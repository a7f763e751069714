// The figures of initiatives, with known answers: current stances and history, who to win over next
// (its order), support against resistance weighted by influence, initiatives with no champion outside
// engineering, and a partner's roles line.
import { strict as assert } from 'node:assert';
import {
  allianceBalance,
  allianceBalances,
  currentStances,
  historyLine,
  isEngineering,
  rolesLine,
  stanceHistory,
  whoToWinOver,
  withoutOutsideChampion,
  type InitiativeData,
} from '../../src/core/initiatives';
import type { CheckIn, Initiative, Partner, Stance } from '../../src/core/model';
import { english } from '../../src/core/translator';
import type { InitiativeStatus, Level, StanceRole, StanceValue } from '../../src/core/vocabulary';
import { newId } from './helpers';

const author = { name: 'Ada Lovelace' };
const stamp = '2026-09-01T09:00:00.000Z';

function partner(name: string, department: string, extra: Partial<Partner> = {}): Partner {
  return { schemaVersion: 1, id: newId(), name, department, createdAt: stamp, updatedAt: stamp, author, ...extra };
}

function initiative(name: string, status: InitiativeStatus = 'active'): Initiative {
  return { schemaVersion: 1, id: newId(), name, status, createdAt: stamp, updatedAt: stamp, author };
}

function stance(
  on: Initiative,
  who: Partner,
  value: StanceValue,
  date: string,
  { influence = 'high', role = 'consulted' }: { influence?: Level; role?: StanceRole } = {},
): Stance {
  return {
    schemaVersion: 1,
    id: newId(),
    initiativeId: on.id,
    partnerId: who.id,
    date: `${date}T10:00:00.000Z`,
    stance: value,
    influence,
    interest: 'medium',
    role,
    createdAt: stamp,
    updatedAt: stamp,
    author,
  };
}

function checkIn(who: Partner, date: string, about?: Initiative): CheckIn {
  return {
    schemaVersion: 1,
    id: newId(),
    partnerId: who.id,
    date: `${date}T10:00:00.000Z`,
    kind: 'one-on-one',
    summary: 'x',
    ...(about ? { initiativeId: about.id } : {}),
    createdAt: stamp,
    updatedAt: stamp,
    author,
  };
}

describe('initiative figures', () => {
  const marcus = partner('Marcus', 'Sales');
  const dana = partner('Dana', 'Product');
  const priya = partner('Priya', 'Platform Engineering');
  const hannah = partner('Hannah', 'Support');
  const jonas = partner('Jonas', 'Finance');
  const old = partner('Olga', 'Legal', { archived: true });
  const pricing = initiative('Pricing revamp');
  const billing = initiative('Billing migration');
  const reorg = initiative('Support reorg', 'idea');
  const legacy = initiative('Legacy sunset', 'done');

  const stances = [
    stance(pricing, marcus, 'skeptic', '2026-10-03'),
    stance(pricing, marcus, 'neutral', '2026-11-12'),
    stance(pricing, dana, 'champion', '2026-10-01', { role: 'leads' }),
    stance(pricing, priya, 'supporter', '2026-10-01', { influence: 'medium', role: 'contributes' }),
    stance(pricing, hannah, 'blocker', '2026-10-20', { influence: 'low', role: 'informed' }),
    stance(pricing, jonas, 'unknown', '2026-10-20', { role: 'approves' }),
    stance(pricing, old, 'blocker', '2026-10-20'),
    stance(billing, priya, 'champion', '2026-10-05', { role: 'leads' }),
    stance(billing, marcus, 'blocker', '2026-10-05'),
    stance(billing, dana, 'supporter', '2026-10-06', { role: 'consulted' }),
    stance(billing, jonas, 'neutral', '2026-10-07'),
    stance(reorg, dana, 'neutral', '2026-10-06', { role: 'informed' }),
    stance(legacy, dana, 'champion', '2026-10-06', { role: 'leads' }),
  ];
  const data: InitiativeData = {
    initiatives: [pricing, billing, reorg, legacy],
    stances,
    partners: [marcus, dana, priya, hannah, jonas, old],
    checkIns: [checkIn(marcus, '2026-11-14', pricing), checkIn(jonas, '2026-11-01'), checkIn(marcus, '2026-11-20')],
  };

  it('the current stance is the latest assessment; the history reads oldest first', () => {
    const current = new Map(currentStances(stances, pricing.id).map((s) => [s.partnerId, s.stance]));
    assert.equal(current.size, 6);
    assert.equal(current.get(marcus.id), 'neutral');
    const history = stanceHistory(stances, pricing.id, marcus.id);
    assert.deepEqual(
      history.map((s) => s.stance),
      ['skeptic', 'neutral'],
    );
    assert.equal(historyLine(history, english), 'skeptic (Oct 3) → neutral (Nov 12)');
  });

  it('who to win over next: high influence, not supporting, never talked to about it first', () => {
    // Jonas (unknown, never talked to about pricing: a check-in not about it does not count), then
    // Marcus (neutral, talked about it Nov 14). Hannah is low influence; Olga is archived.
    assert.deepEqual(
      whoToWinOver(data, pricing.id).map((w) => [w.partner.name, w.stance.stance, w.lastTalked?.slice(0, 10)]),
      [
        ['Jonas', 'unknown', undefined],
        ['Marcus', 'neutral', '2026-11-14'],
      ],
    );
    // Between two never talked to: the most against first.
    const both = { ...data, checkIns: [] };
    assert.deepEqual(
      whoToWinOver(both, billing.id).map((w) => w.partner.name),
      ['Marcus', 'Jonas'],
    );
  });

  it('support against resistance, weighted by influence (high 3, medium 2, low 1), per active initiative', () => {
    const balance = allianceBalance(data, pricing);
    // Support: Dana champion high 3 + Priya supporter medium 2; resistance: Hannah blocker low 1
    // (Olga is archived); undecided: Marcus neutral, Jonas unknown.
    assert.deepEqual([balance.support, balance.resistance, balance.undecided, balance.outsideChampions], [5, 1, 2, 1]);
    // Billing: Priya champion high 3 + Dana supporter high 3 = 6 against Marcus blocker high 3.
    assert.deepEqual(
      allianceBalances(data).map((b) => [b.initiative.name, b.support, b.resistance]),
      [
        ['Billing migration', 6, 3],
        ['Pricing revamp', 5, 1],
      ],
      'active ones only, the most resisted first',
    );
  });

  it('initiatives with no champion outside engineering', () => {
    assert.equal(isEngineering('Platform Engineering'), true);
    assert.equal(isEngineering('Sales'), false);
    assert.equal(isEngineering('Reengineering office'), false);
    assert.deepEqual(
      withoutOutsideChampion(data).map((i) => i.name),
      ['Billing migration'],
      "Priya's team is engineering; Pricing has Dana from Product",
    );
  });

  it("a partner's roles line: open initiatives only, by role, the current role", () => {
    assert.equal(rolesLine(data, dana.id, english), 'leads: Pricing revamp · consulted on: Billing migration · informed of: Support reorg');
    assert.equal(rolesLine(data, priya.id, english), 'leads: Billing migration · contributes to: Pricing revamp');
    assert.equal(rolesLine(data, old.id, english), 'consulted on: Pricing revamp');
    assert.equal(rolesLine(data, partner('Nobody', 'Sales').id, english), '');
    const changed = { ...data, stances: [...stances, stance(pricing, marcus, 'supporter', '2026-11-30', { role: 'approves' })] };
    assert.equal(rolesLine(changed, marcus.id, english), 'approves: Pricing revamp · consulted on: Billing migration');
  });
});
