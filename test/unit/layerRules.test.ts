// Proves the layer rules of eslint.config.mjs (docs/architecture.md): for each rule, a small probe file
// with a forbidden import, linted as if it sat inside that layer, gets the rule's error; allowed imports
// pass. The probe is virtual (ESLint's lintText with a file path under src/), so type-aware rules are
// turned off for it: the TypeScript project does not know the file.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const PROBE = '__layerProbe.ts';

interface Case {
  /** Where the probe sits, relative to the repository: the folder decides which rule applies. */
  dir: string;
  source: string;
}

/** `probe imports <source>`: a named import and a use, so no other rule complains. */
const probeText = (source: string) => `import * as imported from '${source}';\n\nexport const used = imported;\n`;

const forbidden: (Case & { because: RegExp })[] = [
  // core imports no other layer, at any depth, nor vscode or simple-git.
  { dir: 'src/core', source: '../extension/storeService', because: /src\/core must not import src\/extension/ },
  { dir: 'src/core/stats', source: '../../extension/storeService', because: /src\/core must not import src\/extension/ },
  { dir: 'src/core', source: '../git/history', because: /src\/core must not import src\/git/ },
  { dir: 'src/core/stats', source: '../../git', because: /src\/core must not import src\/git/ },
  { dir: 'src/core', source: '../webview/protocol', because: /src\/core must not import src\/webview/ },
  { dir: 'src/core', source: '../cli/cliArgs', because: /src\/core must not import src\/cli/ },
  { dir: 'src/core', source: 'vscode', because: /src\/core is pure TypeScript/ },
  { dir: 'src/core', source: 'simple-git', because: /src\/core is pure TypeScript/ },
  { dir: 'src/core/stats', source: 'simple-git/promise', because: /src\/core is pure TypeScript/ },
  // webview: browser code, may use core only.
  { dir: 'src/webview', source: '../extension/webviewPage', because: /src\/webview must not import src\/extension/ },
  { dir: 'src/webview/dashboard', source: '../../extension/dashboard', because: /src\/webview must not import src\/extension/ },
  { dir: 'src/webview/partnerPage', source: '../../git/history', because: /src\/webview must not import src\/git/ },
  { dir: 'src/webview/shared', source: '../../cli/main', because: /src\/webview must not import src\/cli/ },
  { dir: 'src/webview/dashboard', source: 'vscode', because: /Webview code runs in the browser/ },
  { dir: 'src/webview', source: 'simple-git', because: /Webview code runs in the browser/ },
  // git: may use core and simple-git, never VS Code or the layers above it.
  { dir: 'src/git', source: '../extension/git/gitWatcher', because: /src\/git must not import src\/extension/ },
  { dir: 'src/git', source: '../webview/protocol', because: /src\/git must not import src\/webview/ },
  { dir: 'src/git', source: '../cli/main', because: /src\/git must not import src\/cli/ },
  { dir: 'src/git', source: 'vscode', because: /src\/git wraps simple-git/ },
  // cli: plain Node, reads the store through core and git through src/git (alliances impact).
  { dir: 'src/cli', source: '../extension/storeService', because: /src\/cli must not import src\/extension/ },
  { dir: 'src/cli', source: '../webview/protocol', because: /src\/cli must not import src\/webview/ },
  { dir: 'src/cli', source: 'vscode', because: /The CLI runs in plain Node/ },
  { dir: 'src/cli', source: 'simple-git', because: /The CLI runs in plain Node/ },
];

const allowed: Case[] = [
  { dir: 'src/webview/dashboard', source: '../../core/dates' },
  { dir: 'src/webview', source: './protocol' },
  { dir: 'src/core/stats', source: '../model' },
  { dir: 'src/git', source: '../core/storeLayout' },
  { dir: 'src/git', source: 'simple-git' },
  { dir: 'src/cli', source: '../core/store' },
  { dir: 'src/cli', source: '../git/changeRange' },
  // The extension host may use every layer.
  { dir: 'src/extension', source: '../git/history' },
  { dir: 'src/extension/dashboard', source: '../../webview/protocol' },
  { dir: 'src/extension', source: 'vscode' },
];

describe('layer rules (eslint.config.mjs)', function () {
  let eslint: ESLint;
  const lint = async ({ dir, source }: Case) => {
    const [result] = await eslint.lintText(probeText(source), { filePath: path.join(repoRoot, dir, PROBE) });
    assert.ok(result, 'ESLint linted the probe');
    assert.equal(result.fatalErrorCount, 0, `the probe parses: ${JSON.stringify(result.messages)}`);
    return result.messages;
  };

  before(() => {
    eslint = new ESLint({
      cwd: repoRoot,
      // The probe is not on disk, so not in the TypeScript project: no type-aware rules for it.
      overrideConfig: [{ files: [`src/**/${PROBE}`], ...tseslint.configs.disableTypeChecked }],
    });
  });

  for (const probe of forbidden) {
    it(`flags ${probe.dir}/ importing '${probe.source}'`, async () => {
      const messages = await lint(probe);
      const layerErrors = messages.filter((m) => m.ruleId === 'no-restricted-imports');
      assert.equal(layerErrors.length, 1, `one layer error, got ${JSON.stringify(messages)}`);
      const [error] = layerErrors;
      assert.equal(error?.severity, 2, 'an error, not a warning');
      assert.match(error?.message ?? '', probe.because);
      assert.match(error?.message ?? '', /See docs\/architecture\.md\./, 'the message points to the architecture document');
    });
  }

  for (const probe of allowed) {
    it(`lets ${probe.dir}/ import '${probe.source}'`, async () => {
      assert.deepEqual(await lint(probe), []);
    });
  }

  it('applies to re-exports too', async () => {
    const [result] = await eslint.lintText("export { addDays } from '../../extension/dates';\n", {
      filePath: path.join(repoRoot, 'src/core/stats', PROBE),
    });
    assert.deepEqual(
      result?.messages.map((m) => m.ruleId),
      ['no-restricted-imports'],
    );
  });
});
