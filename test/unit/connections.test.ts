// Connections between partners ("Dana works with Priya"): one file each, listed from both ends, held
// when either partner is missing, refused with a sentence when bad, hostile text stored byte for byte,
// and merged without conflicts when two teammates add them on two branches (real git).
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { connectionKindLabel, connectionKindLabelFromTarget, isConnectionKind } from '../../src/core/vocabulary';
import { english } from '../../src/core/translator';
import { HOSTILE_PAYLOADS } from '../fixtures/hostilePayloads';
import { recordBytes, recordCounts } from '../reliability/counts';
import {
  ADA,
  BOB,
  Clock,
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

function connectionRecord(id: string, fromId: string, toId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id,
    fromId,
    toId,
    kind: 'works-with',
    createdAt: '2026-11-10T10:00:00.000Z',
    updatedAt: '2026-11-10T10:00:00.000Z',
    author: { name: 'Ada Lovelace' },
    ...extra,
  };
}

describe('connections between partners', () => {
  let root: string;
  let clock: Clock;

  eachTestInTempStore(new Date(2026, 10, 21, 9, 30), (fixture) => ({ root, clock } = fixture));

  async function pair() {
    const store = makeStore(root, { now: clock.now });
    const marcus = await store.addPartner({ name: 'Marcus', department: 'Sales' });
    const elena = await store.addPartner({ name: 'Elena', department: 'Sales' });
    return { store, marcus: marcus.value.id, elena: elena.value.id };
  }

  it('are one file each under connections/, listed on both partners, private ones under private/', async () => {
    const { store, marcus, elena } = await pair();
    const shared = await store.create('connection', { fromId: marcus, toId: elena, kind: 'reports-to', note: 'Since the reorg' });
    const secret = await store.create('connection', { fromId: elena, toId: marcus, kind: 'mentors' }, { private: true });
    assert.equal(path.relative(root, shared.path), path.join('connections', `${shared.value.id}.json`));
    assert.equal(path.relative(root, secret.path), path.join('private', 'connections', `${secret.value.id}.json`));
    const reloaded = makeStore(root, { now: clock.now });
    await reloaded.load();
    for (const id of [marcus, elena])
      assert.deepEqual(
        reloaded
          .ofPartner('connection', id)
          .map((c) => c.value.id)
          .sort(),
        [shared.value.id, secret.value.id].sort(),
      );
    assert.equal(reloaded.get('connection', secret.value.id)?.private, true);
    assert.equal(reloaded.problems().length, 0);
  });

  it('word their kind from either end, and keep an own word as written', () => {
    assert.equal(connectionKindLabel('reports-to', english), 'reports to');
    assert.equal(connectionKindLabelFromTarget('reports-to', english), 'manages');
    assert.equal(connectionKindLabelFromTarget('introduced', english), 'was introduced by');
    assert.equal(connectionKindLabel('sits next to', english), 'sits next to');
    assert.equal(isConnectionKind('works-with'), true);
    assert.equal(isConnectionKind('sits next to'), false);
  });

  it('are refused when a partner is missing or the same on both ends, writing nothing', async () => {
    const { store, marcus } = await pair();
    const before = await listFiles(root);
    const missing = newId();
    const error = await rejectsWithCode(store.create('connection', { fromId: marcus, toId: missing, kind: 'works-with' }), 'not-found');
    assert.ok(error.message.includes(missing), error.message);
    const same = await rejectsWithCode(store.create('connection', { fromId: marcus, toId: marcus, kind: 'works-with' }), 'invalid');
    assert.match(same.message, /"toId" must be another partner than fromId\./);
    await rejectsWithCode(store.create('connection', { fromId: marcus, toId: missing, kind: '  ' }), 'invalid');
    assert.deepEqual(await listFiles(root), before);
  });

  it('a file naming a missing partner is held, reported at that field, and released when the partner appears', async () => {
    const { store, marcus } = await pair();
    const missing = newId();
    const id = newId();
    const text = pretty(connectionRecord(id, marcus, missing));
    const file = await writeFile(root, `connections/${id}.json`, text);
    await store.load();
    const problem = store.problems().find((p) => p.path === file);
    assert.equal(problem?.code, 'missing-partner');
    assert.match(problem?.reason ?? '', new RegExp(`^Partner ${missing} of this connection is not in the store`));
    assert.equal(problem?.location.line, text.split('\n').findIndex((l) => l.includes('"toId"')) + 1);
    assert.equal(store.ofPartner('connection', marcus).length, 0);
    await rejectsWithCode(store.update('connection', id, { note: 'x' }), ['not-found', 'broken-file']);
    assert.equal(recordBytes(SUITE, Buffer.from(text), await fsp.readFile(file)), 0);
    await writeFile(root, `partners/x-${missing}.json`, pretty(partnerRecord(missing)));
    await store.load();
    assert.equal(store.problems().length, 0);
    assert.equal(store.ofPartner('connection', marcus)[0]?.value.id, id);
    recordCounts(SUITE, { badInputs: 1 });
  });

  it('bad files are reported with a sentence naming the field and keep their bytes', async () => {
    const { store, marcus, elena } = await pair();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ toId: marcus }, /"toId" must be another partner than fromId\./],
      [{ kind: '' }, /"kind" must not be empty\./],
      [{ kind: 'x'.repeat(61) }, /"kind" must be at most 60 characters\./],
      [{ kind: undefined }, /"kind" is missing\./],
      [{ note: 'x'.repeat(2001) }, /"note" must be at most 2000 characters\./],
      [{ fromId: 'Marcus' }, /"fromId" must be a 26-character lowercase id\./],
    ];
    const files: [string, string][] = [];
    for (const [extra, reason] of cases) {
      const id = newId();
      const text = pretty(connectionRecord(id, marcus, elena, extra));
      files.push([await writeFile(root, `connections/${id}.json`, text), text]);
      await store.load();
      const problem = store.problems().find((p) => p.id === id);
      assert.equal(problem?.code, 'schema', JSON.stringify(extra));
      assert.match(problem?.reason ?? '', reason);
    }
    await store.create('connection', { fromId: marcus, toId: elena, kind: 'works-with' });
    for (const [file, text] of files) assert.equal(recordBytes(SUITE, Buffer.from(text), await fsp.readFile(file)), 0);
    recordCounts(SUITE, { badInputs: cases.length });
  });

  it('store hostile notes and own kind words byte for byte, as typed', async () => {
    const { store, marcus, elena } = await pair();
    for (const payload of HOSTILE_PAYLOADS) {
      const kind = payload.text.slice(0, 60).trim() || 'x';
      const created = await store.create('connection', { fromId: marcus, toId: elena, kind, note: payload.text.slice(0, 2000) });
      const saved = JSON.parse(await fsp.readFile(created.path, 'utf8')) as { kind: string; note: string };
      assert.equal(saved.note, payload.text.slice(0, 2000), payload.name);
      assert.equal(saved.kind, kind, payload.name);
      assert.equal(connectionKindLabel(saved.kind), kind, 'an own word is shown as written');
    }
    const organisation = await store.updatePartner(marcus, {
      organisation: HOSTILE_PAYLOADS.map((p) => p.text)
        .join(' ')
        .slice(0, 200),
    });
    const reloaded = makeStore(root, { now: clock.now });
    await reloaded.load();
    assert.equal(reloaded.partner(marcus)?.value.organisation, organisation.value.organisation);
    assert.equal(reloaded.ofPartner('connection', elena).length, HOSTILE_PAYLOADS.length);
    recordCounts(SUITE, { hostilePayloads: HOSTILE_PAYLOADS.length * 2 });
  });
});

describe('connections and group check-ins merged from two branches (real git)', () => {
  let repo: MergeRepo;
  eachTestInMergeRepo(new Date(2026, 10, 2, 9, 0), (fixture) => (repo = fixture));

  it('merge without conflicts, and both sides count after the merge', async () => {
    const { clock, storeAs, commitAll } = repo;
    const base = storeAs(ADA);
    const dana = (await base.addPartner({ name: 'Dana', department: 'Product' })).value.id;
    const priya = (await base.addPartner({ name: 'Priya', department: 'Design' })).value.id;
    const marcus = (await base.addPartner({ name: 'Marcus', department: 'Sales' })).value.id;
    commitAll('Three partners');

    repo.git('checkout', '-q', '-b', 'bob');
    const bob = storeAs(BOB);
    await bob.load();
    clock.advanceMs(60_000);
    await bob.addCheckIn({ partnerId: dana, partnerIds: [priya], kind: 'one-on-one', summary: 'Trio (Bob)' });
    await bob.create('connection', { fromId: dana, toId: priya, kind: 'works-with' });
    commitAll('Bob: a trio and a connection');

    repo.git('checkout', '-q', 'main');
    const ada = storeAs(ADA);
    await ada.load();
    clock.advanceMs(60_000);
    await ada.addCheckIn({ partnerId: marcus, partnerIds: [dana], present: [BOB], kind: 'ad-hoc', summary: 'Deal review (Ada)' });
    await ada.create('connection', { fromId: marcus, toId: dana, kind: 'introduced' });
    commitAll('Ada: a group check-in and a connection');

    repo.git('merge', '-q', '--no-edit', 'bob');
    assert.equal(repo.git('status', '--porcelain').trim(), '', 'merged cleanly');
    const merged = storeAs(ADA);
    await merged.load();
    assert.equal(merged.problems().length, 0);
    assert.equal(merged.checkInsOf(dana).length, 2, 'both group check-ins count for Dana');
    assert.equal(merged.ofPartner('connection', dana).length, 2);
    assert.equal(merged.lastCheckIn(priya)?.summary, 'Trio (Bob)');
  });
});
