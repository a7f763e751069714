// Starts and stops a real VS Code (code-server 4.139.1 = VS Code 1.139.1; with ALLIANCES_CODE_SERVER_DIR,
// another one, such as the oldest tested, 4.133.0 = VS Code 1.133) for the integration and UI tests, and
// launches the headless Chromium that drives it. See scripts/setup.sh for the install.
import { execFile, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser } from 'playwright-core';

/** The repository root: the first folder above this file that has a package.json (out/ has none). */
export const repoRoot: string = findRepoRoot(__dirname);

/** code-server needs Node >= 24; setup.sh installs both into the git-ignored .cache/. */
export const node24Path: string = path.join(repoRoot, '.cache', 'node24', 'node_modules', 'node', 'bin', 'node');
/** The code-server install: `.cache/code-server`, or ALLIANCES_CODE_SERVER_DIR (relative to the repository),
 *  e.g. `.cache/code-server-4.133` for the oldest VS Code the manifest claims. */
export const codeServerDir: string = path.resolve(repoRoot, process.env.ALLIANCES_CODE_SERVER_DIR ?? path.join('.cache', 'code-server'));
const codeServerPackage = path.join(codeServerDir, 'node_modules', 'code-server');
export const codeServerEntry: string = path.join(codeServerPackage, 'out', 'node', 'entry.js');

/** How this code-server takes VS Code's enable-smoke-test-driver: 4.139 through `--vscode-option`; 4.133,
 *  whose command line has no such option, as a flag its option table learns from smokeDriverFlag.ts. */
function smokeTestDriverArgs(): { nodeArgs: string[]; flags: string[] } {
  const cli = fs.readFileSync(path.join(codeServerPackage, 'out', 'node', 'cli.js'), 'utf8');
  if (cli.includes('"vscode-option"')) return { nodeArgs: [], flags: ['--vscode-option', 'enable-smoke-test-driver'] };
  return { nodeArgs: ['--require', path.join(__dirname, 'smokeDriverFlag.js')], flags: ['--enable-smoke-test-driver'] };
}

/** The versions of code-server and of the VS Code it bundles, read from their package.json files. */
export function codeServerVersions(): { codeServer: string; vscode: string } {
  const version = (file: string): string => (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  assertInstalled();
  return {
    codeServer: version(path.join(codeServerPackage, 'package.json')),
    vscode: version(path.join(codeServerPackage, 'lib', 'vscode', 'package.json')),
  };
}
export const chromiumPath: string = process.env.ALLIANCES_CHROMIUM ?? '/usr/bin/chromium';

export interface CodeServerOptions {
  /** Folder the server is told about; the page still has to open it with `?folder=`. */
  workspace: string;
  /** Integration tests need it (else the dev/test paths are ignored); UI tests must not (it hides toasts). */
  smokeTestDriver: boolean;
  /** Defaults to a fresh temp folder, removed on stop(); a given folder is left alone. */
  extensionsDir?: string;
  /** Defaults to a fresh temp folder, removed on stop(); a given folder is left alone. */
  userDataDir?: string;
  /** Added to the server's environment; the extension host inherits it. */
  env?: Record<string, string>;
  /** Keep Workspace Trust on, so the folder can be opened in Restricted Mode. */
  workspaceTrust?: boolean;
  /** More code-server flags, e.g. ['--log', 'trace'] to debug the server. */
  extraArgs?: string[];
}

export interface CodeServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  port: number;
  /** host:port, the authority that vscode-remote:// URIs in the payload must use. */
  origin: string;
  logPath: string;
  /** The server's stdout+stderr so far. */
  log(): string;
  /** Ends the server and every helper process of its process group, then deletes logPath and the
   *  temp folders. Safe to call twice. */
  stop(): Promise<void>;
}

const serverFlags = ['--auth', 'none', '--disable-telemetry', '--disable-update-check'];

export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  assertInstalled();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'alliances-cs-'));
  const extensionsDir = opts.extensionsDir ?? path.join(scratch, 'extensions');
  const userDataDir = opts.userDataDir ?? path.join(scratch, 'user-data');
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.mkdirSync(userDataDir, { recursive: true });
  writeDefaultSettings(userDataDir);

  const port = await freePort();
  const origin = `127.0.0.1:${port}`;
  const url = `http://${origin}`;
  const logPath = path.join(scratch, 'code-server.log');
  const logFd = fs.openSync(logPath, 'a');
  // VS Code and its extensions leave sockets (vscode-ipc-*.sock, vscode-git-*.sock) in the temp folder.
  const tmpDir = path.join(scratch, 'tmp');
  fs.mkdirSync(tmpDir);

  const smokeTestDriver = opts.smokeTestDriver ? smokeTestDriverArgs() : { nodeArgs: [], flags: [] };
  const args = [
    ...smokeTestDriver.nodeArgs,
    codeServerEntry,
    ...serverFlags,
    // Workspace Trust is off unless a test is about Restricted Mode.
    ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--bind-addr',
    origin,
    // Otherwise code-server creates ~/.config/code-server/config.yaml (with a password) on first start.
    '--config',
    path.join(scratch, 'config.yaml'),
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    ...smokeTestDriver.flags,
    ...(opts.extraArgs ?? []),
    opts.workspace,
  ];
  // detached: own process group, so stop() can reach the file watcher / pty host / agent host helpers
  // that outlive code-server itself. Output goes straight to a file: no pipe to drain, nothing lost.
  const child = spawn(node24Path, args, {
    cwd: opts.workspace,
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: serverEnv({ TMPDIR: tmpDir, ...opts.env }),
  });
  fs.closeSync(logFd);
  const pgid = child.pid;
  if (pgid === undefined) {
    throw new Error(`could not spawn code-server (${node24Path})`);
  }
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });

  const readLog = (): string => {
    try {
      return fs.readFileSync(logPath, 'utf8');
    } catch {
      return '';
    }
  };
  let stopped: Promise<void> | undefined;
  const server: CodeServer = {
    url,
    port,
    origin,
    logPath,
    log: readLog,
    stop: () => {
      stopped ??= (async () => {
        await killProcessGroup(pgid);
        // Everything of ours lives in scratch (log included: read or copy it before stop()).
        fs.rmSync(scratch, { recursive: true, force: true });
      })();
      return stopped;
    },
  };

  try {
    await waitForHttp(`${url}/healthz`, 30_000, () => exited);
  } catch (err) {
    const log = readLog();
    await server.stop();
    throw new Error(`code-server did not start: ${(err as Error).message}\n${tail(log, 40)}`);
  }
  return server;
}

/** Installs a .vsix the way a user would (`code-server --install-extension`), into the given folders. */
export async function installVsix(vsixPath: string, extensionsDir: string, userDataDir: string): Promise<void> {
  assertInstalled();
  if (!fs.existsSync(vsixPath)) throw new Error(`no .vsix at ${vsixPath}`);
  const args = [
    codeServerEntry,
    '--install-extension',
    path.resolve(vsixPath),
    '--force',
    '--extensions-dir',
    extensionsDir,
    '--user-data-dir',
    userDataDir,
  ];
  await new Promise<void>((resolve, reject) => {
    execFile(node24Path, args, { env: serverEnv(), timeout: 120_000 }, (err, stdout, stderr) => {
      // The exit code alone is not trusted: a refused install can still end with 0.
      if (err || !/successfully installed/i.test(stdout + stderr)) {
        reject(new Error(`installing ${vsixPath} failed: ${err?.message ?? ''}\n${stdout}${stderr}`));
      } else {
        resolve();
      }
    });
  });
}

/** Headless Debian Chromium for Playwright. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    // Our own teardown ends browser and server; Playwright's handlers would kill only the browser and
    // could leave code-server running.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/** Builds a `vscode-remote://host:port/abs/path` URI for the payload; the authority must be the page's. */
export function remoteUri(server: Pick<CodeServer, 'origin'>, absPath: string): string {
  return `vscode-remote://${server.origin}${absPath.split('/').map(encodeURIComponent).join('/')}`;
}

/** The last `lines` lines of a text, for error messages. */
export function tail(text: string, lines: number): string {
  return text
    .split('\n')
    .slice(-lines - 1)
    .join('\n');
}

/** Pids of live (non-zombie) processes in a process group; reads /proc, so Linux only. */
export function processGroupPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after "(comm)": state ppid pgrp ...; comm may contain spaces, so split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid && fields[0] !== 'Z') pids.push(Number(entry));
  }
  return pids;
}

async function killProcessGroup(pgid: number, graceMs = 3_000): Promise<void> {
  signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (processGroupPids(pgid).length > 0 && Date.now() < deadline) await sleep(100);
  if (processGroupPids(pgid).length > 0) {
    signalGroup(pgid, 'SIGKILL');
    const hardDeadline = Date.now() + 2_000;
    while (processGroupPids(pgid).length > 0 && Date.now() < hardDeadline) await sleep(50);
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    /* group already gone */
  }
}

function serverEnv(extra?: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // Node 24 first: code-server and whatever it spawns by name must not fall back to the system Node 20.
    PATH: `${path.dirname(node24Path)}${path.delimiter}${process.env.PATH ?? ''}`,
    // No marketplace here; an empty gallery stops the workbench from trying to reach it.
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
}

/** Quiet, stable defaults so tests and screenshots don't depend on welcome pages or AI features. */
function writeDefaultSettings(userDataDir: string): void {
  const file = path.join(userDataDir, 'User', 'settings.json');
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'git.openRepositoryInParentFolders': 'never',
        'telemetry.telemetryLevel': 'off',
        // With its slide animation on, the Welcome page focuses a selected walkthrough step 250 ms later
        // (setTimeout in selectStep): a quick input opened meanwhile loses the focus and closes, and the
        // next key goes to the page (Escape there is Welcome: Go Back). Without it the focus moves at once.
        'workbench.welcomePage.preferReducedMotion': true,
      },
      null,
      2,
    ),
  );
}

function assertInstalled(): void {
  for (const file of [node24Path, codeServerEntry]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run setup\` first`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number, gaveUp: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (gaveUp()) throw new Error('the server process exited');
    const status = await new Promise<number>((resolve) => {
      const req = http.get(url, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.setTimeout(2_000, () => req.destroy());
      req.on('error', () => resolve(0));
    });
    if (status > 0 && status < 500) return;
    if (Date.now() > deadline) throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
    await sleep(100);
  }
}

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
