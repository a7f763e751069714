// Proves the UI harness (test/e2e/workbench.ts) drives a real VS Code 1.139 workbench: the packaged
// extension installs, the palette runs exact titles, and built-in UI shows up where a user would see it.
// Needs the .vsix: `npm run package` (dist/alliances.vsix) or ALLIANCES_VSIX=<path>.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../harness/codeServer';
import { openWorkbench, type Workbench } from './workbench';

const vsix = process.env.ALLIANCES_VSIX ?? path.join(repoRoot, 'dist', 'alliances.vsix');

describe('e2e harness: real workbench', () => {
  let wb: Workbench | undefined;
  let workspace: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-e2e-ws-'));
    fs.writeFileSync(path.join(workspace, 'README.md'), '# e2e workspace\n');
    wb = await openWorkbench({ workspace, vsix });
  });

  after(async () => {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('shows VS Code 1.139 in Help: About', async () => {
    await wb!.runCommand('Help: About');
    const dialog = wb!.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible' });
    assert.match(await dialog.innerText(), /Code: 1\.139\./);
    await wb!.screenshot('harness-about');
    await wb!.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('opens the terminal with View: Toggle Terminal', async () => {
    await wb!.runCommand('View: Toggle Terminal');
    await wb!.page.locator('.terminal-wrapper .xterm').first().waitFor({ state: 'visible' });
    await wb!.screenshot('harness-terminal');
  });

  it('shows the Alliances welcome view in a folder without a store, and its button starts Add Partner', async () => {
    await wb!.page.locator('.activitybar .action-item:has(a[aria-label^="Alliances"])').click();
    const button = wb!.page.locator('.welcome-view-content').getByRole('button', { name: 'Add Your First Partner' });
    await button.waitFor({ state: 'visible' });
    await wb!.screenshot('welcome-view');
    await button.click();
    await wb!.page.locator('.quick-input-widget').filter({ hasText: '1/7' }).waitFor({ state: 'visible' });
    await wb!.page.keyboard.press('Escape');
    assert.equal(fs.existsSync(path.join(workspace, '.alliances')), false, 'nothing is written until the user finishes');
  });

  it("lists Alliances among the installed extensions, with its details page (the README's install screenshot)", async () => {
    await wb!.runCommand('View: Toggle Panel Visibility'); // hides the panel the terminal test opened
    await wb!.page.locator('.part.panel').waitFor({ state: 'hidden' });
    await wb!.runCommand('Extensions: Show Installed Extensions');
    const row = wb!.page.locator('.extensions-viewlet .extension-list-item').filter({ hasText: 'Alliances' }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    await row.click();
    const editor = wb!.page.locator('.extension-editor');
    await editor.locator('.name').filter({ hasText: 'Alliances' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await editor.innerText(), /Keep your cross-functional partners in a sidebar/);
    await wb!.page.mouse.move(1390, 600);
    await wb!.screenshot('installed-extension');
  });
});
