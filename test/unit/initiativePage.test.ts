// The initiative page's figures with known answers: grid placement (a row per influence, a column per
// interest, most for first in a cell), the roles (every role, nobody is an answer too), each person's
// history oldest first, and who to win over next in its order.
import { strict as assert } from 'node:assert';
import {
  checkInInitiatives,
  formInitiatives,
  GRID_COLUMNS,
  GRID_ROWS,
  gridCell,
  initiativePageData,
  type InitiativePageData,
} from '../../src/core/initiativePage';
import { historyLine, stanceHistory, type InitiativeData } from '../../src/core/initiatives';
import type { CheckIn, Initiative, Partner, Stance } from '../../src/core/model';
import { english } from '../../src/core/translator';
import type { Level, StanceRole, StanceValue } from '../../src/core/vocabulary';
import * as v from 'valibot';
import { InitiativePageDataSchema, InitiativePageMessageSchema } from '../../src/webview/initiativeProtocol';
import { HOSTILE_PAYLOADS } from '../fixtures/hostilePayloads';
import { newId } from './helpers';

const author = { name: 'Ada Lovelace' };
const stamp = '2026-09-01T09:00:00.000Z';

const partner = (name: string, department: string, extra: Partial<Partner> = {}): Partner => ({
  schemaVersion: 1,
  id: newId(),
  name,
  department,
  createdAt: stamp,
  updatedAt: stamp,
  author,
  ...extra,
});

const initiative = (name: string, extra: Partial<Initiative> = {}): Initiative => ({
  schemaVersion: 1,
  id: newId(),
  name,
  status: 'active',
  createdAt: stamp,
  updatedAt: stamp,
  author,
  ...extra,
});

function stance(
  on: Initiative,
  who: Partner,
  value: StanceValue,
  date: string,
  influence: Level,
  interest: Level,
  role: StanceRole,
): Stance {
  return {
    schemaVersion: 1,
    id: newId(),
    initiativeId: on.id,
    partnerId: who.id,
    date: `${date}T10:00:00.000Z`,
    stance: value,
    influence,
    interest,
    role,
    createdAt: stamp,
    updatedAt: stamp,
    author,
  };
}

const checkIn = (who: Partner, date: string, about?: Initiative): CheckIn => ({
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
});

describe('initiative page figures', () => {
  const marcus = partner('Marcus', 'Sales');
  const dana = partner('Dana', 'Product');
  const priya = partner('Priya', 'Platform Engineering');
  const hannah = partner('Hannah', 'Support');
  const jonas = partner('Jonas', 'Finance');
  const elena = partner('Elena', 'Legal');
  const olga = partner('Olga', 'Legal', { archived: true });
  const pricing = initiative('Pricing revamp', { goal: 'One price list', due: '2027-01-31', codeAreas: ['src/pricing/**'] });
  const other = initiative('Billing migration');
  const stances = [
    stance(pricing, marcus, 'skeptic', '2026-10-03', 'high', 'low', 'consulted'),
    stance(pricing, marcus, 'neutral', '2026-11-12', 'high', 'medium', 'approves'),
    stance(pricing, dana, 'champion', '2026-10-01', 'high', 'high', 'leads'),
    stance(pricing, elena, 'supporter', '2026-10-02', 'high', 'high', 'contributes'),
    stance(pricing, priya, 'supporter', '2026-10-01', 'medium', 'high', 'contributes'),
    stance(pricing, hannah, 'blocker', '2026-10-20', 'low', 'high', 'informed'),
    stance(pricing, jonas, 'unknown', '2026-10-20', 'high', 'low', 'consulted'),
    stance(pricing, olga, 'blocker', '2026-10-20', 'high', 'high', 'approves'),
    stance(other, dana, 'blocker', '2026-10-21', 'low', 'low', 'informed'),
  ];
  const data: InitiativeData = {
    initiatives: [pricing, other],
    stances,
    partners: [marcus, dana, priya, hannah, jonas, elena, olga],
    checkIns: [checkIn(marcus, '2026-11-14', pricing), checkIn(jonas, '2026-11-01'), checkIn(marcus, '2026-11-20')],
  };
  const page = initiativePageData(data, pricing.id) as InitiativePageData;
  const names = new Map(data.partners.map((p) => [p.id, p.name]));

  it('the grid: a row per influence (high on top), a column per interest (low on the left)', () => {
    assert.deepEqual(GRID_ROWS, ['high', 'medium', 'low']);
    assert.deepEqual(GRID_COLUMNS, ['low', 'medium', 'high']);
    assert.deepEqual(gridCell('high', 'high'), { row: 0, column: 2 });
    assert.deepEqual(gridCell('low', 'low'), { row: 2, column: 0 });
    assert.deepEqual(gridCell('medium', 'low'), { row: 1, column: 0 });
    assert.deepEqual(
      page.grid.map((cell) => [`${cell.influence}/${cell.interest}`, cell.people.map((id) => names.get(id))]),
      [
        ['high/low', ['Jonas']],
        // Marcus's latest assessment moved him from low to medium interest.
        ['high/medium', ['Marcus']],
        // Most for first: the champion before the supporter; Olga is archived.
        ['high/high', ['Dana', 'Elena']],
        ['medium/low', []],
        ['medium/medium', []],
        ['medium/high', ['Priya']],
        ['low/low', []],
        ['low/medium', []],
        ['low/high', ['Hannah']],
      ],
    );
  });

  it('the people: latest assessments, most for first, archived partners left out', () => {
    assert.deepEqual(
      page.people.map((p) => [p.name, p.stance, p.influence, p.interest, p.role]),
      [
        ['Dana', 'champion', 'high', 'high', 'leads'],
        ['Elena', 'supporter', 'high', 'high', 'contributes'],
        ['Priya', 'supporter', 'medium', 'high', 'contributes'],
        ['Marcus', 'neutral', 'high', 'medium', 'approves'],
        ['Hannah', 'blocker', 'low', 'high', 'informed'],
        ['Jonas', 'unknown', 'high', 'low', 'consulted'],
      ],
    );
    // Support: Dana 3 + Elena 3 + Priya 2; resistance: Hannah 1 (Olga archived); undecided: Marcus, Jonas.
    assert.deepEqual(page.balance, { support: 8, resistance: 1, undecided: 2, outsideChampions: 1 });
    assert.deepEqual(page.initiative, {
      id: pricing.id,
      name: 'Pricing revamp',
      goal: 'One price list',
      status: 'active',
      due: '2027-01-31',
      codeAreas: ['src/pricing/**'],
    });
  });

  it('the roles: every role in order, who holds it now; nobody is an answer too', () => {
    assert.deepEqual(
      page.roles.map((r) => [r.role, r.people]),
      [
        ['leads', ['Dana']],
        ['approves', ['Marcus']],
        ['contributes', ['Elena', 'Priya']],
        ['consulted', ['Jonas']],
        ['informed', ['Hannah']],
      ],
    );
    const bare = initiativePageData({ ...data, stances: [] }, pricing.id);
    assert.deepEqual(
      bare?.roles.map((r) => r.people.length),
      [0, 0, 0, 0, 0],
    );
    assert.deepEqual(
      bare?.grid.flatMap((c) => c.people),
      [],
    );
  });

  it('the history: per person by name, oldest first; the line reads "skeptic (Oct 3) → neutral (Nov 12)"', () => {
    assert.deepEqual(
      page.history.map((h) => [h.name, h.entries.map((e) => `${e.stance} ${e.date.slice(0, 10)}`)]),
      [
        ['Dana', ['champion 2026-10-01']],
        ['Elena', ['supporter 2026-10-02']],
        ['Hannah', ['blocker 2026-10-20']],
        ['Jonas', ['unknown 2026-10-20']],
        ['Marcus', ['skeptic 2026-10-03', 'neutral 2026-11-12']],
        ['Priya', ['supporter 2026-10-01']],
      ],
    );
    assert.equal(historyLine(stanceHistory(stances, pricing.id, marcus.id), english), 'skeptic (Oct 3) → neutral (Nov 12)');
  });

  it('who to win over next: high influence, not supporting, never talked to about it first', () => {
    // Jonas: never talked to about pricing (his check-in was not about it); Marcus: talked about it Nov 14.
    assert.deepEqual(
      page.winOver.map((w) => [w.name, w.stance, w.lastTalked?.slice(0, 10)]),
      [
        ['Jonas', 'unknown', undefined],
        ['Marcus', 'neutral', '2026-11-14'],
      ],
    );
    // Once Jonas is talked to about it after Marcus, Marcus (least recently) comes first.
    const later = initiativePageData({ ...data, checkIns: [...data.checkIns, checkIn(jonas, '2026-11-30', pricing)] }, pricing.id);
    assert.deepEqual(
      later?.winOver.map((w) => w.name),
      ['Marcus', 'Jonas'],
    );
  });

  it("what the host sends matches the page's protocol, hostile text included; bad page messages do not", () => {
    assert.ok(v.safeParse(InitiativePageDataSchema, page).success);
    const hostile = HOSTILE_PAYLOADS.map(({ text }) => text.slice(0, 2000));
    const named = (text: string) => partner(text.slice(0, 200) || 'x', text.slice(0, 100) || 'x');
    const people = hostile.map(named);
    const on = initiative(hostile.join(' ').slice(0, 200), { goal: hostile.join('\n').slice(0, 2000) });
    const assessed = people.map((p, i) => ({
      ...stance(on, p, 'skeptic', '2026-10-03', 'high', 'low', 'consulted'),
      cares: hostile[i],
      offers: hostile[i],
      note: hostile[i],
    }));
    const data = initiativePageData({ initiatives: [on], stances: assessed, partners: people, checkIns: [] }, on.id);
    assert.equal(data?.people.length, HOSTILE_PAYLOADS.length);
    assert.deepEqual(data?.people.map((p) => p.note).sort(), [...hostile].sort(), 'kept byte for byte');
    assert.ok(v.safeParse(InitiativePageDataSchema, data).success);
    for (const raw of [
      { type: 'addTalkingPoint', requestId: 'r1', partnerId: '../x' },
      { type: 'addTalkingPoint', partnerId: marcus.id },
      { type: 'openPartner', requestId: 'r1', id: marcus.id, extra: 1 },
      { type: 'ready', filter: {} },
      { type: 'deleteInitiative', requestId: 'r1' },
    ])
      assert.equal(v.safeParse(InitiativePageMessageSchema, raw).success, false, JSON.stringify(raw));
    assert.ok(v.safeParse(InitiativePageMessageSchema, { type: 'addTalkingPoint', requestId: 'r1', partnerId: marcus.id }).success);
  });

  it('an initiative that is not among the records has no page data', () => {
    assert.equal(initiativePageData(data, newId()), undefined);
  });
});

describe('which initiatives a check-in may be about', () => {
  const hannah = partner('Hannah', 'Support');
  const leo = partner('Leo', 'Sales');
  const nobody = partner('Nobody', 'Legal');
  const billing = initiative('Billing migration');
  const pricing = initiative('Pricing revamp');
  const idea = initiative('An idea', { status: 'idea' });
  const done = initiative('Done deal', { status: 'done' });
  const stances = [
    stance(billing, hannah, 'skeptic', '2026-10-01', 'medium', 'high', 'informed'),
    stance(billing, hannah, 'blocker', '2026-10-09', 'medium', 'high', 'informed'),
    stance(pricing, leo, 'supporter', '2026-10-02', 'low', 'low', 'informed'),
    stance(idea, hannah, 'neutral', '2026-10-03', 'low', 'low', 'informed'),
    stance(done, hannah, 'champion', '2026-10-04', 'low', 'low', 'informed'),
  ];
  const all = [pricing, billing, idea, done];

  it('the quick flow: active initiatives on which one of them has a stance, by name, with the current stance', () => {
    assert.deepEqual(
      checkInInitiatives(all, stances, [hannah.id]).map((i) => [i.name, i.stance]),
      [['Billing migration', 'blocker']],
    );
    assert.deepEqual(checkInInitiatives(all, stances, [nobody.id]), [], 'no stance: no initiative step');
    assert.deepEqual(
      checkInInitiatives(all, stances, [leo.id, hannah.id]).map((i) => [i.name, i.stance, i.partnerId === hannah.id ? 'Hannah' : 'Leo']),
      [
        ['Billing migration', 'blocker', 'Hannah'],
        ['Pricing revamp', 'supporter', 'Leo'],
      ],
      'a group check-in: any of its people',
    );
  });

  it('the full form: theirs first, then every other active initiative', () => {
    assert.deepEqual(
      formInitiatives(all, stances, [hannah.id]).map((i) => [i.name, i.stance]),
      [
        ['Billing migration', 'blocker'],
        ['Pricing revamp', undefined],
      ],
    );
    assert.deepEqual(
      formInitiatives(all, stances, [nobody.id]).map((i) => i.name),
      ['Billing migration', 'Pricing revamp'],
    );
  });
});
