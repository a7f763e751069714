// The initiative page's figures: where each person sits on the influence × interest grid, who holds
// which role, each person's stance history and who to win over next. Pure: the store's records in,
// plain data out (the page draws it; it computes nothing). The rules are in
// docs/decisions/initiative-page.md.
import { allianceBalance, currentStances, stanceHistory, whoToWinOver, type InitiativeData } from './initiatives';
import type { Initiative, Partner, Stance } from './model';
import { LEVELS, STANCE_ROLES, STANCES, type InitiativeStatus, type Level, type StanceRole, type StanceValue } from './vocabulary';

/** One person on the initiative, as of their latest assessment. */
export interface InitiativePerson {
  partnerId: string;
  name: string;
  department: string;
  stance: StanceValue;
  influence: Level;
  interest: Level;
  role: StanceRole;
  cares?: string;
  offers?: string;
  note?: string;
  /** When they were last assessed (the latest stance's date). */
  assessed: string;
}

/** One cell of the 3 × 3 grid and the people in it, most for first, then by name. */
export interface GridCell {
  influence: Level;
  interest: Level;
  people: string[];
}

export interface InitiativePageData {
  initiative: { id: string; name: string; goal?: string; status: InitiativeStatus; due?: string; codeAreas: string[] };
  balance: { support: number; resistance: number; undecided: number; outsideChampions: number };
  /** Everyone assessed (archived partners left out), most for first, then by influence, then by name. */
  people: InitiativePerson[];
  /** Nine cells, a row per influence (high first), a column per interest (low first): the picture's layout. */
  grid: GridCell[];
  /** Every role (STANCE_ROLES order) and who holds it now: an empty list says nobody does. */
  roles: { role: StanceRole; people: string[] }[];
  /** Per person (by name), every assessment oldest first. */
  history: { partnerId: string; name: string; entries: { stance: StanceValue; date: string }[] }[];
  /** High-influence people not yet supporting, never or least recently talked to about it first. */
  winOver: { partnerId: string; name: string; department: string; stance: StanceValue; lastTalked?: string }[];
}

/** Grid rows top to bottom: influence high, medium, low. Columns left to right: interest low, medium, high. */
export const GRID_ROWS: readonly Level[] = LEVELS;
export const GRID_COLUMNS: readonly Level[] = [...LEVELS].reverse();

/** The cell (row, column; from 0, top left) a person with this influence and interest sits in. */
export function gridCell(influence: Level, interest: Level): { row: number; column: number } {
  return { row: GRID_ROWS.indexOf(influence), column: GRID_COLUMNS.indexOf(interest) };
}

const byStanceThenName = (a: InitiativePerson, b: InitiativePerson) =>
  STANCES.indexOf(a.stance) - STANCES.indexOf(b.stance) ||
  LEVELS.indexOf(a.influence) - LEVELS.indexOf(b.influence) ||
  a.name.localeCompare(b.name);

function person(stance: Stance, partner: Partner): InitiativePerson {
  return {
    partnerId: partner.id,
    name: partner.name,
    department: partner.department,
    stance: stance.stance,
    influence: stance.influence,
    interest: stance.interest,
    role: stance.role,
    ...(stance.cares ? { cares: stance.cares } : {}),
    ...(stance.offers ? { offers: stance.offers } : {}),
    ...(stance.note ? { note: stance.note } : {}),
    assessed: stance.date,
  };
}

/** The people on an initiative as of their latest assessment (archived partners and missing ones left out). */
export function initiativePeople(data: InitiativeData, initiativeId: string): InitiativePerson[] {
  const partners = new Map(data.partners.map((p) => [p.id, p]));
  const people: InitiativePerson[] = [];
  for (const stance of currentStances(data.stances, initiativeId)) {
    const partner = partners.get(stance.partnerId);
    if (partner && !partner.archived) people.push(person(stance, partner));
  }
  return people.sort(byStanceThenName);
}

/** The nine cells in reading order (influence high → low, interest low → high), each with its people's ids. */
export function influenceInterestGrid(people: readonly InitiativePerson[]): GridCell[] {
  const cells: GridCell[] = GRID_ROWS.flatMap((influence) => GRID_COLUMNS.map((interest) => ({ influence, interest, people: [] })));
  for (const p of [...people].sort(byStanceThenName)) {
    const { row, column } = gridCell(p.influence, p.interest);
    cells[row * GRID_COLUMNS.length + column]?.people.push(p.partnerId);
  }
  return cells;
}

/** Who holds which role now: every role, its people by name. */
export function initiativeRoles(people: readonly InitiativePerson[]): { role: StanceRole; people: string[] }[] {
  return STANCE_ROLES.map((role) => ({
    role,
    people: people
      .filter((p) => p.role === role)
      .map((p) => p.name)
      .sort((a, b) => a.localeCompare(b)),
  }));
}

/** Everything the initiative page shows, or undefined when the initiative is not among the records. */
export function initiativePageData(data: InitiativeData, initiativeId: string): InitiativePageData | undefined {
  const initiative: Initiative | undefined = data.initiatives.find((i) => i.id === initiativeId);
  if (!initiative) return undefined;
  const people = initiativePeople(data, initiativeId);
  const { support, resistance, undecided, outsideChampions } = allianceBalance(data, initiative);
  const ofInitiative = data.stances.filter((s) => s.initiativeId === initiativeId);
  return {
    initiative: {
      id: initiative.id,
      name: initiative.name,
      ...(initiative.goal ? { goal: initiative.goal } : {}),
      status: initiative.status,
      ...(initiative.due ? { due: initiative.due } : {}),
      codeAreas: [...(initiative.codeAreas ?? [])],
    },
    balance: { support, resistance, undecided, outsideChampions },
    people,
    grid: influenceInterestGrid(people),
    roles: initiativeRoles(people),
    history: [...people]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((p) => ({
        partnerId: p.partnerId,
        name: p.name,
        entries: stanceHistory(ofInitiative, initiativeId, p.partnerId).map((s) => ({ stance: s.stance, date: s.date })),
      })),
    winOver: whoToWinOver(data, initiativeId).map((w) => ({
      partnerId: w.partner.id,
      name: w.partner.name,
      department: w.partner.department,
      stance: w.stance.stance,
      ...(w.lastTalked ? { lastTalked: w.lastTalked } : {}),
    })),
  };
}

/** An initiative a check-in may be about, with the stance of the first of its people who has one. */
export interface CheckInInitiative {
  id: string;
  name: string;
  /** The stance of one of the check-in's partners on it (the first who has one), if any. */
  stance?: StanceValue;
  partnerId?: string;
}

/**
 * The initiatives a check-in with these partners may be about, for the quick flow: the active ones on
 * which one of them has a current stance, by name. None: the quick flow has no initiative step.
 */
export function checkInInitiatives(
  initiatives: readonly Initiative[],
  stances: readonly Stance[],
  partnerIds: readonly string[],
): CheckInInitiative[] {
  const result: CheckInInitiative[] = [];
  for (const initiative of initiatives) {
    if (initiative.status !== 'active') continue;
    const current = currentStances(stances, initiative.id);
    for (const partnerId of partnerIds) {
      const stance = current.find((s) => s.partnerId === partnerId);
      if (stance) {
        result.push({ id: initiative.id, name: initiative.name, stance: stance.stance, partnerId });
        break;
      }
    }
  }
  return result.sort((a, b) => a.name.localeCompare(b.name));
}

/** The full form's choices: those of the quick flow first, then every other active initiative, by name. */
export function formInitiatives(
  initiatives: readonly Initiative[],
  stances: readonly Stance[],
  partnerIds: readonly string[],
): CheckInInitiative[] {
  const theirs = checkInInitiatives(initiatives, stances, partnerIds);
  const listed = new Set(theirs.map((i) => i.id));
  const others = initiatives
    .filter((i) => i.status === 'active' && !listed.has(i.id))
    .map((i) => ({ id: i.id, name: i.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return [...theirs, ...others];
}
