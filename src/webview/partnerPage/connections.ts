// The partner page's Connections section: "works with Priya", "manages Marcus", "was introduced by
// Jonas", each name a button that opens that partner's page, with a Remove button; Add connection runs
// the palette's flow on the host with this partner first. Every string from the store is a text node.
import * as l10n from '@vscode/l10n';
import type { PageData } from '../protocol';
import { h } from '../shared/dom';
import { button } from './sections';

export interface ConnectionActions {
  openPartner(id: string, control: HTMLElement): void;
  removeConnection(id: string, control: HTMLElement): void;
}

type ConnectionItem = NonNullable<PageData['connections']>[number];

export function renderConnections(connections: PageData['connections'], actions: ConnectionActions): HTMLElement {
  const list = connections ?? [];
  if (list.length === 0)
    return h('p', { class: 'empty' }, l10n.t('No connections yet. Add one: who they work with, report to, or were introduced by.'));
  return h('ul', { class: 'items connections' }, ...list.map((item) => connectionItem(item, actions)));
}

function connectionItem(item: ConnectionItem, actions: ConnectionActions): HTMLElement {
  const link = h(
    'button',
    { type: 'button', class: 'link', 'data-partner': item.otherId, 'data-focus': `cn-open-${item.id}` },
    item.otherName,
  );
  link.addEventListener('click', () => actions.openPartner(item.otherId, link));
  return h(
    'li',
    { class: 'item', 'data-id': item.id },
    h('p', { class: 'item-text' }, h('span', { class: 'connection-kind' }, item.label), ' ', link),
    item.note ? h('p', { class: 'connection-note' }, item.note) : undefined,
    h(
      'div',
      { class: 'item-meta' },
      h('span', {}, l10n.t('added by {0}', item.author)),
      item.private ? h('span', { class: 'tag private' }, l10n.t('Private')) : undefined,
    ),
    h(
      'div',
      { class: 'item-actions' },
      button(l10n.t('Remove'), `cn-remove-${item.id}`, (b) => actions.removeConnection(item.id, b), {
        secondary: true,
        ariaLabel: l10n.t('Remove the connection: {0} {1}', item.label, item.otherName),
      }),
    ),
  );
}
