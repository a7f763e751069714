// Concerns the team rates up, and the votes that rate them: one file each, so that two teammates who
// raise or +1 on two branches merge without a conflict. A vote's voter is its author; two votes by the
// same author count once (src/core/concerns.ts). model.ts lists both in SCHEMAS and RecordTypes.
import * as v from 'valibot';
import { CONCERN_STATUSES, MAX_CONCERN_DEPARTMENTS, MAX_CONCERN_PARTNERS } from './vocabulary';
import { id, recordBase, required, text, timestamp } from './schemaParts';

const distinct = (values: string[]) => new Set(values).size === values.length;

export const ConcernSchema = v.looseObject({
  ...recordBase,
  /** The concern in a line: "Support is overwhelmed after each release". */
  text: required(500),
  /** The partners who raised it (a talking point each when it is turned into talking points). */
  partnerIds: v.optional(
    v.pipe(
      v.array(id),
      v.maxLength(MAX_CONCERN_PARTNERS, `must name at most ${MAX_CONCERN_PARTNERS} partners`),
      v.check(distinct, 'must not name a partner twice'),
    ),
  ),
  /** Departments that raised it besides the partners' own (as written: "Support"). */
  departments: v.optional(
    v.pipe(v.array(required(100)), v.maxLength(MAX_CONCERN_DEPARTMENTS, `must name at most ${MAX_CONCERN_DEPARTMENTS} departments`)),
  ),
  /** The check-in it was raised in, if any. */
  checkInId: v.optional(id),
  /** The dashboard's theme (a word of the word cloud) it was raised from, if any. */
  theme: v.optional(text(200)),
  status: v.picklist(CONCERN_STATUSES, `must be one of ${CONCERN_STATUSES.join(', ')}`),
  /** When it was closed, and the line of what was done. */
  closedAt: v.optional(timestamp),
  resolution: v.optional(text(2000)),
});

/** One +1 of one concern: the voter is the author. */
export const VoteSchema = v.looseObject({
  ...recordBase,
  concernId: id,
});
