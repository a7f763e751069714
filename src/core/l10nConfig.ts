// Where core's @vscode/l10n gets its bundle: through here, so that text cached in the display language
// (due labels, computed for every partner on every change) is dropped when the language changes.
import * as l10n from '@vscode/l10n';

const resets = new Set<() => void>();

/** Gives core the extension's bundle for the display language (VS Code's `vscode.l10n.bundle`). */
export function configureL10n(contents: string | l10n.l10nJsonFormat): void {
  l10n.config({ contents });
  for (const reset of resets) reset();
}

/** Calls `reset` whenever the bundle changes: for caches of translated text. */
export function onL10nConfigured(reset: () => void): void {
  resets.add(reset);
}
