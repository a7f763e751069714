import * as vscode from 'vscode';
import { groupAgenda, mayCover } from '../../core/groupCheckIns';
import type { Author, CheckIn } from '../../core/model';
import { CHECK_IN_KINDS, checkInKindLabel, MAX_RATING, RATINGS, ratingLabel, type CheckInKind, type Rating } from '../../core/vocabulary';
import type { Loaded } from '../../core/store';
import { partnerFromArg, partnerItems, pickPartner, type PartnerTarget } from '../shared/partnerArgs';
import { askMany, askPick, askText, BACK, runSteps } from '../shared/quickInputs';
import type { StoreService } from '../store/storeService';
import { COMMANDS } from '../ids';
import { visible } from '../shared/displayText';
import type { People } from './pickPeople';
import { loadPartnerPage } from '../partnerPage/register';
import { loadInitiativePage } from '../initiativePage/register';

/** The summary step's title-bar button: leave the quick flow for the full form on the partner page. */
const FULL_FORM = Symbol('full form');
const fullFormButton = (): vscode.QuickInputButton & { id: typeof FULL_FORM } => ({
  id: FULL_FORM,
  iconPath: new vscode.ThemeIcon('notebook'),
  tooltip: vscode.l10n.t('Open the full form (notes, asks and offers, action items, private notes)'),
});

/** "Add more people…": the partner pick's last item and a title-bar button of the kind step. */
const ADD_PEOPLE = Symbol('add people');
const addPeopleButton = (): vscode.QuickInputButton & { id: typeof ADD_PEOPLE } => ({
  id: ADD_PEOPLE,
  iconPath: new vscode.ThemeIcon('person-add'),
  tooltip: vscode.l10n.t('Add more people (a group check-in)…'),
});

export interface CheckInInput {
  kind: CheckInKind;
  rating?: number;
  summary: string;
  notes?: string;
  private?: boolean;
  /** Talking points this check-in covered: they leave the agenda. */
  covered?: string[];
  /** A group check-in: the other partners (ids of the same store). */
  partnerIds?: string[];
  /** Teammates who were there besides the author. */
  present?: Author[];
  /** The initiative it was about (who to win over next counts from it). */
  initiativeId?: string;
}

/** Functions, not constants: read in the display language when shown. */
const kindDetails = (): Record<CheckInKind, string> => ({
  'one-on-one': vscode.l10n.t('a scheduled conversation'),
  'help-me': vscode.l10n.t('each of you names something you need help with'),
  'ad-hoc': vscode.l10n.t('a hallway or unplanned chat'),
  async: vscode.l10n.t('by message or email'),
});

/** The rating step's items, best first: stars and the number, then what the rating means (core's vocabulary). */
export function ratingItems(): (vscode.QuickPickItem & { rating: Rating })[] {
  return [...RATINGS].reverse().map((value) => ({
    label: `${'★'.repeat(value)}${'☆'.repeat(MAX_RATING - value)}  ${value}`,
    description: ratingLabel(value),
    rating: value,
  }));
}

/**
 * Log Check-in in a few keystrokes: partner (most overdue first; skipped when run on a tree item),
 * kind, a 1–5 rating, one line. Enter accepts the highlighted default at every step.
 */
export async function logCheckIn(service: StoreService, partnerArg?: unknown, inputArg?: unknown): Promise<Loaded<CheckIn> | undefined> {
  const preset = partnerFromArg(service, partnerArg);
  const given = isCheckInInput(inputArg) ? inputArg : undefined;
  let target = preset;
  let input = given;
  if (!target || !input) {
    if (!target && partnerItems(service, isActive).length === 0) {
      await pickPartner(service, vscode.l10n.t('Log Check-in'), isActive); // says there is nobody yet and offers Add Partner
      return undefined;
    }
    const answer = await askForCheckIn(service, target);
    if (!answer) return undefined;
    if ('fullForm' in answer) {
      await vscode.commands.executeCommand(COMMANDS.openPartnerPage, answer.fullForm.view.record.value.id, { showForm: true });
      return undefined;
    }
    ({ target, input } = answer);
  }
  const { covered, partnerIds, present, ...checkIn } = input;
  const store = target.entry.store;
  const first = target.view.record.value.id;
  const others = (partnerIds ?? []).filter((id) => id !== first);
  const record = await store.addCheckIn({
    partnerId: first,
    ...(others.length > 0 ? { partnerIds: [first, ...others] } : {}),
    ...(present && present.length > 0 ? { present } : {}),
    ...checkIn,
  });
  const group = [first, ...others];
  const coveredAt = new Date().toISOString();
  for (const id of covered ?? []) {
    const point = store.get('talkingPoint', id);
    // A private check-in's id never goes into a shared file: teammates could not resolve it anyway.
    const reference = record.private && !point?.private ? {} : { coveredIn: record.value.id };
    // A group check-in covers the points of everyone in it, and no one else's.
    if (point && mayCover(group, point.value)) await store.update('talkingPoint', id, { ...reference, coveredAt });
  }
  if (!record.private) service.checkInLogged(target.entry);
  const names = group.map((id) => store.partner(id)?.value.name ?? id);
  const logged =
    names.length > 1
      ? vscode.l10n.t('Alliances: group check-in with {0} logged', names.join(', '))
      : vscode.l10n.t('Alliances: check-in with {0} logged', target.view.record.value.name);
  vscode.window.setStatusBarMessage(`$(check) ${visible(logged)}`, 4000);
  return record;
}

const isActive = (target: PartnerTarget): boolean => !target.view.record.value.archived;

function isCheckInInput(arg: unknown): arg is CheckInInput {
  if (typeof arg !== 'object' || arg === null) return false;
  const input = arg as CheckInInput;
  const ids = (list: unknown) => list === undefined || (Array.isArray(list) && list.every((id) => typeof id === 'string'));
  const people =
    input.present === undefined ||
    (Array.isArray(input.present) && input.present.every((p: unknown) => typeof (p as Author | null)?.name === 'string'));
  return (
    (CHECK_IN_KINDS as readonly unknown[]).includes(input.kind) &&
    typeof input.summary === 'string' &&
    ids(input.covered) &&
    ids(input.partnerIds) &&
    people
  );
}

interface CheckInState {
  target: PartnerTarget | undefined;
  /** The other partners of a group check-in (after "Add more people…"). */
  others: PartnerTarget[];
  present: Author[];
  kind: CheckInKind;
  rating: number | undefined;
  summary: string;
  covered: string[];
  /** The initiative it was about (the initiative step), if any. */
  initiativeId: string | undefined;
}

async function askForCheckIn(
  service: StoreService,
  preset: PartnerTarget | undefined,
): Promise<{ target: PartnerTarget; input: CheckInInput } | { fullForm: PartnerTarget } | undefined> {
  let fullForm = false;
  /** The summary step went back: the initiative step, when it has nothing to ask, passes it on. */
  let back = false;
  const title = vscode.l10n.t('Log Check-in');
  const state: CheckInState = {
    target: preset,
    others: [],
    present: [],
    kind: preset?.view.lastCheckIn?.kind ?? 'one-on-one',
    rating: undefined,
    summary: '',
    covered: [],
    initiativeId: undefined,
  };
  // From a tree item the partner is known: three steps. From the palette the picker comes first.
  const offset = preset ? 0 : 1;
  // One more step when the partner has talking points on the agenda: which ones were covered.
  const groupOf = (s: CheckInState) => (s.target ? [s.target, ...s.others] : []);
  // A group check-in offers the open talking points of everyone in it.
  const agendaOf = (s: CheckInState) =>
    s.target
      ? groupAgenda(
          s.target.entry.store,
          groupOf(s).map((t) => t.view.record.value.id),
        )
      : [];
  // And one when one of them has a stance on an active, shared initiative: was it about one? (Enter:
  // no.) The same rule as core's checkInInitiatives, which lists them in dist/initiativePage.js; kept
  // inline here so main.js does not carry the initiatives' figures.
  const hasInitiative = (s: CheckInState) => {
    const store = s.target?.entry.store;
    return groupOf(s).some((t) =>
      store?.ofPartner('stance', t.view.record.value.id).some((r) => {
        // A shared check-in never names a private initiative: teammates could not resolve it.
        const initiative = store.get('initiative', r.value.initiativeId);
        return initiative && !initiative.private && initiative.value.status === 'active';
      }),
    );
  };
  const about = (s: CheckInState) => (hasInitiative(s) ? 1 : 0);
  const stepsFor = (s: CheckInState) => 3 + offset + about(s) + (agendaOf(s).length > 0 ? 1 : 0);
  const titleOf = (s: CheckInState) => (s.target ? vscode.l10n.t('Log Check-in: {0}', groupTitle(groupOf(s))) : title);
  /** The people multi-select, in place of the step it was opened from; false when it went back. */
  const askPeople = async (s: CheckInState, step: number): Promise<boolean | undefined> => {
    const people: People = { partners: groupOf(s), present: s.present };
    const chosen = await loadPartnerPage().pickPeople(service, s.target?.entry, people, {
      title: titleOf(s),
      step,
      totalSteps: stepsFor(s),
    });
    if (chosen === undefined) return undefined;
    if (chosen === 'back') return false;
    const [first, ...others] = chosen.partners;
    if (first?.view.record.value.id !== s.target?.view.record.value.id) s.kind = first?.view.lastCheckIn?.kind ?? s.kind;
    s.target = first;
    s.others = others;
    s.present = chosen.present;
    return true;
  };
  const steps: ((s: CheckInState) => Promise<true | typeof BACK | undefined>)[] = [];
  if (!preset) {
    steps.push(async (s) => {
      for (;;) {
        const partners = partnerItems(service, isActive);
        // Last and always shown, so that Enter on the most overdue partner stays the quick path.
        const more = {
          label: `$(person-add) ${vscode.l10n.t('Add more people…')}`,
          detail: vscode.l10n.t('A group check-in: several partners, and teammates who were there'),
          alwaysShow: true,
          addPeople: true as const,
        };
        const items: ((typeof partners)[number] | typeof more)[] = [...partners, more];
        const chosen = await askPick({
          title,
          step: 1,
          totalSteps: stepsFor(s),
          items,
          active: partners.find((i) => i.target.view.record.value.id === s.target?.view.record.value.id),
          placeholder: vscode.l10n.t('Type a name; most overdue first'),
          matchOnDescription: true,
          matchOnDetail: true,
        });
        if (!chosen || chosen === BACK) return chosen;
        if ('addPeople' in chosen) {
          const answer = await askPeople(s, 1);
          if (answer === undefined) return undefined;
          if (answer) return true;
          continue;
        }
        s.target = chosen.target;
        s.others = [];
        s.kind = chosen.target.view.lastCheckIn?.kind ?? 'one-on-one'; // people tend to meet the same way
        return true;
      }
    });
  }
  steps.push(
    async (s) => {
      const details = kindDetails();
      const items = CHECK_IN_KINDS.map((kind) => ({ label: checkInKindLabel(kind), detail: details[kind], checkInKind: kind }));
      for (;;) {
        const chosen = await askPick({
          title: titleOf(s),
          step: 1 + offset,
          totalSteps: stepsFor(s),
          items,
          active: items.find((i) => i.checkInKind === s.kind),
          placeholder: vscode.l10n.t('What kind of check-in?'),
          buttons: [addPeopleButton()],
        });
        if (chosen === ADD_PEOPLE) {
          if ((await askPeople(s, 1 + offset)) === undefined) return undefined;
          continue;
        }
        if (!chosen || chosen === BACK) return chosen;
        s.kind = chosen.checkInKind;
        return true;
      }
    },
    async (s) => {
      const previous = s.target?.view.lastCheckIn?.rating;
      const items = ratingItems();
      const chosen = await askPick({
        title: titleOf(s),
        step: 2 + offset,
        totalSteps: stepsFor(s),
        items,
        active: items.find((i) => i.rating === (s.rating ?? previous ?? 3)),
        placeholder: previous
          ? vscode.l10n.t('How does the relationship feel? Last time: {0}/5', previous)
          : vscode.l10n.t('How does the relationship feel?'),
      });
      if (!chosen || chosen === BACK) return chosen;
      s.rating = chosen.rating;
      return true;
    },
    async (s) => {
      const wentBack = back;
      back = false;
      if (!s.target || !hasInitiative(s)) {
        // Not shown: Back from the summary goes on to the rating.
        s.initiativeId = undefined;
        return wentBack ? BACK : true;
      }
      const names = new Map(groupOf(s).map((t) => [t.view.record.value.id, t.view.record.value.name]));
      const place = { title: titleOf(s), step: 3 + offset, totalSteps: stepsFor(s) };
      const ids = groupOf(s).map((t) => t.view.record.value.id);
      const chosen = await loadInitiativePage().askCheckInInitiative(s.target.entry.store, ids, s.initiativeId, names, place);
      if (chosen === undefined || chosen === BACK) return chosen;
      s.initiativeId = chosen ?? undefined;
      return true;
    },
    async (s) => {
      const summary = await askText({
        title: titleOf(s),
        step: 3 + offset + about(s),
        totalSteps: stepsFor(s),
        prompt: vscode.l10n.t('One line: what did you talk about? (Enter to save)'),
        placeholder: vscode.l10n.t('e.g. Agreed to pair on the Q3 launch checklist'),
        value: s.summary,
        validate: (value) => (value.length > 2000 ? vscode.l10n.t('Keep it to one line (under 2000 characters).') : undefined),
        buttons: [fullFormButton()],
      });
      if (summary === FULL_FORM) {
        fullForm = true;
        return true;
      }
      back = summary === BACK;
      if (typeof summary !== 'string') return summary;
      s.summary = summary;
      return true;
    },
    async (s) => {
      const agenda = agendaOf(s);
      if (agenda.length === 0 || fullForm) return true;
      const group = s.others.length > 0;
      const items = agenda.map((point) => ({
        label: point.value.text,
        description:
          [
            group ? s.target?.entry.store.partner(point.value.partnerId)?.value.name : undefined,
            point.value.source ? `${point.value.source.path}:${point.value.source.startLine}` : undefined,
          ]
            .filter(Boolean)
            .join(' · ') || undefined,
        id: point.value.id,
      }));
      const chosen = await askMany({
        title: titleOf(s),
        step: 4 + offset + about(s),
        totalSteps: stepsFor(s),
        items,
        selected: items.filter((item) => s.covered.includes(item.id)),
        placeholder: vscode.l10n.t('Which talking points did you cover? (Enter to save; unticked ones stay on the agenda)'),
      });
      if (!chosen || chosen === BACK) return chosen;
      s.covered = chosen.map((item) => item.id);
      return true;
    },
  );
  const result = await runSteps(state, steps);
  if (!result?.target) return undefined;
  if (fullForm) return { fullForm: result.target };
  return {
    target: result.target,
    input: {
      kind: result.kind,
      rating: result.rating,
      summary: result.summary,
      covered: result.covered,
      partnerIds: result.others.map((t) => t.view.record.value.id),
      present: result.present,
      ...(result.initiativeId ? { initiativeId: result.initiativeId } : {}),
    },
  };
}

/** "Dana Whitfield, Priya Shah +1": a group in a title. */
function groupTitle(partners: readonly PartnerTarget[]): string {
  const names = partners.map((t) => t.view.record.value.name);
  if (names.length <= 2) return names.join(', ');
  return vscode.l10n.t('{0}, {1} +{2}', names[0] ?? '', names[1] ?? '', names.length - 2);
}
