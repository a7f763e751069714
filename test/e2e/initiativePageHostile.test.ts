// Every shared hostile payload (test/fixtures/hostilePayloads.ts) in an initiative's name and goal, as the
// names of the people assessed on it and in their stances' notes (what they care about, can offer, the
// note), on the initiative page in the real browser: shown as literal text in the heading, the goal, the
// grid's titles, the table, who to win over, the roles and the history; no dialog, navigation, CSP
// violation or element made from text.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { newId } from '../../src/core/ids';
import { visible } from '../../src/core/visibleText';
import { HOSTILE_PAYLOADS } from '../fixtures/hostilePayloads';
import { repoRoot } from '../harness/codeServer';
import { assertStrictCsp, attachWebview, guardPage, type PageGuard } from './webviewGuard';
import { openWorkbench, type Workbench } from './workbench';

const vsix = process.env.ALLIANCES_VSIX ?? path.join(repoRoot, 'dist', 'alliances.vsix');
const shown = (text: string) => visible(text, { multiline: true });
const nameOf = (i: number, text: string) => `${i} ${text.slice(0, 190)}`.trim();
/** The initiative's name and goal hold every payload, cut to their limits. */
const NAME = `Hostile ${HOSTILE_PAYLOADS.map((p) => p.text.slice(0, 40)).join(' ')}`.slice(0, 200);
const GOAL = HOSTILE_PAYLOADS.map((p) => p.text.slice(0, 70))
  .join('\n')
  .slice(0, 2000);
const STANCES = ['neutral', 'skeptic', 'blocker', 'unknown', 'supporter', 'champion'] as const;
/** Person i is assessed twice: STANCES[i % 6], then (current) STANCES[(i + 1) % 6]; high influence when i is even. */
const current = (i: number) => STANCES[(i + 1) % 6] ?? 'unknown';
const toWinOver = (i: number) => i % 2 === 0 && current(i) !== 'supporter' && current(i) !== 'champion';

function write(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

describe('Hostile text on the initiative page (real browser)', function () {
  let wb: Workbench;
  let workspace: string;
  let inner: Frame;
  let cspEvents: () => Promise<string[]>;
  let guard: PageGuard;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-e2e-initiative-hostile-'));
    const store = path.join(workspace, '.alliances');
    write(path.join(store, 'alliances.json'), { format: 'alliances', schemaVersion: 1 });
    const now = Date.now();
    const base = (at = now) => ({
      schemaVersion: 1,
      id: newId(at),
      createdAt: new Date(at).toISOString(),
      updatedAt: new Date(at).toISOString(),
      author: { name: 'Ada' },
    });
    const initiative = { ...base(now - 100 * 3_600_000), name: NAME, goal: GOAL, status: 'active', codeAreas: ['src/**'] };
    write(path.join(store, 'initiatives', `${initiative.id}.json`), initiative);
    const roles = ['leads', 'approves', 'contributes', 'consulted', 'informed'] as const;
    HOSTILE_PAYLOADS.forEach(({ text }, i) => {
      const at = now - (i + 1) * 3_600_000;
      const partner = { ...base(at), name: nameOf(i, text), department: text.slice(0, 100) || 'x', cadenceDays: 30 };
      write(path.join(store, 'partners', `${partner.id}.json`), partner);
      // Two assessments each: the history has two entries.
      for (const [n, stance] of [STANCES[i % 6], current(i)].entries()) {
        const record = {
          ...base(at + n * 60_000),
          initiativeId: initiative.id,
          partnerId: partner.id,
          date: new Date(at + n * 60_000).toISOString(),
          stance,
          influence: i % 2 === 0 ? 'high' : 'low',
          interest: ['low', 'medium', 'high'][i % 3],
          role: roles[i % 5],
          cares: text.slice(0, 2000),
          offers: text.slice(0, 2000),
          note: text.slice(0, 2000),
        };
        write(path.join(store, 'stances', `${record.id}.json`), record);
      }
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

  it(`shows all ${HOSTILE_PAYLOADS.length} payloads as literal text on the page`, async () => {
    await wb.runCommand('Alliances: Open Initiative…');
    await wb.page.locator('.quick-input-list .monaco-list-row').first().waitFor();
    await wb.quickInputAccept();
    ({ inner, cspEvents } = await attachWebview(wb.page, (f) =>
      f
        .locator('table.people tbody tr')
        .nth(HOSTILE_PAYLOADS.length - 1)
        .waitFor({ timeout: 30_000 }),
    ));
    await assertStrictCsp(inner);
    assert.deepEqual(await texts('h1#initiative-name'), [shown(NAME)]);
    assert.deepEqual(await texts('#goal'), [shown(GOAL)]);
    const names = await texts('table.people tbody th');
    const cells = await texts('table.people tbody td');
    const titles = await texts('svg.stakeholder-grid g.person title');
    const history = await texts('ul.history li');
    const roles = (await texts('dl.roles dd')).join('\n');
    const winOver = await texts('ol.win-over li button.link');
    for (const [i, { name, text }] of HOSTILE_PAYLOADS.entries()) {
      const partner = shown(nameOf(i, text));
      assert.ok(names.includes(partner), `${name}: the table's name`);
      if (text.slice(0, 2000).trim()) assert.ok(cells.includes(shown(text.slice(0, 2000))), `${name}: cares, offers and note in the table`);
      assert.ok(
        history.some((h) => h.startsWith(`${partner}: `) && h.includes(' → ')),
        `${name}: the history`,
      );
      assert.ok(roles.includes(partner), `${name}: the roles`);
      assert.equal(winOver.includes(partner), toWinOver(i), `${name}: who to win over`);
    }
    // The grid shows at most ten per cell: every title it has names one of the payloads' people.
    assert.ok(titles.length > 0);
    for (const title of titles)
      assert.ok(
        HOSTILE_PAYLOADS.some(({ text }, i) => title.startsWith(shown(nameOf(i, text)))),
        title.slice(0, 80),
      );
    await wb.screenshot('initiative-page-hostile');
  });

  it('ran nothing and loaded nothing: no dialog, navigation, CSP violation, or element made from text', async () => {
    const elements = await inner.evaluate(() => ({
      forbidden: [...document.querySelectorAll('img, a, iframe, object, embed, base, b, form, textarea, foreignObject, image, use')].map(
        (e) => e.outerHTML.slice(0, 80),
      ),
      svgs: [...document.querySelectorAll('svg')].filter((svg) => !svg.matches('svg.stakeholder-grid, svg.swatch')).length,
      inlineScripts: [...document.querySelectorAll('script:not([src])')].filter((s) => !(s.textContent ?? '').includes('acquireVsCodeApi'))
        .length,
      onHandlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    }));
    assert.deepEqual(elements, { forbidden: [], svgs: 0, inlineScripts: 0, onHandlers: 0 });
    assert.deepEqual(guard.dialogs, []);
    assert.deepEqual(guard.strangeNavigations(), []);
    assert.deepEqual(guard.cspConsole, []);
    assert.deepEqual(await cspEvents(), []);
  });
});
