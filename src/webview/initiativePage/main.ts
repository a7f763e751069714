// The initiative page (browser side): name, goal, status, due date and code areas; the influence ×
// interest grid with its legend and its text alternative; who to win over next, each one click from a
// talking point; the roles; each person's stance history. It computes nothing: the host sends the
// figures (src/core/initiativePage.ts).
import '../shared/l10nSetup';
import * as l10n from '@vscode/l10n';
import { initiativeStatusLabel } from '../../core/vocabulary';
import type { InitiativePageData } from '../initiativeProtocol';
import { h } from '../shared/dom';
import { statusLine } from '../shared/statusLine';
import { drawGrid } from './grid';
import { parseHostMessage, request, send, settle, updateState } from './host';
import { renderHistory, renderLegend, renderPeopleTable, renderRoles, renderWinOver } from './sections';

const app = document.getElementById('app') ?? document.body.appendChild(h('main', { id: 'app' }));
const { element: status, show: showStatus } = statusLine();

const title = h('h1', { id: 'initiative-name' });
const facts = h('p', { class: 'summary', id: 'facts' });
const goal = h('p', { class: 'goal', id: 'goal' });
const areas = h('p', { class: 'areas', id: 'areas' });
const balance = h('p', { class: 'balance', id: 'balance' });
const picture = h('div', { class: 'picture', id: 'picture' });
const table = h('div', { class: 'alternative-body' });
const winOver = h('div', { class: 'win-over-body' });
const roles = h('div', { class: 'roles-body' });
const history = h('div', { class: 'history-body' });

const card = (id: string, heading: string, ...children: (HTMLElement | string)[]) =>
  h('section', { class: 'card', id, 'aria-labelledby': `${id}-heading` }, h('h2', { id: `${id}-heading` }, heading), ...children);

app.replaceChildren(
  h('header', { class: 'page-header' }, h('div', {}, title, facts)),
  goal,
  areas,
  status,
  balance,
  h(
    'div',
    { class: 'initiative-layout' },
    card(
      'grid',
      l10n.t('Influence × interest'),
      h(
        'p',
        { class: 'intro' },
        l10n.t('Each person where their latest assessment puts them; Tab into the grid, move with the arrow keys, Enter opens a partner.'),
      ),
      picture,
      renderLegend(),
    ),
    card(
      'win-over',
      l10n.t('Who to win over next'),
      h('p', { class: 'intro' }, l10n.t('High-influence people not yet supporting it, never or least recently talked to about it first.')),
      winOver,
    ),
  ),
  h('div', { class: 'initiative-layout' }, card('roles', l10n.t('Roles'), roles), card('history', l10n.t('Stance history'), history)),
  card(
    'people',
    l10n.t('Everyone on it'),
    h('p', { class: 'intro' }, l10n.t('The grid as a table: the same people, with what they care about and can offer.')),
    table,
  ),
);

const openPartner = (id: string) =>
  request({ type: 'openPartner', id }, (reply) => reply.type === 'result' && !reply.ok && showStatus(reply.message, true));

function addTalkingPoint(partnerId: string, button: HTMLButtonElement): void {
  button.disabled = true;
  request({ type: 'addTalkingPoint', partnerId }, (reply) => {
    button.disabled = false;
    if (reply.type === 'result') showStatus(reply.message, !reply.ok);
  });
}

function formatDue(day: string): string {
  const date = new Date(`${day}T12:00:00`);
  return Number.isNaN(date.getTime()) ? day : date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

function render(d: InitiativePageData): void {
  app.setAttribute('aria-busy', 'false');
  updateState({ initiativeId: d.initiative.id });
  // Store text goes through h(): its invisible and bidi characters are shown (shared/dom.ts).
  title.replaceChildren(h('span', {}, d.initiative.name));
  facts.replaceChildren(
    h(
      'span',
      {},
      [
        initiativeStatusLabel(d.initiative.status),
        d.initiative.due ? l10n.t('due {0}', formatDue(d.initiative.due)) : l10n.t('no due date'),
        d.folder,
      ]
        .filter(Boolean)
        .join(' · '),
    ),
  );
  goal.replaceChildren(
    d.initiative.goal ? h('span', {}, d.initiative.goal) : h('span', { class: 'muted' }, l10n.t('No goal written down yet.')),
  );
  areas.replaceChildren(
    ...(d.initiative.codeAreas.length === 0
      ? [h('span', { class: 'muted' }, l10n.t('No code areas.'))]
      : [l10n.t('Code areas:'), ' ', ...d.initiative.codeAreas.flatMap((a, i) => (i > 0 ? [', ', h('code', {}, a)] : [h('code', {}, a)]))]),
  );
  balance.replaceChildren(
    h(
      'span',
      {},
      l10n.t(
        'Support {0} · resistance {1} (weighted by influence) · undecided {2}',
        d.balance.support,
        d.balance.resistance,
        d.balance.undecided,
      ),
    ),
    ...(d.balance.outsideChampions === 0 ? [h('span', { class: 'warning' }, ` · ${l10n.t('no champion outside engineering')}`)] : []),
  );
  picture.replaceChildren(
    d.people.length > 0
      ? drawGrid(d, { open: openPartner })
      : h('p', { class: 'empty' }, l10n.t('Nobody is assessed on this initiative yet.')),
  );
  table.replaceChildren(renderPeopleTable(d, openPartner));
  winOver.replaceChildren(renderWinOver(d, { open: openPartner, addTalkingPoint }));
  roles.replaceChildren(renderRoles(d));
  history.replaceChildren(renderHistory(d));
  requestAnimationFrame(() => setTimeout(() => send({ type: 'rendered' }), 0));
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseHostMessage(event.data);
  if (!message) {
    showStatus(l10n.t('Alliances could not read an update; the page shown is the last good one.'), true);
    return;
  }
  if (message.type === 'data') render(message.data);
  else if (message.type === 'gone') {
    app.setAttribute('aria-busy', 'false');
    app.replaceChildren(h('h1', { id: 'initiative-name' }, l10n.t('Initiative not found')), h('p', { class: 'empty' }, message.message));
  } else settle(message);
});

send({ type: 'ready' });
