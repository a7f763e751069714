// The team: when several people log check-ins (their git identities), who holds which relationships,
// how active each person is, and which partners only one teammate talks to — the relationships the team
// would lose if that person left.
import type { Author } from '../model';
import { authorKey, authorKeyOf, type Selection, type StatCheckIn } from './input';

export interface AuthorActivity {
  key: string;
  name: string;
  email?: string;
  /** Check-ins this person wrote or was present at. */
  checkIns: number;
  /** Partners this person checked in with in the range. */
  partners: number;
  /** The latest check-in (ISO timestamp). */
  lastCheckIn: string;
}

export interface SingleHolder {
  partnerId: string;
  name: string;
  department: string;
  holder: { key: string; name: string };
  checkIns: number;
}

export interface TeamStats {
  authors: AuthorActivity[];
  /** Partners with check-ins in the range from exactly one person; empty when only one person writes. */
  singleHolders: SingleHolder[];
  /** Partners with no check-in in the range at all. */
  unheld: number;
}

export function teamStats(selection: Pick<Selection, 'checkIns' | 'partners' | 'partnerById'>): TeamStats {
  const authors = new Map<string, { author: Author; checkIns: number; partners: number; last: number; lastIso: string }>();
  // Per partner, who wrote its check-ins (a short list: one to a few people) and how many the first one
  // wrote: two map lookups per check-in, where a set of partners per author would take four.
  const holders = new Map<string, { keys: string[]; name: string; count: number }>();
  const attend = (c: StatCheckIn, key: string, person: Author): void => {
    let a = authors.get(key);
    if (!a) authors.set(key, (a = { author: person, checkIns: 0, partners: 0, last: 0, lastIso: c.value.date }));
    a.checkIns++;
    if (c.time >= a.last) {
      a.last = c.time;
      a.lastIso = c.value.date;
      a.author = person; // the latest spelling of the name
    }
    for (const partnerId of c.partnerIds) {
      const held = holders.get(partnerId);
      if (!held) holders.set(partnerId, { keys: [key], name: person.name, count: 1 });
      else if (held.keys[0] === key) held.count++;
      else if (!held.keys.includes(key)) held.keys.push(key);
    }
  };
  for (const c of selection.checkIns) {
    const key = authorKeyOf(c);
    attend(c, key, c.value.author);
    // Teammates who were there hold the relationship too (a check-in counts once per person).
    const present = c.value.present;
    if (present && present.length > 0) {
      const seen = new Set([key]);
      for (const person of present) {
        const other = authorKey(person);
        if (seen.has(other)) continue;
        seen.add(other);
        attend(c, other, person);
      }
    }
  }
  for (const { keys } of holders.values()) for (const key of keys) (authors.get(key) as { partners: number }).partners++;
  const activity: AuthorActivity[] = [...authors].map(([key, a]) => ({
    key,
    name: a.author.name,
    email: a.author.email,
    checkIns: a.checkIns,
    partners: a.partners,
    lastCheckIn: a.lastIso,
  }));
  activity.sort((x, y) => y.checkIns - x.checkIns || x.name.localeCompare(y.name));
  const singleHolders: SingleHolder[] = [];
  if (authors.size > 1) {
    for (const [partnerId, held] of holders) {
      const partner = selection.partnerById.get(partnerId);
      if (!partner || held.keys.length !== 1) continue;
      singleHolders.push({
        partnerId,
        name: partner.name,
        department: partner.department,
        holder: { key: held.keys[0], name: held.name },
        checkIns: held.count,
      });
    }
    singleHolders.sort((a, b) => a.holder.name.localeCompare(b.holder.name) || a.name.localeCompare(b.name));
  }
  const unheld = selection.partners.filter((p) => !holders.has(p.id)).length;
  return { authors: activity, singleHolders, unheld };
}
