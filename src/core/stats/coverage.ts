// Coverage and silos: per department, how many partners, how long since anyone talked to one of them,
// and how many are on cadence. A department nobody has talked to for longer than the silo threshold is
// a silo: the manager is about to lose touch with a whole part of the organisation.
import { computeDueState, type CadenceInput } from '../cadence';
import type { Partner } from '../model';
import { daysBetween, type Selection } from './input';

export interface DepartmentCoverage {
  department: string;
  partners: number;
  /** Partners not overdue (snoozed ones count: pausing is a decision, not a lapse). */
  onCadence: number;
  /** onCadence / partners, 0–1. */
  onCadenceShare: number;
  /** The last check-in with anyone in the department (ISO timestamp), if any. */
  lastContact?: string;
  /** Days from the last contact (or, never contacted, from the first partner's arrival) to the as-of day. */
  daysSinceContact: number;
  neverContacted: boolean;
  silo: boolean;
}

export interface CoverageOptions {
  siloDays: number;
  cadence: CadenceInput;
  /** The day coverage is computed for: today, or the end of the chosen range. */
  asOf: Date;
}

/** Departments in name order; a silo is one with no contact for more than `siloDays` days. */
export function departmentCoverage(selection: Pick<Selection, 'partners' | 'history'>, options: CoverageOptions): DepartmentCoverage[] {
  const lastByPartner = new Map<string, { time: number; iso: string }>();
  // history is oldest first; a group check-in is contact with each of its partners.
  for (const c of selection.history) for (const id of c.partnerIds) lastByPartner.set(id, { time: c.time, iso: c.value.date });
  const asOf = options.asOf.getTime();
  const byDepartment = new Map<string, Partner[]>();
  for (const partner of selection.partners) {
    const list = byDepartment.get(partner.department) ?? [];
    list.push(partner);
    byDepartment.set(partner.department, list);
  }
  const rows: DepartmentCoverage[] = [];
  for (const [department, partners] of byDepartment) {
    let last: { time: number; iso: string } | undefined;
    let firstArrival = Number.POSITIVE_INFINITY;
    let onCadence = 0;
    for (const partner of partners) {
      const contact = lastByPartner.get(partner.id);
      if (contact && (!last || contact.time > last.time)) last = contact;
      firstArrival = Math.min(firstArrival, Date.parse(partner.createdAt));
      const due = computeDueState(partner, contact ? new Date(contact.time) : undefined, options.cadence, options.asOf);
      if (due.status !== 'overdue' && due.status !== 'due') onCadence++;
    }
    const reference = last ? last.time : Math.min(firstArrival, asOf);
    const daysSinceContact = Math.max(0, daysBetween(reference, asOf));
    rows.push({
      department,
      partners: partners.length,
      onCadence,
      onCadenceShare: onCadence / partners.length,
      lastContact: last?.iso,
      daysSinceContact,
      neverContacted: !last,
      silo: daysSinceContact > options.siloDays,
    });
  }
  return rows.sort((a, b) => a.department.localeCompare(b.department));
}

/** The silos among coverage rows, longest without contact first. */
export function silos(rows: readonly DepartmentCoverage[]): DepartmentCoverage[] {
  return rows.filter((row) => row.silo).sort((a, b) => b.daysSinceContact - a.daysSinceContact || a.department.localeCompare(b.department));
}
