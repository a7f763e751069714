// What the partner page shows, shaped from the store for one partner: header, timeline, chart points,
// talking points, follow-ups and the asks/offers balance. Pure (no vscode), so it is unit-tested in Node.
import * as l10n from '@vscode/l10n';
import { parseISO, startOfDay } from 'date-fns';
import { displayMonthDay } from '../../core/dates';
import { followUpDueLabel, followUpOwnerName, isOverdue, openFollowUps, openTalkingPoints, sourceLabel } from '../../core/agenda';
import { cadenceRuleOf, formatShortDate } from '../../core/cadence';
import { rolesLine } from '../../core/initiatives';
import type { Ask, CheckIn, FollowUp } from '../../core/model';
import { checkInKindLabel, CHECK_IN_KINDS } from '../../core/vocabulary';
import type { PartnerView } from '../../core/partnerView';
import { connectionsOf } from '../../core/connections';
import { otherPartnerNames } from '../../core/groupCheckIns';
import type { Loaded, Store } from '../../core/store';
import type { Counts, PageData } from '../../webview/protocol';

/** How many completed follow-ups stay on the page (most recently done first), so they can be reopened. */
export const DONE_FOLLOW_UPS_SHOWN = 20;

export interface PageDataOptions {
  /** The alliances.defaultCadenceDays setting. */
  defaultCadenceDays: number;
  now: Date;
}

export function dateLabel(iso: string): string {
  return displayMonthDay(parseISO(iso), true);
}

/** "src/billing/invoice.ts:3–5", or ":3" for a single line. */

export function buildPageData(store: Store, view: PartnerView, options: PageDataOptions): PageData {
  const partner = view.record.value;
  const rule = cadenceRuleOf(partner, store.cadencePolicy(options.defaultCadenceDays));
  const today = startOfDay(options.now);
  const checkIns = store.checkInsOf(partner.id);
  const last = checkIns[0]?.value;

  return {
    generatedAt: options.now.toISOString(),
    partner: {
      id: partner.id,
      name: partner.name,
      role: partner.role || undefined,
      department: partner.department,
      email: partner.email || undefined,
      organisation: partner.organisation || undefined,
      tags: partner.tags ?? [],
      leads: partner.leads ?? [],
      initiativeRoles: initiativeRoles(store, partner.id),
      cadenceDays: rule.days,
      cadenceSource: rule.source,
      cadenceDetail: rule.detail,
      dueLabel: view.due.label,
      dueStatus: view.due.status,
      lastCheckInLabel: last ? dateLabel(last.date) : undefined,
      archived: partner.archived === true,
      readOnly: view.record.readOnly,
    },
    checkIns: checkIns.map(({ value, private: isPrivate }) => ({
      id: value.id,
      date: value.date,
      dateLabel: dateLabel(value.date),
      author: value.author.name,
      kind: value.kind,
      kindLabel: checkInKindLabel(value.kind),
      rating: value.rating,
      summary: value.summary,
      notes: value.notes || undefined,
      private: isPrivate,
      // A check-in's private notes share its id (private/notes/<check-in id>.json).
      privateNote: store.get('note', value.id)?.value.notes || undefined,
      ...groupOf(store, value, partner.id),
    })),
    chart: chartPoints(checkIns.map((loaded) => loaded.value)),
    talkingPoints: openTalkingPoints(store, partner.id).map(({ value, private: isPrivate }) => ({
      id: value.id,
      text: value.text,
      sourceLabel: value.source ? sourceLabel(value.source) : undefined,
      addedLabel: l10n.t('added {0} by {1}', formatShortDate(parseISO(value.createdAt), today), value.author.name),
      author: value.author.name,
      private: isPrivate,
    })),
    followUps: followUps(store.ofPartner('followUp', partner.id), partner.name, options.now),
    connections: connectionsOf(store, partner.id).map((end) => ({
      id: end.record.value.id,
      otherId: end.otherId,
      otherName: end.otherName ?? end.otherId,
      label: end.label,
      note: end.record.value.note || undefined,
      author: end.record.value.author.name,
      private: end.record.private,
    })),
    asks: askBalance(store.ofPartner('ask', partner.id)),
    form: {
      kinds: CHECK_IN_KINDS.map((kind) => ({ value: kind, label: checkInKindLabel(kind) })),
      defaultKind: last?.kind ?? 'one-on-one',
      defaultRating: last?.rating ?? 3,
    },
  };
}

/** A group check-in seen from one member's page: the others' names and the teammates present. */
function groupOf(store: Store, checkIn: CheckIn, partnerId: string): Pick<PageData['checkIns'][number], 'with' | 'present'> {
  const others = otherPartnerNames(store, checkIn, partnerId);
  const present = (checkIn.present ?? []).map((p) => p.name);
  return { ...(others.length > 0 ? { with: others } : {}), ...(present.length > 0 ? { present } : {}) };
}

/** Rated check-ins, oldest first, with x from 0 (the first) to 1 (the last) by time. */
export function chartPoints(checkIns: readonly { id: string; date: string; rating?: number }[]): PageData['chart'] {
  const rated = checkIns
    .filter((c): c is { id: string; date: string; rating: number } => c.rating !== undefined)
    .map((c) => ({ ...c, time: Date.parse(c.date) }))
    .sort((a, b) => a.time - b.time);
  const first = rated[0]?.time ?? 0;
  const span = (rated[rated.length - 1]?.time ?? 0) - first;
  return rated.map((c) => ({
    id: c.id,
    date: c.date,
    dateLabel: dateLabel(c.date),
    rating: c.rating,
    x: span > 0 ? (c.time - first) / span : 0.5,
  }));
}

/** Open first (overdue first, then by due date, undated last), then the most recently done. */
export function followUps(records: readonly Loaded<FollowUp>[], partnerName: string, now: Date): PageData['followUps'] {
  const today = startOfDay(now);
  const open = openFollowUps(records);
  const done = records
    .filter((r) => r.value.done === true)
    .sort((a, b) => (b.value.doneAt ?? b.value.updatedAt).localeCompare(a.value.doneAt ?? a.value.updatedAt))
    .slice(0, DONE_FOLLOW_UPS_SHOWN);
  return [...open, ...done].map(({ value, private: isPrivate }) => {
    const due = value.due ? parseISO(value.due) : undefined;
    const done = value.done === true;
    const label = followUpDueLabel(value, now);
    return {
      id: value.id,
      text: value.text,
      owner: value.owner,
      ownerName: followUpOwnerName(value, partnerName),
      due: value.due,
      dueLabel:
        due && label
          ? done
            ? l10n.t('was due {0}', formatShortDate(due, today))
            : `${label} (${formatShortDate(due, today)})`
          : undefined,
      overdue: isOverdue(value, now),
      done,
      doneLabel:
        done && value.doneAt ? l10n.t('done {0}', formatShortDate(parseISO(value.doneAt), today)) : done ? l10n.t('done') : undefined,
      author: value.author.name,
      private: isPrivate,
    };
  });
}

/** Reciprocity of help-me conversations: what I asked them and what they asked me, by status. */
export function askBalance(records: readonly Loaded<Ask>[]): PageData['asks'] {
  const count = (direction: Ask['direction']): Counts => {
    const mine = records.filter((r) => r.value.direction === direction);
    const by = (status: Ask['status']) => mine.filter((r) => r.value.status === status).length;
    return { total: mine.length, open: by('open'), helped: by('helped'), declined: by('declined') };
  };
  return {
    iAsked: count('i-asked'),
    theyAsked: count('they-asked'),
    open: records
      .filter((r) => r.value.status === 'open')
      .sort((a, b) => a.value.createdAt.localeCompare(b.value.createdAt))
      .map(({ value, private: isPrivate }) => ({ id: value.id, direction: value.direction, text: value.text, private: isPrivate })),
    delivered: records
      .flatMap(({ value }) => (value.status === 'helped' && value.deliveredIn ? [{ value, deliveredIn: value.deliveredIn }] : []))
      .sort((a, b) => b.value.updatedAt.localeCompare(a.value.updatedAt))
      .slice(0, 20)
      .map(({ value, deliveredIn }) => ({
        id: value.id,
        direction: value.direction,
        text: value.text,
        commit: deliveredIn.commit.slice(0, 12),
        ...(deliveredIn.subject ? { subject: deliveredIn.subject } : {}),
      })),
  };
}

/** The partner's roles line, cut to fit the page's text limit (a very long line ends in "…"). */
function initiativeRoles(store: Store, partnerId: string): string | undefined {
  const text = rolesLine(
    { initiatives: store.all('initiative').map((i) => i.value), stances: store.ofPartner('stance', partnerId).map((s) => s.value) },
    partnerId,
  );
  if (!text) return undefined;
  return text.length > 2_000 ? `${text.slice(0, 1_999)}…` : text;
}
