// Restricted Mode: a folder the user does not trust still shows its store, and the store path setting
// from the folder's own .vscode/settings.json is ignored (it could point anywhere).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { serialise } from '../../src/core/store';
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
      serialise({ schemaVersion: 1, id: DECOY_ID, name: 'Decoy Dora', department: 'Sales', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', author: { name: 'x' } }),
    );
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
});
