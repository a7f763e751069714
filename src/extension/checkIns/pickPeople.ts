// "Add more people…": one multi-select of the partners of the same store and the teammates seen in it
// (authors of check-ins and teammates named present), for the quick Log Check-in and the full form. In
// dist/partnerPage.js (main.js stays small; the quick flow requires it when the item is chosen), so its
// answer is plain data: 'back', not the quick inputs' BACK symbol of another bundle.
import * as vscode from 'vscode';
import { distinctPresent } from '../../core/groupCheckIns';
import type { Author } from '../../core/model';
import { MAX_GROUP_PARTNERS } from '../../core/vocabulary';
import { partnerItems, type PartnerTarget } from '../shared/partnerArgs';
import { askMany, BACK } from '../shared/quickInputs';
import type { FolderStore, StoreService } from '../store/storeService';

export interface People {
  /** Partners of the group, the first one first. */
  partners: PartnerTarget[];
  /** Teammates who were there besides the author. */
  present: Author[];
}

type PersonItem = vscode.QuickPickItem & ({ target: PartnerTarget } | { teammate: Author } | { separator: true });

const personKey = (author: Author) => (author.email ? `email:${author.email.toLowerCase()}` : `name:${author.name.toLowerCase()}`);

/** Teammates seen in the store: who wrote check-ins and who was named present, without me. */
export function knownTeammates(entry: FolderStore, me: Author | undefined): Author[] {
  const seen: Author[] = [];
  for (const { value } of entry.store.checkIns()) seen.push(value.author, ...(value.present ?? []));
  return distinctPresent(seen, me).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The multi-select: partners (active ones of `entry`'s store, most overdue first) and teammates, the
 * current group ticked. At least one partner must stay ticked; Enter with none goes back.
 */
export async function pickPeople(
  service: StoreService,
  entry: FolderStore | undefined,
  current: People,
  options: { title: string; step?: number; totalSteps?: number },
): Promise<People | 'back' | undefined> {
  const me = entry ? await service.author(entry.folder).catch(() => undefined) : undefined;
  const partners = partnerItems(service, (t) => !t.view.record.value.archived && (!entry || t.entry === entry));
  const teammates = entry ? knownTeammates(entry, me) : [];
  const items: PersonItem[] = [
    { label: vscode.l10n.t('Partners'), kind: vscode.QuickPickItemKind.Separator, separator: true },
    ...partners,
    ...(teammates.length > 0
      ? [
          { label: vscode.l10n.t('Teammates who were there'), kind: vscode.QuickPickItemKind.Separator, separator: true } as PersonItem,
          ...teammates.map((teammate) => ({ label: teammate.name, description: teammate.email, teammate })),
        ]
      : []),
  ];
  const currentIds = new Set(current.partners.map((t) => t.view.record.value.id));
  const currentPresent = new Set(current.present.map(personKey));
  const chosen = await askMany({
    ...options,
    items,
    selected: items.filter(
      (item) =>
        ('target' in item && currentIds.has(item.target.view.record.value.id)) ||
        ('teammate' in item && currentPresent.has(personKey(item.teammate))),
    ),
    placeholder: vscode.l10n.t('Tick everyone who was there: partners, and teammates besides you (Enter to go on)'),
  });
  if (chosen === BACK) return 'back';
  if (!chosen) return undefined;
  // The one picked before stays first (partnerId): a teammate on an older build files it under them.
  const ticked = chosen.flatMap((item) => ('target' in item ? [item.target] : []));
  const firstId = current.partners[0]?.view.record.value.id;
  const keptFirst = ticked.find((t) => t.view.record.value.id === firstId);
  const ordered = keptFirst ? [keptFirst, ...ticked.filter((t) => t !== keptFirst)] : ticked;
  if (ordered.length === 0) return 'back';
  return {
    partners: ordered.slice(0, MAX_GROUP_PARTNERS),
    present: distinctPresent(
      chosen.flatMap((item) => ('teammate' in item ? [item.teammate] : [])),
      me,
    ).slice(0, MAX_GROUP_PARTNERS),
  };
}
