// A tool's input as the model sent it: checked here, whatever the client validated, so a bad argument is
// answered in words (a ToolError) and never reaches the store. Unknown keys are dropped, not refused:
// models add them, and they change nothing.
import * as v from 'valibot';
import { isRealCalendarDate } from '../model';
import { english } from '../translator';
import { CHECK_IN_KINDS, FOLLOW_UP_OWNERS, MAX_RATING, MIN_RATING } from '../vocabulary';
import type { ToolKey } from './definitions';
import { ToolError } from './toolScope';
import { inline } from './toolText';

const text = (max: number) =>
  v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));
const whole = (min: number, max: number) => v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(min), v.maxValue(max));
const day = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-21'),
  v.check(isRealCalendarDate, 'is not a real date'),
);
const partner = text(200);
const isPrivate = v.optional(v.boolean());

export const TOOL_INPUTS = {
  due: v.object({ withinDays: v.optional(whole(0, 90)) }),
  brief: v.object({ partner }),
  search: v.object({ query: text(200), limit: v.optional(whole(1, 100)) }),
  ecosystem: v.object({}),
  agenda: v.object({ partner }),
  logCheckIn: v.object({
    partner,
    kind: v.picklist(CHECK_IN_KINDS, `must be one of ${CHECK_IN_KINDS.join(', ')}`),
    summary: text(2000),
    rating: v.optional(whole(MIN_RATING, MAX_RATING)),
    date: v.optional(day),
    private: isPrivate,
  }),
  addTalkingPoint: v.object({ partner, text: text(2000), private: isPrivate }),
  addFollowUp: v.object({
    partner,
    text: text(2000),
    owner: v.picklist(FOLLOW_UP_OWNERS, `must be one of ${FOLLOW_UP_OWNERS.join(', ')}`),
    teammate: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, 'must be at most 200 characters'))),
    due: v.optional(day),
    private: isPrivate,
  }),
} satisfies Record<ToolKey, v.GenericSchema>;

export type ToolInput<K extends ToolKey> = v.InferOutput<(typeof TOOL_INPUTS)[K]>;

/** The checked input, or a ToolError that says which argument is wrong and why. */
export function parseInput<K extends ToolKey>(key: K, raw: unknown): ToolInput<K> {
  // MCP clients may leave `arguments` out of a call to a tool without required ones.
  const result = v.safeParse(TOOL_INPUTS[key], raw ?? {});
  if (result.success) return result.output;
  const problems = result.issues.slice(0, 5).map((issue) => {
    const where = v.getDotPath(issue);
    return inline(where ? `"${where}" ${issue.message}` : issue.message, 300);
  });
  throw new ToolError(english.t('Invalid input: {0}.', problems.join('; ')));
}
