// The tools Alliances offers a language model: one list for VS Code's language-model tools and the CLI's
// MCP server, so both describe and answer the same. package.json's `languageModelTools` repeats the
// names, descriptions and input schemas (a manifest is static); test/unit/toolDefinitions.test.ts keeps
// the two equal. Descriptions are for the model: English, whatever the display language.
import { english } from '../translator';
import { CHECK_IN_KINDS, FOLLOW_UP_OWNERS, MAX_RATING, MIN_RATING } from '../vocabulary';

export type ToolKey = 'due' | 'brief' | 'search' | 'ecosystem' | 'agenda' | 'logCheckIn' | 'addTalkingPoint' | 'addFollowUp';

/** The JSON Schema subset the tools' inputs use (what VS Code and MCP clients read). */
export interface InputSchema {
  type: 'object';
  properties: Record<string, Record<string, unknown>>;
  required?: string[];
  additionalProperties?: false;
}

export interface ToolDefinition {
  key: ToolKey;
  /** The tool's name for VS Code (`vscode.lm.registerTool`) and MCP (`tools/list`). */
  name: string;
  /** `#alliancesDue` in a chat prompt. */
  referenceName: string;
  /** A short title for people (MCP `title`). */
  title: string;
  /** What the model reads to decide when to call it. */
  description: string;
  inputSchema: InputSchema;
  /** Writes a record: asks for confirmation, refused in Restricted Mode and by a read-only MCP server. */
  writes: boolean;
}

const partner = {
  type: 'string',
  description: "The partner's name (or part of it, if that names one partner only) or their id.",
  minLength: 1,
  maxLength: 200,
};
const isPrivate = {
  type: 'boolean',
  description: 'Write it under private/ (this machine only, never committed). Default: shared with the team through git.',
};
const day = (what: string) => ({ type: 'string', description: `${what} (yyyy-mm-dd).`, pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const TOOL_DEFINITIONS: readonly ToolDefinition[] = [
  {
    key: 'due',
    name: 'alliances_due',
    referenceName: 'alliancesDue',
    title: 'Who is due for a check-in',
    description:
      "Lists the engineering manager's cross-functional partners who are overdue or due soon for a check-in, most overdue first, with the reason: days overdue or until due, their cadence and their last check-in (date, kind, rating, summary).",
    inputSchema: {
      type: 'object',
      properties: {
        withinDays: { type: 'integer', description: 'Also list partners due within this many days (default 7).', minimum: 0, maximum: 90 },
      },
      additionalProperties: false,
    },
    writes: false,
  },
  {
    key: 'brief',
    name: 'alliances_brief',
    referenceName: 'alliancesBrief',
    title: "A partner's brief",
    description:
      'A brief to prepare a meeting with one partner: name, role, department, what they lead, cadence and due state, relationship health (last rating, recent average, whether it is slipping), the rating trend, the last check-ins, open talking points, open follow-ups and open asks in both directions, the initiatives they are part of (role and stance) and their connections.',
    inputSchema: { type: 'object', properties: { partner }, required: ['partner'], additionalProperties: false },
    writes: false,
  },
  {
    key: 'search',
    name: 'alliances_search',
    referenceName: 'alliancesSearch',
    title: 'Search partners',
    description:
      'Finds partners whose name, role or department contains every word of the query (case and accents ignored). Use it to find the exact partner before asking for a brief or writing a record.',
    inputSchema: {
      type: 'object',
      properties: {
        query: { type: 'string', description: 'Words to look for, e.g. "product" or "dana".', minLength: 1, maxLength: 200 },
        limit: { type: 'integer', description: 'At most this many results (default 20).', minimum: 1, maximum: 100 },
      },
      required: ['query'],
      additionalProperties: false,
    },
    writes: false,
  },
  {
    key: 'ecosystem',
    name: 'alliances_ecosystem',
    referenceName: 'alliancesEcosystem',
    title: 'Silos and slipping relationships',
    description:
      "The health of the manager's ecosystem: departments nobody has talked to for too long (silos), relationships that are slipping (ratings falling or the cadence missed twice in a row), and per department how many partners are on cadence.",
    inputSchema: { type: 'object', properties: {}, additionalProperties: false },
    writes: false,
  },
  {
    key: 'agenda',
    name: 'alliances_agenda',
    referenceName: 'alliancesAgenda',
    title: "A partner's open agenda",
    description:
      "One partner's open talking points (things to bring up, some linked to code) and open follow-ups (action items, with owner and due date).",
    inputSchema: { type: 'object', properties: { partner }, required: ['partner'], additionalProperties: false },
    writes: false,
  },
  {
    key: 'logCheckIn',
    name: 'alliances_logCheckIn',
    referenceName: 'alliancesLogCheckIn',
    title: 'Log a check-in',
    description:
      'Records a conversation with a partner (it resets when they are next due). The user confirms the exact record before it is written.',
    inputSchema: {
      type: 'object',
      properties: {
        partner,
        kind: { type: 'string', enum: [...CHECK_IN_KINDS], description: 'one-on-one, help-me (both ask for help), ad-hoc or async.' },
        summary: { type: 'string', description: 'One line: what the conversation was about.', minLength: 1, maxLength: 2000 },
        rating: {
          type: 'integer',
          minimum: MIN_RATING,
          maximum: MAX_RATING,
          description: 'How the relationship feels, 1 (broken) to 5 (great). Leave out unless the user said.',
        },
        date: day('The day it took place, default today; not in the future'),
        private: isPrivate,
      },
      required: ['partner', 'kind', 'summary'],
      additionalProperties: false,
    },
    writes: true,
  },
  {
    key: 'addTalkingPoint',
    name: 'alliances_addTalkingPoint',
    referenceName: 'alliancesAddTalkingPoint',
    title: 'Add a talking point',
    description:
      'Adds something to bring up at the next check-in with a partner; it stays on their agenda until a check-in covers it. The user confirms the exact record before it is written.',
    inputSchema: {
      type: 'object',
      properties: {
        partner,
        text: { type: 'string', description: 'What to bring up.', minLength: 1, maxLength: 2000 },
        private: isPrivate,
      },
      required: ['partner', 'text'],
      additionalProperties: false,
    },
    writes: true,
  },
  {
    key: 'addFollowUp',
    name: 'alliances_addFollowUp',
    referenceName: 'alliancesAddFollowUp',
    title: 'Add a follow-up',
    description:
      'Adds an action item for a partner relationship, owned by the user (me), the partner (them) or a named teammate, with an optional due date. The user confirms the exact record before it is written.',
    inputSchema: {
      type: 'object',
      properties: {
        partner,
        text: { type: 'string', description: 'What needs doing.', minLength: 1, maxLength: 2000 },
        owner: { type: 'string', enum: [...FOLLOW_UP_OWNERS], description: 'Who does it: me (the user), them (the partner) or teammate.' },
        teammate: { type: 'string', description: "The teammate's name, when owner is teammate.", maxLength: 200 },
        due: day('When it is due'),
        private: isPrivate,
      },
      required: ['partner', 'text', 'owner'],
      additionalProperties: false,
    },
    writes: true,
  },
];

export function toolByName(name: string): ToolDefinition | undefined {
  return TOOL_DEFINITIONS.find((tool) => tool.name === name);
}

export function toolByKey(key: ToolKey): ToolDefinition {
  const tool = TOOL_DEFINITIONS.find((candidate) => candidate.key === key);
  if (!tool) throw new Error(english.t('No tool {0}.', key));
  return tool;
}
