// The partner page: its command and page serializer, registered with main.js; the page itself (its panel,
// message handler, page data, check-in form and HTML) lives in dist/partnerPage.js and is required on
// first use (shared/bundles.ts), so activation never pays for it.
import * as vscode from 'vscode';
import { registerCommand, registerWebviewPanelSerializer } from '../shared/registry';
import { lazyBundle } from '../shared/lazyBundle';
import type { App } from '../shared/app';
import { COMMANDS, VIEW_TYPES } from '../ids';
import { guarded, partnerFromArg, pickPartner, type PartnerTarget } from '../shared/partnerArgs';
import type { OpenOptions, PartnerPanel, PartnerPanels } from './partnerPanel';
import type { BranchRecordsService } from '../gitInsights/branchRecordsService';
import type { StoreService } from '../store/storeService';

/** dist/partnerPage.js: the first partner page opened or revived after a reload, Add Connection, or "Add more people…". */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const loadPartnerPage = lazyBundle<typeof import('./index')>(() => require('./partnerPage.js'));

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
   * pick; optional second argument `{ showForm: true }` or `{ record: id }`) and the serializer: VS Code keeps a page it
   * restores after a reload waiting until this registers, and reviving it loads the bundle.
   */
  register(): vscode.Disposable[] {
    const open = guarded(async (arg?: unknown, options?: unknown) => {
      await this.service.whenReady();
      const target = partnerFromArg(this.service, arg) ?? (await pickPartner(this.service, vscode.l10n.t('Open Partner Page')));
      if (!target) return undefined;
      this.open(target, { showForm: isShowForm(options), ...recordOf(options) });
      return target.view.record.value.id;
    });
    return [
      registerCommand(COMMANDS.openPartnerPage, open),
      registerWebviewPanelSerializer(VIEW_TYPES.partnerPage, {
        deserializeWebviewPanel: (panel, state) => this.instance.revive(panel, state),
      }),
    ];
  }

  dispose(): void {
    this.loaded?.dispose();
  }
}

/** `{ record: id }`: the record to scroll to (a search result). */
function recordOf(options: unknown): { record?: string } {
  const record = typeof options === 'object' && options !== null ? (options as { record?: unknown }).record : undefined;
  return typeof record === 'string' && record.length <= 100 ? { record } : {};
}

function isShowForm(options: unknown): boolean {
  return typeof options === 'object' && options !== null && (options as { showForm?: unknown }).showForm === true;
}

/** Registers the partner page's command and serializer; the pages load on first use. */
export function register(app: App, branches: BranchRecordsService): LazyPartnerPages {
  const pages = new LazyPartnerPages(app.context.extensionUri, app.service, branches);
  app.context.subscriptions.push(pages, ...pages.register());
  return pages;
}
