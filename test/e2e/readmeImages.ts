// The README's pictures (docs/images/) come from one place: readmeImages.test.ts, on the clean demo
// workspace (test/fixtures/demoStore.ts, what `npm start` shows), with nothing passing over the screen.
// Every other UI test, the hostile-text ones above all, saves its screenshots in test-results/ only.
// This module has no browser in it, so the unit tests can check the guard (test/unit/readmeImages.test.ts).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEMO_PARTNERS } from '../fixtures/demoStore';
import { HOSTILE_PAYLOADS } from '../fixtures/hostilePayloads';

/** The pictures README.md shows, by file name in docs/images/ (without .png). */
export const README_IMAGES = [
  'sidebar',
  'reminder',
  'partner-page',
  'dashboard',
  'ecosystem-map',
  'walkthrough',
  'installed-extension',
] as const;
export type ReadmeImage = (typeof README_IMAGES)[number];

/** Text no demo record holds but hostile ones do: markup, script and command links. */
const SUSPECT = /<\s*[a-z/!?]|javascript:|command:|alert\(|on(error|load)=|\{\{/i;

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => fs.statSync(file).isFile());
}

/**
 * Throws unless `workspace` is the demo workspace as createDemoWorkspace made it: its store holds the
 * demo's partners and no other, no record holds markup or hostile text, and nothing in the store differs
 * from the demo's one commit.
 */
export function assertCleanDemoWorkspace(workspace: string): void {
  const refuse = (why: string): never => {
    throw new Error(`README images are taken only from the clean demo workspace (test/fixtures/demoStore.ts): ${workspace} ${why}`);
  };
  const store = path.join(workspace, '.alliances');
  if (!fs.existsSync(path.join(store, 'partners'))) refuse('has no demo store');
  const names = fs
    .readdirSync(path.join(store, 'partners'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => (JSON.parse(fs.readFileSync(path.join(store, 'partners', name), 'utf8')) as { name?: unknown }).name)
    .sort();
  const demoNames = DEMO_PARTNERS.map((partner) => partner.name).sort();
  if (JSON.stringify(names) !== JSON.stringify(demoNames)) refuse(`has other partners than the demo's: ${JSON.stringify(names)}`);
  for (const file of filesUnder(store)) {
    const text = fs.readFileSync(file, 'utf8');
    const hostile = HOSTILE_PAYLOADS.find((payload) => text.includes(payload.text));
    if (hostile) refuse(`holds hostile text (${hostile.name}) in ${path.relative(workspace, file)}`);
    const suspect = SUSPECT.exec(text);
    if (suspect) refuse(`holds ${JSON.stringify(suspect[0])} in ${path.relative(workspace, file)}`);
  }
  let changes: string;
  try {
    changes = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', '.alliances'], {
      cwd: workspace,
      encoding: 'utf8',
    });
  } catch (err) {
    return refuse(`is not the demo's repository (${(err as Error).message.split('\n')[0]})`);
  }
  if (changes.trim()) refuse(`has store changes since the demo's commit:\n${changes}`);
}

/** Where README image `name` goes: docs/images/<name>.png under `repoRoot`. */
export function readmeImagePath(repoRoot: string, name: ReadmeImage): string {
  if (!README_IMAGES.includes(name)) throw new Error(`${String(name)} is not one of the README images`);
  return path.join(repoRoot, 'docs', 'images', `${name}.png`);
}
