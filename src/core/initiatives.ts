// The people on your side, per initiative: each partner's current stance (the latest assessment), its
// history, who to win over next, support against resistance and the partner's roles line. Pure: plain
// records in, plain figures out, so the tree, the pages, the dashboard and the CLI share one answer.
// The rules are in docs/decisions/initiatives-and-stances.md.
import * as l10n from '@vscode/l10n';
import { displayMonthDay, monthDay } from './dates';
import { checkInIncludes } from './partnerRefs';
import { english, type Translator } from './translator';
import {
  STANCE_ROLES,
  STANCES,
  stanceLabel,
  stanceRoleLead,
  type InitiativeStatus,
  type Level,
  type StanceRole,
  type StanceValue,
} from './vocabulary';
import type { CheckIn, Initiative, Partner, Stance } from './model';

/** What the functions here read: the store's records (`store.all(kind)` values), nothing else. */
export interface InitiativeData {
  initiatives: readonly Initiative[];
  stances: readonly Stance[];
  partners: readonly Partner[];
  checkIns: readonly CheckIn[];
}

/** Influence as a weight: a high-influence skeptic outweighs a low-influence supporter. */
export const INFLUENCE_WEIGHT: Readonly<Record<Level, number>> = { high: 3, medium: 2, low: 1 };
export const SUPPORTING: ReadonlySet<StanceValue> = new Set(['champion', 'supporter']);
export const RESISTING: ReadonlySet<StanceValue> = new Set(['skeptic', 'blocker']);
/** Initiatives still under way: their roles show on the partner's line. */
const OPEN_STATUSES: ReadonlySet<InitiativeStatus> = new Set(['idea', 'active']);

/** Later assessments first: by date, then when written, then id (ids are time-sortable). */
export function newerFirst(a: Stance, b: Stance): number {
  return Date.parse(b.date) - Date.parse(a.date) || Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id.localeCompare(a.id);
}

/** The current stance of each partner on an initiative: the latest assessment per partner. */
export function currentStances(stances: readonly Stance[], initiativeId: string): Stance[] {
  const latest = new Map<string, Stance>();
  for (const stance of stances) {
    if (stance.initiativeId !== initiativeId) continue;
    const known = latest.get(stance.partnerId);
    if (!known || newerFirst(stance, known) < 0) latest.set(stance.partnerId, stance);
  }
  return [...latest.values()];
}

/** Every assessment of one partner on one initiative, oldest first. */
export function stanceHistory(stances: readonly Stance[], initiativeId: string, partnerId: string): Stance[] {
  return stances.filter((s) => s.initiativeId === initiativeId && s.partnerId === partnerId).sort((a, b) => newerFirst(b, a));
}

/** "skeptic (Oct 3) → neutral (Nov 12)": a history, oldest first, in the display language (or English). */
export function historyLine(history: readonly Stance[], translator: Translator = l10n): string {
  const day = translator === english ? monthDay : displayMonthDay;
  return history.map((s) => `${stanceLabel(s.stance, translator)} (${day(new Date(s.date))})`).join(' → ');
}

/** The latest check-in with this partner about this initiative, or undefined. */
export function lastTalkedAbout(checkIns: readonly CheckIn[], initiativeId: string, partnerId: string): CheckIn | undefined {
  let last: CheckIn | undefined;
  for (const checkIn of checkIns)
    if (
      checkIn.initiativeId === initiativeId &&
      checkInIncludes(checkIn, partnerId) &&
      (!last || Date.parse(checkIn.date) > Date.parse(last.date))
    )
      last = checkIn;
  return last;
}

export interface WinOver {
  partner: Partner;
  stance: Stance;
  /** When they last talked about it (a check-in naming the initiative), or undefined: never. */
  lastTalked?: string;
}

/**
 * High-influence people not yet supporting (neutral, skeptic, blocker, unknown): never talked to about
 * it first, then least recently; between equals the most against first, then by name. Archived partners
 * are left out.
 */
export function whoToWinOver(data: InitiativeData, initiativeId: string): WinOver[] {
  const partners = new Map(data.partners.map((p) => [p.id, p]));
  const result: WinOver[] = [];
  for (const stance of currentStances(data.stances, initiativeId)) {
    const partner = partners.get(stance.partnerId);
    if (!partner || partner.archived || stance.influence !== 'high' || SUPPORTING.has(stance.stance)) continue;
    result.push({ partner, stance, lastTalked: lastTalkedAbout(data.checkIns, initiativeId, partner.id)?.date });
  }
  const time = (w: WinOver) => (w.lastTalked === undefined ? Number.NEGATIVE_INFINITY : Date.parse(w.lastTalked));
  return result.sort(
    (a, b) =>
      time(a) - time(b) ||
      STANCES.indexOf(b.stance.stance) - STANCES.indexOf(a.stance.stance) ||
      a.partner.name.localeCompare(b.partner.name),
  );
}

export interface AllianceBalance {
  initiative: Initiative;
  /** Influence-weighted (high 3, medium 2, low 1) sums of champions and supporters, skeptics and blockers. */
  support: number;
  resistance: number;
  /** How many are neutral or not assessed yet. */
  undecided: number;
  /** Current champions outside engineering: none is a warning. */
  outsideChampions: number;
}

/** An engineering department ("Engineering", "Platform Engineering"): a champion there is our own. */
export function isEngineering(department: string): boolean {
  return /\bengineering\b/i.test(department);
}

/** Support against resistance for one initiative, over its current stances (archived partners left out). */
export function allianceBalance(data: InitiativeData, initiative: Initiative): AllianceBalance {
  const partners = new Map(data.partners.map((p) => [p.id, p]));
  const balance: AllianceBalance = { initiative, support: 0, resistance: 0, undecided: 0, outsideChampions: 0 };
  for (const stance of currentStances(data.stances, initiative.id)) {
    const partner = partners.get(stance.partnerId);
    if (!partner || partner.archived) continue;
    const weight = INFLUENCE_WEIGHT[stance.influence];
    if (SUPPORTING.has(stance.stance)) balance.support += weight;
    else if (RESISTING.has(stance.stance)) balance.resistance += weight;
    else balance.undecided++;
    if (stance.stance === 'champion' && !isEngineering(partner.department)) balance.outsideChampions++;
  }
  return balance;
}

/** Every active initiative's balance, the most resisted (resistance minus support) first, then by name. */
export function allianceBalances(data: InitiativeData): AllianceBalance[] {
  return data.initiatives
    .filter((i) => i.status === 'active')
    .map((i) => allianceBalance(data, i))
    .sort((a, b) => b.resistance - b.support - (a.resistance - a.support) || a.initiative.name.localeCompare(b.initiative.name));
}

/** Active initiatives with no champion outside engineering: no one across the organisation carries them. */
export function withoutOutsideChampion(data: InitiativeData): Initiative[] {
  return allianceBalances(data)
    .filter((b) => b.outsideChampions === 0)
    .map((b) => b.initiative)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A partner's current roles on open initiatives (idea, active), by role in STANCE_ROLES order. */
export function partnerRoles(
  data: Pick<InitiativeData, 'initiatives' | 'stances'>,
  partnerId: string,
): { role: StanceRole; initiatives: Initiative[] }[] {
  const open = new Map(data.initiatives.filter((i) => OPEN_STATUSES.has(i.status)).map((i) => [i.id, i]));
  const byRole = new Map<StanceRole, Initiative[]>();
  const own = data.stances.filter((s) => s.partnerId === partnerId);
  for (const initiative of open.values()) {
    const current = currentStances(own, initiative.id)[0];
    if (!current) continue;
    let list = byRole.get(current.role);
    if (!list) byRole.set(current.role, (list = []));
    list.push(initiative);
  }
  return STANCE_ROLES.filter((role) => byRole.has(role)).map((role) => ({
    role,
    initiatives: (byRole.get(role) ?? []).sort((a, b) => a.name.localeCompare(b.name)),
  }));
}

/** "leads: Pricing revamp · consulted on: Billing migration", or '' when they have no open role. */
export function rolesLine(data: Pick<InitiativeData, 'initiatives' | 'stances'>, partnerId: string, translator: Translator = l10n): string {
  return partnerRoles(data, partnerId)
    .map(({ role, initiatives }) => `${stanceRoleLead(role, translator)}: ${initiatives.map((i) => i.name).join(', ')}`)
    .join(' · ');
}

/** Who to win over next, per initiative, at most this many on the dashboard. */
export const MAX_WIN_OVER_SHOWN = 3;

export interface InitiativeFigures {
  initiatives: {
    initiativeId: string;
    name: string;
    support: number;
    resistance: number;
    undecided: number;
    outsideChampion: boolean;
    winOver: { partnerId: string; name: string; department: string; stance: StanceValue }[];
  }[];
  /** Names of the active initiatives with no champion outside engineering. */
  noOutsideChampion: string[];
}

/** The dashboard's Alliances section: per active initiative, the balance and who to win over next. */
export function initiativeFigures(data: InitiativeData): InitiativeFigures {
  const balances = allianceBalances(data);
  return {
    initiatives: balances.map((b) => ({
      initiativeId: b.initiative.id,
      name: b.initiative.name,
      support: b.support,
      resistance: b.resistance,
      undecided: b.undecided,
      outsideChampion: b.outsideChampions > 0,
      winOver: whoToWinOver(data, b.initiative.id)
        .slice(0, MAX_WIN_OVER_SHOWN)
        .map((w) => ({ partnerId: w.partner.id, name: w.partner.name, department: w.partner.department, stance: w.stance.stance })),
    })),
    noOutsideChampion: balances
      .filter((b) => b.outsideChampions === 0)
      .map((b) => b.initiative.name)
      .sort((a, b) => a.localeCompare(b)),
  };
}
