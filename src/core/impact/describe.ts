// One person's line parts in the impact answer, in the display language (the quick pick) or English
// (the pull-request block, the CLI): why they are affected, their health, their silo state, their open
// asks and whether they were consulted.
import * as l10n from '@vscode/l10n';
import { calendarDate } from '../dates';
import type { Translator } from '../translator';
import { levelLabel, stanceLabel, stanceRoleLabel } from '../vocabulary';
import type { ImpactPerson } from './types';

const day = (iso: string) => calendarDate(new Date(iso));

/** "Billing migration (champion, approves) · code area src/billing/invoice.ts" */
export function whyText(person: ImpactPerson, translator: Translator = l10n): string {
  const l10n = translator;
  return person.reasons
    .map((r) =>
      r.kind === 'area'
        ? l10n.t('code area {0}', r.area)
        : l10n.t('{0}: {1}; {2}', r.initiativeName, stanceLabel(r.stance, translator), stanceRoleLabel(r.role, translator)),
    )
    .join(' · ');
}

export function influenceText(person: ImpactPerson, translator: Translator = l10n): string {
  return person.influence ? levelLabel(person.influence, translator) : '—';
}

/** "overdue; last check-in 2026-11-01, 3/5; slipping: …" */
export function healthText(person: ImpactPerson, translator: Translator = l10n): string {
  const l10n = translator;
  const { health } = person;
  const due =
    health.due === 'overdue'
      ? l10n.t('overdue')
      : health.due === 'due'
        ? l10n.t('due')
        : health.due === 'dueSoon'
          ? l10n.t('due soon')
          : health.due === 'snoozed'
            ? l10n.t('snoozed')
            : l10n.t('on cadence');
  const parts = [due];
  if (health.lastCheckIn)
    parts.push(
      health.lastRating !== undefined
        ? l10n.t('last check-in {0}, {1}/5', day(health.lastCheckIn), health.lastRating)
        : l10n.t('last check-in {0}', day(health.lastCheckIn)),
    );
  else parts.push(l10n.t('never checked in'));
  if (health.slipping) parts.push(l10n.t('slipping: {0}', health.slipping));
  return parts.join('; ');
}

/** "Support is a silo; broker for 2" or "—" */
export function siloText(person: ImpactPerson, translator: Translator = l10n): string {
  const l10n = translator;
  const { silo } = person;
  const parts: string[] = [];
  if (silo.departmentSilo) parts.push(l10n.t('{0} is a silo', person.department));
  if (silo.isolated) parts.push(l10n.t('isolated'));
  if (silo.brokerCutOff !== undefined) parts.push(l10n.t('only link for {0} people', silo.brokerCutOff));
  if (silo.onlyLink) parts.push(l10n.t('the team reaches {0} through them alone', person.department));
  return parts.length > 0 ? parts.join('; ') : '—';
}

export function asksText(person: ImpactPerson, translator: Translator = l10n): string {
  const l10n = translator;
  const { theyAsked, iAsked } = person.openAsks;
  const parts: string[] = [];
  if (theyAsked > 0) parts.push(l10n.t('{0} they asked', theyAsked));
  if (iAsked > 0) parts.push(l10n.t('{0} I asked', iAsked));
  return parts.length > 0 ? parts.join(', ') : '—';
}

/** "yes: check-in 2026-11-22" / "not yet (a talking point waits)" / "not yet" */
export function consultedText(person: ImpactPerson, translator: Translator = l10n): string {
  const l10n = translator;
  const { consulted } = person;
  if (consulted)
    return consulted.by === 'check-in'
      ? l10n.t('yes: check-in {0}', day(consulted.date))
      : l10n.t('yes: talking point covered {0}', day(consulted.date));
  return person.waitingTalkingPoint ? l10n.t('not yet (a talking point waits)') : l10n.t('not yet');
}
