// The read tools about one partner: the brief to prepare a meeting, and the open agenda.
import { followUpDays, followUpOwnerName, isOpenTalkingPoint, openFollowUps, sourceLabel } from '../agenda';
import { cadenceOf, computeDueState, dueStateLabel } from '../cadence';
import { calendarDate } from '../dates';
import { round1, slipping } from '../stats/health';
import { select } from '../stats/input';
import { slippingWhy } from '../stats/slippingWhy';
import { english } from '../translator';
import { visibleStatsInput, type ToolAnswer } from './readAnswers';
import { findPartner, visibleOfPartner, type FoundPartner, type ToolContext } from './toolScope';
import { checkInLine, count, dayOf, inline } from './toolText';

/** Check-ins a brief lists, newest first. */
export const BRIEF_CHECK_INS = 5;

interface Agenda {
  lines: string[];
  data: { talkingPoints: Record<string, unknown>[]; followUps: Record<string, unknown>[] };
}

function agendaOf(context: ToolContext, { entry, partner }: FoundPartner): Agenda {
  const points = visibleOfPartner(context, entry.store, 'talkingPoint', partner.id)
    .filter((point) => isOpenTalkingPoint(point.value))
    .sort((a, b) => a.value.createdAt.localeCompare(b.value.createdAt));
  const followUps = openFollowUps(visibleOfPartner(context, entry.store, 'followUp', partner.id));
  const lines = [points.length === 0 ? 'Open talking points: none.' : `Open talking points (${points.length}):`];
  for (const { value, private: secret } of points)
    lines.push(
      `- ${inline(value.text)}${value.source ? ` (code: ${inline(sourceLabel(value.source), 300)})` : ''}${secret ? ' (private)' : ''}, id ${value.id}`,
    );
  lines.push('', followUps.length === 0 ? 'Open follow-ups: none.' : `Open follow-ups (${followUps.length}):`);
  const followUpRows = followUps.map(({ value, private: secret }) => {
    const days = followUpDays(value, context.now);
    const owner = followUpOwnerName(value, partner.name, english);
    const when = days === undefined ? 'no due date' : days < 0 ? `${count(-days, 'day')} overdue (due ${value.due})` : `due ${value.due}`;
    lines.push(`- ${inline(value.text)} — owner ${inline(owner, 200)}; ${when}${secret ? ' (private)' : ''}, id ${value.id}`);
    return {
      id: value.id,
      text: value.text,
      owner: value.owner,
      ownerName: owner,
      ...(value.due ? { due: value.due } : {}),
      overdue: days !== undefined && days < 0,
      private: secret,
    };
  });
  return {
    lines,
    data: {
      talkingPoints: points.map(({ value, private: secret }) => ({
        id: value.id,
        text: value.text,
        ...(value.source ? { source: sourceLabel(value.source) } : {}),
        private: secret,
      })),
      followUps: followUpRows,
    },
  };
}

/** One partner's open talking points and follow-ups. */
export function agendaAnswer(context: ToolContext, input: { partner: string }): ToolAnswer {
  const found = findPartner(context, input.partner);
  const agenda = agendaOf(context, found);
  return {
    text: [`Open agenda with ${inline(found.partner.name, 200)} (id ${found.partner.id}):`, '', ...agenda.lines].join('\n'),
    data: { partner: { id: found.partner.id, name: found.partner.name }, ...agenda.data },
  };
}

/** Everything to prepare a meeting with one partner. */
export function briefAnswer(context: ToolContext, input: { partner: string }): ToolAnswer {
  const found = findPartner(context, input.partner);
  const { entry, partner } = found;
  const checkIns = visibleOfPartner(context, entry.store, 'checkIn', partner.id).sort((a, b) => b.value.date.localeCompare(a.value.date));
  const teamCadence = entry.store.cadencePolicy(context.defaultCadenceDays);
  const latest = checkIns[0];
  const due = computeDueState(partner, latest ? new Date(latest.value.date) : undefined, teamCadence, context.now);
  const ratings = checkIns.map(({ value }) => value.rating).filter((rating): rating is number => rating !== undefined);
  const recent = ratings.slice(0, 5);
  const average = recent.length > 0 ? round1(recent.reduce((sum, rating) => sum + rating, 0) / recent.length) : undefined;
  // The dashboard's rule, over this partner's history only.
  const history = select(visibleStatsInput(context, partner.id), {});
  const slip = slipping(history, teamCadence, context.now)[0];
  const why = slip ? slippingWhy(slip.ratingChange, slip.missedBy, english) : undefined;
  const asks = visibleOfPartner(context, entry.store, 'ask', partner.id)
    .filter(({ value }) => value.status === 'open')
    .sort((a, b) => a.value.createdAt.localeCompare(b.value.createdAt));
  const agenda = agendaOf(context, found);

  const facts = [partner.role, partner.department].filter((part): part is string => Boolean(part)).map((part) => inline(part, 200));
  const label = dueStateLabel(due, context.now, english);
  const lines = [
    `Brief: ${inline(partner.name, 200)} (id ${partner.id})${context.stores.length > 1 ? ` [store: ${inline(entry.label, 100)}]` : ''}`,
    '',
    `${facts.join(', ')}; check-in every ${count(cadenceOf(partner, teamCadence), 'day')}; ${label}${partner.archived ? '' : ` (${due.status === 'overdue' ? 'overdue' : due.status === 'due' ? 'due' : due.status === 'snoozed' ? 'snoozed' : 'on cadence'})`}.`,
  ];
  if (partner.email) lines.push(`Email: ${inline(partner.email, 320)}`);
  if (partner.leads?.length) lines.push(`Leads: ${partner.leads.map((area) => inline(area, 200)).join(', ')}`);
  lines.push(
    '',
    `Health: ${latest?.value.rating !== undefined ? `last rating ${latest.value.rating}/5` : ratings.length > 0 ? `last rating ${ratings[0]}/5 (the latest check-in has none)` : 'no ratings yet'}${average !== undefined ? `; average of the last ${count(recent.length, 'rating')} ${average}/5` : ''}; ${why ? `slipping: ${why}` : 'not slipping'}.`,
    '',
    checkIns.length === 0
      ? 'Check-ins: none yet.'
      : `Last check-ins (${Math.min(BRIEF_CHECK_INS, checkIns.length)} of ${checkIns.length}, newest first):`,
  );
  for (const { value, private: secret } of checkIns.slice(0, BRIEF_CHECK_INS)) lines.push(`- ${checkInLine(value, secret)}`);
  lines.push('', ...agenda.lines, '', asks.length === 0 ? 'Open asks: none.' : `Open asks (${asks.length}):`);
  for (const { value, private: secret } of asks)
    lines.push(`- ${value.direction === 'i-asked' ? 'I asked them' : 'They asked me'}: ${inline(value.text)}${secret ? ' (private)' : ''}`);
  return {
    text: lines.join('\n'),
    data: {
      today: calendarDate(context.now),
      partner: {
        id: partner.id,
        name: partner.name,
        ...(partner.role ? { role: partner.role } : {}),
        department: partner.department,
        ...(partner.email ? { email: partner.email } : {}),
        leads: partner.leads ?? [],
        cadenceDays: cadenceOf(partner, teamCadence),
        archived: partner.archived === true,
      },
      due: { status: due.status, days: due.days, label, ...(due.dueDate ? { dueDate: calendarDate(due.dueDate) } : {}) },
      health: {
        ...(ratings[0] !== undefined ? { lastRating: ratings[0] } : {}),
        ...(average !== undefined ? { recentAverage: average } : {}),
        slipping: why ?? null,
      },
      checkIns: checkIns.slice(0, BRIEF_CHECK_INS).map(({ value, private: secret }) => ({
        id: value.id,
        date: dayOf(value.date),
        kind: value.kind,
        ...(value.rating ? { rating: value.rating } : {}),
        summary: value.summary,
        author: value.author.name,
        private: secret,
      })),
      checkInCount: checkIns.length,
      ...agenda.data,
      asks: asks.map(({ value, private: secret }) => ({ id: value.id, direction: value.direction, text: value.text, private: secret })),
    },
  };
}
