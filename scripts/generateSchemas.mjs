// Writes schemas/*.schema.json (the JSON Schemas contributed through jsonValidation). Run after changing
// src/core/model.ts: node scripts/generateSchemas.mjs schemas — test/unit/jsonSchemas.test.ts checks they agree.
import { writeFileSync, mkdirSync } from 'node:fs';
const out = process.argv[2];
mkdirSync(out, { recursive: true });
const ID = '^[0-9a-hjkmnp-tv-z]{26}$';
const TS =
  '^\\d{4}-(?:0[1-9]|1[0-2])-(?:[12]\\d|0[1-9]|3[01])[T ](?:0\\d|1\\d|2[0-3])(?::[0-5]\\d){2}(?:\\.\\d{1,9})?(?:Z| ?[+-](?:0\\d|1\\d|2[0-3])(?::?[0-5]\\d)?)$';
const DATE = '^\\d{4}-(?:0[1-9]|1[0-2])-(?:[12]\\d|0[1-9]|3[01])$';
const defs = {
  id: {
    type: 'string',
    pattern: ID,
    description: 'A 26-character lowercase ULID, e.g. `01kaj3m5x2q8v9c0b1n2d3e4f5`. Never derived from a name.',
    patternErrorMessage: 'Must be a 26-character lowercase id.',
  },
  timestamp: {
    type: 'string',
    pattern: TS,
    description: 'An ISO 8601 date and time, e.g. `2026-11-21T09:30:00.000Z`.',
    patternErrorMessage: 'Must be an ISO 8601 date and time, e.g. 2026-11-21T09:30:00.000Z.',
  },
  date: {
    type: 'string',
    pattern: DATE,
    description: 'A calendar date, e.g. `2026-12-02`.',
    patternErrorMessage: 'Must be an ISO date, e.g. 2026-12-02.',
  },
  author: {
    type: 'object',
    description: 'Who wrote it: git `user.name` / `user.email`, else the OS user.',
    required: ['name'],
    properties: { name: { type: 'string', maxLength: 200 }, email: { type: 'string', maxLength: 320 } },
  },
  schemaVersion: {
    type: 'integer',
    minimum: 1,
    description: 'The record format version. Alliances shows a record from a newer version read-only and never rewrites it.',
  },
  cadenceDays: { type: 'integer', minimum: 1, maximum: 365, description: 'Days between check-ins.' },
  tag: {
    type: 'string',
    minLength: 1,
    maxLength: 60,
    pattern: '^[^\\s,]+$',
    description: 'A free tag, one word: `exec`, `launch-q1`, `platform`.',
    patternErrorMessage: 'Must be one word: no spaces or commas.',
  },
  cadenceRules: {
    type: 'object',
    propertyNames: { minLength: 1, maxLength: 100 },
    additionalProperties: { type: 'integer', minimum: 1, maximum: 365 },
  },
};
const ref = (name, extra = {}) => ({ $ref: `#/definitions/${name}`, ...extra });
const text = (max, description, nonEmpty = false) => ({
  type: 'string',
  maxLength: max,
  ...(nonEmpty ? { minLength: 1, pattern: '\\S' } : {}),
  description,
});
const enumOf = (values, description) => ({ type: 'string', enum: values, description });
const base = {
  schemaVersion: ref('schemaVersion'),
  id: ref('id', { description: "This record's id; it must match the file name." }),
  createdAt: ref('timestamp', { description: 'When the record was created.' }),
  updatedAt: ref('timestamp', { description: 'When the record was last changed.' }),
  author: ref('author'),
  updatedBy: ref('author', { description: 'Who changed it last, through Alliances.' }),
};
const baseRequired = ['schemaVersion', 'id', 'createdAt', 'updatedAt', 'author'];
const schema = (file, title, description, properties, required, usedDefs) => {
  const definitions = Object.fromEntries(usedDefs.map((name) => [name, defs[name]]));
  const document = {
    $schema: 'http://json-schema.org/draft-07/schema#',

    title,
    description,
    type: 'object',
    required,
    properties,
    // Fields this version does not know are kept (a teammate on a newer version loses nothing).
    additionalProperties: true,
    definitions,
  };
  writeFileSync(`${out}/${file}`, JSON.stringify(document, null, 2) + '\n');
};
const all = ['id', 'timestamp', 'author', 'schemaVersion'];
schema(
  'partner.schema.json',
  'Alliances partner',
  'One cross-functional partner: `.alliances/partners/<slug>-<id>.json`.',
  {
    ...base,
    name: text(200, 'Full name.', true),
    role: text(200, 'Their role, e.g. "Director of Product".'),
    department: text(
      100,
      'Their department: Product, Design, Sales, Marketing, Customer Success, Support, Data, Security, Vendor, Customer, Research, or your own.',
      true,
    ),
    email: text(320, 'Email address (also used to find duplicates on import).'),
    organisation: text(200, 'Their company, e.g. a vendor, a customer, an agency or a research partner.'),
    tags: {
      type: 'array',
      maxItems: 50,
      items: ref('tag'),
      description:
        'Free tags, e.g. `exec`, `launch-q1`: the tree groups by them, the dashboard filters by them, `alliances.json` may give them a cadence.',
    },
    cadenceDays: ref('cadenceDays', {
      description:
        'Days between check-ins with this partner; without it, the team rules in `alliances.json` (by tag, by department, the default), else the `alliances.defaultCadenceDays` setting.',
    }),
    leads: {
      type: 'array',
      items: { type: 'string', maxLength: 200 },
      description: 'What this partner leads (so you know whom to follow on what).',
    },
    codeAreas: {
      type: 'array',
      maxItems: 50,
      items: { type: 'string', maxLength: 500 },
      description: 'Code this partner cares about: workspace-relative paths or globs, e.g. `billing/**`, `src/checkout/`.',
    },
    snoozedUntil: ref('date', { description: 'Not due before this date (shared with the team).' }),
    archived: { type: 'boolean', description: 'Archived partners are hidden and never due.' },
  },
  [...baseRequired, 'name', 'department'],
  [...all, 'date', 'cadenceDays', 'tag'],
);
schema(
  'checkIn.schema.json',
  'Alliances check-in',
  'One check-in with a partner: `.alliances/checkins/<yyyy>/<id>.json`.',
  {
    ...base,
    partnerId: ref('id', { description: "The partner's id (a group check-in's first partner; it is also in `partnerIds`)." }),
    partnerIds: {
      type: 'array',
      minItems: 1,
      maxItems: 50,
      uniqueItems: true,
      items: ref('id'),
      description: 'A group check-in: every partner in it, `partnerId` among them. It counts for each of them.',
    },
    present: {
      type: 'array',
      maxItems: 50,
      items: ref('author'),
      description: 'Teammates who were there besides the author.',
    },
    date: ref('timestamp', { description: 'When the check-in took place.' }),
    kind: enumOf(['one-on-one', 'help-me', 'ad-hoc', 'async'], 'What kind of check-in it was.'),
    rating: { type: 'integer', minimum: 1, maximum: 5, description: 'How the relationship feels, from 1 to 5.' },
    summary: text(2000, 'One line of summary.'),
    notes: text(200000, 'Markdown notes (shared with the team; private notes live under `private/notes/`).'),
    initiativeId: ref('id', { description: 'The initiative the check-in was about (`initiatives/<id>.json`), if any.' }),
  },
  [...baseRequired, 'partnerId', 'date', 'kind', 'summary'],
  all,
);
schema(
  'talkingPoint.schema.json',
  'Alliances talking point',
  'Something to bring up with a partner: `.alliances/talking-points/<id>.json`. It stays on the agenda until a check-in covers it.',
  {
    ...base,
    partnerId: ref('id', { description: "The partner's id." }),
    text: text(2000, 'What to bring up.', true),
    source: {
      type: 'object',
      description: 'The code it is about: a place in the workspace at a commit.',
      required: ['path', 'startLine', 'endLine'],
      properties: {
        path: {
          type: 'string',
          minLength: 1,
          maxLength: 1000,
          pattern: '^(?!/)(?!(?:.*/)?\\.\\.(?:/|$))',
          description: 'Path relative to the workspace folder, with `/` separators.',
        },
        startLine: { type: 'integer', minimum: 1, description: 'First line (1-based).' },
        endLine: { type: 'integer', minimum: 1, description: 'Last line (1-based).' },
        commit: { type: 'string', pattern: '^[0-9a-f]{7,64}$', description: 'The git commit the lines were taken from.' },
        snippet: text(4000, 'A short quote of the code.'),
      },
    },
    coveredIn: ref('id', { description: 'The check-in that covered it.' }),
    coveredAt: ref('timestamp', { description: 'When it was covered.' }),
    concernId: ref('id', { description: 'The concern it was made from (Turn Concern into Talking Points), if any.' }),
  },
  [...baseRequired, 'partnerId', 'text'],
  all,
);
schema(
  'followUp.schema.json',
  'Alliances follow-up',
  'An action item: `.alliances/follow-ups/<id>.json`.',
  {
    ...base,
    partnerId: ref('id', { description: "The partner's id." }),
    checkInId: ref('id', { description: 'The check-in it came from.' }),
    text: text(2000, 'What to do.', true),
    owner: enumOf(['me', 'them', 'teammate'], 'Who does it: `me` (its author), `them` (the partner) or a `teammate`.'),
    teammate: text(200, 'The teammate who owns it, when `owner` is `teammate`.'),
    due: ref('date', { description: 'When it is due.' }),
    done: { type: 'boolean', description: 'Done.' },
    doneAt: ref('timestamp', { description: 'When it was done.' }),
  },
  [...baseRequired, 'partnerId', 'text', 'owner'],
  [...all, 'date'],
);
schema(
  'ask.schema.json',
  'Alliances ask or offer',
  'One side of a "help me" conversation: `.alliances/asks/<id>.json`.',
  {
    ...base,
    partnerId: ref('id', { description: "The partner's id." }),
    checkInId: ref('id', { description: 'The check-in it came from.' }),
    direction: enumOf(['i-asked', 'they-asked'], '`i-asked`: what I asked them; `they-asked`: what they asked me.'),
    text: text(2000, 'What was asked.', true),
    status: enumOf(['open', 'helped', 'declined'], 'Where it stands.'),
    deliveredIn: {
      type: 'object',
      description: 'The commit on the default branch that delivered it (accepted from its `Alliances-Ask` trailer).',
      required: ['commit'],
      properties: {
        commit: { type: 'string', pattern: '^[0-9a-f]{40,64}$', description: 'The full id of the commit.' },
        subject: text(1000, "The commit's subject when it was accepted."),
        date: ref('timestamp', { description: "The commit's author date." }),
      },
    },
  },
  [...baseRequired, 'partnerId', 'direction', 'text', 'status'],
  all,
);
schema(
  'note.schema.json',
  'Alliances private notes',
  'Private notes of a check-in: `.alliances/private/notes/<check-in id>.json`. Never committed.',
  {
    ...base,
    checkInId: ref('id', { description: 'The check-in these notes belong to.' }),
    notes: text(200000, 'Markdown notes.'),
  },
  [...baseRequired, 'checkInId', 'notes'],
  all,
);
schema(
  'connection.schema.json',
  'Alliances connection',
  'How two partners are connected ("Dana works with Priya"): `.alliances/connections/<id>.json`.',
  {
    ...base,
    fromId: ref('id', { description: 'The first partner: "Marcus" in "Marcus reports to Elena".' }),
    toId: ref('id', { description: 'The other partner: "Elena" in "Marcus reports to Elena"; never the same as `fromId`.' }),
    kind: {
      type: 'string',
      minLength: 1,
      maxLength: 60,
      pattern: '\\S',
      description: '`works-with`, `reports-to`, `introduced`, or your own word.',
      examples: ['works-with', 'reports-to', 'introduced'],
    },
    note: text(2000, 'A note on the connection.'),
  },
  [...baseRequired, 'fromId', 'toId', 'kind'],
  all,
);
schema(
  'initiative.schema.json',
  'Alliances initiative',
  'A launch, a migration, a reorg or an idea, and the people it needs on its side: `.alliances/initiatives/<id>.json`.',
  {
    ...base,
    name: text(200, 'Its name, e.g. "Pricing revamp".', true),
    goal: text(2000, 'What it should achieve.'),
    status: enumOf(['idea', 'active', 'done', 'dropped'], 'Where it stands.'),
    due: ref('date', { description: 'When it should be done.' }),
    codeAreas: {
      type: 'array',
      maxItems: 50,
      items: { type: 'string', maxLength: 500 },
      description: 'The code it touches: workspace-relative paths or globs, e.g. `billing/**`, `src/pricing/`.',
    },
  },
  [...baseRequired, 'name', 'status'],
  [...all, 'date'],
);
const level = (description) => enumOf(['high', 'medium', 'low'], description);
schema(
  'stance.schema.json',
  'Alliances stance',
  'One assessment of one partner on one initiative: `.alliances/stances/<id>.json`. A re-assessment is a new file; the latest one counts.',
  {
    ...base,
    initiativeId: ref('id', { description: "The initiative's id." }),
    partnerId: ref('id', { description: "The partner's id." }),
    date: ref('timestamp', { description: 'When the assessment was made.' }),
    stance: enumOf(['champion', 'supporter', 'neutral', 'skeptic', 'blocker', 'unknown'], 'Where they stand on it.'),
    influence: level('How much they can move it.'),
    interest: level('How much it matters to them.'),
    role: enumOf(
      ['leads', 'approves', 'contributes', 'consulted', 'informed'],
      'Their part in it: leads (drives it), approves, contributes, is consulted, is informed.',
    ),
    cares: text(2000, 'What they care about.'),
    offers: text(2000, 'What they can offer.'),
    note: text(2000, 'A note on the assessment.'),
  },
  [...baseRequired, 'initiativeId', 'partnerId', 'date', 'stance', 'influence', 'interest', 'role'],
  all,
);
schema(
  'concern.schema.json',
  'Alliances concern',
  'A concern the team rates up ("Support is overwhelmed after each release"): `.alliances/concerns/<id>.json`. Votes are `votes/<id>.json`.',
  {
    ...base,
    text: text(500, 'The concern in a line.', true),
    partnerIds: {
      type: 'array',
      maxItems: 50,
      uniqueItems: true,
      items: ref('id'),
      description: 'The partners who raised it; turned into talking points, each gets one.',
    },
    departments: {
      type: 'array',
      maxItems: 20,
      items: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' },
      description: "Departments that raised it besides the partners' own, e.g. `Support`.",
    },
    checkInId: ref('id', { description: 'The check-in it was raised in, if any.' }),
    theme: text(200, "The dashboard's theme (a word of the word cloud) it was raised from, if any."),
    status: enumOf(['open', 'closed'], 'Open until it is closed with a line of what was done.'),
    closedAt: ref('timestamp', { description: 'When it was closed.' }),
    resolution: text(2000, 'What was done about it (the closing line).'),
  },
  [...baseRequired, 'text', 'status'],
  all,
);
schema(
  'vote.schema.json',
  'Alliances vote',
  'One +1 of one concern: `.alliances/votes/<id>.json`. The voter is the author; two votes by the same author count once.',
  {
    ...base,
    concernId: ref('id', { description: "The concern's id (`concerns/<id>.json`)." }),
  },
  [...baseRequired, 'concernId'],
  all,
);
schema(
  'manifest.schema.json',
  'Alliances store manifest',
  'The store manifest `.alliances/alliances.json`: format, version and team-wide defaults.',
  {
    format: { const: 'alliances', description: 'Always `"alliances"`.' },
    schemaVersion: ref('schemaVersion'),
    defaults: {
      type: 'object',
      description: 'Team-wide defaults, committed with the store.',
      properties: {
        cadenceDays: ref('cadenceDays', {
          description:
            'Days between check-ins for partners with no cadence of their own and no tag or department rule (overrides the `alliances.defaultCadenceDays` setting).',
        }),
        cadenceByTag: ref('cadenceRules', {
          description:
            'Days between check-ins by tag, e.g. `{ "exec": 14 }`. When several tags match, the shortest wins; a partner\'s own cadence wins over all.',
        }),
        cadenceByDepartment: ref('cadenceRules', {
          description: 'Days between check-ins by department, e.g. `{ "Vendor": 45 }`. A tag rule wins over it.',
        }),
        graceDays: {
          type: 'integer',
          minimum: 0,
          maximum: 365,
          description: 'Days after the cadence that a partner is "due" before "overdue" (default 0).',
        },
      },
    },
    createdAt: ref('timestamp', { description: 'When the store was created.' }),
  },
  ['format', 'schemaVersion'],
  ['timestamp', 'schemaVersion', 'cadenceDays', 'cadenceRules'],
);
