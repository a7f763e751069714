// The full form's rows (asks and offers, action items): their legends, accessible names and field paths
// follow the rows' order, so the host's field errors ("asks.0.text") land next to the right field.
import * as l10n from '@vscode/l10n';

export function renumberRows(asks: HTMLElement, actions: HTMLElement): void {
  const rows: [HTMLElement, string, (n: number) => string, (n: number) => string][] = [
    [asks, 'asks', (n) => l10n.t('Ask or offer {0}', n), (n) => l10n.t('Remove ask or offer {0}', n)],
    [actions, 'actions', (n) => l10n.t('Action item {0}', n), (n) => l10n.t('Remove action item {0}', n)],
  ];
  for (const [list, key, title, removeLabel] of rows) {
    [...list.children].forEach((row, index) => {
      const legend = row.querySelector('legend');
      if (legend) legend.textContent = title(index + 1);
      for (const part of row.querySelectorAll<HTMLElement>('[data-part]')) {
        const path = `${key}.${index}.${part.dataset.part ?? ''}`;
        part.dataset.path = path;
        const error = part.parentElement?.querySelector<HTMLElement>(':scope > .field-error');
        if (error) error.dataset.errorFor = path;
        const label = part.parentElement?.querySelector(':scope > label');
        if (label) part.setAttribute('label', `${title(index + 1)}: ${label.textContent ?? ''}`);
      }
      const remove = row.querySelector('.row-fields + vscode-button');
      remove?.setAttribute('aria-label', removeLabel(index + 1));
    });
  }
}
