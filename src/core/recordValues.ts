import * as l10n from '@vscode/l10n';
import * as v from 'valibot';
import { issueSentence } from './schemaIssues';
import { StoreWriteError } from './storeErrors';
import type { NewCheckIn, NewPartner, NewRecord } from './storeTypes';

/** Pretty-printed with a final newline, so git diffs read well. */
export function serialise(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The value as the schema has it, or a refusal that names the first wrong field: nothing invalid is written. */
export function validated<T extends v.GenericSchema>(schema: T, value: unknown): v.InferOutput<T> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw new StoreWriteError(l10n.t('Not saved: {0}', issueSentence(issue, v.getDotPath(issue) ?? undefined)), 'invalid');
}

/** A new partner's own fields, trimmed; empty optional ones are left out. */
export function partnerFields(input: NewPartner): NewRecord<'partner'> {
  const tags = normalTags(input.tags);
  return {
    name: input.name.trim(),
    ...(input.role?.trim() ? { role: input.role.trim() } : {}),
    department: input.department.trim(),
    ...(input.email?.trim() ? { email: input.email.trim() } : {}),
    ...(input.organisation?.trim() ? { organisation: input.organisation.trim() } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(input.cadenceDays !== undefined ? { cadenceDays: input.cadenceDays } : {}),
  };
}

/** A new check-in's own fields on `date`; notes only when they say something. */
export function checkInFields(input: NewCheckIn, date: Date): NewRecord<'checkIn'> {
  const partnerIds = groupPartnerIds(input.partnerId, input.partnerIds);
  return {
    partnerId: input.partnerId,
    ...(partnerIds ? { partnerIds } : {}),
    ...(input.present && input.present.length > 0 ? { present: [...input.present] } : {}),
    date: date.toISOString(),
    kind: input.kind,
    ...(input.rating !== undefined ? { rating: input.rating } : {}),
    summary: input.summary.trim(),
    ...(input.notes?.trim() ? { notes: input.notes } : {}),
    ...(input.initiativeId ? { initiativeId: input.initiativeId } : {}),
  };
}

/** Tags as stored: trimmed, without empty ones or repeats (case-insensitive; the first spelling wins). */
export function normalTags(tags: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags ?? []) {
    const tag = raw.trim();
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      result.push(tag);
    }
  }
  return result;
}

/**
 * Everyone in a group check-in, the first partner first and no one twice; undefined for a check-in with
 * one partner, which is written exactly as before (older builds and other tools read it unchanged).
 */
export function groupPartnerIds(partnerId: string, others: readonly string[] | undefined): string[] | undefined {
  const ids = [...new Set([partnerId, ...(others ?? [])])];
  return ids.length > 1 ? ids : undefined;
}
