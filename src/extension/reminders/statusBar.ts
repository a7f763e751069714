import * as vscode from 'vscode';
import { duePartners } from '../../core/partnerView';
import type { StoreService } from '../store/storeService';
import { COMMANDS, STATUS_BAR_ITEMS } from '../ids';

/** A quiet, left status-bar item: the number of partners due, hidden when nobody is. */
export class DueStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem(STATUS_BAR_ITEMS.due, vscode.StatusBarAlignment.Left, 10);

  constructor(private readonly service: StoreService) {
    this.item.name = vscode.l10n.t('Alliances: Partners Due');
    this.item.command = COMMANDS.showDue;
  }

  update(): number {
    const due = duePartners(this.service.allViews().map((item) => item.view)).length;
    if (due === 0) {
      this.item.hide();
      return 0;
    }
    this.item.text = `$(organization) ${due}`;
    this.item.tooltip =
      due === 1
        ? vscode.l10n.t('Alliances: 1 partner is due for a check-in. Click to see who.')
        : vscode.l10n.t('Alliances: {0} partners are due for a check-in. Click to see who.', due);
    this.item.accessibilityInformation = {
      label: due === 1 ? vscode.l10n.t('1 partner due for a check-in') : vscode.l10n.t('{0} partners due for a check-in', due),
      role: 'button',
    };
    this.item.show();
    return due;
  }

  dispose(): void {
    this.item.dispose();
  }
}
