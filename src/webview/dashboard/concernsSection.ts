// The dashboard's Concerns section: the open concerns the team rates up, top first (votes, then the
// departments raising it, then recency: src/core/concerns.ts), each with a +1 button, and the ones closed
// lately with what was done. Text from the store is set as text only (h() never parses HTML).
import * as l10n from '@vscode/l10n';
import type { DashboardData } from '../protocol';
import { h } from '../shared/dom';
import { partnerLink, type SectionActions } from './sections';

export interface ConcernActions extends SectionActions {
  voteConcern(id: string): void;
}

export function renderConcerns(data: DashboardData, actions: ConcernActions): HTMLElement[] {
  const { ranked, more, closed } = data.concerns;
  const result: HTMLElement[] = [];
  if (ranked.length === 0)
    result.push(
      h(
        'p',
        { class: 'empty' },
        l10n.t('No open concerns. Raise one with Alliances: Raise Concern…, or from a theme above; the team +1s it.'),
      ),
    );
  else {
    const rows = ranked.map((c) => {
      const vote = h(
        'button',
        { type: 'button', class: 'vote', 'data-concern': c.concernId, 'aria-label': l10n.t('+1 “{0}”', c.text) },
        '+1',
      );
      vote.addEventListener('click', () => actions.voteConcern(c.concernId));
      return h(
        'tr',
        { 'data-concern': c.concernId, 'data-rank': String(c.rank) },
        h('td', { class: 'rank' }, String(c.rank)),
        h('th', { scope: 'row' }, c.text, c.theme ? h('span', { class: 'muted' }, ` (${l10n.t('theme “{0}”', c.theme)})`) : null),
        h('td', { class: 'votes' }, String(c.votes)),
        h('td', {}, c.departments.join(', ') || '—'),
        h(
          'td',
          {},
          ...(c.raisedBy.length === 0
            ? ['—']
            : c.raisedBy.flatMap((p, i) => [i > 0 ? ', ' : null, partnerLink(p.partnerId, p.name, actions)])),
        ),
        h('td', {}, vote),
      );
    });
    result.push(
      h(
        'table',
        { class: 'data concerns' },
        h('caption', { class: 'visually-hidden' }, l10n.t('Open concerns, the most voted first')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...[l10n.t('Rank'), l10n.t('Concern'), l10n.t('Votes'), l10n.t('Departments'), l10n.t('Raised by'), l10n.t('Vote')].map(
              (label) => h('th', { scope: 'col' }, label),
            ),
          ),
        ),
        h('tbody', {}, ...rows),
      ),
    );
    if (more > 0) result.push(h('p', { class: 'muted' }, l10n.t('{0} more in the Concerns view.', more)));
  }
  if (closed.length > 0)
    result.push(
      h('h3', {}, l10n.t('Closed lately')),
      h(
        'ul',
        { class: 'closed-concerns' },
        ...closed.map((c) =>
          h(
            'li',
            { 'data-concern': c.concernId },
            h('span', { class: 'muted' }, `${c.closedAt} · `),
            c.text,
            c.resolution ? h('span', { class: 'muted' }, ` — ${c.resolution}`) : null,
          ),
        ),
      ),
    );
  return result;
}
