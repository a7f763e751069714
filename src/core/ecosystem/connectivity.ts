// What the ecosystem's connectivity says: partners nobody is linked to (isolated), partners who are the
// only link to others (brokers: articulation points of the graph, docs/decisions/ecosystem-brokers.md)
// and departments the team reaches through one person only.
import type { Selection } from '../stats/input';
import { compare, teamOf, type EcosystemGraph, type GraphNode } from './graph';

export interface PartnerRef {
  partnerId: string;
  name: string;
  department: string;
}

export interface Broker extends PartnerRef {
  /** People who lose every path to the rest of the web without this partner. */
  cutOff: number;
  /** The first few of them by name, to say whom the broker links. */
  cutOffNames: string[];
}

export interface ReachedThroughOne {
  department: string;
  /** One teammate holds every check-in with the department, or one of its partners is the only one the team talks to. */
  via: 'teammate' | 'partner';
  /** The teammate's or the partner's name. */
  name: string;
  partnerId?: string;
}

export interface Connectivity {
  isolated: PartnerRef[];
  brokers: Broker[];
  reachedThroughOne: ReachedThroughOne[];
}

const CUT_OFF_NAMES = 3;

/** A part of the web a broker holds: where it starts in the walk's preorder, its span there, its people. */
interface Piece {
  start: number;
  span: number;
  size: number;
}

const refOf = (node: GraphNode): PartnerRef => ({ partnerId: node.id ?? '', name: node.name, department: node.department ?? '' });
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name) || compare(a.name, b.name);

/** Partners with no edge at all: no check-in in the range, no meeting, no connection. */
export function isolatedPartners(graph: EcosystemGraph): PartnerRef[] {
  return graph.nodes
    .filter((n) => n.kind === 'partner' && (graph.neighbours.get(n.key)?.size ?? 0) === 0)
    .map(refOf)
    .sort(byName);
}

/**
 * Partners whose removal splits their part of the web: Tarjan's articulation points, iterative (a store
 * of thousands of partners would overflow a recursive walk). For each, the nodes outside the largest
 * piece left are the ones it cuts off.
 */
export function brokers(graph: EcosystemGraph): Broker[] {
  const keys = graph.nodes.map((n) => n.key);
  const index = new Map(keys.map((k, i) => [k, i]));
  const adjacency = keys.map((k) => [...(graph.neighbours.get(k) ?? [])].map((n) => index.get(n) as number).sort((a, b) => a - b));
  // The team is one: its people are linked through a hub (never reported, never counted), so a partner
  // two teammates share is no broker between them.
  const hub = keys.length;
  adjacency.push([]);
  for (const [i, node] of graph.nodes.entries())
    if (node.kind === 'author') {
      adjacency[i].push(hub);
      adjacency[hub].push(i);
    }
  const n = adjacency.length;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const size = new Int32Array(n);
  /** Preorder positions a subtree spans (its size with the hub, when the hub is in it). */
  const span = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const preorder: number[] = [];
  /** Per node: the sizes (and preorder starts) of child subtrees that cannot reach above it. */
  const pieces = new Map<number, Piece[]>();
  const result: Broker[] = [];
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    const componentStart = preorder.length;
    const stack: [number, number][] = [[root, 0]];
    disc[root] = low[root] = preorder.length;
    preorder.push(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [u, next] = top;
      if (next < adjacency[u].length) {
        top[1]++;
        const w = adjacency[u][next];
        if (disc[w] === -1) {
          parent[w] = u;
          disc[w] = low[w] = preorder.length;
          preorder.push(w);
          stack.push([w, 0]);
        } else if (w !== parent[u]) low[u] = Math.min(low[u], disc[w]);
        continue;
      }
      stack.pop();
      size[u] += u === hub ? 0 : 1;
      span[u] += 1;
      const p = parent[u];
      if (p === -1) continue;
      size[p] += size[u];
      span[p] += span[u];
      low[p] = Math.min(low[p], low[u]);
      if (low[u] >= disc[p]) {
        const list = pieces.get(p) ?? [];
        list.push({ start: disc[u], span: span[u], size: size[u] });
        pieces.set(p, list);
      }
    }
    const componentSize = preorder.length - componentStart - (disc[hub] >= componentStart ? 1 : 0);
    for (let i = componentStart; i < preorder.length; i++) {
      const u = preorder[i];
      const split = pieces.get(u);
      if (u === hub || graph.nodes[u].kind !== 'partner' || !split) continue;
      const node = graph.nodes[u];
      // The root splits only with two subtrees or more; another node with one (the rest is a piece too).
      const rest = componentSize - 1 - split.reduce((sum, s) => sum + s.size, 0);
      const all = u === root ? split : [...split, { start: -1, span: 0, size: rest }];
      if (all.length < 2 || all.filter((s) => s.size > 0).length < 2) continue;
      // The piece the team is in stays (ties would be a toss-up); without the team, the largest.
      const withHub = (p: Piece) => (p.start >= 0 ? disc[hub] >= p.start && disc[hub] < p.start + p.span : !split.some(withHubIn));
      const withHubIn = (p: Piece) => disc[hub] >= p.start && disc[hub] < p.start + p.span;
      const teamSide = disc[hub] >= componentStart ? all.find(withHub) : undefined;
      const largest = teamSide ?? all.reduce((best, s) => (s.size > best.size ? s : best), all[0]);
      const cut = all.filter((s) => s !== largest);
      const names = cut.flatMap((s) =>
        s.start < 0 ? restNames(graph, preorder, componentStart, u, split) : subtreeNames(graph, preorder, s),
      );
      result.push({
        ...refOf(node),
        cutOff: cut.reduce((sum, s) => sum + s.size, 0),
        cutOffNames: names.sort(byNameText).slice(0, CUT_OFF_NAMES),
      });
    }
  }
  return result.sort((a, b) => b.cutOff - a.cutOff || byName(a, b));
}

const byNameText = (a: string, b: string) => a.localeCompare(b) || compare(a, b);

function subtreeNames(graph: EcosystemGraph, preorder: number[], piece: Piece): string[] {
  return preorder
    .slice(piece.start, piece.start + piece.span)
    .filter((i) => i < graph.nodes.length)
    .map((i) => graph.nodes[i].name);
}

/** The nodes of a component outside `u` and its split-off subtrees (the part above `u`). */
function restNames(graph: EcosystemGraph, preorder: number[], start: number, u: number, split: Piece[]): string[] {
  const inSplit = (position: number) => split.some((s) => position >= s.start && position < s.start + s.span);
  const names: string[] = [];
  for (let i = start; i < preorder.length; i++) {
    const node = graph.nodes[preorder[i]] as GraphNode | undefined; // the hub has none
    if (node && preorder[i] !== u && !inSplit(i)) names.push(node.name);
  }
  return names;
}

/**
 * Departments the team reaches through one person: one teammate writes (or attends) every check-in with
 * it (only counted when the team has several people, as for single holders), or, of its several
 * partners, the team talks to one only.
 */
export function reachedThroughOne(selection: Pick<Selection, 'partners' | 'partnerById' | 'checkIns'>): ReachedThroughOne[] {
  const teammates = new Map<string, Map<string, string>>();
  const contacted = new Map<string, Set<string>>();
  const everyone = new Set<string>();
  for (const c of selection.checkIns) {
    const team = teamOf(c);
    for (const id of c.partnerIds) {
      const partner = selection.partnerById.get(id);
      if (!partner) continue;
      const department = partner.department;
      const people = teammates.get(department) ?? new Map<string, string>();
      for (const { key, person } of team) {
        people.set(key, person.name);
        everyone.add(key);
      }
      teammates.set(department, people);
      const partners = contacted.get(department) ?? new Set<string>();
      partners.add(id);
      contacted.set(department, partners);
    }
  }
  const sizes = new Map<string, number>();
  for (const p of selection.partners) sizes.set(p.department, (sizes.get(p.department) ?? 0) + 1);
  const rows: ReachedThroughOne[] = [];
  for (const [department, people] of teammates) {
    if (everyone.size > 1 && people.size === 1) rows.push({ department, via: 'teammate', name: [...people.values()][0] });
    const partners = contacted.get(department);
    if ((sizes.get(department) ?? 0) > 1 && partners?.size === 1) {
      const id = [...partners][0];
      rows.push({ department, via: 'partner', name: selection.partnerById.get(id)?.name ?? id, partnerId: id });
    }
  }
  return rows.sort((a, b) => a.department.localeCompare(b.department) || compare(a.department, b.department) || compare(a.via, b.via));
}

/** Every connectivity figure of a graph and its selection. */
export function connectivity(graph: EcosystemGraph, selection: Pick<Selection, 'partners' | 'partnerById' | 'checkIns'>): Connectivity {
  return { isolated: isolatedPartners(graph), brokers: brokers(graph), reachedThroughOne: reachedThroughOne(selection) };
}
