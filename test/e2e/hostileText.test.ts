// Every hostile payload (test/fixtures/hostilePayloads.ts) in every text field the partner page shows,
// in the real workbench and the real browser: the header fields cycle through the payloads by hand
// edits of the partner file (the page follows them live), the lists hold all of them at once. A
// listener fails the test on any dialog, navigation or Content-Security-Policy violation, and no
// element may come out of the text.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { subDays } from 'date-fns';
import type { Frame, FrameLocator } from 'playwright-core';
import { newId } from '../../src/core/ids';
import { visible } from '../../src/core/visibleText';
import { HOSTILE_PAYLOADS } from '../fixtures/hostilePayloads';
import { repoRoot } from '../harness/codeServer';
import { recordCounts } from '../reliability/counts';
import { assertStrictCsp, attachWebview, guardPage, type PageGuard } from './webviewGuard';
import { openWorkbench, type Workbench } from './workbench';

const vsix = process.env.ALLIANCES_VSIX ?? path.join(repoRoot, 'dist', 'alliances.vsix');
const AUTHOR = { name: 'Alex Morgan', email: 'alex.morgan@example.com' };
/** What the page shows for stored text: bidi, zero-width and control characters as ⟨U+…⟩ (src/core/visibleText.ts). */
const shown = (text: string) => visible(text, { multiline: true });

function write(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

describe('Hostile text on the partner page (real browser)', function () {
  let wb: Workbench;
  let workspace: string;
  let partnerFile: string;
  let partner: Record<string, unknown>;
  let frame: FrameLocator;
  let inner: Frame;
  let frameUrl: string;
  let cspEvents: () => Promise<string[]>;
  let guard: PageGuard;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-e2e-hostile-'));
    const store = path.join(workspace, '.alliances');
    const now = new Date();
    const stamp = subDays(now, 60).toISOString();
    const base = (ms: number) => ({ schemaVersion: 1, id: newId(ms), createdAt: stamp, updatedAt: stamp, author: AUTHOR });
    write(path.join(store, 'alliances.json'), { format: 'alliances', schemaVersion: 1, createdAt: stamp });
    partner = { ...base(now.getTime() - 90 * 86_400_000), name: 'Hostile Host', department: 'Security', cadenceDays: 14 };
    partnerFile = path.join(store, 'partners', `hostile-host-${partner.id as string}.json`);
    write(partnerFile, partner);
    // A second partner for connections: each payload as an own kind word and as a note.
    const friend = { ...base(now.getTime() - 89 * 86_400_000), name: 'Friendly Host', department: 'Security', cadenceDays: 14 };
    write(path.join(store, 'partners', `friendly-host-${friend.id}.json`), friend);
    HOSTILE_PAYLOADS.forEach(({ text }, index) => {
      const connection = {
        ...base(now.getTime() - (index + 2) * 86_400_000 + 1),
        fromId: index % 2 === 0 ? partner.id : friend.id,
        toId: index % 2 === 0 ? friend.id : partner.id,
        kind: text.slice(0, 60).trim() || 'x',
        note: text.slice(0, 2000),
      };
      write(path.join(store, 'connections', `${connection.id}.json`), connection);
    });
    HOSTILE_PAYLOADS.forEach(({ text }, index) => {
      const line = text.slice(0, 2000);
      const at = now.getTime() - (index + 2) * 86_400_000;
      const checkIn = {
        ...base(at),
        date: new Date(at).toISOString(),
        partnerId: partner.id,
        kind: 'help-me',
        rating: 1 + (index % 5),
        summary: line,
        notes: text,
        author: { name: text.slice(0, 200) },
      };
      write(path.join(store, 'checkins', String(new Date(at).getFullYear()), `${checkIn.id}.json`), checkIn);
      write(path.join(store, 'private', 'notes', `${checkIn.id}.json`), {
        ...base(at),
        id: checkIn.id,
        checkInId: checkIn.id,
        notes: text,
      });
      const records: [string, Record<string, unknown>][] = [
        [
          'talking-points',
          {
            ...base(at),
            partnerId: partner.id,
            text: line,
            source: { path: `src/${text.slice(0, 200).replace(/\.\./g, '_')}`, startLine: 1, endLine: 2 },
          },
        ],
        ['follow-ups', { ...base(at), partnerId: partner.id, text: line, owner: 'teammate', teammate: text.slice(0, 200) }],
        ['asks', { ...base(at), partnerId: partner.id, direction: 'i-asked', text: line, status: 'open' }],
      ];
      for (const [folder, record] of records) write(path.join(store, folder, `${record.id as string}.json`), record);
    });

    wb = await openWorkbench({ workspace, vsix });
    guard = guardPage(wb.page);
  });

  after(async () => {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  /** Text content of every element matching `selector` in the page. */
  const texts = (selector: string): Promise<string[]> =>
    inner.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.textContent ?? ''), selector);

  it("opens the page, whose Content-Security-Policy has default-src 'none' and a nonce on every script", async () => {
    await wb.runCommand('Alliances: Open Partner Page');
    await wb.quickInputType('Hostile Host');
    await wb.quickPick('Hostile Host');
    ({
      frame,
      inner,
      url: frameUrl,
      cspEvents,
    } = await attachWebview(wb.page, (f) => f.locator('h1#partner-name').filter({ hasText: 'Hostile Host' }).waitFor({ timeout: 30_000 })));
    await assertStrictCsp(inner);
  });

  it(`shows all ${HOSTILE_PAYLOADS.length} payloads in every list field as literal text`, async () => {
    const count = HOSTILE_PAYLOADS.length;
    await frame
      .locator('section#timeline li.entry')
      .nth(count - 1)
      .waitFor({ timeout: 30_000 });
    const summaries = await texts('section#timeline .summary');
    const notes = await texts('section#timeline .notes:not(.private-note) pre');
    const privateNotes = await texts('section#timeline .private-note pre');
    const metas = await texts('section#timeline .item-meta');
    const points = await texts('section#talking-points .item-text');
    const followUps = await texts('section#follow-ups .item-text');
    const owners = await texts('section#follow-ups .item-meta');
    const asks = await texts('section#asks .item-text');
    for (const { name, text } of HOSTILE_PAYLOADS) {
      const line = text.slice(0, 2000);
      assert.ok(summaries.includes(shown(line)), `${name}: summary`);
      assert.ok(notes.includes(shown(text)), `${name}: notes`);
      assert.ok(privateNotes.includes(shown(text)), `${name}: private notes`);
      assert.ok(
        metas.some((meta) => meta.includes(`by ${shown(text.slice(0, 200))}`)),
        `${name}: author`,
      );
      assert.ok(points.includes(shown(line.trim())), `${name}: talking point`);
      assert.ok(followUps.includes(shown(line.trim())), `${name}: follow-up`);
      assert.ok(
        owners.some((owner) => owner.includes(`Owner: ${shown(text.slice(0, 200).trim())} (teammate)`)),
        `${name}: follow-up owner`,
      );
      assert.ok(asks.includes(`I asked: ${shown(line.trim())}`), `${name}: ask`);
    }
    recordCounts('e2e-hostile-text', { hostilePayloads: count * 8 });
  });

  it(`shows all ${HOSTILE_PAYLOADS.length} payloads as connection kinds and notes, as literal text`, async () => {
    await frame
      .locator('section#connections li.item')
      .nth(HOSTILE_PAYLOADS.length - 1)
      .waitFor({ timeout: 30_000 });
    const kinds = await texts('section#connections .connection-kind');
    const notes = await texts('section#connections .connection-note');
    const links = await texts('section#connections button.link');
    for (const { name, text } of HOSTILE_PAYLOADS) {
      assert.ok(kinds.includes(shown(text.slice(0, 60).trim() || 'x')), `${name}: connection kind`);
      assert.ok(notes.includes(shown(text.slice(0, 2000))), `${name}: connection note`);
    }
    assert.ok(links.every((link) => link === 'Friendly Host'));
    recordCounts('e2e-hostile-text', { hostilePayloads: HOSTILE_PAYLOADS.length * 2 });
  });

  it('shows each payload in every header field (name, role, department, email, what they lead), following hand edits live', async () => {
    for (const [index, { name, text }] of HOSTILE_PAYLOADS.entries()) {
      const value = text.slice(0, 100);
      const visibleName = `${index} ${text.slice(0, 190)}`.trim();
      write(partnerFile, {
        ...partner,
        name: visibleName,
        role: text.slice(0, 200),
        department: value.trim() || 'Security',
        email: text.slice(0, 300),
        leads: [text.slice(0, 200), 'Roadmap'],
        updatedAt: new Date().toISOString(),
      });
      await inner.waitForFunction(
        (expected) => document.querySelector('h1#partner-name')?.firstChild?.textContent === expected,
        shown(visibleName),
        { timeout: 15_000 },
      );
      assert.equal(await frame.locator('dd[data-fact="email"]').textContent(), shown(text.slice(0, 300)), `${name}: email`);
      assert.equal(
        await frame.locator('[data-testid="role-department"]').textContent(),
        shown([text.slice(0, 200), value.trim() || 'Security'].filter(Boolean).join(' · ')),
        `${name}: role and department`,
      );
      assert.equal(await frame.locator('dd[data-fact="leads"]').textContent(), shown(`${text.slice(0, 200)}, Roadmap`), `${name}: leads`);
    }
    recordCounts('e2e-hostile-text', { hostilePayloads: HOSTILE_PAYLOADS.length * 5 });
  });

  it('ran nothing and loaded nothing: no dialog, navigation, CSP violation, or element made from text', async () => {
    const elements = await inner.evaluate(() => ({
      forbidden: [
        ...document.querySelectorAll(
          'img, a, iframe, object, embed, base, b, form, input:not(vscode-textfield input), link:not([rel="stylesheet"])',
        ),
      ].map((e) => e.outerHTML.slice(0, 80)),
      svgs: [...document.querySelectorAll('svg')].filter((svg) => !svg.closest('section#trend')).length,
      metas: document.querySelectorAll('meta').length,
      inlineScripts: [...document.querySelectorAll('script:not([src])')].filter((s) => !(s.textContent ?? '').includes('acquireVsCodeApi'))
        .length,
      styledSpans: [...document.querySelectorAll('[style]')]
        .map((e) => e.getAttribute('style') ?? '')
        .filter((style) => /position:\s*fixed|background:\s*red/.test(style)).length,
      onHandlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
      background: getComputedStyle(document.body).backgroundImage,
    }));
    assert.deepEqual(elements.forbidden, []);
    assert.equal(elements.svgs, 0, 'no <svg> outside the chart');
    assert.ok(elements.metas <= 3, `${elements.metas} <meta> elements`);
    assert.equal(elements.inlineScripts, 0);
    assert.equal(elements.styledSpans, 0);
    assert.equal(elements.onHandlers, 0);
    assert.equal(elements.background, 'none');
    assert.deepEqual(guard.dialogs, []);
    assert.equal(inner.url(), frameUrl, 'the page never navigated');
    assert.deepEqual(guard.strangeNavigations(), []);
    assert.deepEqual(guard.cspConsole, []);
    assert.deepEqual(await cspEvents(), []);
    // The page is still whole and working after all that.
    assert.equal(await frame.locator('section#timeline li.entry').count(), HOSTILE_PAYLOADS.length);
  });
});
