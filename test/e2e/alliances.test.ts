// A real user's path through the real workbench: the demo workspace in the sidebar, Add Partner and
// Log Check-in through the Command Palette and the quick inputs, then the tree and the files on disk.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CheckIn, Partner } from '../../src/core/model';
import { createDemoWorkspace } from '../fixtures/demoStore';
import { repoRoot } from '../harness/codeServer';
import { answerAddPartnerWithRosa, onInputStep } from './addPartnerInputs';
import { openWorkbench, type Workbench } from './workbench';

const vsix = process.env.ALLIANCES_VSIX ?? path.join(repoRoot, 'dist', 'alliances.vsix');

function readJsonFiles<T>(dir: string): T[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as T);
}

describe('Alliances in the real workbench', function () {
  let wb: Workbench;
  let workspace: string;
  let store: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-e2e-demo-'));
    await createDemoWorkspace(workspace);
    store = path.join(workspace, '.alliances');
    wb = await openWorkbench({ workspace, vsix });
  });

  after(async () => {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  const tree = () => wb.page.locator('.pane:has(.pane-header[aria-label^="Partners"]) .monaco-list-row');
  const treeRow = (name: string) => tree().filter({ hasText: name }).first();
  /** The quick input shows "n/total" while a multi-step flow is on step n. */
  const onStep = (n: number, total: number) => onInputStep(wb, n, total);

  it('shows the demo partners in the Alliances sidebar, with the due count in the status bar', async () => {
    // The item, not its link: the badge can sit on top of the link.
    await wb.page.locator('.activitybar .action-item:has(a[aria-label^="Alliances"])').click();
    await treeRow('Dana Whitfield').waitFor({ state: 'visible' });
    assert.match(await treeRow('Dana Whitfield').innerText(), /6 days overdue/);
    assert.match(await treeRow('Aisha Karim').innerText(), /snoozed until/);
    assert.equal(await treeRow('Tom Becker').count(), 0, 'archived partners are hidden');
    const status = wb.page.locator('.statusbar-item[aria-label*="partners due for a check-in"]');
    await status.waitFor({ state: 'visible' });
    assert.equal((await status.innerText()).trim(), '4');
    const badge = wb.page.locator('.activitybar .action-item:has(a[aria-label^="Alliances"]) .badge-content');
    // The container's badge adds up its views' badges: 4 partners due + 1 overdue follow-up (Hannah's).
    await badge.filter({ hasText: /^5$/ }).waitFor({ state: 'visible' });
    await wb.screenshot('sidebar-demo');
  });

  it('shows one combined reminder with its actions', async () => {
    const toast = await wb.waitForNotification('due for a check-in');
    const text = await toast.innerText();
    assert.match(
      text,
      /4 partners are due for a check-in: Hannah Okafor \(36 days overdue\), Dana Whitfield \(6 days overdue\) and 2 more\./,
    );
    assert.match(text, /No contact with Support \(50 days\): a silo\./, 'the reminder mentions silos');
    for (const action of ['Log Check-in', 'Snooze All 1 Day', 'Show', "Don't Show Again"]) assert.ok(text.includes(action), action);
    assert.equal(
      await wb.page.locator('.notifications-toasts .notification-list-item').filter({ hasText: 'due for a check-in' }).count(),
      1,
    );
    await wb.screenshot('reminder');
    await toast.hover();
    await toast.locator('.codicon-notifications-clear').click();
  });

  it('adds a partner through the Command Palette and the multi-step input', async () => {
    await wb.runCommand('Alliances: Add Partner');
    await answerAddPartnerWithRosa(wb);
    await treeRow('Rosa Diaz').waitFor({ state: 'visible' });
    assert.match(await treeRow('Rosa Diaz').innerText(), /no check-in yet/);

    const rosa = readJsonFiles<Partner>(path.join(store, 'partners')).find((p) => p.name === 'Rosa Diaz');
    assert.ok(rosa, 'the partner file is on disk');
    assert.equal(rosa.role, 'Head of Partnerships');
    assert.equal(rosa.department, 'Partnerships');
    assert.equal(rosa.cadenceDays, 30);
    assert.equal(rosa.email, undefined);
    assert.equal(rosa.organisation, 'Globex');
    assert.deepEqual(rosa.tags, ['exec', 'launch-q1']);
  });

  it('logs a check-in from the palette in a few keystrokes; the tree updates', async () => {
    await wb.runCommand('Alliances: Log Check-in');
    await onStep(1, 4);
    await wb.quickInputType('Rosa');
    await wb.quickPick('Rosa Diaz');
    await onStep(2, 4);
    await wb.quickInputAccept(); // 1:1, the default
    await onStep(3, 4);
    await wb.quickInputAccept(); // rating 3, the default
    await onStep(4, 4);
    await wb.quickInputType('Kickoff: agreed on monthly syncs');
    await wb.quickInputAccept();
    await wb.page.waitForFunction(() => document.body.innerText.includes('Rosa Diaz'));
    await treeRow('Rosa Diaz').filter({ hasText: 'due in 30 days' }).waitFor({ state: 'visible' });

    const rosa = readJsonFiles<Partner>(path.join(store, 'partners')).find((p) => p.name === 'Rosa Diaz')!;
    const checkIn = readJsonFiles<CheckIn>(path.join(store, 'checkins')).find((c) => c.partnerId === rosa.id);
    assert.ok(checkIn, 'the check-in file is on disk');
    assert.equal(checkIn.kind, 'one-on-one');
    assert.equal(checkIn.rating, 3);
    assert.equal(checkIn.summary, 'Kickoff: agreed on monthly syncs');
    await wb.screenshot('sidebar-after-check-in');
  });

  it('opens Log Check-in with its keybinding (Ctrl+Alt+Shift+L)', async () => {
    await wb.page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });
    await wb.page.keyboard.press('Control+Alt+Shift+L');
    await onStep(1, 4);
    const rows = await wb.page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts();
    assert.equal(rows[0], 'Hannah Okafor', 'most overdue first');
    await wb.page.keyboard.press('Escape');
  });

  it("logs a check-in from the tree item's inline action, partner pre-selected", async () => {
    // Go to Partner reveals and selects someone who may be scrolled out of view.
    await wb.runCommand('Alliances: Go to Partner');
    await wb.quickInputType('Hannah');
    await wb.quickPick('Hannah Okafor');
    // It also opens her page, whose webview takes the focus only once it has loaded: a quick pick opened
    // before that would lose the focus and close. Wait for the page.
    await wb.page
      .frameLocator('iframe.webview.ready')
      .frameLocator('#active-frame')
      .locator('h1#partner-name', { hasText: 'Hannah Okafor' })
      .waitFor();
    const row = treeRow('Hannah Okafor');
    await row.hover();
    await row.locator('.action-label[aria-label^="Log Check-in"]').click();
    // Hannah has a stance on an active initiative (a blocker on Billing migration in the demo): one step
    // more, "was it about an initiative?" (docs/decisions/check-in-initiative-step.md).
    await onStep(1, 4);
    await wb.quickPick('Help-me');
    await onStep(2, 4);
    await wb.quickPick('★★★★☆  4');
    await onStep(3, 4);
    await wb.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Not about an initiative' }).waitFor();
    await wb.quickPick('Billing migration');
    await onStep(4, 4);
    await wb.quickInputType('Escalation path agreed; she helps us with triage');
    await wb.quickInputAccept();
    await treeRow('Hannah Okafor').filter({ hasText: 'due in 14 days' }).waitFor({ state: 'visible' });
    const hannah = readJsonFiles<Partner>(path.join(store, 'partners')).find((p) => p.name === 'Hannah Okafor')!;
    const latest = readJsonFiles<CheckIn>(path.join(store, 'checkins'))
      .filter((c) => c.partnerId === hannah.id)
      .sort((a, b) => b.date.localeCompare(a.date))[0];
    assert.equal(latest?.kind, 'help-me');
    assert.equal(latest?.rating, 4);
    type Named = { id: string; name: string };
    const billing = readJsonFiles<Named>(path.join(store, 'initiatives')).find((i) => i.name === 'Billing migration');
    assert.equal(latest?.initiativeId, billing?.id, 'the check-in names the initiative it was about');
  });

  it('adds a talking point from an editor selection through the context menu', async () => {
    // Go to Partner opened the partner page, which holds the focus: hand it back to the workbench.
    await treeRow('Dana Whitfield').click();
    // Quick Open without ">" finds files.
    await wb.page.keyboard.press('F1');
    await wb.quickInputType('invoice.ts');
    await wb.quickPick('invoice.ts');
    const editor = wb.page.locator('.monaco-editor .view-lines').first();
    await editor.waitFor({ state: 'visible' });
    await editor.click();
    await wb.page.keyboard.press('Control+Home');
    await wb.page.keyboard.press('Shift+ArrowDown');
    await wb.page.keyboard.press('Shift+ArrowDown');
    // The context menu's item, then the partner pick. A click that lands while the menu is still
    // settling can be swallowed (seen only in full runs): the menu is opened and clicked once more then.
    const pickShown = () =>
      wb.page
        .locator('.quick-input-widget input')
        .waitFor({ state: 'visible', timeout: 10_000 })
        .then(() => true)
        .catch(() => false);
    let shown = false;
    for (let attempt = 0; attempt < 2 && !shown; attempt++) {
      await editor.click({ button: 'right', position: { x: 40, y: 5 } });
      const menuItem = wb.page.locator('.context-view .action-item').filter({ hasText: 'Add Talking Point' }).first();
      await menuItem.waitFor({ state: 'visible' }).catch(async (error: Error) => {
        await wb.screenshot('debug-context-menu');
        throw error;
      });
      await menuItem.hover();
      await wb.page.waitForTimeout(150);
      await menuItem.click();
      shown = await pickShown();
      if (!shown) await wb.screenshot(`debug-talking-point-pick-${attempt + 1}`);
    }
    await wb.quickInputType('Marcus');
    await wb.quickPick('Marcus Ortega');
    await wb.page.locator('.quick-input-widget').filter({ hasText: 'about src/billing/invoice.ts:1–2' }).waitFor({ state: 'visible' });
    await wb.quickInputType('Do enterprise deals need invoice totals per line?');
    await wb.quickInputAccept();

    type Point = {
      partnerId: string;
      text: string;
      source?: { path: string; startLine: number; endLine: number; commit?: string; snippet?: string };
    };
    const points = () => readJsonFiles<Point>(path.join(store, 'talking-points'));
    for (let i = 0; i < 50 && !points().some((p) => p.text.startsWith('Do enterprise')); i++) await wb.page.waitForTimeout(100);
    const point = points().find((p) => p.text === 'Do enterprise deals need invoice totals per line?');
    assert.ok(point, 'the talking point file is on disk');
    assert.equal(point.text, 'Do enterprise deals need invoice totals per line?');
    assert.equal(point.source?.path, 'src/billing/invoice.ts');
    assert.equal(point.source?.startLine, 1);
    assert.equal(point.source?.endLine, 2);
    assert.match(point.source?.commit ?? '', /^[0-9a-f]{40}$/);
    assert.match(point.source?.snippet ?? '', /^export function invoiceTotal/);
    // Overdue partners come first when grouped by status: Marcus stays in view with his agenda open.
    await wb.runCommand('Alliances: Group by Due Status');
    // The group's own row: the text "Overdue" alone also matches a partner's "2 days overdue" while the
    // tree is still grouped by department, and the click meant for Marcus then landed on the row that
    // took his place once the tree regrouped (it collapsed the Later group).
    await tree().and(wb.page.locator('[aria-label^="Overdue:"]')).waitFor({ state: 'visible' });
    const marcus = tree().filter({ hasText: 'Marcus Ortega' }).first();
    await marcus.click();
    await marcus.and(wb.page.locator('[aria-expanded="true"]')).waitFor();
    await treeRow('Do enterprise deals need invoice totals per line?')
      .waitFor({ state: 'visible', timeout: 10_000 })
      .catch(async (error: Error) => {
        await wb.screenshot('debug-agenda');
        throw error;
      });
    await wb.screenshot('talking-point-agenda');
    await wb.runCommand('Alliances: Group by Department');

    // …and on Marcus's partner page, with the place in the code.
    await wb.runCommand('Alliances: Open Partner Page');
    await wb.quickInputType('Marcus');
    await wb.quickPick('Marcus Ortega');
    const page = wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await page
      .locator('p.item-text')
      .filter({ hasText: 'Do enterprise deals need invoice totals per line?' })
      .waitFor({ state: 'visible' });
    await page.locator('code.source', { hasText: 'src/billing/invoice.ts:1–2' }).waitFor({ state: 'visible' });
    await treeRow('Dana Whitfield').click(); // the page holds the focus; give it back to the workbench
  });

  it('adds a follow-up and completes it with one click on its checkbox', async () => {
    await wb.runCommand('Alliances: Add Follow-up');
    await wb.quickInputType('Jonas');
    await wb.quickPick('Jonas Berg');
    await onStep(1, 3);
    await wb.quickInputType('Ask for the renewal discount in writing');
    await wb.quickInputAccept();
    await onStep(2, 3);
    await wb.quickInputAccept(); // Me
    await onStep(3, 3);
    await wb.quickPick('Tomorrow');
    const followUpsPane = wb.page.locator('.pane:has(.pane-header[aria-label^="Follow-ups"])');
    const header = followUpsPane.locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    const row = followUpsPane.locator('.monaco-list-row').filter({ hasText: 'Ask for the renewal discount in writing' }).first();
    await row.waitFor({ state: 'visible' });
    await wb.screenshot('follow-ups');
    await row.locator('.custom-view-tree-node-item-checkbox, .monaco-checkbox, [role="checkbox"]').first().click();
    const file = () =>
      readJsonFiles<{ text: string; done?: boolean }>(path.join(store, 'follow-ups')).find(
        (f) => f.text === 'Ask for the renewal discount in writing',
      );
    for (let i = 0; i < 50 && !file()?.done; i++) await wb.page.waitForTimeout(100);
    assert.equal(file()?.done, true, 'the follow-up file says done');
  });
});
