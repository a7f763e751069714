// The map's picture: clusters, links and people drawn as SVG from the host's layout (positions are the
// host's: the page computes none). Every person is a focusable node: Tab reaches the picture, the arrow
// keys move to the nearest person in that direction, Home and End to the first and last, Enter or a click
// opens a partner's page. Text stays text: names reach the page as text nodes and attributes only.
import * as l10n from '@vscode/l10n';
import { LABEL_ALL_UP_TO } from '../../core/ecosystem/layout';
import type { MapData } from '../mapProtocol';
import { s } from '../shared/dom';

export type MapNodeData = MapData['nodes'][number];

export interface PictureActions {
  open(node: MapNodeData): void;
  focused(key: string): void;
}

/** Labels under every node up to this many people (the layout left room); beyond, only the busiest. */
const ALL_LABELS = LABEL_ALL_UP_TO;

const checkIns = (n: number): string => (n === 1 ? l10n.t('1 check-in') : l10n.t('{0} check-ins', n));

/** What a screen reader says for a node: who, where, how often, and what stands out. */
export function nodeDescription(node: MapNodeData): string {
  const marks = [
    node.broker && l10n.t('broker'),
    node.heldByOne && l10n.t('held by one teammate'),
    node.isolated && l10n.t('isolated'),
    node.silo && l10n.t('in a silo department'),
  ].filter((m): m is string => typeof m === 'string');
  if (node.kind === 'author') return l10n.t('{0}, teammate, {1}', node.name, checkIns(node.weight));
  const where = [node.department, node.organisation].filter(Boolean).join(', ');
  const base = l10n.t('{0}, {1}, {2}', node.name, where, checkIns(node.weight));
  return marks.length > 0 ? `${base} — ${marks.join(', ')}` : base;
}

export function groupLabel(group: MapData['groups'][number]): string {
  if (group.kind === 'team') return l10n.t('The team');
  if (group.kind === 'none') return l10n.t('No organisation');
  return group.label;
}

const colourClass = (colour: number) => (colour < 0 ? 'c-none' : `c${colour % 10}`);

export interface Picture {
  svg: SVGSVGElement;
  /** Moves the focus to a node (by key), or to the first one. */
  focus(key?: string): void;
}

export function drawPicture(data: MapData, actions: PictureActions, focusedKey?: string): Picture {
  const groups = new Map(data.groups.map((g) => [g.key, g]));
  const silos = new Set(data.figures.silos);
  const svg = s('svg', {
    class: 'map',
    viewBox: `0 0 ${data.width} ${data.height}`,
    // Its own size at most (CSS shrinks it to the panel): names stay the size of the page's text.
    width: data.width,
    height: data.height,
    role: 'group',
    'aria-label': l10n.t(
      'Ecosystem map: {0} partners and {1} teammates. Use the arrow keys to move between people.',
      data.totals.partners,
      data.totals.authors,
    ),
  });
  const clusters = s('g', { class: 'clusters', 'aria-hidden': 'true' });
  for (const g of data.groups) {
    const silo = data.groupBy === 'department' && g.kind === 'group' && silos.has(g.label);
    clusters.append(
      s('circle', { class: `cluster ${colourClass(g.colour)}${silo ? ' silo' : ''}`, cx: g.x, cy: g.y, r: g.r }),
      s(
        'text',
        { class: `cluster-label${silo ? ' silo' : ''}`, x: g.x, y: Math.max(12, g.y - g.r - 6), 'text-anchor': 'middle' },
        silo ? l10n.t('{0} (silo)', groupLabel(g)) : groupLabel(g),
      ),
    );
  }
  const at = new Map(data.nodes.map((n) => [n.key, n]));
  const edges = s('g', { class: 'edges', 'aria-hidden': 'true' });
  for (const e of data.edges) {
    const [a, b] = [at.get(e.from), at.get(e.to)];
    if (!a || !b) continue;
    edges.append(
      s('line', {
        class: `edge ${e.kind}`,
        x1: a.x,
        y1: a.y,
        x2: b.x,
        y2: b.y,
        'stroke-width': Math.min(8, 1 + 1.5 * Math.log2(e.count)).toFixed(1),
        'stroke-opacity': (0.2 + 0.8 * e.recency).toFixed(2),
        'data-from': e.from,
        'data-to': e.to,
      }),
    );
  }
  const layer = s('g', { class: 'nodes' });
  const elements = new Map<string, SVGGElement>();
  const labelled = new Set(
    [...data.nodes]
      .sort((x, y) => y.weight - x.weight)
      .slice(0, ALL_LABELS)
      .map((n) => n.key),
  );
  for (const node of data.nodes) {
    const group = groups.get(node.group);
    const marks = [node.broker && 'broker', node.heldByOne && 'held', node.isolated && 'isolated', node.silo && 'silo'].filter(Boolean);
    const element = s('g', {
      class: `node ${node.kind} ${node.kind === 'author' ? 'team' : colourClass(group?.colour ?? -1)} ${marks.join(' ')}`.trim(),
      tabindex: -1,
      role: node.kind === 'partner' ? 'button' : 'img',
      'aria-label': nodeDescription(node),
      'data-key': node.key,
      ...(node.id ? { 'data-partner': node.id } : {}),
    });
    element.append(s('title', {}, nodeDescription(node)), s('circle', { class: 'halo', cx: node.x, cy: node.y, r: node.r + 12 }));
    if (node.broker) element.append(s('circle', { class: 'mark broker', cx: node.x, cy: node.y, r: node.r + 4 }));
    if (node.heldByOne) element.append(s('circle', { class: 'mark held', cx: node.x, cy: node.y, r: node.r + (node.broker ? 8 : 4) }));
    if (node.isolated) element.append(s('circle', { class: 'mark isolated', cx: node.x, cy: node.y, r: node.r + 4 }));
    element.append(
      node.kind === 'author'
        ? s('rect', { class: 'shape', x: node.x - node.r, y: node.y - node.r, width: 2 * node.r, height: 2 * node.r, rx: 2 })
        : s('circle', { class: 'shape', cx: node.x, cy: node.y, r: node.r }),
    );
    if (labelled.has(node.key) || data.nodes.length <= ALL_LABELS)
      element.append(
        s('text', { class: 'node-label', x: node.x, y: node.y + node.r + 13, 'text-anchor': 'middle', 'aria-hidden': 'true' }, node.name),
      );
    element.addEventListener('click', () => {
      element.focus();
      actions.open(node);
    });
    element.addEventListener('focus', () => {
      for (const other of elements.values()) other.setAttribute('tabindex', '-1');
      element.setAttribute('tabindex', '0');
      actions.focused(node.key);
    });
    elements.set(node.key, element);
    layer.append(element);
  }
  svg.append(clusters, edges, layer);
  // One tab stop for the whole picture (a roving tabindex): the remembered node, or the first.
  (elements.get(focusedKey ?? '') ?? elements.values().next().value)?.setAttribute('tabindex', '0');
  svg.addEventListener('keydown', (event) => {
    const current = (event.target as Element | null)?.closest?.('g.node');
    const node = current ? at.get(current.getAttribute('data-key') ?? '') : undefined;
    if (!node) return;
    let next: MapNodeData | undefined;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      actions.open(node);
      return;
    }
    if (event.key === 'Home') next = data.nodes[0];
    else if (event.key === 'End') next = data.nodes[data.nodes.length - 1];
    else next = nearest(node, data.nodes, event.key);
    if (!next) return;
    event.preventDefault();
    elements.get(next.key)?.focus();
  });
  return {
    svg,
    focus: (key) => (elements.get(key ?? '') ?? elements.values().next().value)?.focus(),
  };
}

const DIRECTIONS: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };

/** The closest node in an arrow's direction (within 60° of it), sideways distance counting double. */
export function nearest(from: MapNodeData, nodes: readonly MapNodeData[], key: string): MapNodeData | undefined {
  const direction = DIRECTIONS[key];
  if (!direction) return undefined;
  let best: MapNodeData | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const n of nodes) {
    if (n.key === from.key) continue;
    const dx = n.x - from.x;
    const dy = n.y - from.y;
    const along = dx * direction[0] + dy * direction[1];
    const across = Math.abs(dx * direction[1] - dy * direction[0]);
    if (along <= 0 || across > along * 1.8) continue;
    const score = along + 2 * across;
    if (score < bestScore) [best, bestScore] = [n, score];
  }
  return best;
}
