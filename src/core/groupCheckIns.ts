// Group check-ins as people read them: the other partners of a check-in seen from one member's page
// ("with Priya, Dana"), the teammates who were there, and which open talking points a group check-in
// may cover (those of every partner in it). Pure: the pages, the quick flow and the reports ask here.
import * as l10n from '@vscode/l10n';
import { isOpenTalkingPoint } from './agenda';
import { checkInPartnerIds } from './partnerRefs';
import type { Author, CheckIn, Partner, TalkingPoint } from './model';
import type { Loaded } from './storeTypes';
import type { Translator } from './translator';

/** The little of a store these helpers read (a Store, or a test's stand-in). */
export interface GroupLookup {
  partner(id: string): Loaded<Partner> | undefined;
  ofPartner(kind: 'talkingPoint', partnerId: string): Loaded<TalkingPoint>[];
}

/** The partners of a check-in other than this one, in the check-in's order. */
export function otherPartnerIds(checkIn: Pick<CheckIn, 'partnerId' | 'partnerIds'>, partnerId: string): string[] {
  return checkInPartnerIds(checkIn).filter((id) => id !== partnerId);
}

/** Their names; a partner no longer in the store is left out (the check-in stays whole in its file). */
export function otherPartnerNames(
  lookup: Pick<GroupLookup, 'partner'>,
  checkIn: Pick<CheckIn, 'partnerId' | 'partnerIds'>,
  partnerId: string,
): string[] {
  return otherPartnerIds(checkIn, partnerId).flatMap((id) => {
    const name = lookup.partner(id)?.value.name;
    return name === undefined ? [] : [name];
  });
}

/** "with Priya, Dana" — undefined for a one-partner check-in. Names are data: joined, never translated. */
export function withLabel(names: readonly string[], translator: Translator = l10n): string | undefined {
  if (names.length === 0) return undefined;
  const l10n = translator;
  return l10n.t({ message: 'with {0}', args: [names.join(', ')], comment: ['The other people of a group check-in: "with Priya, Dana".'] });
}

/** "also there: Sam, Lee" — the teammates present besides the author; undefined when nobody was named. */
export function presentLabel(present: readonly Pick<Author, 'name'>[] | undefined, translator: Translator = l10n): string | undefined {
  if (!present || present.length === 0) return undefined;
  const l10n = translator;
  return l10n.t({
    message: 'also there: {0}',
    args: [present.map((p) => p.name).join(', ')],
    comment: ['Teammates who were at a check-in besides its author: "also there: Sam, Lee".'],
  });
}

/** The open talking points of every partner of a group, each partner's oldest first, in the group's order. */
export function groupAgenda(lookup: GroupLookup, partnerIds: readonly string[]): Loaded<TalkingPoint>[] {
  return [...new Set(partnerIds)].flatMap((id) =>
    lookup
      .ofPartner('talkingPoint', id)
      .filter((point) => isOpenTalkingPoint(point.value))
      .sort((a, b) => a.value.createdAt.localeCompare(b.value.createdAt)),
  );
}

/** A group check-in may cover a talking point of any of its partners, and no one else's. */
export function mayCover(partnerIds: readonly string[], point: Pick<TalkingPoint, 'partnerId'>): boolean {
  return partnerIds.includes(point.partnerId);
}

/** The group as given: the first partner first, each once, at most `max` (core's MAX_GROUP_PARTNERS). */
export function groupIds(first: string, others: readonly string[], max: number): string[] {
  return [...new Set([first, ...others])].slice(0, max);
}

/** Teammates named once each (by email, else by name), without the author. */
export function distinctPresent(present: readonly Author[], author?: Author): Author[] {
  const key = (a: Author) => (a.email ? `email:${a.email.toLowerCase()}` : `name:${a.name.trim().toLowerCase()}`);
  const seen = new Set(author ? [key(author)] : []);
  return present.filter((person) => {
    if (!person.name.trim()) return false;
    const k = key(person);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
