// .vscode/launch.json and tasks.json cannot rot silently: the Extension Tests entry is the file the test
// compile writes, every preLaunchTask and dependsOn names a task, every npm task a script, and the esbuild
// problem matcher reads what esbuild prints.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { minimatch } from 'minimatch';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

function readJsonc<T>(relative: string): T {
  const errors: ParseError[] = [];
  const value = parse(fs.readFileSync(path.join(repoRoot, relative), 'utf8'), errors, { allowTrailingComma: true }) as T;
  assert.deepEqual(
    errors.map((e) => `${printParseErrorCode(e.error)} at ${e.offset}`),
    [],
    `${relative} parses`,
  );
  return value;
}

interface LaunchConfig {
  name: string;
  type: string;
  request: string;
  args?: string[];
  outFiles?: string[];
  preLaunchTask?: string;
}
interface Pattern {
  regexp: string;
  severity?: number;
  message?: number;
  file?: number;
  line?: number;
  column?: number;
}
interface ProblemMatcher {
  pattern: Pattern[];
  background?: { activeBegins?: boolean; beginsPattern: string; endsPattern: string };
}
interface Task {
  label: string;
  type?: string;
  script?: string;
  isBackground?: boolean;
  dependsOn?: string[];
  problemMatcher?: ProblemMatcher | string | [];
}

const launch = () => readJsonc<{ configurations: LaunchConfig[] }>('.vscode/launch.json').configurations;
const tasks = () => readJsonc<{ tasks: Task[] }>('.vscode/tasks.json').tasks;
const config = (name: string): LaunchConfig => {
  const found = launch().find((c) => c.name === name);
  assert.ok(found, `launch.json has "${name}"`);
  return found;
};
const task = (label: string): Task => {
  const found = tasks().find((t) => t.label === label);
  assert.ok(found, `tasks.json has "${label}"`);
  return found;
};
const arg = (c: LaunchConfig, flag: string): string | undefined => c.args?.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
const inWorkspace = (value: string) => path.normalize(value.replace('${workspaceFolder}', repoRoot));
/** Whether a file of the repository is covered by a launch configuration's outFiles. */
const coveredBy = (c: LaunchConfig, file: string) => (c.outFiles ?? []).some((glob) => minimatch(file, inWorkspace(glob)));

describe('.vscode launch and task configurations', () => {
  it('Run Extension starts an extension host on this folder, built first, with the bundles as outFiles', () => {
    const run = config('Run Extension');
    assert.equal(run.type, 'extensionHost');
    assert.equal(run.request, 'launch');
    assert.equal(arg(run, '--extensionDevelopmentPath'), '${workspaceFolder}');
    const main = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { main: string }).main;
    assert.ok(coveredBy(run, path.join(repoRoot, main)), `outFiles cover package.json "main" (${main})`);
    assert.equal(task(run.preLaunchTask ?? '').script, 'build');
  });

  it('Extension Tests loads the integration entry where tsconfig.test.json compiles it', () => {
    const tests = config('Extension Tests');
    assert.equal(tests.type, 'extensionHost');
    assert.equal(arg(tests, '--extensionDevelopmentPath'), '${workspaceFolder}');
    const entry = arg(tests, '--extensionTestsPath');
    assert.ok(entry, 'an --extensionTestsPath');
    const compiler = readJsonc<{ compilerOptions: { outDir: string; rootDir: string } }>('tsconfig.test.json').compilerOptions;
    const source = path.join(repoRoot, 'test', 'integration', 'index.ts');
    assert.ok(fs.existsSync(source), 'test/integration/index.ts exists');
    const compiled = path
      .join(repoRoot, compiler.outDir, path.relative(path.join(repoRoot, compiler.rootDir), source))
      .replace(/\.ts$/, '.js');
    assert.equal(inWorkspace(entry), compiled);
    // The unit tests run from that same compile (out/test/unit): the entry is there now.
    assert.ok(fs.existsSync(compiled), `${path.relative(repoRoot, compiled)} is written by npm run build:tests`);
    assert.ok(coveredBy(tests, compiled), 'outFiles cover the compiled tests');
    assert.ok(coveredBy(tests, path.join(repoRoot, 'dist', 'extension.js')), 'outFiles cover the bundles');
    // Its pre-launch task builds the extension and compiles the tests.
    const pre = task(tests.preLaunchTask ?? '');
    assert.deepEqual(
      (pre.dependsOn ?? []).map((label) => task(label).script),
      ['build', 'build:tests'],
    );
  });

  it('every preLaunchTask and dependsOn names a task, every npm task a script of package.json', () => {
    const labels = tasks().map((t) => t.label);
    assert.equal(new Set(labels).size, labels.length, 'task labels are unique');
    for (const c of launch()) if (c.preLaunchTask) assert.ok(labels.includes(c.preLaunchTask), `${c.name}: ${c.preLaunchTask}`);
    const scripts = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
      .scripts;
    for (const t of tasks()) {
      for (const label of t.dependsOn ?? []) assert.ok(labels.includes(label), `${t.label} depends on ${label}`);
      if (t.type === 'npm') assert.ok(t.script && scripts[t.script], `${t.label}: npm run ${t.script}`);
    }
  });

  it("the watch task's problem matcher reads esbuild's watch output and its errors", () => {
    const watch = task('watch');
    assert.equal(watch.script, 'watch');
    assert.equal(watch.isBackground, true);
    const matcher = watch.problemMatcher as ProblemMatcher;
    assert.ok(matcher.background, 'a background matcher');
    // As esbuild 0.2x prints them (scripts/build.mjs, logLevel "info").
    assert.match('[watch] build started (change: "src/core/cadence.ts")', new RegExp(matcher.background.beginsPattern));
    assert.match('[watch] build finished', new RegExp(matcher.background.endsPattern));
    assert.match('[watch] build finished, watching for changes...', new RegExp(matcher.background.endsPattern));
    const lines = ['✘ [ERROR] Could not resolve "./nope"', '', '    src/core/cadence.ts:2:20:'];
    const [message, blank, location] = matcher.pattern.map((p, i) => new RegExp(p.regexp).exec(lines[i] ?? ''));
    assert.ok(message && blank && location, 'the three lines match in turn');
    assert.equal(message[matcher.pattern[0]?.message ?? 0], 'Could not resolve "./nope"');
    assert.equal(message[matcher.pattern[0]?.severity ?? 0], 'ERROR');
    const where = matcher.pattern[2];
    assert.deepEqual(
      [location[where.file ?? 0], location[where.line ?? 0], location[where.column ?? 0]],
      ['src/core/cadence.ts', '2', '20'],
    );
    assert.deepEqual(task('build').problemMatcher && (task('build').problemMatcher as ProblemMatcher).pattern, matcher.pattern);
  });
});
