import type * as vscode from 'vscode';

/** A view's badge: the count with its sentence, or none at zero (VS Code hides a badge of 0 anyway). */
export function countBadge(count: number, tooltip: (count: number) => string): vscode.ViewBadge | undefined {
  return count > 0 ? { value: count, tooltip: tooltip(count) } : undefined;
}
