// All open initiative pages, by initiative id (opening one again reveals it), restored after a window
// reload from the page's state, and Open Initiative…'s quick pick. Lives in dist/initiativePage.js.
import * as v from 'valibot';
import * as vscode from 'vscode';
import type { Initiative } from '../../core/model';
import type { Loaded } from '../../core/store';
import { initiativeStatusLabel, type InitiativeStatus } from '../../core/vocabulary';
import { InitiativePageStateSchema } from '../../webview/initiativeProtocol';
import { COMMANDS, VIEW_TYPES } from '../ids';
import { visible } from '../shared/displayText';
import { askPick } from '../shared/quickInputs';
import { PANEL_OPTIONS } from '../shared/webviewPage';
import type { StoreService } from '../store/storeService';
import { InitiativePanel } from './initiativePanel';

/** Active initiatives first in the pick, then ideas, done and dropped ones. */
const STATUS_ORDER: readonly InitiativeStatus[] = ['active', 'idea', 'done', 'dropped'];

export class InitiativePages implements vscode.Disposable {
  private readonly panels = new Map<string, InitiativePanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly service: StoreService,
  ) {}

  get(initiativeId: string): InitiativePanel | undefined {
    return this.panels.get(initiativeId);
  }

  all(): InitiativePanel[] {
    return [...this.panels.values()];
  }

  /** Reveals the initiative's page, or opens it. */
  open(initiative: Loaded<Initiative>): InitiativePanel {
    const id = initiative.value.id;
    const existing = this.panels.get(id);
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPES.initiativePage,
      vscode.l10n.t('Initiative: {0}', visible(initiative.value.name)),
      vscode.ViewColumn.Active,
      PANEL_OPTIONS,
    );
    return this.adopt(panel, id);
  }

  /**
   * Open Initiative… (argument: an initiative id, a node of the Initiatives view, or nothing for a quick
   * pick). Returns the initiative's id, or undefined when the pick was dismissed.
   */
  async openCommand(arg?: unknown): Promise<string | undefined> {
    await this.service.whenReady();
    const initiative = this.fromArg(arg) ?? (await this.pick());
    if (!initiative) return undefined;
    this.open(initiative);
    return initiative.value.id;
  }

  private fromArg(arg: unknown): Loaded<Initiative> | undefined {
    if (arg === undefined || arg === null) return undefined;
    const id = typeof arg === 'string' ? arg : (arg as { initiative?: { value?: { id?: unknown } } }).initiative?.value?.id;
    if (typeof id !== 'string')
      throw new Error(vscode.l10n.t('Open Initiative takes an initiative id or an item of the Initiatives view.'));
    const found = this.service.findRecord('initiative', id);
    if (!found) throw new Error(vscode.l10n.t('no loaded initiative has the id {0} (its file may be missing or broken).', id));
    return found.record;
  }

  private async pick(): Promise<Loaded<Initiative> | undefined> {
    const several = this.service.folders().length > 1;
    const items = this.service
      .folders()
      .flatMap((entry) => entry.store.all('initiative').map((initiative) => ({ entry, initiative })))
      .sort(
        (a, b) =>
          STATUS_ORDER.indexOf(a.initiative.value.status) - STATUS_ORDER.indexOf(b.initiative.value.status) ||
          a.initiative.value.name.localeCompare(b.initiative.value.name),
      )
      .map(({ entry, initiative }) => ({
        label: initiative.value.name,
        description: [initiativeStatusLabel(initiative.value.status), several ? entry.folder.name : undefined].filter(Boolean).join(' · '),
        detail: initiative.value.goal,
        initiative,
      }));
    if (items.length === 0) {
      const add = vscode.l10n.t('Add Initiative');
      const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Alliances: there are no initiatives yet.'), add);
      if (answer === add) await vscode.commands.executeCommand(COMMANDS.addInitiative);
      return undefined;
    }
    const chosen = await askPick({
      title: vscode.l10n.t('Open Initiative'),
      items,
      placeholder: vscode.l10n.t('Which initiative?'),
      matchOnDetail: true,
    });
    return chosen && typeof chosen === 'object' ? chosen.initiative : undefined;
  }

  /** A page restored after a reload of the window: its state names the initiative. */
  async revive(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const parsed = v.safeParse(InitiativePageStateSchema, state);
    const initiativeId = parsed.success ? parsed.output.initiativeId : undefined;
    if (!initiativeId || this.panels.has(initiativeId)) {
      panel.dispose();
      return;
    }
    await this.service.whenReady();
    this.adopt(panel, initiativeId);
  }

  private adopt(panel: vscode.WebviewPanel, initiativeId: string): InitiativePanel {
    const page = new InitiativePanel(panel, initiativeId, this.service, this.extensionUri);
    this.panels.set(initiativeId, page);
    page.onDidDispose(() => {
      if (this.panels.get(initiativeId) === page) this.panels.delete(initiativeId);
    });
    return page;
  }

  dispose(): void {
    for (const page of this.all()) page.dispose();
  }
}
