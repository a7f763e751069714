// The dashboard page (browser side): the filter bar, seven sections and the export button. It asks the host
// for figures and draws them; it computes nothing but the leads search.
import '../shared/l10nSetup';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import * as l10n from '@vscode/l10n';
import { searchLeadAreas } from '../../core/stats/leads';
import type { DashboardData, DashboardFilterInput } from '../protocol';
import { h } from '../shared/dom';
import { pageState, parseHostMessage, request, send, settle, updateState } from './host';
import {
  count,
  formatDate,
  renderCoverage,
  renderHealth,
  renderLeads,
  renderReciprocity,
  renderTeam,
  renderThemeCheckIns,
  renderThemes,
} from './sections';
import { renderAlliances } from './alliancesSection';
import { renderConcerns, type ConcernActions } from './concernsSection';
import { statusLine } from '../shared/statusLine';
import { filterBar } from '../shared/filterBar';
import { renderConnectivity } from '../shared/connectivity';

const app = document.getElementById('app') ?? document.body.appendChild(h('main', { id: 'app' }));
let data: DashboardData | undefined;
let selectedTerm: string | undefined;

const { element: status, show: showStatus } = statusLine();

function section(id: string, title: string, intro: string): { element: HTMLElement; body: HTMLElement } {
  const body = h('div', { class: 'section-body' });
  const element = h(
    'section',
    { id, class: 'card', 'aria-labelledby': `${id}-heading` },
    h('h2', { id: `${id}-heading` }, title),
    h('p', { class: 'intro' }, intro),
    body,
  );
  return { element, body };
}

// ---- filters ------------------------------------------------------------------------------------

function applyFilter(filter: DashboardFilterInput): void {
  updateState({ filter });
  showStatus(l10n.t('Updating…'));
  send({ type: 'setFilter', filter });
}
const filters = filterBar(applyFilter);
const exportButton = h('vscode-button', { id: 'export-report', secondary: true }, l10n.t('Export report…'));
const mapButton = h('vscode-button', { id: 'open-map', secondary: true }, l10n.t('Ecosystem map'));

// ---- skeleton -----------------------------------------------------------------------------------

const summary = h('p', { class: 'summary', id: 'summary' });
const coverage = section(
  'coverage',
  l10n.t('Coverage and silos'),
  l10n.t('Per department: how long since anyone here talked to one of its partners, and how many partners are on cadence.'),
);
const health = section(
  'health',
  l10n.t('Relationship health'),
  l10n.t('Ratings over time; relationships whose ratings fall or whose cadence was missed twice in a row come first.'),
);
const themes = section(
  'themes',
  l10n.t('Themes'),
  l10n.t('The words of check-in summaries and notes in the range (private check-ins left out). Pick a term to see its check-ins.'),
);
const themeResults = h('div', { id: 'theme-results', 'aria-live': 'polite' });
themes.element.append(themeResults);
const reciprocity = section(
  'reciprocity',
  l10n.t('Reciprocity'),
  l10n.t('Help given against help received in help-me conversations, and the asks still open on either side.'),
);
const leadsSearch = h('input', {
  id: 'leads-search',
  type: 'search',
  class: 'control',
  placeholder: l10n.t('Search areas or people'),
  'aria-controls': 'leads-list',
});
leadsSearch.value = pageState().leadsQuery ?? '';
const leadsList = h('div', { id: 'leads-list' });
const leads = section('leads', l10n.t('Who leads what'), l10n.t('Every partner leads something: whom to follow on what.'));
leads.body.append(h('div', { class: 'field' }, h('label', { for: 'leads-search' }, l10n.t('Search')), leadsSearch), leadsList);
const alliances = section(
  'alliances',
  l10n.t('Alliances'),
  l10n.t(
    'Per active initiative, as of now: support against resistance, weighted by influence (high 3, medium 2, low 1), and the high-influence people to win over next.',
  ),
);
const concerns = section(
  'concerns',
  l10n.t('Concerns'),
  l10n.t(
    'What the team rates up, as of now: the most votes first (one per person), then the most departments raising it, then the most recent. Private concerns are left out.',
  ),
);
const team = section(
  'team',
  l10n.t('The team'),
  l10n.t('Who holds which relationships, from the authors of the check-ins (their git identity).'),
);

const connectivity = section(
  'connectivity',
  l10n.t('Connectivity'),
  l10n.t('Who nobody is linked to, who is the only link to others, and which departments the team reaches through one person.'),
);

const actions: ConcernActions = {
  openPartner: (id) =>
    request({ type: 'openPartner', id }, (reply) => reply.type === 'result' && !reply.ok && showStatus(reply.message, true)),
  showTheme: (term) => {
    selectedTerm = term;
    for (const button of themes.body.querySelectorAll<HTMLElement>('.term'))
      button.setAttribute('aria-pressed', String(button.dataset.term === term));
    request({ type: 'themeCheckIns', term }, (reply) => {
      if (reply.type !== 'themeCheckIns' || reply.term !== selectedTerm) return;
      const raise = h('vscode-button', { id: 'raise-concern', secondary: true }, l10n.t('Raise as concern…'));
      raise.addEventListener('click', () =>
        request({ type: 'raiseConcern', term }, (answer) => answer.type === 'result' && showStatus(answer.message, !answer.ok)),
      );
      themeResults.replaceChildren(...renderThemeCheckIns(reply.label, reply.checkIns, actions), h('p', {}, raise));
      document.getElementById('theme-results-heading')?.focus();
    });
  },
  voteConcern: (id) =>
    request({ type: 'voteConcern', id }, (reply) => reply.type === 'result' && !reply.ok && showStatus(reply.message, true)),
};

mapButton.addEventListener('click', () => send({ type: 'openMap', filter: filters.read() }));
exportButton.addEventListener('click', () => {
  showStatus(l10n.t('Exporting…'));
  request({ type: 'exportReport' }, (reply) => reply.type === 'result' && showStatus(reply.message, !reply.ok));
});

function renderLeadsList(): void {
  if (!data) return;
  leadsList.replaceChildren(...renderLeads(searchLeadAreas(data.leads, leadsSearch.value), data.leads.length, actions));
}
leadsSearch.addEventListener('input', () => {
  updateState({ leadsQuery: leadsSearch.value });
  renderLeadsList();
});

app.replaceChildren(
  h(
    'header',
    { class: 'page-header' },
    h('div', {}, h('h1', {}, l10n.t('Alliances Dashboard')), summary),
    h('div', { class: 'header-actions' }, mapButton, exportButton),
  ),
  filters.element,
  status,
  h(
    'div',
    { class: 'grid' },
    coverage.element,
    health.element,
    themes.element,
    reciprocity.element,
    leads.element,
    alliances.element,
    concerns.element,
    team.element,
    connectivity.element,
  ),
);

function render(d: DashboardData): void {
  data = d;
  app.setAttribute('aria-busy', 'false');
  const t = d.totals;
  summary.textContent = l10n.t(
    '{0} in {1} · {2} in the range · as of {3}',
    count.partners(t.partners),
    count.departments(t.departments),
    count.checkIns(t.checkIns),
    formatDate(`${d.asOf}T12:00:00`),
  );
  filters.show(d);
  coverage.body.replaceChildren(...renderCoverage(d));
  health.body.replaceChildren(...renderHealth(d, actions));
  themes.body.replaceChildren(...renderThemes(d, actions, selectedTerm));
  if (selectedTerm && !d.themes.some((theme) => theme.term === selectedTerm)) {
    selectedTerm = undefined;
    themeResults.replaceChildren();
  }
  reciprocity.body.replaceChildren(...renderReciprocity(d, actions));
  renderLeadsList();
  alliances.body.replaceChildren(...renderAlliances(d, actions));
  concerns.body.replaceChildren(...renderConcerns(d, actions));
  team.body.replaceChildren(...renderTeam(d, actions));
  connectivity.body.replaceChildren(...renderConnectivity(d.connectivity, (id) => actions.openPartner(id)));
  showStatus('');
  // After the next frame is painted: the host times "open → figures on screen".
  requestAnimationFrame(() => setTimeout(() => send({ type: 'rendered' }), 0));
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseHostMessage(event.data);
  if (!message) {
    // Not from our host, or not in the protocol: draw nothing from it.
    showStatus(l10n.t('Alliances could not read an update; the figures shown are the last good ones.'), true);
    return;
  }
  if (message.type === 'data') render(message.data);
  else settle(message);
});

send({ type: 'ready', filter: pageState().filter });
