// The write tools: a plan first (what will be written, where, shown to the person to confirm), then the
// write through the store's own API (atomic, refused on conflict, never over a broken file). The plan is
// made again from the same input when the write runs, so what is written is what was shown.
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { calendarDate } from '../dates';
import { english } from '../translator';
import { isStoreWriteError, type Loaded } from '../store';
import { fileFor, toRelative } from '../storeLayout';
import { visible } from '../visibleText';
import { checkInKindLabel, followUpOwnerLabel } from '../vocabulary';
import { parseInput, type ToolInput } from './toolInput';
import type { ToolAnswer } from './readAnswers';
import { findPartner, ToolError, type ToolContext, type ToolStore } from './toolScope';
import { inline } from './toolText';

export type WriteKey = 'logCheckIn' | 'addTalkingPoint' | 'addFollowUp';
type WriteKind = 'checkIn' | 'talkingPoint' | 'followUp';

export interface WritePlan {
  key: WriteKey;
  entry: ToolStore;
  partner: { id: string; name: string };
  kind: WriteKind;
  private: boolean;
  /** The folder the new file goes into, relative to the store (the file is named by the new id). */
  folder: string;
  /** The record's own fields, as written; the store adds its id, schema version, dates and author. */
  fields: Record<string, unknown>;
  /** A check-in's date when it is not "now". */
  date?: Date;
  /** What the person confirms, as Markdown: every stored text escaped. */
  preview: string;
}

/** Noon of a past day (the due logic counts calendar days), or undefined for today: then it is "now". */
function checkInDate(day: string | undefined, now: Date): Date | undefined {
  if (day === undefined || day === calendarDate(now)) return undefined;
  if (day > calendarDate(now)) throw new ToolError(english.t('The date {0} is in the future; log a check-in once it took place.', day));
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year ?? 0, (month ?? 1) - 1, date ?? 1, 12);
}

/** What a write tool would write, checked; a ToolError when the input or the partner does not do. */
export function planWrite(context: ToolContext, key: WriteKey, raw: unknown): WritePlan {
  const found = findPartner(context, parseInput(key, raw).partner);
  if (found.partner.archived)
    throw new ToolError(
      english.t('{0} is archived; unarchive them in Alliances before writing about them.', inline(found.partner.name, 200)),
    );
  const partnerId = found.partner.id;
  let kind: WriteKind;
  let fields: Record<string, unknown>;
  let date: Date | undefined;
  let isPrivate: boolean;
  const rows: [string, string][] = [];
  if (key === 'logCheckIn') {
    const input = parseInput('logCheckIn', raw);
    kind = 'checkIn';
    date = checkInDate(input.date, context.now);
    isPrivate = input.private === true;
    fields = { partnerId, kind: input.kind, ...(input.rating !== undefined ? { rating: input.rating } : {}), summary: input.summary };
    if (date) fields.date = date.toISOString();
    rows.push(
      [l10n.t('Kind'), checkInKindLabel(input.kind)],
      [l10n.t('Rating'), input.rating !== undefined ? `${input.rating}/5` : l10n.t('none')],
      [l10n.t('Summary'), input.summary],
      [l10n.t('Date'), date ? calendarDate(date) : l10n.t('now')],
    );
  } else if (key === 'addTalkingPoint') {
    const input: ToolInput<'addTalkingPoint'> = parseInput('addTalkingPoint', raw);
    kind = 'talkingPoint';
    isPrivate = input.private === true;
    fields = { partnerId, text: input.text };
    rows.push([l10n.t('Talking point'), input.text]);
  } else {
    const input = parseInput('addFollowUp', raw);
    kind = 'followUp';
    isPrivate = input.private === true;
    if (input.owner === 'teammate' && !input.teammate)
      throw new ToolError(english.t('Say which teammate owns it ("teammate"), or pick owner me or them.'));
    fields = {
      partnerId,
      text: input.text,
      owner: input.owner,
      ...(input.owner === 'teammate' && input.teammate ? { teammate: input.teammate } : {}),
      ...(input.due ? { due: input.due } : {}),
    };
    const owner =
      input.owner === 'them' ? found.partner.name : input.owner === 'teammate' ? (input.teammate ?? '') : followUpOwnerLabel('me');
    rows.push([l10n.t('Follow-up'), input.text], [l10n.t('Owner'), owner], [l10n.t('Due'), input.due ?? l10n.t('no due date')]);
  }
  const folder = path.posix.dirname(
    toRelative(found.entry.store.root, fileFor(found.entry.store.root, kind, 'x', { private: isPrivate, date: date ?? context.now })),
  );
  return {
    key,
    entry: found.entry,
    partner: { id: partnerId, name: found.partner.name },
    kind,
    private: isPrivate,
    folder,
    fields,
    ...(date ? { date } : {}),
    preview: previewOf(found.entry, found.partner.name, folder, isPrivate, rows, fields),
  };
}

/** The longest run of backticks in the text, plus one (at least three): a code fence the text cannot close. */
function fenceFor(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

function previewOf(
  entry: ToolStore,
  partnerName: string,
  folder: string,
  isPrivate: boolean,
  rows: [string, string][],
  fields: Record<string, unknown>,
): string {
  const where = isPrivate
    ? l10n.t('a new file in {0}/ (private: this machine only, never committed)', inline(folder, 300))
    : l10n.t('a new file in {0}/ (shared with the team through git)', inline(folder, 300));
  const json = visible(JSON.stringify(fields, null, 2), { multiline: true });
  const fence = fenceFor(json);
  return [
    `**${l10n.t('Store')}:** ${inline(entry.store.root, 1000)}`,
    `**${l10n.t('Writes')}:** ${where}`,
    `**${l10n.t('Partner')}:** ${inline(partnerName, 200)}`,
    ...rows.map(([label, value]) => `**${label}:** ${inline(value, 2000)}`),
    '',
    l10n.t("The record's fields as written (the store adds its id, dates and your name as author):"),
    '',
    `${fence}json`,
    json,
    fence,
  ].join('\n');
}

/** Writes what the plan says, through the store; a refusal of the store (conflict, broken file, merge) becomes a ToolError. */
export async function applyWrite(plan: WritePlan): Promise<ToolAnswer> {
  const { store } = plan.entry;
  let record: Loaded<{ id: string }>;
  try {
    if (plan.kind === 'checkIn') {
      const fields = plan.fields as ToolInput<'logCheckIn'>;
      record = await store.addCheckIn({
        partnerId: plan.partner.id,
        kind: fields.kind,
        summary: fields.summary,
        ...(fields.rating !== undefined ? { rating: fields.rating } : {}),
        ...(plan.date ? { date: plan.date } : {}),
        private: plan.private,
      });
    } else {
      record = await store.create(plan.kind, plan.fields, { private: plan.private });
    }
  } catch (error) {
    if (isStoreWriteError(error)) throw new ToolError(english.t('Nothing was written: {0}', error.message));
    throw error;
  }
  const file = toRelative(store.root, record.path);
  const what = plan.kind === 'checkIn' ? 'Logged a check-in' : plan.kind === 'talkingPoint' ? 'Added a talking point' : 'Added a follow-up';
  return {
    text: `${what} for ${inline(plan.partner.name, 200)}: ${inline(file, 300)} (id ${record.value.id})${plan.private ? ', private to this machine' : ''}.`,
    data: { id: record.value.id, file, private: plan.private, record: record.value },
  };
}
