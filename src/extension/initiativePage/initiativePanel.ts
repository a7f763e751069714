// The initiative page's host: one webview panel per initiative, fed with its figures
// (src/core/initiativePage.ts) whenever the store changes, validating every message from the page.
// "Add talking point" writes through Add Talking Point's own code (the command), for that partner,
// about this initiative. Lives in dist/initiativePage.js.
import * as v from 'valibot';
import { rejectMalformed } from '../shared/rejectMalformed';
import * as vscode from 'vscode';
import { initiativePageData } from '../../core/initiativePage';
import type { InitiativeData } from '../../core/initiatives';
import type { Store } from '../../core/store';
import { InitiativePageMessageSchema, type InitiativeHostMessage, type InitiativePageData } from '../../webview/initiativeProtocol';
import { COMMANDS } from '../ids';
import { visible } from '../shared/displayText';
import { WebviewPage } from '../shared/webviewPage';
import type { FolderStore, StoreService } from '../store/storeService';

const REFRESH_DEBOUNCE_MS = 50;

export type InitiativeOutcome =
  | { kind: 'rejected'; reason: string }
  | { kind: 'data' }
  | { kind: 'openPartner'; id: string }
  | { kind: 'talkingPoint'; id?: string }
  | { kind: 'rendered' };

/** The records the figures read, from one folder's store. */
export function initiativeDataOf(store: Store): InitiativeData {
  return {
    initiatives: store.all('initiative').map((i) => i.value),
    stances: store.all('stance').map((s) => s.value),
    partners: store.partners().map((p) => p.value),
    checkIns: store.checkIns().map((c) => c.value),
  };
}

/** The talking point "Add talking point" writes: the initiative's name, so it reads well on any agenda. */
export function talkingPointText(initiativeName: string): string {
  return vscode.l10n.t('{0}: where do you stand, and what would win you over?', initiativeName);
}

export class InitiativePanel extends WebviewPage<InitiativeHostMessage> {
  /** The data last sent to the page (tests read it). */
  last: InitiativePageData | undefined;
  firstPaintMs: number | undefined;
  private readonly createdAt = performance.now();

  constructor(
    panel: vscode.WebviewPanel,
    readonly initiativeId: string,
    private readonly service: StoreService,
    extensionUri: vscode.Uri,
  ) {
    super(
      panel,
      extensionUri,
      { script: 'initiativePage.js', style: 'initiativePage.css', title: vscode.l10n.t('Initiative') },
      REFRESH_DEBOUNCE_MS,
    );
    this.disposables.push(service.onDidChange(() => this.schedule()));
  }

  private find(): { entry: FolderStore; name: string; private: boolean } | undefined {
    const found = this.service.findRecord('initiative', this.initiativeId);
    return found ? { entry: found.entry, name: found.record.value.name, private: found.record.private } : undefined;
  }

  /** Validates and carries out one message from the page. Public for tests. */
  async handle(raw: unknown): Promise<InitiativeOutcome> {
    const parsed = v.safeParse(InitiativePageMessageSchema, raw);
    if (!parsed.success)
      return rejectMalformed(raw, parsed.issues, 'initiative page', this.service.log, (requestId) =>
        this.reply(requestId, false, vscode.l10n.t('The initiative page sent a message Alliances does not understand; nothing was done.')),
      );
    const message = parsed.output;
    switch (message.type) {
      case 'ready':
        await this.service.whenReady();
        await this.postData();
        return { kind: 'data' };
      case 'rendered':
        this.firstPaintMs ??= performance.now() - this.createdAt;
        return { kind: 'rendered' };
      case 'openPartner':
        if (!this.service.findPartner(message.id)) {
          await this.reply(message.requestId, false, vscode.l10n.t('That partner is no longer in the store.'));
          return { kind: 'rejected', reason: 'unknown partner' };
        }
        await vscode.commands.executeCommand(COMMANDS.openPartnerPage, message.id);
        return { kind: 'openPartner', id: message.id };
      case 'addTalkingPoint':
        return this.addTalkingPoint(message.requestId, message.partnerId);
    }
  }

  private async addTalkingPoint(requestId: string, partnerId: string): Promise<InitiativeOutcome> {
    const initiative = this.find();
    const partner = this.service.findPartner(partnerId);
    if (!initiative || !partner || partner.entry !== initiative.entry) {
      await this.reply(requestId, false, vscode.l10n.t('That partner is no longer in the store.'));
      return { kind: 'rejected', reason: 'unknown partner' };
    }
    const name = partner.view.record.value.name;
    const text = talkingPointText(initiative.name);
    const open = partner.entry.store.ofPartner('talkingPoint', partnerId).find((p) => !p.value.coveredAt && p.value.text === text);
    if (open) {
      await this.reply(requestId, true, vscode.l10n.t('{0} already has this talking point on the agenda.', name));
      return { kind: 'talkingPoint', id: open.value.id };
    }
    try {
      // A private initiative's name stays out of shared files: the talking point is private too.
      const written = await vscode.commands.executeCommand<{ value: { id: string } } | undefined>(COMMANDS.addTalkingPoint, partnerId, {
        text,
        private: initiative.private,
      });
      if (!written) {
        await this.reply(requestId, false, vscode.l10n.t('No talking point was written for {0}.', name));
        return { kind: 'rejected', reason: 'not written' };
      }
      await this.reply(
        requestId,
        true,
        vscode.l10n.t('Talking point added for {0}: it stays on the agenda until a check-in covers it.', name),
      );
      return { kind: 'talkingPoint', id: written.value.id };
    } catch (error) {
      await this.reply(requestId, false, error instanceof Error ? error.message : String(error));
      return { kind: 'rejected', reason: 'write failed' };
    }
  }

  private reply(requestId: string, ok: boolean, message: string): Promise<void> {
    return this.post({ type: 'result', requestId, ok, message: visible(message) });
  }

  /** Fresh figures for the page, or "gone" when the initiative's file disappeared or broke. */
  async postData(): Promise<void> {
    const found = this.find();
    const data = found ? initiativePageData(initiativeDataOf(found.entry.store), this.initiativeId) : undefined;
    if (!found || !data) {
      this.panel.title = vscode.l10n.t('Initiative: not found');
      this.last = undefined;
      await this.post({
        type: 'gone',
        message: vscode.l10n.t('This initiative is no longer in the store: its file was removed, or is broken (see the Problems panel).'),
      });
      return;
    }
    const several = this.service.folders().length > 1;
    this.last = { ...data, ...(several ? { folder: found.entry.folder.name } : {}) };
    this.panel.title = vscode.l10n.t('Initiative: {0}', visible(data.initiative.name));
    await this.post({ type: 'data', data: this.last });
  }
}
