// The impact answer as a Markdown block for a pull request's description or a CI comment. English, like
// every text teammates share; names, areas and paths are teammates' free text, escaped (mdText) so they
// stay text in any Markdown renderer. Private records never reach it: the callers leave them out.
import { calendarDate } from '../dates';
import { mdText } from '../stats/report';
import { english } from '../translator';
import { visible } from '../visibleText';
import { asksText, consultedText, healthText, influenceText, siloText, whyText } from './describe';
import type { ImpactResult } from './types';

/** The HTML comment a CI job looks for to update its own comment instead of adding another. */
export const IMPACT_MARKER = '<!-- alliances:impact -->';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** A code span: literal in every renderer, so only its backticks (and line breaks) need care. */
const code = (text: string) => `\`${visible(text).replace(/`/g, "'").replace(/\s+/g, ' ')}\``;

export function impactMarkdown(result: ImpactResult): string {
  const { change } = result;
  const range = change.branch ? code(change.branch) : `${code(change.base)}..${code(change.head)}`;
  const lines = [
    IMPACT_MARKER,
    '### Who this change affects',
    '',
    `${range}: ${plural(change.commits, 'commit', 'commits')} since ${calendarDate(new Date(change.since))} (merge base ${change.mergeBase.slice(0, 7)} with ${code(change.base)}), ${plural(change.files.length, 'file', 'files')} changed.`,
    '',
  ];
  if (result.people.length === 0 && result.initiatives.length === 0) {
    lines.push("It touches no partner's code area and no initiative's.");
    return `${lines.join('\n')}\n`;
  }
  if (result.initiatives.length > 0) {
    lines.push('Initiatives whose code it touches:', '');
    for (const i of result.initiatives)
      lines.push(
        `- **${mdText(i.name)}** (${i.areas.map(code).join(', ')}): ${plural(i.files.length, 'file', 'files')}, ${plural(i.people.length, 'person', 'people')}`,
      );
    lines.push('');
  }
  if (result.people.length > 0) {
    lines.push('| Person | Why | Influence | Health | Silo | Open asks | Consulted |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const p of result.people)
      lines.push(
        `| ${mdText(p.name)} (${mdText(p.department)}) | ${mdText(whyText(p, english))} | ${influenceText(p, english)} | ${mdText(healthText(p, english))} | ${mdText(siloText(p, english))} | ${asksText(p, english)} | ${p.consulted ? '' : '**'}${consultedText(p, english)}${p.consulted ? '' : '**'} |`,
      );
    lines.push('');
  }
  const names = (ids: readonly string[]) => ids.map((id) => mdText(result.people.find((p) => p.partnerId === id)?.name ?? id)).join(', ');
  const others = result.notConsulted.filter((id) => !result.highInfluenceNotConsulted.includes(id));
  if (result.verdict === 'clear') lines.push('Everyone it affects was consulted since the branch started.');
  if (result.highInfluenceNotConsulted.length > 0)
    lines.push(`**Not consulted yet, of high influence:** ${names(result.highInfluenceNotConsulted)}.`);
  if (others.length > 0)
    lines.push(`${result.highInfluenceNotConsulted.length > 0 ? 'Also not consulted' : 'Not consulted yet'}: ${names(others)}.`);
  return `${lines.join('\n')}\n`;
}
