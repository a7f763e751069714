// A concern command's argument: a concern id, a node of the Concerns view, or nothing (then the user
// picks one of the open concerns, top first). An id that names no concern is an error, not a prompt.
import * as vscode from 'vscode';
import { rankConcerns, type RankedConcern } from '../../core/concerns';
import type { Concern } from '../../core/model';
import type { Loaded } from '../../core/store';
import { COMMANDS } from '../ids';
import { askPick } from '../shared/quickInputs';
import type { FolderStore, StoreService } from '../store/storeService';

export interface ConcernTarget {
  entry: FolderStore;
  concern: Loaded<Concern>;
}

/** The ranked open concerns of one folder's store. */
export function rankedIn(entry: FolderStore): RankedConcern[] {
  const { store } = entry;
  return rankConcerns({
    concerns: store.all('concern').map((c) => c.value),
    votes: store.all('vote').map((v) => v.value),
    partners: store.partners().map((p) => p.value),
  });
}

export function concernFromArg(service: StoreService, arg: unknown): ConcernTarget | undefined {
  if (typeof arg === 'string') {
    const found = service.findRecord('concern', arg);
    if (!found) throw new Error(vscode.l10n.t('no loaded concern has the id {0} (its file may be missing or broken).', arg));
    return { entry: found.entry, concern: found.record };
  }
  const node = arg as { type?: unknown; entry?: FolderStore; concern?: Loaded<Concern> } | undefined;
  if (node && typeof node === 'object' && node.type === 'concern' && node.entry && node.concern) {
    // The node may be stale (a write happened since): look the concern up again.
    const concern = node.entry.store.get('concern', node.concern.value.id);
    return concern ? { entry: node.entry, concern } : undefined;
  }
  return undefined;
}

/** "3 votes · Support, Sales": a ranked concern at a glance. */
export function concernSummary(ranked: Pick<RankedConcern, 'votes' | 'departments'>): string {
  const votes = ranked.votes === 1 ? vscode.l10n.t('1 vote') : vscode.l10n.t('{0} votes', ranked.votes);
  return [votes, ranked.departments.join(', ')].filter(Boolean).join(' · ');
}

/** Picks one open concern (top first), or a closed one too when `closed` is set. */
export async function pickConcern(
  service: StoreService,
  title: string,
  options: { closed?: boolean } = {},
): Promise<ConcernTarget | undefined> {
  await service.whenReady();
  const several = service.folders().length > 1;
  const items = service.folders().flatMap((entry) =>
    rankedIn(entry).map((ranked) => ({
      label: ranked.concern.text,
      description: concernSummary(ranked),
      detail: several ? entry.folder.name : undefined,
      target: { entry, concern: entry.store.get('concern', ranked.concern.id) },
    })),
  );
  if (options.closed)
    for (const entry of service.folders())
      for (const concern of entry.store.all('concern'))
        if (concern.value.status === 'closed')
          items.push({ label: concern.value.text, description: vscode.l10n.t('closed'), detail: undefined, target: { entry, concern } });
  const usable = items.filter((item): item is typeof item & { target: ConcernTarget } => item.target.concern !== undefined);
  if (usable.length === 0) {
    const raise = vscode.l10n.t('Raise Concern');
    const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Alliances: there are no open concerns.'), raise);
    if (answer === raise) await vscode.commands.executeCommand(COMMANDS.raiseConcern);
    return undefined;
  }
  const chosen = await askPick({ title, items: usable, placeholder: vscode.l10n.t('The most voted first'), matchOnDescription: true });
  return chosen && typeof chosen === 'object' ? chosen.target : undefined;
}
