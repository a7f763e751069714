// The dashboard page (browser side): the filter bar, seven sections and the export button. It asks the host
// for figures and draws them; it computes nothing but the leads search.
import '../shared/l10nSetup';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import * as l10n from '@vscode/l10n';
import { calendarDate } from '../../core/dates';
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
  type SectionActions,
} from './sections';
import { renderAlliances } from './alliancesSection';
import { statusLine } from '../shared/statusLine';

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

const RANGES: { value: string; label: string; days?: number }[] = [
  { value: '30', label: l10n.t('Last 30 days'), days: 30 },
  { value: '90', label: l10n.t('Last 90 days'), days: 90 },
  { value: '180', label: l10n.t('Last 6 months'), days: 180 },
  { value: '365', label: l10n.t('Last 12 months'), days: 365 },
  { value: 'all', label: l10n.t('All time') },
  { value: 'custom', label: l10n.t('Custom…') },
];

function select(id: string, label: string): { wrap: HTMLElement; control: HTMLSelectElement } {
  const control = h('select', { id, class: 'control' });
  return { wrap: h('div', { class: 'field' }, h('label', { for: id }, label), control), control };
}
function dateInput(id: string, label: string): { wrap: HTMLElement; control: HTMLInputElement } {
  const control = h('input', { id, type: 'date', class: 'control' });
  return { wrap: h('div', { class: 'field' }, h('label', { for: id }, label), control), control };
}

const range = select('filter-range', l10n.t('Date range'));
for (const r of RANGES) range.control.append(h('option', { value: r.value }, r.label));
const from = dateInput('filter-from', l10n.t('From'));
const to = dateInput('filter-to', l10n.t('To'));
const department = select('filter-department', l10n.t('Department'));
const author = select('filter-author', l10n.t('Author'));
const exportButton = h('vscode-button', { id: 'export-report', secondary: true }, l10n.t('Export report…'));
const filterBar = h(
  'div',
  { class: 'filters', 'aria-label': l10n.t('Filters'), role: 'search' },
  range.wrap,
  from.wrap,
  to.wrap,
  department.wrap,
  author.wrap,
);

/** The range choice that matches a filter, for showing a restored or host-given filter. */
function rangeOf(filter: DashboardFilterInput, today: string): string {
  if (!filter.from && !filter.to) return 'all';
  for (const r of RANGES) {
    if (!r.days || (filter.to && filter.to !== today)) continue;
    const start = new Date(`${today}T12:00:00`);
    start.setDate(start.getDate() - r.days + 1);
    if (filter.from === calendarDate(start)) return r.value;
  }
  return 'custom';
}

function readFilter(): DashboardFilterInput {
  const filter: DashboardFilterInput = {};
  const choice = RANGES.find((r) => r.value === range.control.value);
  if (choice?.days) {
    const start = new Date(`${data?.asOf ?? calendarDate(new Date())}T12:00:00`);
    start.setDate(start.getDate() - choice.days + 1);
    filter.from = calendarDate(start);
  } else if (choice?.value === 'custom') {
    if (from.control.value) filter.from = from.control.value;
    if (to.control.value) filter.to = to.control.value;
  }
  if (department.control.value) filter.department = department.control.value;
  if (author.control.value) filter.author = author.control.value;
  return filter;
}

function applyFilter(): void {
  const filter = readFilter();
  const custom = range.control.value === 'custom';
  from.wrap.hidden = !custom;
  to.wrap.hidden = !custom;
  updateState({ filter });
  showStatus(l10n.t('Updating…'));
  send({ type: 'setFilter', filter });
}
for (const control of [range.control, from.control, to.control, department.control, author.control])
  control.addEventListener('change', applyFilter);

function fillOptions(
  control: HTMLSelectElement,
  allLabel: string,
  options: { value: string; label: string }[],
  value: string | undefined,
): void {
  control.replaceChildren(h('option', { value: '' }, allLabel), ...options.map((o) => h('option', { value: o.value }, o.label)));
  control.value = value && options.some((o) => o.value === value) ? value : '';
}

function showFilter(d: DashboardData): void {
  fillOptions(
    department.control,
    l10n.t('All departments'),
    d.options.departments.map((name) => ({ value: name, label: name })),
    d.filter.department,
  );
  fillOptions(
    author.control,
    l10n.t('All authors'),
    d.options.authors.map((a) => ({ value: a.key, label: a.name })),
    d.filter.author,
  );
  if (document.activeElement !== range.control)
    range.control.value = range.control.value === 'custom' ? 'custom' : rangeOf(d.filter, d.asOf);
  from.control.value = d.filter.from ?? '';
  to.control.value = d.filter.to ?? '';
  from.wrap.hidden = to.wrap.hidden = range.control.value !== 'custom';
}

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
const team = section(
  'team',
  l10n.t('The team'),
  l10n.t('Who holds which relationships, from the authors of the check-ins (their git identity).'),
);

const actions: SectionActions = {
  openPartner: (id) =>
    request({ type: 'openPartner', id }, (reply) => reply.type === 'result' && !reply.ok && showStatus(reply.message, true)),
  showTheme: (term) => {
    selectedTerm = term;
    for (const button of themes.body.querySelectorAll<HTMLElement>('.term'))
      button.setAttribute('aria-pressed', String(button.dataset.term === term));
    request({ type: 'themeCheckIns', term }, (reply) => {
      if (reply.type !== 'themeCheckIns' || reply.term !== selectedTerm) return;
      themeResults.replaceChildren(...renderThemeCheckIns(reply.label, reply.checkIns, actions));
      document.getElementById('theme-results-heading')?.focus();
    });
  },
};

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
    h('div', { class: 'header-actions' }, exportButton),
  ),
  filterBar,
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
    team.element,
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
  showFilter(d);
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
  team.body.replaceChildren(...renderTeam(d, actions));
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
