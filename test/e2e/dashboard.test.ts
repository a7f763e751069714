// The dashboard in the real workbench on the demo workspace (plus hostile text planted in a partner, a
// check-in and an author): each section checked against the demo's known figures, a theme term clicked,
// a filter changed, a partner opened from the page, light and dark screenshots, and proof that nothing
// hostile ran: no dialog, no navigation, no Content-Security-Policy violation, no element made from text.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { subDays } from 'date-fns';
import type { Frame, FrameLocator, Locator } from 'playwright-core';
import { newId } from '../../src/core/ids';
import { createDemoWorkspace } from '../fixtures/demoStore';
import { repoRoot } from '../harness/codeServer';
import { attachWebview, guardPage, type PageGuard } from './webviewGuard';
import { openWorkbench, type Workbench } from './workbench';

const vsix = process.env.ALLIANCES_VSIX ?? path.join(repoRoot, 'dist', 'alliances.vsix');

// Hostile text in every field the dashboard shows: names, departments, areas, summaries (themes), authors.
const HOSTILE_NAME = '<img src=x onerror=alert(1)> Mallory';
const HOSTILE_DEPARTMENT = 'Legal <script>alert(2)</script>';
const HOSTILE_AREA = '[click](command:workbench.action.quit) {{7*7}}';
const HOSTILE_SUMMARY = 'Contract review <svg onload=alert(3)> </textarea> javascript:alert(4)';
const HOSTILE_AUTHOR = '"><iframe src=javascript:alert(5)> Eve';

function writeRecord(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

describe('Dashboard in the real workbench', function () {
  let wb: Workbench;
  let workspace: string;
  let frame: FrameLocator;
  let innerFrame: Frame;
  let frameUrl: string;
  let cspEvents: () => Promise<string[]>;
  let guard: PageGuard;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-e2e-dashboard-'));
    await createDemoWorkspace(workspace);
    const store = path.join(workspace, '.alliances');
    const when = subDays(new Date(), 3).toISOString();
    const mallory = {
      schemaVersion: 1,
      id: newId(),
      name: HOSTILE_NAME,
      department: HOSTILE_DEPARTMENT,
      leads: [HOSTILE_AREA],
      cadenceDays: 30,
      createdAt: when,
      updatedAt: when,
      author: { name: 'Alex Morgan', email: 'alex.morgan@example.com' },
    };
    writeRecord(path.join(store, 'partners', `${mallory.id}.json`), mallory);
    const checkIn = {
      schemaVersion: 1,
      id: newId(),
      partnerId: mallory.id,
      date: when,
      kind: 'one-on-one',
      rating: 3,
      summary: HOSTILE_SUMMARY,
      createdAt: when,
      updatedAt: when,
      author: { name: HOSTILE_AUTHOR, email: 'eve@example.com' },
    };
    writeRecord(path.join(store, 'checkins', when.slice(0, 4), `${checkIn.id}.json`), checkIn);

    wb = await openWorkbench({ workspace, vsix });
    guard = guardPage(wb.page);
  });

  after(async () => {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  const section = (id: string): Locator => frame.locator(`section#${id}`);
  const clearToasts = async () => {
    await wb.runCommand('Notifications: Clear All Notifications');
    await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await wb.page.mouse.move(1390, 600);
    await wb.page.waitForTimeout(400);
  };

  it('opens from the Command Palette', async () => {
    await wb.runCommand('Alliances: Open Dashboard');
    ({
      frame,
      inner: innerFrame,
      url: frameUrl,
      cspEvents,
    } = await attachWebview(wb.page, (f) => f.locator('section#coverage table.coverage').waitFor({ timeout: 30_000 })));
    await frame.locator('h1').filter({ hasText: 'Alliances Dashboard' }).waitFor();
    await wb.page.locator('.tab').filter({ hasText: 'Alliances Dashboard' }).waitFor();
    // 10 active demo partners + Mallory; Tom is archived.
    assert.match(await frame.locator('#summary').innerText(), /^11 partners in 11 departments · 17 check-ins in the range/);
  });

  it('shows coverage per department and flags the silo', async () => {
    const rows = section('coverage').locator('tbody tr');
    assert.equal(await rows.count(), 11);
    const row = (department: string) => rows.filter({ has: frame.locator('th', { hasText: department }) });
    assert.deepEqual(
      (await row('Support').locator('td').allInnerTexts()).map((t) => t.trim()),
      ['1', '50 days', '0 of 1 (0%)', 'Silo'],
    );
    assert.deepEqual(
      (await row('Design').locator('td').allInnerTexts()).map((t) => t.trim()),
      ['1', '5 days', '1 of 1 (100%)', 'OK'],
    );
    assert.match(await row('Customer Success').locator('td').nth(2).innerText(), /1 of 1 \(100%\)/);
    assert.match(await section('coverage').locator('.callout').innerText(), /^1 silo: no contact for over 45 days with Support\.$/);
    assert.equal(await section('coverage').locator('svg.share-bar[role="img"]').count(), 11, 'bars carry a text alternative');
  });

  it('lists slipping relationships first under health, with rating trends', async () => {
    const slipping = section('health').locator('ul.slipping li');
    assert.equal(await slipping.count(), 1);
    assert.match(await slipping.first().innerText(), /^Marcus Ortega · Sales — Cadence missed twice in a row \(by 14 and 4 days\)$/);
    const trends = section('health').locator('table.trends').first().locator('tbody tr');
    assert.match(await trends.filter({ hasText: 'Product' }).innerText(), /Product\s+3\.7\s+3/);
  });

  it('draws the themes, and a click lists the check-ins that mention a term', async () => {
    const term = section('themes').locator('button.term[data-term="sso"]');
    assert.match(await term.innerText(), /^sso/);
    assert.match((await term.getAttribute('class')) ?? '', /weight-5/, 'the most mentioned term is the largest');
    await term.click();
    await frame.locator('#theme-results-heading').filter({ hasText: 'Check-ins mentioning “sso” (3)' }).waitFor();
    const items = await frame.locator('ul.theme-check-ins li').allInnerTexts();
    assert.equal(items.length, 3);
    assert.ok(
      items.filter((text) => text.includes('Marcus Ortega')).length === 2 && items.some((text) => text.includes('Kwame Mensah')),
      items.join('\n'),
    );
    assert.equal(await term.getAttribute('aria-pressed'), 'true');
  });

  it('shows reciprocity, who leads what (searchable) and the team', async () => {
    const reciprocity = section('reciprocity');
    assert.match(
      await reciprocity.locator('tbody tr', { hasText: 'Sofia Lindqvist' }).innerText(),
      /Sofia Lindqvist\s+1\s+1\s+even\s+0\s+0/,
    );
    assert.match(await reciprocity.locator('tbody tr', { hasText: 'Hannah Okafor' }).innerText(), /Hannah Okafor\s+0\s+0\s+even\s+1\s+0/);

    const leads = section('leads');
    assert.equal(await leads.locator('dt').count(), 7);
    await leads.locator('#leads-search').fill('pric');
    await leads.locator('dt').filter({ hasText: 'Pricing' }).waitFor();
    assert.deepEqual(await leads.locator('dt').allInnerTexts(), ['Pricing']);
    assert.match(await leads.locator('dd').innerText(), /Dana Whitfield \(Product\)/);
    await leads.locator('#leads-search').fill('');

    const authors = await section('team').locator('table.authors tbody th').allInnerTexts();
    assert.deepEqual([...authors].sort(), [HOSTILE_AUTHOR, 'Alex Morgan', 'Sam Lee'].sort());
    assert.ok((await section('team').locator('ul.single-holders li').count()) > 0, 'with three authors, single holders are listed');
  });

  it('shows hostile text as text in every section', async () => {
    assert.equal(await section('coverage').locator('tbody th', { hasText: HOSTILE_DEPARTMENT }).innerText(), HOSTILE_DEPARTMENT);
    assert.equal(await section('leads').locator('dt', { hasText: '{{7*7}}' }).innerText(), HOSTILE_AREA);
    assert.match(await section('leads').locator('dd', { hasText: 'Mallory' }).innerText(), /<img src=x onerror=alert\(1\)> Mallory/);
    assert.equal(await section('team').locator('table.authors tbody th', { hasText: 'Eve' }).innerText(), HOSTILE_AUTHOR);
    // "review": Dana's roadmap review and Mallory's contract review.
    await section('themes').locator('button.term[data-term="review"]').click();
    await frame.locator('ul.theme-check-ins li').filter({ hasText: 'Contract review' }).waitFor();
    assert.match(
      await frame.locator('ul.theme-check-ins li', { hasText: 'Contract review' }).innerText(),
      /Contract review <svg onload=alert\(3\)> <\/textarea> javascript:alert\(4\)/,
    );
    for (const tag of ['img', 'a', 'iframe', 'svg[onload]', 'textarea', 'script:not([src])']) {
      const count = await innerFrame.evaluate(
        (selector) =>
          [...document.querySelectorAll(selector)].filter(
            (el) => !(el instanceof HTMLScriptElement) || !(el.textContent ?? '').includes('acquireVsCodeApi'),
          ).length,
        tag,
      );
      assert.equal(count, 0, `no <${tag}> made from text`);
    }
  });

  it('filters by department', async () => {
    await frame.locator('#filter-department').selectOption('Sales');
    await frame
      .locator('#summary')
      .filter({ hasText: /^1 partner in 1 department · 2 check-ins/ })
      .waitFor();
    assert.deepEqual(await section('coverage').locator('tbody th').allInnerTexts(), ['Sales']);
    await frame.locator('#filter-department').selectOption('');
    await frame
      .locator('#summary')
      .filter({ hasText: /^11 partners/ })
      .waitFor();
  });

  it('follows the color theme (light and dark screenshots)', async () => {
    await wb.runCommand('View: Close Primary Side Bar');
    const top = () => innerFrame.evaluate(() => window.scrollTo(0, 0));
    await wb.runCommand('Preferences: Color Theme');
    await wb.quickInputType('Light Modern');
    await wb.quickPick('Light Modern');
    await frame.locator('body.vscode-light').waitFor();
    await clearToasts();
    await top();
    await wb.screenshot('dashboard-light');
    await section('themes').scrollIntoViewIfNeeded();
    await wb.screenshot('dashboard-light-themes');
    await wb.runCommand('Preferences: Color Theme');
    await wb.quickInputType('Dark Modern');
    await wb.quickPick('Dark Modern');
    await frame.locator('body.vscode-dark').waitFor();
    await clearToasts();
    await top();
    await wb.screenshot('dashboard-dark');
  });

  it('ran nothing hostile: no dialog, no navigation, no CSP violation', async () => {
    assert.deepEqual(guard.dialogs, []);
    assert.deepEqual(guard.strangeNavigations(), [], 'no frame went anywhere but the workbench and its webview host');
    assert.deepEqual(guard.cspConsole, []);
    assert.deepEqual(await cspEvents(), []);
    assert.equal(innerFrame.url(), frameUrl, 'the page never navigated');
  });

  it('comes back after Developer: Reload Window with its filter (its serializer registers once the extension has loaded), one page', async () => {
    await frame.locator('#filter-department').selectOption('Sales');
    await frame
      .locator('#summary')
      .filter({ hasText: /^1 partner in 1 department/ })
      .waitFor();
    // The workbench's own reload saves each page's state first (a bare browser reload may not).
    const reloaded = wb.page.waitForEvent('load', { timeout: 60_000 });
    await wb.runCommand('Developer: Reload Window');
    await reloaded;
    await wb.page.locator('.monaco-workbench .statusbar').waitFor({ state: 'visible', timeout: 60_000 });
    await wb.page.locator('.tab').filter({ hasText: 'Alliances Dashboard' }).click({ timeout: 30_000 });
    ({ frame } = await attachWebview(wb.page, (f) => f.locator('section#coverage table.coverage').waitFor({ timeout: 30_000 })));
    // Drawn again by the extension, with the filter the page had: not a blank page, not the default view.
    await frame
      .locator('#summary')
      .filter({ hasText: /check-ins/ })
      .waitFor({ timeout: 15_000 });
    assert.equal(await frame.locator('#filter-department').inputValue(), 'Sales');
    assert.match(await frame.locator('#summary').innerText(), /^1 partner in 1 department · 2 check-ins in the range/);
    assert.equal(await wb.page.locator('.tab').filter({ hasText: 'Alliances Dashboard' }).count(), 1, 'one page, not two');
    await frame.locator('#filter-department').selectOption('');
    await frame
      .locator('#summary')
      .filter({ hasText: /^11 partners/ })
      .waitFor();
  });

  it("opens a partner's page from the dashboard", async () => {
    await section('health').locator('ul.slipping button.link', { hasText: 'Marcus Ortega' }).click();
    await wb.page.locator('.tab').filter({ hasText: 'Partner: Marcus Ortega' }).waitFor({ timeout: 15_000 });
  });
});
