// Why a relationship is listed as slipping, as one sentence: in the display language on the dashboard
// page, in English (the `english` translator) in the exported Markdown report, like every shared file.
import * as l10n from '@vscode/l10n';
import type { Translator } from '../translator';

/** `ratingChange`: set when ratings are falling; `missedBy`: set when the cadence was missed twice. */
export function slippingWhy(
  ratingChange: number | undefined,
  missedBy: readonly [number, number] | undefined,
  translator: Translator = l10n,
): string {
  // Named l10n so that the string extractor (@vscode/l10n-dev) finds these messages.
  const l10n = translator;
  const down = ratingChange === undefined ? '' : Math.abs(ratingChange).toFixed(1);
  // Whole sentences, so that translators never glue fragments together.
  if (ratingChange !== undefined && missedBy)
    return l10n.t('Ratings down {0} points; cadence missed twice in a row (by {1} and {2} days)', down, missedBy[0], missedBy[1]);
  if (missedBy) return l10n.t('Cadence missed twice in a row (by {0} and {1} days)', missedBy[0], missedBy[1]);
  return l10n.t('Ratings down {0} points', down);
}
