import { calendarDate } from './dates';
import { followUpDays, followUpOwnerName, openFollowUps, openTalkingPoints } from './agenda';
import { dueStateLabel } from './cadence';
import { CHECK_IN_KINDS, checkInKindLabel, type CheckInKind } from './vocabulary';
import { english } from './translator';
import { duePartners, viewPartners } from './partnerView';
import { departmentCoverage, silos, statsInput } from './stats';
import { select } from './stats/input';
import { visible } from './visibleText';
import { otherPartnerNames, withLabel } from './groupCheckIns';
import type { CheckIn } from './model';
import type { Store, StoreProblem } from './store';

/** What the command-line digest reports: who is due, which departments went quiet, what is open. */
export interface Digest {
  today: string;
  due: {
    id: string;
    name: string;
    department: string;
    role?: string;
    /** Days from today to the due date: negative when overdue. */
    days: number;
    label: string;
    dueDate?: string;
    /** `with`: the other partners of a group check-in, by name. */
    lastCheckIn?: { date: string; kind: string; rating?: number; summary: string; with?: string[] };
    openTalkingPoints: number;
  }[];
  silos: { department: string; daysSince: number; lastContact?: string; partners: string[] }[];
  followUps: { id: string; partner: string; text: string; owner: string; due?: string; days?: number; overdue: boolean }[];
  problems: { file: string; line: number; message: string }[];
}

export interface DigestOptions {
  now: Date;
  defaultCadenceDays: number;
  siloDays: number;
}

const day = (date: Date) => calendarDate(date);

/** The others of a group check-in, when it is one. */
function groupNames(store: Store, checkIn: CheckIn, partnerId: string): { with?: string[] } {
  const others = otherPartnerNames(store, checkIn, partnerId);
  return others.length > 0 ? { with: others } : {};
}

export function computeDigest(store: Store, options: DigestOptions): Digest {
  const { now } = options;
  const views = viewPartners(store, options.defaultCadenceDays, now);
  const names = new Map(store.partners().map(({ value }) => [value.id, value]));
  return {
    today: day(now),
    due: duePartners(views).map(({ record: { value: partner }, due, lastCheckIn }) => ({
      id: partner.id,
      name: partner.name,
      department: partner.department,
      ...(partner.role ? { role: partner.role } : {}),
      days: due.days,
      label: dueStateLabel(due, now, english),
      ...(due.dueDate ? { dueDate: day(due.dueDate) } : {}),
      ...(lastCheckIn
        ? {
            lastCheckIn: {
              date: day(new Date(lastCheckIn.date)),
              kind: lastCheckIn.kind,
              ...(lastCheckIn.rating ? { rating: lastCheckIn.rating } : {}),
              summary: lastCheckIn.summary,
              ...groupNames(store, lastCheckIn, partner.id),
            },
          }
        : {}),
      openTalkingPoints: openTalkingPoints(store, partner.id).length,
    })),
    silos: siloRows(store, options),
    followUps: openFollowUps(store.all('followUp'))
      .filter(({ value }) => names.get(value.partnerId)?.archived !== true)
      .map(({ value }) => {
        const partner = names.get(value.partnerId)?.name ?? 'an unknown partner';
        const days = followUpDays(value, now);
        return {
          id: value.id,
          partner,
          text: value.text,
          owner: followUpOwnerName(value, partner, english),
          ...(value.due ? { due: value.due, days } : {}),
          overdue: days !== undefined && days < 0,
        };
      }),
    problems: store.problems().map(problemOf),
  };
}

/** The dashboard's rule (src/core/stats): a department with no contact for longer than siloDays. */
function siloRows(store: Store, options: DigestOptions): Digest['silos'] {
  const input = statsInput([store], options.defaultCadenceDays, options.now);
  const rows = silos(departmentCoverage(select(input, {}), { siloDays: options.siloDays, cadence: input.cadence, asOf: options.now }));
  return rows.map((row) => ({
    department: row.department,
    daysSince: row.daysSinceContact,
    ...(row.lastContact ? { lastContact: day(new Date(row.lastContact)) } : {}),
    partners: input.partners
      .filter((partner) => !partner.archived && partner.department === row.department)
      .map((partner) => partner.name)
      .sort((a, b) => a.localeCompare(b)),
  }));
}

function problemOf(problem: StoreProblem): Digest['problems'][number] {
  return { file: problem.relativePath, line: problem.location.line, message: problem.reason };
}

/** Something needs doing: a partner is due (or overdue) or a follow-up is overdue. */
export function needsAttention(digest: Digest): boolean {
  return digest.due.length > 0 || digest.followUps.some((followUp) => followUp.overdue);
}

/** The digest as plain text, for a terminal or a chat message posted from CI; invisible characters shown (visibleText.ts). */
export function formatDigest(digest: Digest): string {
  const lines = [`Alliances digest for ${digest.today}`, ''];
  if (digest.due.length === 0) lines.push('Nobody is due for a check-in.');
  else {
    lines.push(`Due for a check-in (${digest.due.length}):`);
    for (const due of digest.due) {
      const last = due.lastCheckIn
        ? `last ${due.lastCheckIn.date}, ${(CHECK_IN_KINDS as readonly string[]).includes(due.lastCheckIn.kind) ? checkInKindLabel(due.lastCheckIn.kind as CheckInKind, english) : due.lastCheckIn.kind}${due.lastCheckIn.with ? ` ${withLabel(due.lastCheckIn.with, english) ?? ''}` : ''}: ${due.lastCheckIn.summary}`
        : 'never checked in';
      const agenda = due.openTalkingPoints > 0 ? ` [${due.openTalkingPoints} talking point${due.openTalkingPoints === 1 ? '' : 's'}]` : '';
      lines.push(`  - ${due.name} (${due.department}) — ${due.label}; ${last}${agenda}`);
    }
  }
  lines.push('');
  if (digest.silos.length === 0) lines.push('No silos: every department was in touch recently.');
  else {
    lines.push(`Silos (${digest.silos.length}):`);
    for (const silo of digest.silos) {
      const since = silo.lastContact
        ? `no check-in for ${silo.daysSince} days (last ${silo.lastContact})`
        : `no check-in since added ${silo.daysSince} days ago`;
      lines.push(`  - ${silo.department}: ${since} — ${silo.partners.join(', ')}`);
    }
  }
  lines.push('');
  if (digest.followUps.length === 0) lines.push('No open follow-ups.');
  else {
    lines.push(`Open follow-ups (${digest.followUps.length}):`);
    for (const followUp of digest.followUps) {
      const when =
        followUp.days === undefined
          ? 'no due date'
          : followUp.days < 0
            ? `${-followUp.days} day${followUp.days === -1 ? '' : 's'} overdue`
            : followUp.days === 0
              ? 'due today'
              : `due ${followUp.due ?? ''}`;
      lines.push(`  - ${followUp.text} (${followUp.partner}) — owner ${followUp.owner}; ${when}`);
    }
  }
  if (digest.problems.length > 0) {
    lines.push('', `Files that need attention (${digest.problems.length}):`);
    for (const problem of digest.problems)
      lines.push(`  - ${problem.file}${problem.line > 0 ? `:${problem.line}` : ''}: ${problem.message}`);
  }
  return `${visible(lines.join('\n'), { multiline: true })}\n`;
}
