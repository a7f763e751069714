// The read tools about one partner: the brief to prepare a meeting, and the open agenda.
import { followUpDays, followUpOwnerName, isOpenTalkingPoint, openFollowUps, sourceLabel } from '../agenda';
import { partnerBrief } from '../brief/brief';
import { briefMarkdown } from '../brief/briefMarkdown';
import { english } from '../translator';
import type { ToolAnswer } from './readAnswers';
import { findPartner, visibleOfPartner, type FoundPartner, type ToolContext } from './toolScope';
import { count, inline } from './toolText';

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

/** Everything to prepare a meeting with one partner: the core brief (src/core/brief), with record ids. */
export function briefAnswer(context: ToolContext, input: { partner: string }): ToolAnswer {
  const brief = partnerBrief(context, findPartner(context, input.partner));
  return { text: briefMarkdown(brief, { translator: english, ids: true }), data: { ...brief } };
}
