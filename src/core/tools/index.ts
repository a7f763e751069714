// The tools' one door, for VS Code's language-model tools (src/extension/lmTools) and the CLI's MCP
// server (src/cli/mcpServer.ts): the same definitions, the same answers, the same write rules.
import { briefAnswer, agendaAnswer } from './briefAnswer';
import { toolByName, type ToolDefinition, type ToolKey } from './definitions';
import { dueAnswer, ecosystemAnswer, searchAnswer, type ToolAnswer } from './readAnswers';
import { parseInput } from './toolInput';
import { inline } from './toolText';
import { english } from '../translator';
import { ToolError, type ToolContext } from './toolScope';
import { applyWrite, planWrite, type WriteKey, type WritePlan } from './writePlans';

export { TOOL_DEFINITIONS, toolByKey, toolByName, type InputSchema, type ToolDefinition, type ToolKey } from './definitions';
export { ToolError, type ToolContext, type ToolStore } from './toolScope';
export { applyWrite, planWrite, type WriteKey, type WritePlan } from './writePlans';
export type { ToolAnswer } from './readAnswers';

export function isWriteKey(key: ToolKey): key is WriteKey {
  return key === 'logCheckIn' || key === 'addTalkingPoint' || key === 'addFollowUp';
}

/** A read tool's answer, with a note of the store files that cannot be read; a ToolError for a bad input or an unknown partner. */
export function answerRead(context: ToolContext, key: Exclude<ToolKey, WriteKey>, raw: unknown): ToolAnswer {
  const answer = readAnswer(context, key, raw);
  const problems = context.stores.flatMap(({ store }) => store.problems());
  if (problems.length === 0) return answer;
  const listed = problems
    .slice(0, 10)
    .map((problem) => `- ${inline(problem.relativePath, 300)}:${problem.location.line}: ${inline(problem.reason, 300)}`);
  return {
    text: `${answer.text}\n\nLeft out: ${problems.length} store file${problems.length === 1 ? '' : 's'} cannot be read (never written until fixed):\n${listed.join('\n')}`,
    data: {
      ...answer.data,
      problems: problems.map((problem) => ({ file: problem.relativePath, line: problem.location.line, reason: problem.reason })),
    },
  };
}

function readAnswer(context: ToolContext, key: Exclude<ToolKey, WriteKey>, raw: unknown): ToolAnswer {
  switch (key) {
    case 'due':
      return dueAnswer(context, parseInput('due', raw));
    case 'brief':
      return briefAnswer(context, parseInput('brief', raw));
    case 'search':
      return searchAnswer(context, parseInput('search', raw));
    case 'ecosystem':
      parseInput('ecosystem', raw);
      return ecosystemAnswer(context);
    case 'agenda':
      return agendaAnswer(context, parseInput('agenda', raw));
  }
}

export interface RunOptions {
  /** Writes allowed: false in Restricted Mode, and for an MCP server started without --allow-writes. */
  allowWrites: boolean;
  /** Why writes are refused, told to the model. */
  readOnlyReason?: string;
}

/** Runs a tool by name, writes included (no confirmation: the MCP client asks its user before calling). */
export async function runTool(context: ToolContext, name: string, raw: unknown, options: RunOptions): Promise<ToolAnswer> {
  const tool: ToolDefinition | undefined = toolByName(name);
  if (!tool) throw new ToolError(english.t('There is no tool "{0}".', inline(name, 100)));
  if (!isWriteKey(tool.key)) return answerRead(context, tool.key, raw);
  if (!options.allowWrites) throw new ToolError(options.readOnlyReason ?? english.t('Alliances is read-only here: nothing was written.'));
  const plan: WritePlan = planWrite(context, tool.key, raw);
  return applyWrite(plan);
}
