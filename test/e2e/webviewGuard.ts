// Shared by the webview UI tests: reaching a page's document (two iframes deep) and watching for anything
// hostile text could make happen — a dialog, a navigation, a Content-Security-Policy violation.
import type { ConsoleMessage, Frame, FrameLocator, Page } from 'playwright-core';

export interface PageGuard {
  dialogs: string[];
  cspConsole: string[];
  navigations: string[];
  /** Navigations anywhere but the workbench and its webview host, or to javascript:/evil URLs. */
  strangeNavigations: () => string[];
}

/** Records (and dismisses) dialogs, CSP reports in the console, and frame navigations from now on. */
export function guardPage(page: Page): PageGuard {
  const guard: PageGuard = {
    dialogs: [],
    cspConsole: [],
    navigations: [],
    strangeNavigations: () =>
      guard.navigations.filter(
        (url) =>
          (url !== 'about:blank' && !/^https?:\/\/(127\.0\.0\.1:\d+|[a-z0-9+-]+\.vscode-cdn\.net)\//.test(url)) ||
          /javascript:|evil\.example|\/x(\?|$)/i.test(url),
      ),
  };
  page.on('dialog', (dialog) => {
    guard.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message: ConsoleMessage) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) guard.cspConsole.push(message.text());
  });
  page.on('framenavigated', (navigated) => guard.navigations.push(navigated.url()));
  return guard;
}

export interface AttachedWebview {
  frame: FrameLocator;
  inner: Frame;
  /** The document's URL when attached: it must never change. */
  url: string;
  /** securitypolicyviolation events seen by the document since it was attached. */
  cspEvents: () => Promise<string[]>;
}

/** The active webview's document, once `ready` resolves, with a recorder of CSP violations. */
export async function attachWebview(page: Page, ready: (frame: FrameLocator) => Promise<unknown>): Promise<AttachedWebview> {
  const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await ready(frame);
  const handle = await page.frameLocator('iframe.webview.ready').locator('#active-frame').elementHandle();
  const inner = await handle.contentFrame();
  if (!inner) throw new Error('the webview has no document');
  await inner.evaluate(() => {
    const w = window as unknown as { cspEvents: string[] };
    w.cspEvents = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspEvents.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return {
    frame,
    inner,
    url: inner.url(),
    cspEvents: () => inner.evaluate(() => (window as unknown as { cspEvents?: string[] }).cspEvents ?? []),
  };
}

/** The page's CSP has default-src 'none' and every script carries its nonce; returns the nonce. */
export async function assertStrictCsp(inner: Frame): Promise<string> {
  const csp = await inner.evaluate(
    () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
  );
  if (!/(^|;)\s*default-src 'none'/.test(csp)) throw new Error(`no default-src 'none' in ${csp}`);
  const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  if (!nonce) throw new Error(`no script nonce in ${csp}`);
  const nonces = await inner.evaluate(() => [...document.querySelectorAll('script[src]')].map((s) => (s as HTMLScriptElement).nonce));
  if (nonces.length === 0 || nonces.some((n) => n !== nonce)) throw new Error(`a script without the nonce: ${JSON.stringify(nonces)}`);
  return nonce;
}
