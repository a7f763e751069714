// The Alliances figures on the demo workspace, end to end: the store's initiatives and stances through
// statsInput and computeDashboard, with known answers, valid for the dashboard page's protocol.
import { strict as assert } from 'node:assert';
import * as v from 'valibot';
import { computeDashboard, statsInput } from '../../src/core/stats';
import { rolesLine } from '../../src/core/initiatives';
import { english } from '../../src/core/translator';
import { DashboardDataSchema } from '../../src/webview/protocol';
import { createDemoStore } from '../fixtures/demoStore';
import { makeTempDir, removeTempDir } from './helpers';

describe('initiatives on the demo workspace', () => {
  let dir: string | undefined;
  after(async () => removeTempDir(dir));

  it('the dashboard has an Alliances section: balances, who to win over next, no champion outside engineering', async () => {
    dir = await makeTempDir();
    const today = new Date(2026, 10, 21, 9, 30);
    const store = await createDemoStore(dir, today);
    const data = computeDashboard(statsInput([store], 14, today), {}, { siloDays: 45 });
    v.parse(DashboardDataSchema, data);
    // Billing: Dana champion high 3 + Leo supporter medium 2 = 5 against Hannah blocker medium 2; Kwame
    // is neutral now (skeptic before). Pricing: Dana 3 + Sofia low 1 = 4, none against; Elena unknown.
    assert.deepEqual(
      data.alliances.initiatives.map((i) => [
        i.name,
        i.support,
        i.resistance,
        i.undecided,
        i.outsideChampion,
        i.winOver.map((w) => w.name),
      ]),
      [
        ['Billing migration', 5, 2, 1, true, ['Kwame Mensah']],
        ['Pricing revamp', 4, 0, 1, true, ['Elena Petrova']],
      ],
    );
    assert.deepEqual(data.alliances.noOutsideChampion, []);
    const dana = store.partners().find((p) => p.value.name === 'Dana Whitfield')?.value.id ?? '';
    const roles = rolesLine(
      { initiatives: store.all('initiative').map((i) => i.value), stances: store.all('stance').map((s) => s.value) },
      dana,
      english,
    );
    assert.equal(roles, 'leads: Pricing revamp · approves: Billing migration');
  });
});
