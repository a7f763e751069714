// The initiative page's sections beside the picture, as text: the legend, everyone as a table (the
// grid's text alternative), who to win over next with its "Add talking point" buttons, the roles and
// each person's stance history. DOM APIs only: every name and note stays text.
import * as l10n from '@vscode/l10n';
import { levelLabel, STANCES, stanceLabel, stanceRoleLabel } from '../../core/vocabulary';
import type { InitiativePageData } from '../initiativeProtocol';
import { dataTable, partnerButton, type OpenPartner } from '../shared/connectivity';
import { h, s } from '../shared/dom';
import { stanceMark } from './grid';

const empty = (text: string) => h('p', { class: 'empty' }, text);

/** "Oct 3": a stance's day, in the page's language. */
export function shortDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

/** What each mark means: drawn as on the grid, and said in words. */
export function renderLegend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend', 'aria-label': l10n.t('Legend') },
    ...STANCES.map((stance) =>
      h(
        'li',
        {},
        s('svg', { class: 'swatch', viewBox: '0 0 20 20', width: 20, height: 20, 'aria-hidden': 'true' }, stanceMark(stance, 10, 10)),
        h('span', {}, stanceLabel(stance)),
      ),
    ),
  );
}

/** Everyone on the initiative as a table: the grid's text alternative. */
export function renderPeopleTable(data: InitiativePageData, open: OpenPartner): HTMLElement {
  if (data.people.length === 0) return empty(l10n.t('Nobody is assessed on this initiative yet: use Assess Stakeholder… to add people.'));
  return dataTable(
    l10n.t('Everyone on the initiative: stance, influence, interest and role'),
    [
      l10n.t('Name'),
      l10n.t('Department'),
      l10n.t('Stance'),
      l10n.t('Influence'),
      l10n.t('Interest'),
      l10n.t('Role'),
      l10n.t('Cares about'),
      l10n.t('Can offer'),
      l10n.t('Note'),
    ],
    data.people.map((p) => [
      partnerButton(p.partnerId, p.name, open),
      p.department,
      stanceLabel(p.stance),
      levelLabel(p.influence),
      levelLabel(p.interest),
      stanceRoleLabel(p.role),
      p.cares ?? '',
      p.offers ?? '',
      p.note ?? '',
    ]),
    'people',
  );
}

export interface WinOverActions {
  open: OpenPartner;
  addTalkingPoint(partnerId: string, button: HTMLButtonElement): void;
}

/** High-influence people not yet supporting, never or least recently talked to about it first. */
export function renderWinOver(data: InitiativePageData, actions: WinOverActions): HTMLElement {
  if (data.winOver.length === 0)
    return empty(l10n.t('Nobody to win over: every high-influence person supports it, or nobody with high influence is assessed yet.'));
  return h(
    'ol',
    { class: 'win-over' },
    ...data.winOver.map((w) => {
      const add = h(
        'button',
        {
          type: 'button',
          class: 'secondary add-point',
          'data-partner': w.partnerId,
          'aria-label': l10n.t('Add a talking point for {0}', w.name),
        },
        l10n.t('Add talking point'),
      );
      add.addEventListener('click', () => actions.addTalkingPoint(w.partnerId, add));
      return h(
        'li',
        {},
        partnerButton(w.partnerId, w.name, actions.open),
        h('span', { class: 'muted' }, ` — ${w.department} · ${stanceLabel(w.stance)} · `),
        h(
          'span',
          { class: 'muted' },
          w.lastTalked ? l10n.t('last talked about it {0}', shortDay(w.lastTalked)) : l10n.t('never talked about it'),
        ),
        ' ',
        add,
      );
    }),
  );
}

/** Every role and who holds it: "nobody" says so. */
export function renderRoles(data: InitiativePageData): HTMLElement {
  return h(
    'dl',
    { class: 'roles' },
    ...data.roles.flatMap((r) => [
      h('dt', {}, stanceRoleLabel(r.role)),
      h(
        'dd',
        { class: r.people.length === 0 ? 'muted' : undefined, 'data-role': r.role },
        r.people.length > 0 ? r.people.join(', ') : l10n.t('nobody'),
      ),
    ]),
  );
}

/** "Marcus: skeptic (Oct 3) → neutral (Nov 12)", one line per person. */
export function renderHistory(data: InitiativePageData): HTMLElement {
  if (data.history.length === 0) return empty(l10n.t('No assessments yet.'));
  return h(
    'ul',
    { class: 'history' },
    ...data.history.map((p) =>
      h(
        'li',
        { 'data-partner': p.partnerId },
        h('strong', {}, p.name),
        `: ${p.entries.map((e) => `${stanceLabel(e.stance)} (${shortDay(e.date)})`).join(' → ')}`,
      ),
    ),
  );
}
