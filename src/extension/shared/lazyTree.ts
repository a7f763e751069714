// A view's data provider whose code is in dist/flows.js (shared/lazyCommands.ts): the bundle is read on the
// first question VS Code asks (a collapsed or hidden view asks none), and no refresh fires before that.
import * as vscode from 'vscode';

export interface TreeCode<N> {
  getChildren(node?: N): N[];
  getTreeItem(node: N): vscode.TreeItem;
}

export class LazyTree<N> implements vscode.TreeDataProvider<N>, vscode.Disposable {
  private loaded: TreeCode<N> | undefined;
  private readonly changed = new vscode.EventEmitter<N | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly load: () => TreeCode<N>) {}

  private get tree(): TreeCode<N> {
    return (this.loaded ??= this.load());
  }

  /** A view never shown has nothing to re-fetch: the bundle stays unread. */
  refresh(): void {
    if (this.loaded) this.changed.fire(undefined);
  }

  getChildren(node?: N): N[] {
    return this.tree.getChildren(node);
  }

  getTreeItem(node: N): vscode.TreeItem {
    return this.tree.getTreeItem(node);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
