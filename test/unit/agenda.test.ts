import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { checkSnippet, followUpDueLabel, isOverdue, openAgendaCounts, openFollowUps, openTalkingPoints } from '../../src/core/agenda';
import type { FollowUp } from '../../src/core/model';
import type { Loaded } from '../../src/core/store';
import { makeStore, makeTempDir, removeTempDir } from './helpers';

const NOW = new Date(2026, 10, 21, 9, 30);

function followUp(id: string, extra: Partial<FollowUp>): Loaded<FollowUp> {
  return {
    path: `/x/${id}.json`,
    readOnly: false,
    private: false,
    value: {
      schemaVersion: 1,
      id,
      partnerId: 'p',
      text: id,
      owner: 'me',
      createdAt: `2026-11-0${id.length}T00:00:00.000Z`,
      updatedAt: '2026-11-01T00:00:00.000Z',
      author: { name: 'A' },
      ...extra,
    },
  };
}

describe('agenda: talking points and follow-ups', () => {
  it('orders open follow-ups overdue first, then by due date, undated last; done ones are left out', () => {
    const list = [
      followUp('undated', {}),
      followUp('soon', { due: '2026-11-23' }),
      followUp('late', { due: '2026-11-19' }),
      followUp('done', { due: '2026-11-01', done: true }),
      followUp('today', { due: '2026-11-21' }),
    ];
    assert.deepEqual(
      openFollowUps(list).map((f) => f.value.id),
      ['late', 'today', 'soon', 'undated'],
    );
    assert.equal(followUpDueLabel(list[2].value, NOW), '2 days overdue');
    assert.equal(followUpDueLabel(list[0].value, NOW), undefined);
    assert.equal(isOverdue(list[2].value, NOW), true);
    assert.equal(isOverdue(list[3].value, NOW), false, 'done is never overdue');
    assert.equal(isOverdue(list[4].value, NOW), false, 'due today is not overdue yet');
  });

  it('keeps talking points on the agenda until covered, oldest first', async () => {
    const dir = await makeTempDir();
    try {
      let now = new Date(2026, 10, 1);
      const store = makeStore(path.join(dir, '.alliances'), { now: () => now });
      await store.load();
      const dana = await store.addPartner({ name: 'Dana', department: 'Product' });
      const first = await store.create('talkingPoint', { partnerId: dana.value.id, text: 'first' });
      now = new Date(2026, 10, 2);
      const second = await store.create('talkingPoint', { partnerId: dana.value.id, text: 'second' });
      await store.create('talkingPoint', { partnerId: dana.value.id, text: 'covered', coveredAt: now.toISOString() });
      assert.deepEqual(
        openTalkingPoints(store, dana.value.id).map((p) => p.value.text),
        ['first', 'second'],
      );
      await store.update('talkingPoint', first.value.id, { coveredAt: now.toISOString() });
      assert.deepEqual(
        openTalkingPoints(store, dana.value.id).map((p) => p.value.id),
        [second.value.id],
      );
    } finally {
      await removeTempDir(dir);
    }
  });

  it("counts every partner's open agenda in one pass: open talking points and follow-ups not done", async () => {
    const dir = await makeTempDir();
    try {
      const store = makeStore(path.join(dir, '.alliances'));
      await store.load();
      const dana = await store.addPartner({ name: 'Dana', department: 'Product' });
      const eli = await store.addPartner({ name: 'Eli', department: 'Sales' });
      const quiet = await store.addPartner({ name: 'Quiet', department: 'Sales' });
      await store.create('talkingPoint', { partnerId: dana.value.id, text: 'open' });
      await store.create('talkingPoint', { partnerId: dana.value.id, text: 'covered', coveredAt: new Date().toISOString() });
      await store.create('followUp', { partnerId: dana.value.id, text: 'to do', owner: 'me' });
      await store.create('followUp', { partnerId: eli.value.id, text: 'done', owner: 'them', done: true });
      await store.create('followUp', { partnerId: eli.value.id, text: 'open', owner: 'them' });
      const counts = openAgendaCounts(store);
      assert.equal(counts.get(dana.value.id), 2);
      assert.equal(counts.get(eli.value.id), 1);
      assert.equal(counts.get(quiet.value.id), undefined);
      // The same answer as listing each agenda.
      for (const partner of store.partners()) {
        const listed =
          openTalkingPoints(store, partner.value.id).length + openFollowUps(store.ofPartner('followUp', partner.value.id)).length;
        assert.equal(counts.get(partner.value.id) ?? 0, listed, partner.value.name);
      }
    } finally {
      await removeTempDir(dir);
    }
  });
});

describe('checkSnippet: has the quoted code moved or changed?', () => {
  const file = 'a\nb\nfunction f() {\n  return 1;\n}\nz\n';

  it('is the same at the same lines (line endings and trailing spaces aside)', () => {
    assert.deepEqual(checkSnippet('function f() {\n  return 1;', file, 3, 4), { state: 'same' });
    assert.deepEqual(checkSnippet('function f() {  \r\n  return 1;', file.replace(/\n/g, '\r\n'), 3, 4), { state: 'same' });
  });

  it('finds code that moved, and says where', () => {
    assert.deepEqual(checkSnippet('function f() {\n  return 1;', `x\ny\n${file}`, 3, 4), { state: 'moved', line: 5 });
  });

  it('says changed when the code is nowhere in the file', () => {
    assert.deepEqual(checkSnippet('function f() {\n  return 2;', file, 3, 4), { state: 'changed' });
    assert.deepEqual(checkSnippet('function f() {', '', 3, 3), { state: 'changed' });
  });
});
