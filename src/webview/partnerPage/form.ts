// The full check-in form: kind, rating, summary, markdown notes, private flag and private notes, rows of
// asks/offers and action items, and the open talking points covered today. The page only collects what
// was typed; the host validates it and answers with field errors, shown next to the fields. What the user
// typed survives live updates (the form is built once) and hiding the panel (the draft is in the state).
import * as l10n from '@vscode/l10n';
import { emptyForm, type CheckInFormInput, type HostMessage, type PageData } from '../protocol';
import {
  choiceField,
  choiceOf,
  choices,
  directionOptions,
  field,
  nextId,
  aboutOf,
  part,
  ownerOptions,
  ratingOptions,
  setChoice,
  statusOptions,
  type Control,
} from './choices';
import { h } from '../shared/dom';
import { clearFormErrors, showFormErrors } from './formErrors';
import { aboutField, GroupField, refreshAbout, type Teammate } from './groupField';
import { button, setBusy } from './sections';
import { visible } from '../../core/visibleText';
import { InitiativeField } from './initiativeField';
import { renumberRows } from './rowNumbers';

type Checkbox = HTMLElementTagNameMap['vscode-checkbox'];

export interface FormCallbacks {
  /** Something was typed: the draft to keep. */
  changed(draft: CheckInFormInput): void;
  submit(form: CheckInFormInput): void;
  cancel(): void;
  /** "Add more people…": the host's people pick. */
  pickGroup(partnerIds: string[], present: Teammate[]): void;
  /** The names and open talking points of these partners (a restored draft, fresh data). */
  describeGroup(partnerIds: string[]): void;
}

export class CheckInFormView {
  readonly element: HTMLElement;
  private readonly kind: HTMLElement;
  private readonly ratingGroup: HTMLElement;
  private readonly summary: Control;
  private readonly notes: Control;
  private readonly isPrivate: Checkbox;
  private readonly privateNotes: Control;
  private readonly asks: HTMLElement;
  private readonly actions: HTMLElement;
  private readonly covered: HTMLElement;
  private readonly saveButton: HTMLElement;
  private readonly formError: HTMLElement;
  private kindsSet = false;
  /** Untouched since built or reset: fresh data may still change its defaults (kind, rating). */
  private pristine = true;
  private coveredIds = new Set<string>();
  private readonly group: GroupField;
  private readonly initiative = new InitiativeField();
  /** The page's partner: the first of a group, and the default "With" of a row. */
  private self = { id: '', name: '' };
  private ownPoints: PageData['talkingPoints'] = [];

  constructor(private readonly callbacks: FormCallbacks) {
    this.kind = h('vscode-radio-group', {});
    this.ratingGroup = choices(ratingOptions(), '');
    this.summary = h('vscode-textfield', { placeholder: l10n.t('One line: what happened, what was agreed'), maxlength: 2000 });
    this.notes = h('vscode-textarea', {
      rows: 6,
      monospace: true,
      placeholder: l10n.t('Markdown, shared with the team (committed with the store)'),
    });
    this.isPrivate = h(
      'vscode-checkbox',
      { 'data-path': 'private' },
      l10n.t('Private check-in: kept only on this machine under .alliances/private/, never committed'),
    );
    this.privateNotes = h('vscode-textarea', { rows: 3, placeholder: l10n.t('Only on this machine, never committed') });
    this.asks = h('div', { class: 'rows' });
    this.actions = h('div', { class: 'rows' });
    this.covered = h('div', { class: 'covered' });
    this.formError = h('div', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true });
    this.saveButton = button(l10n.t('Save check-in'), 'form-save', () => this.callbacks.submit(this.values()));
    this.group = new GroupField({ pick: (ids, present) => this.callbacks.pickGroup(ids, present), changed: () => this.changed() });

    this.element = h(
      'section',
      { id: 'checkin-form', class: 'card form', 'aria-labelledby': 'form-heading', hidden: true },
      h('h2', { id: 'form-heading', tabindex: -1 }, l10n.t('Log a check-in')),
      h(
        'p',
        { class: 'hint' },
        l10n.t(
          'The quick flow (Alliances: Log Check-in) stays one line long; this form adds notes, asks and offers, action items and the talking points you covered.',
        ),
      ),
      this.group.element,
      choiceField(l10n.t('Kind'), this.kind, 'kind'),
      choiceField(l10n.t('How does the relationship feel? (1–5)'), this.ratingGroup, 'rating'),
      field(l10n.t('Summary'), this.summary, 'summary'),
      this.initiative.element,
      field(l10n.t('Notes (markdown)'), this.notes, 'notes', l10n.t('Shown as plain text on this page.')),
      h('div', { class: 'field' }, this.isPrivate),
      field(
        l10n.t('Private notes'),
        this.privateNotes,
        'privateNotes',
        l10n.t('Saved under .alliances/private/ (git-ignored), whatever the check-in’s privacy.'),
      ),
      h(
        'fieldset',
        { class: 'group' },
        h('legend', {}, l10n.t('Asks and offers')),
        h('p', { class: 'hint' }, l10n.t('Help-me conversations: what each of you asked the other.')),
        this.asks,
        button(l10n.t('Add ask or offer'), 'form-add-ask', () => this.addAsk(undefined, true), { secondary: true }),
      ),
      h(
        'fieldset',
        { class: 'group' },
        h('legend', {}, l10n.t('Action items')),
        this.actions,
        button(l10n.t('Add action item'), 'form-add-action', () => this.addAction(undefined, true), { secondary: true }),
      ),
      h('fieldset', { class: 'group' }, h('legend', {}, l10n.t('Talking points covered today')), this.covered),
      this.formError,
      h(
        'div',
        { class: 'form-buttons' },
        this.saveButton,
        button(l10n.t('Discard'), 'form-discard', () => this.callbacks.cancel(), { secondary: true }),
      ),
    );
    for (const control of [
      this.kind,
      this.ratingGroup,
      this.summary,
      this.initiative.control,
      this.notes,
      this.privateNotes,
      this.isPrivate,
    ])
      this.watch(control);
  }

  private watch(control: HTMLElement): void {
    control.addEventListener('input', () => this.changed());
    control.addEventListener('change', () => this.changed());
  }

  private changed(): void {
    this.pristine = false;
    this.callbacks.changed(this.values());
  }

  /** New data: the kinds (once), the defaults while untouched, and the open talking points (keeping what was checked). */
  setData(data: PageData, draft: CheckInFormInput | undefined): void {
    this.self = { id: data.partner.id, name: data.partner.name };
    this.initiative.setOptions(data.form.initiatives);
    if (!this.kindsSet) {
      this.kindsSet = true;
      const name = nextId('kind');
      this.kind.replaceChildren(...data.form.kinds.map((k) => h('vscode-radio', { name, value: k.value, label: k.label }, k.label)));
      if (draft) {
        this.setValues(draft);
        this.pristine = false;
      }
    }
    if (this.pristine) this.setValues(emptyForm(data.form.defaultKind, String(data.form.defaultRating)));
    this.ownPoints = data.talkingPoints;
    this.renderCovered();
    this.refreshRows();
    // The others' talking points may have changed too: ask again.
    if (this.group.partnerIds().length > 0) this.callbacks.describeGroup(this.group.partnerIds());
  }

  /** The host's answer about the group: names, teammates, the others' open talking points. */
  applyGroup(message: Extract<HostMessage, { type: 'group' }>): void {
    this.group.apply(message);
    this.renderCovered();
    this.refreshRows();
    if (!message.cancelled) this.changed();
  }

  private refreshRows(): void {
    const options = this.group.memberOptions(this.self);
    for (const row of [...this.asks.children, ...this.actions.children]) refreshAbout(row, options);
  }

  private renderCovered(): void {
    // A group check-in offers the open points of everyone in it, each marked with whose it is.
    const points = [
      ...this.ownPoints.map((p) => ({ id: p.id, text: p.text, sourceLabel: p.sourceLabel, partnerName: undefined as string | undefined })),
      ...this.group.points.map((p) => ({ id: p.id, text: p.text, sourceLabel: p.sourceLabel, partnerName: p.partnerName })),
    ];
    const checked = new Set(this.checkedCovered());
    for (const id of this.coveredIds) if (!checked.has(id)) this.coveredIds.delete(id);
    for (const id of checked) this.coveredIds.add(id);
    if (points.length === 0) {
      this.covered.replaceChildren(h('p', { class: 'empty' }, l10n.t('No open talking points.')));
      return;
    }
    this.covered.replaceChildren(
      ...points.map((point) => {
        const box = h(
          'vscode-checkbox',
          { value: point.id, 'data-focus': `covered-${point.id}` },
          [point.partnerName ? `${point.partnerName}: ` : '', point.text, point.sourceLabel ? ` (${point.sourceLabel})` : ''].join(''),
        );
        box.checked = this.coveredIds.has(point.id);
        this.watch(box);
        return box;
      }),
    );
  }

  private checkedCovered(): string[] {
    return [...this.covered.querySelectorAll<Checkbox>('vscode-checkbox')].filter((box) => box.checked).map((box) => box.value);
  }

  values(): CheckInFormInput {
    return {
      kind: choiceOf(this.kind),
      rating: choiceOf(this.ratingGroup),
      summary: this.summary.value,
      initiativeId: this.initiative.value(),
      notes: this.notes.value,
      private: this.isPrivate.checked,
      privateNotes: this.privateNotes.value,
      asks: [...this.asks.children].map((row) => ({
        direction: part(row, 'direction'),
        text: part(row, 'text'),
        status: part(row, 'status'),
        ...aboutOf(row),
      })),
      actions: [...this.actions.children].map((row) => ({
        text: part(row, 'text'),
        owner: part(row, 'owner'),
        teammate: part(row, 'teammate'),
        due: part(row, 'due'),
        ...aboutOf(row),
      })),
      covered: this.checkedCovered(),
      partnerIds: this.group.partnerIds(),
      present: this.group.teammates(),
    };
  }

  setValues(form: CheckInFormInput): void {
    setChoice(this.kind, form.kind);
    setChoice(this.ratingGroup, form.rating);
    this.summary.value = form.summary;
    this.initiative.setValue(form.initiativeId ?? '');
    this.notes.value = form.notes;
    this.isPrivate.checked = form.private;
    this.privateNotes.value = form.privateNotes;
    this.asks.replaceChildren();
    for (const ask of form.asks) this.addAsk(ask, false);
    this.actions.replaceChildren();
    for (const action of form.actions) this.addAction(action, false);
    this.group.restore(form.partnerIds ?? [], form.present ?? []);
    if ((form.partnerIds ?? []).length > 0) this.callbacks.describeGroup(form.partnerIds ?? []);
    this.coveredIds = new Set(form.covered);
    for (const box of this.covered.querySelectorAll<Checkbox>('vscode-checkbox')) box.checked = this.coveredIds.has(box.value);
    this.clearErrors();
  }

  reset(data: PageData | undefined): void {
    this.setValues(emptyForm(data?.form.defaultKind, data ? String(data.form.defaultRating) : ''));
    this.pristine = true;
  }

  private addAsk(values: CheckInFormInput['asks'][number] | undefined, focus: boolean): void {
    const row = h('fieldset', { class: 'row' }, h('legend', {}));
    const direction = choices(directionOptions(), values?.direction);
    const text = h('vscode-textfield', { placeholder: l10n.t('What was asked') });
    const status = choices(statusOptions(), values?.status);
    direction.dataset.part = 'direction';
    text.dataset.part = 'text';
    status.dataset.part = 'status';
    if (values) text.value = values.text;
    row.append(
      h(
        'div',
        { class: 'row-fields ask' },
        choiceField(l10n.t('Who asked'), direction, ''),
        field(l10n.t('Ask or offer'), text, ''),
        choiceField(l10n.t('Status'), status, ''),
        aboutField(this.group.memberOptions(this.self), values?.partnerId),
      ),
      this.removeButton(row, this.asks),
    );
    for (const c of [direction, text, status]) this.watch(c);
    this.asks.append(row);
    this.renumber();
    if (focus) {
      this.changed();
      text.focus();
    }
  }

  private addAction(values: CheckInFormInput['actions'][number] | undefined, focus: boolean): void {
    const row = h('fieldset', { class: 'row' }, h('legend', {}));
    const text = h('vscode-textfield', { placeholder: l10n.t('What will be done') });
    const owner = choices(ownerOptions(), values?.owner);
    const teammate = h('vscode-textfield', { placeholder: l10n.t('Teammate’s name') });
    const due = h('vscode-textfield', { type: 'date' });
    text.dataset.part = 'text';
    owner.dataset.part = 'owner';
    teammate.dataset.part = 'teammate';
    due.dataset.part = 'due';
    if (values) {
      text.value = values.text;
      teammate.value = values.teammate;
      due.value = values.due;
    }
    const teammateField = field(l10n.t('Teammate'), teammate, '');
    const showTeammate = () => {
      teammateField.hidden = choiceOf(owner) !== 'teammate';
    };
    showTeammate();
    owner.addEventListener('change', showTeammate);
    row.append(
      h(
        'div',
        { class: 'row-fields action' },
        field(l10n.t('Action item'), text, ''),
        choiceField(l10n.t('Owner'), owner, ''),
        teammateField,
        field(l10n.t('Due (optional)'), due, ''),
        aboutField(this.group.memberOptions(this.self), values?.partnerId),
      ),
      this.removeButton(row, this.actions),
    );
    for (const c of [text, owner, teammate, due]) this.watch(c);
    this.actions.append(row);
    this.renumber();
    if (focus) {
      this.changed();
      text.focus();
    }
  }

  private removeButton(row: HTMLElement, list: HTMLElement): HTMLElement {
    return button(
      l10n.t('Remove'),
      nextId('remove'),
      () => {
        const next = (row.nextElementSibling ?? row.previousElementSibling) as HTMLElement | null;
        row.remove();
        this.renumber();
        this.changed();
        // Keep the keyboard where it was: the neighbouring row, or the list's Add button.
        const target = next?.querySelector<HTMLElement>('[data-part="text"]') ?? list.nextElementSibling;
        (target as HTMLElement | null)?.focus();
      },
      { secondary: true },
    );
  }

  /** Row legends, accessible names and field paths follow the rows' order. */
  private renumber(): void {
    renumberRows(this.asks, this.actions);
  }

  setBusy(busy: boolean): void {
    setBusy(this.saveButton, busy);
  }

  clearErrors(): void {
    clearFormErrors(this.element, this.formError);
  }

  /** Shows each error next to its field and focuses the first one; the rest go in the form's error line. */
  showErrors(fieldErrors: Record<string, string>, message: string): void {
    showFormErrors(this.element, this.formError, fieldErrors, message);
  }

  showMessage(message: string): void {
    this.formError.textContent = visible(message);
    this.formError.hidden = message === '';
  }

  focusFirst(): void {
    this.kind.focus();
  }
}
