// The partner page (browser side): builds its skeleton once, asks the host for data, and re-renders the
// sections whenever fresh data arrives, keeping focus and whatever the user typed.
import '../shared/l10nSetup';
import './elements';
import * as l10n from '@vscode/l10n';
import type { PageData, ResultMessage } from '../protocol';
import { renderChart } from './chart';
import { findByAttribute, focusedKey, h } from '../shared/dom';
import { savedAs } from './drafts';
import { CheckInFormView } from './form';
import { parseHostMessage, pageState, request, sendReady, settle, updateState } from './host';
import { renderCodeChanges, renderElsewhere } from './gitSections';
import { authorsOf, filterByAuthor } from './authorFilter';
import {
  button,
  renderAsks,
  renderFollowUps,
  renderHeader,
  renderTalkingPoints,
  renderTimeline,
  setBusy,
  type SectionActions,
} from './sections';
import { visible } from '../../core/visibleText';
import { statusLine } from '../shared/statusLine';
import { renderConnections } from './connections';

const app = document.getElementById('app') ?? document.body.appendChild(h('main', { id: 'app' }));
let data: PageData | undefined;

// ---- status line (announced by screen readers) ----------------------------------------------------

const { element: status, show: showStatus } = statusLine();

// ---- skeleton -------------------------------------------------------------------------------------

function section(id: string, title: string, ...extra: HTMLElement[]): { element: HTMLElement; heading: HTMLElement; body: HTMLElement } {
  const heading = h('h2', { id: `${id}-heading`, tabindex: -1 }, title);
  const body = h('div', { class: 'section-body' });
  const element = h('section', { id, class: 'card', 'aria-labelledby': `${id}-heading` }, heading, body, ...extra);
  return { element, heading, body };
}

const headerInfo = h('div', { class: 'header-info' });
const logButton = button(l10n.t('Log check-in'), 'log-check-in', () => toggleForm(formView.element.hidden));
logButton.setAttribute('aria-controls', 'checkin-form');
logButton.setAttribute('aria-expanded', 'false');
const addPointButton = button(l10n.t('Add talking point'), 'add-talking-point', () => pointField.focus(), { secondary: true });
const briefButton = button(l10n.t('Prepare for check-in'), 'prepare-check-in', (b) => act(b, { type: 'prepareCheckIn' }), {
  secondary: true,
});
const header = h(
  'header',
  { class: 'page-header' },
  headerInfo,
  h('div', { class: 'header-actions' }, logButton, addPointButton, briefButton),
);

const pointField = h('vscode-textfield', {
  id: 'new-talking-point',
  placeholder: l10n.t('Something to bring up next time'),
  label: l10n.t('New talking point'),
  'data-focus': 'tp-new',
  'data-path': 'talkingPoint',
});
pointField.value = pageState().talkingPointDraft ?? '';
const pointError = h('div', { class: 'field-error', hidden: true });
const pointAdd = button(l10n.t({ message: 'Add', comment: ['Adds the typed talking point.'] }), 'tp-add', () => addTalkingPoint());
const points = section(
  'talking-points',
  l10n.t('Talking points'),
  h(
    'div',
    { class: 'add-row' },
    h('label', { for: 'new-talking-point' }, l10n.t('New talking point')),
    h('div', { class: 'inline' }, pointField, pointAdd),
    pointError,
  ),
);
const followUps = section('follow-ups', l10n.t('Follow-ups'));
const asks = section('asks', l10n.t('Asks and offers'));
const trend = section('trend', l10n.t('Rating trend'));
const timeline = section('timeline', l10n.t('Check-ins'));
const addConnectionButton = button(l10n.t('Add connection…'), 'cn-add', (b) => act(b, { type: 'addConnection' }), { secondary: true });
const connections = section('connections', l10n.t('Connections'), h('div', { class: 'add-row' }, addConnectionButton));
const code = section('code-changes', l10n.t('Since our last check-in'));
const elsewhere = section('other-branches', l10n.t('On other branches'));
code.element.hidden = true;
elsewhere.element.hidden = true;

/** The latest request about the form's group: an older answer is ignored. */
let groupRequest: string | undefined;
const formView = new CheckInFormView({
  // Host time (the data's), so that it compares with the check-ins' dates whatever the browser's clock says.
  changed: (draft) => updateState({ draft, draftStartedAt: pageState().draftStartedAt ?? data?.generatedAt }),
  submit: (form) => {
    formView.setBusy(true);
    showStatus(l10n.t('Saving the check-in…'));
    request({ type: 'submitCheckIn', form }, (result) => {
      formView.setBusy(false);
      if (result.saved) {
        // Written (fully or partly): never send the same check-in twice.
        formView.reset(data);
        updateState({ draft: undefined, draftStartedAt: undefined });
        toggleForm(false);
        showStatus(result.message, !result.ok);
      } else if (result.fieldErrors) {
        formView.showErrors(result.fieldErrors, l10n.t('Not saved: fix the highlighted fields.'));
        showStatus(result.message, true);
      } else {
        formView.showMessage(result.message);
        showStatus(result.message, true);
      }
    });
  },
  pickGroup: (partnerIds, present) => {
    groupRequest = request({ type: 'pickGroup', partnerIds, present });
  },
  describeGroup: (partnerIds) => {
    groupRequest = request({ type: 'groupAgenda', partnerIds });
  },
  cancel: () => {
    formView.reset(data);
    updateState({ draft: undefined, draftStartedAt: undefined });
    toggleForm(false);
    showStatus(l10n.t('Check-in discarded.'));
  },
});

// Filter by author: shown when more than one person wrote about this partner.
const authorBar = h('div', { class: 'author-filter', role: 'group', 'aria-label': l10n.t('Show what was written by'), hidden: true });
let authorFilter: string | undefined = pageState().authorFilter;
function setAuthorFilter(author: string | undefined): void {
  authorFilter = author;
  updateState({ authorFilter: author });
  if (data) render(data);
}

const columns = h('div', { class: 'columns' }, points.element, followUps.element, asks.element);
const content = h(
  'div',
  { class: 'content' },
  formView.element,
  authorBar,
  columns,
  connections.element,
  code.element,
  elsewhere.element,
  trend.element,
  timeline.element,
);
app.replaceChildren(header, status, content);

// ---- actions --------------------------------------------------------------------------------------

/** Where the focus was when the last action started: the re-render after it puts the focus back there. */
let actionFocus: { key: string; section: Element | null } | undefined;

/** Sends a request from a button: busy until the host answers; the answer goes to the status line. */
function act(control: HTMLElement, body: Parameters<typeof request>[0]): void {
  setBusy(control, true);
  if (control.dataset.focus) actionFocus = { key: control.dataset.focus, section: control.closest('section') };
  request(body, (result: ResultMessage) => {
    setBusy(control, false);
    if (result.message) showStatus(result.message, !result.ok);
  });
}

const actions: SectionActions = {
  openTalkingPoint: (id, b) => act(b, { type: 'openTalkingPoint', id }),
  coverTalkingPoint: (id, b) => act(b, { type: 'coverTalkingPoint', id }),
  toggleFollowUp: (id, done, b) => act(b, { type: done ? 'completeFollowUp' : 'reopenFollowUp', id }),
  setAskStatus: (id, value, b) => act(b, { type: 'setAskStatus', id, status: value }),
  copyAskTrailer: (id, b) => act(b, { type: 'copyAskTrailer', id }),
};
const connectionActions = {
  openPartner: (id: string, b: HTMLElement) => act(b, { type: 'openPartner', id }),
  removeConnection: (id: string, b: HTMLElement) => act(b, { type: 'removeConnection', id }),
};

function addCommit(commit: string, control: HTMLElement): void {
  act(control, { type: 'addCommitTalkingPoint', commit });
}

function addTalkingPoint(): void {
  if (pointAdd.getAttribute('aria-disabled') === 'true') return;
  setBusy(pointAdd, true);
  request({ type: 'addTalkingPoint', text: pointField.value }, (result) => {
    setBusy(pointAdd, false);
    showStatus(result.message, !result.ok);
    pointError.hidden = result.ok;
    pointError.textContent = result.ok ? '' : visible(result.fieldErrors?.talkingPoint ?? result.message);
    pointField.invalid = !result.ok;
    if (result.ok) {
      pointField.value = '';
      updateState({ talkingPointDraft: '' });
    }
    pointField.focus();
  });
}
pointField.addEventListener('input', () => updateState({ talkingPointDraft: pointField.value }));
pointField.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    event.preventDefault();
    addTalkingPoint();
  }
});

function toggleForm(open: boolean, focus = true): void {
  formView.element.hidden = !open;
  logButton.setAttribute('aria-expanded', String(open));
  updateState({ formOpen: open });
  if (!focus) return;
  if (open) {
    formView.element.scrollIntoView({ block: 'start' });
    formView.focusFirst();
  } else {
    logButton.focus();
  }
}

// ---- rendering ------------------------------------------------------------------------------------

/** On the first data after a (re)load: drop a restored draft that was saved meanwhile. */
let firstData = true;
function dropSavedDraft(next: PageData): void {
  const { draft, draftStartedAt } = pageState();
  const saved = draft ? savedAs(draft, draftStartedAt, next.checkIns) : undefined;
  if (!saved) return;
  updateState({ draft: undefined, draftStartedAt: undefined, formOpen: false });
  formView.element.hidden = true;
  logButton.setAttribute('aria-expanded', 'false');
  showStatus(l10n.t('The draft restored with this page was already saved as the check-in of {0}; it was dropped.', saved.dateLabel));
}

function render(next: PageData): void {
  if (firstData) {
    firstData = false;
    dropSavedDraft(next);
  }
  const onBody = document.activeElement === document.body || document.activeElement === null;
  const key = focusedKey() ?? (onBody ? actionFocus?.key : undefined);
  const focusedSection = onBody ? actionFocus?.section : document.activeElement?.closest('section');
  actionFocus = undefined;
  data = next;
  updateState({ partnerId: next.partner.id });
  document.title = l10n.t('Partner: {0}', next.partner.name);
  headerInfo.replaceChildren(...renderHeader(next));
  const authors = authorsOf(next);
  if (authorFilter !== undefined && !authors.includes(authorFilter)) authorFilter = undefined;
  authorBar.hidden = authors.length < 2;
  authorBar.replaceChildren(
    h('span', { class: 'filter-label' }, l10n.t('Written by:')),
    ...[undefined, ...authors].map((author) => {
      const chosen = author === authorFilter;
      const control = button(author ?? l10n.t('Everyone'), `author-${author ?? '*'}`, () => setAuthorFilter(author), {
        secondary: !chosen,
      });
      control.setAttribute('aria-pressed', String(chosen));
      return control;
    }),
  );
  const shown = filterByAuthor(next, authorFilter);
  points.heading.textContent = l10n.t('Talking points ({0} open)', shown.talkingPoints.length);
  points.body.replaceChildren(renderTalkingPoints(shown.talkingPoints, actions));
  const openFollowUps = shown.followUps.filter((f) => !f.done).length;
  followUps.heading.textContent = l10n.t('Follow-ups ({0} open)', openFollowUps);
  followUps.body.replaceChildren(renderFollowUps(shown.followUps, actions));
  asks.body.replaceChildren(...renderAsks(next.asks, actions));
  trend.body.replaceChildren(renderChart(next.chart));
  connections.heading.textContent = l10n.t('Connections ({0})', next.connections?.length ?? 0);
  connections.body.replaceChildren(renderConnections(next.connections, connectionActions));
  const git = next.git;
  code.element.hidden = !git || git.areas.length === 0;
  code.body.replaceChildren(...(git && git.areas.length > 0 ? renderCodeChanges(git, addCommit) : []));
  elsewhere.element.hidden = !git || git.elsewhere.length === 0;
  elsewhere.body.replaceChildren(...(git && git.elsewhere.length > 0 ? [renderElsewhere(git)] : []));
  timeline.heading.textContent = authorFilter
    ? l10n.t('Check-ins ({0} by {1})', shown.checkIns.length, visible(authorFilter))
    : l10n.t('Check-ins ({0})', shown.checkIns.length);
  timeline.body.replaceChildren(renderTimeline(shown.checkIns));
  formView.setData(next, pageState().draft);
  content.hidden = false;
  logButton.hidden = false;
  addPointButton.hidden = false;
  briefButton.hidden = false;
  app.removeAttribute('aria-busy');
  restoreFocus(key, focusedSection);
  if (pendingReveal) revealRecord(pendingReveal);
}

// ---- reveal: a search result opens the page at its record ------------------------------------------

/** The record the host asked to show, until the page has rendered it (or has data without it). */
let pendingReveal: string | undefined;
function revealRecord(id: string): void {
  pendingReveal = id;
  if (!data) return;
  const element = findByAttribute(content, 'data-id', id);
  if (!element && authorFilter !== undefined) {
    // Hidden by the author filter: show everyone's records, then look again.
    setAuthorFilter(undefined);
    return;
  }
  pendingReveal = undefined;
  for (const marked of content.querySelectorAll('.revealed')) marked.classList.remove('revealed');
  if (!element) return;
  element.classList.add('revealed');
  element.setAttribute('tabindex', '-1');
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
}

/** After a re-render, the same control gets the focus back; if it is gone, its section's heading. */
function restoreFocus(key: string | undefined, previousSection: Element | null | undefined): void {
  if (!key || document.activeElement !== document.body) return;
  const again = findByAttribute(document, 'data-focus', key);
  if (again) {
    again.focus();
    return;
  }
  const heading = previousSection?.id ? document.getElementById(`${previousSection.id}-heading`) : null;
  heading?.focus();
}

function renderGone(message: string): void {
  data = undefined;
  document.title = l10n.t('Partner not found');
  headerInfo.replaceChildren(h('h1', {}, l10n.t('Partner not found')), h('p', {}, message));
  content.hidden = true;
  logButton.hidden = true;
  addPointButton.hidden = true;
  briefButton.hidden = true;
  app.removeAttribute('aria-busy');
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseHostMessage(event.data);
  if (!message) {
    showStatus(l10n.t('Alliances sent something this page could not read; it was ignored.'), true);
    return;
  }
  switch (message.type) {
    case 'data':
      render(message.data);
      break;
    case 'gone':
      renderGone(message.message);
      break;
    case 'showForm':
      toggleForm(true);
      break;
    case 'reveal':
      revealRecord(message.id);
      break;
    case 'group':
      if (message.requestId === groupRequest) formView.applyGroup(message);
      break;
    case 'result':
      settle(message);
      break;
  }
});

if (pageState().formOpen) toggleForm(true, false);
sendReady();
