// The brief and search in the real workbench, on the demo workspace: Prepare for Check-in opens Dana's
// brief as a Markdown preview (headings, her check-ins and initiatives, nothing live); typing a search
// and pressing Enter opens the partner page at that record, scrolled to and marked.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createDemoWorkspace } from '../fixtures/demoStore';
import { repoRoot } from '../harness/codeServer';
import { attachWebview, guardPage, type PageGuard } from './webviewGuard';
import { openWorkbench, type Workbench } from './workbench';

const vsix = process.env.ALLIANCES_VSIX ?? path.join(repoRoot, 'dist', 'alliances.vsix');

describe('The brief and search in the real workbench', function () {
  let wb: Workbench;
  let workspace: string;
  let guard: PageGuard;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-e2e-brief-'));
    await createDemoWorkspace(workspace);
    wb = await openWorkbench({ workspace, vsix });
    guard = guardPage(wb.page);
  });

  after(async () => {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('Prepare for Check-in opens the brief as a Markdown preview', async () => {
    await wb.runCommand('Alliances: Prepare for Check-in');
    await wb.quickInputType('Dana');
    await wb.quickPick('Dana Whitfield');
    const preview = await attachWebview(wb.page, (frame) =>
      frame.locator('h1').filter({ hasText: 'Brief: Dana Whitfield' }).waitFor({ timeout: 30_000 }),
    );
    const headings = await preview.frame.locator('h2').allInnerTexts();
    assert.deepEqual(
      headings.map((text) => text.replace(/\s*\(.*$/, '')),
      [
        'Rating trend',
        'Last check-ins',
        'Open talking points',
        'Open follow-ups',
        'Open asks',
        'Initiatives',
        'Commits in their code areas since the last check-in',
        'Connections',
      ],
    );
    await preview.frame.locator('li').filter({ hasText: 'Billing migration slipped: she is worried about the launch date' }).waitFor();
    await preview.frame.locator('li strong').filter({ hasText: 'Pricing revamp' }).waitFor();
    await preview.frame.locator('li').filter({ hasText: 'works with Priya Raman' }).waitFor();
    // The preview's own scripts aside, the brief itself holds no link, image or frame.
    const live = await preview.frame
      .locator('a[href], img, iframe, object, embed')
      .evaluateAll((elements) => elements.map((e) => e.outerHTML));
    assert.deepEqual(live, [], 'nothing live in the brief');
    await wb.page.locator('.tab').filter({ hasText: 'Brief Dana Whitfield' }).waitFor();
    await wb.screenshot('brief-preview');
    assert.deepEqual(guard.dialogs, []);
  });

  it('typing a search and pressing Enter opens the partner page at that record', async () => {
    await wb.runCommand('View: Close All Editors');
    await wb.runCommand('Alliances: Search…');
    await wb.quickInputType('slipped launch');
    await wb.page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ hasText: 'Billing migration slipped: she is worried about the launch date' })
      .first()
      .waitFor({ timeout: 15_000 });
    await wb.screenshot('search-results');
    await wb.quickInputAccept();
    const page = await attachWebview(wb.page, (frame) =>
      frame.locator('h1#partner-name').filter({ hasText: 'Dana Whitfield' }).waitFor({ timeout: 30_000 }),
    );
    const marked = page.frame.locator('li.entry.revealed');
    await marked.waitFor({ timeout: 15_000 });
    assert.equal(await marked.count(), 1);
    assert.match(await marked.locator('.summary').innerText(), /^Billing migration slipped/);
    assert.equal(await marked.evaluate((element) => element === document.activeElement), true, 'the record has the focus');
    const inView = await marked.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
    assert.equal(inView, true, 'scrolled into view');
    await wb.screenshot('search-opens-record');
    assert.deepEqual(guard.strangeNavigations(), []);
  });
});
