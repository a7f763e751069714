// The partner page in the real workbench: opened from the Command Palette on the demo workspace (with
// hostile text planted in Dana's notes), each section checked, a follow-up completed and a full check-in
// logged from the page with the files on disk checked, themes switched, and proof that nothing hostile
// ran: no dialog, no navigation, no Content-Security-Policy violation, no <img>/<a>/extra <script>.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format, subDays } from 'date-fns';
import type { Frame, FrameLocator, Locator } from 'playwright-core';
import { newId } from '../../src/core/ids';
import type { Ask, CheckIn, FollowUp, Partner, TalkingPoint } from '../../src/core/model';
import { createDemoWorkspace } from '../fixtures/demoStore';
import { repoRoot } from '../harness/codeServer';
import { attachWebview, guardPage, type PageGuard } from './webviewGuard';
import { openWorkbench, type Workbench } from './workbench';

const vsix = process.env.ALLIANCES_VSIX ?? path.join(repoRoot, 'dist', 'alliances.vsix');

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const TEXTAREA = '</textarea>';
const JS_LINK = '[the plan](javascript:alert(1))';
const HOSTILE_SUMMARY = `Billing migration slipped ${SCRIPT}`;
const HOSTILE_NOTES = `## Launch\n- She is worried ${IMG}\n- ${TEXTAREA} closes nothing\n- See ${JS_LINK}`;
const HOSTILE_PRIVATE = `Private: ${SCRIPT} ${IMG}`;
const FOLLOW_UP_TEXT = `Send the Q1 estimates ${TEXTAREA}${IMG}`;
const AUTHOR = { name: 'Alex Morgan', email: 'alex.morgan@example.com' };

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

function readJsonFiles<T>(dir: string): T[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .map((name) => readJson<T>(path.join(dir, name)));
}

function writeRecord(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** until() for probes that need the page (Playwright calls are async). */
async function untilAsync(what: string, probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Partner page in the real workbench', function () {
  let wb: Workbench;
  let workspace: string;
  let store: string;
  let dana: Partner;
  let danaFile: string;
  let latestCheckIn: CheckIn;
  let followUpFile: string;
  let pointByKeyboard: TalkingPoint;
  let pointByForm: TalkingPoint;
  let guard: PageGuard;
  /** securitypolicyviolation events seen by earlier documents of the page (it reloads when re-shown). */
  const earlierCspEvents: string[] = [];
  let frame: FrameLocator;
  let innerFrame: Frame;
  let frameUrl: string;

  const stamp = (daysAgo: number) => subDays(new Date(), daysAgo).toISOString();

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-e2e-page-'));
    await createDemoWorkspace(workspace);
    store = path.join(workspace, '.alliances');

    // Hostile text in Dana's latest check-in, its private note, and a follow-up; talking points and asks.
    danaFile = fs
      .readdirSync(path.join(store, 'partners'))
      .map((name) => path.join(store, 'partners', name))
      .find((file) => readJson<Partner>(file).name === 'Dana Whitfield')!;
    dana = readJson<Partner>(danaFile);
    const checkInFiles = fs
      .readdirSync(path.join(store, 'checkins'), { recursive: true, encoding: 'utf8' })
      .filter((n) => n.endsWith('.json'))
      .map((n) => path.join(store, 'checkins', n));
    const latestFile = checkInFiles
      .filter((f) => readJson<CheckIn>(f).partnerId === dana.id)
      .sort((a, b) => readJson<CheckIn>(b).date.localeCompare(readJson<CheckIn>(a).date))[0];
    latestCheckIn = { ...readJson<CheckIn>(latestFile), summary: HOSTILE_SUMMARY, notes: HOSTILE_NOTES };
    writeRecord(latestFile, latestCheckIn);
    const base = (daysAgo: number) => ({
      schemaVersion: 1,
      id: newId(Date.now() - daysAgo * 86_400_000),
      createdAt: stamp(daysAgo),
      updatedAt: stamp(daysAgo),
      author: AUTHOR,
    });
    writeRecord(path.join(store, 'private', 'notes', `${latestCheckIn.id}.json`), {
      ...base(20),
      id: latestCheckIn.id,
      checkInId: latestCheckIn.id,
      notes: HOSTILE_PRIVATE,
    });
    const followUp = {
      ...base(20),
      partnerId: dana.id,
      checkInId: latestCheckIn.id,
      text: FOLLOW_UP_TEXT,
      owner: 'me',
      due: format(subDays(new Date(), 3), 'yyyy-MM-dd'),
    };
    followUpFile = path.join(store, 'follow-ups', `${followUp.id}.json`);
    writeRecord(followUpFile, followUp);
    pointByKeyboard = {
      ...base(5),
      partnerId: dana.id,
      text: 'Retry policy for failed invoices',
      source: { path: 'src/billing/invoice.ts', startLine: 1, endLine: 3, snippet: 'export function invoiceTotal' },
    };
    pointByForm = { ...base(4), partnerId: dana.id, text: 'Pricing page copy review' };
    for (const point of [pointByKeyboard, pointByForm]) writeRecord(path.join(store, 'talking-points', `${point.id}.json`), point);
    const asks: Ask[] = [
      { ...base(34), partnerId: dana.id, direction: 'i-asked', text: 'Fewer mid-sprint asks', status: 'open' },
      { ...base(34), partnerId: dana.id, direction: 'they-asked', text: 'Estimates two weeks earlier', status: 'helped' },
    ];
    for (const ask of asks) writeRecord(path.join(store, 'asks', `${ask.id}.json`), ask);

    wb = await openWorkbench({ workspace, vsix });
    guard = guardPage(wb.page);
  });

  after(async () => {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  const section = (id: string): Locator => frame.locator(`section#${id}`);
  const status = (): Locator => frame.locator('#status');
  let cspEvents: () => Promise<string[]>;
  /** No toast over the page, no tooltip from the mouse: a clean screenshot. */
  const clearToasts = async () => {
    await wb.runCommand('Notifications: Clear All Notifications');
    await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await wb.page.mouse.move(1390, 600);
    await wb.page.waitForTimeout(400); // the palette fades out
  };

  /** The page's document (two iframes deep), with a recorder of CSP violations from now on. */
  async function attachToPage(): Promise<void> {
    ({
      frame,
      inner: innerFrame,
      url: frameUrl,
      cspEvents,
    } = await attachWebview(wb.page, (f) =>
      f.locator('h1#partner-name').filter({ hasText: 'Dana Whitfield' }).waitFor({ timeout: 30_000 }),
    ));
  }

  it('opens from the Command Palette with the partner picked, and shows the header', async () => {
    await wb.runCommand('Alliances: Open Partner Page');
    await wb.quickInputType('Dana');
    await wb.quickPick('Dana Whitfield');
    await attachToPage();
    await wb.page.locator('.tab').filter({ hasText: 'Partner: Dana Whitfield' }).waitFor();

    const fact = (name: string) => frame.locator(`dd[data-fact="${name}"]`);
    assert.equal(await frame.locator('[data-testid="role-department"]').innerText(), 'Director of Product · Product');
    assert.equal(await fact('leads').innerText(), 'Roadmap, Pricing');
    assert.equal(await fact('cadence').innerText(), 'every 14 days');
    assert.equal(await fact('due').innerText(), '6 days overdue');
    assert.equal(await fact('email').innerText(), 'dana@example.com');
  });

  it('shows the timeline newest first, with hostile text as literal text and private notes marked', async () => {
    const entries = section('timeline').locator('li.entry');
    // Her three 1:1s and the product trio (a group check-in with Priya).
    assert.equal(await entries.count(), 4);
    const newest = entries.first();
    assert.equal(await newest.locator('.summary').innerText(), HOSTILE_SUMMARY);
    assert.equal(await newest.locator('.notes:not(.private-note) pre').innerText(), HOSTILE_NOTES);
    assert.match(await newest.locator('.item-meta').innerText(), /by (Alex Morgan|Sam Lee)/);
    assert.match(await newest.locator('h3').innerText(), /1:1/);
    assert.match(await newest.locator('.rating').innerText(), /3\/5/);
    const privateNote = newest.locator('.private-note');
    assert.match(await privateNote.locator('h4').innerText(), /Private note\s+Private/);
    assert.equal(await privateNote.locator('pre').innerText(), HOSTILE_PRIVATE);
    assert.match(await entries.nth(1).locator('h3').innerText(), /Help-me/);
    assert.equal(await entries.nth(2).locator('[data-testid="group"]').innerText(), 'with Priya Raman');
    // Text stayed text: no element was made from it.
    assert.equal(await frame.locator('img').count(), 0);
    assert.equal(await frame.locator('a').count(), 0);
    assert.equal(
      await innerFrame.evaluate(() => document.querySelectorAll('textarea').length),
      0,
      'no <textarea> outside the form controls',
    );
    // Scripts: ours (by URL, with the nonce) and VS Code's own acquireVsCodeApi (injected before our CSP).
    const scripts = await innerFrame.evaluate(() =>
      [...document.querySelectorAll('script')].map((script) => ({ src: script.src, text: script.textContent ?? '' })),
    );
    assert.deepEqual(
      scripts.filter((script) => script.src).map((script) => path.posix.basename(new URL(script.src).pathname)),
      ['partnerPage.js'],
    );
    assert.ok(
      scripts.filter((script) => !script.src).every((script) => script.text.includes('acquireVsCodeApi')),
      'no other inline script',
    );
    assert.ok(scripts.every((script) => !script.text.includes('alert(')));
  });

  it('draws the rating trend with a text alternative', async () => {
    const chart = section('trend');
    assert.equal(await chart.locator('svg.chart circle.point').count(), 3);
    assert.equal(await chart.locator('svg.chart polyline.trend').count(), 1);
    assert.match((await chart.locator('svg.chart desc').textContent()) ?? '', /3 rated check-ins .* latest 3 of 5, average 3\.7/);
    const rows = await chart.locator('table.visually-hidden tbody tr').allInnerTexts();
    assert.deepEqual(
      rows.map((row) => row.split('\t')[1]),
      ['4', '4', '3'],
    );
  });

  it('shows talking points, follow-ups and the asks/offers balance', async () => {
    const points = section('talking-points');
    assert.match(await points.locator('h2').innerText(), /Talking points \(2 open\)/);
    const first = points.locator('li.item').first();
    assert.equal(await first.locator('.item-text').innerText(), pointByKeyboard.text);
    assert.equal(await first.locator('code.source').innerText(), 'src/billing/invoice.ts:1–3');
    assert.equal(await first.locator('vscode-button', { hasText: 'Open code' }).count(), 1);

    const followUp = section('follow-ups').locator('li.item').first();
    assert.equal(await followUp.locator('.item-text').innerText(), FOLLOW_UP_TEXT);
    assert.match(await followUp.locator('.item-meta').innerText(), /Owner: Alex Morgan \(me\)/);
    assert.match(await followUp.locator('.item-meta').innerText(), /3 days overdue/);

    assert.equal(await section('asks').locator('[data-testid="i-asked"]').innerText(), '1 (open 1, helped 0, declined 0)');
    assert.equal(await section('asks').locator('[data-testid="they-asked"]').innerText(), '1 (open 0, helped 1, declined 0)');
    assert.match(await section('asks').locator('li.item').innerText(), /I asked: Fewer mid-sprint asks/);
    await clearToasts();
    await wb.screenshot('partner-page');
    // The whole page, timeline included, in a tall window.
    await wb.page.setViewportSize({ width: 1400, height: 2400 });
    await wb.page.waitForTimeout(300);
    await wb.screenshot('partner-page-full');
    await wb.page.setViewportSize({ width: 1400, height: 900 });
  });

  it('is usable by keyboard: Tab reaches every control in reading order', async () => {
    await frame.locator('h1#partner-name').click();
    const order: string[] = [];
    for (let i = 0; i < 11; i++) {
      await wb.page.keyboard.press('Tab');
      order.push(
        await innerFrame.evaluate(() => {
          const active = document.activeElement as HTMLElement | null;
          return active?.closest<HTMLElement>('[data-focus]')?.dataset.focus ?? active?.tagName ?? '';
        }),
      );
    }
    assert.deepEqual(
      order.map((key) => key.replace(/-[0-9a-z]{26}$/, '-<id>')),
      [
        'log-check-in',
        'add-talking-point',
        'prepare-check-in',
        'tp-open-<id>',
        'tp-cover-<id>',
        'tp-cover-<id>',
        'tp-new',
        'tp-add',
        'fu-<id>',
        'ask-helped-<id>',
        'ask-declined-<id>',
      ],
    );
  });

  it('filters by author once two people wrote about the partner, and back to everyone', async () => {
    const filter = frame.locator('.author-filter');
    // Only Alex Morgan so far: no filter (and nothing for Tab to stop at).
    assert.equal(await filter.isVisible(), false);
    const samsFile = path.join(store, 'follow-ups', `${newId()}.json`);
    const sams = {
      schemaVersion: 1,
      id: path.basename(samsFile, '.json'),
      createdAt: stamp(1),
      updatedAt: stamp(1),
      author: { name: 'Sam Lee' },
      partnerId: dana.id,
      text: 'Sam shares the churn numbers',
      owner: 'me',
    };
    writeRecord(samsFile, sams);
    await filter.locator('vscode-button', { hasText: 'Sam Lee' }).click();
    const followUps = section('follow-ups').locator('li.item .item-text');
    await untilAsync("only Sam Lee's follow-up", async () => (await followUps.allInnerTexts()).join('|') === sams.text);
    assert.equal(await section('timeline').locator('li.entry').count(), 0);
    assert.equal(await section('talking-points').locator('li.item').count(), 0);
    assert.equal(await filter.locator('vscode-button[aria-pressed="true"]').innerText(), 'Sam Lee');
    await filter.locator('vscode-button', { hasText: 'Everyone' }).click();
    await untilAsync('every check-in again', async () => (await section('timeline').locator('li.entry').count()) === 4);
    assert.equal(await filter.locator('vscode-button[aria-pressed="true"]').innerText(), 'Everyone');
    fs.rmSync(samsFile);
    await untilAsync("the filter gone with Sam's follow-up", async () => !(await filter.isVisible()));
  });

  it('completes a follow-up from the page: the file on disk changes, the page updates', async () => {
    await section('follow-ups').locator('vscode-button', { hasText: 'Complete' }).click();
    await until('done: true on disk', () => readJson<FollowUp>(followUpFile).done === true);
    assert.ok(readJson<FollowUp>(followUpFile).doneAt);
    assert.equal(readJson<FollowUp>(followUpFile).text, FOLLOW_UP_TEXT);
    await section('follow-ups').locator('vscode-button', { hasText: 'Reopen' }).waitFor();
    await status().filter({ hasText: 'Completed:' }).waitFor();
  });

  it('is usable by keyboard: Enter on a focused "Covered" button covers the talking point', async () => {
    const covered = section('talking-points').locator('li.item').first().locator('vscode-button', { hasText: 'Covered' });
    await covered.focus();
    await wb.page.keyboard.press('Enter');
    const file = path.join(store, 'talking-points', `${pointByKeyboard.id}.json`);
    await until('coveredAt on disk', () => readJson<TalkingPoint>(file).coveredAt);
    await section('talking-points').locator('h2').filter({ hasText: '(1 open)' }).waitFor();
    // The focus moved to the section heading, not lost to the document.
    assert.equal(await innerFrame.evaluate(() => document.activeElement?.id), 'talking-points-heading');
  });

  it('adds a talking point from the page', async () => {
    await frame.locator('#new-talking-point input').fill('Ask about the <b>beta</b> list');
    await wb.page.keyboard.press('Enter');
    const added = await until('a new talking point file', () =>
      readJsonFiles<TalkingPoint>(path.join(store, 'talking-points')).find((p) => p.text === 'Ask about the <b>beta</b> list'),
    );
    assert.equal(added.partnerId, dana.id);
    await section('talking-points').locator('li.item', { hasText: 'Ask about the <b>beta</b> list' }).waitFor();
    assert.equal(await frame.locator('b').count(), 0);
  });

  it('logs a full check-in from the form: field errors first, then the check-in, ask, action item and covered point on disk', async () => {
    await frame.locator('vscode-button', { hasText: 'Log check-in' }).click();
    const form = frame.locator('section#checkin-form');
    await form.waitFor({ state: 'visible' });

    // Nothing typed: the host answers with a field error next to the summary, and writes nothing.
    const before = readJsonFiles<CheckIn>(path.join(store, 'checkins')).length;
    await form.locator('vscode-button', { hasText: 'Save check-in' }).click();
    await form.locator('[data-error-for="summary"]').filter({ hasText: 'The summary must not be empty' }).waitFor();
    assert.equal(readJsonFiles<CheckIn>(path.join(store, 'checkins')).length, before);

    await form.locator('vscode-radio', { hasText: 'Help-me' }).click();
    await form.locator('vscode-radio', { hasText: '4 – Good' }).click();
    await form.locator('vscode-textfield[data-path="summary"] input').fill('Launch plan agreed </textarea>');
    await form.locator('vscode-textarea[data-path="notes"] textarea').fill('## Decisions\n- two phases\n- <b>not bold</b>');
    await form.locator('vscode-textarea[data-path="privateNotes"] textarea').fill('She may move teams');
    await form.locator('vscode-button', { hasText: 'Add ask or offer' }).click();
    await form.locator('vscode-textfield[data-path="asks.0.text"] input').fill('Review the pricing page copy');
    await form.locator('[data-path="asks.0.direction"] vscode-radio', { hasText: 'They asked me' }).click();
    await form.locator('vscode-button', { hasText: 'Add action item' }).click();
    await form.locator('vscode-textfield[data-path="actions.0.text"] input').fill('Share the rollout checklist');
    await form.locator('vscode-textfield[data-path="actions.0.due"] input').fill('2030-01-15');
    await form.locator('.covered vscode-checkbox', { hasText: pointByForm.text }).click();
    await form.locator('vscode-button', { hasText: 'Save check-in' }).click();
    await status().filter({ hasText: 'Check-in saved with 4 related items.' }).waitFor();
    await form.waitFor({ state: 'hidden' });
    // Untouched again, the form now defaults to this check-in's kind and rating.
    await form.locator('vscode-radio[checked]', { hasText: 'Help-me' }).waitFor({ state: 'attached' });
    await form.locator('vscode-radio[checked]', { hasText: '4 – Good' }).waitFor({ state: 'attached' });

    const checkIn = await until('the new check-in on disk', () =>
      readJsonFiles<CheckIn>(path.join(store, 'checkins')).find((c) => c.summary === 'Launch plan agreed </textarea>'),
    );
    assert.equal(checkIn.partnerId, dana.id);
    assert.equal(checkIn.kind, 'help-me');
    assert.equal(checkIn.rating, 4);
    assert.equal(checkIn.notes, '## Decisions\n- two phases\n- <b>not bold</b>');
    const ask = readJsonFiles<Ask>(path.join(store, 'asks')).find((a) => a.checkInId === checkIn.id);
    assert.deepEqual(
      [ask?.direction, ask?.text, ask?.status, ask?.partnerId],
      ['they-asked', 'Review the pricing page copy', 'open', dana.id],
    );
    const action = readJsonFiles<FollowUp>(path.join(store, 'follow-ups')).find((f) => f.checkInId === checkIn.id);
    assert.deepEqual(
      [action?.text, action?.owner, action?.due, action?.partnerId],
      ['Share the rollout checklist', 'me', '2030-01-15', dana.id],
    );
    const point = readJson<TalkingPoint>(path.join(store, 'talking-points', `${pointByForm.id}.json`));
    assert.equal(point.coveredIn, checkIn.id);
    const note = readJson<{ notes: string }>(path.join(store, 'private', 'notes', `${checkIn.id}.json`));
    assert.equal(note.notes, 'She may move teams');

    // The page updated live: the new check-in is first in the timeline, the new ask is open.
    await section('timeline')
      .locator('li.entry')
      .first()
      .locator('.summary')
      .filter({ hasText: 'Launch plan agreed </textarea>' })
      .waitFor();
    assert.equal(await section('timeline').locator('li.entry').count(), 5);
    assert.equal(await section('asks').locator('[data-testid="they-asked"]').innerText(), '2 (open 1, helped 1, declined 0)');
    assert.equal(await frame.locator('b').count(), 0);
  });

  it('follows changes made outside (a hand edit of the partner file), keeping what was typed in the form', async () => {
    await frame.locator('vscode-button', { hasText: 'Log check-in' }).click();
    const summary = frame.locator('#checkin-form vscode-textfield[data-path="summary"] input');
    await summary.fill('A draft that must survive');
    writeRecord(danaFile, { ...readJson<Partner>(danaFile), role: 'VP of Product', updatedAt: new Date().toISOString() });
    await frame.locator('[data-testid="role-department"]').filter({ hasText: 'VP of Product · Product' }).waitFor({ timeout: 15_000 });
    assert.equal(await summary.inputValue(), 'A draft that must survive');
  });

  it('reveals the same page instead of opening a second, and restores the draft after being hidden', async () => {
    earlierCspEvents.push(...(await cspEvents()));
    // Another editor in the same group hides the page; without retainContextWhenHidden its document goes.
    await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'README.md' }).click();
    await wb.page.locator('.tab.active', { hasText: 'README.md' }).waitFor();
    await wb.runCommand('Alliances: Open Partner Page');
    await wb.quickInputType('Dana');
    await wb.quickPick('Dana Whitfield');
    await attachToPage();
    assert.equal(await wb.page.locator('.tab', { hasText: 'Partner: Dana Whitfield' }).count(), 1);
    await frame.locator('section#checkin-form').waitFor({ state: 'visible' });
    assert.equal(
      await frame.locator('#checkin-form vscode-textfield[data-path="summary"] input').inputValue(),
      'A draft that must survive',
    );
  });

  it('comes back after the window reloads (the serializer), still the same single page', async () => {
    earlierCspEvents.push(...(await cspEvents()));
    await wb.page.reload();
    await wb.page.locator('.monaco-workbench .statusbar').waitFor({ state: 'visible', timeout: 60_000 });
    await wb.page.locator('.tab', { hasText: 'Partner: Dana Whitfield' }).click({ timeout: 30_000 });
    await attachToPage();
    assert.equal(await wb.page.locator('.tab', { hasText: 'Partner: Dana Whitfield' }).count(), 1);
    // The web workbench may restore the page state of a few seconds earlier: the latest draft, or an
    // older one — but never the draft of the check-in saved meanwhile (it would be saved twice).
    const form = frame.locator('#checkin-form');
    const restored = (await form.isVisible())
      ? await form.locator('vscode-textfield[data-path="summary"] input').inputValue()
      : '(form closed)';
    assert.notEqual(restored, 'Launch plan agreed </textarea>');
    if (!(await form.isVisible())) await frame.locator('vscode-button', { hasText: 'Log check-in' }).click();
  });

  it('follows the color theme (dark, high contrast)', async () => {
    await wb.runCommand('Preferences: Color Theme');
    await wb.quickInputType('Dark Modern');
    await wb.quickPick('Dark Modern');
    await frame.locator('body.vscode-dark').waitFor();
    await clearToasts();
    await wb.page.waitForTimeout(500);
    await wb.screenshot('partner-page-dark');

    await wb.runCommand('Preferences: Color Theme');
    await wb.quickInputType('Dark High Contrast');
    await wb.quickPick('Dark High Contrast');
    await frame.locator('body.vscode-high-contrast').waitFor();
    await clearToasts();
    await wb.page.waitForTimeout(500);
    await frame.locator('vscode-button', { hasText: 'Add action item' }).click();
    await frame.locator('vscode-textfield[data-path="actions.0.text"] input').fill('Share the rollout checklist');
    await wb.page.waitForTimeout(300);
    await wb.screenshot('partner-page-high-contrast');
  });

  it('ran nothing hostile: no dialog, no navigation, no CSP violation (and the CSP does block inline script)', async () => {
    assert.deepEqual(guard.dialogs, []);
    assert.equal(innerFrame.url(), frameUrl, 'the page never navigated');
    assert.deepEqual(guard.strangeNavigations(), [], 'no frame went anywhere but the workbench and its webview host');
    assert.deepEqual(guard.cspConsole, []);
    assert.deepEqual([...earlierCspEvents, ...(await cspEvents())], []);

    // The page validates what it receives: a message that does not match the protocol changes nothing.
    const heading = await frame.locator('h1#partner-name').innerText();
    await innerFrame.evaluate(() =>
      window.dispatchEvent(
        new MessageEvent('message', { data: { type: 'data', data: { partner: { name: '<img src=x onerror=alert(1)>' } } } }),
      ),
    );
    await frame.locator('#status').filter({ hasText: 'could not read' }).waitFor();
    assert.equal(await frame.locator('h1#partner-name').innerText(), heading);

    // Positive control: an inline script is refused, and both detectors see it.
    const ran = await innerFrame.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
      return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
    });
    assert.equal(ran, false);
    const deadline = Date.now() + 5_000;
    while ((await cspEvents()).length === 0 && Date.now() < deadline) await wb.page.waitForTimeout(100);
    assert.match((await cspEvents()).join('\n'), /script-src/);
    await until('the violation in the console', () => guard.cspConsole.length > 0, 5_000);
    assert.match(guard.cspConsole.join('\n'), /inline script/i);
  });
});
