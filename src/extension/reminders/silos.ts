// The silos the reminder names: departments nobody has talked to for longer than the silo setting. In
// main.js, not the dashboard's bundle: the first reminder runs a few seconds after every start, and
// this needs only the statistics' input and coverage (a few kilobytes), not the themes' stemmer.
import { departmentCoverage, silos } from '../../core/stats/coverage';
import { statsInput } from '../../core/stats/fromStore';
import { select } from '../../core/stats/input';
import type { SiloSummary } from './reminders';
import { defaultCadenceDays, siloDays } from '../shared/settings';
import type { StoreService } from '../store/storeService';

/** Departments nobody has talked to for longer than the silo setting, longest first. */
export function workspaceSilos(service: StoreService, now = new Date()): SiloSummary[] {
  const input = statsInput(
    service.folders().map((entry) => entry.store),
    defaultCadenceDays(),
    now,
  );
  return silos(departmentCoverage(select(input, {}), { siloDays: siloDays(), cadence: input.cadence, asOf: now }));
}
