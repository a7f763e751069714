// src/core and the pages cannot import vscode, so their strings go through @vscode/l10n, which follows
// VS Code's display language once it has the bundle VS Code loaded for this extension. Each lazily
// loaded bundle (main, dashboard, interop, partnerPage) holds its own copy of @vscode/l10n (and of core's
// date formats), so each entry calls this. The CLI never does: its output stays English.
import * as vscode from 'vscode';
import { setDisplayLocale } from '../../core/dates';
import { configureL10n } from '../../core/l10nConfig';

export function configureCoreL10n(): void {
  // Undefined in English (no bundle to load): @vscode/l10n then returns the English text.
  if (vscode.l10n.bundle) configureL10n(vscode.l10n.bundle);
  // Short dates in the UI ("2. Dez.") follow the display language too, bundle or not.
  setDisplayLocale(vscode.env.language);
}
