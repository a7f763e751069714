// The README's pictures, and only them: the clean demo workspace (what `npm start` shows, nothing
// planted), each picture taken once nothing transient is on screen. `npm run images:readme` (after
// build, build:tests and package) writes them to docs/images/; in `npm test` they go to test-results/
// only. wb.readmeScreenshot refuses any other workspace, and every other UI test keeps its screenshots in
// test-results/ (test/unit/readmeImages.test.ts checks both).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createDemoWorkspace } from '../fixtures/demoStore';
import { repoRoot } from '../harness/codeServer';
import { attachWebview } from './webviewGuard';
import { openWorkbench, type Workbench } from './workbench';

const vsix = process.env.ALLIANCES_VSIX ?? path.join(repoRoot, 'dist', 'alliances.vsix');
const nls = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
const WALKTHROUGH = 'alliances.alliances#gettingStarted';

describe('README images from the clean demo workspace', function () {
  let wb: Workbench;
  let workspace: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-e2e-readme-'));
    await createDemoWorkspace(workspace);
    wb = await openWorkbench({ workspace, vsix });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed')
      await wb?.screenshot(`debug-readme-${(this.currentTest.title.split(' ')[0] ?? '').replace(/\W/g, '')}`).catch(() => undefined);
  });

  after(async () => {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  const treeRow = (name: string) =>
    wb.page.locator('.pane:has(.pane-header[aria-label^="Partners"]) .monaco-list-row').filter({ hasText: name }).first();
  const closeEditors = async () => {
    await wb.runCommand('View: Close All Editors');
    await wb.page.locator('.editor-group-container .tab').first().waitFor({ state: 'detached' });
  };

  it('reminder: the start-up reminder over the Alliances sidebar', async () => {
    await wb.page.locator('.activitybar .action-item:has(a[aria-label^="Alliances"])').click();
    await treeRow('Dana Whitfield').waitFor({ state: 'visible' });
    const toast = await wb.waitForNotification('due for a check-in');
    assert.match(await toast.innerText(), /4 partners are due for a check-in/);
    await wb.readmeScreenshot('reminder', { keepToasts: true });
  });

  it('sidebar: partners grouped by department, each with its due state', async () => {
    await treeRow('Jonas Berg').waitFor({ state: 'visible' });
    await wb.readmeScreenshot('sidebar');
  });

  it('partner-page: header, talking points, follow-ups, asks and offers, rating trend', async () => {
    await wb.runCommand('Alliances: Open Partner Page');
    await wb.quickInputType('Kwame');
    await wb.quickPick('Kwame Mensah');
    const { frame } = await attachWebview(wb.page, (f) =>
      f.locator('h1#partner-name').filter({ hasText: 'Kwame Mensah' }).waitFor({ timeout: 30_000 }),
    );
    await frame.locator('section#trend svg.chart').waitFor();
    await wb.readmeScreenshot('partner-page');
    await closeEditors();
  });

  it('dashboard: coverage and silos, relationship health', async () => {
    await wb.runCommand('Alliances: Open Dashboard');
    const { frame } = await attachWebview(wb.page, (f) => f.locator('section#coverage table.coverage').waitFor({ timeout: 30_000 }));
    assert.match(await frame.locator('#summary').innerText(), /^10 partners in 10 departments/);
    await wb.runCommand('View: Close Primary Side Bar');
    await wb.readmeScreenshot('dashboard');
    await closeEditors();
  });

  it('installed-extension: Alliances in the Extensions view, with its details page', async () => {
    await wb.runCommand('Extensions: Show Installed Extensions');
    const row = wb.page.locator('.extensions-viewlet .extension-list-item').filter({ hasText: 'Alliances' }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    await row.click();
    const editor = wb.page.locator('.extension-editor');
    await editor.locator('.name').filter({ hasText: 'Alliances' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await editor.innerText(), /Keep your cross-functional partners in a sidebar/);
    await wb.readmeScreenshot('installed-extension');
    await closeEditors();
  });

  it('walkthrough: Get Started with Alliances in a dark theme, the first step open with its picture', async () => {
    await wb.runCommand('View: Close Primary Side Bar');
    await wb.colorTheme('Dark Modern');
    await wb.page.locator('.monaco-workbench.vs-dark').waitFor();
    await wb.runCommand('Welcome: Open Walkthrough...');
    await wb.quickPick(nls['walkthrough.gettingStarted.title'] ?? '');
    const container = wb.page.locator('.gettingStartedContainer');
    const step = container.locator(`button.getting-started-step[data-step-id="${WALKTHROUGH}#addPartner"]`);
    await step.waitFor();
    if ((await step.getAttribute('aria-expanded')) !== 'true') await step.locator('.step-title').click();
    await container.locator(`button.getting-started-step[data-step-id="${WALKTHROUGH}#addPartner"][aria-expanded="true"]`).waitFor();
    const picture = wb.page
      .frameLocator('.getting-started-media iframe.webview.ready')
      .frameLocator('#active-frame')
      .locator('svg[role="img"]');
    await picture
      .locator('title')
      .filter({ hasText: nls['walkthrough.gettingStarted.addPartner.altText'] ?? '' })
      .waitFor({ state: 'attached' });
    // The steps and the picture alone.
    await wb.readmeScreenshot('walkthrough', {
      part: async () => {
        const steps = await container.locator('.step-list-container').boundingBox();
        const media = await container.locator('.getting-started-media').boundingBox();
        assert.ok(steps && media, 'the steps and the picture are shown');
        const x = Math.min(steps.x, media.x) - 16;
        const y = Math.min(steps.y, media.y) - 16;
        const right = Math.max(steps.x + steps.width, media.x + media.width) + 16;
        const bottom = Math.max(steps.y + steps.height, media.y + media.height) + 16;
        return { x, y, width: right - x, height: bottom - y };
      },
    });
  });

  it('ecosystem-map: the demo web in the dark theme, the product trio, the broker, the isolated partner and the silo', async () => {
    await closeEditors();
    await wb.page.locator('.monaco-workbench.vs-dark').waitFor();
    await wb.runCommand('Alliances: Open Ecosystem Map');
    const { frame } = await attachWebview(wb.page, (f) => f.locator('svg.map g.node').first().waitFor({ timeout: 30_000 }));
    await frame.locator('body.vscode-dark').waitFor();
    assert.match(await frame.locator('#summary').innerText(), /^10 partners · 2 teammates/);
    await frame.locator('#figures table.brokers tbody th', { hasText: 'Jonas Berg' }).waitFor();
    assert.deepEqual(await frame.locator('#figures table.isolated tbody th').allInnerTexts(), ['Aisha Karim']);
    await wb.readmeScreenshot('ecosystem-map');
    await closeEditors();
  });
});
