// Every shared hostile payload (test/fixtures/hostilePayloads.ts) as a partner's name, organisation and
// a connection's kind, on the ecosystem map in the real browser: shown as literal text in the picture's
// labels and names, the lists and the text alternative; no dialog, navigation, CSP violation or element
// made from text.
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

function write(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

describe('Hostile text on the ecosystem map (real browser)', function () {
  let wb: Workbench;
  let workspace: string;
  let inner: Frame;
  let cspEvents: () => Promise<string[]>;
  let guard: PageGuard;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-e2e-map-hostile-'));
    const store = path.join(workspace, '.alliances');
    write(path.join(store, 'alliances.json'), { format: 'alliances', schemaVersion: 1 });
    const now = Date.now();
    let previous: string | undefined;
    HOSTILE_PAYLOADS.forEach(({ text }, i) => {
      const at = now - (i + 1) * 3_600_000;
      const stamp = new Date(at).toISOString();
      const base = () => ({ schemaVersion: 1, id: newId(at), createdAt: stamp, updatedAt: stamp, author: { name: text.slice(0, 200) } });
      const partner = { ...base(), name: nameOf(i, text), department: 'Hostile', organisation: text.slice(0, 200), cadenceDays: 30 };
      write(path.join(store, 'partners', `${partner.id}.json`), partner);
      if (i % 2 === 0) {
        const checkIn = { ...base(), partnerId: partner.id, date: stamp, kind: 'one-on-one', summary: 'hello' };
        write(path.join(store, 'checkins', String(new Date(at).getFullYear()), `${checkIn.id}.json`), checkIn);
      }
      if (previous) {
        const connection = { ...base(), fromId: previous, toId: partner.id, kind: text.slice(0, 60).trim() || 'x' };
        write(path.join(store, 'connections', `${connection.id}.json`), connection);
      }
      previous = partner.id;
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

  it(`shows all ${HOSTILE_PAYLOADS.length} payloads as literal text on the picture and in the tables`, async () => {
    await wb.runCommand('Alliances: Open Ecosystem Map');
    ({ inner, cspEvents } = await attachWebview(wb.page, (f) =>
      f
        .locator('svg.map g.node.partner')
        .nth(HOSTILE_PAYLOADS.length - 1)
        .waitFor({ timeout: 30_000 }),
    ));
    await assertStrictCsp(inner);
    const titles = await texts('svg.map g.node title');
    const people = await texts('table.people tbody th');
    const links = await texts('table.links tbody td');
    await inner.evaluate(() => (document.getElementById('colour-by') as HTMLSelectElement).value);
    for (const [i, { name, text }] of HOSTILE_PAYLOADS.entries()) {
      const partner = shown(nameOf(i, text));
      assert.ok(
        titles.some((t) => t.startsWith(partner)),
        `${name}: the node's title`,
      );
      assert.ok(people.includes(partner), `${name}: the people table`);
      if (i > 0 && text.slice(0, 60).trim())
        assert.ok(
          links.some((l) => l === shown(text.slice(0, 60).trim())),
          `${name}: the connection's kind`,
        );
    }
    await wb.screenshot('ecosystem-map-hostile');
  });

  it('shows hostile organisations as cluster labels, text only', async () => {
    await inner.evaluate(() => {
      const select = document.getElementById('colour-by') as HTMLSelectElement;
      select.value = 'organisation';
      select.dispatchEvent(new Event('change'));
    });
    await wb.page
      .frameLocator('iframe.webview.ready')
      .frameLocator('#active-frame')
      .locator('svg.map text.cluster-label')
      .nth(HOSTILE_PAYLOADS.length - 1)
      .waitFor({ timeout: 15_000 });
    const labels = await texts('svg.map text.cluster-label');
    for (const { name, text } of HOSTILE_PAYLOADS) {
      const organisation = text.slice(0, 200);
      if (!organisation.trim()) continue;
      assert.ok(
        labels.some((l) => l === shown(organisation)),
        `${name}: organisation label`,
      );
    }
  });

  it('ran nothing and loaded nothing: no dialog, navigation, CSP violation, or element made from text', async () => {
    const elements = await inner.evaluate(() => ({
      forbidden: [...document.querySelectorAll('img, a, iframe, object, embed, base, b, form, textarea, foreignObject, image, use')].map(
        (e) => e.outerHTML.slice(0, 80),
      ),
      svgs: [...document.querySelectorAll('svg')].filter((svg) => !svg.matches('svg.map, svg.swatch')).length,
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
