// The dashboard as a Markdown report: the same figures, for a wiki page, a pull request or an email.
// Names and areas are teammates' free text: escaped so they stay text in any Markdown renderer.
// English throughout, whatever the display language, like every file teammates share.
import { english } from '../translator';
import type { DashboardData } from './dashboard';
import { slippingWhy } from './slippingWhy';
import { visible } from '../visibleText';

/**
 * Markdown-escapes inline text; newlines become spaces (a table cell or list item is one line), and
 * bidi controls and invisible characters are shown as ⟨U+202E⟩ (src/core/visibleText.ts).
 */
export function mdText(text: string): string {
  return visible(text, { multiline: true })
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_[\]<>|#~!&]/g, (c) => `\\${c}`);
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

function table(header: string[], rows: (string | number)[][]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

function filterLine(data: DashboardData): string {
  const parts = [
    data.filter.from || data.filter.to
      ? `${data.filter.from ?? 'the beginning'} to ${data.filter.to ?? data.asOf}`
      : `all time to ${data.asOf}`,
    data.filter.department ? `department ${mdText(data.filter.department)}` : 'all departments',
    data.filter.author
      ? `author ${mdText(data.options.authors.find((a) => a.key === data.filter.author)?.name ?? data.filter.author)}`
      : 'all authors',
  ];
  return parts.join(' · ');
}

export function dashboardReport(data: DashboardData): string {
  const t = data.totals;
  const lines: string[] = [
    '# Alliances dashboard',
    '',
    `${filterLine(data)}. ${t.partners} partners in ${t.departments} departments, ${t.checkIns} check-ins in the range.`,
    '',
    '## Coverage and silos',
    '',
    ...table(
      ['Department', 'Partners', 'Days since last contact', 'On cadence', 'Silo'],
      data.coverage.map((row) => [
        mdText(row.department),
        row.partners,
        row.neverContacted ? `never (${row.daysSinceContact} days)` : row.daysSinceContact,
        `${row.onCadence} of ${row.partners} (${percent(row.onCadenceShare)})`,
        row.silo ? `**silo** (over ${data.options.siloDays} days)` : '',
      ]),
    ),
    '',
    '## Relationship health',
    '',
  ];
  if (data.health.slipping.length === 0) lines.push('No relationship is slipping.');
  // In English like the rest of the report (s.why follows the display language, for the page).
  else
    for (const s of data.health.slipping)
      lines.push(`- **${mdText(s.name)}** (${mdText(s.department)}): ${slippingWhy(s.ratingChange, s.missedBy, english)}.`);
  lines.push('');
  if (data.health.departments.length > 0) {
    lines.push(
      ...table(
        ['Department', 'Average rating', 'Rated check-ins', 'By month'],
        data.health.departments.map((d) => [
          mdText(d.label),
          d.average ?? '',
          d.count,
          d.months.map((m) => `${m.month}: ${m.average}`).join(', '),
        ]),
      ),
    );
    lines.push('');
  }
  lines.push('## Themes', '');
  lines.push(
    data.themes.length === 0
      ? 'No themes in the range.'
      : data.themes.map((theme) => `${mdText(theme.label)} (${theme.count})`).join(' · '),
  );
  lines.push('', '## Reciprocity', '');
  if (data.reciprocity.length === 0) lines.push('No asks or offers in the range.');
  else
    lines.push(
      ...table(
        ['Partner', 'Help given', 'Help received', 'Their open asks', 'My open asks'],
        data.reciprocity.map((r) => [mdText(r.name), r.given, r.received, r.openTheirs, r.openMine]),
      ),
    );
  lines.push('', '## Who leads what', '');
  if (data.leads.length === 0) lines.push('No partner has a "leads" area yet.');
  else
    for (const area of data.leads)
      lines.push(`- **${mdText(area.area)}**: ${area.leaders.map((l) => `${mdText(l.name)} (${mdText(l.department)})`).join(', ')}`);
  lines.push('', '## Concerns', '');
  if (data.concerns.ranked.length === 0) lines.push('No open concerns.');
  else
    lines.push(
      ...table(
        ['Rank', 'Concern', 'Votes', 'Departments', 'Raised by'],
        data.concerns.ranked.map((c) => [
          c.rank,
          mdText(c.text),
          c.votes,
          mdText(c.departments.join(', ')),
          mdText(c.raisedBy.map((p) => p.name).join(', ')),
        ]),
      ),
    );
  if (data.concerns.closed.length > 0) {
    lines.push('', 'Closed lately:', '');
    for (const c of data.concerns.closed)
      lines.push(`- ${c.closedAt}: ${mdText(c.text)}${c.resolution ? ` — ${mdText(c.resolution)}` : ''}`);
  }
  lines.push('', '## The team', '');
  if (data.team.authors.length === 0) lines.push('No check-ins in the range.');
  else
    lines.push(
      ...table(
        ['Author', 'Check-ins', 'Partners', 'Last check-in'],
        data.team.authors.map((a) => [mdText(a.name), a.checkIns, a.partners, a.lastCheckIn.slice(0, 10)]),
      ),
    );
  if (data.team.singleHolders.length > 0) {
    lines.push('', 'Only one teammate talks to:', '');
    for (const s of data.team.singleHolders) lines.push(`- ${mdText(s.name)} (${mdText(s.department)}): only ${mdText(s.holder.name)}`);
  }
  lines.push('');
  return lines.join('\n');
}
