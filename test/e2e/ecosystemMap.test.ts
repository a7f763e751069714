// The ecosystem map in the real workbench on the demo workspace: opened from the palette, its text lists
// naming the broker (Jonas Berg, the only link to Elena Petrova) and the isolated partner (Aisha Karim,
// over any range); the product trio (Dana and Priya met together); the picture reached with Tab, walked
// with the arrow keys, Enter on a node opening the partner page; the colour toggle; screenshots in light, dark and high contrast.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Frame, FrameLocator } from 'playwright-core';
import { createDemoWorkspace } from '../fixtures/demoStore';
import { repoRoot } from '../harness/codeServer';
import { assertStrictCsp, attachWebview, guardPage, type PageGuard } from './webviewGuard';
import { openWorkbench, type Workbench } from './workbench';

const vsix = process.env.ALLIANCES_VSIX ?? path.join(repoRoot, 'dist', 'alliances.vsix');

describe('Ecosystem map in the real workbench', function () {
  let wb: Workbench;
  let workspace: string;
  let frame: FrameLocator;
  let inner: Frame;
  let cspEvents: () => Promise<string[]>;
  let guard: PageGuard;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-e2e-map-'));
    await createDemoWorkspace(workspace);
    wb = await openWorkbench({ workspace, vsix });
    guard = guardPage(wb.page);
  });

  after(async () => {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  const activeKey = () => inner.evaluate(() => document.activeElement?.getAttribute('data-key') ?? document.activeElement?.id ?? '');
  const node = (name: string) => frame.locator('svg.map g.node', { has: frame.locator('title', { hasText: name }) });

  it('opens from the Command Palette with a strict Content-Security-Policy', async () => {
    await wb.runCommand('Alliances: Open Ecosystem Map');
    ({ frame, inner, cspEvents } = await attachWebview(wb.page, (f) => f.locator('svg.map g.node').first().waitFor({ timeout: 30_000 })));
    await wb.page.locator('.tab').filter({ hasText: 'Ecosystem Map' }).waitFor();
    await assertStrictCsp(inner);
    // 10 active demo partners (Tom is archived) and the two teammates.
    assert.match(await frame.locator('#summary').innerText(), /^10 partners · 2 teammates · \d+ links · 16 check-ins in the range/);
    assert.equal(await frame.locator('svg.map g.node.partner').count(), 10);
    assert.equal(await frame.locator('svg.map g.node.author').count(), 2);
  });

  it('names the broker beside the picture and marks it on the map', async () => {
    const brokers = frame.locator('#figures table.brokers tbody tr');
    assert.equal(await brokers.count(), 1);
    assert.deepEqual(
      (await brokers.first().locator('th, td').allInnerTexts()).map((t) => t.trim()),
      ['Jonas Berg', 'Vendor', 'Elena Petrova'],
    );
    assert.match((await node('Jonas Berg').getAttribute('class')) ?? '', /\bbroker\b/);
    assert.match((await node('Jonas Berg').getAttribute('aria-label')) ?? '', /Jonas Berg, Vendor, Northwind Cloud, 1 check-in — broker/);
    assert.deepEqual(await frame.locator('#figures ul.silos li').allInnerTexts(), ['Support']);
    assert.equal(await frame.locator('svg.map circle.cluster.silo').count(), 1, 'the Support cluster is drawn as a silo');
    // The text alternative: every person and every link.
    assert.equal(await frame.locator('table.people tbody tr').count(), 12);
    assert.ok((await frame.locator('table.links tbody tr').count()) >= 4 + 10);
    // The product trio: Dana and Priya met together once (the meeting), besides their connection.
    const met = frame.locator('table.links tbody tr').filter({ hasText: 'met together' });
    assert.equal(await met.count(), 1);
    assert.match(await met.innerText(), /^(Dana Whitfield\s+Priya Raman|Priya Raman\s+Dana Whitfield)\s+met together\s+1\s/);
  });

  it('is reached with Tab, walked with the arrow keys, and Enter on a node opens the partner page', async () => {
    await frame.locator('#colour-by').focus();
    await wb.page.keyboard.press('Tab');
    const first = await activeKey();
    assert.match(first, /^[pa]:/, `Tab from the last filter reaches a node (got "${first}")`);
    assert.equal(await frame.locator('svg.map g.node[tabindex="0"]').count(), 1, 'one tab stop for the whole picture');
    const seen = new Set([first]);
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'End', 'Home']) {
      await wb.page.keyboard.press(key);
      seen.add(await activeKey());
    }
    assert.ok(seen.size >= 3, `the arrow keys move between nodes (${[...seen].join(', ')})`);
    await node('Jonas Berg').focus();
    assert.equal(await node('Jonas Berg').getAttribute('tabindex'), '0');
    await wb.screenshot('ecosystem-map-focus');
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.tab').filter({ hasText: 'Partner: Jonas Berg' }).waitFor({ timeout: 15_000 });
    await wb.page.locator('.tab').filter({ hasText: 'Ecosystem Map' }).click();
    ({ frame, inner, cspEvents } = await attachWebview(wb.page, (f) => f.locator('svg.map g.node').first().waitFor({ timeout: 30_000 })));
  });

  it('names Aisha Karim isolated over all time and over the last 30 days', async () => {
    assert.deepEqual(await frame.locator('#figures table.isolated tbody th').allInnerTexts(), ['Aisha Karim']);
    await frame.locator('#filter-range').selectOption('30');
    await frame.locator('#figures table.isolated tbody th', { hasText: 'Aisha Karim' }).waitFor({ timeout: 15_000 });
    assert.deepEqual(await frame.locator('#figures table.isolated tbody th').allInnerTexts(), ['Aisha Karim']);
    assert.match((await node('Aisha Karim').getAttribute('class')) ?? '', /\bisolated\b/);
    await frame.locator('#filter-range').selectOption('all');
    await frame.locator('#figures table.brokers tbody th', { hasText: 'Jonas Berg' }).waitFor();
  });

  it('colours and clusters by organisation with the toggle', async () => {
    await frame.locator('#colour-by').selectOption('organisation');
    await frame.locator('svg.map text.cluster-label', { hasText: 'Northwind Cloud' }).waitFor({ timeout: 15_000 });
    const labels = await frame.locator('svg.map text.cluster-label').allTextContents();
    assert.deepEqual(labels, ['The team', 'Acme Retail', 'Northwind Cloud', 'No organisation']);
    await frame.locator('#colour-by').selectOption('department');
    await frame.locator('svg.map text.cluster-label', { hasText: 'Support (silo)' }).waitFor({ timeout: 15_000 });
  });

  it('follows the colour theme (light, dark and high-contrast screenshots)', async () => {
    await wb.runCommand('View: Close Primary Side Bar');
    for (const [theme, bodyClass, shot] of [
      ['Light Modern', 'vscode-light', 'ecosystem-map-light'],
      ['Dark Modern', 'vscode-dark', 'ecosystem-map-dark'],
      ['Dark High Contrast', 'vscode-high-contrast', 'ecosystem-map-high-contrast'],
    ]) {
      await wb.colorTheme(theme);
      await frame.locator(`body.${bodyClass}`).waitFor();
      await wb.runCommand('Notifications: Clear All Notifications');
      await wb.page.mouse.move(1390, 600);
      await wb.page.waitForTimeout(300);
      await wb.screenshot(shot);
    }
    await wb.colorTheme('Dark Modern');
  });

  it('ran nothing it should not: no dialog, no strange navigation, no CSP violation', async () => {
    assert.deepEqual(guard.dialogs, []);
    assert.deepEqual(guard.strangeNavigations(), []);
    assert.deepEqual(guard.cspConsole, []);
    assert.deepEqual(await cspEvents(), []);
  });
});
