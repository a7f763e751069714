// The influence × interest grid as a picture: a row per influence (high on top), a column per interest
// (low on the left), each person a mark in their cell whose shape and colour say their stance (the word
// is in its title and in the table beside it, so colour is never alone). One tab stop for the picture
// (a roving tabindex): the arrow keys move between people, Enter opens their partner page.
import * as l10n from '@vscode/l10n';
import { levelLabel, stanceLabel, stanceRoleLabel, type StanceValue } from '../../core/vocabulary';
import type { InitiativePageData } from '../initiativeProtocol';
import { s } from '../shared/dom';

type Person = InitiativePageData['people'][number];

const CELL_W = 210;
const CELL_H = 124;
const LEFT = 96;
const TOP = 16;
const BOTTOM = 56;
const ROW_H = 21;
/** People shown in one cell (two columns of five); the rest are "+n more" (the table lists everyone). */
const PER_COLUMN = 5;
const PER_CELL = 2 * PER_COLUMN;

export const GRID_WIDTH = LEFT + 3 * CELL_W + 8;
export const GRID_HEIGHT = TOP + 3 * CELL_H + BOTTOM;

/** What the four corners of a stakeholder grid ask of you. */
const CORNERS: Record<string, () => string> = {
  '0,0': () => l10n.t('Keep satisfied'),
  '0,2': () => l10n.t('Manage closely'),
  '2,0': () => l10n.t('Monitor'),
  '2,2': () => l10n.t('Keep informed'),
};

/** A stance's mark, centred on (x, y): its own shape, so the picture reads without colour too. */
export function stanceMark(stance: StanceValue, x: number, y: number, r = 6): SVGElement {
  const cls = `mark stance-${stance}`;
  switch (stance) {
    case 'champion':
      return s('polygon', { class: cls, points: star(x, y, r + 2) });
    case 'supporter':
      return s('circle', { class: cls, cx: x, cy: y, r });
    case 'neutral':
      return s('circle', { class: `${cls} hollow`, cx: x, cy: y, r: r - 1 });
    case 'skeptic':
      return s('polygon', { class: cls, points: `${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}` });
    case 'blocker':
      return s('rect', { class: cls, x: x - r, y: y - r, width: 2 * r, height: 2 * r });
    case 'unknown':
      return s('circle', { class: `${cls} hollow dashed`, cx: x, cy: y, r: r - 1 });
  }
}

function star(x: number, y: number, r: number): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : r * 0.45;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push(`${(x + radius * Math.cos(angle)).toFixed(1)},${(y + radius * Math.sin(angle)).toFixed(1)}`);
  }
  return points.join(' ');
}

export function personDescription(p: Person): string {
  return l10n.t(
    '{0} ({1}): {2}, influence {3}, interest {4}, {5}',
    p.name,
    p.department,
    stanceLabel(p.stance),
    levelLabel(p.influence),
    levelLabel(p.interest),
    stanceRoleLabel(p.role),
  );
}

const shorten = (name: string, max: number) => (name.length > max ? `${name.slice(0, max - 1)}…` : name);

export interface GridActions {
  open(partnerId: string): void;
}

/** The grid picture, or undefined when nobody is assessed yet. */
export function drawGrid(data: InitiativePageData, actions: GridActions): SVGSVGElement {
  const people = new Map(data.people.map((p) => [p.partnerId, p]));
  const svg = s('svg', {
    class: 'stakeholder-grid',
    viewBox: `0 0 ${GRID_WIDTH} ${GRID_HEIGHT}`,
    width: GRID_WIDTH,
    height: GRID_HEIGHT,
    role: 'group',
    'aria-label': l10n.t(
      'Influence × interest grid of {0}: {1} people. Use the arrow keys to move between people, Enter opens a partner.',
      data.initiative.name,
      data.people.length,
    ),
  });
  const frame = s('g', { class: 'frame', 'aria-hidden': 'true' });
  const levels = ['high', 'medium', 'low'] as const;
  levels.forEach((influence, row) => {
    frame.append(
      s('text', { class: 'axis-value', x: LEFT - 10, y: TOP + row * CELL_H + CELL_H / 2, 'text-anchor': 'end' }, levelLabel(influence)),
    );
  });
  (['low', 'medium', 'high'] as const).forEach((interest, column) => {
    frame.append(
      s(
        'text',
        { class: 'axis-value', x: LEFT + column * CELL_W + CELL_W / 2, y: TOP + 3 * CELL_H + 18, 'text-anchor': 'middle' },
        levelLabel(interest),
      ),
    );
  });
  frame.append(
    s(
      'text',
      { class: 'axis-title', x: 14, y: TOP + 1.5 * CELL_H, transform: `rotate(-90 14 ${TOP + 1.5 * CELL_H})`, 'text-anchor': 'middle' },
      l10n.t('Influence'),
    ),
    s('text', { class: 'axis-title', x: LEFT + 1.5 * CELL_W, y: TOP + 3 * CELL_H + 44, 'text-anchor': 'middle' }, l10n.t('Interest')),
  );
  const layer = s('g', { class: 'people' });
  const order: SVGGElement[] = [];
  data.grid.forEach((cell, index) => {
    const row = Math.floor(index / 3);
    const column = index % 3;
    const x0 = LEFT + column * CELL_W;
    const y0 = TOP + row * CELL_H;
    frame.append(s('rect', { class: `cell${row === 0 && column === 2 ? ' key' : ''}`, x: x0, y: y0, width: CELL_W, height: CELL_H }));
    const corner = CORNERS[`${row},${column}`];
    if (corner) frame.append(s('text', { class: 'corner', x: x0 + CELL_W - 6, y: y0 + CELL_H - 6, 'text-anchor': 'end' }, corner()));
    const twoColumns = cell.people.length > PER_COLUMN;
    const shown = cell.people.slice(0, cell.people.length > PER_CELL ? PER_CELL - 1 : PER_CELL);
    shown.forEach((partnerId, i) => {
      const p = people.get(partnerId);
      if (!p) return;
      const x = x0 + 14 + (twoColumns ? Math.floor(i / PER_COLUMN) * (CELL_W / 2) : 0);
      const y = y0 + 16 + (i % PER_COLUMN) * ROW_H;
      const element = s('g', {
        class: `person stance-${p.stance}`,
        tabindex: -1,
        role: 'button',
        'aria-label': personDescription(p),
        'data-partner': p.partnerId,
      });
      element.append(
        s('title', {}, personDescription(p)),
        s('rect', { class: 'halo', x: x - 10, y: y - 10, width: (twoColumns ? CELL_W / 2 : CELL_W) - 8, height: ROW_H - 1, rx: 3 }),
        stanceMark(p.stance, x, y),
        s('text', { class: 'person-label', x: x + 12, y: y + 4, 'aria-hidden': 'true' }, shorten(p.name, twoColumns ? 11 : 24)),
      );
      element.addEventListener('click', () => {
        element.focus();
        actions.open(p.partnerId);
      });
      element.addEventListener('focus', () => {
        for (const other of order) other.setAttribute('tabindex', '-1');
        element.setAttribute('tabindex', '0');
      });
      order.push(element);
      layer.append(element);
    });
    const more = cell.people.length - shown.length;
    if (more > 0)
      frame.append(
        s('text', { class: 'more', x: x0 + 14 + CELL_W / 2, y: y0 + 16 + (PER_COLUMN - 1) * ROW_H + 4 }, l10n.t('+{0} more', more)),
      );
  });
  svg.append(frame, layer);
  order[0]?.setAttribute('tabindex', '0');
  svg.addEventListener('keydown', (event) => {
    const current = (event.target as Element | null)?.closest?.('g.person');
    const at = current ? order.indexOf(current as SVGGElement) : -1;
    if (at < 0) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      actions.open(current?.getAttribute('data-partner') ?? '');
      return;
    }
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? at + 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? at - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? order.length - 1
              : undefined;
    if (next === undefined || !order[next]) return;
    event.preventDefault();
    order[next]?.focus();
  });
  return svg;
}
