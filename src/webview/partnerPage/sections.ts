// The read-mostly sections of the partner page: header, talking points, follow-ups, asks and offers,
// and the check-in timeline. Every string from the store lands in a text node.
import * as l10n from '@vscode/l10n';
import { cadenceSourceLabel } from '../../core/vocabulary';
import type { Counts, PageData } from '../protocol';
import { h, type Child } from '../shared/dom';

export interface SectionActions {
  openTalkingPoint(id: string, button: HTMLElement): void;
  coverTalkingPoint(id: string, button: HTMLElement): void;
  toggleFollowUp(id: string, done: boolean, button: HTMLElement): void;
  setAskStatus(id: string, status: 'helped' | 'declined', button: HTMLElement): void;
  copyAskTrailer(id: string, button: HTMLElement): void;
}

type Item<K extends keyof PageData> = PageData[K] extends readonly (infer T)[] ? T : never;

/** A vscode-button that is a real button for keyboard and screen readers, with a focus key for re-renders. */
export function button(
  label: string,
  focus: string,
  onClick: (button: HTMLElement) => void,
  options: { secondary?: boolean; ariaLabel?: string } = {},
): HTMLElement {
  const element = h('vscode-button', { 'data-focus': focus, secondary: options.secondary, 'aria-label': options.ariaLabel }, label);
  element.addEventListener('click', () => {
    if (!isBusy(element)) onClick(element);
  });
  return element;
}

/**
 * Marks a button as waiting for the host. Not the disabled attribute: a disabled form-associated element
 * loses the focus, and a keyboard user would be thrown back to the top of the page.
 */
export function setBusy(element: HTMLElement, busy: boolean): void {
  if (busy) element.setAttribute('aria-disabled', 'true');
  else element.removeAttribute('aria-disabled');
  element.classList.toggle('busy', busy);
}

export function isBusy(element: HTMLElement): boolean {
  return element.getAttribute('aria-disabled') === 'true';
}

function badge(text: string, kind = ''): HTMLElement {
  return h('span', { class: `tag ${kind}`.trim() }, text);
}

const privateTag = (): HTMLElement => badge(l10n.t('Private'), 'private');

export function renderHeader(data: PageData): HTMLElement[] {
  const p = data.partner;
  const cadence = cadenceSourceLabel(p.cadenceSource, p.cadenceDays, p.cadenceDetail);
  // [key for tests and styles, label in the display language, value]
  const facts: [string, string, Child][] = [
    ['leads', l10n.t('Leads'), p.leads.length > 0 ? p.leads.join(', ') : '—'],
    ['cadence', l10n.t('Cadence'), cadence],
    ['due', l10n.t('Due'), h('span', { class: `due due-${p.dueStatus}`, 'data-testid': 'due' }, p.dueLabel)],
    ['last check-in', l10n.t('Last check-in'), p.lastCheckInLabel ?? l10n.t('none yet')],
  ];
  if (p.initiativeRoles) facts.push(['initiatives', l10n.t('Initiatives'), p.initiativeRoles]);
  if (p.organisation) facts.push(['organisation', l10n.t('Organisation'), p.organisation]);
  if (p.tags.length > 0) facts.push(['tags', l10n.t('Tags'), h('span', { class: 'tags' }, ...p.tags.map((tag) => badge(tag)))]);
  if (p.email) facts.push(['email', l10n.t('Email'), p.email]);
  return [
    h(
      'h1',
      { id: 'partner-name' },
      p.name,
      p.archived ? badge(l10n.t('Archived')) : undefined,
      p.readOnly ? badge(l10n.t('Read-only')) : undefined,
    ),
    h('p', { class: 'subtitle', 'data-testid': 'role-department' }, [p.role, p.department].filter(Boolean).join(' · ')),
    h('dl', { class: 'facts' }, ...facts.flatMap(([key, term, value]) => [h('dt', {}, term), h('dd', { 'data-fact': key }, value)])),
  ];
}

export function renderTalkingPoints(points: PageData['talkingPoints'], actions: SectionActions): HTMLElement {
  if (points.length === 0)
    return h(
      'p',
      { class: 'empty' },
      l10n.t('No open talking points. Add one below, or from code: select lines and run "Alliances: Add Talking Point".'),
    );
  return h('ul', { class: 'items' }, ...points.map((point) => talkingPointItem(point, actions)));
}

function talkingPointItem(point: Item<'talkingPoints'>, actions: SectionActions): HTMLElement {
  return h(
    'li',
    { class: 'item', 'data-id': point.id },
    h('p', { class: 'item-text' }, point.text),
    h(
      'div',
      { class: 'item-meta' },
      point.sourceLabel ? h('code', { class: 'source' }, point.sourceLabel) : undefined,
      h('span', {}, point.addedLabel),
      point.private ? privateTag() : undefined,
    ),
    h(
      'div',
      { class: 'item-actions' },
      point.sourceLabel
        ? button(l10n.t('Open code'), `tp-open-${point.id}`, (b) => actions.openTalkingPoint(point.id, b), {
            secondary: true,
            ariaLabel: l10n.t('Open the code of: {0}', point.text),
          })
        : undefined,
      button(l10n.t('Covered'), `tp-cover-${point.id}`, (b) => actions.coverTalkingPoint(point.id, b), {
        ariaLabel: l10n.t('Mark covered: {0}', point.text),
      }),
    ),
  );
}

export function renderFollowUps(followUps: PageData['followUps'], actions: SectionActions): HTMLElement {
  if (followUps.length === 0)
    return h('p', { class: 'empty' }, l10n.t('No follow-ups. Action items from the check-in form show up here until they are done.'));
  return h('ul', { class: 'items' }, ...followUps.map((item) => followUpItem(item, actions)));
}

function followUpItem(item: Item<'followUps'>, actions: SectionActions): HTMLElement {
  return h(
    'li',
    { class: `item${item.done ? ' done' : ''}${item.overdue ? ' overdue' : ''}`, 'data-id': item.id },
    h('p', { class: 'item-text' }, item.done ? h('s', {}, item.text) : item.text),
    h(
      'div',
      { class: 'item-meta' },
      h(
        'span',
        {},
        item.owner === 'me'
          ? l10n.t('Owner: {0} (me)', item.ownerName)
          : item.owner === 'them'
            ? l10n.t('Owner: {0} (them)', item.ownerName)
            : l10n.t('Owner: {0} (teammate)', item.ownerName),
      ),
      item.author ? h('span', {}, l10n.t('added by {0}', item.author)) : undefined,
      item.dueLabel ? h('span', { class: item.overdue ? 'overdue-label' : '' }, item.dueLabel) : undefined,
      item.done
        ? badge(item.doneLabel ?? l10n.t('done'), 'done')
        : badge(l10n.t({ message: 'open', comment: ['A follow-up not done yet.'] })),
      item.private ? privateTag() : undefined,
    ),
    h(
      'div',
      { class: 'item-actions' },
      item.done
        ? button(l10n.t('Reopen'), `fu-${item.id}`, (b) => actions.toggleFollowUp(item.id, false, b), {
            secondary: true,
            ariaLabel: l10n.t('Reopen: {0}', item.text),
          })
        : button(l10n.t('Complete'), `fu-${item.id}`, (b) => actions.toggleFollowUp(item.id, true, b), {
            ariaLabel: l10n.t('Complete: {0}', item.text),
          }),
    ),
  );
}

export function countsText(counts: Counts): string {
  return l10n.t('{0} (open {1}, helped {2}, declined {3})', counts.total, counts.open, counts.helped, counts.declined);
}

export function renderAsks(asks: PageData['asks'], actions: SectionActions): HTMLElement[] {
  const balance = h(
    'dl',
    { class: 'balance' },
    h('dt', {}, l10n.t('I asked them')),
    h('dd', { 'data-testid': 'i-asked' }, countsText(asks.iAsked)),
    h('dt', {}, l10n.t('They asked me')),
    h('dd', { 'data-testid': 'they-asked' }, countsText(asks.theyAsked)),
  );
  const open =
    asks.open.length === 0
      ? h('p', { class: 'empty' }, l10n.t('No open asks. Log a help-me check-in to record what each of you asked.'))
      : h(
          'ul',
          { class: 'items' },
          ...asks.open.map((ask) =>
            h(
              'li',
              { class: 'item', 'data-id': ask.id },
              h(
                'p',
                { class: 'item-text' },
                h('strong', {}, ask.direction === 'i-asked' ? l10n.t('I asked:') : l10n.t('They asked:')),
                ' ',
                ask.text,
              ),
              ask.private ? h('div', { class: 'item-meta' }, privateTag()) : undefined,
              h(
                'div',
                { class: 'item-actions' },
                button(l10n.t('Helped'), `ask-helped-${ask.id}`, (b) => actions.setAskStatus(ask.id, 'helped', b), {
                  ariaLabel: l10n.t('Helped: {0}', ask.text),
                }),
                button(l10n.t('Declined'), `ask-declined-${ask.id}`, (b) => actions.setAskStatus(ask.id, 'declined', b), {
                  secondary: true,
                  ariaLabel: l10n.t('Declined: {0}', ask.text),
                }),
                button(l10n.t('Copy commit trailer'), `ask-trailer-${ask.id}`, (b) => actions.copyAskTrailer(ask.id, b), {
                  secondary: true,
                  ariaLabel: l10n.t('Copy the commit trailer that marks this ask delivered: {0}', ask.text),
                }),
              ),
            ),
          ),
        );
  const delivered = asks.delivered ?? [];
  const deliveredList =
    delivered.length === 0
      ? []
      : [
          h('h3', {}, l10n.t('Delivered by commits')),
          h(
            'ul',
            { class: 'items', 'data-testid': 'asks-delivered' },
            ...delivered.map((ask) =>
              h(
                'li',
                { class: 'item', 'data-id': ask.id },
                h('p', { class: 'item-text' }, ask.text),
                h(
                  'div',
                  { class: 'item-meta' },
                  l10n.t('delivered in {0}', ask.commit.slice(0, 7)),
                  ask.subject ? ` — ${ask.subject}` : '',
                ),
              ),
            ),
          ),
        ];
  return [balance, h('h3', {}, l10n.t('Open asks')), open, ...deliveredList];
}

export function renderTimeline(checkIns: PageData['checkIns']): HTMLElement {
  if (checkIns.length === 0) return h('p', { class: 'empty' }, l10n.t('No check-ins yet.'));
  return h('ol', { class: 'timeline' }, ...checkIns.map(checkInItem));
}

function stars(rating: number): string {
  return '★'.repeat(rating) + '☆'.repeat(5 - rating);
}

function checkInItem(checkIn: Item<'checkIns'>): HTMLElement {
  return h(
    'li',
    { class: `entry${checkIn.private ? ' private' : ''}`, 'data-id': checkIn.id },
    h(
      'article',
      { 'aria-labelledby': `ci-${checkIn.id}` },
      h('h3', { id: `ci-${checkIn.id}` }, h('time', { datetime: checkIn.date }, checkIn.dateLabel), ` · ${checkIn.kindLabel}`),
      h(
        'div',
        { class: 'item-meta' },
        h('span', {}, l10n.t('by {0}', checkIn.author)),
        checkIn.rating !== undefined
          ? h('span', { class: 'rating' }, h('span', { 'aria-hidden': 'true' }, stars(checkIn.rating)), ` ${checkIn.rating}/5`)
          : h('span', {}, l10n.t('no rating')),
        checkIn.private ? privateTag() : undefined,
      ),
      // A group check-in names the others (and the teammates present) on every member's page.
      checkIn.with
        ? h(
            'p',
            { class: 'group', 'data-testid': 'group' },
            l10n.t({
              message: 'with {0}',
              args: [checkIn.with.join(', ')],
              comment: ['The other people of a group check-in: "with Priya, Dana".'],
            }),
          )
        : undefined,
      checkIn.present
        ? h(
            'p',
            { class: 'present' },
            l10n.t({
              message: 'also there: {0}',
              args: [checkIn.present.join(', ')],
              comment: ['Teammates who were at a check-in besides its author: "also there: Sam, Lee".'],
            }),
          )
        : undefined,
      h('p', { class: 'summary' }, checkIn.summary),
      // Markdown is shown as its source text: nothing from the store is ever rendered as HTML.
      checkIn.notes
        ? h('div', { class: 'notes' }, h('h4', {}, l10n.t('Notes')), h('pre', { class: 'markdown' }, checkIn.notes))
        : undefined,
      checkIn.privateNote
        ? h(
            'div',
            { class: 'notes private-note' },
            h('h4', {}, l10n.t('Private note'), ' ', privateTag()),
            h('pre', { class: 'markdown' }, checkIn.privateNote),
          )
        : undefined,
    ),
  );
}
