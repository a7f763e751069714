// Initiatives and stances in the store: one file each, a re-assessment a new file, refused with a
// sentence when bad, held when the partner or the initiative is missing (and released when it comes
// back), hostile text stored byte for byte, unknown fields kept, a newer schema read-only, and merged
// without conflicts when two teammates assess on two branches (real git).
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import * as v from 'valibot';
import { currentStances, stanceHistory } from '../../src/core/initiatives';
import { viewPartners } from '../../src/core/partnerView';
import { buildPageData } from '../../src/extension/partnerPage/pageData';
import { PageDataSchema } from '../../src/webview/protocol';
import type { Store } from '../../src/core/store';
import { HOSTILE_PAYLOADS } from '../fixtures/hostilePayloads';
import { recordBytes, recordCounts } from '../reliability/counts';
import {
  ADA,
  BOB,
  Clock,
  checkInRecord,
  eachTestInTempStore,
  listFiles,
  makeStore,
  newId,
  partnerRecord,
  pretty,
  rejectsWithCode,
  writeFile,
  eachTestInMergeRepo,
  type MergeRepo,
} from './helpers';

const SUITE = 'unit-bad-input';

function initiativeRecord(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id,
    name: 'Pricing revamp',
    status: 'active',
    createdAt: '2026-11-10T10:00:00.000Z',
    updatedAt: '2026-11-10T10:00:00.000Z',
    author: { name: 'Ada Lovelace' },
    ...extra,
  };
}

function stanceRecord(id: string, initiativeId: string, partnerId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id,
    initiativeId,
    partnerId,
    date: '2026-11-10T10:00:00.000Z',
    stance: 'skeptic',
    influence: 'high',
    interest: 'medium',
    role: 'consulted',
    createdAt: '2026-11-10T10:00:00.000Z',
    updatedAt: '2026-11-10T10:00:00.000Z',
    author: { name: 'Ada Lovelace' },
    ...extra,
  };
}

const assess = (store: Store, initiativeId: string, partnerId: string, date: Date, extra: Record<string, unknown> = {}) =>
  store.create('stance', {
    initiativeId,
    partnerId,
    date: date.toISOString(),
    stance: 'skeptic',
    influence: 'high',
    interest: 'medium',
    role: 'consulted',
    ...extra,
  });

describe('initiatives and stances in the store', () => {
  let root: string;
  let clock: Clock;

  eachTestInTempStore(new Date(2026, 10, 21, 9, 30), (fixture) => ({ root, clock } = fixture));

  async function setUp() {
    const store = makeStore(root, { now: clock.now });
    const marcus = (await store.addPartner({ name: 'Marcus', department: 'Sales' })).value.id;
    const pricing = await store.create('initiative', {
      name: 'Pricing revamp',
      goal: 'One price list',
      status: 'active',
      due: '2027-03-31',
    });
    return { store, marcus, pricing: pricing.value.id, pricingPath: pricing.path };
  }

  it('are one file each under initiatives/ and stances/; a re-assessment is a new file and the latest counts', async () => {
    const { store, marcus, pricing, pricingPath } = await setUp();
    assert.equal(path.relative(root, pricingPath), path.join('initiatives', `${pricing}.json`));
    const first = await assess(store, pricing, marcus, new Date(2026, 9, 3));
    const second = await assess(store, pricing, marcus, new Date(2026, 10, 12), { stance: 'neutral', cares: 'Quota relief' });
    assert.equal(path.relative(root, first.path), path.join('stances', `${first.value.id}.json`));
    assert.notEqual(first.path, second.path);
    const reloaded = makeStore(root, { now: clock.now });
    await reloaded.load();
    assert.equal(reloaded.problems().length, 0);
    const stances = reloaded.all('stance').map((s) => s.value);
    assert.deepEqual(
      stanceHistory(stances, pricing, marcus).map((s) => s.stance),
      ['skeptic', 'neutral'],
    );
    assert.deepEqual(
      currentStances(stances, pricing).map((s) => [s.stance, s.cares]),
      [['neutral', 'Quota relief']],
    );
    assert.equal(reloaded.ofPartner('stance', marcus).length, 2);
    assert.equal(reloaded.get('initiative', pricing)?.value.due, '2027-03-31');
  });

  it("the partner page gets the partner's roles line, and none when they have no open role", async () => {
    const { store, marcus, pricing } = await setUp();
    const billing = (await store.create('initiative', { name: 'Billing migration', status: 'idea' })).value.id;
    const legacy = (await store.create('initiative', { name: 'Legacy sunset', status: 'done' })).value.id;
    await assess(store, pricing, marcus, new Date(2026, 9, 3), { role: 'informed' });
    await assess(store, pricing, marcus, new Date(2026, 10, 3), { role: 'leads' });
    await assess(store, billing, marcus, new Date(2026, 10, 3));
    await assess(store, legacy, marcus, new Date(2026, 10, 3), { role: 'approves' });
    const page = (id: string) => {
      const view = viewPartners(store, 14, clock.now()).find((item) => item.record.value.id === id);
      assert.ok(view);
      return v.parse(PageDataSchema, buildPageData(store, view, { defaultCadenceDays: 14, now: clock.now() }));
    };
    assert.equal(page(marcus).partner.initiativeRoles, 'leads: Pricing revamp · consulted on: Billing migration');
    const other = (await store.addPartner({ name: 'Elena', department: 'Sales' })).value.id;
    assert.equal(page(other).partner.initiativeRoles, undefined);
  });

  it('a check-in may name its initiative; the field is left out when it names none', async () => {
    const { store, marcus, pricing } = await setUp();
    const about = await store.addCheckIn({ partnerId: marcus, kind: 'one-on-one', summary: 'Pricing', initiativeId: pricing });
    const plain = await store.addCheckIn({ partnerId: marcus, kind: 'one-on-one', summary: 'Other' });
    assert.equal((JSON.parse(await fsp.readFile(about.path, 'utf8')) as { initiativeId?: string }).initiativeId, pricing);
    assert.equal('initiativeId' in (JSON.parse(await fsp.readFile(plain.path, 'utf8')) as object), false);
  });

  it('refuses a stance or check-in naming a missing partner or initiative, and a bad value, writing nothing', async () => {
    const { store, marcus, pricing } = await setUp();
    const before = await listFiles(root);
    const missing = newId();
    const noInitiative = await rejectsWithCode(assess(store, missing, marcus, clock.now()), 'not-found');
    assert.equal(noInitiative.message, `No initiative with id ${missing} in the store; nothing was saved.`);
    const noPartner = await rejectsWithCode(assess(store, pricing, missing, clock.now()), 'not-found');
    assert.ok(noPartner.message.includes(missing), noPartner.message);
    await rejectsWithCode(store.addCheckIn({ partnerId: marcus, kind: 'ad-hoc', summary: 'x', initiativeId: missing }), 'not-found');
    const bad = await rejectsWithCode(assess(store, pricing, marcus, clock.now(), { stance: 'foe' }), 'invalid');
    assert.equal(bad.message, 'Not saved: "stance" must be one of champion, supporter, neutral, skeptic, blocker, unknown.');
    const noName = await rejectsWithCode(store.create('initiative', { name: '  ', status: 'idea' }), 'invalid');
    assert.match(noName.message, /"name" must not be empty\./);
    assert.deepEqual(await listFiles(root), before);
  });

  it('a stance or check-in whose initiative file is missing is held, reported at initiativeId, and released when it appears', async () => {
    const { store, marcus } = await setUp();
    const missing = newId();
    const stanceId = newId();
    const stanceText = pretty(stanceRecord(stanceId, missing, marcus));
    const stanceFile = await writeFile(root, `stances/${stanceId}.json`, stanceText);
    const checkInId = newId();
    const checkInText = pretty(checkInRecord(checkInId, marcus, { initiativeId: missing }));
    const checkInFile = await writeFile(root, `checkins/2026/${checkInId}.json`, checkInText);
    await store.load();
    const stanceProblem = store.problems().find((p) => p.path === stanceFile);
    assert.equal(stanceProblem?.code, 'missing-initiative');
    assert.match(stanceProblem?.reason ?? '', new RegExp(`^This stance's initiative ${missing} is not in the store`));
    assert.equal(stanceProblem?.location.line, stanceText.split('\n').findIndex((l) => l.includes('"initiativeId"')) + 1);
    const checkInProblem = store.problems().find((p) => p.path === checkInFile);
    assert.equal(checkInProblem?.code, 'missing-initiative');
    assert.match(checkInProblem?.reason ?? '', /^This check-in's initiative .* it is not counted\./);
    assert.equal(store.all('stance').length, 0);
    assert.equal(store.lastCheckIn(marcus), undefined, 'a held check-in does not count for the cadence');
    await rejectsWithCode(store.update('stance', stanceId, { note: 'x' }), ['not-found', 'broken-file']);
    assert.equal(recordBytes(SUITE, Buffer.from(stanceText), await fsp.readFile(stanceFile)), 0);
    assert.equal(recordBytes(SUITE, Buffer.from(checkInText), await fsp.readFile(checkInFile)), 0);

    const initiativeFile = await writeFile(root, `initiatives/${missing}.json`, pretty(initiativeRecord(missing)));
    await store.reloadFile(initiativeFile);
    assert.equal(store.problems().length, 0);
    assert.equal(store.all('stance')[0]?.value.id, stanceId);
    assert.equal(store.lastCheckIn(marcus)?.id, checkInId);

    // The initiative goes again (a teammate deleted it on their branch): both are held once more.
    await fsp.rm(initiativeFile);
    await store.reloadFile(initiativeFile);
    assert.deepEqual(
      store
        .problems()
        .map((p) => p.code)
        .sort(),
      ['missing-initiative', 'missing-initiative'],
    );
    recordCounts(SUITE, { badInputs: 3 });
  });

  it('a stance whose partner is missing is held like any record of a missing partner', async () => {
    const { store, pricing } = await setUp();
    const missing = newId();
    const id = newId();
    const text = pretty(stanceRecord(id, pricing, missing));
    const file = await writeFile(root, `stances/${id}.json`, text);
    await store.load();
    const problem = store.problems().find((p) => p.path === file);
    assert.equal(problem?.code, 'missing-partner');
    assert.match(problem?.reason ?? '', new RegExp(`^This stance's partner ${missing} is not in the store`));
    await writeFile(root, `partners/x-${missing}.json`, pretty(partnerRecord(missing)));
    await store.load();
    assert.equal(store.problems().length, 0);
    assert.equal(store.ofPartner('stance', missing).length, 1);
    recordCounts(SUITE, { badInputs: 1 });
  });

  it('bad files are reported with a sentence naming the field and keep their bytes', async () => {
    const { store, marcus, pricing } = await setUp();
    const stanceCases: [Record<string, unknown>, RegExp][] = [
      [{ stance: 'ally' }, /"stance" must be one of champion, supporter, neutral, skeptic, blocker, unknown\./],
      [{ influence: 'huge' }, /"influence" must be one of high, medium, low\./],
      [{ interest: undefined }, /"interest" is missing\./],
      [{ role: 'owner' }, /"role" must be one of leads, approves, contributes, consulted, informed\./],
      [{ cares: 'x'.repeat(2001) }, /"cares" must be at most 2000 characters\./],
      [{ date: '2026-02-30T10:00:00.000Z' }, /"date"/],
      [{ initiativeId: 'Pricing' }, /"initiativeId" must be a 26-character lowercase id\./],
    ];
    const initiativeCases: [Record<string, unknown>, RegExp][] = [
      [{ status: 'paused' }, /"status" must be one of idea, active, done, dropped\./],
      [{ name: '' }, /"name" must not be empty\./],
      [{ due: '31/03/2027' }, /"due" must be an ISO date, e.g\. 2026-12-02\./],
      [{ goal: 'x'.repeat(2001) }, /"goal" must be at most 2000 characters\./],
    ];
    const files: [string, string][] = [];
    for (const [kind, cases] of [
      ['stance', stanceCases],
      ['initiative', initiativeCases],
    ] as const) {
      for (const [extra, reason] of cases) {
        const id = newId();
        const record = kind === 'stance' ? stanceRecord(id, pricing, marcus, extra) : initiativeRecord(id, extra);
        const text = pretty(record);
        files.push([await writeFile(root, `${kind === 'stance' ? 'stances' : 'initiatives'}/${id}.json`, text), text]);
        await store.load();
        const problem = store.problems().find((p) => p.id === id);
        assert.equal(problem?.code, 'schema', JSON.stringify(extra));
        assert.match(problem?.reason ?? '', reason);
      }
    }
    await assess(store, pricing, marcus, clock.now());
    for (const [file, text] of files) assert.equal(recordBytes(SUITE, Buffer.from(text), await fsp.readFile(file)), 0);
    recordCounts(SUITE, { badInputs: stanceCases.length + initiativeCases.length });
  });

  it('store hostile text in every text field byte for byte', async () => {
    const { store, marcus } = await setUp();
    for (const payload of HOSTILE_PAYLOADS) {
      const name = payload.text.slice(0, 200).trim() || 'x';
      const initiative = await store.create('initiative', { name, goal: payload.text.slice(0, 2000), status: 'idea' });
      const text = payload.text.slice(0, 2000);
      const stance = await assess(store, initiative.value.id, marcus, clock.now(), { cares: text, offers: text, note: text });
      const savedInitiative = JSON.parse(await fsp.readFile(initiative.path, 'utf8')) as { name: string; goal: string };
      const savedStance = JSON.parse(await fsp.readFile(stance.path, 'utf8')) as { cares: string; offers: string; note: string };
      assert.equal(savedInitiative.name, name, payload.name);
      assert.equal(savedInitiative.goal, text, payload.name);
      assert.deepEqual([savedStance.cares, savedStance.offers, savedStance.note], [text, text, text], payload.name);
    }
    const reloaded = makeStore(root, { now: clock.now });
    await reloaded.load();
    assert.equal(reloaded.problems().length, 0);
    assert.equal(reloaded.all('stance').length, HOSTILE_PAYLOADS.length);
    recordCounts(SUITE, { hostilePayloads: HOSTILE_PAYLOADS.length * 5 });
  });

  it('keep fields a newer version added; a newer schema is read-only and never rewritten', async () => {
    const { store, marcus, pricing } = await setUp();
    const id = newId();
    const file = await writeFile(root, `stances/${id}.json`, pretty(stanceRecord(id, pricing, marcus, { confidence: 0.8, tags: ['q1'] })));
    const initiativeId = newId();
    const initiativeFile = await writeFile(
      root,
      `initiatives/${initiativeId}.json`,
      pretty(initiativeRecord(initiativeId, { sponsor: 'CEO' })),
    );
    await store.load();
    await store.update('stance', id, { note: 'Edited' });
    await store.update('initiative', initiativeId, { status: 'done' });
    const saved = JSON.parse(await fsp.readFile(file, 'utf8')) as Record<string, unknown>;
    assert.deepEqual([saved['confidence'], saved['tags'], saved['note']], [0.8, ['q1'], 'Edited']);
    assert.equal((JSON.parse(await fsp.readFile(initiativeFile, 'utf8')) as Record<string, unknown>)['sponsor'], 'CEO');

    // A newer initiative this build can read is read-only; one it cannot read is reported, and the
    // stances on it are not held as dangling (the file is there).
    const newer = newId();
    const newerText = pretty(initiativeRecord(newer, { schemaVersion: 2, sponsor: 'CEO' }));
    const newerFile = await writeFile(root, `initiatives/${newer}.json`, newerText);
    const newerStance = newId();
    const newerStanceText = pretty(stanceRecord(newerStance, newer, marcus, { schemaVersion: 2, confidence: 0.5 }));
    const newerStanceFile = await writeFile(root, `stances/${newerStance}.json`, newerStanceText);
    const unreadable = newId();
    await writeFile(root, `initiatives/${unreadable}.json`, pretty(initiativeRecord(unreadable, { schemaVersion: 2, status: 'on-hold' })));
    const onUnreadable = newId();
    await writeFile(root, `stances/${onUnreadable}.json`, pretty(stanceRecord(onUnreadable, unreadable, marcus)));
    await store.load();
    assert.equal(store.get('initiative', newer)?.readOnly, true);
    assert.equal(store.get('stance', newerStance)?.readOnly, true);
    assert.deepEqual(
      store.problems().map((p) => [p.id, p.code]),
      [[unreadable, 'newer-version']],
    );
    assert.equal(store.get('stance', onUnreadable)?.readOnly, false, 'not held: its initiative is there, only unreadable');
    await rejectsWithCode(store.update('initiative', newer, { name: 'x' }), 'read-only');
    await rejectsWithCode(store.update('stance', newerStance, { note: 'x' }), 'read-only');
    assert.equal(recordBytes(SUITE, Buffer.from(newerText), await fsp.readFile(newerFile)), 0);
    assert.equal(recordBytes(SUITE, Buffer.from(newerStanceText), await fsp.readFile(newerStanceFile)), 0);
  });
});

describe('stances merged from two branches (real git)', () => {
  let repo: MergeRepo;
  eachTestInMergeRepo(new Date(2026, 10, 2, 9, 0), (fixture) => (repo = fixture));

  it('merge without conflicts, and the latest assessment of either branch is the current one', async () => {
    const { storeAs, commitAll } = repo;
    const base = storeAs(ADA);
    const marcus = (await base.addPartner({ name: 'Marcus', department: 'Sales' })).value.id;
    const dana = (await base.addPartner({ name: 'Dana', department: 'Product' })).value.id;
    const pricing = (await base.create('initiative', { name: 'Pricing revamp', status: 'active' })).value.id;
    await assess(base, pricing, marcus, new Date(2026, 9, 3));
    commitAll('An initiative and a first assessment');

    repo.git('checkout', '-q', '-b', 'bob');
    const bob = storeAs(BOB);
    await bob.load();
    await assess(bob, pricing, marcus, new Date(2026, 10, 12), { stance: 'neutral' });
    await bob.create('initiative', { name: 'Billing migration', status: 'idea' });
    commitAll('Bob: Marcus re-assessed, a second initiative');

    repo.git('checkout', '-q', 'main');
    const ada = storeAs(ADA);
    await ada.load();
    await assess(ada, pricing, dana, new Date(2026, 10, 5), { stance: 'champion', role: 'leads' });
    await assess(ada, pricing, marcus, new Date(2026, 10, 1), { stance: 'blocker' });
    commitAll('Ada: Dana assessed, Marcus too');

    repo.git('merge', '-q', '--no-edit', 'bob');
    assert.equal(repo.git('status', '--porcelain').trim(), '', 'merged cleanly');
    const merged = storeAs(ADA);
    await merged.load();
    assert.equal(merged.problems().length, 0);
    assert.equal(merged.all('initiative').length, 2);
    const stances = merged.all('stance').map((s) => s.value);
    assert.deepEqual(
      stanceHistory(stances, pricing, marcus).map((s) => s.stance),
      ['skeptic', 'blocker', 'neutral'],
      'both branches in the history, by date',
    );
    assert.deepEqual(
      currentStances(stances, pricing)
        .map((s) => s.stance)
        .sort(),
      ['champion', 'neutral'],
    );
  });
});
