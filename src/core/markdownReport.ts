import * as l10n from '@vscode/l10n';
import { calendarDate } from './dates';
import { followUpOwnerName, isOpenTalkingPoint, openFollowUps, sourceLabel } from './agenda';
import { cadenceOf, dueStateLabel } from './cadence';
import { english } from './translator';
import { computeDigest, type DigestOptions } from './digest';
import type { Partner } from './model';
import { checkInKindLabel } from './vocabulary';
import { otherPartnerNames, presentLabel, withLabel } from './groupCheckIns';
import { viewPartners } from './partnerView';
import { mdText } from './stats/report';
import { visible as shown } from './visibleText';
import type { Loaded, Store } from './store';

export interface ReportOptions extends DigestOptions {
  /** Private check-ins, notes and records are left out unless asked for: a report is easily shared. */
  includePrivate?: boolean;
}

/** User text inline: escaped and on one line, so a name cannot become a heading or a link. */
const inlineMarkdown = (text: string) => mdText(text.trim());

const day = (iso: string) => calendarDate(new Date(iso));
const visible = <T>(records: Loaded<T>[], options: ReportOptions) =>
  records.filter((record) => options.includePrivate === true || !record.private);

/** The whole store: who is due, silos, open follow-ups, then one section per active partner. */
export function storeReport(store: Store, options: ReportOptions): string {
  const digest = computeDigest(store, options);
  const lines = [`# Alliances report, ${digest.today}`, ''];
  lines.push('## Due for a check-in', '');
  if (digest.due.length === 0) lines.push('Nobody is due.');
  else {
    lines.push('| Partner | Department | Due | Last check-in |', '| --- | --- | --- | --- |');
    for (const due of digest.due)
      lines.push(
        `| ${inlineMarkdown(due.name)} | ${inlineMarkdown(due.department)} | ${due.label} | ${due.lastCheckIn?.date ?? 'never'} |`,
      );
  }
  lines.push('', '## Silos', '');
  if (digest.silos.length === 0) lines.push(`Every department was in touch in the last ${options.siloDays} days.`);
  for (const silo of digest.silos)
    lines.push(
      `- **${inlineMarkdown(silo.department)}**: ${silo.lastContact ? `no check-in for ${silo.daysSince} days` : `no check-in since added ${silo.daysSince} days ago`} (${silo.partners.map(inlineMarkdown).join(', ')})`,
    );
  lines.push('', '## Partners', '');
  const partners = viewPartners(store, options.defaultCadenceDays, options.now).filter((view) => view.due.status !== 'archived');
  for (const view of partners)
    lines.push(...partnerSection(store, view.record.value, dueStateLabel(view.due, options.now, english), options, '###'), '');
  // Notes and code locations are not escaped (notes are Markdown): shown, like every other text.
  return `${shown(lines.join('\n').trimEnd(), { multiline: true })}\n`;
}

/** One partner: header, what they lead, check-ins (newest first), open agenda, asks and offers. */
export function partnerReport(store: Store, partnerId: string, options: ReportOptions): string {
  const view = viewPartners(store, options.defaultCadenceDays, options.now).find((candidate) => candidate.record.value.id === partnerId);
  // An error for the person exporting (a notification), not text of the report.
  if (!view) throw new Error(l10n.t('No partner with id {0}.', partnerId));
  return `${shown(
    partnerSection(store, view.record.value, dueStateLabel(view.due, options.now, english), options, '#')
      .join('\n')
      .trimEnd(),
    { multiline: true },
  )}\n`;
}

function partnerSection(store: Store, partner: Partner, dueLabel: string, options: ReportOptions, heading: string): string[] {
  const cadence = cadenceOf(partner, store.cadencePolicy(options.defaultCadenceDays));
  const facts = [partner.role, partner.department].filter((part): part is string => Boolean(part)).map(inlineMarkdown);
  const lines = [`${heading} ${inlineMarkdown(partner.name)}`, '', `${[...facts, `every ${cadence} days`, dueLabel].join(' · ')}`];
  if (partner.email) lines.push('', `Email: ${inlineMarkdown(partner.email)}`);
  if (partner.leads?.length) lines.push('', `Leads: ${partner.leads.map(inlineMarkdown).join(', ')}`);
  const sub = `${heading}#`;

  const points = visible(store.ofPartner('talkingPoint', partner.id), options)
    .filter((point) => isOpenTalkingPoint(point.value))
    .sort((a, b) => a.value.createdAt.localeCompare(b.value.createdAt));
  if (points.length > 0) {
    lines.push('', `${sub} Talking points`, '');
    for (const { value } of points)
      lines.push(`- ${inlineMarkdown(value.text)}${value.source ? ` (\`${sourceLabel(value.source).replace(/`/g, "'")}\`)` : ''}`);
  }
  const followUps = openFollowUps(visible(store.ofPartner('followUp', partner.id), options));
  if (followUps.length > 0) {
    lines.push('', `${sub} Open follow-ups`, '');
    for (const { value } of followUps)
      lines.push(
        `- [ ] ${inlineMarkdown(value.text)} (${inlineMarkdown(followUpOwnerName(value, partner.name, english))}${value.due ? `, due ${value.due}` : ''})`,
      );
  }
  const asks = visible(store.ofPartner('ask', partner.id), options).sort((a, b) => a.value.createdAt.localeCompare(b.value.createdAt));
  if (asks.length > 0) {
    lines.push('', `${sub} Asks and offers`, '');
    for (const { value } of asks)
      lines.push(`- ${value.direction === 'i-asked' ? 'I asked' : 'They asked'}: ${inlineMarkdown(value.text)} (${value.status})`);
  }
  const checkIns = visible(store.checkInsOf(partner.id), options);
  lines.push('', `${sub} Check-ins`, '');
  if (checkIns.length === 0) lines.push('None yet.');
  for (const { value, private: secret } of checkIns) {
    const rating = value.rating ? `, ${value.rating}/5` : '';
    // A group check-in names the others and the teammates who were there.
    const group = [withLabel(otherPartnerNames(store, value, partner.id), english), presentLabel(value.present, english)]
      .filter((part): part is string => part !== undefined)
      .map((part) => ` ${inlineMarkdown(part)}`)
      .join('');
    lines.push(
      `- ${day(value.date)}, ${checkInKindLabel(value.kind, english)}${group}${rating}${secret ? ' (private)' : ''}: ${inlineMarkdown(value.summary)} (${inlineMarkdown(value.author.name)})`,
    );
    if (value.notes?.trim())
      lines.push(
        ...value.notes
          .trim()
          .split(/\r?\n/)
          .map((line) => `  > ${line}`),
      );
  }
  return lines;
}
