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
  return {
    name: input.name.trim(),
    ...(input.role?.trim() ? { role: input.role.trim() } : {}),
    department: input.department.trim(),
    ...(input.email?.trim() ? { email: input.email.trim() } : {}),
    ...(input.cadenceDays !== undefined ? { cadenceDays: input.cadenceDays } : {}),
  };
}

/** A new check-in's own fields on `date`; notes only when they say something. */
export function checkInFields(input: NewCheckIn, date: Date): NewRecord<'checkIn'> {
  return {
    partnerId: input.partnerId,
    date: date.toISOString(),
    kind: input.kind,
    ...(input.rating !== undefined ? { rating: input.rating } : {}),
    summary: input.summary.trim(),
    ...(input.notes?.trim() ? { notes: input.notes } : {}),
  };
}
