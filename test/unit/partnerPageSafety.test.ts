// Safety rules of the partner page that a reading of the sources can prove: no HTML sinks in the
// browser code and the exact Content-Security-Policy with a fresh nonce per render. (The protocol takes
// its id pattern and word lists from src/core/vocabulary.ts: there is no copy left to compare.)
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { contentSecurityPolicy, escapeAttribute, newNonce, pageHtml } from '../../src/extension/shared/pageHtml';
import { listFiles } from './helpers';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const webviewDir = path.join(repoRoot, 'src', 'webview');

/** Ways to turn a string into markup or code. None may appear in src/webview. */
const FORBIDDEN = [
  /\binnerHTML\b/,
  /\bouterHTML\b/,
  /\binsertAdjacentHTML\b/,
  /\bdocument\s*\.\s*write(ln)?\b/,
  /\bcreateContextualFragment\b/,
  /\bsetHTMLUnsafe\b/,
  /\bparseHTMLUnsafe\b/,
  /\bDOMParser\b/,
  /\.srcdoc\b/,
  /\beval\s*\(/,
  /\bnew\s+Function\s*\(/,
  /\bsetTimeout\s*\(\s*['"`]/,
  /\bjavascript:/i,
];

describe('partner page: safety', () => {
  it('src/webview builds the DOM with DOM APIs only: no innerHTML, outerHTML, insertAdjacentHTML, document.write, eval…', async () => {
    const files = (await listFiles(webviewDir)).filter((file) => /\.(ts|js|mjs)$/.test(file));
    assert.ok(files.includes('partnerPage/main.ts') && files.includes('protocol.ts'), `scanned ${files.join(', ')}`);
    const hits: string[] = [];
    for (const file of files) {
      const lines = (await fsp.readFile(path.join(webviewDir, file), 'utf8')).split('\n');
      lines.forEach((line, index) => {
        // Comments may name the forbidden APIs (to say they are not used).
        const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
        for (const pattern of FORBIDDEN) if (pattern.test(code)) hits.push(`src/webview/${file}:${index + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(hits, []);
  });

  it('the scan itself catches each forbidden API', () => {
    const samples = [
      'el.innerHTML = x',
      'el.outerHTML = x',
      'el.insertAdjacentHTML("beforeend", x)',
      'document.write(x)',
      'document .writeln(x)',
      'eval(x)',
      'new Function(x)',
      'frame.srcdoc = x',
      "setTimeout('x()', 1)",
    ];
    for (const sample of samples)
      assert.ok(
        FORBIDDEN.some((pattern) => pattern.test(sample)),
        sample,
      );
  });

  it('sets the exact Content-Security-Policy, with the nonce on the one script and the stylesheet', () => {
    const nonce = newNonce();
    const html = pageHtml({
      cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
      scriptUri: 'https://x/dist/webview/partnerPage.js',
      styleUri: 'https://x/dist/webview/partnerPage.css',
      nonce,
    });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.equal(
      csp,
      `default-src 'none'; style-src https://file+.vscode-resource.vscode-cdn.net 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src https://file+.vscode-resource.vscode-cdn.net data:; font-src https://file+.vscode-resource.vscode-cdn.net; base-uri 'none'; form-action 'none'`,
    );
    assert.equal(csp, escapeAttribute(contentSecurityPolicy('https://file+.vscode-resource.vscode-cdn.net', nonce)));
    assert.doesNotMatch(csp ?? '', /unsafe-(inline|eval)/);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0]?.[1], ` nonce="${nonce}" src="https://x/dist/webview/partnerPage.js"`);
    assert.equal(scripts[0]?.[2], '', 'no inline code');
    assert.match(
      html,
      new RegExp(`<link rel="stylesheet" href="https://x/dist/webview/partnerPage.css" nonce="${nonce.replace(/[+/]/g, '\\$&')}">`),
    );
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
    // The CSP comes before anything that loads.
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<link'));
  });

  it('makes a fresh, unguessable nonce for every render', () => {
    const nonces = new Set(Array.from({ length: 200 }, () => newNonce()));
    assert.equal(nonces.size, 200);
    for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9+/]{32}$/);
    const render = () => pageHtml({ cspSource: 'x', scriptUri: 'a', styleUri: 'b', nonce: newNonce() });
    assert.notEqual(render(), render());
  });

  it('escapes what goes into attributes', () => {
    assert.equal(escapeAttribute('"><script>&'), '&quot;&gt;&lt;script&gt;&amp;');
  });
});
