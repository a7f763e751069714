// What the import shows, for the integration tests (they read it, then accept it with a command). Its own
// small file: the activation-time bundle holds it, the import itself is loaded on first use (interop/register.ts).
import type * as vscode from 'vscode';

export interface PreviewItem extends vscode.QuickPickItem {
  action?: 'add' | 'update' | 'skip' | 'invalid';
  line?: number;
}

export class ImportPreview {
  /** Which step is on screen. */
  stage: 'columns' | 'preview' | undefined;
  current: readonly PreviewItem[] | undefined;
}
