// The Get Started walkthrough as a new user meets it in the real workbench: four steps, each illustrated
// by an SVG drawn in the theme's colours (checked in the page, in light and dark), step 1 ticked only once
// a partner exists, step 4 ticked by its Open Dashboard button, and light, dark and high contrast screenshots.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../harness/codeServer';
import { answerAddPartnerWithRosa, onInputStep } from './addPartnerInputs';
import { openWorkbench, type Workbench } from './workbench';

const vsix = process.env.ALLIANCES_VSIX ?? path.join(repoRoot, 'dist', 'alliances.vsix');
const nls = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
/** publisher.name#id, as VS Code prefixes the step ids. */
const WALKTHROUGH = 'alliances.alliances#gettingStarted';
const STEPS = ['addPartner', 'logCheckIn', 'addTalkingPoint', 'openDashboard'] as const;
type StepId = (typeof STEPS)[number];
const text = (id: StepId, field: 'title' | 'altText') => nls[`walkthrough.gettingStarted.${id}.${field}`] ?? '';

describe('The Get Started walkthrough in the real workbench', function () {
  let wb: Workbench;
  let workspace: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-e2e-walkthrough-'));
    fs.writeFileSync(path.join(workspace, 'README.md'), '# A project without an Alliances store yet\n');
    wb = await openWorkbench({ workspace, vsix });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed')
      await wb?.screenshot(`debug-walkthrough-${(this.currentTest.title.split(' ')[0] ?? '').replace(/\W/g, '')}`).catch(() => undefined);
  });

  after(async () => {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  const container = () => wb.page.locator('.gettingStartedContainer');
  const steps = () => container().locator(`button.getting-started-step[data-step-id^="${WALKTHROUGH}#"]`);
  const step = (id: StepId) => container().locator(`button.getting-started-step[data-step-id="${WALKTHROUGH}#${id}"]`);
  const ticked = (id: StepId, done: boolean) => container().locator(`[data-done-step-id="${WALKTHROUGH}#${id}"][aria-checked="${done}"]`);
  /** SVG media is inlined in a webview (two iframes deep) inside the step's media area. */
  const picture = () =>
    wb.page.frameLocator('.getting-started-media iframe.webview.ready').frameLocator('#active-frame').locator('svg[role="img"]');
  const button = (id: StepId, label: string) => step(id).locator('a.monaco-button', { hasText: label });

  /** Waits until the step's picture is shown, then returns the fill of its background and the theme's
   *  editor background, both as the browser computes them (rgb(…)). */
  const shownPicture = async (id: StepId) => {
    await picture()
      .locator('title')
      .filter({ hasText: text(id, 'altText') })
      .waitFor({ state: 'attached' });
    return picture().evaluate((svg) => {
      const probe = document.createElement('div');
      probe.style.color = 'var(--vscode-editor-background)';
      document.body.append(probe);
      const theme = getComputedStyle(probe).color;
      probe.remove();
      const background = svg.querySelector('g > rect');
      return {
        fill: background ? getComputedStyle(background).fill : '',
        theme,
        themeVariable: getComputedStyle(document.documentElement).getPropertyValue('--vscode-editor-background').trim(),
      };
    });
  };

  /** The page focuses the step it selects in a timer (0 ms: the harness turns its animation off); a quick
   *  input opened before that would lose the focus and close. A 0 ms timer queued now runs after it. */
  const stepFocused = () => wb.page.evaluate(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

  /** Opens the walkthrough unless it is shown, so a test does not depend on where the last one left the page. */
  const openWalkthrough = async () => {
    // The page slides between its home list and a walkthrough: ask which one it shows, not what is visible.
    if ((await container().locator('.gettingStarted.showDetails').count()) > 0 && (await step('addPartner').count()) > 0) return;
    await wb.runCommand('Welcome: Open Walkthrough...');
    await wb.quickPick(nls['walkthrough.gettingStarted.title'] ?? '');
    await step('addPartner').waitFor();
    await stepFocused();
  };

  /** Expands a step and waits for its picture: the picture's webview takes the focus when it loads, which
   *  would close a quick input opened meanwhile. */
  const select = async (id: StepId) => {
    // The title, not the middle of the step: an expanded step has its button there.
    if ((await step(id).getAttribute('aria-expanded')) !== 'true') {
      await step(id).locator('.step-title').click();
      await stepFocused();
    }
    await container().locator(`button.getting-started-step[data-step-id="${WALKTHROUGH}#${id}"][aria-expanded="true"]`).waitFor();
    return shownPicture(id);
  };

  it('lists the four steps, each with its SVG picture, alt text and theme colours', async () => {
    await openWalkthrough();
    assert.deepEqual(
      await steps().locator('.step-title').allInnerTexts(),
      STEPS.map((id) => text(id, 'title')),
    );
    for (const id of STEPS) {
      const colours = await select(id);
      assert.ok(colours.themeVariable, `${id}: the page has the theme's colours`);
      assert.equal(colours.fill, colours.theme, `${id}: the picture's background is the theme's editor background`);
      const box = await picture().boundingBox();
      assert.ok(box && box.width > 300 && box.height > 150, `${id}: the picture is drawn (${JSON.stringify(box)})`);
    }
  });

  it('ticks "Add your first partner" once a partner exists, not when Add Partner is only opened', async () => {
    await openWalkthrough();
    await select('addPartner');
    await button('addPartner', 'Add Partner').click();
    await onInputStep(wb, 1, 7);
    // Into the input: Escape on the Welcome page itself would leave the walkthrough.
    await wb.quickInputPress('Escape');
    await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    // The old onCommand: event would have ticked it when the command started, before the input showed.
    assert.equal(await ticked('addPartner', false).count(), 1, 'a cancelled Add Partner ticks nothing');

    await button('addPartner', 'Add Partner').click();
    await answerAddPartnerWithRosa(wb);
    const partners = path.join(workspace, '.alliances', 'partners');
    for (
      const deadline = Date.now() + 15_000;
      !(fs.existsSync(partners) && fs.readdirSync(partners).length > 0);
      await wb.page.waitForTimeout(100)
    ) {
      if (Date.now() > deadline) throw new Error('no partner file on disk 15 s after Add Partner');
    }
    await ticked('addPartner', true).waitFor();
    assert.equal(await container().locator('.gettingStarted.showDetails').count(), 1, 'the page still shows the walkthrough');
    const files = fs.readdirSync(partners);
    assert.equal(files.length, 1);
    assert.match(files[0] ?? '', /^rosa-diaz-[0-9a-z]+\.json$/);
    assert.equal(await ticked('logCheckIn', false).count(), 1, 'the other steps wait for their own event');
  });

  it('ticks "See the ecosystem" when its Open Dashboard button opens the dashboard', async () => {
    await openWalkthrough();
    await select('openDashboard');
    assert.equal(await ticked('openDashboard', false).count(), 1);
    await button('openDashboard', 'Open Dashboard').click();
    await wb.page.locator('.tab').filter({ hasText: 'Alliances Dashboard' }).waitFor();
    await wb.page.locator('.tab').filter({ hasText: 'Welcome' }).click();
    await ticked('openDashboard', true).waitFor();
  });

  it('follows the color theme: the pictures are redrawn in light, dark and high contrast (screenshots)', async () => {
    await wb.runCommand('View: Close Primary Side Bar');
    await wb.runCommand('Notifications: Clear All Notifications');
    await openWalkthrough();
    await select('addPartner');
    const shown: Record<string, { fill: string; theme: string }> = {};
    let before: string | undefined;
    for (const [theme, kind, workbenchClass] of [
      ['Light Modern', 'light', 'vs'],
      ['Dark Modern', 'dark', 'vs-dark'],
      ['Dark High Contrast', 'high-contrast', 'hc-black'],
    ] as const) {
      await wb.colorTheme(theme);
      await wb.page.locator(`.monaco-workbench.${workbenchClass}`).waitFor();
      // The picture is redrawn after the theme changes: wait for the new colours.
      for (let i = 0; i < 50; i++) {
        shown[kind] = await shownPicture('addPartner');
        if (shown[kind].fill === shown[kind].theme && shown[kind].fill !== before) break;
        await wb.page.waitForTimeout(200);
      }
      assert.equal(shown[kind]?.fill, shown[kind]?.theme, `${theme}: the picture uses the theme's colours`);
      before = shown[kind]?.fill;
      await wb.page.mouse.move(1390, 880);
      await wb.screenshot(`walkthrough-${kind}`);
      // The steps and the picture alone, for the README.
      const steps = await container().locator('.step-list-container').boundingBox();
      const media = await container().locator('.getting-started-media').boundingBox();
      if (steps && media) {
        const x = Math.min(steps.x, media.x) - 16;
        const y = Math.min(steps.y, media.y) - 16;
        const right = Math.max(steps.x + steps.width, media.x + media.width) + 16;
        const bottom = Math.max(steps.y + steps.height, media.y + media.height) + 16;
        await wb.screenshot(`walkthrough-${kind}-steps`, { x, y, width: right - x, height: bottom - y });
      }
    }
    assert.equal(new Set(Object.values(shown).map((colours) => colours.fill)).size, 3, 'light, dark and high contrast pictures differ');
  });
});
