import * as vscode from 'vscode';
import { duePartners } from '../../core/partnerView';
import type { StoreService } from '../store/storeService';
import { COMMANDS } from '../ids';
import { visiblePickItem } from '../shared/displayText';

/** The status bar's quick pick: who is due, most overdue first; picking one logs a check-in. */
export async function showDue(service: StoreService): Promise<void> {
  const due = service.allViews().filter((item) => duePartners([item.view]).length > 0);
  if (due.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Alliances: nobody is due for a check-in. 🎉'));
    return;
  }
  const chosen = await vscode.window.showQuickPick(
    due.map((item) =>
      visiblePickItem({
        label: item.view.record.value.name,
        description: item.view.due.label,
        detail: item.view.record.value.department,
        id: item.view.record.value.id,
      }),
    ),
    { title: vscode.l10n.t('Partners Due for a Check-in'), placeHolder: vscode.l10n.t('Pick one to log a check-in') },
  );
  if (chosen) await vscode.commands.executeCommand(COMMANDS.logCheckIn, chosen.id);
}
