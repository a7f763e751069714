// Who leads what: every partner leads something. The partners' "leads" areas turned around into a map
// from area to the people who lead it, so a manager knows whom to follow on what.
import type { Partner } from '../model';

export interface LeadArea {
  /** As first written (areas are matched without regard to case or extra spaces). */
  area: string;
  leaders: { partnerId: string; name: string; department: string }[];
}

export function normaliseArea(area: string): string {
  return area.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Areas in alphabetical order, each with its leaders by name. */
export function leadAreas(partners: readonly Partner[]): LeadArea[] {
  const areas = new Map<string, LeadArea>();
  for (const partner of partners) {
    const seen = new Set<string>();
    for (const raw of partner.leads ?? []) {
      const key = normaliseArea(raw);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      let area = areas.get(key);
      if (!area) areas.set(key, (area = { area: raw.trim().replace(/\s+/g, ' '), leaders: [] }));
      area.leaders.push({ partnerId: partner.id, name: partner.name, department: partner.department });
    }
  }
  for (const area of areas.values()) area.leaders.sort((a, b) => a.name.localeCompare(b.name));
  return [...areas.values()].sort((a, b) => a.area.localeCompare(b.area, undefined, { sensitivity: 'base' }));
}

/** Areas whose name, or one of whose leaders' names, contains the query (case-insensitive). */
export function searchLeadAreas(areas: readonly LeadArea[], query: string): LeadArea[] {
  const q = normaliseArea(query);
  if (!q) return [...areas];
  return areas.filter((a) => normaliseArea(a.area).includes(q) || a.leaders.some((l) => l.name.toLowerCase().includes(q)));
}

/** "Pricing, EMEA deals ,, pricing" → ["Pricing", "EMEA deals"]: trimmed, no empties, no repeats (ignoring case). */
export function parseLeads(text: string): string[] | undefined {
  const seen = new Set<string>();
  const leads: string[] = [];
  for (const raw of text.split(',')) {
    const area = raw.trim().replace(/\s+/g, ' ');
    const key = area.toLowerCase();
    if (!area || seen.has(key)) continue;
    seen.add(key);
    leads.push(area);
  }
  return leads.length > 0 ? leads : undefined;
}
