// The ecosystem map page (browser side): the filter bar with the colour toggle, the picture with its
// legend, what stands out listed beside it, and the text alternative. It computes nothing: the host
// sends the graph laid out (src/core/ecosystem).
import '../shared/l10nSetup';
import * as l10n from '@vscode/l10n';
import type { DashboardFilterInput } from '../protocol';
import type { MapData } from '../mapProtocol';
import { h } from '../shared/dom';
import { filterBar, labelledSelect } from '../shared/filterBar';
import { statusLine } from '../shared/statusLine';
import { pageState, parseHostMessage, request, send, settle, updateState } from './host';
import { renderFigures, renderLegend, renderTextAlternative } from './lists';
import { drawPicture, type MapNodeData } from './picture';

const app = document.getElementById('app') ?? document.body.appendChild(h('main', { id: 'app' }));
const { element: status, show: showStatus } = statusLine();

const colourBy = labelledSelect('colour-by', l10n.t('Colour and cluster by'));
colourBy.control.append(
  h('option', { value: 'department' }, l10n.t('Department')),
  h('option', { value: 'organisation' }, l10n.t('Organisation')),
);
colourBy.control.value = pageState().groupBy ?? 'department';
const groupBy = () => (colourBy.control.value === 'organisation' ? 'organisation' : 'department');

function applyFilter(filter: DashboardFilterInput): void {
  updateState({ filter, groupBy: groupBy() });
  showStatus(l10n.t('Updating…'));
  send({ type: 'setFilter', filter, groupBy: groupBy() });
}
const filters = filterBar(applyFilter, [colourBy.wrap]);
colourBy.control.addEventListener('change', () => applyFilter(filters.read()));

const openPartner = (id: string) =>
  request({ type: 'openPartner', id }, (reply) => reply.type === 'result' && !reply.ok && showStatus(reply.message, true));

const summary = h('p', { class: 'summary', id: 'summary' });
const picture = h('div', { class: 'picture', id: 'picture' });
const figures = h('div', { class: 'figures-body' });
const alternative = h('div', { class: 'alternative-body' });

app.replaceChildren(
  h('header', { class: 'page-header' }, h('div', {}, h('h1', {}, l10n.t('Ecosystem Map')), summary)),
  filters.element,
  status,
  h(
    'div',
    { class: 'map-layout' },
    h(
      'section',
      { class: 'card picture-card', 'aria-labelledby': 'picture-heading' },
      h('h2', { id: 'picture-heading' }, l10n.t('The web')),
      h(
        'p',
        { class: 'intro' },
        l10n.t('Partners and teammates, clustered; Tab into the picture, move with the arrow keys, Enter opens a partner.'),
      ),
      picture,
      renderLegend(),
    ),
    h(
      'section',
      { class: 'card figures', id: 'figures', 'aria-labelledby': 'figures-heading' },
      h('h2', { id: 'figures-heading' }, l10n.t('What stands out')),
      figures,
    ),
  ),
  h(
    'section',
    { class: 'card alternative', id: 'alternative', 'aria-labelledby': 'alternative-heading' },
    h('h2', { id: 'alternative-heading' }, l10n.t('Everyone and every link')),
    h('p', { class: 'intro' }, l10n.t('The map as tables: the same people and links as the picture.')),
    alternative,
  ),
);

const actions = {
  open: (node: MapNodeData) => {
    if (node.id) openPartner(node.id);
    else showStatus(l10n.t('{0} is a teammate: their partners are the people linked to them.', node.name));
  },
  focused: (key: string) => updateState({ focused: key }),
};

function render(d: MapData): void {
  app.setAttribute('aria-busy', 'false');
  summary.textContent = l10n.t(
    '{0} partners · {1} teammates · {2} links · {3} check-ins in the range · as of {4}',
    d.totals.partners,
    d.totals.authors,
    d.totals.edges,
    d.totals.checkIns,
    new Date(`${d.asOf}T12:00:00`).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' }),
  );
  filters.show(d);
  colourBy.control.value = d.groupBy;
  const hadFocus = picture.contains(document.activeElement);
  const drawn = drawPicture(d, actions, pageState().focused);
  picture.replaceChildren(d.nodes.length > 0 ? drawn.svg : h('p', { class: 'empty' }, l10n.t('No partners match the filter.')));
  if (hadFocus) drawn.focus(pageState().focused);
  figures.replaceChildren(...renderFigures(d, openPartner));
  alternative.replaceChildren(...renderTextAlternative(d, openPartner));
  showStatus('');
  requestAnimationFrame(() => setTimeout(() => send({ type: 'rendered' }), 0));
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseHostMessage(event.data);
  if (!message) {
    showStatus(l10n.t('Alliances could not read an update; the map shown is the last good one.'), true);
    return;
  }
  if (message.type === 'data') render(message.data);
  else settle(message);
});

send({ type: 'ready', filter: pageState().filter, groupBy: pageState().groupBy });
