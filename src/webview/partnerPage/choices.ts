// The full form's building blocks: radio groups for its choices (kind, rating, who asked, status, owner),
// labelled fields with their error lines, and the options of each choice, named from core's vocabulary.
import {
  ASK_DIRECTIONS,
  ASK_STATUSES,
  FOLLOW_UP_OWNERS,
  askDirectionLabel,
  askStatusLabel,
  followUpOwnerLabel,
  RATINGS,
  ratingLabel,
} from '../../core/vocabulary';
import { h } from '../shared/dom';

export type Control = HTMLElement & { value: string; invalid?: boolean };
/** A choice's options: [value, label]. */
export type Options = readonly (readonly [string, string])[];

let uid = 0;
export const nextId = (prefix: string): string => `${prefix}-${++uid}`;

// ---- the options (functions: read in the display language when the form is built) -----------------

/** 1 to 5, as the form lists them, with the words the quick flow uses too (docs/decisions/rating-scale.md). */
export const ratingOptions = (): Options => RATINGS.map((rating) => [String(rating), `${rating} – ${ratingLabel(rating)}`] as const);
export const directionOptions = (): Options => ASK_DIRECTIONS.map((d) => [d, askDirectionLabel(d)] as const);
export const statusOptions = (): Options => ASK_STATUSES.map((s) => [s, askStatusLabel(s)] as const);
export const ownerOptions = (): Options => FOLLOW_UP_OWNERS.map((o) => [o, followUpOwnerLabel(o)] as const);

// ---- radio groups and fields ------------------------------------------------------------------------

// Every choice has two to five options: radio groups show them all and take one arrow key each (and
// are far smaller than @vscode-elements' select with its dropdown machinery).
export function choices(options: Options, value = options[0]?.[0] ?? ''): HTMLElement {
  const name = nextId('choice');
  const group = h('vscode-radio-group', {}, ...options.map(([v, text]) => h('vscode-radio', { name, value: v, label: text }, text)));
  setChoice(group, value);
  return group;
}

export function choiceOf(group: Element): string {
  return [...group.querySelectorAll('vscode-radio')].find((radio) => radio.checked)?.value ?? '';
}

export function setChoice(group: Element, value: string): void {
  for (const radio of group.querySelectorAll('vscode-radio')) radio.checked = radio.value === value;
}

/** A value from a form part: the checked radio of a group, or the control's value. */
export function valueOf(element: Element): string {
  return element.tagName === 'VSCODE-RADIO-GROUP' ? choiceOf(element) : (element as Control).value;
}

/** A radio group under a legend, with its error line. */
export function choiceField(legend: string, group: HTMLElement, path: string): HTMLElement {
  const id = nextId('legend');
  group.dataset.path = path;
  group.setAttribute('aria-labelledby', id);
  return h(
    'fieldset',
    { class: 'field choice' },
    h('legend', { id }, legend),
    group,
    h('div', { class: 'field-error', 'data-error-for': path, hidden: true }),
  );
}

/** A labelled control with its error line; `path` names the field in the host's field errors. */
export function field(labelText: string, control: Control, path: string, hint?: string): HTMLElement {
  const id = nextId('field');
  control.id = id;
  control.dataset.path = path;
  control.setAttribute('label', labelText);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, labelText),
    control,
    hint ? h('div', { class: 'hint' }, hint) : undefined,
    h('div', { class: 'field-error', 'data-error-for': path, hidden: true }),
  );
}

/** A row's "With" partner, when the row has the choice. */
export function aboutOf(row: Element): { partnerId?: string } {
  const group = row.querySelector('[data-part="partnerId"]');
  const id = group ? valueOf(group) : '';
  return id ? { partnerId: id } : {};
}

export function part(row: Element, name: string): string {
  const element = row.querySelector(`[data-part="${name}"]`);
  if (!element) throw new Error(`form row without ${name}`);
  return valueOf(element);
}
