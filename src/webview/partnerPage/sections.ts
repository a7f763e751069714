// The read-mostly sections of the partner page: header, talking points, follow-ups, asks and offers,
// and the check-in timeline. Every string from the store lands in a text node.
import type { Counts, PageData } from '../protocol';
import { h, type Child } from './dom';

export interface SectionActions {
  openTalkingPoint(id: string, button: HTMLElement): void;
  coverTalkingPoint(id: string, button: HTMLElement): void;
  toggleFollowUp(id: string, done: boolean, button: HTMLElement): void;
  setAskStatus(id: string, status: 'helped' | 'declined', button: HTMLElement): void;
}

type Item<K extends keyof PageData> = PageData[K] extends readonly (infer T)[] ? T : never;

/** A vscode-button that is a real button for keyboard and screen readers, with a focus key for re-renders. */
export function button(label: string, focus: string, onClick: (button: HTMLElement) => void, options: { secondary?: boolean; ariaLabel?: string } = {}): HTMLElement {
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

const privateTag = (): HTMLElement => badge('Private', 'private');

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function renderHeader(data: PageData): HTMLElement[] {
  const p = data.partner;
  const cadenceNote = p.cadenceSource === 'partner' ? '' : p.cadenceSource === 'team' ? ' (team default)' : ' (default)';
  const facts: [string, Child][] = [
    ['Leads', p.leads.length > 0 ? p.leads.join(', ') : '—'],
    ['Cadence', `every ${plural(p.cadenceDays, 'day')}${cadenceNote}`],
    ['Due', h('span', { class: `due due-${p.dueStatus}`, 'data-testid': 'due' }, p.dueLabel)],
    ['Last check-in', p.lastCheckInLabel ?? 'none yet'],
  ];
  if (p.email) facts.push(['Email', p.email]);
  return [
    h('h1', { id: 'partner-name' }, p.name, p.archived ? badge('Archived') : undefined, p.readOnly ? badge('Read-only') : undefined),
    h('p', { class: 'subtitle', 'data-testid': 'role-department' }, [p.role, p.department].filter(Boolean).join(' · ')),
    h('dl', { class: 'facts' }, ...facts.flatMap(([term, value]) => [h('dt', {}, term), h('dd', { 'data-fact': term.toLowerCase() }, value)])),
  ];
}

export function renderTalkingPoints(points: PageData['talkingPoints'], actions: SectionActions): HTMLElement {
  if (points.length === 0) return h('p', { class: 'empty' }, 'No open talking points. Add one below, or from code: select lines and run "Alliances: Add Talking Point".');
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
      point.sourceLabel ? button('Open code', `tp-open-${point.id}`, (b) => actions.openTalkingPoint(point.id, b), { secondary: true, ariaLabel: `Open the code of: ${point.text}` }) : undefined,
      button('Covered', `tp-cover-${point.id}`, (b) => actions.coverTalkingPoint(point.id, b), { ariaLabel: `Mark covered: ${point.text}` }),
    ),
  );
}

export function renderFollowUps(followUps: PageData['followUps'], actions: SectionActions): HTMLElement {
  if (followUps.length === 0) return h('p', { class: 'empty' }, 'No follow-ups. Action items from the check-in form show up here until they are done.');
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
      h('span', {}, `Owner: ${item.ownerName}${item.owner === 'me' ? ' (me)' : item.owner === 'them' ? ' (them)' : ' (teammate)'}`),
      item.author ? h('span', {}, `added by ${item.author}`) : undefined,
      item.dueLabel ? h('span', { class: item.overdue ? 'overdue-label' : '' }, item.dueLabel) : undefined,
      item.done ? badge(item.doneLabel ?? 'done', 'done') : badge('open'),
      item.private ? privateTag() : undefined,
    ),
    h(
      'div',
      { class: 'item-actions' },
      item.done
        ? button('Reopen', `fu-${item.id}`, (b) => actions.toggleFollowUp(item.id, false, b), { secondary: true, ariaLabel: `Reopen: ${item.text}` })
        : button('Complete', `fu-${item.id}`, (b) => actions.toggleFollowUp(item.id, true, b), { ariaLabel: `Complete: ${item.text}` }),
    ),
  );
}

export function countsText(counts: Counts): string {
  return `${counts.total} (open ${counts.open}, helped ${counts.helped}, declined ${counts.declined})`;
}

export function renderAsks(asks: PageData['asks'], actions: SectionActions): HTMLElement[] {
  const balance = h(
    'dl',
    { class: 'balance' },
    h('dt', {}, 'I asked them'),
    h('dd', { 'data-testid': 'i-asked' }, countsText(asks.iAsked)),
    h('dt', {}, 'They asked me'),
    h('dd', { 'data-testid': 'they-asked' }, countsText(asks.theyAsked)),
  );
  const open =
    asks.open.length === 0
      ? h('p', { class: 'empty' }, 'No open asks. Log a help-me check-in to record what each of you asked.')
      : h(
          'ul',
          { class: 'items' },
          ...asks.open.map((ask) =>
            h(
              'li',
              { class: 'item', 'data-id': ask.id },
              h('p', { class: 'item-text' }, h('strong', {}, ask.direction === 'i-asked' ? 'I asked: ' : 'They asked: '), ask.text),
              ask.private ? h('div', { class: 'item-meta' }, privateTag()) : undefined,
              h(
                'div',
                { class: 'item-actions' },
                button('Helped', `ask-helped-${ask.id}`, (b) => actions.setAskStatus(ask.id, 'helped', b), { ariaLabel: `Helped: ${ask.text}` }),
                button('Declined', `ask-declined-${ask.id}`, (b) => actions.setAskStatus(ask.id, 'declined', b), { secondary: true, ariaLabel: `Declined: ${ask.text}` }),
              ),
            ),
          ),
        );
  return [balance, h('h3', {}, 'Open asks'), open];
}

export function renderTimeline(checkIns: PageData['checkIns']): HTMLElement {
  if (checkIns.length === 0) return h('p', { class: 'empty' }, 'No check-ins yet.');
  return h('ol', { class: 'timeline' }, ...checkIns.map(checkInItem));
}

function stars(rating: number): string {
  return '★'.repeat(rating) + '☆'.repeat(5 - rating);
}

function checkInItem(checkIn: Item<'checkIns'>): HTMLElement {
  return h(
    'li',
    { class: `entry${checkIn.private ? ' private' : ''}`, 'data-id': checkIn.id },
    h('article', { 'aria-labelledby': `ci-${checkIn.id}` },
      h('h3', { id: `ci-${checkIn.id}` }, h('time', { datetime: checkIn.date }, checkIn.dateLabel), ` · ${checkIn.kindLabel}`),
      h(
        'div',
        { class: 'item-meta' },
        h('span', {}, `by ${checkIn.author}`),
        checkIn.rating !== undefined
          ? h('span', { class: 'rating' }, h('span', { 'aria-hidden': 'true' }, stars(checkIn.rating)), ` ${checkIn.rating}/5`)
          : h('span', {}, 'no rating'),
        checkIn.private ? privateTag() : undefined,
      ),
      h('p', { class: 'summary' }, checkIn.summary),
      // Markdown is shown as its source text: nothing from the store is ever rendered as HTML.
      checkIn.notes ? h('div', { class: 'notes' }, h('h4', {}, 'Notes'), h('pre', { class: 'markdown' }, checkIn.notes)) : undefined,
      checkIn.privateNote
        ? h('div', { class: 'notes private-note' }, h('h4', {}, 'Private note ', privateTag()), h('pre', { class: 'markdown' }, checkIn.privateNote))
        : undefined,
    ),
  );
}
