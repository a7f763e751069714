// The ecosystem as a graph: partners and the team's authors as nodes; who talked to whom (check-ins),
// who met together (group check-ins) and who is connected to whom (connections) as edges. Built over the
// dashboard's selection, so the map and the dashboard's connectivity figures read the same filter.
import type { Author, Connection } from '../model';
import { authorKey, authorKeyOf, daysBetween, type Selection } from '../stats/input';

export type EdgeKind = 'check-in' | 'met' | 'connection';

export interface GraphNode {
  /** `p:<partner id>` or `a:<author key>`: one namespace for both kinds. */
  key: string;
  kind: 'partner' | 'author';
  /** The partner's id (partners only). */
  id?: string;
  name: string;
  department?: string;
  organisation?: string;
  /** Check-ins in the range: with this partner, or written by / attended by this teammate. */
  weight: number;
}

export interface GraphEdge {
  /** Node keys; for a check-in edge `from` is the author, for the others the lower key. */
  from: string;
  to: string;
  kind: EdgeKind;
  /** Check-ins (or meetings) behind the edge; connections: how many connection records. */
  count: number;
  /** The latest check-in or meeting (ISO); none for connections. */
  last?: string;
  /** 1 today, halving every `halfLifeDays` since the last one; connections (standing facts) 1. */
  recency: number;
  /** The kinds of the connections (connection edges only), as written. */
  connectionKinds?: string[];
}

export interface EcosystemGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Node key → its edges' other ends (each neighbour once). */
  neighbours: Map<string, Set<string>>;
}

export const partnerKey = (id: string): string => `p:${id}`;
export const authorNodeKey = (key: string): string => `a:${key}`;

/** The people of a check-in on the team's side: its author and the teammates present, each once. */
export function teamOf(checkIn: Selection['checkIns'][number]): { key: string; person: Author }[] {
  const people = [{ key: authorKeyOf(checkIn), person: checkIn.value.author }];
  for (const person of checkIn.value.present ?? []) {
    const key = authorKey(person);
    if (!people.some((p) => p.key === key)) people.push({ key, person });
  }
  return people;
}

interface EdgeAcc {
  edge: GraphEdge;
  lastTime: number;
}

/**
 * The graph of a selection: its partners (all, also those with no edge), the authors and teammates of its
 * check-ins in the range, and the connections whose both partners are selected (whatever their date: a
 * connection is a standing fact, not an event in the range).
 */
export function buildGraph(
  selection: Pick<Selection, 'partners' | 'partnerById' | 'checkIns'>,
  connections: readonly Connection[],
  asOf: Date,
  halfLifeDays: number,
): EcosystemGraph {
  const nodes = new Map<string, GraphNode>();
  for (const p of selection.partners)
    nodes.set(partnerKey(p.id), {
      key: partnerKey(p.id),
      kind: 'partner',
      id: p.id,
      name: p.name,
      department: p.department,
      ...(p.organisation ? { organisation: p.organisation } : {}),
      weight: 0,
    });
  // kind → from → to: nested maps of the keys as they are (building a joined key per touch cost a third
  // of the graph's time on a big store).
  const byKind = new Map<EdgeKind, Map<string, Map<string, EdgeAcc>>>();
  const edges: EdgeAcc[] = [];
  const touch = (from: string, to: string, kind: EdgeKind, time: number, iso: string): void => {
    let froms = byKind.get(kind);
    if (!froms) byKind.set(kind, (froms = new Map<string, Map<string, EdgeAcc>>()));
    let tos = froms.get(from);
    if (!tos) froms.set(from, (tos = new Map<string, EdgeAcc>()));
    const acc = tos.get(to);
    if (!acc) {
      const created = { edge: { from, to, kind, count: 1, last: iso, recency: 0 }, lastTime: time };
      tos.set(to, created);
      edges.push(created);
    } else {
      acc.edge.count++;
      if (time >= acc.lastTime) [acc.lastTime, acc.edge.last] = [time, iso];
    }
  };
  const keyOfPartner = new Map<string, string>();
  for (const p of selection.partners) keyOfPartner.set(p.id, partnerKey(p.id));
  for (const c of selection.checkIns) {
    const partners: string[] = [];
    for (const id of c.partnerIds) {
      const key = keyOfPartner.get(id);
      if (key !== undefined && selection.partnerById.has(id)) partners.push(key);
    }
    for (const key of partners) (nodes.get(key) as GraphNode).weight++;
    for (const { key, person } of teamOf(c)) {
      const nodeKey = authorNodeKey(key);
      const node = nodes.get(nodeKey);
      // The latest spelling of a teammate's name wins (check-ins come oldest first).
      if (node) [node.weight, node.name] = [node.weight + 1, person.name];
      else nodes.set(nodeKey, { key: nodeKey, kind: 'author', name: person.name, weight: 1 });
      for (const p of partners) touch(nodeKey, p, 'check-in', c.time, c.value.date);
    }
    for (let i = 0; i < partners.length; i++)
      for (let j = i + 1; j < partners.length; j++) {
        const [a, b] = partners[i] < partners[j] ? [partners[i], partners[j]] : [partners[j], partners[i]];
        touch(a, b, 'met', c.time, c.value.date);
      }
  }
  const result: GraphEdge[] = [];
  for (const { edge, lastTime } of edges) {
    const days = Math.max(0, daysBetween(lastTime, asOf.getTime()));
    edge.recency = Math.pow(0.5, days / Math.max(1, halfLifeDays));
    result.push(edge);
  }
  const connectionEdges = new Map<string, GraphEdge>();
  for (const c of connections) {
    if (!selection.partnerById.has(c.fromId) || !selection.partnerById.has(c.toId) || c.fromId === c.toId) continue;
    const [a, b] = [partnerKey(c.fromId), partnerKey(c.toId)].sort();
    const id = `${a}\u0000${b}`;
    const edge = connectionEdges.get(id);
    if (edge) {
      edge.count++;
      if (!edge.connectionKinds?.includes(c.kind)) edge.connectionKinds?.push(c.kind);
    } else connectionEdges.set(id, { from: a, to: b, kind: 'connection', count: 1, recency: 1, connectionKinds: [c.kind] });
  }
  result.push(...connectionEdges.values());
  // One order whatever the order of the records: the layout and the tests depend on it.
  result.sort((x, y) => compare(x.kind, y.kind) || compare(x.from, y.from) || compare(x.to, y.to));
  const nodeList = [...nodes.values()].sort((a, b) => compare(a.key, b.key));
  const neighbours = new Map<string, Set<string>>(nodeList.map((n) => [n.key, new Set<string>()]));
  for (const e of result) {
    neighbours.get(e.from)?.add(e.to);
    neighbours.get(e.to)?.add(e.from);
  }
  return { nodes: nodeList, edges: result, neighbours };
}

/** Code-unit order: the same on every machine and in every display language (localeCompare is not). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
