// The partner page's group check-ins and connections, through the host's message handler on a real
// store: a group check-in covers the talking points of everyone in it and files each action item under
// the partner it is about; a message that reaches outside the group or the page's connections writes
// nothing.
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import type { CheckIn } from '../../src/core/model';
import type { Store } from '../../src/core/store';
import { handlePageMessage, type MessageContext } from '../../src/extension/partnerPage/messageHandler';
import { emptyForm, type CheckInFormInput } from '../../src/webview/protocol';
import { eachTestInTempStore, listFiles, makeStore } from './helpers';

const NOW = new Date(2026, 10, 21, 9, 30);

describe('partner page: group check-ins and connections', () => {
  let root = '';
  let store: Store;
  let ctx: MessageContext;
  let commands: unknown[][];
  let dana = '';
  let marcus = '';
  let elena = '';
  eachTestInTempStore(NOW, (fixture) => {
    root = fixture.root;
  });
  beforeEach(async () => {
    store = makeStore(root);
    await store.load();
    dana = (await store.addPartner({ name: 'Dana', department: 'Product' })).value.id;
    marcus = (await store.addPartner({ name: 'Marcus', department: 'Sales' })).value.id;
    elena = (await store.addPartner({ name: 'Elena', department: 'Sales' })).value.id;
    commands = [];
    ctx = {
      store,
      partnerId: dana,
      now: () => NOW,
      log: { warn: () => undefined, info: () => undefined },
      executeCommand: (...args: unknown[]) => {
        commands.push(args);
        return Promise.resolve(undefined);
      },
    };
  });

  const form = (change: Partial<CheckInFormInput>): CheckInFormInput => ({ ...emptyForm('one-on-one', '4'), summary: 'Trio', ...change });

  it('writes one group check-in: the others and teammates in it, their points covered, each action item with its partner', async () => {
    const point = await store.create('talkingPoint', { partnerId: marcus, text: 'Deal desk' });
    const outcome = await handlePageMessage(
      {
        type: 'submitCheckIn',
        requestId: 'r1',
        form: form({
          partnerIds: [marcus],
          present: [{ name: ' Sam ', email: 'sam@example.com' }],
          covered: [point.value.id],
          actions: [{ text: 'Send the pricing', owner: 'them', teammate: '', due: '', partnerId: marcus }],
          asks: [{ direction: 'i-asked', text: 'Intro to legal', status: 'open' }],
        }),
      },
      ctx,
    );
    assert.equal(outcome.kind === 'reply' && outcome.reply.ok, true, JSON.stringify(outcome));
    const [checkIn] = store.checkInsOf(marcus);
    assert.ok(checkIn);
    const onDisk = JSON.parse(await fsp.readFile(checkIn.path, 'utf8')) as CheckIn;
    assert.deepEqual(onDisk.partnerIds, [dana, marcus]);
    assert.equal(onDisk.partnerId, dana);
    assert.deepEqual(onDisk.present, [{ name: 'Sam', email: 'sam@example.com' }]);
    assert.equal(store.get('talkingPoint', point.value.id)?.value.coveredIn, checkIn.value.id);
    assert.deepEqual(
      store.ofPartner('followUp', marcus).map((f) => f.value.text),
      ['Send the pricing'],
    );
    assert.deepEqual(
      store.ofPartner('ask', dana).map((a) => a.value.text),
      ['Intro to legal'],
      'a row without a partner goes to the page’s partner',
    );
  });

  for (const [what, change] of [
    [
      'a covered point of someone outside the group',
      (ids: { elenaPoint: string }) => ({ partnerIds: [marcus], covered: [ids.elenaPoint] }),
    ],
    [
      'an action item for someone outside the group',
      () => ({ partnerIds: [marcus], actions: [{ text: 'x', owner: 'me', teammate: '', due: '', partnerId: elena }] }),
    ],
    ['a partner of the group that does not exist', () => ({ partnerIds: ['01kaj3m5x2q8v9c0b1n2d3e4f5'] })],
  ] as const) {
    it(`writes nothing for ${what}`, async () => {
      const elenaPoint = (await store.create('talkingPoint', { partnerId: elena, text: 'Quota' })).value.id;
      const before = await listFiles(root);
      const outcome = await handlePageMessage({ type: 'submitCheckIn', requestId: 'r1', form: form(change({ elenaPoint })) }, ctx);
      assert.equal(outcome.kind, 'rejected');
      assert.deepEqual(await listFiles(root), before);
    });
  }

  it('describes a group: the others (not the page’s partner), their open talking points', async () => {
    await store.create('talkingPoint', { partnerId: marcus, text: 'Deal desk' });
    await store.create('talkingPoint', { partnerId: dana, text: 'Mine' });
    const outcome = await handlePageMessage({ type: 'groupAgenda', requestId: 'r1', partnerIds: [dana, marcus] }, ctx);
    assert.equal(outcome.kind, 'group');
    if (outcome.kind !== 'group') return;
    assert.deepEqual(outcome.message.partners, [{ id: marcus, name: 'Marcus' }]);
    assert.deepEqual(
      outcome.message.talkingPoints.map((p) => [p.partnerName, p.text]),
      [['Marcus', 'Deal desk']],
    );
  });

  it('opens and removes only this partner’s connections', async () => {
    const own = await store.create('connection', { fromId: marcus, toId: dana, kind: 'reports-to' });
    const others = await store.create('connection', { fromId: marcus, toId: elena, kind: 'works-with' });
    assert.equal((await handlePageMessage({ type: 'openPartner', requestId: 'r1', id: elena }, ctx)).kind, 'rejected');
    assert.equal((await handlePageMessage({ type: 'removeConnection', requestId: 'r2', id: others.value.id }, ctx)).kind, 'rejected');
    assert.ok(store.get('connection', others.value.id));
    const opened = await handlePageMessage({ type: 'openPartner', requestId: 'r3', id: marcus }, ctx);
    assert.equal(opened.kind === 'reply' && opened.reply.ok, true);
    assert.deepEqual(commands, [['alliances.openPartnerPage', marcus]]);
    const removed = await handlePageMessage({ type: 'removeConnection', requestId: 'r4', id: own.value.id }, ctx);
    assert.equal(removed.kind === 'reply' && removed.reply.message, 'Removed the connection: manages Marcus');
    await assert.rejects(fsp.stat(own.path));
    const add = await handlePageMessage({ type: 'addConnection', requestId: 'r5' }, ctx);
    assert.equal(add.kind, 'reply');
    assert.deepEqual(commands.at(-1), ['alliances.addConnection', dana]);
  });
});
