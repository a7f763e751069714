// The rules of the full check-in form, checked on the host (the page is never trusted): the raw form
// the page sends becomes a typed check-in with its asks, action items and covered talking points, or a
// list of field errors the page shows next to the fields. Pure: no vscode.
import * as l10n from '@vscode/l10n';
import * as v from 'valibot';
import { isRealCalendarDate } from '../../core/model';
import { ASK_DIRECTIONS, ASK_STATUSES, CHECK_IN_KINDS, FOLLOW_UP_OWNERS } from '../../core/vocabulary';
import type { CheckInFormInput } from '../../webview/protocol';

// Messages are functions: valibot calls them when an issue arises, so they follow the display language.
const required = (empty: () => string, tooLong: () => string) =>
  v.pipe(v.string(), v.trim(), v.minLength(1, empty), v.maxLength(MAX_TEXT, tooLong));
const MAX_TEXT = 2000;
const MAX_NOTES = 200_000;

const AskRowSchema = v.object({
  direction: v.picklist(ASK_DIRECTIONS, () => l10n.t('Choose who asked')),
  text: required(
    () => l10n.t('The ask must not be empty'),
    () => l10n.t('The ask must be at most {0} characters', MAX_TEXT),
  ),
  status: v.picklist(ASK_STATUSES, () => l10n.t('Choose open, helped or declined')),
  /** A group check-in: whom the ask is with (checked against the group by the handler). */
  partnerId: v.optional(v.string()),
});

const ActionRowSchema = v.pipe(
  v.object({
    text: required(
      () => l10n.t('The action item must not be empty'),
      () => l10n.t('The action item must be at most {0} characters', MAX_TEXT),
    ),
    owner: v.picklist(FOLLOW_UP_OWNERS, () => l10n.t('Choose an owner')),
    teammate: v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(200, () => l10n.t('The teammate name must be at most {0} characters', 200)),
    ),
    due: v.pipe(
      v.string(),
      v.trim(),
      v.check(
        (text) => text === '' || (/^\d{4}-\d{2}-\d{2}$/.test(text) && isRealCalendarDate(text)),
        () => l10n.t('The due date must be a real date (yyyy-mm-dd)'),
      ),
    ),
    partnerId: v.optional(v.string()),
  }),
  // partialCheck: runs even when another field of the row (its text, say) has an error.
  v.forward(
    v.partialCheck(
      [['owner'], ['teammate']],
      (row) => row.owner !== 'teammate' || row.teammate !== '',
      () => l10n.t('Name the teammate'),
    ),
    ['teammate'],
  ),
);

export const CheckInFormSchema = v.object({
  kind: v.picklist(CHECK_IN_KINDS, () => l10n.t('Choose the kind of check-in')),
  rating: v.pipe(
    v.string(),
    v.regex(/^[1-5]$/, () => l10n.t('Choose a rating from 1 to 5')),
    v.transform(Number),
  ),
  summary: required(
    () => l10n.t('The summary must not be empty'),
    () => l10n.t('The summary must be at most {0} characters', MAX_TEXT),
  ),
  /** "" for none; the handler checks that it names an active initiative of the store. */
  initiativeId: v.optional(v.string(), ''),
  notes: v.pipe(
    v.string(),
    v.maxLength(MAX_NOTES, () => l10n.t('The notes must be at most {0} characters', '200,000')),
  ),
  private: v.boolean(),
  privateNotes: v.pipe(
    v.string(),
    v.maxLength(MAX_NOTES, () => l10n.t('The private notes must be at most {0} characters', '200,000')),
  ),
  asks: v.array(AskRowSchema),
  actions: v.array(ActionRowSchema),
  covered: v.array(v.string()),
  /** The other partners of a group check-in. */
  partnerIds: v.optional(v.array(v.string()), []),
  present: v.optional(
    v.array(
      v.object({
        name: v.pipe(
          v.string(),
          v.trim(),
          v.maxLength(200, () => l10n.t('The teammate name must be at most {0} characters', 200)),
        ),
        email: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(320))),
      }),
    ),
    [],
  ),
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
