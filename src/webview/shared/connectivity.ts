// The ecosystem's connectivity as tables, on the dashboard and beside the map: isolated partners,
// brokers, departments reached through one person. DOM APIs only: every name stays text.
import * as l10n from '@vscode/l10n';
import type { ConnectivityData } from '../connectivityProtocol';
import { h, type Child } from './dom';

export type OpenPartner = (id: string) => void;

/** A button that opens a partner's page: a real button, in the tab order, Enter works. */
export function partnerButton(id: string, name: string, open: OpenPartner): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'link', 'data-partner': id }, name);
  button.addEventListener('click', () => open(id));
  return button;
}

export function dataTable(caption: string, header: string[], rows: Child[][], className = ''): HTMLTableElement {
  return h(
    'table',
    { class: `data ${className}`.trim() },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, ...header.map((label) => h('th', { scope: 'col' }, label)))),
    h(
      'tbody',
      {},
      ...rows.map((cells) => h('tr', {}, ...cells.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell))))),
    ),
  );
}

const none = (text: string) => h('p', { class: 'empty' }, text);

/** "Elena Petrova", "Elena Petrova and Aisha Karim", "A, B, C and 2 more". */
export function cutOffText(names: string[], total: number): string {
  const more = total - names.length;
  if (more > 0) return l10n.t('{0} and {1} more', names.join(', '), more);
  if (names.length <= 1) return names.join('');
  return l10n.t('{0} and {1}', names.slice(0, -1).join(', '), names[names.length - 1]);
}

export function renderConnectivity(c: ConnectivityData, open: OpenPartner): HTMLElement[] {
  const result: HTMLElement[] = [h('h3', { id: 'isolated-heading' }, l10n.t('Isolated partners'))];
  if (c.isolated.length === 0) result.push(none(l10n.t('Nobody is isolated: every partner has a check-in, a meeting or a connection.')));
  else
    result.push(
      dataTable(
        l10n.t('Partners with no check-in, meeting or connection'),
        [l10n.t('Partner'), l10n.t('Department')],
        c.isolated.map((p) => [partnerButton(p.partnerId, p.name, open), p.department]),
        'isolated',
      ),
    );
  result.push(h('h3', { id: 'brokers-heading' }, l10n.t('Brokers')));
  if (c.brokers.length === 0) result.push(none(l10n.t('No broker: nobody is the only link to someone else.')));
  else
    result.push(
      dataTable(
        l10n.t('Partners who are the only link to others'),
        [l10n.t('Partner'), l10n.t('Department'), l10n.t('The only link to')],
        c.brokers.map((b) => [partnerButton(b.partnerId, b.name, open), b.department, cutOffText(b.cutOffNames, b.cutOff)]),
        'brokers',
      ),
    );
  result.push(h('h3', { id: 'through-one-heading' }, l10n.t('Reached through one person')));
  if (c.reachedThroughOne.length === 0) result.push(none(l10n.t('Every department is reached through more than one person.')));
  else
    result.push(
      dataTable(
        l10n.t('Departments the team reaches through one person only'),
        [l10n.t('Department'), l10n.t('Through'), l10n.t('Who')],
        c.reachedThroughOne.map((r) => [
          r.department,
          r.via === 'teammate' ? l10n.t('one teammate') : l10n.t('one partner'),
          r.partnerId ? partnerButton(r.partnerId, r.name, open) : r.name,
        ]),
        'through-one',
      ),
    );
  return result;
}
