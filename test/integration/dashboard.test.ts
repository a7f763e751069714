import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { subDays } from 'date-fns';
import { newId } from '../../src/core/ids';
import type { Partner } from '../../src/core/model';
import type { Loaded } from '../../src/core/store';
import type { AlliancesInternals as AlliancesApi } from '../../src/extension/testInternals';
import { HOSTILE_PAYLOADS } from '../fixtures/hostilePayloads';
import { recordCounts } from '../reliability/counts';
import { api, listFiles, storeRoot, waitFor } from './helpers';

// The dashboard in the real extension host: the command opens one panel, the page asks for figures, and
// every message from the page is checked before anything happens.
describe('dashboard', function () {
  let alliances: AlliancesApi;
  let ann: Loaded<Partner>;
  let legalFile: string;

  before(async () => {
    alliances = await api();
    ann = (await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', {
      name: 'Ann Dashboard',
      department: 'Finance',
    }))!;
    await vscode.commands.executeCommand('alliances.editPartner', ann.value.id, { leads: ['Budget planning'] });
    await vscode.commands.executeCommand('alliances.logCheckIn', ann.value.id, {
      kind: 'help-me',
      rating: 4,
      summary: 'Budget planning for the platform team',
    });
  });

  after(async () => {
    alliances.dashboard.instance.current?.dispose();
    if (legalFile) await fs.rm(legalFile, { force: true });
  });

  it('Open Dashboard opens one panel whose page receives the figures', async () => {
    assert.equal(await vscode.commands.executeCommand('alliances.openDashboard'), true);
    const panel = alliances.dashboard.instance.current;
    assert.ok(panel, 'a panel is open');
    await waitFor('the page to ask for data', () => panel.posted > 0 && panel.last, 15_000);
    const data = panel.last!;
    assert.ok(data.options.departments.includes('Finance'));
    const finance = data.coverage.find((row) => row.department === 'Finance');
    assert.deepEqual([finance?.partners, finance?.daysSinceContact, finance?.silo], [1, 0, false]);
    assert.ok(data.leads.some((area) => area.area === 'Budget planning' && area.leaders.some((l) => l.partnerId === ann.value.id)));
    assert.ok(
      data.themes.some((t) => t.label === 'budget'),
      'summaries become themes',
    );

    assert.equal(await vscode.commands.executeCommand('alliances.openDashboard'), true);
    assert.equal(alliances.dashboard.instance.current, panel, 'opening again reveals the same panel');
  });

  it('filters by department and recomputes when the store changes', async () => {
    const panel = alliances.dashboard.instance.current!;
    const outcome = await panel.handle({ type: 'setFilter', filter: { department: 'Finance' } });
    assert.equal(outcome.kind, 'data');
    assert.deepEqual(
      panel.last?.coverage.map((row) => row.department),
      ['Finance'],
    );
    const before = panel.last.totals.checkIns;
    const posted = panel.posted;
    await vscode.commands.executeCommand('alliances.logCheckIn', ann.value.id, {
      kind: 'ad-hoc',
      rating: 2,
      summary: 'Budget cuts announced',
    });
    await waitFor('fresh figures after the write', () => panel.posted > posted && panel.last!.totals.checkIns === before + 1, 5000);
    await panel.handle({ type: 'setFilter', filter: {} });
  });

  it('lists the check-ins behind a theme term', async () => {
    const panel = alliances.dashboard.instance.current!;
    const theme = panel.last!.themes.find((t) => t.label === 'budget');
    assert.ok(theme);
    const outcome = await panel.handle({ type: 'themeCheckIns', requestId: 'r1', term: theme.term });
    assert.deepEqual(outcome, { kind: 'themeCheckIns', count: 2 });
  });

  it('rejects malformed, unknown and path-traversing messages with no side effect', async () => {
    const panel = alliances.dashboard.instance.current!;
    const files = await listFiles(storeRoot());
    const contents = await Promise.all(files.map((f) => fs.readFile(path.join(storeRoot(), f))));
    const bad: unknown[] = [
      null,
      'ready',
      { type: 'deleteEverything' },
      { type: 'openPartner', requestId: 'r2', id: '../../etc/passwd' },
      { type: 'openPartner', requestId: 'r3', id: newId() },
      { type: 'setFilter', filter: { department: 'Finance', extra: 1 } },
      { type: 'setFilter', filter: { from: '2026-13-45x' } },
      { type: 'themeCheckIns', requestId: '../x', term: 'budget' },
      { type: 'exportReport', requestId: 'r4', path: '/tmp/evil.md' },
      { type: 'ready', __proto__: { type: 'exportReport' } },
    ];
    for (const message of bad) {
      const outcome = await panel.handle(message);
      if (outcome.kind !== 'rejected' && outcome.kind !== 'data') assert.fail(`accepted ${JSON.stringify(message)}: ${outcome.kind}`);
    }
    assert.deepEqual(await listFiles(storeRoot()), files, 'no file added or removed');
    const after = await Promise.all(files.map((f) => fs.readFile(path.join(storeRoot(), f))));
    assert.ok(
      after.every((buffer, i) => buffer.equals(contents[i])),
      'every file byte-identical',
    );
  });

  it('exports the dashboard as a Markdown report', async () => {
    const target = path.join(os.tmpdir(), `alliances-report-${Date.now()}.md`);
    const saved = await vscode.commands.executeCommand<string>('alliances.exportDashboard', target, { department: 'Finance' });
    assert.equal(saved, target);
    const report = await fs.readFile(target, 'utf8');
    assert.match(report, /^# Alliances dashboard\n/);
    assert.match(report, /department Finance/);
    assert.match(report, /\| Finance \| 1 \| 0 \|/);
    assert.match(report, /- \*\*Budget planning\*\*: Ann Dashboard \(Finance\)/);
    await fs.rm(target);
  });

  it('exports a report in which hostile names, departments and areas stay text', async () => {
    const files: string[] = [];
    const stamp = new Date().toISOString();
    for (const [i, { text }] of HOSTILE_PAYLOADS.entries()) {
      const id = newId();
      const partner = {
        schemaVersion: 1,
        id,
        name: `${i} ${text.slice(0, 190)}`.trim(),
        department: `Hostile ${i} ${text}`.slice(0, 100).trim(),
        leads: [text.slice(0, 200)],
        createdAt: stamp,
        updatedAt: stamp,
        author: { name: text.slice(0, 200) },
      };
      const file = path.join(storeRoot(), 'partners', `${id}.json`);
      await fs.writeFile(file, `${JSON.stringify(partner, null, 2)}\n`);
      files.push(file);
    }
    try {
      await waitFor(
        'the hostile partners to load',
        () =>
          alliances.service.allViews().filter((item) => item.view.record.value.department.startsWith('Hostile ')).length ===
          HOSTILE_PAYLOADS.length,
        10_000,
      );
      const target = path.join(os.tmpdir(), `alliances-hostile-report-${Date.now()}.md`);
      assert.equal(await vscode.commands.executeCommand<string>('alliances.exportDashboard', target, {}), target);
      const report = await fs.readFile(target, 'utf8');
      await fs.rm(target);
      // Every < is escaped, so no renderer makes a tag, a link or an image of a teammate's text.
      assert.doesNotMatch(report.replace(/\\</g, ''), /<[a-z!/]/i);
      assert.doesNotMatch(report, /(^|[^\\])\]\(javascript:/);
      assert.ok(report.includes('\\<script\\>'), 'the script payload is there, escaped');
      // Bidi controls and invisible characters are shown as ⟨U+…⟩ (src/core/visibleText.ts), never obeyed.
      // (Only the zero-width non-joiner inside the Persian word stays: it is spelling.)
      assert.doesNotMatch(report.replace(/\n/g, '').replace(/\u06CC\u200C\u062E/g, ''), /[\p{Cc}\p{Cf}\u2028\u2029]/u);
      assert.ok(report.includes('⟨U+202E⟩exe.fdp⟨U+202C⟩'), 'the override is shown');
      recordCounts('integration-dashboard-report', { hostilePayloads: HOSTILE_PAYLOADS.length * 3 });
    } finally {
      for (const file of files) await fs.rm(file, { force: true });
    }
  });

  it('refuses a wrong filter argument instead of ignoring it', async () => {
    const panel = alliances.dashboard.instance.current!;
    const filter = { ...panel.filter };
    assert.equal(
      await vscode.commands.executeCommand('alliances.openDashboard', { department: 42 }),
      undefined,
      'refused (with an error message)',
    );
    assert.deepEqual(panel.filter, filter, 'the filter is unchanged');
  });

  it('mentions a silo in the reminder', async () => {
    const created = subDays(new Date(), 100).toISOString();
    const id = newId();
    const legal = {
      schemaVersion: 1,
      id,
      name: 'Lou Legal',
      department: 'Legal',
      cadenceDays: 365,
      createdAt: created,
      updatedAt: created,
      author: { name: 'Test' },
    };
    legalFile = path.join(storeRoot(), 'partners', `${id}.json`);
    await fs.writeFile(legalFile, `${JSON.stringify(legal, null, 2)}\n`);
    await waitFor('the new partner to load', () => alliances.service.findPartner(id), 5000);
    assert.match(alliances.reminders.message() ?? '', /No contact with Legal \(100 days\): a silo\.$/);
  });
});
