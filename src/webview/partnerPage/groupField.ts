// The full form's group: the other partners of a group check-in and the teammates who were there. The
// people are picked on the host ("Add more people…" opens the same pick as the quick flow), which answers
// with their names and open talking points; those points join the form's "covered" list, and each ask
// and action item can say which partner of the group it is with.
import * as l10n from '@vscode/l10n';
import type { HostMessage } from '../protocol';
import { h } from '../shared/dom';
import { choiceField, choiceOf, choices, type Options } from './choices';
import { button } from './sections';

type GroupMessage = Extract<HostMessage, { type: 'group' }>;
export type GroupPoint = GroupMessage['talkingPoints'][number];
export interface Teammate {
  name: string;
  email?: string;
}

export interface GroupCallbacks {
  /** Show the host's people pick with this group ticked. */
  pick(partnerIds: string[], present: Teammate[]): void;
  /** Something changed (the draft, the rows' choices, the covered list). */
  changed(): void;
}

export class GroupField {
  readonly element: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly addButton: HTMLElement;
  private partners: { id: string; name: string }[] = [];
  private present: Teammate[] = [];
  /** Ids restored from a draft whose names the host has not told yet. */
  private pendingIds: string[] = [];
  points: GroupPoint[] = [];

  constructor(private readonly callbacks: GroupCallbacks) {
    this.summary = h('div', { class: 'group-people', 'data-testid': 'group-people' });
    this.addButton = button(l10n.t('Add more people…'), 'form-add-people', () => this.callbacks.pick(this.partnerIds(), this.present), {
      secondary: true,
    });
    this.element = h(
      'fieldset',
      { class: 'group', 'data-path': 'partnerIds' },
      h('legend', {}, l10n.t('Who was there')),
      h('p', { class: 'hint' }, l10n.t('A group check-in counts for every partner in it and shows on each one’s page.')),
      this.summary,
      this.addButton,
    );
    this.render();
  }

  partnerIds(): string[] {
    return this.partners.length > 0 || this.pendingIds.length === 0 ? this.partners.map((p) => p.id) : this.pendingIds;
  }

  teammates(): Teammate[] {
    return this.present;
  }

  /** The group from a draft: ids first, names when the host describes them. */
  restore(partnerIds: readonly string[], present: readonly Teammate[]): void {
    this.pendingIds = [...partnerIds];
    this.partners = [];
    this.present = [...present];
    this.points = [];
    this.render();
  }

  /** The host's answer to pick or describe. */
  apply(message: GroupMessage): void {
    this.pendingIds = [];
    this.partners = message.partners;
    this.present = message.present.map((p) => ({ name: p.name, ...(p.email ? { email: p.email } : {}) }));
    this.points = message.talkingPoints;
    this.render();
  }

  /** The group's members as a choice's options: the page's partner first. */
  memberOptions(self: { id: string; name: string }): Options {
    return [[self.id, self.name], ...this.partners.map((p) => [p.id, p.name] as const)];
  }

  private render(): void {
    const names = this.partners.map((p) => p.name);
    const teammates = this.present.map((p) => p.name);
    const lines: HTMLElement[] = [
      names.length > 0 || this.pendingIds.length > 0
        ? h(
            'p',
            { 'data-testid': 'group-partners' },
            l10n.t({
              message: 'with {0}',
              args: [names.join(', ') || '…'],
              comment: ['The other people of a group check-in: "with Priya, Dana".'],
            }),
          )
        : h('p', { class: 'empty' }, l10n.t('Only this partner. Add more people for a group check-in.')),
    ];
    if (teammates.length > 0)
      lines.push(
        h(
          'p',
          { 'data-testid': 'group-present' },
          l10n.t({
            message: 'also there: {0}',
            args: [teammates.join(', ')],
            comment: ['Teammates who were at a check-in besides its author: "also there: Sam, Lee".'],
          }),
        ),
      );
    this.summary.replaceChildren(...lines);
  }
}

/** A row's "With" choice among the group's members; hidden while the check-in has one partner. */
export function aboutField(options: Options, value: string | undefined): HTMLElement {
  const group = choices(options, value ?? options[0]?.[0]);
  group.dataset.part = 'partnerId';
  const wrapper = choiceField(l10n.t('With'), group, '');
  wrapper.classList.add('about');
  wrapper.hidden = options.length < 2;
  return wrapper;
}

/** Rebuilds a row's "With" choice for a new group, keeping what was chosen when still in it. */
export function refreshAbout(row: Element, options: Options): void {
  const old = row.querySelector<HTMLElement>('.about');
  if (!old) return;
  const current = old.querySelector('[data-part="partnerId"]');
  const chosen = current ? choiceOf(current) : '';
  const keep = options.some(([id]) => id === chosen) ? chosen : options[0]?.[0];
  old.replaceWith(aboutField(options, keep));
}
