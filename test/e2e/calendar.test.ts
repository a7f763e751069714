// From your calendar in the real workbench, on the demo workspace with the demo's calendar (what `npm
// start` shows): the suggestions under *From your calendar*, the reminder's sentence, one click on a
// meeting logging a group check-in (then the rating step, Enter), and Dismiss from the row's inline action.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CheckIn, Partner } from '../../src/core/model';
import { createDemoCalendar } from '../fixtures/demoCalendar';
import { createDemoWorkspace } from '../fixtures/demoStore';
import { repoRoot } from '../harness/codeServer';
import { openWorkbench, type Workbench } from './workbench';

const vsix = process.env.ALLIANCES_VSIX ?? path.join(repoRoot, 'dist', 'alliances.vsix');

function readJsonFiles<T>(dir: string): T[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as T);
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

describe('From your calendar in the real workbench', function () {
  let wb: Workbench;
  let workspace: string;
  let store: string;
  let partners: Partner[];
  const byName = (name: string) => partners.find((p) => p.name === name)!;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-e2e-calendar-'));
    await createDemoWorkspace(workspace);
    await createDemoCalendar(workspace);
    store = path.join(workspace, '.alliances');
    partners = readJsonFiles<Partner>(path.join(store, 'partners'));
    wb = await openWorkbench({ workspace, vsix });
  });

  after(async () => {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  const tree = () => wb.page.locator('.pane:has(.pane-header[aria-label^="Partners"]) .monaco-list-row');
  const treeRow = (text: string) => tree().filter({ hasText: text }).first();

  it('shows the demo calendar’s meetings under From your calendar, and the reminder mentions the newest', async () => {
    await wb.page.locator('.activitybar .action-item:has(a[aria-label^="Alliances"])').click();
    await treeRow('From your calendar').filter({ hasText: '3 meetings to log' }).waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await treeRow('Launch readiness').innerText(), /Dana Whitfield, Kwame Mensah · yesterday/);
    await treeRow('Intro: Acme and us').waitFor({ state: 'visible' });
    await treeRow('Dana / Alex 1:1').waitFor({ state: 'visible' });
    assert.equal(await treeRow('Town hall').count(), 0, 'a meeting of 26 people is not suggested');
    assert.equal(await treeRow('Vendor pitch').count(), 0, 'a declined meeting is not suggested');
    const toast = await wb.waitForNotification('You met Dana and Kwame yesterday — log it?', 30_000);
    assert.match(await toast.innerText(), /2 more meetings from your calendar to log\./);
    assert.equal(await wb.page.locator('.notifications-toasts .notification-list-item').count(), 1, 'one combined notification');
    await wb.screenshot('calendar-suggestions');
    await toast.hover();
    await toast.locator('.codicon-notifications-clear').click();
  });

  it('logs a suggested meeting in one click: a group check-in on its date, its title; then Enter rates it', async () => {
    const before = readJsonFiles<CheckIn>(path.join(store, 'checkins')).length;
    await treeRow('Launch readiness').click();
    const logged = await until('the check-in file', () =>
      readJsonFiles<CheckIn>(path.join(store, 'checkins')).find((c) => c.summary === 'Launch readiness'),
    );
    assert.equal(readJsonFiles<CheckIn>(path.join(store, 'checkins')).length, before + 1);
    assert.deepEqual(logged.partnerIds, [byName('Dana Whitfield').id, byName('Kwame Mensah').id]);
    const yesterday = new Date();
    yesterday.setDate(yesterday.getDate() - 1);
    assert.equal(new Date(logged.date).toDateString(), yesterday.toDateString());
    // The usual rating step, Dana's last rating (3) highlighted: Enter keeps it.
    await wb.page.locator('.quick-input-widget').filter({ hasText: 'Logged: Dana Whitfield, Kwame Mensah' }).waitFor({ state: 'visible' });
    await wb.quickInputAccept();
    await until('the rating', () => readJsonFiles<CheckIn>(path.join(store, 'checkins')).find((c) => c.id === logged.id && c.rating === 3));
    await treeRow('From your calendar').filter({ hasText: '2 meetings to log' }).waitFor({ state: 'visible' });
    assert.equal(await treeRow('Launch readiness').count(), 0);
    assert.match(await treeRow('Kwame Mensah').innerText(), /due in/);
  });

  it('dismisses a meeting from its inline action, without writing to the store', async () => {
    const files = readJsonFiles<unknown>(store).length;
    const row = treeRow('Intro: Acme and us');
    // A click on an inline action that lands while the row's actions are still appearing can be
    // swallowed (seen only in full runs): hovered and clicked once more then, with a screenshot.
    let gone = false;
    for (let attempt = 0; attempt < 2 && !gone; attempt++) {
      await row.hover();
      await wb.page.waitForTimeout(150);
      await row.locator('.action-label[aria-label="Dismiss"]').click();
      gone = await row
        .waitFor({ state: 'detached', timeout: 10_000 })
        .then(() => true)
        .catch(() => false);
      if (!gone) await wb.screenshot(`debug-calendar-dismiss-${attempt + 1}`);
    }
    assert.ok(gone, 'the dismissed meeting left the tree');
    await treeRow('From your calendar').filter({ hasText: '1 meeting to log' }).waitFor({ state: 'visible' });
    assert.equal(readJsonFiles<unknown>(store).length, files);
  });
});
