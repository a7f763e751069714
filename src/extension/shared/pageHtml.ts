// The partner page's HTML shell: a strict Content-Security-Policy with a fresh nonce, one stylesheet and
// one script from the extension's dist/webview folder, and no data at all — the page builds everything
// from the messages it receives, with DOM APIs (text stays text). Pure: no vscode.
import { randomBytes } from 'node:crypto';
import * as l10n from '@vscode/l10n';
import { L10N_META_NAME } from '../../webview/protocol';

export interface PageHtmlOptions {
  /** webview.cspSource: the origin the webview loads the extension's resources from. */
  cspSource: string;
  /** webview.asWebviewUri(dist/webview/partnerPage.js) as a string. */
  scriptUri: string;
  /** webview.asWebviewUri(dist/webview/partnerPage.css) as a string. */
  styleUri: string;
  /** A fresh nonce for every render (newNonce()). */
  nonce: string;
  /** The document title (the panel's tab has its own); "Partner" by default. */
  title?: string;
  /** The display language (vscode.env.language), for the page's lang attribute; "en" by default. */
  lang?: string;
  /** vscode.l10n.bundle: the page's text in the display language (none in English). */
  l10n?: Record<string, string>;
}

/** 192 random bits, base64: unguessable, and valid in a CSP nonce source. */
export function newNonce(): string {
  return randomBytes(24).toString('base64');
}

/**
 * Nothing is allowed unless listed: scripts only with the nonce (no eval, no inline handlers), styles from
 * the extension or with the nonce (@vscode-elements styles its elements with constructable stylesheets,
 * which CSP does not govern), images and fonts from the extension. No connections, frames, forms, objects
 * or <base>.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function pageHtml(options: PageHtmlOptions): string {
  const attr = escapeAttribute;
  const nonce = attr(options.nonce);
  return `<!DOCTYPE html>
<html lang="${attr(options.lang ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(options.cspSource, options.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${options.l10n ? `<meta name="${L10N_META_NAME}" content="${attr(JSON.stringify(options.l10n))}">\n` : ''}<link rel="stylesheet" href="${attr(options.styleUri)}" nonce="${nonce}">
<title>${attr(options.title ?? l10n.t('Partner'))}</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="loading">${attr(l10n.t('Loading…'))}</p></main>
<script nonce="${nonce}" src="${attr(options.scriptUri)}"></script>
</body>
</html>
`;
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
