// The rating trend: a small hand-made SVG (a line through the rated check-ins over time on a 1–5 axis),
// themed by CSS classes, with a text alternative: a title/description and a visually hidden table.
import * as l10n from '@vscode/l10n';
import type { PageData } from '../protocol';
import { h, s } from '../shared/dom';

const WIDTH = 600;
const HEIGHT = 170;
const PAD = { left: 30, right: 14, top: 12, bottom: 30 };

export function ratingY(rating: number): number {
  return PAD.top + ((5 - rating) / 4) * (HEIGHT - PAD.top - PAD.bottom);
}

export function pointX(x: number): number {
  return PAD.left + x * (WIDTH - PAD.left - PAD.right);
}

export function renderChart(points: PageData['chart']): HTMLElement {
  if (points.length === 0) return h('p', { class: 'empty' }, l10n.t('No rated check-ins yet.'));
  const first = points[0];
  const last = points[points.length - 1];
  const average = points.reduce((sum, p) => sum + p.rating, 0) / points.length;
  const description =
    points.length === 1
      ? l10n.t('One rated check-in: {0} of 5 on {1}.', first.rating, first.dateLabel)
      : l10n.t(
          '{0} rated check-ins from {1} to {2}; latest {3} of 5, average {4}. The table below lists each rating.',
          points.length,
          first.dateLabel,
          last.dateLabel,
          last.rating,
          average.toFixed(1),
        );

  const svg = s(
    'svg',
    {
      class: 'chart',
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      role: 'img',
      'aria-labelledby': 'chart-title chart-desc',
      preserveAspectRatio: 'xMidYMid meet',
    },
    s('title', { id: 'chart-title' }, l10n.t('Rating trend')),
    s('desc', { id: 'chart-desc' }, description),
  );
  for (let rating = 1; rating <= 5; rating++) {
    const y = ratingY(rating);
    svg.append(
      s('line', { class: 'grid', x1: PAD.left, x2: WIDTH - PAD.right, y1: y, y2: y }),
      s('text', { class: 'axis-label', x: PAD.left - 8, y: y + 4, 'text-anchor': 'end' }, rating),
    );
  }
  const coordinates = points.map((p) => `${pointX(p.x).toFixed(1)},${ratingY(p.rating).toFixed(1)}`).join(' ');
  if (points.length > 1) svg.append(s('polyline', { class: 'trend', points: coordinates }));
  for (const p of points) {
    svg.append(
      s(
        'circle',
        { class: 'point', cx: pointX(p.x).toFixed(1), cy: ratingY(p.rating).toFixed(1), r: 4 },
        s('title', {}, l10n.t('{0}: {1} of 5', p.dateLabel, p.rating)),
      ),
    );
  }
  svg.append(
    s(
      'text',
      { class: 'axis-label', x: pointX(first.x), y: HEIGHT - 8, 'text-anchor': points.length === 1 ? 'middle' : 'start' },
      first.dateLabel,
    ),
  );
  if (points.length > 1)
    svg.append(s('text', { class: 'axis-label', x: pointX(last.x), y: HEIGHT - 8, 'text-anchor': 'end' }, last.dateLabel));

  const table = h(
    'table',
    { class: 'visually-hidden' },
    h('caption', {}, l10n.t('Ratings by date, oldest first')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, l10n.t('Date')), h('th', { scope: 'col' }, l10n.t('Rating (1–5)')))),
    h('tbody', {}, ...points.map((p) => h('tr', {}, h('td', {}, p.dateLabel), h('td', {}, p.rating)))),
  );
  return h('figure', { class: 'chart-figure' }, svg, table);
}
