// The ecosystem map's data: the graph of the dashboard's selection, laid out, with the figures the picture
// must make obvious (silos, isolated partners, brokers, partners held by one teammate). Computed in the
// extension host; the page only draws it. Pure and synchronous, like the dashboard's statistics.
import { calendarDate } from '../dates';
import { departmentCoverage, silos } from '../stats/coverage';
import { filterOptions } from '../stats/dashboard';
import { select, type DashboardFilter, type StatsInput, type StatsOptions } from '../stats/input';
import { teamStats } from '../stats/team';
import { connectivity, type Broker, type PartnerRef, type ReachedThroughOne } from './connectivity';
import { buildGraph, compare, partnerKey, type EcosystemGraph, type GraphEdge, type GraphNode } from './graph';
import { LABELLED_GAP, LABEL_ALL_UP_TO, layout } from './layout';

export type MapGroupBy = 'department' | 'organisation';
export const MAP_GROUP_BYS: readonly MapGroupBy[] = ['department', 'organisation'];

export interface MapGroup {
  key: string;
  /** `team`: the authors; `none`: partners without an organisation; the page names both. */
  kind: 'team' | 'none' | 'group';
  label: string;
  /** A colour slot (0…); the team has none. */
  colour: number;
  x: number;
  y: number;
  r: number;
  size: number;
}

export interface MapNode extends GraphNode {
  group: string;
  x: number;
  y: number;
  r: number;
  isolated: boolean;
  broker: boolean;
  heldByOne: boolean;
  silo: boolean;
}

export interface EcosystemMap {
  filter: DashboardFilter;
  groupBy: MapGroupBy;
  options: ReturnType<typeof filterOptions>;
  asOf: string;
  width: number;
  height: number;
  groups: MapGroup[];
  nodes: MapNode[];
  edges: GraphEdge[];
  figures: {
    silos: string[];
    isolated: PartnerRef[];
    brokers: Broker[];
    heldByOne: (PartnerRef & { holder: string })[];
    reachedThroughOne: ReachedThroughOne[];
  };
  totals: { partners: number; authors: number; edges: number; checkIns: number };
}

const TEAM_GROUP = 't';
const NO_GROUP = 'n';

/** The graph and connectivity of a selection, for the dashboard's tables and the map alike. */
export function ecosystemOf(input: StatsInput, filter: DashboardFilter, options: StatsOptions) {
  const selection = select(input, filter);
  const asOf = new Date(Math.min(input.now.getTime(), selection.end - 1));
  const graph = buildGraph(selection, input.connections ?? [], asOf, options.siloDays);
  return { selection, asOf, graph, connectivity: connectivity(graph, selection) };
}

export function computeEcosystemMap(
  input: StatsInput,
  filter: DashboardFilter,
  options: StatsOptions & { groupBy: MapGroupBy },
): EcosystemMap {
  const { selection, asOf, graph, connectivity: figures } = ecosystemOf(input, filter, options);
  const siloDepartments = silos(departmentCoverage(selection, { siloDays: options.siloDays, cadence: input.cadence, asOf })).map(
    (row) => row.department,
  );
  const held = teamStats(selection).singleHolders;
  const groupOf = grouping(graph, options.groupBy);
  const groups = groupList(graph, groupOf);
  const placed = layout(
    graph.nodes.map((n) => ({ key: n.key, group: groupOf(n).key, weight: n.weight })),
    graph.edges.map((e) => ({ from: e.from, to: e.to, count: e.count, strong: e.kind !== 'check-in' })),
    groups.map((g) => g.key),
    groups[0]?.kind === 'team',
    { gap: graph.nodes.length <= LABEL_ALL_UP_TO ? LABELLED_GAP : undefined },
  );
  const isolated = new Set(figures.isolated.map((p) => partnerKey(p.partnerId)));
  const brokerKeys = new Set(figures.brokers.map((p) => partnerKey(p.partnerId)));
  const heldKeys = new Set(held.map((p) => partnerKey(p.partnerId)));
  const siloSet = new Set(siloDepartments);
  const nodes: MapNode[] = graph.nodes.map((n) => {
    const at = placed.nodes.get(n.key) ?? { x: 0, y: 0, r: 5 };
    return {
      ...n,
      group: groupOf(n).key,
      ...at,
      isolated: isolated.has(n.key),
      broker: brokerKeys.has(n.key),
      heldByOne: heldKeys.has(n.key),
      silo: n.kind === 'partner' && siloSet.has(n.department ?? ''),
    };
  });
  return {
    filter,
    groupBy: options.groupBy,
    options: filterOptions(input, options),
    asOf: calendarDate(asOf),
    width: placed.width,
    height: placed.height,
    groups: groups
      .filter((g) => placed.groups.has(g.key))
      .map((g) => ({ ...g, ...(placed.groups.get(g.key) as { x: number; y: number; r: number }) })),
    nodes,
    edges: graph.edges,
    figures: {
      silos: siloDepartments,
      isolated: figures.isolated,
      brokers: figures.brokers,
      heldByOne: held.map((h) => ({ partnerId: h.partnerId, name: h.name, department: h.department, holder: h.holder.name })),
      reachedThroughOne: figures.reachedThroughOne,
    },
    totals: {
      partners: selection.partners.length,
      authors: graph.nodes.filter((n) => n.kind === 'author').length,
      edges: graph.edges.length,
      checkIns: selection.checkIns.length,
    },
  };
}

interface GroupRef {
  key: string;
  kind: MapGroup['kind'];
  label: string;
}

/** A node's cluster: the team; or the partner's department, or organisation (one spelling per case). */
function grouping(graph: EcosystemGraph, groupBy: MapGroupBy): (node: GraphNode) => GroupRef {
  const labels = new Map<string, string>();
  for (const n of [...graph.nodes].sort((a, b) => compare(a.name, b.name))) {
    const value = groupBy === 'department' ? n.department : n.organisation;
    if (n.kind === 'partner' && value && !labels.has(value.toLocaleLowerCase())) labels.set(value.toLocaleLowerCase(), value);
  }
  return (node) => {
    if (node.kind === 'author') return { key: TEAM_GROUP, kind: 'team', label: '' };
    const value = (groupBy === 'department' ? node.department : node.organisation)?.toLocaleLowerCase();
    if (!value) return { key: NO_GROUP, kind: 'none', label: '' };
    return { key: `g:${value}`, kind: 'group', label: labels.get(value) ?? value };
  };
}

/** The clusters in drawing order: the team first, then by name, the partners without a group last. */
function groupList(graph: EcosystemGraph, groupOf: (node: GraphNode) => GroupRef): Omit<MapGroup, 'x' | 'y' | 'r'>[] {
  const groups = new Map<string, GroupRef & { size: number }>();
  for (const n of graph.nodes) {
    const g = groupOf(n);
    const entry = groups.get(g.key);
    if (entry) entry.size++;
    else groups.set(g.key, { ...g, size: 1 });
  }
  const rank = (g: GroupRef) => (g.kind === 'team' ? 0 : g.kind === 'group' ? 1 : 2);
  const list = [...groups.values()].sort((a, b) => rank(a) - rank(b) || compare(a.key, b.key));
  let colour = 0;
  return list.map((g) => ({ key: g.key, kind: g.kind, label: g.label, size: g.size, colour: g.kind === 'group' ? colour++ : -1 }));
}
