import * as vscode from 'vscode';
import { addDays, startOfDay } from 'date-fns';
import type { FollowUp } from '../../core/model';
import { followUpOwnerLabel, type FollowUpOwner } from '../../core/vocabulary';
import type { Loaded } from '../../core/store';
import { partnerFromArg, pickPartner } from '../shared/partnerArgs';
import { askDueDate } from '../shared/dueDatePick';
import { askPick, askText, BACK, runSteps } from '../shared/quickInputs';
import type { StoreService } from '../store/storeService';
import { visible } from '../shared/displayText';

export interface FollowUpInput {
  text: string;
  owner: FollowUpOwner;
  teammate?: string;
  due?: string;
  checkInId?: string;
  private?: boolean;
}

/** Add Follow-up: text, who owns it (me, them, a teammate) and an optional due date. */
export async function addFollowUp(service: StoreService, partnerArg?: unknown, inputArg?: unknown): Promise<Loaded<FollowUp> | undefined> {
  const target =
    partnerFromArg(service, partnerArg) ??
    (await pickPartner(service, vscode.l10n.t('Add Follow-up'), (t) => !t.view.record.value.archived));
  if (!target) return undefined;
  const name = target.view.record.value.name;
  const input = isInput(inputArg) ? inputArg : await askForFollowUp(name);
  if (!input) return undefined;
  const { private: isPrivate, ...fields } = input;
  const record = await target.entry.store.create(
    'followUp',
    { partnerId: target.view.record.value.id, ...fields, text: fields.text.trim() },
    { private: isPrivate },
  );
  vscode.window.setStatusBarMessage(`$(checklist) ${visible(vscode.l10n.t('Alliances: follow-up added for {0}', name))}`, 4000);
  return record;
}

function isInput(arg: unknown): arg is FollowUpInput {
  return (
    typeof arg === 'object' &&
    arg !== null &&
    typeof (arg as FollowUpInput).text === 'string' &&
    typeof (arg as FollowUpInput).owner === 'string'
  );
}

async function askForFollowUp(partnerName: string): Promise<FollowUpInput | undefined> {
  const state: FollowUpInput = { text: '', owner: 'me' };
  const title = vscode.l10n.t('Add Follow-up: {0}', partnerName);
  const today = startOfDay(new Date());
  return runSteps(state, [
    async (s) => {
      const text = await askText({
        title,
        step: 1,
        totalSteps: 3,
        prompt: vscode.l10n.t('What needs doing?'),
        placeholder: vscode.l10n.t('e.g. Send the revised estimate'),
        value: s.text,
        validate: (v) => (v.trim() ? undefined : vscode.l10n.t('Say what needs doing.')),
      });
      if (typeof text !== 'string') return text;
      s.text = text.trim();
      return true;
    },
    async (s) => {
      const items: (vscode.QuickPickItem & { owner: FollowUpOwner })[] = [
        { label: followUpOwnerLabel('me'), description: vscode.l10n.t('I will do it'), owner: 'me' },
        { label: partnerName, description: vscode.l10n.t('they will do it'), owner: 'them' },
        { label: vscode.l10n.t('A teammate…'), owner: 'teammate' },
      ];
      const chosen = await askPick({
        title,
        step: 2,
        totalSteps: 3,
        items,
        active: items.find((i) => i.owner === s.owner),
        placeholder: vscode.l10n.t('Who owns it?'),
      });
      if (!chosen || chosen === BACK) return chosen;
      s.owner = chosen.owner;
      if (chosen.owner === 'teammate') {
        const teammate = await askText({
          title,
          step: 2,
          totalSteps: 3,
          prompt: vscode.l10n.t('Which teammate?'),
          value: s.teammate,
          validate: (v) => (v.trim() ? undefined : vscode.l10n.t('A name, please.')),
        });
        if (typeof teammate !== 'string') return teammate;
        s.teammate = teammate.trim();
      } else {
        s.teammate = undefined;
      }
      return true;
    },
    async (s) => {
      const options: [string, Date | undefined][] = [
        [vscode.l10n.t('No due date'), undefined],
        [vscode.l10n.t('Tomorrow'), addDays(today, 1)],
        [vscode.l10n.t('In 3 days'), addDays(today, 3)],
        [vscode.l10n.t('In a week'), addDays(today, 7)],
        [vscode.l10n.t('In two weeks'), addDays(today, 14)],
      ];
      const chosen = await askDueDate(options, today, { title, step: 3, totalSteps: 3 });
      if (!chosen || chosen === BACK) return chosen;
      s.due = chosen.due;
      return true;
    },
  ]);
}

/** The id of a follow-up from a command argument: an id, or a node of the follow-ups tree. */
export function followUpIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const record = (arg as { followUp?: Loaded<FollowUp> } | undefined)?.followUp;
  return record?.value.id;
}

/** Completes (done: true) or reopens a follow-up: one click in the tree or on the partner page. */
export async function setFollowUpDone(service: StoreService, done: boolean, arg?: unknown): Promise<Loaded<FollowUp> | undefined> {
  const id = followUpIdOf(arg);
  const found = id ? service.findRecord('followUp', id) : undefined;
  if (!found) throw new Error(vscode.l10n.t('no loaded follow-up has the id {0}.', String(id)));
  return found.entry.store.update(
    'followUp',
    found.record.value.id,
    done ? { done: true, doneAt: new Date().toISOString() } : { done: undefined, doneAt: undefined },
  );
}
