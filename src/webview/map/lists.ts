// Beside the picture, as text: what stands out (silos, isolated, brokers, held by one teammate, reached
// through one person), the legend, and the text alternative: every person and every link in two tables.
import * as l10n from '@vscode/l10n';
import { connectionKindLabel } from '../../core/vocabulary';
import type { MapData } from '../mapProtocol';
import { dataTable, partnerButton, renderConnectivity, type OpenPartner } from '../shared/connectivity';
import { h, s, type Child } from '../shared/dom';
import { groupLabel, nodeDescription } from './picture';

const empty = (text: string) => h('p', { class: 'empty' }, text);

export function renderFigures(data: MapData, open: OpenPartner): HTMLElement[] {
  const f = data.figures;
  const result: HTMLElement[] = [h('h3', { id: 'silos-heading' }, l10n.t('Silos'))];
  if (f.silos.length === 0)
    result.push(empty(l10n.t('No silos: every department was contacted in the last {0} days.', data.options.siloDays)));
  else
    result.push(
      h('p', { class: 'muted' }, l10n.t('No contact for over {0} days:', data.options.siloDays)),
      h('ul', { class: 'silos' }, ...f.silos.map((department) => h('li', {}, department))),
    );
  result.push(...renderConnectivity(f, open), h('h3', { id: 'held-heading' }, l10n.t('Held by one teammate only')));
  if (f.heldByOne.length === 0) result.push(empty(l10n.t('No partner is held by one teammate only.')));
  else
    result.push(
      h(
        'ul',
        { class: 'held' },
        ...f.heldByOne.map((p) => h('li', {}, partnerButton(p.partnerId, p.name, open), h('span', { class: 'muted' }, ` — ${p.holder}`))),
      ),
    );
  return result;
}

function swatch(...children: SVGElement[]): SVGSVGElement {
  return s('svg', { class: 'swatch', viewBox: '0 0 28 20', width: 28, height: 20, 'aria-hidden': 'true' }, ...children);
}

/** What the shapes, lines and rings mean: each drawn as on the map, and said in words. */
export function renderLegend(): HTMLElement {
  const item = (picture: SVGSVGElement, text: string) => h('li', {}, picture, h('span', {}, text));
  const ring = (className: string) =>
    swatch(
      s('circle', { class: 'shape legend-dot', cx: 14, cy: 10, r: 4 }),
      s('circle', { class: `mark ${className}`, cx: 14, cy: 10, r: 8 }),
    );
  const line = (className: string, width = 2) =>
    swatch(s('line', { class: `edge ${className}`, x1: 2, y1: 10, x2: 26, y2: 10, 'stroke-width': width }));
  return h(
    'ul',
    { class: 'legend', 'aria-label': l10n.t('Legend') },
    item(swatch(s('circle', { class: 'shape legend-dot', cx: 14, cy: 10, r: 6 })), l10n.t('A partner: bigger with more check-ins')),
    item(swatch(s('rect', { class: 'shape legend-team', x: 8, y: 4, width: 12, height: 12, rx: 2 })), l10n.t('A teammate (an author)')),
    item(line('check-in', 3), l10n.t('Check-ins: thicker with more, fainter with time')),
    item(line('met'), l10n.t('Met together in a group check-in')),
    item(line('connection'), l10n.t('A connection (works with, reports to, introduced…)')),
    item(ring('broker'), l10n.t('Broker: the only link to someone')),
    item(ring('held'), l10n.t('Held by one teammate only')),
    item(ring('isolated'), l10n.t('Isolated: no link at all')),
    item(swatch(s('circle', { class: 'cluster silo', cx: 14, cy: 10, r: 8 })), l10n.t('Silo: a department nobody talked to lately')),
  );
}

const KIND_LABELS: Record<MapData['edges'][number]['kind'], () => string> = {
  'check-in': () => l10n.t('check-ins'),
  met: () => l10n.t('met together'),
  connection: () => l10n.t('connection'),
};

/** One formatter for every row: toLocaleDateString with options builds a new one per call (slow for thousands of links). */
let dayFormat: Intl.DateTimeFormat | undefined;

function formatDay(iso: string | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  dayFormat ??= new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
  return Number.isNaN(date.getTime()) ? iso : dayFormat.format(date);
}

/** Every person and every link as tables: the picture's text alternative. */
export function renderTextAlternative(data: MapData, open: OpenPartner): HTMLElement[] {
  const groups = new Map(data.groups.map((g) => [g.key, g]));
  const names = new Map(data.nodes.map((n) => [n.key, n.name]));
  const people = pagedTable(
    l10n.t('People on the map'),
    [l10n.t('Name'), l10n.t('Cluster'), l10n.t('Check-ins'), l10n.t('Description')],
    data.nodes.length,
    (i) => {
      const n = data.nodes[i];
      const group = groups.get(n.group);
      return [n.id ? partnerButton(n.id, n.name, open) : n.name, group ? groupLabel(group) : '', n.weight, nodeDescription(n)];
    },
    'people',
    (total) => l10n.t('Show all {0} people', total),
  );
  // Each kind's label once, not once per link.
  const kindLabels = new Map(Object.entries(KIND_LABELS).map(([kind, label]) => [kind, label()]));
  const links = pagedTable(
    l10n.t('Links on the map'),
    [l10n.t('From'), l10n.t('To'), l10n.t('Link'), l10n.t('Count'), l10n.t('Last')],
    data.edges.length,
    (i) => {
      const e = data.edges[i];
      return [
        names.get(e.from) ?? '',
        names.get(e.to) ?? '',
        e.kind === 'connection' && e.connectionKinds
          ? e.connectionKinds.map((k) => connectionKindLabel(k)).join(', ')
          : (kindLabels.get(e.kind) ?? ''),
        e.count,
        formatDay(e.last),
      ];
    },
    'links',
    (total) => l10n.t('Show all {0} links', total),
  );
  return [
    h('h3', { id: 'people-heading' }, l10n.t('People ({0})', data.nodes.length)),
    people,
    h('h3', { id: 'links-heading' }, l10n.t('Links ({0})', data.edges.length)),
    links,
  ];
}

/** Rows shown before "Show all": a big store has thousands of links, and building them all held the first paint for seconds. */
export const FIRST_ROWS = 200;

/**
 * A table of `count` rows built by `rowAt`: the first FIRST_ROWS at once, the rest when the button under it
 * is pressed (then the focus moves to the first new row's header, so a keyboard user goes on reading there).
 */
function pagedTable(
  caption: string,
  header: string[],
  count: number,
  rowAt: (index: number) => Child[],
  className: string,
  showAll: (total: number) => string,
): HTMLElement {
  const first = Math.min(count, FIRST_ROWS);
  const table = dataTable(
    caption,
    header,
    Array.from({ length: first }, (_, i) => rowAt(i)),
    className,
  );
  if (count <= first) return table;
  const button = h('button', { type: 'button', class: 'link show-all', 'data-testid': `show-all-${className}` }, showAll(count));
  const wrap = h('div', { class: 'paged-table' }, table, button);
  button.addEventListener('click', () => {
    const rest = dataTable(
      caption,
      header,
      Array.from({ length: count - first }, (_, i) => rowAt(first + i)),
      className,
    );
    const rows = [...rest.tBodies[0].rows];
    table.tBodies[0].append(...rows);
    button.remove();
    const firstCell = rows[0]?.querySelector('th');
    if (firstCell) {
      firstCell.tabIndex = -1;
      firstCell.focus();
    }
  });
  return wrap;
}
