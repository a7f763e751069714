// The initiative page in the real workbench on the demo workspace: opened from the palette's Open
// Initiative… pick, its grid drawn (Billing migration's four people in their cells, a screenshot), the
// grid reached with Tab and walked with the arrow keys; "Add talking point" for the person to win over
// writes the file; a stance changed through Assess Stakeholder… shows in the page's history.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Frame, FrameLocator } from 'playwright-core';
import { createDemoWorkspace } from '../fixtures/demoStore';
import { repoRoot } from '../harness/codeServer';
import { onInputStep } from './addPartnerInputs';
import { assertStrictCsp, attachWebview, guardPage, type PageGuard } from './webviewGuard';
import { openWorkbench, type Workbench } from './workbench';

const vsix = process.env.ALLIANCES_VSIX ?? path.join(repoRoot, 'dist', 'alliances.vsix');

function readJsonFiles<T>(dir: string): T[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as T);
}

describe('Initiative page in the real workbench', function () {
  let wb: Workbench;
  let workspace: string;
  let frame: FrameLocator;
  let inner: Frame;
  let cspEvents: () => Promise<string[]>;
  let guard: PageGuard;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-e2e-initiative-'));
    await createDemoWorkspace(workspace);
    wb = await openWorkbench({ workspace, vsix });
    guard = guardPage(wb.page);
  });

  after(async () => {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  const person = (name: string) => frame.locator('svg.stakeholder-grid g.person', { has: frame.locator('title', { hasText: name }) });
  const historyOf = (name: string) => frame.locator('ul.history li', { hasText: name });

  it('opens from Open Initiative… with a strict Content-Security-Policy, and draws the grid', async () => {
    await wb.runCommand('Alliances: Open Initiative…');
    await wb.quickPick('Billing migration');
    ({ frame, inner, cspEvents } = await attachWebview(wb.page, (f) =>
      f.locator('svg.stakeholder-grid g.person').nth(3).waitFor({ timeout: 30_000 }),
    ));
    await wb.page.locator('.tab').filter({ hasText: 'Initiative: Billing migration' }).waitFor();
    await assertStrictCsp(inner);
    assert.equal(await frame.locator('h1#initiative-name').innerText(), 'Billing migration');
    assert.match(await frame.locator('#facts').innerText(), /^Active · due /);
    assert.equal(await frame.locator('#goal').innerText(), 'Move invoicing to the new billing platform without a missed invoice');
    assert.match(await frame.locator('#areas').innerText(), /src\/billing\/\*\*/);
    // Dana champion high 3 + Leo supporter medium 2; Hannah blocker medium 2; Kwame neutral: undecided.
    assert.match(await frame.locator('#balance').innerText(), /^Support 5 · resistance 2 \(weighted by influence\) · undecided 1/);
    assert.equal(await frame.locator('svg.stakeholder-grid g.person').count(), 4);
    assert.match((await person('Dana Whitfield').getAttribute('class')) ?? '', /stance-champion/);
    assert.match((await person('Hannah Okafor').getAttribute('aria-label')) ?? '', /Hannah Okafor \(Support\): blocker, influence medium/);
    // The grid as a table, the legend in words, the roles.
    assert.equal(await frame.locator('table.people tbody tr').count(), 4);
    assert.deepEqual(await frame.locator('ul.legend li').allInnerTexts(), [
      'champion',
      'supporter',
      'neutral',
      'skeptic',
      'blocker',
      'unknown',
    ]);
    assert.equal(await frame.locator('dl.roles dd[data-role="approves"]').innerText(), 'Dana Whitfield');
    assert.match(await historyOf('Kwame Mensah').innerText(), /^Kwame Mensah: skeptic \(.+\) → neutral \(.+\)$/);
    await wb.screenshot('initiative-page');
  });

  it('the grid is one tab stop; the arrow keys walk its people', async () => {
    await person('Dana Whitfield').focus();
    const focused = () => inner.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    const first = await focused();
    await wb.page.keyboard.press('ArrowRight');
    const second = await focused();
    assert.notEqual(second, first);
    assert.match(second, /influence/);
    await wb.page.keyboard.press('ArrowLeft');
    assert.equal(await focused(), first);
    assert.equal(await frame.locator('svg.stakeholder-grid g.person[tabindex="0"]').count(), 1, 'one tab stop');
  });

  it('"Add talking point" beside the person to win over writes one for them', async () => {
    const kwame = frame.locator('ol.win-over li', { hasText: 'Kwame Mensah' });
    await kwame.waitFor();
    assert.match(await kwame.innerText(), /neutral/);
    await kwame.locator('button.add-point').click();
    await frame.locator('#status', { hasText: 'Talking point added for Kwame Mensah' }).waitFor();
    const points = readJsonFiles<{ text: string }>(path.join(workspace, '.alliances', 'talking-points'));
    assert.ok(points.some((p) => p.text === 'Billing migration: where do you stand, and what would win you over?'));
  });

  it('a stance changed through Assess Stakeholder… shows in the history, and Kwame is won over', async () => {
    // The page holds the focus: give it back to the workbench, then run the palette's flow.
    await wb.page.locator('.statusbar').click({ position: { x: 5, y: 5 } });
    await wb.runCommand('Alliances: Assess Stakeholder…');
    await wb.quickPick('Billing migration');
    await wb.quickInputType('Kwame');
    await wb.quickPick('Kwame Mensah');
    await onInputStep(wb, 1, 6);
    await wb.quickPick('supporter');
    for (let step = 2; step <= 6; step++) {
      await onInputStep(wb, step, 6);
      await wb.quickInputAccept(); // Enter keeps the current influence, interest, role, cares, offers
    }
    await historyOf('Kwame Mensah')
      .filter({ hasText: /→ supporter \(/ })
      .waitFor({ timeout: 15_000 });
    assert.match(await historyOf('Kwame Mensah').innerText(), /^Kwame Mensah: skeptic \(.+\) → neutral \(.+\) → supporter \(.+\)$/);
    assert.match((await person('Kwame Mensah').getAttribute('class')) ?? '', /stance-supporter/);
    await frame.locator('#win-over p.empty').waitFor();
    await wb.screenshot('initiative-page-after-assessment');
  });

  it('follows the colour theme (light, dark and high-contrast screenshots)', async () => {
    for (const [theme, bodyClass, shot] of [
      ['Light Modern', 'vscode-light', 'initiative-page-light'],
      ['Dark Modern', 'vscode-dark', 'initiative-page-dark'],
      ['Dark High Contrast', 'vscode-high-contrast', 'initiative-page-high-contrast'],
    ]) {
      await wb.colorTheme(theme);
      await frame.locator(`body.${bodyClass}`).waitFor();
      await wb.runCommand('Notifications: Clear All Notifications');
      // The marks take the theme's colours: a champion's star is filled, never the default black.
      const fill = await inner.evaluate(() => {
        const mark = document.querySelector('svg.stakeholder-grid .mark.stance-champion');
        return mark ? getComputedStyle(mark).fill : '';
      });
      assert.ok(fill && fill !== 'rgb(0, 0, 0)' && fill !== 'none', `${theme}: the champion's mark is coloured (${fill})`);
      await wb.page.waitForTimeout(300);
      await wb.screenshot(shot);
    }
  });

  it('ran nothing it should not: no dialog, navigation or CSP violation', async () => {
    assert.deepEqual(guard.dialogs, []);
    assert.deepEqual(guard.strangeNavigations(), []);
    assert.deepEqual(guard.cspConsole, []);
    assert.deepEqual(await cspEvents(), []);
  });

  // Last: the page it opens takes the place of the first one (whose frame then goes).
  it('a click on an initiative in the Initiatives view opens its page', async () => {
    await wb.page.locator('.activitybar .action-item:has(a[aria-label^="Alliances"])').click();
    const pane = wb.page.locator('.pane:has(.pane-header[aria-label^="Initiatives"])');
    const header = pane.locator('.pane-header');
    await header.waitFor();
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    const row = pane.locator('.monaco-list-row').filter({ hasText: 'Pricing revamp' }).first();
    await row.waitFor({ state: 'visible' });
    await row.locator('.label-name').click();
    await wb.page.locator('.tab').filter({ hasText: 'Initiative: Pricing revamp' }).waitFor();
    // Its page (the one webview on screen) has drawn Pricing revamp's grid: Dana, Elena and Sofia.
    const page = wb.page.frameLocator('iframe.webview.ready >> visible=true').frameLocator('#active-frame');
    await page.locator('h1#initiative-name', { hasText: 'Pricing revamp' }).waitFor({ timeout: 30_000 });
    await page.locator('svg.stakeholder-grid g.person').nth(2).waitFor();
    assert.equal(await page.locator('svg.stakeholder-grid g.person').count(), 3);
    await wb.screenshot('initiative-view-and-page');
  });
});
