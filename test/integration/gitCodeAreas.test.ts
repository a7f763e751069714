import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Partner } from '../../src/core/model';
import type { Loaded } from '../../src/core/store';
import type { AlliancesInternals as AlliancesApi } from '../../src/extension/testInternals';
import { api, waitFor, workspaceRoot } from './helpers';

// A partner's code areas in a real VS Code: a commit that touches them produces the quiet status-bar
// suggestion, and the partner page lists it since the last check-in, one click from a talking point.
describe('Code areas and the nudge from code in a real VS Code', function () {
  let alliances: AlliancesApi;
  let nadia: Loaded<Partner>;
  let otto: Loaded<Partner>;
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: workspaceRoot(), encoding: 'utf8' });
  const commitFile = async (file: string, message: string): Promise<string> => {
    await fs.mkdir(path.dirname(path.join(workspaceRoot(), file)), { recursive: true });
    await fs.writeFile(path.join(workspaceRoot(), file), `${message}\n`);
    git('add', '--', file);
    git('commit', '-q', '-m', message, '--', file);
    return git('rev-parse', 'HEAD').trim();
  };

  before(async () => {
    alliances = await api();
    nadia = (await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', {
      name: 'Nadia Numbers',
      department: 'Sales',
    }))!;
    otto = (await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', { name: 'Otto Other', department: 'Support' }))!;
    await vscode.commands.executeCommand('alliances.editPartner', nadia.value.id, { codeAreas: ['nudge-billing/**', 'src/checkout/'] });
    await vscode.commands.executeCommand('alliances.editPartner', otto.value.id, { codeAreas: ['support-tools/'] });
    git('add', '-A');
    git('commit', '-q', '-m', 'Partners with code areas');
    // The first look remembers HEAD: only what lands after it counts.
    await alliances.codeNudge.check();
  });

  it('a commit touching a partner\'s area produces "<area> changed — tell <name>?" in the status bar, for that partner only', async () => {
    await commitFile('docs/unrelated.md', 'Docs nobody listed');
    const commit = await commitFile('nudge-billing/invoices/retry.ts', 'Retry failed invoices');
    const suggestion = await waitFor(
      'the suggestion for Nadia',
      () => alliances.codeNudge.current().find((s) => s.partnerId === nadia.value.id),
      10_000,
    );
    assert.equal(suggestion.text, 'nudge-billing/ changed — tell Nadia?');
    assert.equal(suggestion.commits, 1);
    assert.equal(alliances.codeNudge.item.text, '$(git-commit) nudge-billing/ changed — tell Nadia?');
    assert.equal(
      alliances.codeNudge.current().some((s) => s.partnerId === otto.value.id),
      false,
    );

    // The partner page lists it since they were added (no check-in yet), by its author, one click from a talking point.
    await vscode.commands.executeCommand('alliances.openCodeNudge');
    assert.equal(
      alliances.codeNudge.current().some((s) => s.partnerId === nadia.value.id),
      false,
      'clicking the suggestion answers it',
    );
    const page = await waitFor("Nadia's page", () => alliances.partnerPages.get(nadia.value.id));
    const changes = await waitFor(
      'the code changes on the page',
      () => (page.lastData?.git?.changes?.commits.length ? page.lastData.git.changes : undefined),
      10_000,
    );
    assert.deepEqual(
      changes.commits.map((c) => c.subject),
      ['Retry failed invoices'],
    );
    assert.deepEqual(changes.authors, ['Alliances Tests']);
    assert.deepEqual(changes.commits[0]?.files, ['nudge-billing/invoices/retry.ts']);
    assert.match(changes.sinceLabel, /^since they were added/);
    assert.deepEqual(page.lastData?.git?.areas, ['nudge-billing/**', 'src/checkout/']);

    const outcome = await page.handle({ type: 'addCommitTalkingPoint', requestId: 'r1', commit });
    assert.equal(outcome.kind === 'reply' && outcome.reply.ok, true);
    const point = alliances.service
      .folders()[0]
      .store.ofPartner('talkingPoint', nadia.value.id)
      .find((p) => p.value.source?.commit === commit);
    assert.equal(point?.value.text, `Retry failed invoices (${commit.slice(0, 7)})`);
    await waitFor('the commit marked as on the agenda', () => page.lastData?.git?.changes?.commits[0]?.added === true, 10_000);
    page.dispose();
  });
});
