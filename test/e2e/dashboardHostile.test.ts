// Every shared hostile payload (test/fixtures/hostilePayloads.ts) in every text field the dashboard shows
// — partner names, departments, "leads" areas, check-in summaries (theme results), authors, concerns
// (their text, theme and closing line) — in the real
// workbench and browser (the exported report is checked in test/integration/dashboard.test.ts, its Concerns section in test/unit/concernsDemo.test.ts). A listener fails the test on any dialog, navigation or CSP violation, and no
// element may come out of the text.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Frame, FrameLocator } from 'playwright-core';
import { newId } from '../../src/core/ids';
import { visible } from '../../src/core/visibleText';
import { HOSTILE_PAYLOADS } from '../fixtures/hostilePayloads';
import { repoRoot } from '../harness/codeServer';
import { recordCounts } from '../reliability/counts';
import { assertStrictCsp, attachWebview, guardPage, type PageGuard } from './webviewGuard';
import { openWorkbench, type Workbench } from './workbench';

const vsix = process.env.ALLIANCES_VSIX ?? path.join(repoRoot, 'dist', 'alliances.vsix');
/** What the page shows for stored text: bidi, zero-width and control characters as ⟨U+…⟩ (src/core/visibleText.ts). */
const shown = (text: string) => visible(text, { multiline: true });

function write(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** What each field holds for payload `i` (within the schema's limits; names and departments get trimmed). */
const fields = (i: number, text: string) => ({
  name: `${i} ${text.slice(0, 190)}`.trim(),
  department: `${i} ${text}`.slice(0, 100).trim(),
  area: text.slice(0, 200),
  author: text.slice(0, 200),
  summary: `roadmap ${text}`.slice(0, 2000),
  concern: `${i} ${text}`.slice(0, 500).trim(),
  theme: text.slice(0, 200),
  resolution: `done ${text}`.slice(0, 2000),
});

describe('Hostile text on the dashboard (real browser)', function () {
  let wb: Workbench;
  let workspace: string;
  let frame: FrameLocator;
  let inner: Frame;
  let frameUrl: string;
  let cspEvents: () => Promise<string[]>;
  let guard: PageGuard;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-e2e-dashboard-hostile-'));
    const store = path.join(workspace, '.alliances');
    const now = Date.now();
    write(path.join(store, 'alliances.json'), { format: 'alliances', schemaVersion: 1 });
    HOSTILE_PAYLOADS.forEach(({ text }, i) => {
      const f = fields(i, text);
      const at = now - (i + 1) * 3_600_000;
      const stamp = new Date(at).toISOString();
      const base = () => ({
        schemaVersion: 1,
        id: newId(at),
        createdAt: stamp,
        updatedAt: stamp,
        author: { name: f.author, email: `p${i}@example.com` },
      });
      const partner = { ...base(), name: f.name, department: f.department, leads: [f.area], cadenceDays: 30 };
      write(path.join(store, 'partners', `${partner.id}.json`), partner);
      const checkIn = { ...base(), partnerId: partner.id, date: stamp, kind: 'help-me', rating: 1 + (i % 5), summary: f.summary };
      write(path.join(store, 'checkins', String(new Date(at).getFullYear()), `${checkIn.id}.json`), checkIn);
      const ask = { ...base(), partnerId: partner.id, checkInId: checkIn.id, direction: 'they-asked', text: f.summary, status: 'helped' };
      write(path.join(store, 'asks', `${ask.id}.json`), ask);
      const open = { ...base(), text: f.concern, theme: f.theme, partnerIds: [partner.id], status: 'open' };
      write(path.join(store, 'concerns', `${open.id}.json`), open);
      const closed = { ...base(), text: `closed ${i}`, status: 'closed', closedAt: stamp, resolution: f.resolution };
      write(path.join(store, 'concerns', `${closed.id}.json`), closed);
    });
    wb = await openWorkbench({ workspace, vsix });
    guard = guardPage(wb.page);
  });

  after(async () => {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  const texts = (selector: string): Promise<string[]> =>
    inner.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.textContent ?? ''), selector);

  it("opens the dashboard, whose Content-Security-Policy has default-src 'none' and a nonce", async () => {
    await wb.runCommand('Alliances: Open Dashboard');
    ({
      frame,
      inner,
      url: frameUrl,
      cspEvents,
    } = await attachWebview(wb.page, (f) =>
      f
        .locator('section#coverage tbody tr')
        .nth(HOSTILE_PAYLOADS.length - 1)
        .waitFor({ timeout: 30_000 }),
    ));
    await assertStrictCsp(inner);
  });

  it(`shows all ${HOSTILE_PAYLOADS.length} payloads as literal text in every section`, async () => {
    const departments = await texts('section#coverage tbody th');
    const areas = await texts('section#leads dt');
    const leaders = await texts('section#leads dd button.link');
    const reciprocity = await texts('section#reciprocity tbody th');
    const authors = await texts('section#team table.authors tbody th');
    const options = await texts('#filter-department option');
    const concerns = await texts('section#concerns tbody th');
    const closing = await texts('ul.closed-concerns li');
    await frame.locator('section#themes button.term[data-term="roadmap"]').click();
    await frame
      .locator('#theme-results-heading')
      .filter({ hasText: `(${HOSTILE_PAYLOADS.length})` })
      .waitFor();
    const results = await texts('ul.theme-check-ins li');
    for (const [i, { name, text }] of HOSTILE_PAYLOADS.entries()) {
      const f = fields(i, text);
      assert.ok(departments.includes(shown(f.department)), `${name}: department in coverage`);
      assert.ok(options.includes(shown(f.department)), `${name}: department in the filter`);
      assert.ok(areas.includes(shown(f.area.trim().replace(/\s+/g, ' '))), `${name}: leads area`);
      assert.ok(leaders.includes(shown(f.name)), `${name}: leader`);
      assert.ok(reciprocity.includes(shown(f.name)), `${name}: reciprocity`);
      assert.ok(authors.includes(shown(f.author)), `${name}: author`);
      assert.ok(
        concerns.some((line) => line.startsWith(shown(f.concern)) && line.includes(shown(f.theme))),
        `${name}: concern and its theme`,
      );
      assert.ok(
        closing.some((line) => line.endsWith(shown(f.resolution))),
        `${name}: closing line`,
      );
      assert.ok(
        results.some((line) => line.includes(shown(f.summary))),
        `${name}: theme results`,
      );
    }
    recordCounts('e2e-dashboard-hostile', { hostilePayloads: HOSTILE_PAYLOADS.length * 10 });
  });

  it('ran nothing and loaded nothing: no dialog, navigation, CSP violation, or element made from text', async () => {
    const elements = await inner.evaluate(() => ({
      forbidden: [...document.querySelectorAll('img, a, iframe, object, embed, base, b, form, textarea, link:not([rel="stylesheet"])')].map(
        (e) => e.outerHTML.slice(0, 80),
      ),
      strangeSvgs: [...document.querySelectorAll('svg')].filter((svg) => !svg.matches('svg.share-bar, svg.sparkline')).length,
      metas: document.querySelectorAll('meta').length,
      inlineScripts: [...document.querySelectorAll('script:not([src])')].filter((s) => !(s.textContent ?? '').includes('acquireVsCodeApi'))
        .length,
      styled: [...document.querySelectorAll('[style]')]
        .map((e) => e.getAttribute('style') ?? '')
        .filter((style) => /position:\s*fixed|background:\s*red/.test(style)).length,
      onHandlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
      background: getComputedStyle(document.body).backgroundImage,
    }));
    assert.deepEqual(elements.forbidden, []);
    assert.equal(elements.strangeSvgs, 0, 'no <svg> but our charts');
    assert.ok(elements.metas <= 3, `${elements.metas} <meta> elements`);
    assert.equal(elements.inlineScripts, 0);
    assert.equal(elements.styled, 0);
    assert.equal(elements.onHandlers, 0);
    assert.equal(elements.background, 'none');
    assert.deepEqual(guard.dialogs, []);
    assert.equal(inner.url(), frameUrl, 'the page never navigated');
    assert.deepEqual(guard.strangeNavigations(), []);
    assert.deepEqual(guard.cspConsole, []);
    assert.deepEqual(await cspEvents(), []);
  });
});
