// Restricted Mode: a folder the user does not trust still shows its store, the store path setting
// from the folder's own .vscode/settings.json is ignored (it could point anywhere) until the user
// trusts the folder, and nothing in the folder is executed (its git config is never consulted).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CheckIn } from '../../src/core/model';
import { serialise } from '../../src/core/store';
import { recordCounts } from '../reliability/counts';
import { createDemoWorkspace } from '../fixtures/demoStore';
import { repoRoot } from '../harness/codeServer';
import { openWorkbench, type Workbench } from './workbench';

const vsix = process.env.ALLIANCES_VSIX ?? path.join(repoRoot, 'dist', 'alliances.vsix');
const DECOY_ID = '01jz0000000000000000000ddd';

describe('Alliances in Restricted Mode', function () {
  let wb: Workbench;
  let workspace: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-e2e-untrusted-'));
    await createDemoWorkspace(workspace);
    // What a hostile or careless repository could ship: a setting that moves the store elsewhere.
    fs.mkdirSync(path.join(workspace, '.vscode'));
    fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'alliances.storePath': 'elsewhere' }));
    fs.mkdirSync(path.join(workspace, 'elsewhere', 'partners'), { recursive: true });
    fs.writeFileSync(
      path.join(workspace, 'elsewhere', 'partners', `decoy-${DECOY_ID}.json`),
      serialise({
        schemaVersion: 1,
        id: DECOY_ID,
        name: 'Decoy Dora',
        department: 'Sales',
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        author: { name: 'x' },
      }),
    );
    // A repository whose own git config names someone else and runs a program on "git status".
    const git = (...args: string[]) => execFileSync('git', args, { cwd: workspace, stdio: 'ignore' });
    git('init', '-q', '-b', 'main');
    git('config', 'user.name', 'Workspace Mallory');
    git('config', 'user.email', 'mallory@evil.example');
    fs.writeFileSync(path.join(workspace, 'fsmonitor.sh'), `#!/bin/sh\ntouch ${JSON.stringify(path.join(workspace, 'EXECUTED'))}\n`, {
      mode: 0o755,
    });
    git('config', 'core.fsmonitor', path.join(workspace, 'fsmonitor.sh'));
    wb = await openWorkbench({ workspace, vsix, workspaceTrust: true });
  });

  after(async () => {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('reads the store at .alliances and ignores alliances.storePath', async () => {
    // code-server opens an unknown folder untrusted; a desktop may ask first.
    const refuse = wb.page.locator('.monaco-dialog-box .monaco-button').filter({ hasText: "No, I don't trust the authors" });
    if (await refuse.isVisible()) await refuse.click();
    await wb.page.locator('.statusbar-item').filter({ hasText: 'Restricted Mode' }).first().waitFor({ state: 'visible' });

    // The item, not its link: the badge can sit on top of the link.
    await wb.page.locator('.activitybar .action-item:has(a[aria-label^="Alliances"])').click();
    const rows = wb.page.locator('.pane:has(.pane-header[aria-label^="Partners"]) .monaco-list-row');
    await rows.filter({ hasText: 'Dana Whitfield' }).first().waitFor({ state: 'visible' });
    assert.equal(await rows.filter({ hasText: 'Decoy Dora' }).count(), 0, 'the store path setting is not honoured');
    await wb.screenshot('restricted-mode');
  });

  it("logs a check-in without consulting the folder's git: the author is not the one its git config names", async () => {
    // 4 steps before the partner is known; Dana champions the demo's initiatives: 5 once she is picked.
    const onStep = (n: number, total = 5) =>
      wb.page
        .locator('.quick-input-widget')
        .filter({ hasText: `${n}/${total}` })
        .waitFor({ state: 'visible' });
    await wb.runCommand('Alliances: Log Check-in');
    await onStep(1, 4);
    await wb.quickInputType('Dana');
    await wb.quickPick('Dana Whitfield');
    await onStep(2);
    await wb.quickInputAccept();
    await onStep(3);
    await wb.quickInputAccept();
    // "Was it about an initiative?": Enter skips it.
    await onStep(4);
    await wb.quickInputAccept();
    await onStep(5);
    await wb.quickInputType('Logged in Restricted Mode');
    await wb.quickInputAccept();
    const checkins = path.join(workspace, '.alliances', 'checkins');
    const deadline = Date.now() + 15_000;
    let logged: CheckIn | undefined;
    while (!logged && Date.now() < deadline) {
      logged = fs
        .readdirSync(checkins, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.json'))
        .map((name) => JSON.parse(fs.readFileSync(path.join(checkins, name), 'utf8')) as CheckIn)
        .find((c) => c.summary === 'Logged in Restricted Mode');
      if (!logged) await wb.page.waitForTimeout(200);
    }
    assert.ok(logged, 'the check-in was written at .alliances');
    assert.equal(logged.initiativeId, undefined, 'Enter skipped the initiative step');
    assert.notEqual(logged.author.name, 'Workspace Mallory');
    assert.notEqual(logged.author.email, 'mallory@evil.example');
    assert.equal(fs.existsSync(path.join(workspace, 'EXECUTED')), false, 'nothing from the folder ran');
    assert.equal(fs.existsSync(path.join(workspace, 'elsewhere', 'checkins')), false, 'nothing was written where the setting points');
    recordCounts('e2e-restricted-mode', { hostilePayloads: 2 });
  });

  it('honours alliances.storePath once the user trusts the folder', async () => {
    await wb.runCommand('Workspaces: Manage Workspace Trust');
    await wb.page
      .locator('.workspace-trust-editor .monaco-button')
      .filter({ hasText: /^Trust$/ })
      .first()
      .click();
    await wb.page.locator('.statusbar-item').filter({ hasText: 'Restricted Mode' }).first().waitFor({ state: 'hidden' });
    // The trust editor opens as a modal editor: close it before using the workbench again.
    await wb.page.locator('.monaco-modal-editor-block .codicon-close[aria-label^="Close Modal Editor"]').click();
    await wb.page.locator('.monaco-modal-editor-block').waitFor({ state: 'hidden' });
    const rows = wb.page.locator('.pane:has(.pane-header[aria-label^="Partners"]) .monaco-list-row');
    // The sidebar is still open on Alliances from the first test (a second click would close it).
    if (!(await rows.first().isVisible())) await wb.page.locator('.activitybar .action-item:has(a[aria-label^="Alliances"])').click();
    await rows.filter({ hasText: 'Decoy Dora' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    assert.equal(await rows.filter({ hasText: 'Dana Whitfield' }).count(), 0, 'the store moved to the setting');
  });
});
