// The partner page's command and page serializer, registered at activation; the page itself (its panel,
// message handler, page data, check-in form and HTML) lives in dist/partnerPage.js and is required on
// first use, so activation never pays for it. The build marks './partnerPage.js' external, as './git.js'.
import * as vscode from 'vscode';
import { registerCommand, registerWebviewPanelSerializer } from '../shared/registry';
import { guarded, partnerFromArg, pickPartner, type PartnerTarget } from '../shared/partnerArgs';
import type { OpenOptions, PartnerPanel, PartnerPanels } from './partnerPanel';
import type { BranchRecordsService } from '../gitInsights/branchRecordsService';
import type { StoreService } from '../store/storeService';

type PartnerPageModule = typeof import('./index');
let partnerPageModule: PartnerPageModule | undefined;

export function loadPartnerPage(): PartnerPageModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  partnerPageModule ??= require('./partnerPage.js') as PartnerPageModule;
  return partnerPageModule;
}

/** Must match PARTNER_PAGE_VIEW_TYPE in partnerPage/partnerPanel.ts (a test checks). */
export const PARTNER_PAGE_VIEW_TYPE = 'alliances.partnerPage';
export const OPEN_PARTNER_PAGE_COMMAND = 'alliances.openPartnerPage';

/** All partner pages, by partner id; the bundle loads when the first page opens or comes back. */
export class LazyPartnerPages implements vscode.Disposable {
  private loaded: PartnerPanels | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly service: StoreService,
    private readonly branches?: BranchRecordsService,
  ) {}

  /** The open pages, loading their bundle the first time. */
  get instance(): PartnerPanels {
    this.loaded ??= new (loadPartnerPage().PartnerPanels)(this.extensionUri, this.service, this.branches);
    return this.loaded;
  }

  // Looking does not load the bundle: before it loaded, no page is open.
  get(partnerId: string): PartnerPanel | undefined {
    return this.loaded?.get(partnerId);
  }

  all(): PartnerPanel[] {
    return this.loaded?.all() ?? [];
  }

  /** Reveals the partner's page, or opens it. */
  open(target: PartnerTarget, options: OpenOptions = {}): PartnerPanel {
    return this.instance.open(target, options);
  }

  /**
   * `alliances.openPartnerPage` (argument: a partner id, a partner tree node, or nothing for a quick
   * pick; optional second argument `{ showForm: true }`) and the serializer: VS Code keeps a page it
   * restores after a reload waiting until this registers, and reviving it loads the bundle.
   */
  register(): vscode.Disposable[] {
    const open = guarded(async (arg?: unknown, options?: unknown) => {
      await this.service.whenReady();
      const target = partnerFromArg(this.service, arg) ?? (await pickPartner(this.service, vscode.l10n.t('Open Partner Page')));
      if (!target) return undefined;
      this.open(target, { showForm: isShowForm(options) });
      return target.view.record.value.id;
    });
    return [
      registerCommand(OPEN_PARTNER_PAGE_COMMAND, open),
      registerWebviewPanelSerializer(PARTNER_PAGE_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state) => this.instance.revive(panel, state),
      }),
    ];
  }

  dispose(): void {
    this.loaded?.dispose();
  }
}

function isShowForm(options: unknown): boolean {
  return typeof options === 'object' && options !== null && (options as { showForm?: unknown }).showForm === true;
}
