// Prints the one-line reliability summary at the end of `npm test`, from the JSON lines the suites
// append to test-results/reliability/ (test/reliability/counts.ts). Fails when any byte was lost, or
// when no suite reported at all (the figures would be meaningless).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir =
  process.env.ALLIANCES_RELIABILITY_DIR ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-results', 'reliability');
const total = { badInputs: 0, fuzzInputs: 0, faults: 0, hostilePayloads: 0, bytesChecked: 0, bytesLost: 0 };
const suites = new Set();
let files = [];
try {
  files = readdirSync(dir).filter((name) => name.endsWith('.jsonl'));
} catch {
  // no figures: reported below
}
for (const file of files) {
  for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const entry = JSON.parse(line);
    suites.add(entry.suite);
    for (const key of Object.keys(total)) total[key] += Number(entry[key] ?? 0);
  }
}
const n = (value) => value.toLocaleString('en-US');
if (suites.size === 0) {
  console.error(`Reliability: no figures in ${dir} (did the tests run?)`);
  process.exit(1);
}
const line = `Reliability: ${n(total.badInputs)} bad inputs tried (and ${n(total.fuzzInputs)} fuzzed), ${n(total.faults)} faults injected, ${n(total.hostilePayloads)} hostile payloads tried, ${n(total.bytesLost)} bytes lost (of ${n(total.bytesChecked)} bytes checked byte for byte; ${suites.size} suites)`;
console.log(line);
if (total.bytesLost > 0) {
  console.error('Bytes were lost: see the failing suites above.');
  process.exit(1);
}
