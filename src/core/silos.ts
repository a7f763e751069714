import { differenceInCalendarDays, startOfDay } from 'date-fns';
import type { Store } from './store';

/** Days without contact after which a department counts as a silo (the dashboard's default). */
export const DEFAULT_SILO_DAYS = 45;

export interface Silo {
  /** The department as first seen (departments typed by hand differ in case). */
  department: string;
  /** The latest check-in with anyone in it; undefined when there never was one. */
  lastContact?: Date;
  /** Calendar days since the last contact, or since the first partner there was added. */
  daysSince: number;
  partners: string[];
}

/**
 * Departments of active partners with no check-in with anyone in them for more than `siloDays` days:
 * the ecosystem's silent spots. A department never contacted counts from the day its first partner was
 * added, so a partner added yesterday is not a silo yet. One small rule, kept apart so the dashboard's
 * statistics can take it over.
 */
export function findSilos(store: Store, now: Date, siloDays = DEFAULT_SILO_DAYS): Silo[] {
  const departments = new Map<string, { department: string; last?: Date; added: Date; partners: string[] }>();
  for (const { value: partner } of store.partners()) {
    if (partner.archived) continue;
    const key = partner.department.toLocaleLowerCase();
    const added = new Date(partner.createdAt);
    const entry = departments.get(key) ?? { department: partner.department, added, partners: [] };
    entry.partners.push(partner.name);
    if (added < entry.added) entry.added = added;
    const last = store.lastCheckIn(partner.id);
    if (last) {
      const date = new Date(last.date);
      if (!entry.last || date > entry.last) entry.last = date;
    }
    departments.set(key, entry);
  }
  const today = startOfDay(now);
  return [...departments.values()]
    .map((entry) => ({
      department: entry.department,
      lastContact: entry.last,
      daysSince: differenceInCalendarDays(today, startOfDay(entry.last ?? entry.added)),
      partners: entry.partners.sort((a, b) => a.localeCompare(b)),
    }))
    .filter((silo) => silo.daysSince > siloDays)
    .sort((a, b) => b.daysSince - a.daysSince || a.department.localeCompare(b.department));
}
