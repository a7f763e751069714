// Test entry loaded by the extension host (extensionTestsPath). Same shape for code-server
// (test/harness/runIntegration.ts) and for @vscode/test-electron on a desktop.
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';

export interface TestResults {
  passes: number;
  failures: number;
  pending: number;
  /** Tests planned after grep filtering. */
  total: number;
  /** Set when the suites could not even be loaded. */
  error?: string;
}

export async function run(): Promise<void> {
  const grep = process.env.ALLIANCES_TEST_GREP;
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 20_000,
    ...(grep ? { grep } : {}),
  });
  // The multi-root, locale and restricted suites need their own window (two folders; another display
  // language; an untrusted folder): see runIntegration. Each run takes the files of its suite's folder, the default run every other file.
  const folders: Record<string, string> = { 'multi-root': 'multiRoot', locale: 'locale', restricted: 'restricted' };
  const own = folders[process.env.ALLIANCES_SUITE ?? ''];
  for (const file of findTests(__dirname)) {
    const suite = Object.values(folders).find((folder) => file.includes(`${path.sep}${folder}${path.sep}`));
    if (suite === own) mocha.addFile(file);
  }
  markReporterOutput(process.env.ALLIANCES_TEST_OUTPUT_MARKER);

  let results: TestResults;
  try {
    results = await new Promise<TestResults>((resolve) => {
      // run() loads the files with require(), which the extension host patches to provide `vscode`.
      const runner = mocha.run(() => {
        const stats = runner.stats;
        resolve({
          passes: stats?.passes ?? 0,
          failures: stats?.failures ?? 0,
          pending: stats?.pending ?? 0,
          total: runner.total,
        });
      });
    });
  } catch (err) {
    // A test file that throws while loading never reaches the runner.
    results = { passes: 0, failures: 1, pending: 0, total: 0, error: String((err as Error)?.stack ?? err) };
    console.error(results.error);
  }

  // The extension host's exit code can't be trusted (a crash still reports 0), so the harness reads this.
  const resultsFile = process.env.ALLIANCES_TEST_RESULTS;
  if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));

  if (results.failures > 0) throw new Error(`${results.failures} integration test(s) failed`);
}

/**
 * In code-server, extension host console output reaches the harness mixed with the workbench's own log
 * lines, unlabelled; a marker on mocha's lines lets the harness show just those. No-op on a desktop.
 */
function markReporterOutput(marker: string | undefined): void {
  if (!marker) return;
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  base.consoleLog = (...args: unknown[]) => console.log(marker + util.format(...args));
}

/** Every *.test.js below `dir`, sorted so runs are repeatable. */
function findTests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTests(full));
    else if (entry.isFile() && entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}
