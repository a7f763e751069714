// The CI recipes in docs/ci/ use only real CLI commands, and decide on its exit codes: every
// `alliances …` command line in them is one the CLI accepts, and the weekly digest's "Who is due" step,
// run with bash as GitHub Actions runs it, posts exactly when `alliances due` exits 1 and fails the job on
// a usage or store error.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCli } from '../../src/cli/cliArgs';
import { EXIT } from '../../src/cli/main';
import { createDemoWorkspace } from '../fixtures/demoStore';
import { makeStore, makeTempDir, removeTempDir } from './helpers';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const ciDir = path.join(repoRoot, 'docs', 'ci');
const recipes = fs
  .readdirSync(ciDir)
  .filter((name) => name.endsWith('.yml'))
  .map((name) => ({ name, text: fs.readFileSync(path.join(ciDir, name), 'utf8') }));

/** The shell scripts of a workflow: every `run: …` line and `run: |` block, dedented. */
function runScripts(workflow: string): string[] {
  const lines = workflow.split('\n');
  const scripts: string[] = [];
  lines.forEach((line, at) => {
    const inline = /^\s*(?:- )?run: (?!\|$)(.+)$/.exec(line);
    if (inline) scripts.push(inline[1] ?? '');
    else if (/^\s*(?:- )?run: \|$/.test(line)) scripts.push(blockAfter(lines, at));
  });
  return scripts;
}

/** The lines of the block scalar that starts after line `at`, dedented. */
function blockAfter(lines: string[], at: number): string {
  const keyIndent = (lines[at] ?? '').search(/\S/);
  const block: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (line.trim() !== '' && line.search(/\S/) <= keyIndent) break;
    block.push(line);
  }
  const indent = Math.min(...block.filter((line) => line.trim()).map((line) => line.search(/\S/)));
  return block.map((line) => line.slice(indent)).join('\n');
}

/** The arguments of every `alliances …` command in a workflow's scripts (shell comments left out). */
function cliCommands(workflow: string): string[][] {
  return runScripts(workflow)
    .flatMap((script) => script.split('\n'))
    .filter((line) => !line.trim().startsWith('#'))
    .flatMap((line) => [...line.matchAll(/(?:^|[\s;&|(])alliances\s+([^\n]*)/g)].map((m) => m[1] ?? ''))
    .map((rest) =>
      // Up to the first redirection, pipe or list operator; quotes around a word dropped.
      (rest.split(/\s(?:[0-9]?>|\||&&|;)/)[0] ?? '')
        .trim()
        .split(/\s+/)
        .map((word) => word.replace(/^(['"])(.*)\1$/, '$2')),
    );
}

/** The `run: |` block of the step with the given id, dedented. */
function stepScript(workflow: string, id: string): string {
  const lines = workflow.split('\n');
  const at = lines.findIndex((line) => line.trim() === `id: ${id}`);
  assert.ok(at >= 0, `a step with id: ${id}`);
  const runAt = lines.findIndex((line, i) => i > at && /^\s*run: \|$/.test(line));
  assert.ok(runAt > at, `step ${id} has a run: | block`);
  return blockAfter(lines, runAt);
}

describe('CI recipes (docs/ci)', function () {
  this.timeout(60_000);

  it('has the weekly digest recipe', () => {
    assert.ok(
      recipes.some((r) => r.name === 'weekly-digest.yml'),
      recipes.map((r) => r.name).join(', '),
    );
  });

  for (const { name, text } of recipes) {
    it(`${name}: every alliances command is one the CLI accepts, verb and options`, () => {
      const commands = cliCommands(text);
      assert.ok(commands.length > 0, 'runs the CLI');
      for (const args of commands) {
        assert.doesNotThrow(() => parseCli(args), `alliances ${args.join(' ')}`);
        assert.notEqual(parseCli(args), 'help', `alliances ${args.join(' ')} does more than print the help`);
      }
    });

    it(`${name}: uses tabs nowhere (YAML forbids them for indentation)`, () => {
      assert.doesNotMatch(text, /\t/);
    });
  }

  describe('weekly-digest.yml: the "Who is due" step, run with bash', () => {
    const workflow = recipes.find((r) => r.name === 'weekly-digest.yml')?.text ?? '';
    let dir: string | undefined;
    let bin: string;
    before(async () => {
      execFileSync(process.execPath, ['scripts/build.mjs', '--only=cli'], { cwd: repoRoot, stdio: 'ignore' });
      dir = await makeTempDir('alliances-ci-');
      // `alliances` on PATH, as `npm link` leaves it in the recipe.
      bin = path.join(dir, 'bin');
      fs.mkdirSync(bin);
      const shim = path.join(bin, 'alliances');
      fs.writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${path.join(repoRoot, 'dist', 'cli.js')}" "$@"\n`);
      fs.chmodSync(shim, 0o755);
    });
    after(async () => removeTempDir(dir));

    /** Runs the step in `checkout` as GitHub Actions does (`bash --noprofile --norc -eo pipefail`). */
    const runStep = (checkout: string): { code: number | null; outputs: string; digest: string } => {
      const script = path.join(dir!, 'step.sh');
      fs.writeFileSync(script, stepScript(workflow, 'due'));
      const outputs = path.join(dir!, `outputs-${path.basename(checkout)}`);
      fs.writeFileSync(outputs, '');
      const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
        cwd: checkout,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, GITHUB_OUTPUT: outputs },
      });
      const digestFile = path.join(checkout, 'digest.txt');
      return {
        code: result.status,
        outputs: fs.readFileSync(outputs, 'utf8'),
        digest: fs.existsSync(digestFile) ? fs.readFileSync(digestFile, 'utf8') : '',
      };
    };

    it('posts when someone is due (the demo store: exit 1)', async () => {
      const checkout = path.join(dir!, 'demo');
      await createDemoWorkspace(checkout);
      const step = runStep(checkout);
      assert.equal(step.code, 0, 'the step succeeds');
      assert.equal(step.outputs, 'post=true\n');
      assert.match(step.digest, /^Alliances digest for \d{4}-\d{2}-\d{2}\n\nDue for a check-in \(\d+\):/);
      assert.match(workflow, /if: steps\.due\.outputs\.post == 'true'/);
      assert.match(workflow, /--body-file digest\.txt/);
    });

    it('posts nothing when nobody is due and nothing is overdue (exit 0)', async () => {
      const checkout = path.join(dir!, 'calm');
      const store = makeStore(path.join(checkout, '.alliances'), { now: () => new Date() });
      await store.load();
      const partner = await store.addPartner({ name: 'Grace Hopper', department: 'Research', cadenceDays: 30 });
      await store.addCheckIn({ partnerId: partner.value.id, kind: 'one-on-one', summary: 'Compilers', date: new Date() });
      const step = runStep(checkout);
      assert.equal(step.code, 0);
      assert.equal(step.outputs, 'post=false\n');
      assert.match(step.digest, /Nobody is due for a check-in\./);
    });

    it('fails the job, posting nothing, when there is no store at --store (exit 3)', () => {
      const checkout = path.join(dir!, 'empty');
      fs.mkdirSync(checkout);
      const step = runStep(checkout);
      assert.equal(step.code, EXIT.noStore);
      assert.equal(step.outputs, '');
    });
  });

  describe('pull-request-impact.yml: the "Who does this change affect" step, run with bash', () => {
    const workflow = recipes.find((r) => r.name === 'pull-request-impact.yml')?.text ?? '';
    let dir: string | undefined;
    let bin: string;
    let demo: string;
    before(async () => {
      execFileSync(process.execPath, ['scripts/build.mjs', '--only=cli'], { cwd: repoRoot, stdio: 'ignore' });
      dir = await makeTempDir('alliances-ci-impact-');
      bin = path.join(dir, 'bin');
      fs.mkdirSync(bin);
      const shim = path.join(bin, 'alliances');
      fs.writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${path.join(repoRoot, 'dist', 'cli.js')}" "$@"\n`);
      fs.chmodSync(shim, 0o755);
      // The demo workspace sits on a branch off main that touches Kwame's code area; as actions/checkout
      // leaves it, the target branch is origin/<base>.
      demo = path.join(dir, 'demo');
      await createDemoWorkspace(demo);
      execFileSync('git', ['update-ref', 'refs/remotes/origin/main', 'main'], { cwd: demo });
    });
    after(async () => removeTempDir(dir));

    const runStep = (env: Record<string, string>): { code: number | null; outputs: string; comment: string } => {
      const script = path.join(dir!, 'impact.sh');
      fs.writeFileSync(script, stepScript(workflow, 'impact'));
      const outputs = path.join(dir!, 'outputs');
      fs.writeFileSync(outputs, '');
      const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
        cwd: demo,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, GITHUB_OUTPUT: outputs, ...env },
      });
      const file = path.join(demo, 'impact.md');
      const comment = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      if (fs.existsSync(file)) fs.rmSync(file);
      return { code: result.status, outputs: fs.readFileSync(outputs, 'utf8'), comment };
    };
    const head = () => execFileSync('git', ['rev-parse', 'HEAD'], { cwd: demo, encoding: 'utf8' }).trim();

    it('comments, and flags high influence, when a high-influence person was not consulted (exit 4)', () => {
      const step = runStep({ BASE_REF: 'main', HEAD_SHA: head() });
      assert.equal(step.code, 0, 'the step succeeds');
      assert.equal(step.outputs, 'comment=true\nhigh=true\n');
      assert.match(step.comment, /^<!-- alliances:impact -->\n### Who this change affects\n/);
      assert.match(step.comment, /\*\*Not consulted yet, of high influence:\*\* Dana Whitfield, Kwame Mensah\./);
      assert.match(workflow, /if: steps\.impact\.outputs\.comment == 'true'/);
      assert.match(workflow, /--body-file impact\.md/);
      assert.match(workflow, /if: steps\.impact\.outputs\.high == 'true' && vars\.ALLIANCES_BLOCK_ON_HIGH_INFLUENCE == 'true'/);
      assert.match(workflow, /fetch-depth: 0/);
    });

    it('comments nothing when the change touches nobody (exit 0)', () => {
      const step = runStep({ BASE_REF: 'main', HEAD_SHA: 'main' });
      assert.equal(step.code, 0);
      assert.equal(step.outputs, 'comment=false\nhigh=false\n');
    });

    it('fails the job, commenting nothing, on a target branch that does not exist (exit 2)', () => {
      const step = runStep({ BASE_REF: 'no-such-branch', HEAD_SHA: head() });
      assert.equal(step.code, EXIT.usage);
      assert.equal(step.outputs, '');
      assert.equal(step.comment, '');
    });
  });
});
