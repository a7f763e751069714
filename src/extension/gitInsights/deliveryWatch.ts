import * as vscode from 'vscode';
import { deliveryKey, findDeliveries, type DeliveryOffer, type DeliveryProblem, type TrailerCommit } from '../../core/deliveries';
import { loadGit } from '../shared/lazyBundle';
import { visible } from '../shared/displayText';
import type { FolderStore, StoreService } from '../store/storeService';
import { COMMANDS, STATE_KEYS, STATUS_BAR_ITEMS } from '../ids';

export interface FolderOffer {
  entry: FolderStore;
  offer: DeliveryOffer;
}
export interface FolderProblem {
  entry: FolderStore;
  problem: DeliveryProblem;
}

/**
 * Commits on the default branch that deliver an open ask (their `Alliances-Ask` / `Requested-by`
 * trailers): read from git when branches move (register.ts calls check()), matched against the asks on every store change, and
 * offered through a quiet status-bar item. Dismissed offers are remembered in this workspace only.
 */
export class DeliveryWatch implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem(STATUS_BAR_ITEMS.deliveries, vscode.StatusBarAlignment.Left, 8);
  private readonly commits = new Map<string, TrailerCommit[]>();
  private offerList: FolderOffer[] = [];
  private problemList: FolderProblem[] = [];
  private queue: Promise<void> = Promise.resolve();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly service: StoreService,
    private readonly state: vscode.Memento,
  ) {
    this.item.name = vscode.l10n.t('Alliances: Asks Delivered by Commits');
    this.item.command = COMMANDS.reviewDeliveredAsks;
    this.disposables.push(
      this.item,
      service.onDidChange(() => this.match()),
    );
  }

  offers(): readonly FolderOffer[] {
    return this.offerList;
  }

  problems(): readonly FolderProblem[] {
    return this.problemList;
  }

  /** Reads the trailers of each store's default branch again (git), then matches. */
  check(): Promise<void> {
    this.queue = this.queue
      .then(() => this.read())
      .catch((error: unknown) => this.service.log.error('reading delivered asks failed', error));
    return this.queue;
  }

  private async read(): Promise<void> {
    // Git is not run in an untrusted folder.
    if (!vscode.workspace.isTrusted) return;
    const git = loadGit();
    this.commits.clear();
    for (const entry of this.service.folders()) {
      const open = entry.store.all('ask').filter((ask) => ask.value.status === 'open');
      // Nothing open: nothing a commit could deliver, so git is not asked.
      if (open.length === 0) continue;
      const since = open.map((ask) => ask.value.createdAt).sort()[0];
      const found = await git.trailerCommits(entry.folder.uri.fsPath, { since });
      if (found.available) this.commits.set(entry.folder.uri.toString(), found.commits);
    }
    this.match();
  }

  /** Offers and problems from the commits last read and the asks as they are now. */
  match(): void {
    const dismissed = new Set(this.state.get<string[]>(STATE_KEYS.dismissedDeliveries, []));
    const offers: FolderOffer[] = [];
    const problems: FolderProblem[] = [];
    for (const entry of this.service.folders()) {
      const commits = this.commits.get(entry.folder.uri.toString());
      if (!commits?.length) continue;
      const result = findDeliveries(
        commits,
        entry.store.all('ask').map((ask) => ask.value),
        entry.store.partners().map((partner) => partner.value),
        dismissed,
      );
      offers.push(...result.offers.map((offer) => ({ entry, offer })));
      problems.push(...result.problems.map((problem) => ({ entry, problem })));
    }
    this.offerList = offers;
    this.problemList = problems;
    this.render();
  }

  /** Forgets an offer on this machine: that commit is not offered for that ask again. */
  async dismiss(offer: DeliveryOffer): Promise<void> {
    const dismissed = new Set(this.state.get<string[]>(STATE_KEYS.dismissedDeliveries, []));
    dismissed.add(deliveryKey(offer));
    await this.state.update(STATE_KEYS.dismissedDeliveries, [...dismissed]);
    this.match();
  }

  private render(): void {
    const [first, ...rest] = this.offerList;
    if (!first) {
      this.item.hide();
      return;
    }
    const name = this.service.findPartner(first.offer.partnerId)?.view.record.value.name ?? '';
    const firstName = name.split(/\s+/)[0] ?? name;
    const text = visible(vscode.l10n.t("{0}'s ask delivered — mark helped?", firstName));
    this.item.text = `$(pass) ${text}${rest.length > 0 ? ` (+${rest.length})` : ''}`;
    this.item.tooltip = vscode.l10n.t('A commit on the default branch names an open ask in its trailer. Click to review.');
    this.item.accessibilityInformation = { label: text, role: 'button' };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The watch, for register.ts (through dist/flows.js). */
export function createDeliveryWatch(service: StoreService, state: vscode.Memento): DeliveryWatch {
  return new DeliveryWatch(service, state);
}
