// `npx alliances due | report | search | impact | brief | mcp`: the store's digest on the command line, for a weekly post from CI.
// Reads the store through src/core (and git through src/git, for impact) and never writes to either.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { computeDigest, formatDigest, needsAttention } from '../core/digest';
import { partnerReport, storeReport } from '../core/markdownReport';
import { nodeFileSystem } from '../core/nodeFileSystem';
import { MANIFEST_FILE } from '../core/storeLayout';
import { Store } from '../core/store';
import { parseCli, USAGE, UsageError, type CliOptions } from './cliArgs';
import { serveMcp } from './mcpServer';
import { runImpact } from './impact';
import { runBrief } from './brief';
import { runSearch } from './search';

/** package.json's version, set by the build (scripts/build.mjs). */
declare const ALLIANCES_VERSION: string | undefined;

export const EXIT = { ok: 0, due: 1, usage: 2, noStore: 3, highInfluence: 4 } as const;

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** `--store` may name the store itself or a folder that holds `.alliances`. */
function storeRoot(option: string | undefined, cwd: string): string {
  const given = path.resolve(cwd, option ?? '.alliances');
  if (option !== undefined && !existsSync(path.join(given, MANIFEST_FILE)) && existsSync(path.join(given, '.alliances')))
    return path.join(given, '.alliances');
  return given;
}

export async function runCli(argv: string[], cwd: string, io: Output): Promise<number> {
  let options: CliOptions | 'help';
  try {
    options = parseCli(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`alliances: ${error.message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (options === 'help') {
    io.out(USAGE);
    return EXIT.ok;
  }
  const root = storeRoot(options.store, cwd);
  if (options.command === 'mcp') {
    if (!existsSync(path.join(root, MANIFEST_FILE))) {
      io.err(`alliances: no store at ${root} (run "Alliances: Initialize Store" in VS Code, or pass --store).\n`);
      return EXIT.noStore;
    }
    return serveMcp(
      {
        root,
        allowWrites: options.allowWrites,
        includePrivate: options.includePrivate,
        defaultCadenceDays: options.cadence,
        siloDays: options.siloDays,
        ...(options.today ? { today: options.today } : {}),
        log: io.err,
      },
      typeof ALLIANCES_VERSION === 'string' ? ALLIANCES_VERSION : '0.0.0',
    );
  }
  // --today is "now" for the store too: a check-in more than a day after it is not counted.
  const today = options.today;
  const store = new Store({
    root,
    fs: nodeFileSystem,
    author: () => Promise.resolve({ name: 'alliances cli' }),
    ...(today ? { now: () => today } : {}),
  });
  await store.load();
  if (!store.exists) {
    io.err(`alliances: no store at ${root} (run "Alliances: Initialize Store" in VS Code, or pass --store).\n`);
    return EXIT.noStore;
  }
  for (const problem of store.problems())
    io.err(`alliances: warning: ${problem.relativePath}:${problem.location.line}: ${problem.reason}\n`);
  const digestOptions = {
    now: options.today ?? new Date(),
    defaultCadenceDays: options.cadence,
    siloDays: options.siloDays,
    includePrivate: options.includePrivate,
  };
  if (options.command === 'search') {
    const result = runSearch(store, options.query ?? '', { json: options.json, includePrivate: options.includePrivate });
    if (result.err) io.err(result.err);
    if (result.out) io.out(result.out);
    return result.code;
  }
  if (options.command === 'impact') {
    const result = await runImpact(store, path.dirname(root), {
      base: options.base,
      head: options.head ?? 'HEAD',
      json: options.json,
      includePrivate: options.includePrivate,
      defaultCadenceDays: options.cadence,
      siloDays: options.siloDays,
      now: options.today ?? new Date(),
    });
    if (result.err) io.err(result.err);
    if (result.out) io.out(result.out);
    return result.code;
  }
  if (options.command === 'brief') {
    const result = runBrief(store, options.query ?? '', {
      json: options.json,
      includePrivate: options.includePrivate,
      now: digestOptions.now,
      defaultCadenceDays: options.cadence,
      siloDays: options.siloDays,
    });
    if (result.err) io.err(result.err);
    if (result.out) io.out(result.out);
    return result.code;
  }
  if (options.command === 'report') {
    if (options.partner === undefined) {
      io.out(storeReport(store, digestOptions));
      return EXIT.ok;
    }
    const wanted = options.partner.toLocaleLowerCase();
    const matches = store.partners().filter(({ value }) => value.id === options.partner || value.name.toLocaleLowerCase() === wanted);
    const [match] = matches;
    if (!match || matches.length > 1) {
      io.err(
        `alliances: ${matches.length > 1 ? `${matches.length} partners are called "${options.partner}"; pass the id` : `no partner "${options.partner}"`}.\n`,
      );
      return EXIT.usage;
    }
    io.out(partnerReport(store, match.value.id, digestOptions));
    return EXIT.ok;
  }
  const digest = computeDigest(store, digestOptions);
  io.out(options.json ? `${JSON.stringify(digest, null, 2)}\n` : formatDigest(digest));
  return needsAttention(digest) ? EXIT.due : EXIT.ok;
}

if (require.main === module) {
  runCli(process.argv.slice(2), process.cwd(), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`alliances: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT.noStore;
    },
  );
}
