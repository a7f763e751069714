// The rules of the full check-in form, checked on the host (the page is never trusted): the raw form
// the page sends becomes a typed check-in with its asks, action items and covered talking points, or a
// list of field errors the page shows next to the fields. Pure: no vscode.
import * as v from 'valibot';
import { ASK_DIRECTIONS, ASK_STATUSES, CHECK_IN_KINDS, FOLLOW_UP_OWNERS, isRealCalendarDate } from '../../core/model';
import type { CheckInFormInput } from '../../webview/protocol';

const required = (what: string, max: number) =>
  v.pipe(v.string(), v.trim(), v.minLength(1, `${what} must not be empty`), v.maxLength(max, `${what} must be at most ${max} characters`));

const AskRowSchema = v.object({
  direction: v.picklist(ASK_DIRECTIONS, 'Choose who asked'),
  text: required('The ask', 2000),
  status: v.picklist(ASK_STATUSES, 'Choose open, helped or declined'),
});

const ActionRowSchema = v.pipe(
  v.object({
    text: required('The action item', 2000),
    owner: v.picklist(FOLLOW_UP_OWNERS, 'Choose an owner'),
    teammate: v.pipe(v.string(), v.trim(), v.maxLength(200, 'The teammate name must be at most 200 characters')),
    due: v.pipe(
      v.string(),
      v.trim(),
      v.check((text) => text === '' || (/^\d{4}-\d{2}-\d{2}$/.test(text) && isRealCalendarDate(text)), 'The due date must be a real date (yyyy-mm-dd)'),
    ),
  }),
  // partialCheck: runs even when another field of the row (its text, say) has an error.
  v.forward(
    v.partialCheck([['owner'], ['teammate']], (row) => row.owner !== 'teammate' || row.teammate !== '', 'Name the teammate'),
    ['teammate'],
  ),
);

export const CheckInFormSchema = v.object({
  kind: v.picklist(CHECK_IN_KINDS, 'Choose the kind of check-in'),
  rating: v.pipe(
    v.string(),
    v.regex(/^[1-5]$/, 'Choose a rating from 1 to 5'),
    v.transform(Number),
  ),
  summary: required('The summary', 2000),
  notes: v.pipe(v.string(), v.maxLength(200_000, 'The notes must be at most 200,000 characters')),
  private: v.boolean(),
  privateNotes: v.pipe(v.string(), v.maxLength(200_000, 'The private notes must be at most 200,000 characters')),
  asks: v.array(AskRowSchema),
  actions: v.array(ActionRowSchema),
  covered: v.array(v.string()),
});
export type CheckInForm = v.InferOutput<typeof CheckInFormSchema>;

export type FormResult = { ok: true; form: CheckInForm } | { ok: false; fieldErrors: Record<string, string> };

/** Every field error at once (not only the first), keyed by the field's dot path: "asks.0.text". */
export function validateCheckInForm(input: CheckInFormInput): FormResult {
  const result = v.safeParse(CheckInFormSchema, input, { abortEarly: false });
  if (result.success) return { ok: true, form: result.output };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.issues) {
    const key = v.getDotPath(issue) ?? 'form';
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}
