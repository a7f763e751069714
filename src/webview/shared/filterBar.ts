// The filter bar of the dashboard and the ecosystem map: date range (presets or custom days), department,
// organisation, tag and author. The pages share it so the two read the same filter the same way.
import * as l10n from '@vscode/l10n';
import { calendarDate } from '../../core/dates';
import type { DashboardFilterInput } from '../protocol';
import { h } from './dom';

/** What the host says the controls offer, and the filter it applied. */
export interface FilterChoices {
  filter: DashboardFilterInput;
  asOf: string;
  options: { departments: string[]; organisations: string[]; tags: string[]; authors: { key: string; name: string }[] };
}

export interface FilterBar {
  element: HTMLElement;
  /** The filter the controls say now. */
  read: () => DashboardFilterInput;
  /** Shows the host's options and applied filter (keeps a custom range the user is typing). */
  show: (choices: FilterChoices) => void;
  /** The native controls, for a page that adds its own beside them. */
  controls: HTMLElement[];
}

const RANGES: { value: string; label: () => string; days?: number }[] = [
  { value: '30', label: () => l10n.t('Last 30 days'), days: 30 },
  { value: '90', label: () => l10n.t('Last 90 days'), days: 90 },
  { value: '180', label: () => l10n.t('Last 6 months'), days: 180 },
  { value: '365', label: () => l10n.t('Last 12 months'), days: 365 },
  { value: 'all', label: () => l10n.t('All time') },
  { value: 'custom', label: () => l10n.t('Custom…') },
];

export function labelledSelect(id: string, label: string): { wrap: HTMLElement; control: HTMLSelectElement } {
  const control = h('select', { id, class: 'control' });
  return { wrap: h('div', { class: 'field' }, h('label', { for: id }, label), control), control };
}
function dateInput(id: string, label: string): { wrap: HTMLElement; control: HTMLInputElement } {
  const control = h('input', { id, type: 'date', class: 'control' });
  return { wrap: h('div', { class: 'field' }, h('label', { for: id }, label), control), control };
}

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

function fillOptions(
  control: HTMLSelectElement,
  allLabel: string,
  options: { value: string; label: string }[],
  value: string | undefined,
): void {
  control.replaceChildren(h('option', { value: '' }, allLabel), ...options.map((o) => h('option', { value: o.value }, o.label)));
  control.value = value && options.some((o) => o.value === value) ? value : '';
}

/** The bar; `onChange` runs with the new filter when the user changes a control. */
export function filterBar(onChange: (filter: DashboardFilterInput) => void, extra: HTMLElement[] = []): FilterBar {
  let asOf: string | undefined;
  const range = labelledSelect('filter-range', l10n.t('Date range'));
  for (const r of RANGES) range.control.append(h('option', { value: r.value }, r.label()));
  const from = dateInput('filter-from', l10n.t('From'));
  const to = dateInput('filter-to', l10n.t('To'));
  const department = labelledSelect('filter-department', l10n.t('Department'));
  const organisation = labelledSelect('filter-organisation', l10n.t('Organisation'));
  const tag = labelledSelect('filter-tag', l10n.t('Tag'));
  const author = labelledSelect('filter-author', l10n.t('Author'));
  const element = h(
    'div',
    { class: 'filters', 'aria-label': l10n.t('Filters'), role: 'search' },
    range.wrap,
    from.wrap,
    to.wrap,
    department.wrap,
    organisation.wrap,
    tag.wrap,
    author.wrap,
    ...extra,
  );

  const read = (): DashboardFilterInput => {
    const filter: DashboardFilterInput = {};
    const choice = RANGES.find((r) => r.value === range.control.value);
    if (choice?.days) {
      const start = new Date(`${asOf ?? calendarDate(new Date())}T12:00:00`);
      start.setDate(start.getDate() - choice.days + 1);
      filter.from = calendarDate(start);
    } else if (choice?.value === 'custom') {
      if (from.control.value) filter.from = from.control.value;
      if (to.control.value) filter.to = to.control.value;
    }
    if (department.control.value) filter.department = department.control.value;
    if (organisation.control.value) filter.organisation = organisation.control.value;
    if (tag.control.value) filter.tag = tag.control.value;
    if (author.control.value) filter.author = author.control.value;
    return filter;
  };
  const controls = [range.control, from.control, to.control, department.control, organisation.control, tag.control, author.control];
  for (const control of controls)
    control.addEventListener('change', () => {
      from.wrap.hidden = to.wrap.hidden = range.control.value !== 'custom';
      onChange(read());
    });

  const show = (choices: FilterChoices): void => {
    asOf = choices.asOf;
    const { filter, options } = choices;
    const plain = (values: string[]) => values.map((value) => ({ value, label: value }));
    fillOptions(department.control, l10n.t('All departments'), plain(options.departments), filter.department);
    fillOptions(organisation.control, l10n.t('All organisations'), plain(options.organisations), filter.organisation);
    fillOptions(tag.control, l10n.t('All tags'), plain(options.tags), filter.tag);
    fillOptions(
      author.control,
      l10n.t('All authors'),
      options.authors.map((a) => ({ value: a.key, label: a.name })),
      filter.author,
    );
    // Nothing to choose from: no control that only says "All".
    organisation.wrap.hidden = options.organisations.length === 0;
    tag.wrap.hidden = options.tags.length === 0;
    if (document.activeElement !== range.control)
      range.control.value = range.control.value === 'custom' ? 'custom' : rangeOf(filter, choices.asOf);
    from.control.value = filter.from ?? '';
    to.control.value = filter.to ?? '';
    from.wrap.hidden = to.wrap.hidden = range.control.value !== 'custom';
  };
  return { element, read, show, controls };
}
