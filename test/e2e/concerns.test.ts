// Concerns on the dashboard in the real workbench and browser, on the demo workspace: the demo's two
// concerns ranked (votes from both teammates first), a concern raised from a theme of the word cloud
// through the workbench's quick input, voted up with the page's +1 button, then a teammate's vote
// arriving on disk: its rank changes from 3 to 2. A second +1 by the same person adds nothing. The
// shared hostile payloads in a concern's text and closing line are checked in dashboardHostile.test.ts.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FrameLocator, Locator } from 'playwright-core';
import { newId } from '../../src/core/ids';
import { createDemoWorkspace } from '../fixtures/demoStore';
import { repoRoot } from '../harness/codeServer';
import { attachWebview, guardPage, type PageGuard } from './webviewGuard';
import { openWorkbench, type Workbench } from './workbench';

const vsix = process.env.ALLIANCES_VSIX ?? path.join(repoRoot, 'dist', 'alliances.vsix');
const RAISED = 'Single sign-on setup takes a week per customer';

describe('Concerns rated up on the dashboard (real browser)', function () {
  let wb: Workbench;
  let workspace: string;
  let frame: FrameLocator;
  let guard: PageGuard;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-e2e-concerns-'));
    await createDemoWorkspace(workspace);
    wb = await openWorkbench({ workspace, vsix });
    guard = guardPage(wb.page);
  });

  after(async () => {
    await wb?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  const rows = (): Locator => frame.locator('section#concerns table.concerns tbody tr');
  /** [rank, concern, votes] of every row, as shown. */
  const table = async (): Promise<[string, string, string][]> => {
    const result: [string, string, string][] = [];
    for (const row of await rows().all()) {
      const cells = await row.locator('td, th').allInnerTexts();
      result.push([cells[0]?.trim() ?? '', cells[1]?.trim() ?? '', cells[2]?.trim() ?? '']);
    }
    return result;
  };
  const waitForRow = (text: string, rank: number, votes: number) =>
    frame
      .locator(`section#concerns tbody tr[data-rank="${rank}"]`)
      .filter({ hasText: text })
      .filter({ has: frame.locator('td.votes', { hasText: new RegExp(`^${votes}$`) }) })
      .waitFor({ timeout: 15_000 });

  it('opens the dashboard: the demo concern voted by both teammates first', async () => {
    await wb.runCommand('Alliances: Open Dashboard');
    ({ frame } = await attachWebview(wb.page, (f) => f.locator('section#concerns table.concerns').waitFor({ timeout: 30_000 })));
    assert.deepEqual(await table(), [
      ['1', 'Support is overwhelmed after each release', '2'],
      ['2', 'Release notes reach customers too late', '1'],
    ]);
  });

  it('raises a concern from a theme of the word cloud, through the quick input; it comes in last, with no votes', async () => {
    await frame.locator('section#themes button.term[data-term="sso"]').click();
    await frame.locator('#theme-results-heading').filter({ hasText: '“sso”' }).waitFor();
    await frame.locator('#raise-concern').click();
    await wb.quickInputType(RAISED);
    // The line, the partners, the departments (and shared or private, if asked): Enter through.
    for (let i = 0; i < 4; i++) {
      const open = await wb.page.locator('.quick-input-widget input').isVisible();
      if (!open) break;
      await wb.quickInputAccept();
      await wb.page.waitForTimeout(400);
    }
    await waitForRow(RAISED, 3, 0);
    assert.match(await rows().nth(2).innerText(), /theme “sso”/);
    const file = fs
      .readdirSync(path.join(workspace, '.alliances', 'concerns'))
      .map(
        (name) =>
          JSON.parse(fs.readFileSync(path.join(workspace, '.alliances', 'concerns', name), 'utf8')) as { text: string; theme?: string },
      )
      .find((c) => c.text === RAISED);
    assert.equal(file?.theme, 'sso');
  });

  it('+1 on the page counts one vote (Alex); a second +1 adds nothing', async () => {
    const votes = () => fs.readdirSync(path.join(workspace, '.alliances', 'votes')).length;
    const before = votes();
    await rows().filter({ hasText: RAISED }).locator('button.vote').click();
    await waitForRow(RAISED, 3, 1);
    assert.equal(votes(), before + 1);
    await rows().filter({ hasText: RAISED }).locator('button.vote').click();
    await frame.locator('#status').filter({ hasText: 'No vote was added.' }).waitFor({ timeout: 10_000 });
    assert.equal(votes(), before + 1, 'one vote per person');
  });

  it("a teammate's +1 arriving on disk moves it up: rank 3 → 2", async () => {
    const concerns = path.join(workspace, '.alliances', 'concerns');
    const raised = fs
      .readdirSync(concerns)
      .map((name) => JSON.parse(fs.readFileSync(path.join(concerns, name), 'utf8')) as { id: string; text: string })
      .find((c) => c.text === RAISED);
    assert.ok(raised);
    const id = newId();
    const stamp = new Date().toISOString();
    const vote = {
      schemaVersion: 1,
      id,
      concernId: raised.id,
      createdAt: stamp,
      updatedAt: stamp,
      author: { name: 'Sam Lee', email: 'sam.lee@example.com' },
    };
    fs.writeFileSync(path.join(workspace, '.alliances', 'votes', `${id}.json`), `${JSON.stringify(vote, null, 2)}\n`);
    // Two votes like the top one; it has two departments, this one none: second, above the one-vote concern.
    await waitForRow(RAISED, 2, 2);
    assert.deepEqual(await table(), [
      ['1', 'Support is overwhelmed after each release', '2'],
      ['2', `${RAISED} (theme “sso”)`, '2'],
      ['3', 'Release notes reach customers too late', '1'],
    ]);
    assert.deepEqual(guard.dialogs, []);
  });
});
