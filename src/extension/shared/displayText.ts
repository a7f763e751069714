// Where store text becomes VS Code UI (tree rows, quick picks, messages, titles), it goes through
// visible() (src/core/visibleText.ts): a bidi control or zero-width character is shown as ⟨U+202E⟩,
// never obeyed. Only what is shown changes: ids, context values, command arguments and the values a
// pick hands back stay exactly as stored. Types only from vscode, so unit tests can call these.
import type * as vscode from 'vscode';
import { visible } from '../../core/visibleText';

export { visible };

type Tooltip = string | { value: string } | undefined;

/** A tooltip shown: plain text or the source of a MarkdownString (whose markers need no escaping). */
function visibleTooltip<T extends Tooltip>(tooltip: T): T {
  if (typeof tooltip === 'string') return visible(tooltip, { multiline: true }) as T;
  if (tooltip && typeof tooltip === 'object' && typeof tooltip.value === 'string')
    tooltip.value = visible(tooltip.value, { multiline: true });
  return tooltip;
}

interface ShownTreeItem {
  label?: string | vscode.TreeItemLabel;
  description?: string | boolean;
  tooltip?: Tooltip;
  accessibilityInformation?: vscode.AccessibilityInformation;
}

/** The item with its label, description, tooltip and screen-reader label shown (see the header). */
export function visibleTreeItem<T extends ShownTreeItem>(item: T): T {
  if (typeof item.label === 'string') item.label = visible(item.label);
  else if (item.label) item.label = { ...item.label, label: visible(item.label.label) };
  if (typeof item.description === 'string') item.description = visible(item.description);
  if (item.tooltip !== undefined) item.tooltip = visibleTooltip(item.tooltip);
  if (item.accessibilityInformation)
    item.accessibilityInformation = { ...item.accessibilityInformation, label: visible(item.accessibilityInformation.label) };
  return item;
}

/**
 * A quick-pick item to show: a copy with label, description and detail shown, or the item itself when
 * nothing needs showing. The caller's item is never changed — its label may be the value to store.
 */
export function visiblePickItem<T extends vscode.QuickPickItem>(item: T): T {
  const label = visible(item.label);
  const description = item.description === undefined ? undefined : visible(item.description);
  const detail = item.detail === undefined ? undefined : visible(item.detail);
  if (label === item.label && description === item.description && detail === item.detail) return item;
  return {
    ...item,
    label,
    ...(description === undefined ? {} : { description }),
    ...(detail === undefined ? {} : { detail }),
  };
}

/**
 * Shows items to a quick pick and finds the caller's item again from the shown copy the pick hands
 * back (a pick returns what it was given). The same item is always shown as the same copy, so
 * `activeItems` and `selectedItems` can name the caller's items too.
 */
export function shownPicks<T extends vscode.QuickPickItem>(): { show: (item: T) => T; original: (item: T) => T } {
  const copies = new Map<T, T>();
  const back = new Map<T, T>();
  return {
    show: (item) => {
      const known = copies.get(item);
      if (known) return known;
      const copy = visiblePickItem(item);
      copies.set(item, copy);
      back.set(copy, item);
      return copy;
    },
    original: (item) => back.get(item) ?? item,
  };
}
