// The tools and private records: nothing under private/ reaches a tool's answer unless the user turned
// on alliances.tools.includePrivate; and hostile stored text comes out escaped, never as live Markdown.
import { strict as assert } from 'node:assert';
import type { Store } from '../../src/core/store';
import { answerRead, planWrite, TOOL_DEFINITIONS, ToolError, type ToolContext, type ToolKey } from '../../src/core/tools';
import { inline } from '../../src/core/tools/toolText';
import { createDemoStore } from '../fixtures/demoStore';
import { HOSTILE_PAYLOADS } from '../fixtures/hostilePayloads';
import { makeTempDir, removeTempDir } from './helpers';

const TODAY = new Date(2026, 10, 21, 9, 30);
const SECRET = 'Sev2 reorganisation, confidential';

/** Every read tool's answer (text and JSON) about Hannah and the whole store. */
function everything(context: ToolContext): string {
  const inputs: [ToolKey, unknown][] = [
    ['due', { withinDays: 90 }],
    ['brief', { partner: 'Hannah' }],
    ['agenda', { partner: 'Hannah' }],
    ['search', { query: 'support' }],
    ['ecosystem', {}],
  ];
  return inputs
    .map(([key, input]) => {
      const answer = answerRead(context, key as Exclude<ToolKey, 'logCheckIn' | 'addTalkingPoint' | 'addFollowUp'>, input);
      return `${answer.text}\n${JSON.stringify(answer.data)}`;
    })
    .join('\n');
}

describe('language-model tools: private records', function () {
  this.timeout(30_000);
  let dir: string | undefined;
  let store: Store;
  let context: ToolContext;

  before(async () => {
    dir = await makeTempDir('alliances-tools-private-');
    store = await createDemoStore(dir, TODAY);
    const hannah = store.partners().find(({ value }) => value.name === 'Hannah Okafor')?.value.id ?? '';
    await store.addCheckIn({ partnerId: hannah, kind: 'one-on-one', rating: 5, summary: `${SECRET} (check-in)`, private: true });
    await store.create('talkingPoint', { partnerId: hannah, text: `${SECRET} (talking point)` }, { private: true });
    await store.create('followUp', { partnerId: hannah, text: `${SECRET} (follow-up)`, owner: 'me' }, { private: true });
    await store.create('ask', { partnerId: hannah, direction: 'i-asked', text: `${SECRET} (ask)`, status: 'open' }, { private: true });
    context = { stores: [{ label: 'demo', store }], now: TODAY, defaultCadenceDays: 14, siloDays: 45, includePrivate: false };
  });
  after(() => removeTempDir(dir));

  it('leaves every private record out of every read tool by default, as if private/ did not exist', () => {
    const answers = everything(context);
    assert.ok(!answers.includes(SECRET), 'no private text');
    assert.ok(!answers.includes('(private)'));
    // Nor its traces: Hannah is still 36 days overdue (the private check-in does not count), still a silo.
    const due = answerRead(context, 'due', {}).data.due as { name: string; days: number }[];
    assert.deepEqual(due.find(({ name }) => name === 'Hannah Okafor')?.days, -36);
    assert.match(answerRead(context, 'ecosystem', {}).text, /- Support: no check-in for 50 days/);
    assert.match(answerRead(context, 'brief', { partner: 'Hannah' }).text, /Last rating 2\/5;/);
  });

  it('gives them, marked private, once the user turned the setting on', () => {
    const open = { ...context, includePrivate: true };
    const answers = everything(open);
    for (const kind of ['check-in', 'talking point', 'follow-up', 'ask']) assert.ok(answers.includes(`${SECRET} (${kind})`), kind);
    const brief = answerRead(open, 'brief', { partner: 'Hannah' }).text;
    assert.match(brief, /rated 5\/5 \(private\): Sev2 reorganisation, confidential \(check-in\)/);
    assert.match(brief, /Last rating 5\/5;/);
    const due = answerRead(open, 'due', {}).data.due as { name: string }[];
    assert.ok(!due.some(({ name }) => name === 'Hannah Okafor'), 'a private check-in counts once it is visible');
  });
});

describe('language-model tools: hostile stored text', function () {
  this.timeout(60_000);
  let dir: string | undefined;
  let store: Store;
  let context: ToolContext;

  before(async () => {
    dir = await makeTempDir('alliances-tools-hostile-');
    store = await createDemoStore(dir, TODAY);
    for (const [index, payload] of HOSTILE_PAYLOADS.entries()) {
      const name = `P${index} ${payload.text}`.slice(0, 200).trim();
      const partner = await store.addPartner({
        name,
        department: payload.text.slice(0, 100).trim() || 'X',
        role: payload.text.slice(0, 200),
      });
      await store.addCheckIn({ partnerId: partner.value.id, kind: 'ad-hoc', rating: 1, summary: payload.text.slice(0, 2000) });
      await store.create('talkingPoint', { partnerId: partner.value.id, text: payload.text.slice(0, 2000).trim() || 'x' });
      await store.create('followUp', { partnerId: partner.value.id, text: payload.text.slice(0, 2000).trim() || 'x', owner: 'them' });
    }
    context = { stores: [{ label: 'demo', store }], now: TODAY, defaultCadenceDays: 14, siloDays: 1, includePrivate: false };
  });
  after(() => removeTempDir(dir));

  it('answers every tool about every payload, escaped: no live Markdown, no invisible characters', () => {
    // eslint-disable-next-line no-control-regex -- the bell and escape characters are what it looks for
    const invisible = /[\u202A-\u202E\u2066-\u2069\u200B\u200E\u200F\u2028\u2029\u0007\u001B]/u;
    const texts = [answerRead(context, 'due', { withinDays: 90 }).text, answerRead(context, 'ecosystem', {}).text];
    for (const partner of store.partners()) {
      const id = partner.value.id;
      texts.push(answerRead(context, 'brief', { partner: id }).text, answerRead(context, 'agenda', { partner: id }).text);
      if (!partner.value.archived) texts.push(planWrite(context, 'addTalkingPoint', { partner: id, text: partner.value.name }).preview);
    }
    texts.push(answerRead(context, 'search', { query: 'P1' }).text);
    for (const text of texts) {
      assert.ok(!invisible.test(text), text.slice(0, 200));
      for (const line of text.split('\n')) {
        // Outside the preview's code fence, stored text never starts a heading, an HTML tag, a link or an image.
        if (line.startsWith('`') || line.startsWith('  ') || line === '{' || line === '}') continue;
        assert.ok(!/(^|[^\\])<(script|img|svg|iframe|a |meta|base|object|style|span)/i.test(line), line.slice(0, 200));
        assert.ok(!/(^|[^\\])!?\[[^\]]*\]\((javascript|command|https?):/.test(line), line.slice(0, 200));
      }
    }
    for (const payload of HOSTILE_PAYLOADS) {
      const brief = answerRead(context, 'search', { query: `P${HOSTILE_PAYLOADS.indexOf(payload)}` }).text;
      assert.ok(brief.includes(inline(`P${HOSTILE_PAYLOADS.indexOf(payload)} ${payload.text}`.slice(0, 200).trim(), 200)), payload.name);
    }
  });

  it('keeps the preview code fence closed whatever the text holds', () => {
    const partner = store.partners()[0]?.value.id ?? '';
    const plan = planWrite(context, 'addTalkingPoint', { partner, text: 'a ``` b ```` c\n```\n# heading' });
    const fence = /\n(`{5,})json\n/.exec(plan.preview)?.[1];
    assert.ok(fence, plan.preview);
    assert.ok(plan.preview.trimEnd().endsWith(`\n${fence}`));
  });

  it('lists every tool with a schema an MCP client and VS Code accept', () => {
    for (const tool of TOOL_DEFINITIONS) {
      assert.match(tool.name, /^[a-zA-Z0-9_-]{1,64}$/);
      assert.equal(tool.inputSchema.type, 'object');
      for (const required of tool.inputSchema.required ?? [])
        assert.ok(required in tool.inputSchema.properties, `${tool.name}.${required}`);
    }
    assert.throws(() => planWrite(context, 'addTalkingPoint', { partner: 'nobody at all', text: 'x' }), ToolError);
  });
});
