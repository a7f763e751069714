// Who a change affects: the partners whose code areas it touches and the people on the initiatives whose
// code areas it touches, each with their health, silo state, open asks and whether they were consulted
// since the branch started. Pure: git's answer (src/git/changeRange.ts) and the records in, the answer
// out. The rules are in docs/decisions/change-impact.md.
import { computeDueState } from '../cadence';
import { connectivity } from '../ecosystem/connectivity';
import { buildGraph } from '../ecosystem/graph';
import { currentStances, INFLUENCE_WEIGHT } from '../initiatives';
import type { Initiative, Partner, TalkingPoint } from '../model';
import { departmentCoverage, silos } from '../stats/coverage';
import { slipping } from '../stats/health';
import { checkInsByPartner, select, type StatCheckIn } from '../stats/input';
import { slippingWhy } from '../stats/slippingWhy';
import { english } from '../translator';
import type { InitiativeStatus, Level } from '../vocabulary';
import { filesInAreas } from './areaMatch';
import type {
  Consultation,
  ImpactChange,
  ImpactInitiative,
  ImpactOptions,
  ImpactPerson,
  ImpactReason,
  ImpactRecords,
  ImpactResult,
  ImpactVerdict,
} from './types';

/** Initiatives still under way: a change to a finished or dropped one's code affects nobody through it. */
const OPEN: ReadonlySet<InitiativeStatus> = new Set(['idea', 'active']);

/** The touched initiatives (open ones whose code areas the change touches) and their areas and files. */
export function touchedInitiatives(
  initiatives: readonly Initiative[],
  files: readonly string[],
): (Initiative & { touched: { areas: string[]; files: string[] } })[] {
  const result = [];
  for (const initiative of initiatives) {
    if (!OPEN.has(initiative.status) || !initiative.codeAreas?.length) continue;
    const touched = areasTouched(initiative.codeAreas, files);
    if (touched.areas.length > 0) result.push({ ...initiative, touched });
  }
  return result.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

function areasTouched(
  areas: readonly string[],
  files: readonly string[],
): { areas: string[]; files: string[]; byArea: Map<string, string[]> } {
  const byArea = new Map<string, string[]>();
  const all = new Set<string>();
  for (const area of areas) {
    const inside = filesInAreas([area], files);
    if (inside.length === 0) continue;
    byArea.set(area, inside);
    for (const file of inside) all.add(file);
  }
  return { areas: [...byArea.keys()], files: files.filter((f) => all.has(f)), byArea };
}

/**
 * Consulted about the change: a check-in with them dated since the branch started that names no
 * initiative or one of the touched ones; or a talking point for them about the change (added since the
 * branch started, or pointing at a changed file) covered since. The latest one is given.
 */
export function consultation(
  partnerId: string,
  checkIns: readonly StatCheckIn[],
  talkingPoints: readonly TalkingPoint[],
  since: number,
  now: number,
  touchedIds: ReadonlySet<string>,
  changed: ReadonlySet<string>,
): { consulted?: Consultation; waiting?: string } {
  let consulted: Consultation | undefined;
  let at = -Infinity;
  for (const c of checkIns) {
    if (c.time < since || c.time > now || !c.partnerIds.includes(partnerId)) continue;
    if (c.value.initiativeId !== undefined && !touchedIds.has(c.value.initiativeId)) continue;
    if (c.time > at) {
      at = c.time;
      consulted = { by: 'check-in', recordId: c.value.id, date: c.value.date };
    }
  }
  let waiting: string | undefined;
  for (const point of talkingPoints) {
    if (point.partnerId !== partnerId) continue;
    const about = Date.parse(point.createdAt) >= since || (point.source !== undefined && changed.has(point.source.path));
    if (!about) continue;
    if (point.coveredAt === undefined && point.coveredIn === undefined) {
      waiting ??= point.id;
      continue;
    }
    const covered = Date.parse(point.coveredAt ?? '');
    if (covered >= since && covered <= now && covered > at) {
      at = covered;
      consulted = { by: 'talking-point', recordId: point.id, date: point.coveredAt ?? '' };
    }
  }
  return { ...(consulted ? { consulted } : {}), ...(waiting && !consulted ? { waiting } : {}) };
}

const highest = (levels: readonly Level[]): Level | undefined =>
  levels.reduce<Level | undefined>(
    (best, level) => (best === undefined || INFLUENCE_WEIGHT[level] > INFLUENCE_WEIGHT[best] ? level : best),
    undefined,
  );

export function computeImpact(change: ImpactChange, records: ImpactRecords, options: ImpactOptions): ImpactResult {
  const files = change.files;
  const changed = new Set(files);
  const since = Date.parse(change.since);
  const now = records.now.getTime();
  const active = records.partners.filter((p) => !p.archived);
  const byId = new Map(active.map((p) => [p.id, p]));
  const reasons = new Map<string, ImpactReason[]>();
  const reasonsOf = (id: string) => {
    let list = reasons.get(id);
    if (!list) reasons.set(id, (list = []));
    return list;
  };
  for (const partner of active) {
    if (!partner.codeAreas?.length) continue;
    for (const [area, inside] of areasTouched(partner.codeAreas, files).byArea)
      reasonsOf(partner.id).push({ kind: 'area', area, files: inside });
  }
  const touched = touchedInitiatives(records.initiatives, files);
  const initiatives: ImpactInitiative[] = [];
  for (const initiative of touched) {
    const people: string[] = [];
    for (const stance of currentStances(records.stances, initiative.id)) {
      if (!byId.has(stance.partnerId)) continue;
      people.push(stance.partnerId);
      reasonsOf(stance.partnerId).push({
        kind: 'initiative',
        initiativeId: initiative.id,
        initiativeName: initiative.name,
        stance: stance.stance,
        influence: stance.influence,
        role: stance.role,
      });
    }
    initiatives.push({
      id: initiative.id,
      name: initiative.name,
      status: initiative.status,
      areas: initiative.touched.areas,
      files: initiative.touched.files,
      people,
    });
  }
  const people =
    reasons.size === 0
      ? []
      : describePeople(reasons, byId, records, options, { since, now, changed, touchedIds: new Set(touched.map((i) => i.id)) });
  const rank = (p: ImpactPerson) => (p.consulted ? 2 : p.influence === 'high' ? 0 : 1);
  people.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name) || a.partnerId.localeCompare(b.partnerId));
  const order = new Map(people.map((p, index) => [p.partnerId, index]));
  for (const initiative of initiatives) initiative.people.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const notConsulted = people.filter((p) => !p.consulted).map((p) => p.partnerId);
  const highInfluenceNotConsulted = people.filter((p) => !p.consulted && p.influence === 'high').map((p) => p.partnerId);
  const verdict: ImpactVerdict =
    highInfluenceNotConsulted.length > 0 ? 'high-influence-not-consulted' : notConsulted.length > 0 ? 'not-consulted' : 'clear';
  return { change, initiatives, people, notConsulted, highInfluenceNotConsulted, verdict };
}

function describePeople(
  reasons: ReadonlyMap<string, ImpactReason[]>,
  byId: ReadonlyMap<string, Partner>,
  records: ImpactRecords,
  options: ImpactOptions,
  at: { since: number; now: number; changed: ReadonlySet<string>; touchedIds: ReadonlySet<string> },
): ImpactPerson[] {
  const selection = select(records, {});
  const asOf = records.now;
  // Coverage of the affected people's departments only, slipping of the affected people only: the same
  // answers for them as over everyone (each row reads only its own partners), for less work.
  const affectedPartners = selection.partners.filter((p) => reasons.has(p.id));
  const departments = new Set(affectedPartners.map((p) => p.department));
  const siloDepartments = new Set(
    silos(
      departmentCoverage(
        { partners: selection.partners.filter((p) => departments.has(p.department)), history: selection.history },
        { siloDays: options.siloDays, cadence: records.cadence, asOf },
      ),
    ).map((row) => row.department.toLocaleLowerCase()),
  );
  const slips = new Map(
    slipping({ partners: affectedPartners, history: selection.history }, records.cadence, asOf).map((s) => [s.partnerId, s]),
  );
  const web = connectivity(buildGraph(selection, records.connections ?? [], asOf, options.siloDays), selection);
  const isolated = new Set(web.isolated.map((p) => p.partnerId));
  const brokers = new Map(web.brokers.map((b) => [b.partnerId, b.cutOff]));
  const onlyLinks = new Set(web.reachedThroughOne.filter((r) => r.via === 'partner').map((r) => r.partnerId));
  const affected = new Set(reasons.keys());
  const checkIns = checkInsByPartner(selection.history.filter((c) => c.partnerIds.some((id) => affected.has(id))));
  const result: ImpactPerson[] = [];
  for (const [partnerId, list] of reasons) {
    const partner = byId.get(partnerId);
    if (!partner) continue;
    const mine = (checkIns.get(partnerId) ?? []).filter((c) => c.time <= at.now);
    const last = mine[mine.length - 1];
    const rated = [...mine].reverse().find((c) => c.rating !== undefined);
    const slip = slips.get(partnerId);
    const asks = records.asks.filter((a) => a.partnerId === partnerId && a.status === 'open');
    const points = records.talkingPoints.filter((t) => t.partnerId === partnerId);
    const influence = highest(list.flatMap((r) => (r.kind === 'initiative' ? [r.influence] : [])));
    const department = selection.partnerById.get(partnerId)?.department ?? partner.department;
    const { consulted, waiting } = consultation(partnerId, mine, points, at.since, at.now, at.touchedIds, at.changed);
    result.push({
      partnerId,
      name: partner.name,
      department,
      ...(partner.role ? { role: partner.role } : {}),
      reasons: list,
      ...(influence ? { influence } : {}),
      health: {
        due: computeDueState(partner, last ? new Date(last.time) : undefined, records.cadence, asOf).status,
        ...(last ? { lastCheckIn: last.value.date } : {}),
        ...(rated?.rating !== undefined ? { lastRating: rated.rating } : {}),
        ...(slip ? { slipping: slippingWhy(slip.ratingChange, slip.missedBy, english) } : {}),
      },
      silo: {
        departmentSilo: siloDepartments.has(department.toLocaleLowerCase()),
        isolated: isolated.has(partnerId),
        ...(brokers.has(partnerId) ? { brokerCutOff: brokers.get(partnerId) } : {}),
        onlyLink: onlyLinks.has(partnerId),
      },
      openAsks: {
        theyAsked: asks.filter((a) => a.direction === 'they-asked').length,
        iAsked: asks.filter((a) => a.direction === 'i-asked').length,
      },
      ...(consulted ? { consulted } : {}),
      ...(waiting ? { waitingTalkingPoint: waiting } : {}),
    });
  }
  return result;
}
