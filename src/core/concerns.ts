// Concerns the team rates up: the votes counted (one per person, however many files a merge brought) and
// the ranking the dashboard and the Concerns view show. Pure; docs/decisions/concern-ranking.md says why
// the rule is what it is.
import type { Author, Concern, Partner, TalkingPoint, Vote } from './model';
import { authorKey } from './stats/input';

export interface ConcernTally {
  /** Distinct voters (authorKey: by email when there is one, else by name). */
  voters: Set<string>;
  /** When the newest vote was cast (milliseconds), or -Infinity when there is none. */
  lastVote: number;
}

/** Votes per concern id: two votes by one person (two branches merged, a file copied) count once. */
export function tallyVotes(votes: Iterable<Vote>): Map<string, ConcernTally> {
  const tallies = new Map<string, ConcernTally>();
  for (const vote of votes) {
    let tally = tallies.get(vote.concernId);
    if (!tally) tallies.set(vote.concernId, (tally = { voters: new Set(), lastVote: Number.NEGATIVE_INFINITY }));
    tally.voters.add(authorKey(vote.author));
    const time = Date.parse(vote.createdAt);
    if (time > tally.lastVote) tally.lastVote = time;
  }
  return tallies;
}

/** Whether this person already voted for the concern. */
export function hasVoted(votes: Iterable<Vote>, concernId: string, voter: Author): boolean {
  const key = authorKey(voter);
  for (const vote of votes) if (vote.concernId === concernId && authorKey(vote.author) === key) return true;
  return false;
}

export interface RankedConcern {
  concern: Concern;
  /** 1 for the top concern. */
  rank: number;
  votes: number;
  /** The departments that raised it (the partners' and the concern's own), one spelling each, sorted. */
  departments: string[];
  /** The latest of when it was raised and its newest vote (milliseconds): what "recent" means. */
  lastActivity: number;
}

export interface ConcernRankingInput {
  concerns: Iterable<Concern>;
  votes: Iterable<Vote>;
  /** To find the departments of the partners who raised a concern. */
  partners: Iterable<Partner>;
}

/** The departments a concern names through its partners and its own list, one spelling each (first seen), sorted. */
export function concernDepartments(concern: Concern, departmentOf: (partnerId: string) => string | undefined): string[] {
  const seen = new Map<string, string>();
  const note = (department: string | undefined) => {
    const trimmed = department?.trim();
    if (!trimmed) return;
    const key = trimmed.toLocaleLowerCase();
    if (!seen.has(key)) seen.set(key, trimmed);
  };
  for (const partnerId of concern.partnerIds ?? []) note(departmentOf(partnerId));
  for (const department of concern.departments ?? []) note(department);
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/**
 * The open concerns, top first: most distinct voters; then the most departments raising it; then the
 * most recent activity (raised or voted for); then the id, so that the order never depends on how the
 * files were read. Closed concerns are not ranked (closedConcerns lists them).
 */
export function rankConcerns(input: ConcernRankingInput): RankedConcern[] {
  const tallies = tallyVotes(input.votes);
  const departmentById = new Map<string, string>();
  for (const partner of input.partners) departmentById.set(partner.id, partner.department);
  const departmentOf = (id: string) => departmentById.get(id);
  const ranked: RankedConcern[] = [];
  for (const concern of input.concerns) {
    if (concern.status !== 'open') continue;
    const tally = tallies.get(concern.id);
    const lastVote = tally?.lastVote ?? Number.NEGATIVE_INFINITY;
    ranked.push({
      concern,
      rank: 0,
      votes: tally?.voters.size ?? 0,
      departments: concernDepartments(concern, departmentOf),
      lastActivity: Math.max(lastVote, Date.parse(concern.createdAt)),
    });
  }
  ranked.sort(
    (a, b) =>
      b.votes - a.votes ||
      b.departments.length - a.departments.length ||
      b.lastActivity - a.lastActivity ||
      compareText(a.concern.id, b.concern.id),
  );
  ranked.forEach((entry, index) => (entry.rank = index + 1));
  return ranked;
}

/** Closed concerns, most recently closed first. */
export function closedConcerns(concerns: Iterable<Concern>): Concern[] {
  return [...concerns]
    .filter((c) => c.status === 'closed')
    .sort((a, b) => compareText(b.closedAt ?? b.updatedAt, a.closedAt ?? a.updatedAt) || compareText(a.id, b.id));
}

/**
 * The partners of a concern who get a talking point when it is turned into talking points: each partner
 * it names who has no open talking point made from it yet (turning it twice adds nothing).
 */
export function partnersWithoutTalkingPoint(concern: Concern, talkingPoints: Iterable<TalkingPoint>): string[] {
  const covered = new Set<string>();
  for (const point of talkingPoints) if (point.concernId === concern.id && !point.coveredIn) covered.add(point.partnerId);
  return (concern.partnerIds ?? []).filter((id) => !covered.has(id));
}

/** The talking point's text for a concern: the concern itself, marked as one. */
export function concernTalkingPointText(concern: Concern, label: string): string {
  return `${label}: ${concern.text}`.slice(0, 2000);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The dashboard's Concerns section: the open concerns top first, and the ones closed most recently. */
export interface ConcernFigures {
  ranked: {
    concernId: string;
    rank: number;
    text: string;
    votes: number;
    departments: string[];
    raisedBy: { partnerId: string; name: string; department: string }[];
    theme?: string;
    /** yyyy-MM-dd of the latest activity (raised or voted for). */
    lastActivity: string;
  }[];
  /** Open concerns beyond the list, counted. */
  more: number;
  closed: { concernId: string; text: string; resolution: string; closedAt: string }[];
}

export const DASHBOARD_CONCERNS = 30;
export const DASHBOARD_CLOSED_CONCERNS = 30;

export function concernFigures(input: ConcernRankingInput): ConcernFigures {
  const partners = new Map<string, Partner>();
  for (const partner of input.partners) partners.set(partner.id, partner);
  const concerns = [...input.concerns];
  const ranked = rankConcerns({ concerns, votes: input.votes, partners: partners.values() });
  return {
    ranked: ranked.slice(0, DASHBOARD_CONCERNS).map((r) => ({
      concernId: r.concern.id,
      rank: r.rank,
      text: r.concern.text,
      votes: r.votes,
      departments: r.departments,
      raisedBy: (r.concern.partnerIds ?? []).flatMap((id) => {
        const partner = partners.get(id);
        return partner ? [{ partnerId: id, name: partner.name, department: partner.department }] : [];
      }),
      ...(r.concern.theme ? { theme: r.concern.theme } : {}),
      lastActivity: new Date(r.lastActivity).toISOString().slice(0, 10),
    })),
    more: Math.max(0, ranked.length - DASHBOARD_CONCERNS),
    closed: closedConcerns(concerns)
      .slice(0, DASHBOARD_CLOSED_CONCERNS)
      .map((c) => ({ concernId: c.id, text: c.text, resolution: c.resolution ?? '', closedAt: (c.closedAt ?? c.updatedAt).slice(0, 10) })),
  };
}
