// The language-model tools' answers (src/core/tools), shared by VS Code's tools and the MCP server: known
// answers on the demo store, the same figures as the dashboard, partner lookup, input checks and writes.
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { computeDashboard, statsInput } from '../../src/core/stats';
import type { Store } from '../../src/core/store';
import { answerRead, applyWrite, planWrite, runTool, ToolError, type ToolContext } from '../../src/core/tools';
import { createDemoStore } from '../fixtures/demoStore';
import { listFiles, makeTempDir, removeTempDir } from './helpers';

const TODAY = new Date(2026, 10, 21, 9, 30);

describe('language-model tools: answers', function () {
  this.timeout(30_000);
  let dir: string | undefined;
  let store: Store;
  let context: ToolContext;

  before(async () => {
    dir = await makeTempDir('alliances-tools-');
    store = await createDemoStore(dir, TODAY);
    context = { stores: [{ label: 'demo', store }], now: TODAY, defaultCadenceDays: 14, siloDays: 45, includePrivate: false };
  });
  after(() => removeTempDir(dir));

  it('due: overdue first, then due soon, each with the reason, the cadence and the last check-in', () => {
    const answer = answerRead(context, 'due', {});
    const due = answer.data.due as { name: string; days: number; status: string; cadenceDays: number }[];
    assert.deepEqual(
      due.map(({ name, days, status }) => [name, days, status]),
      [
        ['Hannah Okafor', -36, 'overdue'],
        ['Dana Whitfield', -6, 'overdue'],
        ['Marcus Ortega', -4, 'overdue'],
        ['Elena Petrova', -2, 'overdue'],
        ['Kwame Mensah', 2, 'dueSoon'],
        ['Sofia Lindqvist', 3, 'dueSoon'],
      ],
    );
    const lines = answer.text.split('\n');
    assert.equal(lines[0], 'Due for a check-in on 2026-11-21: 4 overdue, 2 due within 7 days.');
    assert.match(
      answer.text,
      /- Hannah Okafor \(Support Operations Manager, Support\), id [0-9a-z]{26}: 36 days overdue \(overdue\); cadence every 14 days; last check-in 2026-10-02, Ad hoc, rated 2\/5: Ticket volume up 30% after the release; escalations unclear\./,
    );
    assert.match(answer.text, /Elena Petrova .*: 2 days overdue \(overdue\); cadence every 30 days; never checked in\./);
    assert.deepEqual(
      (answerRead(context, 'due', { withinDays: 0 }).data.due as { name: string }[]).map(({ name }) => name),
      ['Hannah Okafor', 'Dana Whitfield', 'Marcus Ortega', 'Elena Petrova'],
    );
  });

  it('brief: the core brief (src/core/brief) as Markdown with record ids, and its data', () => {
    const kwame = answerRead(context, 'brief', { partner: 'kwame' });
    const id = '[0-9a-z]{26}';
    assert.match(
      kwame.text,
      new RegExp(
        `^# Brief: Kwame Mensah \\(id ${id}\\)\n\nCustomer Success Lead · Customer Success  \nCheck-in every 14 days; due in 2 days\\.  \nEmail: kwame@example\\.com  \nTags: launch-q1  \nLeads: Renewals  \n`,
      ),
    );
    assert.match(
      kwame.text,
      /## Rating trend\n\nOldest to newest: 3 \(2026-10-26\) → 4 \(2026-11-09\)\.\n\nLast rating 4\/5; average of the last ratings 3\.5\/5\.\n\nNot slipping\./,
    );
    assert.match(
      kwame.text,
      new RegExp(
        `## Last check-ins \\(2 of 2, newest first\\)\n\n- 2026-11-09, 1:1, rated 4/5: Exports fix landed; customers noticed \\(by [^)]+\\), id ${id}\n`,
      ),
    );
    assert.match(
      kwame.text,
      new RegExp(
        `## Open talking points \\(1\\)\n\n- Do refunds show up in invoice totals\\? Customers keep asking\\. \\(code: src/billing/invoice\\.ts:1–3\\), id ${id}\n`,
      ),
    );
    assert.match(
      kwame.text,
      new RegExp(`## Open follow-ups \\(1\\)\n\n- Share the exports fix release notes — owner Alex Morgan; due 2026-11-23, id ${id}\n`),
    );
    // No git was read for a tool: no commits section.
    assert.doesNotMatch(kwame.text, /Commits in their code areas/);
    const hannah = answerRead(context, 'brief', { partner: 'Hannah Okafor' });
    assert.match(
      hannah.text,
      /## Open follow-ups \(1\)\n\n- Draft the escalation runbook together — owner Alex Morgan; \*\*3 days overdue \(due 2026-11-18\)\*\*/,
    );
    assert.match(hannah.text, /## Open asks \(1\)\n\n- They asked me: A clear escalation path for Sev2 tickets \(since 2026-11-21\)/);
    assert.match(
      hannah.text,
      /## Initiatives \(1\)\n\n- \*\*Billing migration\*\* \(Active, due 2027-01-20\): Is informed; blocker; influence medium, interest high; assessed 2026-11-09/,
    );
    assert.match(hannah.text, /## Connections \(1\)\n\n- works with Kwame Mensah, id /);
    assert.deepEqual(hannah.data.health, { lastRating: 2, recentAverage: 2, slipping: null, trend: [{ date: '2026-10-02', rating: 2 }] });
  });

  it('agenda: open talking points and follow-ups only', () => {
    const answer = answerRead(context, 'agenda', { partner: 'Marcus' });
    assert.match(
      answer.text,
      /^Open agenda with Marcus Ortega \(id [0-9a-z]{26}\):\n\nOpen talking points \(1\):\n- SSO dates for the two blocked enterprise deals, id [0-9a-z]{26}\n\nOpen follow-ups: none\.$/,
    );
  });

  it('search: every word in name, role or department, accents and case ignored', () => {
    const names = (query: string) => (answerRead(context, 'search', { query }).data.results as { name: string }[]).map(({ name }) => name);
    assert.deepEqual(names('product'), ['Dana Whitfield', 'Priya Raman', 'Sofia Lindqvist']);
    assert.deepEqual(names('PRODUCT director'), ['Dana Whitfield']);
    assert.deepEqual(names('sales'), ['Marcus Ortega', 'Tom Becker']);
    assert.match(
      answerRead(context, 'search', { query: 'sales' }).text,
      /Tom Becker — Sales Engineer \(moved on\), Sales, id [0-9a-z]{26} \(archived\)/,
    );
    assert.equal(answerRead(context, 'search', { query: 'nobody' }).text, 'No partner\'s name, role or department contains "nobody".');
  });

  it('ecosystem: the same silos and slipping relationships as the dashboard', () => {
    const answer = answerRead(context, 'ecosystem', {});
    const dashboard = computeDashboard(statsInput([store], 14, TODAY), {}, { siloDays: 45 });
    assert.deepEqual(
      (answer.data.silos as { department: string }[]).map((row) => row.department),
      dashboard.silos,
    );
    assert.deepEqual(
      (answer.data.slipping as { name: string }[]).map((row) => row.name),
      dashboard.health.slipping.map((row) => row.name),
    );
    assert.match(
      answer.text,
      /Silos \(no contact for more than 45 days\):\n- Support: no check-in for 50 days \(last 2026-10-02\) — Hannah Okafor/,
    );
    assert.match(
      answer.text,
      /Slipping relationships \(worst first\):\n- Marcus Ortega \(Sales\), id [0-9a-z]{26}: Cadence missed twice in a row/,
    );
  });

  it('names one partner or says why not: unknown, or several (with their ids)', () => {
    assert.throws(
      () => answerRead(context, 'brief', { partner: 'Zelda' }),
      (error: unknown) => error instanceof ToolError && /No partner matches "Zelda"/.test(error.message),
    );
    assert.throws(
      () => answerRead(context, 'brief', { partner: 'an' }),
      (error: unknown) =>
        error instanceof ToolError && /partners match "an": .*Dana Whitfield \(Product, id [0-9a-z]{26}\)/.test(error.message),
    );
    const dana = (answerRead(context, 'search', { query: 'dana' }).data.results as { id: string }[])[0];
    assert.match(answerRead(context, 'brief', { partner: dana?.id ?? '' }).text, /^# Brief: Dana Whitfield/);
  });

  it('answers a bad input in words, and never with a crash', async () => {
    const bad: [string, unknown][] = [
      ['alliances_brief', {}],
      ['alliances_brief', { partner: 42 }],
      ['alliances_brief', 'Dana'],
      ['alliances_search', { query: '   ' }],
      ['alliances_due', { withinDays: -1 }],
      ['alliances_due', { withinDays: 1.5 }],
      ['alliances_logCheckIn', { partner: 'Dana', kind: 'party', summary: 'x' }],
      ['alliances_logCheckIn', { partner: 'Dana', kind: 'ad-hoc', summary: 'x', rating: 9 }],
      ['alliances_logCheckIn', { partner: 'Dana', kind: 'ad-hoc', summary: 'x', date: '2026-02-30' }],
      ['alliances_logCheckIn', { partner: 'Dana', kind: 'ad-hoc', summary: 'x', date: '2026-12-01' }],
      ['alliances_addFollowUp', { partner: 'Dana', text: 'x', owner: 'teammate' }],
      ['alliances_addTalkingPoint', { partner: 'Tom Becker', text: 'archived partner' }],
      ['alliances_nope', {}],
    ];
    const before = await listFiles(store.root);
    for (const [name, input] of bad) {
      await assert.rejects(runTool(context, name, input, { allowWrites: true }), (error: unknown) => {
        assert.ok(error instanceof ToolError, `${name} ${JSON.stringify(input)}: ${String(error)}`);
        return true;
      });
    }
    assert.deepEqual(await listFiles(store.root), before);
  });
});

describe('language-model tools: writes', function () {
  this.timeout(30_000);
  let dir: string | undefined;
  let store: Store;
  let context: ToolContext;

  beforeEach(async () => {
    dir = await makeTempDir('alliances-tools-write-');
    store = await createDemoStore(dir, TODAY);
    context = { stores: [{ label: 'demo', store }], now: TODAY, defaultCadenceDays: 14, siloDays: 45, includePrivate: false };
  });
  afterEach(() => removeTempDir(dir));

  it('a plan writes nothing; applying it writes exactly the fields it showed', async () => {
    const before = await listFiles(store.root);
    const plan = planWrite(context, 'logCheckIn', {
      partner: 'Dana',
      kind: 'one-on-one',
      summary: 'Launch date agreed',
      rating: 4,
      date: '2026-11-20',
    });
    assert.deepEqual(await listFiles(store.root), before, 'planning (what a declined confirmation leaves) writes nothing');
    assert.equal(plan.folder, 'checkins/2026');
    assert.match(plan.preview, /\*\*Writes:\*\* a new file in checkins\/2026\/ \(shared with the team through git\)/);
    assert.match(plan.preview, /\*\*Partner:\*\* Dana Whitfield/);
    assert.ok(plan.preview.includes(JSON.stringify(plan.fields, null, 2)), 'the preview shows the fields as written');
    const answer = await applyWrite(plan);
    const added = (await listFiles(store.root)).filter((file) => !before.includes(file));
    assert.deepEqual(added, [`checkins/2026/${String(answer.data.id)}.json`]);
    const written = JSON.parse(await fsp.readFile(path.join(store.root, added[0] ?? ''), 'utf8')) as Record<string, unknown>;
    const { schemaVersion, id, createdAt, updatedAt, author, ...own } = written;
    assert.deepEqual(own, plan.fields);
    assert.deepEqual(
      [schemaVersion, id, typeof createdAt, typeof updatedAt, author],
      [1, answer.data.id, 'string', 'string', { name: 'Alex Morgan', email: 'alex.morgan@example.com' }],
    );
    assert.equal(own.date, new Date(2026, 10, 20, 12).toISOString());
    assert.match(answer.text, /^Logged a check-in for Dana Whitfield: checkins\/2026\/[0-9a-z]{26}\.json \(id [0-9a-z]{26}\)\.$/);
  });

  it('adds a talking point and a follow-up, shared or private, as the store would', async () => {
    const point = await runTool(
      context,
      'alliances_addTalkingPoint',
      { partner: 'Priya', text: 'Design review slots' },
      { allowWrites: true },
    );
    assert.match(String(point.data.file), /^talking-points\/[0-9a-z]{26}\.json$/);
    const plan = planWrite(context, 'addFollowUp', {
      partner: 'Priya',
      text: 'Book the room',
      owner: 'teammate',
      teammate: 'Sam Lee',
      due: '2026-11-30',
      private: true,
    });
    assert.equal(plan.folder, 'private/follow-ups');
    assert.match(plan.preview, /private: this machine only, never committed/);
    assert.deepEqual(plan.fields, {
      partnerId: plan.partner.id,
      text: 'Book the room',
      owner: 'teammate',
      teammate: 'Sam Lee',
      due: '2026-11-30',
    });
    const followUp = await applyWrite(plan);
    assert.match(String(followUp.data.file), /^private\/follow-ups\/[0-9a-z]{26}\.json$/);
    assert.equal(store.get('followUp', String(followUp.data.id))?.private, true);
  });

  it('refuses every write when writes are off, and writes nothing', async () => {
    const before = await listFiles(store.root);
    for (const [name, input] of [
      ['alliances_logCheckIn', { partner: 'Dana', kind: 'ad-hoc', summary: 'x' }],
      ['alliances_addTalkingPoint', { partner: 'Dana', text: 'x' }],
      ['alliances_addFollowUp', { partner: 'Dana', text: 'x', owner: 'me' }],
    ] as const)
      await assert.rejects(runTool(context, name, input, { allowWrites: false, readOnlyReason: 'read-only here' }), /read-only here/);
    assert.deepEqual(await listFiles(store.root), before);
  });

  it('a store refusal (a merge in progress) is told, and nothing is written', async () => {
    await fsp.mkdir(path.join(dir ?? '', '.git'), { recursive: true });
    await fsp.writeFile(path.join(dir ?? '', '.git', 'MERGE_HEAD'), '0123456789abcdef0123456789abcdef01234567\n');
    const before = await listFiles(store.root);
    await assert.rejects(
      runTool(context, 'alliances_addTalkingPoint', { partner: 'Dana', text: 'x' }, { allowWrites: true }),
      (error: unknown) => error instanceof ToolError && /^Nothing was written: A merge is in progress/.test(error.message),
    );
    assert.deepEqual(await listFiles(store.root), before);
  });
});
