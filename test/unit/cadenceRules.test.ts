// Cadence that fits a tier: the team's rules in alliances.json by tag and by department, the partner's
// own cadence winning over them, and an optional grace period between "due" and "overdue".
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { cadenceOf, cadenceRuleOf, computeDueState, dueStateLabel, type CadencePolicy } from '../../src/core/cadence';
import type { Partner } from '../../src/core/model';
import { duePartners, groupPartners, viewPartners } from '../../src/core/partnerView';
import { english } from '../../src/core/translator';
import { cadenceSourceLabel } from '../../src/core/vocabulary';
import { recordBytes, recordCounts } from '../reliability/counts';
import { Clock, eachTestInTempStore, makeStore, pretty, writeFile } from './helpers';

const NOW = new Date(2026, 10, 21, 12);

function partner(extra: Partial<Partner> = {}): Partner {
  return {
    schemaVersion: 1,
    id: '01kaj3m5x2q8v9c0b1n2d3e4f5',
    name: 'Dana',
    department: 'Vendor',
    createdAt: new Date(2026, 0, 1).toISOString(),
    updatedAt: new Date(2026, 0, 1).toISOString(),
    author: { name: 'Ada' },
    ...extra,
  };
}

const POLICY: CadencePolicy = {
  settingDays: 14,
  team: { cadenceDays: 21, cadenceByTag: { Exec: 7, platform: 10 }, cadenceByDepartment: { vendor: 45 }, graceDays: 3 },
};

describe('cadence rules by tag and department', () => {
  it('the partner’s own cadence wins, then the shortest tag rule, then the department, the team default, the setting', () => {
    assert.deepEqual(cadenceRuleOf(partner({ cadenceDays: 30, tags: ['exec'] }), POLICY), { days: 30, source: 'partner' });
    assert.deepEqual(cadenceRuleOf(partner({ tags: ['platform', 'EXEC'] }), POLICY), { days: 7, source: 'tag', detail: 'Exec' });
    assert.deepEqual(cadenceRuleOf(partner({ tags: ['other'] }), POLICY), { days: 45, source: 'department', detail: 'vendor' });
    assert.deepEqual(cadenceRuleOf(partner({ department: 'Sales' }), POLICY), { days: 21, source: 'team' });
    assert.deepEqual(cadenceRuleOf(partner({ department: 'Sales' }), { settingDays: 14 }), { days: 14, source: 'setting' });
    assert.deepEqual(cadenceRuleOf(partner(), 9), { days: 9, source: 'setting' });
    assert.equal(cadenceOf(partner({ tags: ['exec'] }), POLICY), 7);
  });

  it('says which rule gave the cadence', () => {
    assert.equal(cadenceSourceLabel('tag', 7, 'exec', english), 'every 7 days (team default for tag exec)');
    assert.equal(cadenceSourceLabel('department', 45, 'Vendor', english), 'every 45 days (team default for Vendor)');
    assert.equal(cadenceSourceLabel('team', 21, '', english), 'every 21 days (team default)');
    assert.equal(cadenceSourceLabel('partner', 30, '', english), 'every 30 days');
  });

  it('after the cadence a partner is due for the grace days, then overdue', () => {
    const exec = partner({ tags: ['exec'] });
    const at = (daysAgo: number) => computeDueState(exec, new Date(2026, 10, 21 - daysAgo, 10), POLICY, NOW);
    assert.equal(at(7).status, 'dueSoon', 'due today is still "due today"');
    assert.equal(at(8).status, 'due');
    assert.equal(at(8).label, 'due since yesterday');
    assert.equal(at(10).status, 'due');
    assert.equal(at(10).label, 'due for 3 days');
    assert.equal(dueStateLabel(at(10), NOW, english), 'due for 3 days');
    assert.equal(at(11).status, 'overdue');
    assert.equal(at(11).label, '4 days overdue');
    // Without a grace period, as before.
    assert.equal(
      computeDueState(exec, new Date(2026, 10, 13, 10), { settingDays: 14, team: { cadenceByTag: { exec: 7 } } }, NOW).status,
      'overdue',
    );
  });
});

describe('cadence rules in a store', () => {
  let root: string;
  let clock: Clock;
  eachTestInTempStore(NOW, (fixture) => ({ root, clock } = fixture));

  it('come from alliances.json: the tree, the reminder and the status groups follow them', async () => {
    const store = makeStore(root, { now: clock.now });
    await store.initialize();
    const manifest = path.join(root, 'alliances.json');
    const current = JSON.parse(await fsp.readFile(manifest, 'utf8')) as Record<string, unknown>;
    await fsp.writeFile(
      manifest,
      pretty({ ...current, defaults: { cadenceByTag: { exec: 7 }, cadenceByDepartment: { Vendor: 45 }, graceDays: 2 } }),
    );
    clock.set(new Date(2026, 9, 1));
    const exec = await store.addPartner({ name: 'Exec', department: 'Sales', tags: ['exec'] });
    const vendor = await store.addPartner({ name: 'Vendor', department: 'vendor' });
    const plain = await store.addPartner({ name: 'Plain', department: 'Sales' });
    clock.set(new Date(2026, 10, 12, 10));
    await store.addCheckIn({ partnerId: exec.value.id, kind: 'async', summary: 'x' });
    await store.addCheckIn({ partnerId: vendor.value.id, kind: 'async', summary: 'x' });
    await store.addCheckIn({ partnerId: plain.value.id, kind: 'async', summary: 'x' });
    clock.set(NOW);
    await store.load();
    const views = viewPartners(store, 14, NOW);
    const status = new Map(views.map((v) => [v.record.value.name, v.due.status]));
    // 9 days since: exec (7 days, grace 2) is due; vendor (45) later; plain (setting 14) due soon.
    assert.equal(status.get('Exec'), 'due');
    assert.equal(status.get('Vendor'), 'later');
    assert.equal(status.get('Plain'), 'dueSoon');
    assert.deepEqual(
      duePartners(views).map((v) => v.record.value.name),
      ['Exec'],
    );
    assert.deepEqual(
      groupPartners(views, 'status', false).map((g) => g.key),
      ['due', 'dueSoon', 'later'],
    );
  });

  it('a bad rule is reported in alliances.json and the file keeps its bytes', async () => {
    const store = makeStore(root, { now: clock.now });
    await store.initialize();
    const text = pretty({ format: 'alliances', schemaVersion: 1, defaults: { cadenceByTag: { exec: 0 }, graceDays: -1 } });
    const file = await writeFile(root, 'alliances.json', text);
    await store.load();
    const problem = store.problems().find((p) => p.kind === 'manifest');
    assert.equal(problem?.code, 'schema');
    assert.match(problem?.reason ?? '', /"defaults\.(cadenceByTag\.exec|graceDays)"/);
    assert.equal(recordBytes('unit-bad-input', Buffer.from(text), await fsp.readFile(file)), 0);
    recordCounts('unit-bad-input', { badInputs: 1 });
  });
});

describe('grouping the tree by organisation and by tag', () => {
  let root: string;
  let clock: Clock;
  eachTestInTempStore(NOW, (fixture) => ({ root, clock } = fixture));

  it('puts a partner in each of its tags, those without one last, names as first seen', async () => {
    const store = makeStore(root, { now: clock.now });
    await store.addPartner({ name: 'Ann', department: 'Vendor', organisation: 'Northwind', tags: ['exec', ' launch ', 'EXEC'] });
    await store.addPartner({ name: 'Ben', department: 'Vendor', organisation: 'northwind', tags: ['Launch'] });
    await store.addPartner({ name: 'Cy', department: 'Sales' });
    const views = viewPartners(store, 14, NOW);
    const names = (groups: ReturnType<typeof groupPartners>) => groups.map((g) => [g.label, g.partners.map((p) => p.record.value.name)]);
    assert.deepEqual(store.partners().find((p) => p.value.name === 'Ann')?.value.tags, ['exec', 'launch'], 'trimmed, no repeats');
    assert.deepEqual(names(groupPartners(views, 'tag', false)), [
      ['exec', ['Ann']],
      ['launch', ['Ann', 'Ben']],
      ['No tag', ['Cy']],
    ]);
    assert.deepEqual(names(groupPartners(views, 'organisation', false)), [
      ['Northwind', ['Ann', 'Ben']],
      ['No organisation', ['Cy']],
    ]);
  });

  it('refuses a tag with a space or a comma, writing nothing', async () => {
    const store = makeStore(root, { now: clock.now });
    await assert.rejects(store.addPartner({ name: 'Ann', department: 'Sales', tags: ['two words'] }), /"tags\.0" must be one word/);
    await assert.rejects(store.addPartner({ name: 'Ann', department: 'Sales', tags: ['a,b'] }), /must be one word/);
    assert.equal(store.partners().length, 0);
  });
});
