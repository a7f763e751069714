// The brief before a check-in (src/core/brief): known answers on the demo store (Dana's whole page, word
// for word, with commits given as git would), private records only when asked, and hostile stored text
// inert once rendered by markdown-it — the renderer of VS Code's Markdown preview — even with HTML on.
import { strict as assert } from 'node:assert';
import { blockSafe, briefMarkdown, partnerBrief } from '../../src/core/brief';
import type { Store } from '../../src/core/store';
import { findPartner, type ToolContext } from '../../src/core/tools/toolScope';
import { english } from '../../src/core/translator';
import { createDemoStore } from '../fixtures/demoStore';
import { HOSTILE_PAYLOADS } from '../fixtures/hostilePayloads';
import { makeTempDir, removeTempDir } from './helpers';

const TODAY = new Date(2026, 10, 21, 9, 30);

interface MarkdownRenderer {
  render(source: string): string;
}
// The preview's renderer (VS Code bundles markdown-it), a devDependency of its own for this test.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: { html: boolean; linkify: boolean }) => MarkdownRenderer;

const DANA = `# Brief: Dana Whitfield

Director of Product · Product  
Check-in every 14 days; 6 days overdue.  
Email: dana@example.com  
Tags: exec, launch-q1  
Leads: Roadmap, Pricing  
Prepared 2026-11-21.

## Rating trend

Oldest to newest: 4 (2026-10-04) → 4 (2026-10-18) → 3 (2026-11-01).

Last rating 3/5; average of the last ratings 3.7/5.

Not slipping.

## Last check-ins (4 of 4, newest first)

- 2026-11-01, 1:1, rated 3/5: Billing migration slipped: she is worried about the launch date (by Alex Morgan)
- 2026-10-18, Help-me, rated 4/5: She needs estimates earlier; I need fewer mid-sprint asks (by Alex Morgan)
- 2026-10-11, 1:1: Product trio: onboarding redesign scoped to three screens (by Alex Morgan)
- 2026-10-04, 1:1, rated 4/5: Roadmap review: agreed to cut the export wizard from Q1 (by Alex Morgan)

## Open talking points (0)

None.

## Open follow-ups (0)

None.

## Open asks (0)

None.

## Initiatives (2)

- **Billing migration** (Active, due 2027-01-20): Approves it; champion; influence high, interest high; assessed 2026-10-22
  Cares about: The launch date
- **Pricing revamp** (Active): Leads it; champion; influence high, interest high; assessed 2026-11-06
  Cares about: Fewer discount exceptions

## Commits in their code areas since the last check-in (2026-11-01)

- 2026-11-03 0123456 Split invoices by currency \\[BILL-12\\] — Sam Lee
- 2026-11-02 89abcde Billing: retry failed charges — Priya Raman

## Connections (1)

- works with Priya Raman
`;

describe('the brief before a check-in (src/core/brief)', function () {
  this.timeout(60_000);
  let dir: string | undefined;
  let store: Store;
  const contextOf = (includePrivate: boolean): ToolContext => ({
    stores: [{ label: 'demo', store }],
    now: TODAY,
    defaultCadenceDays: 14,
    siloDays: 45,
    includePrivate,
  });

  before(async () => {
    dir = await makeTempDir('alliances-brief-');
    store = await createDemoStore(dir, TODAY);
  });
  after(() => removeTempDir(dir));

  it("writes Dana's brief word for word: facts, trend, check-ins, agenda, asks, initiatives, commits since the last check-in, connections", async () => {
    const dana = store.partners().find(({ value }) => value.name === 'Dana Whitfield');
    assert.ok(dana);
    await store.updatePartner(dana.value.id, { codeAreas: ['src/billing/**'] });
    const context = contextOf(false);
    const commits = {
      available: true,
      truncated: false,
      commits: [
        {
          commit: '0123456789abcdef0123456789abcdef01234567',
          author: 'Sam Lee',
          date: '2026-11-03T10:00:00+01:00',
          subject: 'Split invoices by currency [BILL-12]',
        },
        {
          commit: '89abcdef0123456789abcdef0123456789abcdef',
          author: 'Priya Raman',
          date: '2026-11-02T09:00:00+01:00',
          subject: 'Billing: retry failed charges',
        },
      ],
    };
    const brief = partnerBrief(context, findPartner(context, 'Dana'), { commits, translator: english });
    assert.equal(
      briefMarkdown(brief, { translator: english }),
      DANA.replace('Leads: Roadmap, Pricing  \n', 'Leads: Roadmap, Pricing  \nCode areas: src/billing/\\*\\*  \n'),
    );
    assert.deepEqual(
      brief.health.trend.map((point) => point.rating),
      [4, 4, 3],
    );
    assert.deepEqual(
      brief.initiatives.map((item) => [item.name, item.role, item.stance]),
      [
        ['Billing migration', 'approves', 'champion'],
        ['Pricing revamp', 'leads', 'champion'],
      ],
    );
    assert.equal(brief.commits?.since, '2026-11-01');
    assert.equal(brief.commits?.sinceLastCheckIn, true);
    // Without git's answer (a tool, the CLI outside a repository): no commits section at all.
    assert.doesNotMatch(briefMarkdown(partnerBrief(context, findPartner(context, 'Dana'))), /Commits in their code areas/);
    await store.updatePartner(dana.value.id, { codeAreas: [] });
  });

  it('shows private records only when asked, each marked (private)', async () => {
    const hannah = store.partners().find(({ value }) => value.name === 'Hannah Okafor');
    assert.ok(hannah);
    await store.addCheckIn({
      partnerId: hannah.value.id,
      kind: 'ad-hoc',
      rating: 5,
      summary: 'Private reorg chat',
      date: new Date(2026, 10, 20, 10),
      private: true,
    });
    await store.create('talkingPoint', { partnerId: hannah.value.id, text: 'Private talking point' }, { private: true });
    const shared = briefMarkdown(partnerBrief(contextOf(false), findPartner(contextOf(false), 'Hannah')), { translator: english });
    assert.doesNotMatch(shared, /Private reorg chat|Private talking point/);
    assert.match(shared, /Last rating 2\/5;/);
    const mine = briefMarkdown(partnerBrief(contextOf(true), findPartner(contextOf(true), 'Hannah')), { translator: english });
    assert.match(mine, /- 2026-11-20, Ad hoc, rated 5\/5 \(private\): Private reorg chat \(by /);
    assert.match(mine, /- Private talking point \(private\)\n/);
    assert.match(mine, /Last rating 5\/5;/);
  });

  it('keeps hostile names, summaries and agenda inert in the rendered preview (markdown-it, even with HTML on)', async () => {
    const renderer = new MarkdownIt({ html: true, linkify: true });
    const context = contextOf(true);
    for (const [index, payload] of HOSTILE_PAYLOADS.entries()) {
      const text = payload.text.slice(0, 190).trim() || 'x';
      const partner = await store.addPartner({
        name: `H${index} ${text}`.slice(0, 200),
        department: text.slice(0, 100),
        role: `- ${text}`.slice(0, 200),
      });
      await store.addCheckIn({ partnerId: partner.value.id, kind: 'ad-hoc', rating: 1, summary: text });
      await store.create('talkingPoint', { partnerId: partner.value.id, text });
      await store.create('followUp', { partnerId: partner.value.id, text, owner: 'them' });
      await store.create('ask', { partnerId: partner.value.id, direction: 'i-asked', text, status: 'open' });
      const brief = partnerBrief(context, findPartner(context, partner.value.id), {
        commits: {
          available: true,
          truncated: false,
          commits: [{ commit: 'f'.repeat(40), author: text, date: '2026-11-20T10:00:00Z', subject: text }],
        },
      });
      const markdown = briefMarkdown(brief, { translator: english, preview: true });
      const html = renderer.render(markdown);
      // Only the brief's own structure becomes markup: headings, paragraphs, lists, bold and line breaks.
      const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((match) => (match[1] ?? '').toLowerCase()));
      for (const tag of tags)
        assert.ok(['h1', 'h2', 'p', 'ul', 'li', 'strong', 'br'].includes(tag), `${payload.name}: <${tag}> in ${html.slice(0, 300)}`);
      assert.equal((html.match(/<h1>/g) ?? []).length, 1, payload.name);
      assert.equal((html.match(/<h2>/g) ?? []).length, 8, payload.name);
      assert.doesNotMatch(html, /<a\b|<img\b/i, payload.name);
    }
  });

  it('turns no URL, domain or email address into a link in the preview (linkify), and keeps the text as written', () => {
    const renderer = new MarkdownIt({ html: true, linkify: true });
    const context = contextOf(false);
    const brief = partnerBrief(context, findPartner(context, 'Kwame'));
    brief.checkIns[0] = {
      ...(brief.checkIns[0] ?? { id: 'x', date: '2026-11-09', kind: 'async', author: 'A', private: false }),
      summary: 'see https://evil.example/x, www.evil.com and //evil.com/y',
    };
    const html = renderer.render(briefMarkdown(brief, { translator: english, preview: true }));
    assert.doesNotMatch(html, /<a\b/);
    assert.match(html, /see https:\/\/evil\.example\/x, www\.evil\.com and \/\/evil\.com\/y/);
    assert.match(html, /Email: kwame@example\.com/);
  });

  it('never lets stored text open a block: a list, a setext heading or a numbered item', () => {
    assert.equal(blockSafe('- not a list'), '\\- not a list');
    assert.equal(blockSafe('=== not a heading'), '\\=== not a heading');
    assert.equal(blockSafe('1. not numbered'), '1\\. not numbered');
    assert.equal(blockSafe('Director of Product'), 'Director of Product');
  });
});
