// Review Asks Delivered by Commits and Copy Commit Trailer: the two commands around a commit that
// delivers an ask. Nothing in git is rewritten: accepting writes the ask (helped, with the commit).
import * as vscode from 'vscode';
import { askTrailer, type DeliveryOffer, type DeliveryProblemReason } from '../../core/deliveries';
import { askPick } from '../shared/quickInputs';
import { visible } from '../shared/displayText';
import type { StoreService } from '../store/storeService';
import type { DeliveryWatch, FolderOffer } from './deliveryWatch';

const shortCommit = (commit: string) => commit.slice(0, 7);
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function problemText(reason: DeliveryProblemReason): string {
  switch (reason) {
    case 'unknown-ask':
      return vscode.l10n.t('names an ask that does not exist in this store');
    case 'closed-ask':
      return vscode.l10n.t('names an ask that is already closed');
    case 'unknown-requester':
      return vscode.l10n.t('Requested-by names no single active partner (use their email)');
    case 'no-open-ask':
      return vscode.l10n.t('Requested-by names a partner with no open ask of theirs');
    case 'several-open-asks':
      return vscode.l10n.t('Requested-by names a partner with several open asks: name one with Alliances-Ask');
  }
}

/** Arguments of the review command (tests, links): do it without asking. */
interface ReviewArgs {
  askId: string;
  commit: string;
  action: 'accept' | 'dismiss';
}
function reviewArgs(arg: unknown): ReviewArgs | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { askId, commit, action } = arg as Record<string, unknown>;
  if (typeof askId !== 'string' || typeof commit !== 'string' || (action !== 'accept' && action !== 'dismiss')) return undefined;
  return { askId, commit, action };
}

export async function reviewDeliveredAsks(service: StoreService, watch: DeliveryWatch, arg?: unknown): Promise<void> {
  await watch.check();
  const args = reviewArgs(arg);
  if (arg !== undefined && !args) throw new Error(vscode.l10n.t('Give an ask id, a commit id and "accept" or "dismiss".'));
  if (args) {
    const found = watch.offers().find((o) => o.offer.askId === args.askId && o.offer.commit.startsWith(args.commit.toLowerCase()));
    if (!found || args.commit.length < 7)
      throw new Error(
        vscode.l10n.t('No commit {0} on the default branch delivers an open ask {1}: nothing was changed.', args.commit, args.askId),
      );
    await (args.action === 'accept' ? accept(service, found) : watch.dismiss(found.offer));
    return;
  }
  type Item = vscode.QuickPickItem & { found?: FolderOffer; problem?: string };
  const items: Item[] = watch.offers().map((found) => {
    const ask = found.entry.store.get('ask', found.offer.askId)?.value;
    const partner = service.findPartner(found.offer.partnerId)?.view.record.value;
    return {
      label: `$(pass) ${cut(ask?.text ?? found.offer.askId, 120)}`,
      description: partner?.name,
      detail: `${shortCommit(found.offer.commit)} ${found.offer.subject}`,
      found,
    };
  });
  const problems = watch.problems();
  if (problems.length > 0) {
    items.push({ label: vscode.l10n.t('Trailers that deliver nothing'), kind: vscode.QuickPickItemKind.Separator });
    for (const { problem } of problems)
      items.push({
        label: `$(warning) ${problem.trailer.key}: ${cut(problem.trailer.value, 80)}`,
        detail: `${shortCommit(problem.commit)} ${problem.subject} — ${problemText(problem.reason)}`,
        problem: problemText(problem.reason),
      });
  }
  if (items.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'No commit on the default branch delivers an open ask. End a commit message with "Alliances-Ask: <id>" (Copy Commit Trailer for an Ask…).',
      ),
    );
    return;
  }
  const chosen = await askPick<Item>({
    title: vscode.l10n.t('Asks Delivered by Commits'),
    placeholder: vscode.l10n.t('Pick an ask to mark it helped by its commit'),
    items,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!chosen || typeof chosen !== 'object') return;
  if (chosen.problem !== undefined || !chosen.found) {
    if (chosen.problem) void vscode.window.showWarningMessage(visible(`${chosen.label.replace(/^\$\(warning\) /, '')}: ${chosen.problem}`));
    return;
  }
  const found = chosen.found;
  type Action = vscode.QuickPickItem & { action: 'accept' | 'dismiss' };
  const action = await askPick<Action>({
    title: vscode.l10n.t('Asks Delivered by Commits'),
    items: [
      { label: vscode.l10n.t('Mark helped, delivered in {0}', shortCommit(found.offer.commit)), action: 'accept' },
      { label: vscode.l10n.t('Dismiss: this commit did not deliver it'), action: 'dismiss' },
    ],
  });
  if (!action || typeof action !== 'object') return;
  await (action.action === 'accept' ? accept(service, found) : watch.dismiss(found.offer));
}

async function accept(service: StoreService, { entry, offer }: FolderOffer): Promise<void> {
  const ask = entry.store.get('ask', offer.askId);
  if (ask?.value.status !== 'open') throw new Error(vscode.l10n.t('That ask is no longer open: nothing was changed.'));
  await entry.store.update('ask', offer.askId, { status: 'helped', deliveredIn: deliveredIn(offer) });
  const name = service.findPartner(offer.partnerId)?.view.record.value.name ?? '';
  void vscode.window.showInformationMessage(
    visible(vscode.l10n.t('Marked helped: {0} ({1}), delivered in {2}.', cut(ask.value.text, 60), name, shortCommit(offer.commit))),
  );
}

function deliveredIn(offer: DeliveryOffer): { commit: string; subject: string; date?: string } {
  // The author date as git prints it (2026-11-02T10:00:00+01:00) is a timestamp the schema takes.
  const date = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)$/.test(offer.date) ? offer.date : undefined;
  return { commit: offer.commit, subject: cut(offer.subject, 1000), ...(date ? { date } : {}) };
}

/** Puts `Alliances-Ask: <id>` on the clipboard for an open ask (given, or picked). */
export async function copyAskTrailer(service: StoreService, arg?: unknown): Promise<string | undefined> {
  const open = service.folders().flatMap((entry) =>
    entry.store
      .all('ask')
      .filter((ask) => ask.value.status === 'open')
      .map((ask) => ({ entry, ask })),
  );
  let id = typeof arg === 'string' ? arg : undefined;
  if (id !== undefined && !open.some(({ ask }) => ask.value.id === id)) throw new Error(vscode.l10n.t('There is no open ask {0}.', id));
  if (id === undefined) {
    if (open.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('There are no open asks. Log a help-me check-in to record what each of you asked.'),
      );
      return undefined;
    }
    type Item = vscode.QuickPickItem & { id: string };
    const chosen = await askPick<Item>({
      title: vscode.l10n.t('Copy Commit Trailer for an Ask'),
      placeholder: vscode.l10n.t('The ask the commit delivers'),
      items: open
        .sort((a, b) => (a.ask.value.direction === b.ask.value.direction ? 0 : a.ask.value.direction === 'they-asked' ? -1 : 1))
        .map(({ ask }) => ({
          label: cut(ask.value.text, 120),
          description: service.findPartner(ask.value.partnerId)?.view.record.value.name,
          id: ask.value.id,
        })),
      matchOnDescription: true,
    });
    if (!chosen || typeof chosen !== 'object') return undefined;
    id = chosen.id;
  }
  const trailer = askTrailer(id);
  await vscode.env.clipboard.writeText(trailer);
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Copied "{0}": end the commit message that delivers it with this line.', trailer),
  );
  return trailer;
}
