// Small hand-made SVG: a bar for a share and a sparkline for monthly ratings. Themed by CSS classes, each
// with a text alternative (role="img" and a label) — the numbers are also in the tables next to them.
import * as l10n from '@vscode/l10n';
import type { DashboardData } from '../protocol';
import { s } from '../shared/dom';

type Trend = DashboardData['health']['departments'][number];

/** A horizontal bar showing a share from 0 to 1. */
export function shareBar(share: number, label: string): SVGSVGElement {
  const width = 100;
  const filled = Math.max(0, Math.min(1, share)) * width;
  return s(
    'svg',
    { class: 'share-bar', viewBox: `0 0 ${width} 8`, width: 100, height: 8, role: 'img', 'aria-label': label, preserveAspectRatio: 'none' },
    s('rect', { class: 'share-track', x: 0, y: 0, width, height: 8, rx: 2 }),
    s('rect', {
      class: share >= 0.75 ? 'share-fill good' : share >= 0.5 ? 'share-fill fair' : 'share-fill poor',
      x: 0,
      y: 0,
      width: filled.toFixed(1),
      height: 8,
      rx: 2,
    }),
  );
}

/** Monthly average ratings on a 1–5 scale; one dot when there is a single month. */
export function sparkline(trend: Trend): SVGSVGElement {
  const width = 160;
  const height = 36;
  const pad = 4;
  const months = trend.months;
  const x = (i: number) => (months.length === 1 ? width / 2 : pad + (i / (months.length - 1)) * (width - 2 * pad));
  const y = (rating: number) => pad + ((5 - rating) / 4) * (height - 2 * pad);
  const first = months[0];
  const last = months[months.length - 1];
  const label =
    months.length === 0
      ? l10n.t('No ratings')
      : l10n.t('Average rating by month, {0} {1} to {2} {3}', first.month, first.average, last.month, last.average);
  const svg = s('svg', { class: 'sparkline', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': label });
  svg.append(s('line', { class: 'spark-mid', x1: 0, x2: width, y1: y(3), y2: y(3) }));
  if (months.length > 1)
    svg.append(
      s('polyline', { class: 'spark-line', points: months.map((m, i) => `${x(i).toFixed(1)},${y(m.average).toFixed(1)}`).join(' ') }),
    );
  months.forEach((m, i) =>
    svg.append(
      s(
        'circle',
        { class: 'spark-dot', cx: x(i).toFixed(1), cy: y(m.average).toFixed(1), r: 2.5 },
        s('title', {}, `${m.month}: ${m.average} (${m.count})`),
      ),
    ),
  );
  return svg;
}
