// A CPU profile of one piece of code, from inside the same process (node:inspector), summarised as the
// functions with the most self and inclusive time. Used to explain a missed target with evidence.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import * as path from 'node:path';

function post(session, method, params) {
  return new Promise((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
}

/** Profiles `fn` (sync or async). Returns { result, top } and writes the raw profile to `file` if given. */
export async function profile(fn, { file, intervalUs = 200, repoRoot } = {}) {
  const session = new Session();
  session.connect();
  try {
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.setSamplingInterval', { interval: intervalUs });
    await post(session, 'Profiler.start');
    const result = await fn();
    const { profile: raw } = await post(session, 'Profiler.stop');
    if (file) writeFileSync(file, JSON.stringify(raw));
    return { result, top: summariseProfile(raw, { repoRoot }) };
  } finally {
    session.disconnect();
  }
}

/** Self and inclusive time per function (name file:line), biggest first. */
export function summariseProfile(raw, { repoRoot, limit = 15, mapFrame, exclude = /node:inspector|hostBench\.js|profile\.mjs/ } = {}) {
  const byId = new Map(raw.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of raw.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const spent = new Map();
  raw.samples.forEach((id, i) => spent.set(id, (spent.get(id) ?? 0) + (raw.timeDeltas[i] ?? 0)));
  const total = [...spent.values()].reduce((a, b) => a + b, 0);
  const label = (node) => {
    const mapped = mapFrame?.(node.callFrame);
    if (mapped) return mapped;
    const { functionName, url, lineNumber } = node.callFrame;
    let where = url.replace(/^file:\/\//, '');
    if (repoRoot && where.startsWith(repoRoot)) where = path.relative(repoRoot, where);
    else where = where.split('/').slice(-2).join('/');
    return `${functionName || '(anonymous)'}${where ? ` ${where}:${lineNumber + 1}` : ''}`;
  };
  const self = new Map();
  const inclusive = new Map();
  for (const [id, us] of spent) {
    const node = byId.get(id);
    self.set(label(node), (self.get(label(node)) ?? 0) + us);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const name = label(byId.get(cur));
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    }
  }
  const top = (map) =>
    [...map]
      .filter(([name]) => !/^\((root|program|idle)\)/.test(name) && !exclude.test(name))
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, us]) => ({ function: name, ms: Math.round(us / 10) / 100, percent: Math.round((1000 * us) / total) / 10 }));
  return { totalMs: Math.round(total / 1000), self: top(self), inclusive: top(inclusive) };
}

/**
 * Names frames of a minified bundle after the source they came from: rebuilds the bundle in memory with
 * a source map (same esbuild options as scripts/build.mjs --production), and only if the code is byte
 * for byte the one measured, maps "Un extension.js:1:4567" to "viewPartners src/core/partnerView.ts:21".
 * Returns undefined when it cannot (then the minified names stay).
 */
export async function bundleFrameMapper({ repoRoot, bundleFile, entryPoint, urlSuffix, outDir = path.join(repoRoot, 'dist') }) {
  try {
    const { SourceMap } = await import('node:module');
    const { readFileSync } = await import('node:fs');
    const { createRequire } = await import('node:module');
    const esbuild = createRequire(path.join(repoRoot, 'package.json'))('esbuild');
    const gitExternal = {
      name: 'git-external',
      setup(build) {
        build.onResolve({ filter: /^\.\/git\.js$/ }, () => ({ path: './git.js', external: true }));
      },
    };
    const result = await esbuild.build({
      absWorkingDir: repoRoot,
      entryPoints: [entryPoint],
      outfile: path.join(repoRoot, 'dist', 'extension.js'),
      write: false,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      minify: true,
      sourcemap: 'external',
      legalComments: 'none',
      mainFields: ['module', 'main'],
      plugins: [gitExternal],
      logLevel: 'silent',
    });
    const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
    const map = result.outputFiles.find((f) => f.path.endsWith('.map'));
    if (!js || !map || js.text !== readFileSync(bundleFile, 'utf8')) return undefined;
    const payload = JSON.parse(map.text);
    const sourceMap = new SourceMap(payload);
    const sources = new Map();
    const sourceText = (file) => {
      if (!sources.has(file)) {
        try {
          sources.set(file, readFileSync(path.resolve(outDir, file), 'utf8').split('\n'));
        } catch {
          sources.set(file, []);
        }
      }
      return sources.get(file);
    };
    return (frame) => {
      if (!frame.url.endsWith(urlSuffix)) return undefined;
      const entry = sourceMap.findEntry(frame.lineNumber, frame.columnNumber);
      if (!entry?.originalSource) return undefined;
      const file = path.relative(repoRoot, path.resolve(outDir, entry.originalSource));
      const line = sourceText(entry.originalSource)[entry.originalLine] ?? '';
      // The mapped position is where the function starts in the source: read its name there.
      const from = line.slice(entry.originalColumn);
      const named =
        /^(?:(?:export|public|private|protected|static|async|get|set|override)\s+)*(?:function\s*\*?\s*)?([A-Za-z_$][\w$]*)\s*(?:<[^>]*>)?\(/.exec(
          from,
        );
      const assigned = /([A-Za-z_$][\w$]*)\s*[:=]\s*(?:async\s*)?$/.exec(line.slice(0, entry.originalColumn));
      const name = entry.name ?? named?.[1] ?? (assigned ? `${assigned[1]} (arrow)` : '(arrow)');
      return `${name} ${file}:${entry.originalLine + 1}`;
    };
  } catch {
    return undefined;
  }
}
