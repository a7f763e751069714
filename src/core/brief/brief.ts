// The brief before a check-in: everything about one partner worth reading before you meet, as plain
// data. One brief for every door: *Alliances: Prepare for Check-in* (a Markdown preview), `alliances
// brief` (the CLI) and the alliances_brief tool (chat, MCP) all compute it here and write it with
// briefMarkdown.ts. What it may read comes through the tools' scope (toolScope.ts): private records only
// when the caller says so (docs/decisions/brief-before-check-in.md).
import { followUpDays, followUpOwnerName, isOpenTalkingPoint, openFollowUps, sourceLabel } from '../agenda';
import { cadenceOf, computeDueState, dueStateLabel } from '../cadence';
import { connectionsOf } from '../connections';
import { calendarDate } from '../dates';
import { currentStances, stanceHistory } from '../initiatives';
import type { Initiative, Partner, Stance } from '../model';
import { round1, slipping } from '../stats/health';
import { select } from '../stats/input';
import { slippingWhy } from '../stats/slippingWhy';
import { english, type Translator } from '../translator';
import type { AskDirection, CheckInKind, DueStatus, FollowUpOwner, InitiativeStatus, Level, StanceRole, StanceValue } from '../vocabulary';
import { visibleStatsInput } from '../tools/readAnswers';
import { visibleOfPartner, visibleRecords, type FoundPartner, type ToolContext } from '../tools/toolScope';
import { dayOf } from '../tools/toolText';

/** Check-ins a brief lists, newest first. */
export const BRIEF_CHECK_INS = 5;
/** Ratings the trend shows, oldest first. */
export const BRIEF_TREND = 10;

/** A commit in the partner's code areas (src/git's AreaCommit, as far as the brief reads it). */
export interface BriefCommit {
  commit: string;
  author: string;
  /** ISO author date. */
  date: string;
  subject: string;
}

/** What git said about the partner's code areas, read by the caller (core never runs git). */
export interface BriefCommitsInput {
  /** False without git, outside a repository, in Restricted Mode, or without usable areas. */
  available: boolean;
  commits: readonly BriefCommit[];
  truncated: boolean;
}

export interface BriefCheckIn {
  id: string;
  date: string;
  kind: CheckInKind;
  rating?: number;
  summary: string;
  author: string;
  private: boolean;
}

export interface BriefFollowUp {
  id: string;
  text: string;
  owner: FollowUpOwner;
  ownerName: string;
  due?: string;
  /** Days until due (negative: overdue). */
  days?: number;
  overdue: boolean;
  private: boolean;
}

export interface BriefInitiative {
  id: string;
  name: string;
  status: InitiativeStatus;
  due?: string;
  role: StanceRole;
  stance: StanceValue;
  influence: Level;
  interest: Level;
  /** The stance before the current one, when it changed. */
  previousStance?: StanceValue;
  assessed: string;
  cares?: string;
}

export interface BriefData {
  today: string;
  /** The store's label, when several are open. */
  store?: string;
  partner: {
    id: string;
    name: string;
    role?: string;
    department: string;
    organisation?: string;
    email?: string;
    tags: string[];
    leads: string[];
    codeAreas: string[];
    cadenceDays: number;
    archived: boolean;
  };
  due: { status: DueStatus; days: number; label: string; dueDate?: string };
  health: {
    lastRating?: number;
    recentAverage?: number;
    /** The dashboard's slipping rule, over this partner: why, or null. */
    slipping: string | null;
    /** The last ratings, oldest first. */
    trend: { date: string; rating: number }[];
  };
  checkIns: BriefCheckIn[];
  checkInCount: number;
  talkingPoints: { id: string; text: string; source?: string; private: boolean }[];
  followUps: BriefFollowUp[];
  asks: { id: string; direction: AskDirection; text: string; since: string; private: boolean }[];
  initiatives: BriefInitiative[];
  connections: { id: string; otherId: string; otherName: string | null; label: string; private: boolean }[];
  /** Absent when the caller did not read git (the CLI outside a repository, a tool). */
  commits?: { available: boolean; since: string; sinceLastCheckIn: boolean; list: BriefCommit[]; truncated: boolean };
}

/** The day commits are read from: the last check-in (any, visible or not: it is when you last met), else when they were added. */
export function commitsSince(context: ToolContext, { entry, partner }: FoundPartner): { since: string; sinceLastCheckIn: boolean } {
  const last = visibleOfPartner(context, entry.store, 'checkIn', partner.id).reduce<string | undefined>(
    (latest, { value }) => (latest === undefined || value.date > latest ? value.date : latest),
    undefined,
  );
  return last ? { since: last, sinceLastCheckIn: true } : { since: partner.createdAt, sinceLastCheckIn: false };
}

function initiativesOf(context: ToolContext, { entry, partner }: FoundPartner): BriefInitiative[] {
  const stances: Stance[] = visibleRecords(context, entry.store, 'stance')
    .filter(({ value }) => value.partnerId === partner.id)
    .map(({ value }) => value);
  const initiatives = new Map<string, Initiative>(visibleRecords(context, entry.store, 'initiative').map(({ value }) => [value.id, value]));
  const result: BriefInitiative[] = [];
  for (const initiative of initiatives.values()) {
    const current = currentStances(stances, initiative.id)[0];
    if (!current) continue;
    const history = stanceHistory(stances, initiative.id, partner.id);
    const before = history.length > 1 ? history[history.length - 2] : undefined;
    result.push({
      id: initiative.id,
      name: initiative.name,
      status: initiative.status,
      ...(initiative.due ? { due: initiative.due } : {}),
      role: current.role,
      stance: current.stance,
      influence: current.influence,
      interest: current.interest,
      ...(before && before.stance !== current.stance ? { previousStance: before.stance } : {}),
      assessed: dayOf(current.date),
      ...(current.cares ? { cares: current.cares } : {}),
    });
  }
  // Under way first (idea, active), then by name.
  const order = (status: InitiativeStatus) => (status === 'active' ? 0 : status === 'idea' ? 1 : 2);
  return result.sort((a, b) => order(a.status) - order(b.status) || a.name.localeCompare(b.name));
}

export interface BriefOptions {
  /** What git said about their code areas; absent: the brief has no commits section. */
  commits?: BriefCommitsInput;
  /** The labels' language: English (the default) for the CLI, the tools and JSON; the display language for the page. */
  translator?: Translator;
}

/** Everything to prepare a meeting with one partner (found through toolScope's findPartner). */
export function partnerBrief(context: ToolContext, found: FoundPartner, options: BriefOptions = {}): BriefData {
  const { commits, translator = english } = options;
  const { entry, partner } = found;
  const store = entry.store;
  const checkIns = visibleOfPartner(context, store, 'checkIn', partner.id).sort((a, b) => b.value.date.localeCompare(a.value.date));
  const teamCadence = store.cadencePolicy(context.defaultCadenceDays);
  const latest = checkIns[0];
  const due = computeDueState(partner, latest ? new Date(latest.value.date) : undefined, teamCadence, context.now);
  const rated = checkIns.filter(({ value }) => value.rating !== undefined);
  const recent = rated.slice(0, 5).map(({ value }) => value.rating ?? 0);
  const average = recent.length > 0 ? round1(recent.reduce((sum, rating) => sum + rating, 0) / recent.length) : undefined;
  // The dashboard's rule, over this partner's history only.
  const history = select(visibleStatsInput(context, partner.id), {});
  const slip = slipping(history, teamCadence, context.now)[0];
  const why = slip ? slippingWhy(slip.ratingChange, slip.missedBy, translator) : undefined;
  const points = visibleOfPartner(context, store, 'talkingPoint', partner.id)
    .filter((point) => isOpenTalkingPoint(point.value))
    .sort((a, b) => a.value.createdAt.localeCompare(b.value.createdAt));
  const asks = visibleOfPartner(context, store, 'ask', partner.id)
    .filter(({ value }) => value.status === 'open')
    .sort((a, b) => a.value.createdAt.localeCompare(b.value.createdAt));
  const lookup = {
    partner: (id: string) => store.partner(id),
    ofPartner: (kind: 'connection', id: string) => visibleOfPartner(context, store, kind, id),
  };
  const since = commitsSince(context, found);
  return {
    today: calendarDate(context.now),
    ...(context.stores.length > 1 ? { store: entry.label } : {}),
    partner: partnerFacts(partner, cadenceOf(partner, teamCadence)),
    due: {
      status: due.status,
      days: due.days,
      label: dueStateLabel(due, context.now, translator),
      ...(due.dueDate ? { dueDate: calendarDate(due.dueDate) } : {}),
    },
    health: {
      ...(rated[0]?.value.rating !== undefined ? { lastRating: rated[0].value.rating } : {}),
      ...(average !== undefined ? { recentAverage: average } : {}),
      slipping: why ?? null,
      trend: rated
        .slice(0, BRIEF_TREND)
        .reverse()
        .map(({ value }) => ({ date: dayOf(value.date), rating: value.rating ?? 0 })),
    },
    checkIns: checkIns.slice(0, BRIEF_CHECK_INS).map(({ value, private: secret }) => ({
      id: value.id,
      date: dayOf(value.date),
      kind: value.kind,
      ...(value.rating ? { rating: value.rating } : {}),
      summary: value.summary,
      author: value.author.name,
      private: secret,
    })),
    checkInCount: checkIns.length,
    talkingPoints: points.map(({ value, private: secret }) => ({
      id: value.id,
      text: value.text,
      ...(value.source ? { source: sourceLabel(value.source) } : {}),
      private: secret,
    })),
    followUps: openFollowUps(visibleOfPartner(context, store, 'followUp', partner.id)).map(({ value, private: secret }) => {
      const days = followUpDays(value, context.now);
      return {
        id: value.id,
        text: value.text,
        owner: value.owner,
        ownerName: followUpOwnerName(value, partner.name, translator),
        ...(value.due ? { due: value.due } : {}),
        ...(days !== undefined ? { days } : {}),
        overdue: days !== undefined && days < 0,
        private: secret,
      };
    }),
    asks: asks.map(({ value, private: secret }) => ({
      id: value.id,
      direction: value.direction,
      text: value.text,
      since: dayOf(value.createdAt),
      private: secret,
    })),
    initiatives: initiativesOf(context, found),
    connections: connectionsOf(lookup, partner.id, translator).map((end) => ({
      id: end.record.value.id,
      otherId: end.otherId,
      otherName: end.otherName ?? null,
      label: end.label,
      private: end.record.private,
    })),
    ...(commits
      ? {
          commits: {
            available: commits.available,
            since: dayOf(since.since),
            sinceLastCheckIn: since.sinceLastCheckIn,
            list: [...commits.commits],
            truncated: commits.truncated,
          },
        }
      : {}),
  };
}

function partnerFacts(partner: Partner, cadenceDays: number): BriefData['partner'] {
  return {
    id: partner.id,
    name: partner.name,
    ...(partner.role ? { role: partner.role } : {}),
    department: partner.department,
    ...(partner.organisation ? { organisation: partner.organisation } : {}),
    ...(partner.email ? { email: partner.email } : {}),
    tags: partner.tags ?? [],
    leads: partner.leads ?? [],
    codeAreas: partner.codeAreas ?? [],
    cadenceDays,
    archived: partner.archived === true,
  };
}
