// The words of Who Does This Change Affect? in the display language: the range, a person's line in the
// quick pick and the talking point added for them.
import * as vscode from 'vscode';
import { asksText, consultedText, healthText, siloText, whyText, type ImpactPerson, type ImpactResult } from '../../core/impact';

const MAX_FILES_NAMED = 3;

/** "refunds-in-totals" or "main..feature" */
export function rangeLabel(result: ImpactResult): string {
  return result.change.branch ?? `${result.change.base}..${result.change.head}`;
}

/** The files of the person's reasons: "src/billing/invoice.ts and 2 more". */
function filesOf(result: ImpactResult, person: ImpactPerson): string {
  const files = new Set<string>();
  for (const reason of person.reasons) {
    const list = reason.kind === 'area' ? reason.files : (result.initiatives.find((i) => i.id === reason.initiativeId)?.files ?? []);
    for (const file of list) files.add(file);
  }
  const named = [...files].slice(0, MAX_FILES_NAMED).join(', ');
  return files.size > MAX_FILES_NAMED ? vscode.l10n.t('{0} and {1} more', named, files.size - MAX_FILES_NAMED) : named;
}

/** "Before refunds-in-totals merges: it changes src/billing/invoice.ts (Billing migration: champion; Approves it)." */
export function talkingPointText(result: ImpactResult, person: ImpactPerson): string {
  return vscode.l10n.t('Before {0} merges: it changes {1} ({2}).', rangeLabel(result), filesOf(result, person), whyText(person));
}

/** The quick pick's detail of a person: consulted (first: the line may be cut) · health · silo · open asks. */
export function personDetail(person: ImpactPerson): string {
  const parts = [vscode.l10n.t('consulted: {0}', consultedText(person)), healthText(person)];
  const silo = siloText(person);
  if (silo !== '—') parts.push(silo);
  const asks = asksText(person);
  if (asks !== '—') parts.push(vscode.l10n.t('open asks: {0}', asks));
  return parts.join(' · ');
}
