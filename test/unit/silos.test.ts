import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { findSilos } from '../../src/core/silos';
import { Clock, makeStore, makeTempDir, removeTempDir } from './helpers';

describe('silos', () => {
  let dir: string | undefined;
  afterEach(() => removeTempDir(dir));

  it('are departments with no check-in with anyone in them for longer than the limit; new and archived partners do not count', async () => {
    dir = await makeTempDir();
    const clock = new Clock(new Date(2026, 6, 1, 10));
    const store = makeStore(path.join(dir, '.alliances'), { now: clock.now });
    await store.load();
    const ana = await store.addPartner({ name: 'Ana', department: 'Sales' });
    const ben = await store.addPartner({ name: 'Ben', department: 'sales' });
    const cy = await store.addPartner({ name: 'Cy', department: 'Data' });
    await store.addPartner({ name: 'Di', department: 'Legal' });
    const old = await store.addPartner({ name: 'Ed', department: 'Vendor' });
    await store.updatePartner(old.value.id, { archived: true });
    await store.addCheckIn({ partnerId: ana.value.id, kind: 'one-on-one', summary: 'x', date: new Date(2026, 7, 1, 10) });
    await store.addCheckIn({ partnerId: ben.value.id, kind: 'one-on-one', summary: 'x', date: new Date(2026, 8, 1, 10) });
    await store.addCheckIn({ partnerId: cy.value.id, kind: 'one-on-one', summary: 'x', date: new Date(2026, 9, 20, 10) });
    clock.set(new Date(2026, 9, 25, 10));
    await store.addPartner({ name: 'Flo', department: 'Design' });

    const silos = findSilos(store, new Date(2026, 10, 21, 12), 45);
    assert.deepEqual(
      silos.map((silo) => [silo.department, silo.daysSince, silo.lastContact?.getDate(), silo.partners]),
      [
        ['Legal', 143, undefined, ['Di']],
        ['Sales', 81, 1, ['Ana', 'Ben']],
      ],
    );
    assert.deepEqual(findSilos(store, new Date(2026, 10, 21, 12), 81).map((silo) => silo.department), ['Legal']);
  });
});
