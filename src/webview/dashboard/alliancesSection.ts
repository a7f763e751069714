// The dashboard's Alliances section: per active initiative, support against resistance weighted by
// influence, who to win over next, and the initiatives no one outside engineering champions.
import * as l10n from '@vscode/l10n';
import { stanceLabel } from '../../core/vocabulary';
import type { DashboardData } from '../protocol';
import { h } from '../shared/dom';
import { partnerLink, type SectionActions } from './sections';

export function renderAlliances(data: DashboardData, actions: SectionActions): HTMLElement[] {
  const { initiatives, noOutsideChampion } = data.alliances;
  if (initiatives.length === 0)
    return [
      h(
        'p',
        { class: 'empty' },
        l10n.t('No active initiatives. Add one with Alliances: Add Initiative…, then assess who is on your side.'),
      ),
    ];
  const rows = initiatives.map((i) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, i.name),
      h('td', {}, String(i.support)),
      h('td', {}, String(i.resistance)),
      h('td', {}, String(i.undecided)),
      h(
        'td',
        {},
        ...(i.winOver.length === 0
          ? [l10n.t('nobody')]
          : i.winOver.flatMap((w, index) => [
              index > 0 ? ', ' : null,
              partnerLink(w.partnerId, w.name, actions),
              h('span', { class: 'muted' }, ` (${stanceLabel(w.stance)})`),
            ])),
      ),
    ),
  );
  return [
    noOutsideChampion.length > 0
      ? h(
          'p',
          { class: 'callout', 'data-testid': 'no-outside-champion' },
          l10n.t('No champion outside engineering: {0}.', noOutsideChampion.join(', ')),
        )
      : h('p', { class: 'callout' }, l10n.t('Every active initiative has a champion outside engineering.')),
    h(
      'table',
      { class: 'data alliances' },
      h('caption', { class: 'visually-hidden' }, l10n.t('Support against resistance per active initiative, weighted by influence')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...[l10n.t('Initiative'), l10n.t('Support'), l10n.t('Resistance'), l10n.t('Undecided'), l10n.t('Win over next')].map((label) =>
            h('th', { scope: 'col' }, label),
          ),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
  ];
}
