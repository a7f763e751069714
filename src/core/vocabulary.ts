// The words of the store, in one place: the values records may hold (check-in kinds, the 1–5 rating,
// owners, directions, statuses, record kinds) and their names in the display language. model.ts's
// schemas, the palette, the pages, the reports and the CLI all take them from here. Pure: no vscode,
// no valibot, nothing but @vscode/l10n, so the pages' browser bundles may import it too.
//
// Labels are functions, called when shown: they follow the display language at that moment. Each takes
// a Translator: @vscode/l10n by default, or `english` for the files teammates share and the CLI.
import * as l10n from '@vscode/l10n';
import type { Translator } from './translator';

// ---- record ids and kinds ------------------------------------------------------------------------

/** Record ids: 26 lowercase Crockford base-32 characters (ULIDs, made by ids.ts). */
export const ID_PATTERN = /^[0-9a-hjkmnp-tv-z]{26}$/;

/** Every record kind but the manifest: what the store keeps in collections by id. */
export const COLLECTION_KINDS = ['partner', 'checkIn', 'talkingPoint', 'followUp', 'ask', 'note'] as const;
export type CollectionKind = (typeof COLLECTION_KINDS)[number];
export type RecordKind = 'manifest' | CollectionKind;

/** A record kind's name (as the tree and the partner page show records of other branches). */
export function recordKindLabel(kind: CollectionKind, translator: Translator = l10n): string {
  // Named l10n so that the string extractor (@vscode/l10n-dev) finds these messages.
  const l10n = translator;
  switch (kind) {
    case 'partner':
      return l10n.t('Partner');
    case 'checkIn':
      return l10n.t('Check-in');
    case 'talkingPoint':
      return l10n.t('Talking point');
    case 'followUp':
      return l10n.t('Follow-up');
    case 'ask':
      return l10n.t('Ask');
    case 'note':
      return l10n.t('Note');
  }
}

// ---- partners ----------------------------------------------------------------------------------

/** Departments offered when adding a partner (any other may be typed). Stored as written: English. */
export const DEPARTMENTS = [
  'Product',
  'Design',
  'Sales',
  'Marketing',
  'Customer Success',
  'Support',
  'Data',
  'Security',
  'Vendor',
  'Customer',
  'Research',
] as const;

// ---- check-ins -----------------------------------------------------------------------------------

export const CHECK_IN_KINDS = ['one-on-one', 'help-me', 'ad-hoc', 'async'] as const;
export type CheckInKind = (typeof CHECK_IN_KINDS)[number];

/** A kind's name in the display language, or in English (`english`) for shared files and the CLI. */
export function checkInKindLabel(kind: CheckInKind, translator: Translator = l10n): string {
  const l10n = translator;
  switch (kind) {
    case 'one-on-one':
      return l10n.t({ message: '1:1', comment: ['A kind of check-in: a scheduled one-on-one conversation.'] });
    case 'help-me':
      return l10n.t({ message: 'Help-me', comment: ['A kind of check-in: each person names something they need help with.'] });
    case 'ad-hoc':
      return l10n.t({ message: 'Ad hoc', comment: ['A kind of check-in: an unplanned chat.'] });
    case 'async':
      return l10n.t({ message: 'Async', comment: ['A kind of check-in: by message or email.'] });
  }
}

/** How the relationship feels, 1 (worst) to 5 (best): docs/decisions/rating-scale.md. */
export const RATINGS = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof RATINGS)[number];
export const MIN_RATING: Rating = 1;
export const MAX_RATING: Rating = 5;

export function isRating(value: unknown): value is Rating {
  return (RATINGS as readonly unknown[]).includes(value);
}

/** A rating's meaning: the same words in the quick flow and in the full form. */
export function ratingLabel(rating: Rating, translator: Translator = l10n): string {
  // Literal comments only: the string extractor reads them from the source (they are part of the key).
  const l10n = translator;
  switch (rating) {
    case 5:
      return l10n.t({ message: 'Great: strong, trusted', comment: ['How a working relationship feels, rated 5 of 5 (best).'] });
    case 4:
      return l10n.t({ message: 'Good', comment: ['How a working relationship feels, rated 4 of 5.'] });
    case 3:
      return l10n.t({ message: 'Okay', comment: ['How a working relationship feels, rated 3 of 5.'] });
    case 2:
      return l10n.t({ message: 'Strained', comment: ['How a working relationship feels, rated 2 of 5.'] });
    case 1:
      return l10n.t({ message: 'Broken: needs repair', comment: ['How a working relationship feels, rated 1 of 5 (worst).'] });
  }
}

// ---- follow-ups and asks -------------------------------------------------------------------------

/** Who does an action item. "me" is its author. */
export const FOLLOW_UP_OWNERS = ['me', 'them', 'teammate'] as const;
export type FollowUpOwner = (typeof FOLLOW_UP_OWNERS)[number];

export function followUpOwnerLabel(owner: FollowUpOwner, translator: Translator = l10n): string {
  const l10n = translator;
  switch (owner) {
    case 'me':
      return l10n.t('Me');
    case 'them':
      return l10n.t('Them');
    case 'teammate':
      return l10n.t('A teammate');
  }
}

export const ASK_DIRECTIONS = ['i-asked', 'they-asked'] as const;
export type AskDirection = (typeof ASK_DIRECTIONS)[number];

export function askDirectionLabel(direction: AskDirection, translator: Translator = l10n): string {
  const l10n = translator;
  switch (direction) {
    case 'i-asked':
      return l10n.t('I asked them');
    case 'they-asked':
      return l10n.t('They asked me');
  }
}

export const ASK_STATUSES = ['open', 'helped', 'declined'] as const;
export type AskStatus = (typeof ASK_STATUSES)[number];

export function askStatusLabel(status: AskStatus, translator: Translator = l10n): string {
  const l10n = translator;
  switch (status) {
    case 'open':
      return l10n.t('Open');
    case 'helped':
      return l10n.t('Helped');
    case 'declined':
      return l10n.t('Declined');
  }
}
