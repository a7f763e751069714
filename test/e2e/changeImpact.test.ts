// Who Does This Change Affect? in the real workbench, on the demo workspace (on a branch that touches
// Kwame's code area and the Billing migration's): the quick pick lists the four people, not consulted;
// its top item adds a talking point for the three without one waiting (on disk); "Open the block as
// Markdown" opens the pull-request block in an editor.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Partner, TalkingPoint } from '../../src/core/model';
import { DEMO_BRANCH, createDemoWorkspace } from '../fixtures/demoStore';
import { repoRoot } from '../harness/codeServer';
import { openWorkbench, type Workbench } from './workbench';

const vsix = process.env.ALLIANCES_VSIX ?? path.join(repoRoot, 'dist', 'alliances.vsix');

function readJsonFiles<T>(dir: string): T[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as T);
}

describe('Who Does This Change Affect? in the real workbench', function () {
  let wb: Workbench;
  let workspace: string;
  let store: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-e2e-impact-'));
    await createDemoWorkspace(workspace);
    store = path.join(workspace, '.alliances');
    wb = await openWorkbench({ workspace, vsix });
  });

  after(async () => {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('lists who the demo branch affects, adds their talking points, and opens the pull-request block', async () => {
    const widget = wb.page.locator('.quick-input-widget');
    const rows = widget.locator('.quick-input-list .monaco-list-row');
    await wb.runCommand('Alliances: Who Does This Change Affect?');
    await widget
      .locator('.quick-input-title')
      .filter({ hasText: `Who does ${DEMO_BRANCH} affect? (1 commit, 1 file, since` })
      .waitFor({ timeout: 30_000 });
    for (const name of ['Dana Whitfield', 'Kwame Mensah', 'Hannah Okafor', 'Leo Tanaka'])
      await rows.filter({ hasText: name }).first().waitFor({ timeout: 10_000 });
    const dana = await rows.filter({ hasText: 'Dana Whitfield' }).first().innerText();
    assert.match(dana, /Product · Billing migration: champion; Approves it/);
    await wb.screenshot('change-impact');

    const before = readJsonFiles<TalkingPoint>(path.join(store, 'talking-points')).length;
    await wb.quickPick('Add a talking point for the 3 people not consulted');
    const deadline = Date.now() + 15_000;
    let added: TalkingPoint[] = [];
    while (Date.now() < deadline) {
      added = readJsonFiles<TalkingPoint>(path.join(store, 'talking-points')).filter((t) =>
        t.text.startsWith(`Before ${DEMO_BRANCH} merges:`),
      );
      if (added.length === 3) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const partners = readJsonFiles<Partner>(path.join(store, 'partners'));
    const nameOf = (id: string) => partners.find((p) => p.id === id)?.name;
    assert.deepEqual(added.map((t) => nameOf(t.partnerId)).sort(), ['Dana Whitfield', 'Hannah Okafor', 'Leo Tanaka']);
    assert.equal(readJsonFiles<TalkingPoint>(path.join(store, 'talking-points')).length, before + 3);
    // Everyone now has a talking point waiting: the "add for all" item is gone.
    await rows.filter({ hasText: 'Add a talking point for the' }).waitFor({ state: 'detached', timeout: 10_000 });

    await wb.quickPick('Open the block as Markdown (to save or preview)');
    await wb.page.locator('.monaco-editor .view-lines').filter({ hasText: 'Who this change affects' }).first().waitFor({ timeout: 15_000 });
    await wb.screenshot('change-impact-block');
  });
});
