// A small deterministic layout for the ecosystem map (docs/decisions/ecosystem-map-layout.md): each
// cluster (department or organisation) starts as a sunflower of its people, the team at the centre and
// the clusters on a ring around it; then a fixed number of relaxation steps pull linked people together
// and push overlapping ones apart. No randomness and a fixed order: the same graph draws the same picture.
import { compare } from './graph';

export interface LayoutNode {
  key: string;
  group: string;
  weight: number;
}

export interface LayoutEdge {
  from: string;
  to: string;
  count: number;
  /** Partner–partner edges pull harder than check-ins (which would drag everyone to the team). */
  strong: boolean;
}

export interface Placed {
  x: number;
  y: number;
  r: number;
}

export interface Layout {
  nodes: Map<string, Placed>;
  /** Per cluster: the circle around its people, for the cluster's background and label. */
  groups: Map<string, Placed>;
  width: number;
  height: number;
}

export const LAYOUT_TICKS = 120;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const GAP = 8;
const GROUP_GAP = 36;
const MARGIN = 40;

/** Room between people when every one is named (the page labels all of a small map): a name's width. */
export const LABELLED_GAP = 70;
/** Up to this many people, the page names each one (and the layout leaves room for the names). */
export const LABEL_ALL_UP_TO = 80;

/** Bigger with more check-ins, by the square root (area grows with the count), within bounds. */
export function nodeRadius(weight: number): number {
  return Math.min(22, 5 + 2.2 * Math.sqrt(weight));
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Lays out nodes clustered by `group`, clusters in `groupOrder` (the first at the centre when
 * `centreFirst`). The order of `nodes` and `edges` does not matter: both are sorted here.
 */
export function layout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  groupOrder: readonly string[],
  centreFirst: boolean,
  { ticks = LAYOUT_TICKS, gap = GAP }: { ticks?: number; gap?: number } = {},
): Layout {
  const members = new Map<string, LayoutNode[]>(groupOrder.map((g) => [g, []]));
  for (const node of nodes) {
    const list = members.get(node.group);
    if (list) list.push(node);
    else members.set(node.group, [node]);
  }
  const order = [...members.keys()];
  const count = nodes.length;
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  const rs = new Float64Array(count);
  const gx: number[] = [];
  const gy: number[] = [];
  const groupOf = new Int32Array(count);
  const index = new Map<string, number>();
  // Each cluster as a sunflower around (0, 0) first, heaviest people in the middle.
  const local: { radius: number; start: number; size: number }[] = [];
  let next = 0;
  for (const [g, group] of order.entries()) {
    const list = (members.get(group) ?? []).sort((a, b) => b.weight - a.weight || compare(a.key, b.key));
    const start = next;
    let diameter = 0;
    let maxR = 0;
    for (const node of list) {
      const r = nodeRadius(node.weight);
      rs[next] = r;
      groupOf[next] = g;
      index.set(node.key, next++);
      diameter += 2 * r;
      maxR = Math.max(maxR, r);
    }
    const spacing = ((list.length > 0 ? diameter / list.length : 10) + gap) * 0.62;
    for (let i = 0; i < list.length; i++) {
      const radius = spacing * Math.sqrt(i + (i === 0 ? 0 : 0.5));
      xs[start + i] = radius * Math.cos(i * GOLDEN_ANGLE);
      ys[start + i] = radius * Math.sin(i * GOLDEN_ANGLE);
    }
    local.push({ radius: spacing * Math.sqrt(list.length) + maxR, start, size: list.length });
  }
  // The clusters: the first at the centre (the team), the others on a ring, each an arc as wide as it is.
  const ringGroups = centreFirst ? local.slice(1) : local;
  const centre = centreFirst && local.length > 0 ? local[0].radius : 0;
  const total = ringGroups.reduce((sum, g) => sum + 2 * g.radius + GROUP_GAP, 0);
  const widest = ringGroups.reduce((max, g) => Math.max(max, g.radius), 0);
  const ring = ringGroups.length <= 1 && !centreFirst ? 0 : Math.max(centre + widest + GROUP_GAP, total / (2 * Math.PI));
  const stretch = ring > 0 ? (2 * Math.PI * ring) / Math.max(total, 1) : 0;
  let angle = -Math.PI / 2;
  for (const [g, group] of local.entries()) {
    let cx = 0;
    let cy = 0;
    if (!(centreFirst && g === 0) && ring > 0) {
      const half = ((group.radius + GROUP_GAP / 2) * stretch) / ring;
      cx = ring * Math.cos(angle + half);
      cy = ring * Math.sin(angle + half);
      angle += 2 * half;
    }
    gx.push(cx);
    gy.push(cy);
    for (let i = group.start; i < group.start + group.size; i++) [xs[i], ys[i]] = [xs[i] + cx, ys[i] + cy];
  }
  relax(xs, ys, rs, groupOf, gx, gy, resolveEdges(edges, index), ticks, gap);
  return finish(order, local, xs, ys, rs, index);
}

function resolveEdges(edges: readonly LayoutEdge[], index: Map<string, number>): [number, number, number][] {
  const list: [number, number, number][] = [];
  const sorted = [...edges].sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to));
  for (const e of sorted) {
    const [a, b] = [index.get(e.from), index.get(e.to)];
    if (a === undefined || b === undefined || a === b) continue;
    list.push([a, b, (e.strong ? 0.06 : 0.012) * Math.sqrt(Math.min(e.count, 9))]);
  }
  return list;
}

/** Springs along edges, a pull to the cluster's centre, and no overlaps (a grid of cells finds neighbours). */
function relax(
  xs: Float64Array,
  ys: Float64Array,
  rs: Float64Array,
  groupOf: Int32Array,
  gx: number[],
  gy: number[],
  edges: [number, number, number][],
  ticks: number,
  gap: number,
): void {
  const n = xs.length;
  let maxR = 0;
  for (let i = 0; i < n; i++) maxR = Math.max(maxR, rs[i]);
  const cell = 2 * maxR + gap;
  let head = new Int32Array(0);
  const following = new Int32Array(n);
  for (let t = 0; t < ticks; t++) {
    const alpha = 1 - t / ticks;
    for (const [a, b, strength] of edges) {
      const dx = xs[b] - xs[a];
      const dy = ys[b] - ys[a];
      const d = Math.hypot(dx, dy) || 1;
      const f = ((d - (rs[a] + rs[b] + 3 * gap)) / d) * strength * alpha;
      if (f <= 0) continue;
      xs[a] += dx * f;
      ys[a] += dy * f;
      xs[b] -= dx * f;
      ys[b] -= dy * f;
    }
    for (let i = 0; i < n; i++) {
      const g = groupOf[i];
      xs[i] += (gx[g] - xs[i]) * 0.03;
      ys[i] += (gy[g] - ys[i]) * 0.03;
    }
    // Neighbours through a grid of cells as linked lists in typed arrays (no allocation per step).
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < n; i++) {
      minX = Math.min(minX, xs[i]);
      minY = Math.min(minY, ys[i]);
      maxX = Math.max(maxX, xs[i]);
      maxY = Math.max(maxY, ys[i]);
    }
    const columns = Math.floor((maxX - minX) / cell) + 1;
    const rows = Math.floor((maxY - minY) / cell) + 1;
    if (head.length < columns * rows) head = new Int32Array(columns * rows);
    head.fill(-1, 0, columns * rows);
    for (let i = 0; i < n; i++) {
      const c = Math.floor((xs[i] - minX) / cell) * rows + Math.floor((ys[i] - minY) / cell);
      following[i] = head[c];
      head[c] = i;
    }
    for (let i = 0; i < n; i++) {
      const cx = Math.floor((xs[i] - minX) / cell);
      const cy = Math.floor((ys[i] - minY) / cell);
      for (let ox = cx - 1; ox <= cx + 1; ox++) {
        if (ox < 0 || ox >= columns) continue;
        for (let oy = cy - 1; oy <= cy + 1; oy++) {
          if (oy < 0 || oy >= rows) continue;
          for (let j = head[ox * rows + oy]; j !== -1; j = following[j]) {
            if (j <= i) continue;
            let dx = xs[j] - xs[i];
            let dy = ys[j] - ys[i];
            const min = rs[i] + rs[j] + gap;
            if (dx >= min || dx <= -min || dy >= min || dy <= -min) continue;
            let d = Math.sqrt(dx * dx + dy * dy);
            if (d >= min) continue;
            if (d === 0) [dx, dy, d] = [Math.cos(j * GOLDEN_ANGLE), Math.sin(j * GOLDEN_ANGLE), 1];
            const push = ((min - d) / d) * 0.5;
            xs[i] -= dx * push;
            ys[i] -= dy * push;
            xs[j] += dx * push;
            ys[j] += dy * push;
          }
        }
      }
    }
  }
}

/** Moves the picture into positive coordinates with a margin, rounded (a tenth of a pixel is enough). */
function finish(
  order: string[],
  local: { start: number; size: number }[],
  xs: Float64Array,
  ys: Float64Array,
  rs: Float64Array,
  index: Map<string, number>,
): Layout {
  const groups = new Map<string, Placed>();
  for (const [g, group] of local.entries()) {
    if (group.size === 0) continue;
    let [sx, sy] = [0, 0];
    for (let i = group.start; i < group.start + group.size; i++) [sx, sy] = [sx + xs[i], sy + ys[i]];
    const [cx, cy] = [sx / group.size, sy / group.size];
    let r = 0;
    for (let i = group.start; i < group.start + group.size; i++) r = Math.max(r, Math.hypot(xs[i] - cx, ys[i] - cy) + rs[i] + GAP);
    groups.set(order[g], { x: cx, y: cy, r });
  }
  let [minX, minY, maxX, maxY] = [0, 0, 0, 0];
  let first = true;
  for (const c of groups.values()) {
    if (first) [minX, minY, maxX, maxY, first] = [c.x - c.r, c.y - c.r, c.x + c.r, c.y + c.r, false];
    [minX, minY] = [Math.min(minX, c.x - c.r), Math.min(minY, c.y - c.r)];
    [maxX, maxY] = [Math.max(maxX, c.x + c.r), Math.max(maxY, c.y + c.r)];
  }
  const [ox, oy] = [MARGIN - minX, MARGIN - minY];
  const nodes = new Map<string, Placed>();
  for (const [key, i] of index) nodes.set(key, { x: round(xs[i] + ox), y: round(ys[i] + oy), r: round(rs[i]) });
  for (const [key, c] of groups) groups.set(key, { x: round(c.x + ox), y: round(c.y + oy), r: round(c.r) });
  return { nodes, groups, width: Math.ceil(maxX - minX + 2 * MARGIN), height: Math.ceil(maxY - minY + 2 * MARGIN) };
}
