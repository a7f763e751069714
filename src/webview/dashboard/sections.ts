// The dashboard's sections, each drawn from the host's figures with DOM APIs only (text stays text).
import * as l10n from '@vscode/l10n';
import type { DashboardData } from '../protocol';
import { h, srOnly } from '../shared/dom';
import { shareBar, sparkline } from './charts';
import { dataTable } from '../shared/connectivity';

export interface SectionActions {
  openPartner(id: string): void;
  showTheme(term: string): void;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
/** Counts with their noun, singular or plural, in the display language. */
export const count = {
  checkIns: (n: number): string => (n === 1 ? l10n.t('1 check-in') : l10n.t('{0} check-ins', n)),
  days: (n: number): string => (n === 1 ? l10n.t('1 day') : l10n.t('{0} days', n)),
  partners: (n: number): string => (n === 1 ? l10n.t('1 partner') : l10n.t('{0} partners', n)),
  departments: (n: number): string => (n === 1 ? l10n.t('1 department') : l10n.t('{0} departments', n)),
};

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** A button that opens a partner's page: a real button, so it is in the tab order and works with Enter. */
export function partnerLink(id: string, name: string, actions: SectionActions): HTMLButtonElement {
  const link = h('button', { type: 'button', class: 'link', 'data-partner': id }, name);
  link.addEventListener('click', () => actions.openPartner(id));
  return link;
}

const table = dataTable;

const empty = (text: string) => h('p', { class: 'empty' }, text);

export function renderCoverage(data: DashboardData): HTMLElement[] {
  if (data.coverage.length === 0) return [empty(l10n.t('No partners match the filter.'))];
  const silos = data.coverage.filter((row) => row.silo);
  const note =
    silos.length > 0
      ? h(
          'p',
          { class: 'callout warning', 'data-silos': silos.length },
          silos.length === 1
            ? l10n.t('1 silo: no contact for over {0} days with {1}.', data.options.siloDays, silos.map((row) => row.department).join(', '))
            : l10n.t(
                '{0} silos: no contact for over {1} days with {2}.',
                silos.length,
                data.options.siloDays,
                silos.map((row) => row.department).join(', '),
              ),
        )
      : h('p', { class: 'callout' }, l10n.t('No silos: every department was contacted in the last {0} days.', data.options.siloDays));
  const rows = data.coverage.map((row) => [
    row.department,
    row.partners,
    row.neverContacted ? l10n.t('never ({0})', count.days(row.daysSinceContact)) : count.days(row.daysSinceContact),
    h(
      'span',
      { class: 'share' },
      shareBar(row.onCadenceShare, l10n.t('{0} on cadence', percent(row.onCadenceShare))),
      ' ',
      l10n.t('{0} of {1} ({2})', row.onCadence, row.partners, percent(row.onCadenceShare)),
    ),
    row.silo ? h('span', { class: 'badge silo' }, l10n.t('Silo')) : h('span', { class: 'badge ok' }, l10n.t('OK')),
  ]);
  return [
    note,
    table(
      l10n.t('Coverage per department'),
      [l10n.t('Department'), l10n.t('Partners'), l10n.t('Since last contact'), l10n.t('On cadence'), l10n.t('Status')],
      rows,
      'coverage',
    ),
  ];
}

export function renderHealth(data: DashboardData, actions: SectionActions): HTMLElement[] {
  const result: HTMLElement[] = [h('h3', {}, l10n.t('Slipping'))];
  if (data.health.slipping.length === 0) result.push(empty(l10n.t('No relationship is slipping: ratings are steady and cadences kept.')));
  else
    result.push(
      h(
        'ul',
        { class: 'slipping' },
        ...data.health.slipping.map((row) =>
          h(
            'li',
            { 'data-partner-row': row.partnerId },
            partnerLink(row.partnerId, row.name, actions),
            h('span', { class: 'muted' }, ` · ${row.department} — `),
            row.why,
          ),
        ),
      ),
    );
  result.push(h('h3', {}, l10n.t('Rating trend by department')));
  if (data.health.departments.length === 0) result.push(empty(l10n.t('No rated check-ins in the range.')));
  else
    result.push(
      table(
        l10n.t('Average rating per department, with the trend by month'),
        [l10n.t('Department'), l10n.t('Average'), l10n.t('Rated check-ins'), l10n.t('By month')],
        data.health.departments.map((t) => [t.label, t.average ?? '—', t.count, sparkline(t)]),
        'trends',
      ),
    );
  if (data.health.partners.length > 0) {
    const more = data.health.partnersWithRatings - data.health.partners.length;
    result.push(
      h(
        'h3',
        {},
        l10n.t('Rating trend by partner'),
        more > 0
          ? h('span', { class: 'muted' }, ' ', l10n.t('(lowest {0} of {1})', data.health.partners.length, data.health.partnersWithRatings))
          : null,
      ),
      table(
        l10n.t('Average rating per partner, lowest first'),
        [l10n.t('Partner'), l10n.t('Average'), l10n.t('Rated check-ins'), l10n.t('By month')],
        data.health.partners.map((t) => [partnerLink(t.key, t.label, actions), t.average ?? '—', t.count, sparkline(t)]),
        'trends',
      ),
    );
  }
  return result;
}

export function renderThemes(data: DashboardData, actions: SectionActions, selected: string | undefined): HTMLElement[] {
  if (data.themes.length === 0) return [empty(l10n.t('No themes yet: write a summary or notes in your check-ins.'))];
  const cloud = h('ul', { class: 'cloud', 'aria-label': l10n.t('Themes, most mentioned first') });
  // Alphabetical in the cloud (easier to scan); the size and the label carry the count.
  for (const theme of [...data.themes].sort((a, b) => a.label.localeCompare(b.label))) {
    const term = h(
      'button',
      {
        type: 'button',
        class: `term weight-${theme.weight}`,
        'data-term': theme.term,
        'aria-pressed': theme.term === selected ? 'true' : 'false',
        title: count.checkIns(theme.count),
      },
      theme.label,
      srOnly(`, ${count.checkIns(theme.count)}`),
    );
    term.addEventListener('click', () => actions.showTheme(theme.term));
    cloud.append(h('li', {}, term));
  }
  return [cloud];
}

export function renderThemeCheckIns(
  label: string,
  checkIns: { id: string; partnerId: string; partnerName: string; date: string; summary: string }[],
  actions: SectionActions,
): HTMLElement[] {
  const heading = h(
    'h3',
    { id: 'theme-results-heading', tabindex: -1 },
    l10n.t('Check-ins mentioning “{0}” ({1})', label, checkIns.length),
  );
  if (checkIns.length === 0) return [heading, empty(l10n.t('None of them is in the store any more.'))];
  return [
    heading,
    h(
      'ul',
      { class: 'theme-check-ins' },
      ...checkIns.map((c) =>
        h(
          'li',
          { 'data-check-in': c.id },
          h('span', { class: 'muted' }, `${formatDate(c.date)} · `),
          partnerLink(c.partnerId, c.partnerName, actions),
          ' — ',
          c.summary || l10n.t('(no summary)'),
        ),
      ),
    ),
  ];
}

export function renderReciprocity(data: DashboardData, actions: SectionActions): HTMLElement[] {
  if (data.reciprocity.length === 0) return [empty(l10n.t('No asks or offers in the range. Log a help-me check-in to track them.'))];
  const given = data.reciprocity.reduce((sum, r) => sum + r.given, 0);
  const received = data.reciprocity.reduce((sum, r) => sum + r.received, 0);
  const balance = (r: DashboardData['reciprocity'][number]) =>
    r.balance > 0 ? l10n.t('gave {0} more', r.balance) : r.balance < 0 ? l10n.t('received {0} more', -r.balance) : l10n.t('even');
  return [
    h('p', { class: 'callout' }, l10n.t('Help given {0}, help received {1}.', given, received)),
    table(
      l10n.t('Help given and received per partner, most lopsided first'),
      [l10n.t('Partner'), l10n.t('Given'), l10n.t('Received'), l10n.t('Balance'), l10n.t('Their open asks'), l10n.t('My open asks')],
      data.reciprocity.map((r) => [partnerLink(r.partnerId, r.name, actions), r.given, r.received, balance(r), r.openTheirs, r.openMine]),
      'reciprocity',
    ),
  ];
}

export function renderLeads(areas: DashboardData['leads'], total: number, actions: SectionActions): HTMLElement[] {
  if (total === 0) return [empty(l10n.t('No partner has a "leads" area yet. Add some with Edit Partner → Leads.'))];
  if (areas.length === 0) return [empty(l10n.t('No area or leader matches the search.'))];
  return [
    h(
      'dl',
      { class: 'leads' },
      ...areas.flatMap((area) => [
        h('dt', {}, area.area),
        h(
          'dd',
          {},
          ...area.leaders.flatMap((l, i) => [
            i > 0 ? ', ' : null,
            partnerLink(l.partnerId, l.name, actions),
            h('span', { class: 'muted' }, ` (${l.department})`),
          ]),
        ),
      ]),
    ),
  ];
}

export function renderTeam(data: DashboardData, actions: SectionActions): HTMLElement[] {
  const team = data.team;
  if (team.authors.length === 0) return [empty(l10n.t('No check-ins in the range.'))];
  const result: HTMLElement[] = [
    table(
      l10n.t('Check-ins per author'),
      [l10n.t('Author'), l10n.t('Check-ins'), l10n.t('Partners'), l10n.t('Last check-in')],
      team.authors.map((a) => [a.name, a.checkIns, a.partners, formatDate(a.lastCheckIn)]),
      'authors',
    ),
  ];
  if (team.authors.length === 1)
    result.push(
      empty(l10n.t('Only one person logs check-ins here: when teammates do too, the relationships only one of you holds show here.')),
    );
  else if (team.singleHolders.length === 0)
    result.push(h('p', { class: 'callout' }, l10n.t('Every partner in the range talks to more than one of you.')));
  else
    result.push(
      h('h3', {}, l10n.t('Held by one teammate only')),
      h('p', { class: 'muted' }, l10n.t('These relationships would be lost if that person left.')),
      h(
        'ul',
        { class: 'single-holders' },
        ...team.singleHolders.map((row) =>
          h(
            'li',
            {},
            partnerLink(row.partnerId, row.name, actions),
            h('span', { class: 'muted' }, ` (${row.department})`),
            ' — ',
            l10n.t('only {0}, {1}', row.holder.name, count.checkIns(row.checkIns)),
          ),
        ),
      ),
    );
  return result;
}
