// Shared helpers for the unit tests: real temporary folders, real git, a controllable clock and a small
// fault-injecting FileSystemPort. Not a test file itself (mocha only runs *.test.js).
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fsp, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FileSystemPort } from '../../src/core/fileSystem';
import { newId } from '../../src/core/ids';
import type { Author } from '../../src/core/model';
import { nodeFileSystem } from '../../src/core/nodeFileSystem';
import { Store, StoreWriteError, type StoreOptions, type StoreWriteErrorCode } from '../../src/core/store';

export const ADA: Author = { name: 'Ada Lovelace', email: 'ada@example.com' };
export const BOB: Author = { name: 'Bob Builder', email: 'bob@example.com' };

/** A fresh folder under the OS temp folder; remove it with removeTempDir in an after hook. */
export async function makeTempDir(prefix = 'alliances-unit-'): Promise<string> {
  // realpath: macOS /var → /private/var would otherwise make path comparisons flaky.
  return fsp.realpath(await fsp.mkdtemp(path.join(os.tmpdir(), prefix)));
}

export async function removeTempDir(dir: string | undefined): Promise<void> {
  if (dir) await fsp.rm(dir, { recursive: true, force: true });
}

/** A clock the tests move by hand, so createdAt/updatedAt and due dates are predictable. */
export class Clock {
  constructor(public current: Date) {}
  readonly now = (): Date => this.current;
  set(date: Date): void {
    this.current = date;
  }
  advanceMs(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** A store folder for each test: a new temporary folder (removed after), its `.alliances` root and a clock at `start`. */
export function eachTestInTempStore(start: Date, use: (fixture: { dir: string; root: string; clock: Clock }) => void): void {
  let dir: string | undefined;
  beforeEach(async () => {
    dir = await makeTempDir();
    use({ dir, root: path.join(dir, '.alliances'), clock: new Clock(start) });
  });
  afterEach(async () => removeTempDir(dir));
}

export function makeStore(root: string, options: Partial<StoreOptions> = {}): Store {
  return new Store({
    root,
    fs: nodeFileSystem,
    author: () => Promise.resolve(ADA),
    now: () => new Date(2026, 10, 21, 9, 30),
    ...options,
  });
}

/** Every file below `dir`, as sorted /-separated relative paths. */
export async function listFiles(dir: string): Promise<string[]> {
  const result: string[] = [];
  async function walk(current: string): Promise<void> {
    let entries;
    try {
      entries = await fsp.readdir(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else result.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  }
  await walk(dir);
  return result.sort();
}

/** Leftover temporary files of an atomic write (".<name>.<hex>.tmp"). */
export async function tempFiles(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter((file) => file.endsWith('.tmp'));
}

/** A valid partner record as a plain object; `extra` overrides or adds fields. */
export function partnerRecord(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id,
    name: 'Grace Hopper',
    department: 'Product',
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    author: { name: 'Ada Lovelace' },
    ...extra,
  };
}

export function checkInRecord(id: string, partnerId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id,
    partnerId,
    date: '2026-11-10T10:00:00.000Z',
    kind: 'one-on-one',
    summary: 'Talked roadmap',
    createdAt: '2026-11-10T10:00:00.000Z',
    updatedAt: '2026-11-10T10:00:00.000Z',
    author: { name: 'Ada Lovelace' },
    ...extra,
  };
}

export function pretty(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Writes a file (creating its folder) and returns the absolute path. */
export async function writeFile(root: string, relative: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(root, ...relative.split('/'));
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await fsp.writeFile(file, content);
  return file;
}

export { newId };

/** Asserts that a promise rejects with a StoreWriteError whose code is one of `codes`. */
export async function rejectsWithCode(
  promise: Promise<unknown>,
  codes: StoreWriteErrorCode | StoreWriteErrorCode[],
): Promise<StoreWriteError> {
  const wanted = Array.isArray(codes) ? codes : [codes];
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  assert.ok(caught !== undefined, `expected a StoreWriteError (${wanted.join(' or ')}), but the write succeeded`);
  assert.ok(
    caught instanceof StoreWriteError,
    `expected a StoreWriteError, got ${caught instanceof Error ? caught.message : JSON.stringify(caught)}`,
  );
  assert.ok(wanted.includes(caught.code), `expected code ${wanted.join(' or ')}, got ${caught.code}: ${caught.message}`);
  return caught;
}

// ---- fault injection -----------------------------------------------------------------------------

export interface FaultHooks {
  /** Called before the real operation; throw to make it fail. */
  readFile?: (file: string) => void | Promise<void>;
  writeNewFile?: (file: string, data: Uint8Array) => void | Promise<void>;
  rename?: (from: string, to: string) => void | Promise<void>;
  unlink?: (file: string) => void | Promise<void>;
  mkdir?: (dir: string) => void | Promise<void>;
}

export interface RecordingPort extends FileSystemPort {
  hooks: FaultHooks;
  calls: { op: string; args: string[] }[];
}

/** nodeFileSystem with hooks that can fail or slow an operation, and a log of the calls made. */
export function faultPort(hooks: FaultHooks = {}): RecordingPort {
  const port: RecordingPort = {
    hooks,
    calls: [],
    async readFile(file) {
      port.calls.push({ op: 'readFile', args: [file] });
      await port.hooks.readFile?.(file);
      return nodeFileSystem.readFile(file);
    },
    async writeNewFile(file, data) {
      port.calls.push({ op: 'writeNewFile', args: [file] });
      await port.hooks.writeNewFile?.(file, data);
      return nodeFileSystem.writeNewFile(file, data);
    },
    async rename(from, to) {
      port.calls.push({ op: 'rename', args: [from, to] });
      await port.hooks.rename?.(from, to);
      return nodeFileSystem.rename(from, to);
    },
    async unlink(file) {
      port.calls.push({ op: 'unlink', args: [file] });
      await port.hooks.unlink?.(file);
      return nodeFileSystem.unlink(file);
    },
    async mkdir(dir) {
      port.calls.push({ op: 'mkdir', args: [dir] });
      await port.hooks.mkdir?.(dir);
      return nodeFileSystem.mkdir(dir);
    },
    lstat(file) {
      return nodeFileSystem.lstat(file);
    },
    realpath(file) {
      return nodeFileSystem.realpath(file);
    },
    readdir(dir) {
      return nodeFileSystem.readdir(dir);
    },
    exists(file) {
      return nodeFileSystem.exists(file);
    },
  };
  return port;
}

export function errnoError(code: string, message = code): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: ${message}`);
  error.code = code;
  return error;
}

// ---- real git, isolated from the machine's configuration ----------------------------------------

/**
 * An environment for git child processes where only the test's own config counts: HOME and the global
 * config point into a temp folder, system config is off, and repository discovery stops at the temp root.
 * The global config is $HOME/.gitconfig on purpose: simple-git 4 strips GIT_* variables (its environment
 * guard) before it runs git, so for readGitIdentity only HOME isolates the global config.
 */
export function isolatedGitEnv(home: string): NodeJS.ProcessEnv {
  const globalConfig = path.join(home, '.gitconfig');
  writeFileSync(globalConfig, '', { flag: 'a' });
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('GIT_')) delete env[key];
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    GIT_CONFIG_GLOBAL: globalConfig,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CEILING_DIRECTORIES: path.dirname(home),
    GIT_TERMINAL_PROMPT: '0',
  };
}

export function git(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs git without throwing on a non-zero exit, for commands whose exit code is the point. */
export function gitRun(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A new repository on branch main with a local identity. */
export function initRepo(dir: string, env: NodeJS.ProcessEnv, identity: Author = ADA): void {
  git(dir, env, 'init', '-q', '-b', 'main');
  git(dir, env, 'config', 'user.name', identity.name);
  git(dir, env, 'config', 'user.email', identity.email ?? 'nobody@example.com');
  git(dir, env, 'config', 'commit.gpgsign', 'false');
}

/** The markers git leaves in .git during an operation that needs the person: file or folder, and the refusal's start. */
export const GIT_OPERATION_MARKERS = [
  ['MERGE_HEAD', /^A merge /, false],
  ['REBASE_HEAD', /^A rebase /, false],
  ['rebase-merge', /^A rebase /, true],
  ['rebase-apply', /^A rebase \(or git am\) /, true],
  ['CHERRY_PICK_HEAD', /^A cherry-pick /, false],
  ['REVERT_HEAD', /^A revert /, false],
] as const;

/** A temporary folder holding `repo` (a new repository on main) and an isolated git home. */
export async function makeTempRepo(prefix: string): Promise<{ dir: string; repo: string; env: NodeJS.ProcessEnv }> {
  const dir = await makeTempDir(prefix);
  const repo = path.join(dir, 'repo');
  await fsp.mkdir(repo);
  await fsp.mkdir(path.join(dir, 'home'));
  const env = isolatedGitEnv(path.join(dir, 'home'));
  initRepo(repo, env);
  return { dir, repo, env };
}

/**
 * Commits everything, then makes branch `other` and main change plan.txt differently, so that
 * `git merge other` stops on a conflict. Leaves main checked out.
 */
export async function prepareConflictingBranches(repo: string, env: NodeJS.ProcessEnv): Promise<void> {
  await fsp.writeFile(path.join(repo, 'plan.txt'), 'base\n');
  git(repo, env, 'add', '-A');
  git(repo, env, 'commit', '-q', '-m', 'base');
  git(repo, env, 'checkout', '-q', '-b', 'other');
  await fsp.writeFile(path.join(repo, 'plan.txt'), 'theirs\n');
  git(repo, env, 'commit', '-q', '-am', 'theirs');
  git(repo, env, 'checkout', '-q', 'main');
  await fsp.writeFile(path.join(repo, 'plan.txt'), 'ours\n');
  git(repo, env, 'commit', '-q', '-am', 'ours');
}

/** Runs `fn` with process.env changed, restoring every touched variable afterwards. */
export async function withEnv<T>(changes: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = new Map<string, string | undefined>();
  for (const [key, value] of Object.entries(changes)) {
    saved.set(key, process.env[key]);
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  try {
    return await fn();
  } finally {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** A real repository for a merge test: its store root, a clock, a store as one teammate, and "commit everything". */
export interface MergeRepo {
  repo: string;
  env: NodeJS.ProcessEnv;
  root: string;
  clock: Clock;
  storeAs: (author: Author) => Store;
  commitAll: (message: string) => void;
  git: (...args: string[]) => string;
}

/**
 * For each test: a new repository on `main` (isolated git home, identity Ada), removed after. The tests
 * that prove two branches adding records merge without conflicts all start here.
 */
export function eachTestInMergeRepo(start: Date, use: (fixture: MergeRepo) => void): void {
  let home: string | undefined;
  let repo: string | undefined;
  beforeEach(async () => {
    home = await makeTempDir('alliances-git-home-');
    const dir = await makeTempDir('alliances-repo-');
    repo = dir;
    const env = isolatedGitEnv(home);
    initRepo(dir, env);
    const root = path.join(dir, '.alliances');
    const clock = new Clock(start);
    use({
      repo: dir,
      env,
      root,
      clock,
      storeAs: (author) => makeStore(root, { now: clock.now, author: () => Promise.resolve(author) }),
      commitAll: (message) => {
        git(dir, env, 'add', '-A');
        git(dir, env, 'commit', '-q', '-m', message);
      },
      git: (...args) => git(dir, env, ...args),
    });
  });
  afterEach(async () => {
    await removeTempDir(repo);
    await removeTempDir(home);
  });
}
