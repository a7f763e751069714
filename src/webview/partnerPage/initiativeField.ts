// The full form's "About an initiative" choice: none (the default), then the active initiatives the
// host lists (the partner's own first, with their stance). Hidden when there is no active initiative.
import * as l10n from '@vscode/l10n';
import type { PageData } from '../protocol';
import { h } from '../shared/dom';
import { choiceField, choiceOf, nextId, setChoice } from './choices';

type Options = NonNullable<PageData['form']['initiatives']>;

export class InitiativeField {
  readonly control: HTMLElement = h('vscode-radio-group', {});
  readonly element: HTMLElement = choiceField(l10n.t('About an initiative (optional)'), this.control, 'initiativeId');
  private shown = '';

  constructor() {
    this.element.hidden = true;
  }

  /** Fresh choices from the host; what was chosen stays chosen while it is still listed. */
  setOptions(options: Options = []): void {
    const key = JSON.stringify(options);
    if (key === this.shown) return;
    this.shown = key;
    const chosen = this.value();
    const name = nextId('initiative');
    const radio = (value: string, label: string) => h('vscode-radio', { name, value, label }, label);
    this.control.replaceChildren(radio('', l10n.t('Not about an initiative')), ...options.map((o) => radio(o.value, o.label)));
    this.setValue(chosen);
    this.element.hidden = options.length === 0;
  }

  value(): string {
    return choiceOf(this.control);
  }

  setValue(value: string): void {
    setChoice(this.control, value);
    if (!this.value()) setChoice(this.control, '');
  }
}
