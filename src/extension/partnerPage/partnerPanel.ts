// The partner page host: one webview panel per partner (opening it again reveals the same panel), fed
// with fresh page data whenever the store changes, and answering the page's requests through the
// validating message handler. In dist/partnerPage.js: register.ts registers its command and
// serializer and loads it on first use.
import * as v from 'valibot';
import * as vscode from 'vscode';
import { PANEL_OPTIONS, WebviewPage } from '../shared/webviewPage';
import { PageStateSchema, type HostMessage, type PageData } from '../../webview/protocol';
import type { PartnerTarget } from '../shared/partnerArgs';
import { defaultCadenceDays } from '../shared/settings';
import type { StoreService } from '../store/storeService';
import { handlePageMessage, type Outcome } from './messageHandler';
import { buildPageData } from './pageData';
import type { AreaCommit } from '../../git/areaCommits';
import type { BranchRecordsService } from '../gitInsights/branchRecordsService';
import { partnerPageGit } from '../gitInsights/partnerGit';
import { VIEW_TYPES } from '../ids';
import { visible } from '../shared/displayText';
import { pickPeople } from '../checkIns/pickPeople';
import type { Author } from '../../core/model';
import type { FolderStore } from '../store/storeService';

export const PARTNER_PAGE_VIEW_TYPE = VIEW_TYPES.partnerPage;
const REFRESH_DEBOUNCE_MS = 50;

export interface OpenOptions {
  /** Open the full check-in form (e.g. from the quick Log Check-in flow). */
  showForm?: boolean;
  /** Scroll to this record of the page and mark it (Enter on a search result). */
  record?: string;
}

/** One open partner page. */
export class PartnerPanel extends WebviewPage<HostMessage> {
  private showFormOnReady = false;
  private revealOnReady: string | undefined;
  /** The data last posted (for tests). */
  lastData: PageData | undefined;
  /** The commits in the partner's code areas last shown: only these can become talking points. */
  private listedCommits: AreaCommit[] = [];

  constructor(
    panel: vscode.WebviewPanel,
    readonly partnerId: string,
    private readonly service: StoreService,
    extensionUri: vscode.Uri,
    private readonly branches?: BranchRecordsService,
  ) {
    super(panel, extensionUri, { script: 'partnerPage.js', style: 'partnerPage.css' }, REFRESH_DEBOUNCE_MS);
    this.disposables.push(
      service.onDidChange(() => this.schedule()),
      // HEAD or a branch moved (commit, pull, checkout): new commits, other branches.
      ...(branches ? [branches.onDidChange(() => this.schedule())] : []),
    );
  }

  reveal(options: OpenOptions = {}): void {
    this.panel.reveal();
    if (options.showForm) this.showForm();
    if (options.record) this.revealRecord(options.record);
  }

  /** The record last asked to be shown (for tests). */
  lastReveal: string | undefined;

  /** Scrolls the page to one of its records; a page still loading gets it after its data. */
  revealRecord(id: string): void {
    this.lastReveal = id;
    const alive = this.panel.visible && this.lastData !== undefined;
    this.revealOnReady = alive ? undefined : id;
    if (this.panel.visible) void this.post({ type: 'reveal', id });
  }

  showForm(): void {
    // A hidden page is rebuilt when shown: it gets the form after it said "ready".
    this.showFormOnReady = true;
    if (this.panel.visible) void this.post({ type: 'showForm' });
  }

  /** Validates and carries out one message from the page; posts the reply. Public for tests. */
  async handle(raw: unknown): Promise<Outcome> {
    const found = this.service.findPartner(this.partnerId);
    if (!found) {
      await this.postData();
      return { kind: 'rejected', reason: 'the partner is gone' };
    }
    const outcome = await handlePageMessage(raw, {
      store: found.entry.store,
      partnerId: this.partnerId,
      now: () => new Date(),
      log: this.service.log,
      executeCommand: (command, ...args) => vscode.commands.executeCommand(command, ...args),
      checkInLogged: () => this.service.checkInLogged(found.entry),
      listedCommit: (commit) => this.listedCommits.find((c) => c.commit === commit),
      pickPeople: (partnerIds, present) => this.pickPeople(found.entry, partnerIds, present),
    });
    if (outcome.kind === 'ready') {
      await this.postData();
      if (this.showFormOnReady) {
        this.showFormOnReady = false;
        await this.post({ type: 'showForm' });
      }
      if (this.revealOnReady) {
        const id = this.revealOnReady;
        this.revealOnReady = undefined;
        await this.post({ type: 'reveal', id });
      }
    } else if (outcome.kind === 'group') {
      await this.post(outcome.message);
    } else if (outcome.reply) {
      await this.post(outcome.reply);
    }
    return outcome;
  }

  /** The quick flow's people pick, for the form's "Add more people…"; the page's partner stays first. */
  private async pickPeople(
    entry: FolderStore,
    partnerIds: readonly string[],
    present: readonly Author[],
  ): Promise<{ partnerIds: string[]; present: Author[] } | undefined> {
    const partners = partnerIds.flatMap((id) => {
      const target = this.service.findPartner(id);
      return target && target.entry === entry ? [target] : [];
    });
    const chosen = await pickPeople(this.service, entry, { partners, present: [...present] }, { title: vscode.l10n.t('Who was there?') });
    if (!chosen || chosen === 'back') return undefined;
    return { partnerIds: [this.partnerId, ...chosen.partners.map((t) => t.view.record.value.id)], present: chosen.present };
  }

  /** Fresh data for the page, or "gone" when the partner's file disappeared or broke. */
  async postData(): Promise<void> {
    const found = this.service.findPartner(this.partnerId);
    if (!found) {
      this.panel.title = vscode.l10n.t('Partner: not found');
      await this.post({
        type: 'gone',
        message: vscode.l10n.t(
          'This partner is no longer in the store: its file was removed, renamed to another id, or is broken (see the Problems panel).',
        ),
      });
      return;
    }
    const data = buildPageData(found.entry.store, found.view, { defaultCadenceDays: defaultCadenceDays(), now: new Date() });
    try {
      const fromGit = await partnerPageGit(found.entry, found.view.record.value, this.branches);
      if (fromGit) {
        data.git = fromGit.git;
        this.listedCommits = fromGit.commits;
      }
    } catch (error) {
      this.service.log.warn(`partner page: reading git failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.lastData = data;
    this.panel.title = vscode.l10n.t('Partner: {0}', visible(data.partner.name));
    await this.post({ type: 'data', data });
  }
}

/** All open partner pages, by partner id. */
export class PartnerPanels implements vscode.Disposable {
  private readonly panels = new Map<string, PartnerPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly service: StoreService,
    private readonly branches?: BranchRecordsService,
  ) {}

  get(partnerId: string): PartnerPanel | undefined {
    return this.panels.get(partnerId);
  }

  all(): PartnerPanel[] {
    return [...this.panels.values()];
  }

  /** Reveals the partner's page, or opens it. */
  open(target: PartnerTarget, options: OpenOptions = {}): PartnerPanel {
    const id = target.view.record.value.id;
    const existing = this.panels.get(id);
    if (existing) {
      existing.reveal(options);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      PARTNER_PAGE_VIEW_TYPE,
      vscode.l10n.t('Partner: {0}', visible(target.view.record.value.name)),
      vscode.ViewColumn.Active,
      PANEL_OPTIONS,
    );
    const page = this.adopt(panel, id);
    if (options.showForm) page.showForm();
    if (options.record) page.revealRecord(options.record);
    return page;
  }

  /** A page restored after a reload of the window: its state names the partner. */
  async revive(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const parsed = v.safeParse(PageStateSchema, state);
    const partnerId = parsed.success ? parsed.output.partnerId : undefined;
    if (!partnerId || this.panels.has(partnerId)) {
      panel.dispose();
      return;
    }
    await this.service.whenReady();
    this.adopt(panel, partnerId);
  }

  private adopt(panel: vscode.WebviewPanel, partnerId: string): PartnerPanel {
    const page = new PartnerPanel(panel, partnerId, this.service, this.extensionUri, this.branches);
    this.panels.set(partnerId, page);
    page.onDidDispose(() => {
      if (this.panels.get(partnerId) === page) this.panels.delete(partnerId);
    });
    return page;
  }

  dispose(): void {
    for (const page of this.all()) page.dispose();
  }
}
