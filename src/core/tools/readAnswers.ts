// The read tools that look across every partner: who is due, search, and the ecosystem's silos and
// slipping relationships. Pure: loaded stores in (through toolScope.ts), text and JSON out.
import { computeDueState, dueStateLabel, cadenceOf, DUE_SOON_DAYS } from '../cadence';
import { checkInIncludes } from '../partnerRefs';
import { type DueStatus } from '../vocabulary';
import { calendarDate } from '../dates';
import type { Ask, Partner } from '../model';
import { departmentCoverage, silos } from '../stats/coverage';
import { slipping } from '../stats/health';
import { select, statCheckInOf, type StatCheckIn, type StatsInput } from '../stats/input';
import { slippingWhy } from '../stats/slippingWhy';
import { english } from '../translator';
import { folded, lastVisibleCheckIns, visibleRecords, type ToolContext } from './toolScope';
import { checkInLine, count, dayOf, inline } from './toolText';

/** What a tool answers: text for the model, and the same facts as JSON (MCP `structuredContent`). */
export interface ToolAnswer {
  text: string;
  data: Record<string, unknown>;
}

const storeNote = (context: ToolContext, label: string) => (context.stores.length > 1 ? ` [store: ${inline(label, 100)}]` : '');

export interface DueRow {
  id: string;
  name: string;
  role?: string;
  department: string;
  store: string;
  status: DueStatus;
  days: number;
  label: string;
  dueDate?: string;
  cadenceDays: number;
  lastCheckIn?: { date: string; kind: string; rating?: number; summary: string; private: boolean };
}

/** Partners overdue or due within `withinDays` (snoozed and archived ones left out), most overdue first. */
export function dueAnswer(context: ToolContext, input: { withinDays?: number }): ToolAnswer {
  const within = input.withinDays ?? DUE_SOON_DAYS;
  const rows: DueRow[] = [];
  const lines: string[] = [];
  for (const entry of context.stores) {
    const last = lastVisibleCheckIns(context, entry.store);
    const teamCadence = entry.store.cadencePolicy(context.defaultCadenceDays);
    for (const { value: partner } of entry.store.partners()) {
      const lastCheckIn = last.get(partner.id);
      const due = computeDueState(partner, lastCheckIn ? new Date(lastCheckIn.value.date) : undefined, teamCadence, context.now);
      if ((due.status !== 'overdue' && due.status !== 'due' && due.status !== 'dueSoon') || due.days > within) continue;
      rows.push({
        id: partner.id,
        name: partner.name,
        ...(partner.role ? { role: partner.role } : {}),
        department: partner.department,
        store: entry.label,
        status: due.status,
        days: due.days,
        label: dueStateLabel(due, context.now, english),
        ...(due.dueDate ? { dueDate: calendarDate(due.dueDate) } : {}),
        cadenceDays: cadenceOf(partner, teamCadence),
        ...(lastCheckIn
          ? {
              lastCheckIn: {
                date: dayOf(lastCheckIn.value.date),
                kind: lastCheckIn.value.kind,
                ...(lastCheckIn.value.rating ? { rating: lastCheckIn.value.rating } : {}),
                summary: lastCheckIn.value.summary,
                private: lastCheckIn.private,
              },
            }
          : {}),
      });
      const row = rows[rows.length - 1];
      if (row) lines.push(dueLine(row, lastCheckIn ? checkInLine(lastCheckIn.value, lastCheckIn.private, false) : undefined, context));
    }
  }
  const order = rows
    .map((row, index) => ({ row, line: lines[index] ?? '' }))
    .sort((a, b) => a.row.days - b.row.days || a.row.name.localeCompare(b.row.name));
  const overdue = rows.filter((row) => row.status === 'overdue').length;
  const today = calendarDate(context.now);
  const text =
    rows.length === 0
      ? `Nobody is overdue or due within ${count(within, 'day')} (today is ${today}).`
      : [
          `Due for a check-in on ${today}: ${overdue} overdue, ${rows.length - overdue} due within ${count(within, 'day')}.`,
          '',
          ...order.map(({ line }) => line),
        ].join('\n');
  return { text, data: { today, withinDays: within, due: order.map(({ row }) => row) } };
}

function dueLine(row: DueRow, last: string | undefined, context: ToolContext): string {
  const who = [row.role, row.department].filter((part): part is string => Boolean(part)).map((part) => inline(part, 200));
  const reason = row.status === 'overdue' ? 'overdue' : 'due soon';
  return `- ${inline(row.name, 200)} (${who.join(', ')}), id ${row.id}${storeNote(context, row.store)}: ${row.label} (${reason}); cadence every ${count(row.cadenceDays, 'day')}; ${last ? `last check-in ${last}` : 'never checked in'}.`;
}

/** Partners whose name, role or department holds every word of the query; names that start with it first. */
export function searchAnswer(context: ToolContext, input: { query: string; limit?: number }): ToolAnswer {
  const words = folded(input.query).split(/\s+/).filter(Boolean);
  const limit = input.limit ?? 20;
  const whole = folded(input.query.trim());
  const matches: { partner: Partner; store: string; rank: number }[] = [];
  for (const entry of context.stores) {
    for (const { value: partner } of entry.store.partners()) {
      const name = folded(partner.name);
      const haystack = `${name} ${folded(partner.role ?? '')} ${folded(partner.department)}`;
      if (words.length === 0 || !words.every((word) => haystack.includes(word))) continue;
      const rank = name.startsWith(whole) ? 0 : words.every((word) => name.includes(word)) ? 1 : 2;
      matches.push({ partner, store: entry.label, rank: rank + (partner.archived ? 3 : 0) });
    }
  }
  matches.sort((a, b) => a.rank - b.rank || a.partner.name.localeCompare(b.partner.name));
  const shown = matches.slice(0, limit);
  const results = shown.map(({ partner, store }) => ({
    id: partner.id,
    name: partner.name,
    ...(partner.role ? { role: partner.role } : {}),
    department: partner.department,
    store,
    ...(partner.archived ? { archived: true } : {}),
  }));
  const text =
    matches.length === 0
      ? `No partner's name, role or department contains "${inline(input.query, 200)}".`
      : [
          `${count(matches.length, 'partner')} match "${inline(input.query, 200)}"${matches.length > shown.length ? ` (the first ${shown.length} shown)` : ''}:`,
          '',
          ...shown.map(
            ({ partner, store }) =>
              `- ${inline(partner.name, 200)} — ${[partner.role, partner.department]
                .filter((part): part is string => Boolean(part))
                .map((part) => inline(part, 200))
                .join(', ')}, id ${partner.id}${partner.archived ? ' (archived)' : ''}${storeNote(context, store)}`,
          ),
        ].join('\n');
  return { text, data: { query: input.query, total: matches.length, results } };
}

/** The statistics' input from what the tool may see: private check-ins and asks only when allowed. */
export function visibleStatsInput(context: ToolContext, partnerId?: string): StatsInput {
  const partners: Partner[] = [];
  const checkIns: StatCheckIn[] = [];
  const asks: Ask[] = [];
  for (const { store } of context.stores) {
    for (const { value } of store.partners()) if (partnerId === undefined || value.id === partnerId) partners.push(value);
    for (const { value, private: secret } of visibleRecords(context, store, 'checkIn'))
      if (partnerId === undefined || checkInIncludes(value, partnerId)) checkIns.push(statCheckInOf(value, secret));
    for (const { value } of visibleRecords(context, store, 'ask'))
      if (partnerId === undefined || value.partnerId === partnerId) asks.push(value);
  }
  checkIns.sort((a, b) => a.time - b.time);
  const team = context.stores.map(({ store }) => store.cadencePolicy(context.defaultCadenceDays).team).find((d) => d !== undefined);
  return { partners, checkIns, asks, cadence: { settingDays: context.defaultCadenceDays, team }, now: context.now };
}

/** Silos, slipping relationships and coverage per department: the dashboard's rules (src/core/stats). */
export function ecosystemAnswer(context: ToolContext): ToolAnswer {
  const input = visibleStatsInput(context);
  const selection = select(input, {});
  const coverage = departmentCoverage(selection, {
    siloDays: context.siloDays,
    cadence: input.cadence,
    asOf: context.now,
  });
  const siloRows = silos(coverage).map((row) => ({
    department: row.department,
    daysSinceContact: row.daysSinceContact,
    ...(row.lastContact ? { lastContact: dayOf(row.lastContact) } : {}),
    neverContacted: row.neverContacted,
    partners: selection.partners
      .filter((p) => p.department === row.department)
      .map((p) => p.name)
      .sort((a, b) => a.localeCompare(b)),
  }));
  const slippingRows = slipping(selection, input.cadence, context.now).map((row) => ({
    partnerId: row.partnerId,
    name: row.name,
    department: row.department,
    reasons: row.reasons,
    why: slippingWhy(row.ratingChange, row.missedBy, english),
  }));
  const lines = [
    `Ecosystem on ${calendarDate(context.now)}: ${count(selection.partners.length, 'active partner')} in ${count(coverage.length, 'department')}.`,
    '',
  ];
  lines.push(
    siloRows.length === 0
      ? `Silos: none (every department was in touch in the last ${count(context.siloDays, 'day')}).`
      : `Silos (no contact for more than ${count(context.siloDays, 'day')}):`,
  );
  for (const row of siloRows)
    lines.push(
      `- ${inline(row.department, 100)}: ${row.lastContact ? `no check-in for ${count(row.daysSinceContact, 'day')} (last ${row.lastContact})` : `no check-in since added ${count(row.daysSinceContact, 'day')} ago`} — ${row.partners.map((name) => inline(name, 200)).join(', ')}`,
    );
  lines.push('', slippingRows.length === 0 ? 'Slipping relationships: none.' : 'Slipping relationships (worst first):');
  for (const row of slippingRows)
    lines.push(`- ${inline(row.name, 200)} (${inline(row.department, 100)}), id ${row.partnerId}: ${row.why}.`);
  lines.push('', 'Coverage per department (partners on cadence):');
  for (const row of coverage)
    lines.push(`- ${inline(row.department, 100)}: ${row.onCadence} of ${row.partners} on cadence${row.silo ? ' (silo)' : ''}`);
  return {
    text: lines.join('\n'),
    data: {
      today: calendarDate(context.now),
      siloDays: context.siloDays,
      silos: siloRows,
      slipping: slippingRows,
      coverage: coverage.map((row) => ({ department: row.department, partners: row.partners, onCadence: row.onCadence, silo: row.silo })),
    },
  };
}
