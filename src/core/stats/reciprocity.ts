// Reciprocity: alliances run on give and take. Per partner, help given (they asked, I helped) against
// help received (I asked, they helped), and the asks still open on either side.
import type { Ask } from '../model';
import type { Selection } from './input';

export interface Reciprocity {
  partnerId: string;
  name: string;
  department: string;
  /** They asked, and got help. */
  given: number;
  /** I asked, and got help. */
  received: number;
  /** They asked; not answered yet. */
  openTheirs: number;
  /** I asked; not answered yet. */
  openMine: number;
  declined: number;
  /** given − received: positive when I give more than I get. */
  balance: number;
}

/**
 * Partners with asks created in the range, most lopsided first (then most open asks). Asks of archived
 * partners or outside the department filter are left out.
 */
export function reciprocity(asks: readonly Ask[], selection: Pick<Selection, 'partnerById' | 'start' | 'end'>): Reciprocity[] {
  const rows = new Map<string, Reciprocity>();
  for (const ask of asks) {
    const partner = selection.partnerById.get(ask.partnerId);
    if (!partner) continue;
    const time = Date.parse(ask.createdAt);
    if (time < selection.start || time >= selection.end) continue;
    let row = rows.get(partner.id);
    if (!row) {
      row = {
        partnerId: partner.id,
        name: partner.name,
        department: partner.department,
        given: 0,
        received: 0,
        openTheirs: 0,
        openMine: 0,
        declined: 0,
        balance: 0,
      };
      rows.set(partner.id, row);
    }
    const mine = ask.direction === 'i-asked';
    if (ask.status === 'helped') {
      if (mine) row.received++;
      else row.given++;
    } else if (ask.status === 'open') {
      if (mine) row.openMine++;
      else row.openTheirs++;
    } else {
      row.declined++;
    }
  }
  for (const row of rows.values()) row.balance = row.given - row.received;
  return [...rows.values()].sort(
    (a, b) =>
      Math.abs(b.balance) - Math.abs(a.balance) || b.openMine + b.openTheirs - (a.openMine + a.openTheirs) || a.name.localeCompare(b.name),
  );
}
