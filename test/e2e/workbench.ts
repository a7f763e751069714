// Helpers for UI tests: the packaged extension (.vsix) installed into a real VS Code 1.139 (code-server),
// driven through its real workbench by headless Chromium — what a user sees, not the API.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Locator, Page } from 'playwright-core';
import { installVsix, launchChromium, repoRoot, sleep, startCodeServer, tail, type CodeServer } from '../harness/codeServer';
import { assertCleanDemoWorkspace, readmeImagePath, type ReadmeImage } from './readmeImages';

export const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');

export interface WorkbenchOptions {
  /** Folder to open; used in place, so pass a disposable copy. */
  workspace: string;
  /** The extension package to install, e.g. dist/alliances.vsix. */
  vsix: string;
  /** Keep Workspace Trust on (the trust prompt appears on start). */
  workspaceTrust?: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Workbench {
  page: Page;
  server: CodeServer;
  /** Runs a command through the palette by its exact title, e.g. "Alliances: Add Partner"; retries
   *  until the command is registered or `timeoutMs` (30 s) passes. */
  runCommand(title: string, timeoutMs?: number): Promise<void>;
  /** Replaces the text of the open quick input (input box or quick pick filter). */
  quickInputType(text: string): Promise<void>;
  /** Presses Enter in the open quick input. */
  quickInputAccept(): Promise<void>;
  /** Presses `key` (e.g. "Escape") in the open quick input once it holds the focus; fails if it does not. */
  quickInputPress(key: string): Promise<void>;
  /** Clicks the quick pick row whose label is exactly `label`. */
  quickPick(label: string): Promise<void>;
  /** Answers the web workbench's open or save dialog (a quick input showing a path) with `filePath`. */
  fileDialog(filePath: string): Promise<void>;
  /** Waits for a notification toast containing `textPart` and returns it. */
  waitForNotification(textPart: string, timeoutMs?: number): Promise<Locator>;
  /** Switches the color theme through Preferences: Color Theme, e.g. "Dark Modern". */
  colorTheme(name: string): Promise<void>;
  /** Saves test-results/screenshots/<name>.png (the page, or only `part`: an element or a rectangle)
   *  and returns its path. */
  screenshot(name: string, part?: Locator | { x: number; y: number; width: number; height: number }): Promise<string>;
  /** Saves test-results/screenshots/readme-<name>.png once nothing transient is on screen (no quick
   *  input, no tooltip, no toast unless `keepToasts`) and, with ALLIANCES_README_IMAGES=1 (npm run
   *  images:readme), README image docs/images/<name>.png. Refuses unless the workspace is the clean demo
   *  (readmeImages.ts); only readmeImages.test.ts calls it. */
  readmeScreenshot(name: ReadmeImage, options?: { keepToasts?: boolean; part?: () => Promise<Rect> }): Promise<string>;
  /** Closes browser and server, removes the temp folders. Safe to call twice. */
  close(): Promise<void>;
}

const quickInput = '.quick-input-widget';
const quickInputBox = `${quickInput} input`;
const quickInputRow = '.quick-input-list .monaco-list-row';

export async function openWorkbench(opts: WorkbenchOptions): Promise<Workbench> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-e2e-'));
  const extensionsDir = path.join(scratch, 'extensions');
  const userDataDir = path.join(scratch, 'user-data');
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      await browser?.close().catch(() => undefined);
      await server?.stop();
      fs.rmSync(scratch, { recursive: true, force: true });
    })();
    return closed;
  };

  try {
    fs.mkdirSync(extensionsDir, { recursive: true });
    fs.mkdirSync(userDataDir, { recursive: true });
    await installVsix(opts.vsix, extensionsDir, userDataDir);
    // No smoke-test driver here: it hides notification toasts.
    server = await startCodeServer({
      workspace: opts.workspace,
      smokeTestDriver: false,
      extensionsDir,
      userDataDir,
      workspaceTrust: opts.workspaceTrust,
    });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(opts.workspace)}`);
    try {
      await page.locator('.monaco-workbench .statusbar').waitFor({ state: 'visible', timeout: 60_000 });
    } catch (err) {
      throw new Error(`the workbench never appeared: ${(err as Error).message}\n` + `code-server log (tail):\n${tail(server.log(), 40)}`);
    }
    const srv = server;
    // The status bar shows before extensions are registered; commands of the .vsix appear only later.
    await waitForLog(srv, /Launched Extension Host Process/, 30_000);

    const quickInputFocused = (): Promise<boolean> =>
      page.evaluate(
        () => document.activeElement !== null && document.activeElement === document.querySelector('.quick-input-widget input'),
      );

    const rowWithLabel = (label: string): Locator =>
      page
        .locator(quickInputRow)
        .filter({
          has: page.locator('.label-name').getByText(label, { exact: true }),
        })
        .first();

    const workbench: Workbench = {
      page,
      server: srv,
      async runCommand(title, timeoutMs = 30_000) {
        const box = page.locator(quickInputBox);
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          await page.keyboard.press('F1');
          try {
            // The palette closes when something takes the focus (a webview loading): then it is reopened.
            await box.waitFor({ state: 'visible', timeout: 5_000 });
            await box.fill(`>${title}`, { timeout: 2_000 });
            // Click the exact title: Enter would take the first fuzzy match, which can be another command.
            await rowWithLabel(title).click({ timeout: 2_000 });
            return;
          } catch (err) {
            // An open palette does not pick up commands registered after it opened: close, reopen.
            const seen = await page
              .locator(quickInputRow)
              .allInnerTexts()
              .catch(() => []);
            // Into the palette only: Escape on the Welcome page would leave the walkthrough.
            if (await quickInputFocused()) await box.press('Escape');
            if (Date.now() > deadline) {
              throw new Error(`no command titled "${title}" in the palette (rows: ${JSON.stringify(seen)}): ` + (err as Error).message);
            }
            await page.waitForTimeout(500);
          }
        }
      },
      async quickInputType(text) {
        const box = page.locator(quickInputBox);
        await box.waitFor({ state: 'visible' });
        await box.fill(text);
      },
      async quickInputAccept() {
        await workbench.quickInputPress('Enter');
      },
      async quickInputPress(key) {
        const box = page.locator(quickInputBox);
        await box.waitFor({ state: 'visible' });
        // A quick input closes when something else takes the focus; a key pressed then would go to that
        // element (Playwright's press focuses a hidden input in vain), e.g. Enter on a button runs it.
        await page
          .waitForFunction(
            () => {
              const input = document.querySelector('.quick-input-widget input');
              return input !== null && input === document.activeElement;
            },
            undefined,
            { timeout: 5_000 },
          )
          .catch(async () => {
            const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing');
            throw new Error(`the quick input does not hold the focus, so ${key} would go elsewhere (the focus is on ${focused})`);
          });
        await box.press(key);
      },
      async quickPick(label) {
        await rowWithLabel(label).click();
      },
      async fileDialog(filePath) {
        const box = page.locator(quickInputBox);
        // The dialog shows a parent folder first, then its own folder with the files in it. Typed earlier,
        // the path would be overwritten: wait for the listing (it always has "..").
        await rowWithLabel('..').waitFor({ state: 'visible' });
        const title = await page.locator(`${quickInput} .quick-input-title`).innerText();
        await box.fill(filePath);
        // An existing file is listed once the dialog has read the typed folder; Enter before that would
        // only move the dialog into the folder.
        if (fs.existsSync(filePath)) await rowWithLabel(path.basename(filePath)).waitFor({ state: 'visible' });
        const answered = () =>
          page.waitForFunction(
            (dialogTitle) => {
              const widget = document.querySelector<HTMLElement>('.quick-input-widget');
              return (
                !widget ||
                getComputedStyle(widget).display === 'none' ||
                widget.querySelector('.quick-input-title')?.textContent !== dialogTitle
              );
            },
            title,
            { timeout: 5_000 },
          );
        for (let attempt = 1; ; attempt++) {
          await box.press('Enter');
          try {
            await answered();
            return;
          } catch (err) {
            // Still the dialog: it took Enter while it was reading a folder. A second Enter is ignored
            // once the dialog has accepted, so pressing again is safe.
            if (attempt === 3)
              throw new Error(`the file dialog did not take ${filePath} (it shows "${await box.inputValue()}"): ${(err as Error).message}`);
            if ((await box.inputValue()) !== filePath) await box.fill(filePath);
          }
        }
      },
      async waitForNotification(textPart, timeoutMs = 20_000) {
        const toast = page.locator('.notifications-toasts .notification-list-item').filter({ hasText: textPart }).first();
        await toast.waitFor({ state: 'visible', timeout: timeoutMs });
        return toast;
      },
      async colorTheme(name) {
        await workbench.runCommand('Preferences: Color Theme');
        await workbench.quickInputType(name);
        await workbench.quickPick(name);
      },
      async screenshot(name, part) {
        fs.mkdirSync(screenshotDir, { recursive: true });
        const file = path.join(screenshotDir, `${name}.png`);
        if (part && 'screenshot' in part) await part.screenshot({ path: file });
        else await page.screenshot({ path: file, clip: part });
        return file;
      },
      async readmeScreenshot(name, { keepToasts = false, part } = {}) {
        assertCleanDemoWorkspace(opts.workspace);
        const target = readmeImagePath(repoRoot, name);
        const widget = page.locator(quickInput);
        if (await quickInputFocused()) await page.locator(quickInputBox).press('Escape');
        await widget.waitFor({ state: 'hidden' });
        if (!keepToasts) {
          await workbench.runCommand('Notifications: Clear All Notifications');
          await widget.waitFor({ state: 'hidden' });
          await page.waitForFunction(() => document.querySelectorAll('.notifications-toasts .notification-list-item').length === 0);
        }
        // No tooltip or hover button from the mouse, and the quick input's fade-out is over.
        await page.mouse.move(24, 650); // the empty part of the activity bar
        await page.waitForTimeout(600);
        await widget.waitFor({ state: 'hidden' });
        const file = await workbench.screenshot(`readme-${name}`, part ? await part() : undefined);
        // `npm run images:readme` replaces the README's pictures; a plain UI test run leaves the checkout alone.
        if (process.env.ALLIANCES_README_IMAGES !== '1') return file;
        fs.copyFileSync(file, target);
        return target;
      },
      close,
    };
    return workbench;
  } catch (err) {
    await close();
    throw err;
  }
}

async function waitForLog(server: CodeServer, pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(server.log())) {
    if (Date.now() > deadline) {
      throw new Error(`the server log never showed ${pattern}\ncode-server log (tail):\n${tail(server.log(), 40)}`);
    }
    await sleep(100);
  }
}
