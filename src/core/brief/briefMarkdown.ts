// The brief as Markdown: the page *Prepare for Check-in* previews, what `alliances brief` prints and what
// the alliances_brief tool answers. Every stored text is escaped on one line (tools/toolText.ts `inline`:
// Markdown and HTML inert, invisible characters shown, long text cut), so a name or a summary can never
// become a heading, a link, an image or markup. In the display language on the page, in English (the
// `english` translator) for the CLI and the tools.
import * as l10n from '@vscode/l10n';
import type { Translator } from '../translator';
import { askDirectionLabel, checkInKindLabel, initiativeStatusLabel, levelLabel, stanceLabel, stanceRoleLabel } from '../vocabulary';
import { inline } from '../tools/toolText';
import type { BriefData } from './brief';

export interface BriefMarkdownOptions {
  translator?: Translator;
  /** Record ids after each item (the tools need them to cover a point or complete a follow-up). */
  ids?: boolean;
  /** For the Markdown preview: no stored text may become a link, even by linkify (a bare URL). */
  preview?: boolean;
}

/** Commits the page lists; more are counted. */
export const BRIEF_COMMITS_SHOWN = 15;

export function briefMarkdown(brief: BriefData, options: BriefMarkdownOptions = {}): string {
  // Named l10n so that the string extractor (@vscode/l10n-dev) finds the messages.
  const l10n = options.translator ?? defaultTranslator;
  // Stored text on one line, escaped; in the preview also its periods and colons, so that the preview's
  // linkify never turns a URL, a domain or an email address into a link.
  const text = (value: string, max?: number) => {
    const escaped = inline(value, max);
    return options.preview ? escaped.replace(/[.:]/g, '\\$&') : escaped;
  };
  const id = (value: string) => (options.ids ? l10n.t(', id {0}', value) : '');
  const secret = (isPrivate: boolean) => (isPrivate ? ` ${l10n.t('(private)')}` : '');
  const { partner } = brief;
  const lines: string[] = [];
  const section = (title: string) => lines.push('', `## ${title}`, '');

  // The tools' answers name the partner's id: the model passes it to the next tool.
  lines.push(`# ${l10n.t('Brief: {0}', text(partner.name, 200))}${options.ids ? ` (id ${partner.id})` : ''}`, '');
  const facts = [partner.role, partner.department, partner.organisation].filter((part): part is string => Boolean(part));
  lines.push(`${blockSafe(facts.map((part) => text(part, 200)).join(' · '))}${partner.archived ? ` · ${l10n.t('archived')}` : ''}  `);
  lines.push(`${l10n.t('Check-in every {0} days; {1}.', partner.cadenceDays, text(brief.due.label, 200))}  `);
  if (partner.email) lines.push(`${l10n.t('Email: {0}', text(partner.email, 320))}  `);
  if (partner.tags.length > 0) lines.push(`${l10n.t('Tags: {0}', partner.tags.map((tag) => text(tag, 100)).join(', '))}  `);
  if (partner.leads.length > 0) lines.push(`${l10n.t('Leads: {0}', partner.leads.map((area) => text(area, 200)).join(', '))}  `);
  if (partner.codeAreas.length > 0)
    lines.push(`${l10n.t('Code areas: {0}', partner.codeAreas.map((area) => text(area, 200)).join(', '))}  `);
  if (brief.store !== undefined) lines.push(`${l10n.t('Store: {0}', text(brief.store, 100))}  `);
  lines.push(`${l10n.t('Prepared {0}.', brief.today)}`);

  section(l10n.t('Rating trend'));
  const { health } = brief;
  if (health.trend.length === 0) lines.push(l10n.t('No ratings yet.'));
  else {
    lines.push(l10n.t('Oldest to newest: {0}.', health.trend.map((point) => `${point.rating} (${point.date})`).join(' → ')));
    if (health.recentAverage !== undefined && health.lastRating !== undefined)
      lines.push('', l10n.t('Last rating {0}/5; average of the last ratings {1}/5.', health.lastRating, health.recentAverage));
  }
  lines.push('', health.slipping ? l10n.t('Slipping: {0}.', text(health.slipping, 300)) : l10n.t('Not slipping.'));

  section(
    brief.checkInCount === 0
      ? l10n.t('Last check-ins')
      : l10n.t('Last check-ins ({0} of {1}, newest first)', brief.checkIns.length, brief.checkInCount),
  );
  if (brief.checkIns.length === 0) lines.push(l10n.t('None yet.'));
  for (const checkIn of brief.checkIns) {
    const rating = checkIn.rating ? l10n.t(', rated {0}/5', checkIn.rating) : '';
    lines.push(
      `- ${checkIn.date}, ${checkInKindLabel(checkIn.kind, l10n)}${rating}${secret(checkIn.private)}: ${text(checkIn.summary)} ${l10n.t('(by {0})', text(checkIn.author, 100))}${id(checkIn.id)}`,
    );
  }

  section(l10n.t('Open talking points ({0})', brief.talkingPoints.length));
  if (brief.talkingPoints.length === 0) lines.push(l10n.t('None.'));
  for (const point of brief.talkingPoints)
    lines.push(
      `- ${text(point.text)}${point.source ? ` ${l10n.t('(code: {0})', text(point.source, 300))}` : ''}${secret(point.private)}${id(point.id)}`,
    );

  section(l10n.t('Open follow-ups ({0})', brief.followUps.length));
  if (brief.followUps.length === 0) lines.push(l10n.t('None.'));
  for (const followUp of brief.followUps) {
    const when =
      followUp.days === undefined || followUp.due === undefined
        ? l10n.t('no due date')
        : followUp.days < 0
          ? l10n.t('{0} days overdue (due {1})', -followUp.days, followUp.due)
          : followUp.days === 0
            ? l10n.t('due today ({0})', followUp.due)
            : l10n.t('due {0}', followUp.due);
    lines.push(
      `- ${text(followUp.text)} — ${l10n.t('owner {0}', text(followUp.ownerName, 200))}; ${followUp.overdue ? `**${when}**` : when}${secret(followUp.private)}${id(followUp.id)}`,
    );
  }

  section(l10n.t('Open asks ({0})', brief.asks.length));
  if (brief.asks.length === 0) lines.push(l10n.t('None.'));
  for (const ask of brief.asks)
    lines.push(
      `- ${askDirectionLabel(ask.direction, l10n)}: ${text(ask.text)} ${l10n.t('(since {0})', ask.since)}${secret(ask.private)}${id(ask.id)}`,
    );

  section(l10n.t('Initiatives ({0})', brief.initiatives.length));
  if (brief.initiatives.length === 0) lines.push(l10n.t('None.'));
  for (const item of brief.initiatives) {
    const stance = item.previousStance
      ? l10n.t('{0} (was {1})', stanceLabel(item.stance, l10n), stanceLabel(item.previousStance, l10n))
      : stanceLabel(item.stance, l10n);
    const parts = [
      stanceRoleLabel(item.role, l10n),
      stance,
      l10n.t('influence {0}, interest {1}', levelLabel(item.influence, l10n), levelLabel(item.interest, l10n)),
      l10n.t('assessed {0}', item.assessed),
    ];
    const due = item.due ? `, ${l10n.t('due {0}', item.due)}` : '';
    lines.push(`- **${text(item.name, 200)}** (${initiativeStatusLabel(item.status, l10n)}${due}): ${parts.join('; ')}${id(item.id)}`);
    if (item.cares) lines.push(`  ${l10n.t('Cares about: {0}', text(item.cares, 300))}`);
  }

  if (brief.commits) {
    const { commits } = brief;
    section(
      commits.sinceLastCheckIn
        ? l10n.t('Commits in their code areas since the last check-in ({0})', commits.since)
        : l10n.t('Commits in their code areas since they were added ({0})', commits.since),
    );
    if (partner.codeAreas.length === 0) lines.push(l10n.t('No code areas set for them.'));
    else if (!commits.available)
      lines.push(l10n.t('Not available: git did not answer here (no repository, Restricted Mode, or git missing).'));
    else if (commits.list.length === 0) lines.push(l10n.t('None.'));
    for (const commit of commits.list.slice(0, BRIEF_COMMITS_SHOWN))
      lines.push(`- ${commit.date.slice(0, 10)} ${commit.commit.slice(0, 7)} ${text(commit.subject, 200)} — ${text(commit.author, 100)}`);
    const more = commits.list.length - Math.min(commits.list.length, BRIEF_COMMITS_SHOWN);
    if (more > 0 || commits.truncated) lines.push('', commits.truncated ? l10n.t('And more.') : l10n.t('And {0} more.', more));
  }

  section(l10n.t('Connections ({0})', brief.connections.length));
  if (brief.connections.length === 0) lines.push(l10n.t('None.'));
  for (const connection of brief.connections)
    lines.push(
      `- ${text(connection.label, 100)} ${text(connection.otherName ?? '?', 200)}${secret(connection.private)}${id(connection.id)}`,
    );
  return `${lines.join('\n')}\n`;
}

const defaultTranslator: Translator = l10n;

/** A line that starts with stored text: never a list item, a setext underline or a numbered item. */
export function blockSafe(line: string): string {
  return line.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}
