// Log Check-in's initiative step, shown only when one of the check-in's partners has a stance on an
// active initiative (docs/decisions/check-in-initiative-step.md). "Not about an initiative" comes first
// and is highlighted unless one was chosen, so Enter skips the step. Lives in dist/initiativePage.js.
import * as vscode from 'vscode';
import { checkInInitiatives } from '../../core/initiativePage';
import type { Store } from '../../core/store';
import { stanceLabel } from '../../core/vocabulary';
import { askPick, BACK } from '../shared/quickInputs';

export interface StepPlace {
  title: string;
  step: number;
  totalSteps: number;
}

/**
 * The initiative chosen (its id), null for none, BACK, or undefined when dismissed. The choices: the
 * shared active initiatives on which one of `partnerIds` has a stance (core's checkInInitiatives).
 */
export async function askCheckInInitiative(
  store: Store,
  partnerIds: readonly string[],
  current: string | undefined,
  names: ReadonlyMap<string, string>,
  place: StepPlace,
): Promise<string | null | typeof BACK | undefined> {
  const choices = checkInInitiatives(
    // A shared check-in never names a private initiative: teammates could not resolve it.
    store
      .all('initiative')
      .filter((i) => !i.private)
      .map((i) => i.value),
    partnerIds.flatMap((id) => store.ofPartner('stance', id).map((r) => r.value)),
    partnerIds,
  );
  const none = { label: vscode.l10n.t('Not about an initiative'), initiativeId: null as string | null };
  const items = [
    none,
    ...choices.map((c) => ({
      label: `$(rocket) ${c.name}`,
      description: c.stance ? vscode.l10n.t('{0}: {1}', names.get(c.partnerId ?? '') ?? '', stanceLabel(c.stance)) : undefined,
      initiativeId: c.id,
    })),
  ];
  const chosen = await askPick({
    ...place,
    items,
    active: items.find((i) => i.initiativeId === (current ?? null)) ?? none,
    placeholder: vscode.l10n.t('Was it about an initiative? (Enter: not about one)'),
    matchOnDescription: true,
  });
  if (chosen === undefined || chosen === BACK) return chosen;
  return chosen.initiativeId;
}
