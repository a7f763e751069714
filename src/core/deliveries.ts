// Commits that deliver an ask: a commit on the default branch whose message carries a trailer naming an
// open ask (`Alliances-Ask: <ask id>`), or naming the partner who asked (`Requested-by: <name or email>`,
// when that partner has exactly one open ask of me), is offered as "delivered". Pure: git reads the
// commits (src/git/trailerCommits.ts), the extension asks the user and writes.
import type { Ask, Partner } from './model';

export const ASK_TRAILER = 'Alliances-Ask';
export const REQUESTED_BY_TRAILER = 'Requested-by';

/** What to put at the end of a commit message so the commit is offered as delivering the ask. */
export function askTrailer(askId: string): string {
  return `${ASK_TRAILER}: ${askId}`;
}

export interface Trailer {
  key: string;
  value: string;
}

/** A commit as git reads it for this: only commits whose message has one of the two trailers. */
export interface TrailerCommit {
  commit: string;
  /** ISO author date. */
  date: string;
  subject: string;
  trailers: readonly Trailer[];
}

export interface DeliveryOffer {
  askId: string;
  partnerId: string;
  commit: string;
  subject: string;
  date: string;
  /** How the commit named the ask. */
  via: 'ask' | 'requested-by';
}

export const DELIVERY_PROBLEMS = ['unknown-ask', 'closed-ask', 'unknown-requester', 'no-open-ask', 'several-open-asks'] as const;
export type DeliveryProblemReason = (typeof DELIVERY_PROBLEMS)[number];

/** A trailer that names nothing that can be delivered: shown with its reason, never written. */
export interface DeliveryProblem {
  commit: string;
  subject: string;
  trailer: Trailer;
  reason: DeliveryProblemReason;
  /** The partner a Requested-by trailer matched, if any. */
  partnerId?: string;
}

export interface Deliveries {
  offers: DeliveryOffer[];
  problems: DeliveryProblem[];
}

/** The key a dismissed offer is remembered by (on this machine only). */
export function deliveryKey(offer: Pick<DeliveryOffer, 'askId' | 'commit'>): string {
  return `${offer.askId}@${offer.commit}`;
}

/**
 * The trailer lines of `git log --format=%(trailers:only,unfold)` output for one commit ("Key: value"
 * lines); keys compared without regard to case, as git does.
 */
export function parseTrailers(text: string): Trailer[] {
  const trailers: Trailer[] = [];
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z0-9-]+)\s*:\s*(.*\S)\s*$/.exec(line);
    if (match?.[1] && match[2]) trailers.push({ key: match[1], value: match[2] });
  }
  return trailers;
}

const sameKey = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Offers and problems for commits (newest first, as git lists them): an ask is offered once, by the
 * newest commit naming it; offers already dismissed (`dismissed` holds deliveryKey()s) are left out,
 * and so is an ask that was already marked helped by that very commit.
 */
export function findDeliveries(
  commits: readonly TrailerCommit[],
  asks: readonly Ask[],
  partners: readonly Partner[],
  dismissed: ReadonlySet<string> = new Set(),
): Deliveries {
  const askById = new Map(asks.map((ask) => [ask.id.toUpperCase(), ask]));
  const openTheirs = new Map<string, Ask[]>();
  for (const ask of asks) {
    if (ask.status !== 'open' || ask.direction !== 'they-asked') continue;
    const list = openTheirs.get(ask.partnerId) ?? [];
    list.push(ask);
    openTheirs.set(ask.partnerId, list);
  }
  const offers: DeliveryOffer[] = [];
  const problems: DeliveryProblem[] = [];
  const offered = new Set<string>();
  for (const commit of commits) {
    const problem = (trailer: Trailer, reason: DeliveryProblemReason, partnerId?: string) =>
      problems.push({ commit: commit.commit, subject: commit.subject, trailer, reason, ...(partnerId ? { partnerId } : {}) });
    const offer = (ask: Ask, via: DeliveryOffer['via']) => {
      if (offered.has(ask.id)) return;
      offered.add(ask.id);
      const candidate = { askId: ask.id, partnerId: ask.partnerId, commit: commit.commit, subject: commit.subject, date: commit.date, via };
      if (!dismissed.has(deliveryKey(candidate))) offers.push(candidate);
    };
    for (const trailer of commit.trailers) {
      if (sameKey(trailer.key, ASK_TRAILER)) {
        const ask = askById.get(trailer.value.trim().toUpperCase());
        if (!ask) problem(trailer, 'unknown-ask');
        else if (ask.status === 'open') offer(ask, 'ask');
        else if (!offered.has(ask.id) && deliveredBy(ask) !== commit.commit) problem(trailer, 'closed-ask', ask.partnerId);
      } else if (sameKey(trailer.key, REQUESTED_BY_TRAILER)) {
        const partner = requester(trailer.value, partners);
        if (!partner) {
          problem(trailer, 'unknown-requester');
          continue;
        }
        const open = (openTheirs.get(partner.id) ?? []).filter((ask) => !offered.has(ask.id));
        const [only] = open;
        if (open.length === 1 && only) offer(only, 'requested-by');
        else if (open.length === 0) {
          // Already offered through this run's newer commit, or nothing open: only the latter is a problem.
          if (!(openTheirs.get(partner.id) ?? []).some((ask) => offered.has(ask.id))) problem(trailer, 'no-open-ask', partner.id);
        } else problem(trailer, 'several-open-asks', partner.id);
      }
    }
  }
  return { offers, problems };
}

/** The commit an ask was marked delivered by, if any. */
export function deliveredBy(ask: Ask): string | undefined {
  return ask.deliveredIn?.commit;
}

/**
 * The partner a Requested-by value names: "Name <email>" or an email (matched without regard to case),
 * else a full name (matched without regard to case, only when exactly one active partner has it).
 */
export function requester(value: string, partners: readonly Partner[]): Partner | undefined {
  const active = partners.filter((p) => !p.archived);
  const email = /<([^<>\s]+@[^<>\s]+)>/.exec(value)?.[1] ?? (/^\S+@\S+$/.test(value.trim()) ? value.trim() : undefined);
  if (email) {
    const found = active.filter((p) => p.email?.toLowerCase() === email.toLowerCase());
    if (found.length === 1) return found[0];
  }
  const name = value
    .replace(/<[^<>]*>/, '')
    .trim()
    .toLowerCase();
  if (!name) return undefined;
  const byName = active.filter((p) => p.name.trim().toLowerCase() === name);
  return byName.length === 1 ? byName[0] : undefined;
}
