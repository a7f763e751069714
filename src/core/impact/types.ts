// The change impact check's shapes: the change git reports (src/git/changeRange.ts), the records it
// reads and the answer (compute.ts), which the command, the CLI and the pull-request block share.
import type { Initiative, Stance, TalkingPoint } from '../model';
import type { StatsInput } from '../stats/input';
import type { DueStatus, InitiativeStatus, Level, StanceRole, StanceValue } from '../vocabulary';

/** A range of commits, as git saw it. */
export interface ImpactChange {
  /** The revisions as given ("main", "HEAD"). */
  base: string;
  head: string;
  /** The commits they name, and where head left base (`git merge-base`). */
  headCommit: string;
  mergeBase: string;
  /** The branch head is on, when head is HEAD and HEAD is on a branch. */
  branch?: string;
  /** When the branch started: the merge base's committer date (ISO). */
  since: string;
  /** Commits in mergeBase..head. */
  commits: number;
  /** Files the change touches, relative to the workspace folder; both names of a renamed file. */
  files: readonly string[];
}

/** What the check reads: the statistics' input (partners, check-ins, asks, connections, initiatives, stances) and the talking points. */
export interface ImpactRecords extends StatsInput {
  initiatives: readonly Initiative[];
  stances: readonly Stance[];
  talkingPoints: readonly TalkingPoint[];
}

export interface ImpactOptions {
  /** A department with no contact for longer than this is a silo. */
  siloDays: number;
}

/** Why a person is affected. */
export type ImpactReason =
  | { kind: 'area'; area: string; files: string[] }
  | {
      kind: 'initiative';
      initiativeId: string;
      initiativeName: string;
      stance: StanceValue;
      influence: Level;
      role: StanceRole;
    };

export type Consultation =
  /** A check-in with them since the branch started (about none or one of the touched initiatives). */
  | { by: 'check-in'; recordId: string; date: string }
  /** A talking point for them about the change (made since the branch started, or on a changed file), covered since. */
  | { by: 'talking-point'; recordId: string; date: string };

export interface ImpactPerson {
  partnerId: string;
  name: string;
  department: string;
  role?: string;
  reasons: ImpactReason[];
  /** The highest influence of their current stances on the touched initiatives; none when they have none. */
  influence?: Level;
  health: {
    due: DueStatus;
    lastCheckIn?: string;
    lastRating?: number;
    /** Why the relationship is slipping (the dashboard's rule), or undefined. */
    slipping?: string;
  };
  silo: {
    /** Their department is a silo: nobody talked to anyone in it for longer than siloDays. */
    departmentSilo: boolean;
    /** No check-in, meeting or connection links them to the rest of the web. */
    isolated: boolean;
    /** The only link to others (a broker): how many people lose their path without them. */
    brokerCutOff?: number;
    /** The team reaches their department through them alone. */
    onlyLink: boolean;
  };
  openAsks: { theyAsked: number; iAsked: number };
  consulted?: Consultation;
  /** An open talking point about the change waits for them (made since the branch started, or on a changed file). */
  waitingTalkingPoint?: string;
}

export interface ImpactInitiative {
  id: string;
  name: string;
  status: InitiativeStatus;
  /** The initiative's areas the change touched, and the files in them. */
  areas: string[];
  files: string[];
  /** The people with a current stance on it (partner ids, in the order of `people`). */
  people: string[];
}

/** 0 nothing to flag; someone affected was not consulted; a high-influence person was not consulted. */
export type ImpactVerdict = 'clear' | 'not-consulted' | 'high-influence-not-consulted';

export interface ImpactResult {
  change: ImpactChange;
  initiatives: ImpactInitiative[];
  /** Not consulted first (high influence first among them), then by name. */
  people: ImpactPerson[];
  /** Affected people not consulted, and those among them of high influence. */
  notConsulted: string[];
  highInfluenceNotConsulted: string[];
  verdict: ImpactVerdict;
}
