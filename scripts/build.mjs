// Bundles the extension (CommonJS, `vscode` external) and the lazily loaded git adapter with esbuild.
import { chmodSync, readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import shellCommands from './shellCommands.cjs';

const { shellCommandIds } = shellCommands;

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
/** `--only=cli` builds one bundle (the CLI tests build the bundle they run). */
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
/** The commands the activation shell registers (scripts/shellCommands.cjs says which and why). */
const commandIds = shellCommandIds(manifest.contributes, JSON.parse(readFileSync('package.nls.json', 'utf8')));

/** Keeps `require('./git.js')`, `./dashboard.js`, `./interop.js`, `./partnerPage.js`, `./map.js`, `./initiativePage.js`, `./lmTools.js`, `./search.js`, `./flows.js`, `./calendar.js`, `./impact.js`, `./brief.js` and `./main.js` as run-time requires of the sibling bundles. */
const lazyBundles = {
  name: 'lazy-bundles',
  setup(build) {
    build.onResolve(
      { filter: /^\.\/(git|dashboard|interop|partnerPage|map|initiativePage|lmTools|search|flows|calendar|impact|brief|main)\.js$/ },
      (args) => ({
        path: args.path,
        external: true,
      }),
    );
  },
};

/**
 * One shared `vscode` module: left alone, esbuild wraps require("vscode") in __toESM in every file that
 * imports it, copying the whole API object each time (measured: a third of activation).
 */
const vscodeFacade = {
  name: 'vscode-facade',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-facade' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-facade' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-facade' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'info',
  metafile: true,
  legalComments: 'none',
  // jsonc-parser's UMD build hides its requires from bundlers; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
};

/** One browser bundle per webview (script + stylesheet), loaded under a strict CSP: no eval, no inline code. */
const webview = {
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'chrome114',
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'info',
  metafile: true,
  legalComments: 'none',
};

const options = [
  // The activation shell (package.json "main") and, loaded right after activation, everything else.
  {
    ...common,
    entryPoints: ['src/extension/shell.ts'],
    outfile: 'dist/extension.js',
    plugins: [lazyBundles],
    define: { ALLIANCES_COMMAND_IDS: JSON.stringify(commandIds) },
  },
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/main.js', plugins: [lazyBundles, vscodeFacade] },
  { ...common, entryPoints: ['src/extension/dashboard/index.ts'], outfile: 'dist/dashboard.js', plugins: [vscodeFacade] },
  { ...common, entryPoints: ['src/extension/map/index.ts'], outfile: 'dist/map.js', plugins: [vscodeFacade] },
  { ...common, entryPoints: ['src/extension/initiativePage/index.ts'], outfile: 'dist/initiativePage.js', plugins: [vscodeFacade] },
  { ...common, entryPoints: ['src/extension/interop/index.ts'], outfile: 'dist/interop.js', plugins: [lazyBundles, vscodeFacade] },
  { ...common, entryPoints: ['src/extension/partnerPage/index.ts'], outfile: 'dist/partnerPage.js', plugins: [lazyBundles, vscodeFacade] },
  { ...common, entryPoints: ['src/extension/lmTools/index.ts'], outfile: 'dist/lmTools.js', plugins: [lazyBundles, vscodeFacade] },
  // The command flows main.js need not hold (src/extension/shared/lazyCommands.ts): the first of them.
  { ...common, entryPoints: ['src/extension/flows/index.ts'], outfile: 'dist/flows.js', plugins: [lazyBundles, vscodeFacade] },
  // Search (the stemmer and the inverted index): the first search.
  { ...common, entryPoints: ['src/extension/search/index.ts'], outfile: 'dist/search.js', plugins: [vscodeFacade] },
  // From your calendar (ical.js, the suggestions): the calendar setting is set, or the first import.
  { ...common, entryPoints: ['src/extension/calendar/index.ts'], outfile: 'dist/calendar.js', plugins: [lazyBundles, vscodeFacade] },
  // Who Does This Change Affect?: the first impact check (git through ./git.js).
  { ...common, entryPoints: ['src/extension/impact/index.ts'], outfile: 'dist/impact.js', plugins: [lazyBundles, vscodeFacade] },
  // The brief before a check-in (src/core/brief): the first Prepare for Check-in, or a brief restored.
  { ...common, entryPoints: ['src/extension/brief/index.ts'], outfile: 'dist/brief.js', plugins: [lazyBundles, vscodeFacade] },
  { ...common, entryPoints: ['src/git/index.ts'], outfile: 'dist/git.js' },
  // The command-line digest and MCP server (`npx alliances due`, `alliances mcp`): with @modelcontextprotocol/sdk,
  // which only this bundle imports (main.js must stay small).
  {
    ...common,
    name: 'cli',
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    define: { ALLIANCES_VERSION: JSON.stringify(manifest.version) },
  },
  { ...webview, entryPoints: { partnerPage: 'src/webview/partnerPage/main.ts' }, outdir: 'dist/webview' },
  { ...webview, entryPoints: { partnerPage: 'src/webview/partnerPage/partnerPage.css' }, outdir: 'dist/webview' },
  { ...webview, entryPoints: { dashboard: 'src/webview/dashboard/main.ts' }, outdir: 'dist/webview' },
  { ...webview, entryPoints: { dashboard: 'src/webview/dashboard/dashboard.css' }, outdir: 'dist/webview' },
  { ...webview, entryPoints: { map: 'src/webview/map/main.ts' }, outdir: 'dist/webview' },
  { ...webview, entryPoints: { map: 'src/webview/map/map.css' }, outdir: 'dist/webview' },
  { ...webview, entryPoints: { initiativePage: 'src/webview/initiativePage/main.ts' }, outdir: 'dist/webview' },
  { ...webview, entryPoints: { initiativePage: 'src/webview/initiativePage/initiativePage.css' }, outdir: 'dist/webview' },
];

const chosen = options.filter((option) => !only || option.name === only).map(({ name: _name, ...option }) => option);
if (watch) {
  for (const option of chosen) await (await esbuild.context(option)).watch();
} else {
  await Promise.all(chosen.map((option) => esbuild.build(option)));
  if (!only || only === 'cli') chmodSync('dist/cli.js', 0o755);
}
