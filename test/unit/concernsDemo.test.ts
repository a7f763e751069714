// The Concerns figures on the demo workspace, end to end: the store's concerns and votes through
// statsInput and computeDashboard, with known answers, valid for the dashboard page's protocol; a
// teammate's +1 moves a concern up; private concerns and votes stay off the dashboard.
import { strict as assert } from 'node:assert';
import * as v from 'valibot';
import { computeDashboard, statsInput } from '../../src/core/stats';
import type { Author } from '../../src/core/model';
import { Store } from '../../src/core/store';
import { nodeFileSystem } from '../../src/core/nodeFileSystem';
import { dashboardReport } from '../../src/core/stats/report';
import { DashboardDataSchema } from '../../src/webview/protocol';
import { HOSTILE_PAYLOADS } from '../fixtures/hostilePayloads';
import { createDemoStore, DEMO_CONCERNS } from '../fixtures/demoStore';
import { makeTempDir, removeTempDir } from './helpers';

describe('concerns on the demo workspace', () => {
  let dir: string | undefined;
  after(async () => removeTempDir(dir));

  it('the dashboard ranks them (votes from both teammates first); a +1 from a third person changes the order', async () => {
    dir = await makeTempDir();
    const today = new Date(2026, 10, 21, 9, 30);
    const store = await createDemoStore(dir, today);
    const figures = () => {
      const data = computeDashboard(statsInput([store], 14, today), {}, { siloDays: 45 });
      v.parse(DashboardDataSchema, data);
      return data.concerns;
    };
    assert.equal(DEMO_CONCERNS.length, 2);
    assert.deepEqual(
      figures().ranked.map((c) => [c.rank, c.text, c.votes, c.departments, c.raisedBy.map((p) => p.name)]),
      [
        [1, 'Support is overwhelmed after each release', 2, ['Customer Success', 'Support'], ['Hannah Okafor', 'Kwame Mensah']],
        [2, 'Release notes reach customers too late', 1, ['Design', 'Marketing'], ['Priya Raman']],
      ],
    );
    // Two more people +1 the second concern: 3 votes against 2, it goes to the top.
    const late = store.all('concern').find((c) => c.value.text.startsWith('Release notes'))?.value.id ?? '';
    for (const voter of [
      { name: 'Jo', email: 'jo@example.com' },
      { name: 'Ky', email: 'ky@example.com' },
    ] as Author[]) {
      const as = new Store({ root: store.root, fs: nodeFileSystem, now: () => today, author: () => Promise.resolve(voter) });
      await as.load();
      await as.create('vote', { concernId: late });
    }
    await store.load();
    assert.deepEqual(
      figures().ranked.map((c) => [c.rank, c.votes]),
      [
        [1, 3],
        [2, 2],
      ],
    );
    assert.equal(figures().ranked[0]?.concernId, late);
    // The Markdown report has the same ranking.
    const report = () => dashboardReport(computeDashboard(statsInput([store], 14, today), {}, { siloDays: 45 }));
    assert.ok(report().includes('| 1 | Release notes reach customers too late | 3 | Design, Marketing | Priya Raman |'), report());
    // A private concern with private votes is not the team's picture.
    const mine = await store.create('concern', { text: 'Mine only', status: 'open' }, { private: true });
    await store.create('vote', { concernId: mine.value.id }, { private: true });
    assert.equal(
      figures().ranked.some((c) => c.concernId === mine.value.id),
      false,
    );
    // Closed: off the ranking, into "closed lately" with what was done.
    await store.update('concern', late, { status: 'closed', closedAt: today.toISOString(), resolution: 'Notes go out a week ahead' });
    assert.deepEqual(
      figures().closed.map((c) => [c.text, c.resolution, c.closedAt]),
      [['Release notes reach customers too late', 'Notes go out a week ahead', '2026-11-21']],
    );
    assert.deepEqual(
      figures().ranked.map((c) => c.rank),
      [1],
    );
    assert.ok(report().includes('- 2026-11-21: Release notes reach customers too late — Notes go out a week ahead'));
    // Hostile text in a concern and its closing line stays text in the report: every < escaped.
    for (const payload of HOSTILE_PAYLOADS) {
      const raised = await store.create('concern', { text: payload.text.slice(0, 500).trim() || 'x', status: 'open' });
      await store.update('concern', raised.value.id, {
        status: 'closed',
        closedAt: today.toISOString(),
        resolution: payload.text.slice(0, 2000),
      });
      await store.create('concern', { text: payload.text.slice(0, 500).trim() || 'x', status: 'open' });
    }
    const hostile = report();
    assert.doesNotMatch(hostile.replace(/\\</g, ''), /<[a-z!/]/i);
    assert.doesNotMatch(hostile, /(^|[^\\])\]\(javascript:/);
    assert.ok(hostile.includes('\\<script\\>'));
  });
});
