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
export const COLLECTION_KINDS = [
  'partner',
  'checkIn',
  'talkingPoint',
  'followUp',
  'ask',
  'note',
  'connection',
  'initiative',
  'stance',
  'concern',
  'vote',
] as const;
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
    case 'connection':
      return l10n.t('Connection');
    case 'initiative':
      return l10n.t('Initiative');
    case 'stance':
      return l10n.t('Stance');
    case 'concern':
      return l10n.t('Concern');
    case 'vote':
      return l10n.t('Vote');
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

/** At most this many tags on a partner, and this many partners (or teammates) in one group check-in. */
export const MAX_TAGS = 50;
export const MAX_GROUP_PARTNERS = 50;

// ---- connections between partners ----------------------------------------------------------------

/** The kinds of connection offered; any other word may be typed ("mentors", "sits with"). */
export const CONNECTION_KINDS = ['works-with', 'reports-to', 'introduced'] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

export function isConnectionKind(kind: string): kind is ConnectionKind {
  return (CONNECTION_KINDS as readonly string[]).includes(kind);
}

/** "works with", as in "Dana works with Priya"; an own word is shown as written. */
export function connectionKindLabel(kind: string, translator: Translator = l10n): string {
  const l10n = translator;
  switch (kind) {
    case 'works-with':
      return l10n.t({ message: 'works with', comment: ['A connection between two partners: "Dana works with Priya".'] });
    case 'reports-to':
      return l10n.t({ message: 'reports to', comment: ['A connection between two partners: "Marcus reports to Elena".'] });
    case 'introduced':
      return l10n.t({ message: 'introduced', comment: ['A connection between two partners: "Jonas introduced Aisha".'] });
    default:
      return kind;
  }
}

/** The same connection read from its other end: "Elena manages Marcus", "Aisha was introduced by Jonas". */
export function connectionKindLabelFromTarget(kind: string, translator: Translator = l10n): string {
  const l10n = translator;
  switch (kind) {
    case 'works-with':
      return l10n.t({ message: 'works with', comment: ['A connection between two partners: "Dana works with Priya".'] });
    case 'reports-to':
      return l10n.t({ message: 'manages', comment: ['A connection read from its other end: "Elena manages Marcus".'] });
    case 'introduced':
      return l10n.t({ message: 'was introduced by', comment: ['A connection read from its other end: "Aisha was introduced by Jonas".'] });
    default:
      return kind;
  }
}

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

// ---- due states and cadence rules ------------------------------------------------------------------

/** Where a partner stands: `due` is the grace period after the cadence, before `overdue`. */
export const DUE_STATUSES = ['overdue', 'due', 'dueSoon', 'later', 'snoozed', 'archived'] as const;
export type DueStatus = (typeof DUE_STATUSES)[number];

/** Which rule gave a partner's cadence: their own, a tag's, their department's, the team's, the setting. */
export const CADENCE_SOURCES = ['partner', 'tag', 'department', 'team', 'setting'] as const;
export type CadenceSource = (typeof CADENCE_SOURCES)[number];

/** "every 14 days (tag exec)": the rule behind a cadence, for tooltips and the partner page. */
export function cadenceSourceLabel(source: CadenceSource, days: number, detail = '', translator: Translator = l10n): string {
  const l10n = translator;
  switch (source) {
    case 'partner':
      return l10n.t('every {0} days', days);
    case 'tag':
      return l10n.t('every {0} days (team default for tag {1})', days, detail);
    case 'department':
      return l10n.t('every {0} days (team default for {1})', days, detail);
    case 'team':
      return l10n.t('every {0} days (team default)', days);
    case 'setting':
      return l10n.t('every {0} days (default)', days);
  }
}

// ---- initiatives and the people on your side --------------------------------------------------------

export const INITIATIVE_STATUSES = ['idea', 'active', 'done', 'dropped'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export function initiativeStatusLabel(status: InitiativeStatus, translator: Translator = l10n): string {
  const l10n = translator;
  switch (status) {
    case 'idea':
      return l10n.t({ message: 'Idea', comment: ['The status of an initiative.'] });
    case 'active':
      return l10n.t({ message: 'Active', comment: ['The status of an initiative.'] });
    case 'done':
      return l10n.t({ message: 'Done', comment: ['The status of an initiative.'] });
    case 'dropped':
      return l10n.t({ message: 'Dropped', comment: ['The status of an initiative.'] });
  }
}

/** Where a partner stands on an initiative, from most for to most against; `unknown` is not asked yet. */
export const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'blocker', 'unknown'] as const;
export type StanceValue = (typeof STANCES)[number];

export function stanceLabel(stance: StanceValue, translator: Translator = l10n): string {
  const l10n = translator;
  switch (stance) {
    case 'champion':
      return l10n.t({ message: 'champion', comment: ['A stance on an initiative: "Marcus: champion".'] });
    case 'supporter':
      return l10n.t({ message: 'supporter', comment: ['A stance on an initiative: "Marcus: supporter".'] });
    case 'neutral':
      return l10n.t({ message: 'neutral', comment: ['A stance on an initiative: "Marcus: neutral".'] });
    case 'skeptic':
      return l10n.t({ message: 'skeptic', comment: ['A stance on an initiative: "Marcus: skeptic".'] });
    case 'blocker':
      return l10n.t({ message: 'blocker', comment: ['A stance on an initiative: "Marcus: blocker".'] });
    case 'unknown':
      return l10n.t({ message: 'unknown', comment: ['A stance on an initiative not assessed yet: "Marcus: unknown".'] });
  }
}

/** Influence and interest, as on a stakeholder grid. */
export const LEVELS = ['high', 'medium', 'low'] as const;
export type Level = (typeof LEVELS)[number];

export function levelLabel(level: Level, translator: Translator = l10n): string {
  const l10n = translator;
  switch (level) {
    case 'high':
      return l10n.t({ message: 'high', comment: ['Influence or interest: "influence high".'] });
    case 'medium':
      return l10n.t({ message: 'medium', comment: ['Influence or interest: "influence medium".'] });
    case 'low':
      return l10n.t({ message: 'low', comment: ['Influence or interest: "influence low".'] });
  }
}

/**
 * A partner's part in an initiative: DACI's driver, approver, contributor and informed, with RACI's
 * consulted (docs/decisions/initiative-roles.md). "leads" is the driver: whom to follow on it.
 */
export const STANCE_ROLES = ['leads', 'approves', 'contributes', 'consulted', 'informed'] as const;
export type StanceRole = (typeof STANCE_ROLES)[number];

/** The role as a noun, for pickers: "Leads it", "Approves it". */
export function stanceRoleLabel(role: StanceRole, translator: Translator = l10n): string {
  const l10n = translator;
  switch (role) {
    case 'leads':
      return l10n.t({ message: 'Leads it', comment: ['A role in an initiative (DACI driver).'] });
    case 'approves':
      return l10n.t({ message: 'Approves it', comment: ['A role in an initiative (DACI approver).'] });
    case 'contributes':
      return l10n.t({ message: 'Contributes', comment: ['A role in an initiative (DACI contributor).'] });
    case 'consulted':
      return l10n.t({ message: 'Is consulted', comment: ['A role in an initiative (RACI consulted).'] });
    case 'informed':
      return l10n.t({ message: 'Is informed', comment: ['A role in an initiative (DACI/RACI informed).'] });
  }
}

/** The role before the initiative's name in a partner's roles line: "leads: Pricing revamp". */
export function stanceRoleLead(role: StanceRole, translator: Translator = l10n): string {
  const l10n = translator;
  switch (role) {
    case 'leads':
      return l10n.t({ message: 'leads', comment: ['Before initiatives\' names: "leads: Pricing revamp".'] });
    case 'approves':
      return l10n.t({ message: 'approves', comment: ['Before initiatives\' names: "approves: Pricing revamp".'] });
    case 'contributes':
      return l10n.t({ message: 'contributes to', comment: ['Before initiatives\' names: "contributes to: Pricing revamp".'] });
    case 'consulted':
      return l10n.t({ message: 'consulted on', comment: ['Before initiatives\' names: "consulted on: Billing migration".'] });
    case 'informed':
      return l10n.t({ message: 'informed of', comment: ['Before initiatives\' names: "informed of: Billing migration".'] });
  }
}

// ---- concerns the team rates up ------------------------------------------------------------------

/** A concern is open until it is closed with a line of what was done. */
export const CONCERN_STATUSES = ['open', 'closed'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];

export function concernStatusLabel(status: ConcernStatus, translator: Translator = l10n): string {
  const l10n = translator;
  switch (status) {
    case 'open':
      return l10n.t({ message: 'open', comment: ['The status of a concern.'] });
    case 'closed':
      return l10n.t({ message: 'closed', comment: ['The status of a concern.'] });
  }
}

/** How many partners and departments one concern may name. */
export const MAX_CONCERN_PARTNERS = 50;
export const MAX_CONCERN_DEPARTMENTS = 20;
