// What every Alliances webview panel host shares: the strict page shell (CSP, nonce, our script and
// stylesheet), validated messages in, a debounced refresh when the data changes, and disposal.
import * as vscode from 'vscode';
import { newNonce, pageHtml } from './pageHtml';

export interface PageAssets {
  /** dist/webview/<script> and <style>. */
  script: string;
  style: string;
  title?: string;
}

/** How every page's panel is created: find widget on, nothing kept while hidden (the page asks again). */
export const PANEL_OPTIONS: vscode.WebviewPanelOptions = { enableFindWidget: true, retainContextWhenHidden: false };

/**
 * What a page may do, set in one place for a new page and a revived one alike: scripts (ours, by nonce),
 * no command links, no forms, and resources from dist/webview only (the pages load nothing else).
 */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableForms: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}

export abstract class WebviewPage<Message> implements vscode.Disposable {
  protected readonly disposables: vscode.Disposable[] = [];
  protected disposed = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.closed.event;
  /** Messages posted to the page (tests wait for the count to grow). */
  posted = 0;

  constructor(
    readonly panel: vscode.WebviewPanel,
    protected readonly extensionUri: vscode.Uri,
    private readonly assets: PageAssets,
    private readonly refreshDebounceMs: number,
  ) {
    panel.webview.options = webviewOptions(extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'alliances.svg');
    this.render();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.handle(raw)),
      this.closed,
    );
  }

  /** Validates and carries out one message from the page. */
  abstract handle(raw: unknown): Promise<unknown>;
  /** Sends the page fresh data. */
  abstract postData(): Promise<void>;

  /** Sets the HTML (with a fresh nonce); the page then asks for its data. */
  render(): void {
    const webview = this.panel.webview;
    const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', name)).toString();
    webview.html = pageHtml({
      cspSource: webview.cspSource,
      scriptUri: asset(this.assets.script),
      styleUri: asset(this.assets.style),
      nonce: newNonce(),
      title: this.assets.title,
      lang: vscode.env.language,
      l10n: vscode.l10n.bundle,
    });
  }

  protected schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      // A hidden page does not exist (retainContextWhenHidden is off): it asks again when shown.
      if (!this.disposed && this.panel.visible) void this.postData();
    }, this.refreshDebounceMs);
  }

  protected async post(message: Message): Promise<void> {
    if (this.disposed) return;
    this.posted++;
    await this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    this.closed.fire();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}
