// Runs test/integration (mocha inside the extension host) in a real VS Code 1.139 (code-server) driven
// by headless Chromium. `node out/test/harness/runIntegration.js`; exit code 0 only if every check holds.
//
// Environment:
//   ALLIANCES_TEST_GREP       only run tests whose full title matches (mocha grep)
//   ALLIANCES_EXTENSION_PATH  extension under test (default: the repository root)
//   ALLIANCES_TEST_TIMEOUT_MS whole-run limit (default 600000 = 10 min)
//   ALLIANCES_HARNESS_VERBOSE=1 also print the workbench's log lines (and other extension host output)
//   ALLIANCES_WORKSPACE=multi-root  open a two-folder .code-workspace and run test/integration/multiRoot/
//                             only (default: one folder, every other suite)
//   ALLIANCES_LOCALE=qps-ploc  start VS Code in that display language (`--locale`) and run
//                             test/integration/locale/ only
//   ALLIANCES_RESTRICTED=1    keep Workspace Trust on, so the folder opens in Restricted Mode (untrusted),
//                             and run test/integration/restricted/ only
//   ALLIANCES_CODE_SERVER_DIR=.cache/code-server-4.133  run in that code-server install (default
//                             .cache/code-server): the oldest VS Code the manifest claims, 1.133
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as util from 'util';
import type { Browser } from 'playwright-core';
import { codeServerVersions, launchChromium, remoteUri, repoRoot, sleep, startCodeServer, tail, type CodeServer } from './codeServer';
import type { TestResults } from '../integration/index';

const fixtureDir = path.join(repoRoot, 'test', 'fixtures', 'integrationWorkspace');
const testsEntry = path.resolve(__dirname, '..', 'integration', 'index.js');
const extensionPath = path.resolve(process.env.ALLIANCES_EXTENSION_PATH ?? repoRoot);
const timeoutMs = Number(process.env.ALLIANCES_TEST_TIMEOUT_MS ?? 600_000);
const verbose = process.env.ALLIANCES_HARNESS_VERBOSE === '1';
// test/integration/index.ts prefixes mocha's reporter lines with this, so they can be told apart.
const outputMarker = '[mocha] ';
const exitLine = /Extension Host Process exited with code: (\S+), signal: (\S+)\./g;
const multiRoot = process.env.ALLIANCES_WORKSPACE === 'multi-root';
const locale = process.env.ALLIANCES_LOCALE;
const restricted = process.env.ALLIANCES_RESTRICTED === '1';
const MULTI_ROOT_FOLDERS = ['alpha', 'beta'];

async function main(): Promise<number> {
  const started = Date.now();
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-it-'));
  const workspace = path.join(scratch, 'workspace');
  const resultsFile = path.join(scratch, 'results.json');
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const problems: string[] = [];

  const teardown = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    browser = undefined;
    await server?.stop();
  };
  // Playwright's own signal handlers are off (see launchChromium), so Ctrl+C must tear down here.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      void teardown().finally(() => {
        fs.rmSync(scratch, { recursive: true, force: true });
        process.exit(130);
      });
    });
  }

  try {
    if (!fs.existsSync(testsEntry)) throw new Error(`${testsEntry} is missing: run \`npm run build:tests\` first`);
    const opened = multiRoot ? prepareMultiRoot(workspace) : (prepareWorkspace(workspace), workspace);

    const versions = codeServerVersions();
    if (locale) installPseudoLanguagePack(path.join(scratch, 'user-data'), path.join(scratch, 'language-pack'), locale);
    server = await startCodeServer({
      workspace,
      smokeTestDriver: true,
      // code-server opens a folder it does not know untrusted: Restricted Mode.
      workspaceTrust: restricted,
      // Inside the scratch folder, so the extension host logs (the Alliances channel too) survive a failure.
      userDataDir: path.join(scratch, 'user-data'),
      extraArgs: [
        ...(process.env.ALLIANCES_SERVER_LOG ? ['--log', process.env.ALLIANCES_SERVER_LOG] : []),
        ...(locale ? ['--locale', locale] : []),
      ],
      env: {
        ALLIANCES_TEST_RESULTS: resultsFile,
        ALLIANCES_TEST_OUTPUT_MARKER: outputMarker,
        ALLIANCES_SUITE: multiRoot ? 'multi-root' : locale ? 'locale' : restricted ? 'restricted' : 'folder',
        // test/integration/harnessSmoke.test.ts checks the extension host runs in this very VS Code.
        ALLIANCES_EXPECTED_VSCODE: versions.vscode,
        ...(process.env.ALLIANCES_TEST_GREP ? { ALLIANCES_TEST_GREP: process.env.ALLIANCES_TEST_GREP } : {}),
      },
    });
    console.log(`[harness] code-server ${versions.codeServer} (VS Code ${versions.vscode}) ${server.url} ready after ${elapsed()}`);

    browser = await launchChromium();
    const page = await browser.newPage();
    let resolveExit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => {
      resolveExit = resolve;
    });
    // The workbench calls these globals when started with enable-smoke-test-driver + extensionTestsPath.
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      if (line.startsWith(outputMarker)) console.log(line.slice(outputMarker.length));
      else if (verbose) console.log(`[workbench:${type}] ${line}`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => {
      resolveExit(code);
    });
    page.on('pageerror', (err) => {
      if (verbose) console.log(`[page error] ${err.message}`);
    });

    const payload = [
      ['extensionDevelopmentPath', remoteUri(server, extensionPath)],
      ['extensionTestsPath', remoteUri(server, testsEntry)],
    ];
    const target = multiRoot ? `workspace=${encodeURIComponent(opened)}` : `folder=${encodeURIComponent(opened)}`;
    const url = `${server.url}/?${target}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    console.log(`[harness] workbench opened after ${elapsed()} (extension: ${extensionPath})`);

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const code = await Promise.race([exited, timedOut]);
    clearTimeout(timer);

    if (code === 'timeout') {
      problems.push(`no result within ${timeoutMs} ms (ALLIANCES_TEST_TIMEOUT_MS)`);
    } else {
      if (code !== 0) problems.push(`the extension host reported exit code ${code}`);
      // Closing the page ends the extension host; only then does the server log how it ended.
      await browser.close().catch(() => undefined);
      browser = undefined;
      const hostExits = await waitForHostExit(server, 5_000);
      if (hostExits.length === 0) problems.push('the server log never showed the extension host ending');
      for (const [exitCode, signal] of hostExits) {
        if (exitCode !== '0' || signal !== 'null') {
          problems.push(`Extension Host Process exited with code: ${exitCode}, signal: ${signal}`);
        }
      }
    }

    const results = readResults(resultsFile);
    if (!results) {
      problems.push(`no results file (${resultsFile}): the test entry never finished`);
    } else {
      console.log(`[harness] ${results.passes} passing, ${results.failures} failing, ${results.pending} pending`);
      if (results.failures > 0) problems.push(`${results.failures} test(s) failed`);
      if (results.passes === 0) problems.push('no test passed (does ALLIANCES_TEST_GREP match anything?)');
    }
  } catch (err) {
    problems.push((err as Error).stack ?? String(err));
  } finally {
    const log = server?.log() ?? '';
    await teardown();
    if (problems.length > 0) {
      console.error(`\n[harness] FAILED after ${elapsed()}:\n  - ${problems.join('\n  - ')}`);
      if (log) {
        fs.writeFileSync(path.join(scratch, 'code-server.log'), log);
        console.error(`\n[harness] code-server log (tail):\n${tail(log, 60)}`);
      }
      console.error(`[harness] workspace, results and full server log kept in ${scratch}`);
    } else {
      fs.rmSync(scratch, { recursive: true, force: true });
      console.log(`[harness] passed in ${elapsed()}`);
    }
  }
  return problems.length > 0 ? 1 : 0;
}

/** A disposable copy of the fixture workspace, as its own git repository. */
function prepareWorkspace(workspace: string): void {
  if (!fs.existsSync(fixtureDir)) throw new Error(`fixture workspace ${fixtureDir} is missing`);
  fs.cpSync(fixtureDir, workspace, { recursive: true });
  const git = (...args: string[]): void => {
    execFileSync('git', args, { cwd: workspace, stdio: 'ignore' });
  };
  git('init', '-q', '-b', 'main');
  // Local identity: tests that commit must not depend on (or change) the machine's git config.
  git('config', 'user.name', 'Alliances Tests');
  git('config', 'user.email', 'tests@alliances.invalid');
  git('config', 'commit.gpgsign', 'false');
}

/**
 * VS Code takes `--locale` only for a language it has a language pack for (else it falls back to English,
 * extensions included), and the real packs come from the Marketplace, which these machines cannot reach.
 * So: an empty pack — VS Code's own UI stays English (every message falls back to it), but the display
 * language becomes `locale`, and extensions get their l10n/bundle.l10n.<locale>.json. Written where VS
 * Code's language pack cache (languagepacks.json in the user data folder) says packs are.
 */
function installPseudoLanguagePack(userDataDir: string, packDir: string, language: string): void {
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(packDir, { recursive: true });
  const translations = path.join(packDir, 'main.i18n.json');
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const packs = {
    [language]: {
      hash: `alliances-tests-${language}`,
      extensions: [{ extensionIdentifier: { id: 'alliances-tests.empty-language-pack' }, version: '1.0.0' }],
      translations: { vscode: translations },
      label: language,
    },
  };
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
}

/** Two git repositories side by side and a .code-workspace that opens both; returns its path. */
function prepareMultiRoot(root: string): string {
  for (const name of MULTI_ROOT_FOLDERS) prepareWorkspace(path.join(root, name));
  const file = path.join(root, 'team.code-workspace');
  fs.writeFileSync(file, JSON.stringify({ folders: MULTI_ROOT_FOLDERS.map((name) => ({ path: name })), settings: {} }, null, 2));
  return file;
}

/** Waits for the server to log how the extension host(s) ended; returns [code, signal] pairs. */
async function waitForHostExit(server: CodeServer, ms: number): Promise<Array<[string, string]>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = [...server.log().matchAll(exitLine)].map((m): [string, string] => [m[1] ?? '', m[2] ?? '']);
    if (found.length > 0 || Date.now() > deadline) return found;
    await sleep(100);
  }
}

function readResults(file: string): TestResults | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as TestResults;
  } catch {
    return undefined;
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
