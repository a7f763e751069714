// The partner page host's message handler on a real store in a temp folder: malformed, unknown,
// path-traversing and cross-partner messages are rejected with no write at all (byte-for-byte the same
// store) and logged; valid requests do exactly what they say; the full check-in form is validated as a
// whole and written check-in first, reporting what was saved when a later step fails.
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { Ask, FollowUp, TalkingPoint } from '../../src/core/model';
import type { Loaded, Store } from '../../src/core/store';
import {
  handlePageMessage,
  OPEN_TALKING_POINT_COMMAND,
  type MessageContext,
  type Outcome,
} from '../../src/extension/partnerPage/messageHandler';
import { emptyForm, type CheckInFormInput } from '../../src/webview/protocol';
import { HOSTILE_PAYLOADS } from '../fixtures/hostilePayloads';
import { recordCounts } from '../reliability/counts';
import { Clock, errnoError, faultPort, listFiles, makeStore, makeTempDir, removeTempDir, type RecordingPort } from './helpers';

const NOW = new Date(2026, 10, 21, 9, 30);

interface Fixture {
  store: Store;
  port: RecordingPort;
  root: string;
  dana: string;
  marcus: string;
  danaFollowUp: Loaded<FollowUp>;
  danaPoint: Loaded<TalkingPoint>;
  danaCodePoint: Loaded<TalkingPoint>;
  danaAsk: Loaded<Ask>;
  marcusFollowUp: Loaded<FollowUp>;
  marcusPoint: Loaded<TalkingPoint>;
  marcusAsk: Loaded<Ask>;
}

/** Every file of the store with its bytes: "nothing was written" means this stays equal. */
async function snapshot(root: string): Promise<Map<string, string>> {
  const files = await listFiles(root);
  return new Map(await Promise.all(files.map(async (file) => [file, await fsp.readFile(path.join(root, file), 'utf8')] as const)));
}

function form(change: Partial<CheckInFormInput> = {}): CheckInFormInput {
  return { ...emptyForm('one-on-one', '4'), summary: 'Talked roadmap', ...change };
}

describe('partner page: messages from the page', () => {
  let dir: string;
  let fx: Fixture;
  let warnings: string[];
  let commands: unknown[][];
  let ctx: MessageContext;

  beforeEach(async () => {
    dir = await makeTempDir();
    const root = path.join(dir, '.alliances');
    const port = faultPort();
    const clock = new Clock(new Date(2026, 10, 1, 9));
    const store = makeStore(root, { fs: port, now: clock.now });
    await store.load();
    const dana = (await store.addPartner({ name: 'Dana Whitfield', department: 'Product' })).value.id;
    const marcus = (await store.addPartner({ name: 'Marcus Ortega', department: 'Sales' })).value.id;
    fx = {
      store,
      port,
      root,
      dana,
      marcus,
      danaFollowUp: await store.create('followUp', { partnerId: dana, text: 'Send estimates', owner: 'me' }),
      danaPoint: await store.create('talkingPoint', { partnerId: dana, text: 'Pricing copy' }),
      danaCodePoint: await store.create('talkingPoint', {
        partnerId: dana,
        text: 'Retry policy',
        source: { path: 'src/billing/invoice.ts', startLine: 1, endLine: 3 },
      }),
      danaAsk: await store.create('ask', { partnerId: dana, direction: 'i-asked', text: 'Fewer mid-sprint asks', status: 'open' }),
      marcusFollowUp: await store.create('followUp', { partnerId: marcus, text: 'SSO dates', owner: 'me' }),
      marcusPoint: await store.create('talkingPoint', { partnerId: marcus, text: 'SSO' }),
      marcusAsk: await store.create('ask', { partnerId: marcus, direction: 'they-asked', text: 'Deal support', status: 'open' }),
    };
    clock.set(NOW);
    warnings = [];
    commands = [];
    ctx = {
      store,
      partnerId: dana,
      now: () => NOW,
      log: { warn: (message) => warnings.push(message), info: () => undefined },
      executeCommand: (...args: unknown[]) => {
        commands.push(args);
        return Promise.resolve(undefined);
      },
    };
  });
  afterEach(() => removeTempDir(dir));

  async function expectRejected(raw: unknown, reason?: RegExp): Promise<Outcome> {
    const before = await snapshot(fx.root);
    const outcome = await handlePageMessage(raw, ctx);
    assert.equal(outcome.kind, 'rejected', `accepted: ${JSON.stringify(raw)?.slice(0, 200)}`);
    assert.deepEqual(await snapshot(fx.root), before, 'nothing was written');
    assert.deepEqual(commands, [], 'no command ran');
    assert.equal(warnings.length, 1, 'logged once');
    if (reason) assert.match(warnings[0] ?? '', reason);
    warnings = [];
    return outcome;
  }

  it('rejects what is not a protocol message at all', async () => {
    for (const raw of [null, undefined, 42, 'ready', [], [{ type: 'ready' }], {}, { type: 42 }, { type: 'ready', extra: true }])
      await expectRejected(raw, /malformed/);
  });

  it('rejects unknown message types, answering a well-formed request id', async () => {
    const outcome = await expectRejected({ type: 'deletePartner', requestId: 'r1', id: fx.dana }, /"deletePartner"/);
    assert.equal(outcome.kind === 'rejected' && outcome.reply?.requestId, 'r1');
    assert.equal(outcome.kind === 'rejected' && outcome.reply?.ok, false);
    await expectRejected({ type: 'runCommand', requestId: 'r2', command: 'workbench.action.terminal.new' });
    await expectRejected({ type: '__proto__', requestId: 'r3' });
  });

  it('rejects wrong shapes: missing, extra or mistyped fields, bad request ids', async () => {
    const id = fx.danaFollowUp.value.id;
    await expectRejected({ type: 'completeFollowUp', requestId: 'r1' });
    await expectRejected({ type: 'completeFollowUp', id });
    await expectRejected({ type: 'completeFollowUp', requestId: 'r1', id, partnerId: fx.marcus }, /partnerId|malformed/);
    await expectRejected({ type: 'completeFollowUp', requestId: 'r1', id: 42 });
    await expectRejected({ type: 'completeFollowUp', requestId: 'R 1', id });
    await expectRejected({ type: 'completeFollowUp', requestId: 'x'.repeat(65), id });
    await expectRejected({ type: 'setAskStatus', requestId: 'r1', id: fx.danaAsk.value.id, status: 'deleted' });
    await expectRejected({ type: 'addTalkingPoint', requestId: 'r1', text: 'x'.repeat(4_001) });
    await expectRejected({ type: 'submitCheckIn', requestId: 'r1', form: { ...form(), rating: 4 } });
    await expectRejected({ type: 'submitCheckIn', requestId: 'r1', form: { ...form(), extra: 'x' } });
    await expectRejected({
      type: 'submitCheckIn',
      requestId: 'r1',
      form: form({ asks: Array.from({ length: 51 }, () => ({ direction: 'i-asked', text: 'x', status: 'open' })) }),
    });
  });

  it('rejects ids that are not record ids: path traversal, separators, case, wrong alphabet', async () => {
    const bad = [
      '../partners/dana',
      '../../../../etc/passwd',
      '..\\..\\windows\\win.ini',
      `${fx.danaFollowUp.value.id}/../x`,
      fx.danaFollowUp.value.id.toUpperCase(),
      `${fx.danaFollowUp.value.id}.json`,
      fx.danaFollowUp.value.id.slice(0, 25),
      'uuuuuuuuuuuuuuuuuuuuuuuuuu', // u is not in the Crockford alphabet
      '%2e%2e%2fpartners%2fdana00',
    ];
    for (const id of bad) {
      await expectRejected({ type: 'completeFollowUp', requestId: 'r1', id }, /not an Alliances id/);
      await expectRejected({ type: 'openTalkingPoint', requestId: 'r1', id });
    }
    await expectRejected({ type: 'submitCheckIn', requestId: 'r1', form: form({ covered: ['../../x'] }) });
  });

  it('rejects ids of records that belong to another partner, or do not exist', async () => {
    await expectRejected({ type: 'completeFollowUp', requestId: 'r1', id: fx.marcusFollowUp.value.id }, /belongs to another partner/);
    await expectRejected({ type: 'reopenFollowUp', requestId: 'r1', id: fx.marcusFollowUp.value.id }, /belongs to another partner/);
    await expectRejected({ type: 'coverTalkingPoint', requestId: 'r1', id: fx.marcusPoint.value.id }, /belongs to another partner/);
    await expectRejected({ type: 'openTalkingPoint', requestId: 'r1', id: fx.marcusPoint.value.id }, /belongs to another partner/);
    await expectRejected(
      { type: 'setAskStatus', requestId: 'r1', id: fx.marcusAsk.value.id, status: 'helped' },
      /belongs to another partner/,
    );
    // A real id of the wrong kind: a follow-up id passed as a talking point.
    await expectRejected({ type: 'coverTalkingPoint', requestId: 'r1', id: fx.danaFollowUp.value.id }, /no talkingPoint/);
    // A partner id is not a record of the partner.
    await expectRejected({ type: 'completeFollowUp', requestId: 'r1', id: fx.dana }, /no followUp/);
    // The whole check-in is refused when one covered point is another partner's: no check-in file either.
    await expectRejected(
      { type: 'submitCheckIn', requestId: 'r1', form: form({ covered: [fx.danaPoint.value.id, fx.marcusPoint.value.id] }) },
      /belongs to another partner/,
    );
  });

  it('answers "ready" without writing', async () => {
    const before = await snapshot(fx.root);
    assert.deepEqual(await handlePageMessage({ type: 'ready' }, ctx), { kind: 'ready' });
    assert.deepEqual(await snapshot(fx.root), before);
  });

  it('completes and reopens a follow-up, covers a talking point, sets an ask status', async () => {
    const followUp = fx.danaFollowUp.value.id;
    let outcome = await handlePageMessage({ type: 'completeFollowUp', requestId: 'r1', id: followUp }, ctx);
    assert.deepEqual(outcome.kind === 'reply' && [outcome.reply.ok, outcome.reply.requestId], [true, 'r1']);
    let onDisk = JSON.parse(await fsp.readFile(fx.danaFollowUp.path, 'utf8')) as FollowUp;
    assert.deepEqual([onDisk.done, onDisk.doneAt], [true, NOW.toISOString()]);
    await handlePageMessage({ type: 'reopenFollowUp', requestId: 'r2', id: followUp }, ctx);
    onDisk = JSON.parse(await fsp.readFile(fx.danaFollowUp.path, 'utf8')) as FollowUp;
    assert.deepEqual([onDisk.done, onDisk.doneAt, onDisk.text], [undefined, undefined, 'Send estimates']);

    outcome = await handlePageMessage({ type: 'coverTalkingPoint', requestId: 'r3', id: fx.danaPoint.value.id }, ctx);
    assert.equal(outcome.kind === 'reply' && outcome.reply.ok, true);
    assert.equal(fx.store.get('talkingPoint', fx.danaPoint.value.id)?.value.coveredAt, NOW.toISOString());

    await handlePageMessage({ type: 'setAskStatus', requestId: 'r4', id: fx.danaAsk.value.id, status: 'helped' }, ctx);
    assert.equal(fx.store.get('ask', fx.danaAsk.value.id)?.value.status, 'helped');
    assert.deepEqual(warnings, []);
  });

  it("copies an open ask's commit trailer through alliances.copyAskTrailer; another partner's or a closed ask is refused", async () => {
    const outcome = await handlePageMessage({ type: 'copyAskTrailer', requestId: 'r1', id: fx.danaAsk.value.id }, ctx);
    assert.equal(outcome.kind === 'reply' && outcome.reply.ok, true);
    assert.deepEqual(commands, [['alliances.copyAskTrailer', fx.danaAsk.value.id]]);
    commands.length = 0;
    await expectRejected({ type: 'copyAskTrailer', requestId: 'r2', id: fx.marcusAsk.value.id }, /belongs to another partner/);
    await fx.store.update('ask', fx.danaAsk.value.id, { status: 'declined' });
    const closed = await handlePageMessage({ type: 'copyAskTrailer', requestId: 'r3', id: fx.danaAsk.value.id }, ctx);
    assert.equal(closed.kind === 'reply' && closed.reply.ok, false);
    assert.deepEqual(commands, []);
  });

  it('opens a talking point through the alliances.openTalkingPoint command, and reports its failure', async () => {
    await handlePageMessage({ type: 'openTalkingPoint', requestId: 'r1', id: fx.danaCodePoint.value.id }, ctx);
    assert.deepEqual(commands, [[OPEN_TALKING_POINT_COMMAND, fx.danaCodePoint.value.id]]);
    ctx.executeCommand = () => Promise.reject(new Error("command 'alliances.openTalkingPoint' not found"));
    const outcome = await handlePageMessage({ type: 'openTalkingPoint', requestId: 'r2', id: fx.danaCodePoint.value.id }, ctx);
    assert.equal(outcome.kind === 'reply' && outcome.reply.ok, false);
    assert.match(outcome.kind === 'reply' ? outcome.reply.message : '', /not found/);
  });

  it("adds a talking point for the page's partner; an empty one is a field error and writes nothing", async () => {
    const before = await snapshot(fx.root);
    const empty = await handlePageMessage({ type: 'addTalkingPoint', requestId: 'r1', text: '   ' }, ctx);
    assert.deepEqual(empty.kind === 'reply' && empty.reply.fieldErrors, { talkingPoint: 'The talking point must not be empty' });
    assert.deepEqual(await snapshot(fx.root), before);
    await handlePageMessage({ type: 'addTalkingPoint', requestId: 'r2', text: '  <script>alert(1)</script> ' }, ctx);
    const added = fx.store.ofPartner('talkingPoint', fx.dana).find((p) => p.value.text === '<script>alert(1)</script>');
    assert.ok(added, 'stored as the text it is');
  });

  it("opens the brief beside the page through alliances.prepareCheckIn, for the page's partner only, writing nothing", async () => {
    const before = await snapshot(fx.root);
    const outcome = await handlePageMessage({ type: 'prepareCheckIn', requestId: 'b1' }, ctx);
    assert.equal(outcome.kind === 'reply' && outcome.reply.ok, true);
    assert.deepEqual(commands, [['alliances.prepareCheckIn', fx.dana, { toSide: true }]]);
    assert.deepEqual(await snapshot(fx.root), before);
    commands = [];
    await expectRejected({ type: 'prepareCheckIn', requestId: 'b2', partnerId: fx.marcus }, /malformed/);
  });

  it('adds a listed commit as a talking point linked to it, once; an unlisted or malformed commit writes nothing', async () => {
    const listed = 'a'.repeat(40);
    ctx.listedCommit = (commit) => (commit === listed ? { subject: 'Retry failed invoices', files: ['billing/invoice.ts'] } : undefined);
    const outcome = await handlePageMessage({ type: 'addCommitTalkingPoint', requestId: 'r1', commit: listed }, ctx);
    assert.equal(outcome.kind === 'reply' && outcome.reply.ok, true);
    const added = fx.store.ofPartner('talkingPoint', fx.dana).filter((p) => p.value.source?.commit === listed);
    assert.equal(added.length, 1);
    assert.equal(added[0]?.value.text, `Retry failed invoices (${listed.slice(0, 7)})`);
    assert.deepEqual(added[0]?.value.source, { path: 'billing/invoice.ts', startLine: 1, endLine: 1, commit: listed });

    const before = await snapshot(fx.root);
    const again = await handlePageMessage({ type: 'addCommitTalkingPoint', requestId: 'r2', commit: listed }, ctx);
    assert.match(again.kind === 'reply' ? again.reply.message : '', /Already a talking point/);
    const unlisted = await handlePageMessage({ type: 'addCommitTalkingPoint', requestId: 'r3', commit: 'b'.repeat(40) }, ctx);
    assert.equal(unlisted.kind === 'reply' && unlisted.reply.ok, false);
    assert.deepEqual(await snapshot(fx.root), before, 'nothing more was written');
    await expectRejected({ type: 'addCommitTalkingPoint', requestId: 'r4', commit: '--output=/tmp/x' }, /malformed/);
    await expectRejected({ type: 'addCommitTalkingPoint', requestId: 'r5', commit: 'A'.repeat(40) }, /malformed/);
  });

  it('reports a refused write (StoreWriteError) with its message', async () => {
    await fsp.writeFile(fx.danaFollowUp.path, '{ "broken": ');
    await fx.store.reloadFile(fx.danaFollowUp.path);
    const outcome = await handlePageMessage({ type: 'completeFollowUp', requestId: 'r1', id: fx.danaFollowUp.value.id }, ctx);
    // The broken file is no longer a follow-up of Dana's: refused before any write.
    assert.equal(outcome.kind, 'rejected');
    assert.equal(await fsp.readFile(fx.danaFollowUp.path, 'utf8'), '{ "broken": ');

    // Changed on disk behind the store's back: the store refuses and says why.
    const asked = fx.danaAsk;
    await fsp.writeFile(asked.path, (await fsp.readFile(asked.path, 'utf8')).replace('Fewer', 'Far fewer'));
    const refused = await handlePageMessage({ type: 'setAskStatus', requestId: 'r2', id: asked.value.id, status: 'declined' }, ctx);
    assert.equal(refused.kind === 'reply' && refused.reply.ok, false);
    assert.match(refused.kind === 'reply' ? refused.reply.message : '', /changed on disk/);
  });

  it("reports a refusal thrown by another bundle's copy of StoreWriteError with its message alone", async () => {
    // dist/partnerPage.js holds its own copy of the class; the store that throws is dist/main.js's.
    class StoreWriteError extends Error {
      constructor(message: string) {
        super(message);
        this.name = 'StoreWriteError';
      }
    }
    const refusal = 'Not saved: followUps/x.json changed on disk. Reload it first.';
    fx.store.update = () => Promise.reject(new StoreWriteError(refusal));
    const outcome = await handlePageMessage({ type: 'completeFollowUp', requestId: 'r1', id: fx.danaFollowUp.value.id }, ctx);
    assert.deepEqual(outcome.kind === 'reply' && [outcome.reply.ok, outcome.reply.message], [false, refusal]);
  });

  it('hostile payloads as ids, request ids, types or statuses are rejected with no write and no command', async () => {
    let tried = 0;
    for (const { text } of HOSTILE_PAYLOADS) {
      await expectRejected({ type: 'completeFollowUp', requestId: 'r1', id: text });
      await expectRejected({ type: 'setAskStatus', requestId: 'r1', id: fx.danaAsk.value.id, status: text });
      await expectRejected({ type: text, requestId: 'r1', id: fx.danaFollowUp.value.id });
      await expectRejected({ type: 'coverTalkingPoint', requestId: text, id: fx.danaPoint.value.id });
      tried += 4;
    }
    recordCounts('unit-partner-page-messages', { hostilePayloads: tried });
  });

  it('hostile payloads as text are stored as exactly that text (talking points, every text field of the form)', async () => {
    let tried = 0;
    for (const [index, { name, text }] of HOSTILE_PAYLOADS.entries()) {
      const line = text.slice(0, 2_000);
      await handlePageMessage({ type: 'addTalkingPoint', requestId: `t${index}`, text: line }, ctx);
      const outcome = await handlePageMessage(
        {
          type: 'submitCheckIn',
          requestId: `c${index}`,
          form: form({
            summary: line,
            notes: text,
            privateNotes: text,
            asks: [{ direction: 'i-asked', text: line, status: 'open' }],
            actions: [{ text: line, owner: 'teammate', teammate: text.slice(0, 200), due: '' }],
          }),
        },
        ctx,
      );
      assert.equal(outcome.kind === 'reply' && outcome.reply.ok, true, `${name}: ${JSON.stringify(outcome).slice(0, 300)}`);
      const checkIn = fx.store.checkIns().find((c) => c.value.notes === text);
      assert.ok(checkIn, `${name}: notes stored verbatim`);
      const expectedLine = line.trim();
      assert.equal(checkIn.value.summary, expectedLine, name);
      assert.equal(fx.store.get('note', checkIn.value.id)?.value.notes, text, name);
      assert.ok(
        fx.store.ofPartner('ask', fx.dana).some((a) => a.value.text === expectedLine),
        name,
      );
      assert.ok(
        fx.store
          .ofPartner('followUp', fx.dana)
          .some((f) => f.value.text === expectedLine && f.value.teammate === text.slice(0, 200).trim()),
        name,
      );
      assert.ok(
        fx.store.ofPartner('talkingPoint', fx.dana).some((p) => p.value.text === expectedLine),
        name,
      );
      tried += 7;
    }
    assert.deepEqual(commands, [], 'no command ran');
    // And everything written reads back clean.
    const fresh = makeStore(fx.root);
    await fresh.load();
    assert.deepEqual(fresh.problems(), []);
    recordCounts('unit-partner-page-messages', { hostilePayloads: tried });
  });

  describe('the full check-in form', () => {
    it('writes the check-in, then its private notes, asks, action items and covered talking points', async () => {
      const outcome = await handlePageMessage(
        {
          type: 'submitCheckIn',
          requestId: 'r1',
          form: form({
            kind: 'help-me',
            rating: '5',
            summary: '  Launch plan agreed  ',
            notes: '## Decisions\n- two phases',
            privateNotes: 'She may move teams',
            asks: [
              { direction: 'they-asked', text: 'Review the pricing copy', status: 'open' },
              { direction: 'i-asked', text: 'Earlier estimates', status: 'helped' },
            ],
            actions: [
              { text: 'Share the checklist', owner: 'me', teammate: 'ignored', due: '2026-12-01' },
              { text: 'Intro to legal', owner: 'teammate', teammate: ' Sam Lee ', due: '' },
            ],
            covered: [fx.danaPoint.value.id, fx.danaPoint.value.id],
          }),
        },
        ctx,
      );
      assert.equal(outcome.kind, 'reply');
      const reply = outcome.kind === 'reply' ? outcome.reply : undefined;
      assert.deepEqual([reply?.ok, reply?.saved, reply?.message], [true, true, 'Check-in saved with 6 related items.']);

      const checkIn = fx.store.checkInsOf(fx.dana)[0];
      assert.deepEqual(
        [checkIn?.value.kind, checkIn?.value.rating, checkIn?.value.summary, checkIn?.value.notes, checkIn?.private],
        ['help-me', 5, 'Launch plan agreed', '## Decisions\n- two phases', false],
      );
      const id = checkIn.value.id;
      const asks = fx.store.ofPartner('ask', fx.dana).filter((a) => a.value.checkInId === id);
      assert.deepEqual(asks.map((a) => [a.value.direction, a.value.text, a.value.status, a.private]).sort(), [
        ['i-asked', 'Earlier estimates', 'helped', false],
        ['they-asked', 'Review the pricing copy', 'open', false],
      ]);
      const actions = fx.store
        .ofPartner('followUp', fx.dana)
        .filter((f) => f.value.checkInId === id)
        .map((f) => f.value);
      assert.deepEqual(actions.map((f) => [f.text, f.owner, f.teammate, f.due]).sort(), [
        ['Intro to legal', 'teammate', 'Sam Lee', undefined],
        ['Share the checklist', 'me', undefined, '2026-12-01'],
      ]);
      assert.deepEqual(fx.store.get('talkingPoint', fx.danaPoint.value.id)?.value.coveredIn, id);
      const note = fx.store.get('note', id);
      assert.deepEqual([note?.value.notes, note?.private], ['She may move teams', true]);
    });

    it('keeps a private check-in and everything with it under private/; a shared talking point gets no private id', async () => {
      await handlePageMessage(
        {
          type: 'submitCheckIn',
          requestId: 'r1',
          form: form({
            private: true,
            summary: 'Reorg rumours',
            asks: [{ direction: 'they-asked', text: 'Keep it quiet', status: 'open' }],
            actions: [{ text: 'Check in again', owner: 'them', teammate: '', due: '' }],
            covered: [fx.danaPoint.value.id],
          }),
        },
        ctx,
      );
      const checkIn = fx.store.checkInsOf(fx.dana)[0];
      assert.equal(checkIn.private, true);
      const shared = (await listFiles(fx.root)).filter((file) => !file.startsWith('private/'));
      const sharedText = (await Promise.all(shared.map((file) => fsp.readFile(path.join(fx.root, file), 'utf8')))).join('\n');
      for (const secret of ['Reorg rumours', 'Keep it quiet', 'Check in again', checkIn.value.id])
        assert.ok(!sharedText.includes(secret), `${secret} is in a shared file`);
      const point = fx.store.get('talkingPoint', fx.danaPoint.value.id)!.value;
      assert.deepEqual([point.coveredAt, point.coveredIn], [NOW.toISOString(), undefined]);
    });

    it('answers every field error at once, keyed by field path, and writes nothing', async () => {
      const before = await snapshot(fx.root);
      const outcome = await handlePageMessage(
        {
          type: 'submitCheckIn',
          requestId: 'r1',
          form: form({
            kind: 'meeting',
            rating: '',
            summary: '   ',
            asks: [{ direction: 'sideways', text: '', status: 'open' }],
            actions: [{ text: 'Intro', owner: 'teammate', teammate: ' ', due: '2026-02-30' }],
          }),
        },
        ctx,
      );
      assert.deepEqual(await snapshot(fx.root), before);
      const reply = outcome.kind === 'reply' ? outcome.reply : undefined;
      assert.equal(reply?.ok, false);
      assert.equal(reply?.saved, undefined);
      assert.deepEqual(Object.keys(reply?.fieldErrors ?? {}).sort(), [
        'actions.0.due',
        'actions.0.teammate',
        'asks.0.direction',
        'asks.0.text',
        'kind',
        'rating',
        'summary',
      ]);
      assert.equal(reply?.fieldErrors?.summary, 'The summary must not be empty');
      assert.equal(reply?.fieldErrors?.['actions.0.teammate'], 'Name the teammate');
      assert.match(reply?.fieldErrors?.['actions.0.due'] ?? '', /real date/);
    });

    it('writes nothing when the check-in itself is refused', async () => {
      fx.port.hooks.writeNewFile = (file) => {
        if (file.includes(`${path.sep}checkins${path.sep}`)) throw errnoError('ENOSPC', 'disk full');
      };
      const before = await snapshot(fx.root);
      const outcome = await handlePageMessage(
        {
          type: 'submitCheckIn',
          requestId: 'r1',
          form: form({ asks: [{ direction: 'i-asked', text: 'x', status: 'open' }], covered: [fx.danaPoint.value.id] }),
        },
        ctx,
      );
      const reply = outcome.kind === 'reply' ? outcome.reply : undefined;
      assert.deepEqual([reply?.ok, reply?.saved], [false, undefined]);
      assert.match(reply?.message ?? '', /disk full/);
      assert.deepEqual(await snapshot(fx.root), before);
    });

    it('reports which parts were saved when a later step fails, and marks the form as saved', async () => {
      fx.port.hooks.writeNewFile = (file) => {
        if (file.includes(`${path.sep}follow-ups${path.sep}`)) throw errnoError('EACCES', 'permission denied');
      };
      const outcome = await handlePageMessage(
        {
          type: 'submitCheckIn',
          requestId: 'r1',
          form: form({
            asks: [{ direction: 'i-asked', text: 'Estimates', status: 'open' }],
            actions: [{ text: 'Send the deck', owner: 'me', teammate: '', due: '' }],
          }),
        },
        ctx,
      );
      const reply = outcome.kind === 'reply' ? outcome.reply : undefined;
      assert.deepEqual([reply?.ok, reply?.saved], [false, true]);
      assert.match(
        reply?.message ?? '',
        /^Saved the check-in, ask "Estimates"\. Not saved: action item "Send the deck" \(.*permission denied.*\)/,
      );
      assert.equal(fx.store.checkInsOf(fx.dana).length, 1);
      assert.equal(warnings.length, 1);
    });
  });
});
