// The change impact check at scale: a repository of 10,000 commits (written with `git fast-import`, in
// seconds) whose branch touches 50 of 1,000 partners' code areas and some of 100 initiatives', and the big
// store (1,000 partners, 50,000 check-ins: generateStore.mjs) with those areas. Measured: what the
// command and `alliances impact` do after the store loaded — git (merge base, its date, the commit count,
// the changed files), then the records, the answer and the pull-request block. Target ≤ 1 s.
//
//   node scripts/bench/impactBench.mjs [compiled root = .cache/bench/out]   (run.mjs calls impactBench())
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ulid } from 'ulid';
import { compiledCore, generateStore } from './generateStore.mjs';

const COMMITS = 10_000;
const BRANCH_COMMITS = 50;
const INITIATIVES = 100;

/** A fast-import stream: main with COMMITS - BRANCH_COMMITS commits, then branch `feature` with the rest. */
function history(partners) {
  const parts = [];
  const time = Date.parse('2024-01-01T00:00:00Z') / 1000;
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  for (let i = 1; i <= COMMITS; i++) {
    const onBranch = i > COMMITS - BRANCH_COMMITS;
    const area = onBranch ? (i - (COMMITS - BRANCH_COMMITS)) % partners : i % partners;
    const file = `src/area-${area}/file-${i % 7}.ts`;
    parts.push(
      `commit refs/heads/${onBranch ? 'feature' : 'main'}\nmark :${i}\ncommitter Bench <bench@example.invalid> ${time + i * 600} +0000\n`,
      data(`Change ${i}`),
      i > 1 ? `from :${i - 1}\n` : '',
      `M 100644 inline ${file}\n`,
      data(`export const value = ${i};\n`),
    );
    if (!onBranch) continue;
    // The branch also touches docs no area names.
    parts.push(`M 100644 inline docs/notes-${i}.md\n`, data(`Notes ${i}\n`));
  }
  return parts.join('');
}

function addAreasAndInitiatives(generated, kindFolders) {
  const partnerIds = [];
  generated.partnerFiles.forEach((file, index) => {
    const record = JSON.parse(readFileSync(file, 'utf8'));
    record.codeAreas = [`src/area-${index}/**`, `docs/area-${index}.md`];
    writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
    partnerIds.push(record.id);
  });
  const now = new Date();
  const author = { name: 'Bench', email: 'bench@example.invalid' };
  mkdirSync(path.join(generated.root, kindFolders.initiative), { recursive: true });
  mkdirSync(path.join(generated.root, kindFolders.stance), { recursive: true });
  for (let k = 0; k < INITIATIVES; k++) {
    const id = ulid(now.getTime() - k * 1000).toLowerCase();
    const base = { schemaVersion: 1, createdAt: now.toISOString(), updatedAt: now.toISOString(), author };
    writeFileSync(
      path.join(generated.root, kindFolders.initiative, `${id}.json`),
      `${JSON.stringify({ ...base, id, name: `Initiative ${k}`, status: 'active', codeAreas: [`src/area-${k * 10}/`] }, null, 2)}\n`,
    );
    for (let s = 0; s < 5; s++) {
      const stanceId = ulid(now.getTime() - k * 1000 - s).toLowerCase();
      const partnerId = partnerIds[(k * 37 + s * 101) % partnerIds.length];
      const stance = {
        ...base,
        id: stanceId,
        initiativeId: id,
        partnerId,
        date: now.toISOString(),
        stance: 'neutral',
        influence: s === 0 ? 'high' : 'medium',
        interest: 'high',
        role: 'consulted',
      };
      writeFileSync(path.join(generated.root, kindFolders.stance, `${stanceId}.json`), `${JSON.stringify(stance, null, 2)}\n`);
    }
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function impactBench(compiledRoot, { runs = 5, partners = 1000, checkIns = 50_000 } = {}) {
  const require = createRequire(import.meta.url);
  const { Store } = require(path.join(compiledRoot, 'src', 'core', 'store.js'));
  const { nodeFileSystem } = require(path.join(compiledRoot, 'src', 'core', 'nodeFileSystem.js'));
  const impact = require(path.join(compiledRoot, 'src', 'core', 'impact', 'index.js'));
  const { changeRange } = require(path.join(compiledRoot, 'src', 'git', 'changeRange.js'));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'alliances-bench-impact-'));
  try {
    const workspace = path.join(dir, 'repo');
    mkdirSync(workspace);
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir };
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: workspace, env });
    let started = performance.now();
    execFileSync('git', ['fast-import', '--quiet'], { cwd: workspace, env, input: history(partners), maxBuffer: 1 << 28 });
    execFileSync('git', ['symbolic-ref', 'HEAD', 'refs/heads/feature'], { cwd: workspace, env });
    const importMs = performance.now() - started;
    const count = Number(execFileSync('git', ['rev-list', '--count', '--all'], { cwd: workspace, env, encoding: 'utf8' }).trim());
    const core = compiledCore(compiledRoot);
    const generated = generateStore(workspace, { partners, checkIns, core });
    addAreasAndInitiatives(generated, core.kindFolders);
    const store = new Store({ root: generated.root, fs: nodeFileSystem, author: () => Promise.resolve({ name: 'Bench' }) });
    await store.load();
    const problems = store.problems().length;
    const samples = [];
    const gitMs = [];
    let result;
    for (let run = 0; run < runs; run++) {
      started = performance.now();
      const answer = await changeRange(workspace, 'main', 'HEAD');
      if (!answer.ok) throw new Error(`changeRange: ${answer.problem}`);
      const afterGit = performance.now();
      const records = impact.impactRecords([store], { defaultCadenceDays: 14, now: new Date(), includePrivate: false });
      result = impact.computeImpact(answer.change, records, { siloDays: 45 });
      impact.impactMarkdown(result);
      samples.push(performance.now() - started);
      gitMs.push(afterGit - started);
    }
    return {
      commits: count,
      partners: generated.partners,
      checkIns: generated.checkIns,
      problems,
      importMs: Math.round(importMs),
      files: result.change.files.length,
      people: result.people.length,
      initiatives: result.initiatives.length,
      medianMs: median(samples),
      gitMedianMs: median(gitMs),
      samples,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const compiled = process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '.cache', 'bench', 'out');
  const result = await impactBench(path.resolve(compiled));
  console.log(JSON.stringify(result, null, 2));
  process.exit(result.medianMs <= 1000 && result.problems === 0 && result.commits === COMMITS ? 0 : 1);
}
