// Initiatives (a launch, a migration, a reorg, an idea) and stances: one assessment of one partner on
// one initiative. A re-assessment is a new stance, so the history stays; the latest one counts
// (src/core/initiatives.ts). model.ts lists both in SCHEMAS and RecordTypes.
import * as v from 'valibot';
import { INITIATIVE_STATUSES, LEVELS, STANCE_ROLES, STANCES } from './vocabulary';
import { calendarDate, codeAreasSchema, id, recordBase, required, text, timestamp } from './schemaParts';

export const InitiativeSchema = v.looseObject({
  ...recordBase,
  name: required(200),
  /** What it should achieve, in a line or two. */
  goal: v.optional(text(2000)),
  status: v.picklist(INITIATIVE_STATUSES, `must be one of ${INITIATIVE_STATUSES.join(', ')}`),
  due: v.optional(calendarDate),
  /** The code it touches, as a partner's code areas (paths or globs relative to the workspace folder). */
  codeAreas: v.optional(codeAreasSchema),
});

const level = v.picklist(LEVELS, `must be one of ${LEVELS.join(', ')}`);

export const StanceSchema = v.looseObject({
  ...recordBase,
  initiativeId: id,
  partnerId: id,
  /** When the assessment was made: the history reads in this order. */
  date: timestamp,
  stance: v.picklist(STANCES, `must be one of ${STANCES.join(', ')}`),
  influence: level,
  interest: level,
  role: v.picklist(STANCE_ROLES, `must be one of ${STANCE_ROLES.join(', ')}`),
  /** What they care about, and what they can offer. */
  cares: v.optional(text(2000)),
  offers: v.optional(text(2000)),
  note: v.optional(text(2000)),
});
