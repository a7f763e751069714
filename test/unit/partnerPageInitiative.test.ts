// The full check-in form's "About an initiative" choice on a real store: the page is offered the shared
// active initiatives (the partner's own first, with their stance); a chosen one is written on the
// check-in; one the form did not offer (done, private, missing) is a field error and nothing is written.
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import * as v from 'valibot';
import { newId } from '../../src/core/ids';
import type { CheckIn } from '../../src/core/model';
import { viewPartners } from '../../src/core/partnerView';
import type { Store } from '../../src/core/store';
import { handlePageMessage, type MessageContext } from '../../src/extension/partnerPage/messageHandler';
import { buildPageData } from '../../src/extension/partnerPage/pageData';
import { emptyForm, PageDataSchema, type CheckInFormInput } from '../../src/webview/protocol';
import { Clock, listFiles, makeStore, makeTempDir, removeTempDir } from './helpers';

const NOW = new Date(2026, 10, 21, 9, 30);

async function snapshot(root: string): Promise<Map<string, string>> {
  const files = await listFiles(root);
  return new Map(await Promise.all(files.map(async (file) => [file, await fsp.readFile(path.join(root, file), 'utf8')] as const)));
}

describe('partner page: a check-in about an initiative', () => {
  let dir: string;
  let root: string;
  let store: Store;
  let hannah: string;
  let ids: Record<'billing' | 'pricing' | 'done' | 'secret', string>;
  let ctx: MessageContext;

  const form = (change: Partial<CheckInFormInput> = {}): CheckInFormInput => ({
    ...emptyForm('one-on-one', '4'),
    summary: 'Talked billing',
    ...change,
  });
  const submit = (change: Partial<CheckInFormInput>) =>
    handlePageMessage({ type: 'submitCheckIn', requestId: 'r1', form: form(change) }, ctx);

  beforeEach(async () => {
    dir = await makeTempDir();
    root = path.join(dir, '.alliances');
    const clock = new Clock(new Date(2026, 10, 1, 9));
    store = makeStore(root, { now: clock.now });
    await store.initialize();
    hannah = (await store.addPartner({ name: 'Hannah Okafor', department: 'Support' })).value.id;
    const add = async (name: string, status: 'active' | 'done', isPrivate = false) =>
      (await store.create('initiative', { name, status }, { private: isPrivate })).value.id;
    ids = {
      pricing: await add('Pricing revamp', 'active'),
      billing: await add('Billing migration', 'active'),
      done: await add('Legacy sunset', 'done'),
      secret: await add('Secret reorg', 'active', true),
    };
    const stance = { partnerId: hannah, date: NOW.toISOString(), influence: 'medium', interest: 'high', role: 'informed' } as const;
    await store.create('stance', { ...stance, initiativeId: ids.billing, stance: 'blocker' });
    await store.create('stance', { ...stance, initiativeId: ids.done, stance: 'champion' });
    clock.set(NOW);
    ctx = {
      store,
      partnerId: hannah,
      now: () => NOW,
      log: { warn: () => undefined, info: () => undefined },
      executeCommand: () => Promise.resolve(undefined),
    };
  });
  afterEach(() => removeTempDir(dir));

  it('offers the shared active initiatives, the partner’s own first with their stance', () => {
    const view = viewPartners(store, 14, NOW).find((item) => item.record.value.id === hannah)!;
    const data = buildPageData(store, view, { defaultCadenceDays: 14, now: NOW });
    assert.deepEqual(data.form.initiatives, [
      { value: ids.billing, label: 'Billing migration (blocker)' },
      { value: ids.pricing, label: 'Pricing revamp' },
    ]);
    assert.ok(v.safeParse(PageDataSchema, data).success, 'the page data matches the protocol');
  });

  it('writes the chosen initiative on the check-in; none writes none', async () => {
    const outcome = await submit({ initiativeId: ids.billing });
    assert.equal(outcome.kind, 'reply');
    const written = store.checkIns().find((c) => c.value.summary === 'Talked billing');
    assert.ok(written);
    assert.equal((JSON.parse(await fsp.readFile(written.path, 'utf8')) as CheckIn).initiativeId, ids.billing);
    await submit({ summary: 'Nothing in particular', initiativeId: '' });
    const plain = store.checkIns().find((c) => c.value.summary === 'Nothing in particular');
    assert.ok(plain);
    assert.equal('initiativeId' in (JSON.parse(await fsp.readFile(plain.path, 'utf8')) as CheckIn), false);
  });

  it('an initiative the form did not offer is a field error, and nothing is written', async () => {
    for (const initiativeId of [ids.done, ids.secret, newId()]) {
      const before = await snapshot(root);
      const outcome = await submit({ initiativeId });
      assert.equal(outcome.kind, 'reply');
      const reply = outcome.kind === 'reply' ? outcome.reply : undefined;
      assert.equal(reply?.type === 'result' && reply.ok, false);
      assert.match(JSON.stringify(reply), /initiativeId/);
      assert.deepEqual(await snapshot(root), before, `nothing was written for ${initiativeId}`);
    }
  });
});
