// Imported first by every page: the host puts VS Code's bundle for the display language in the page's
// HTML shell (pageHtml), so the page is in that language from its first element on. Validated like
// every message from the host; without it (English) @vscode/l10n returns the English text.
import * as l10n from '@vscode/l10n';
import * as v from 'valibot';
import { L10N_META_NAME, L10nBundleSchema } from '../protocol';

const raw = document.querySelector(`meta[name="${L10N_META_NAME}"]`)?.getAttribute('content');
if (raw) {
  try {
    const bundle = v.safeParse(L10nBundleSchema, JSON.parse(raw));
    if (bundle.success) l10n.config({ contents: bundle.output });
  } catch {
    // Not JSON: the page stays in English rather than not working.
  }
}
