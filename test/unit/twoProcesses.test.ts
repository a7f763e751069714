// Two real processes write the same fresh store at the same moment (two VS Code windows, or a window
// and a script): every record of both survives, and the store is not left half-initialised.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { recordCounts } from '../reliability/counts';
import { makeStore, makeTempDir, removeTempDir, tempFiles } from './helpers';

/** The writer each child runs: waits for the start signal, then adds partners and check-ins. */
const CHILD = `
const fs = require('node:fs');
const { Store } = require(process.argv[1]);
const { nodeFileSystem } = require(process.argv[2]);
const [root, go, name, count] = process.argv.slice(3);
const store = new Store({ root, fs: nodeFileSystem, author: async () => ({ name }) });
(async () => {
  await store.load();
  fs.writeFileSync(go + '.' + name, 'ready');
  while (!fs.existsSync(go)) await new Promise((resolve) => setImmediate(resolve));
  const ids = [];
  for (let i = 0; i < Number(count); i++) {
    const partner = await store.addPartner({ name: name + ' partner ' + i, department: 'Product' });
    const checkIn = await store.addCheckIn({ partnerId: partner.value.id, kind: 'async', summary: name + ' ' + i });
    await store.updatePartner(partner.value.id, { role: 'Edited by ' + name });
    ids.push(partner.value.id, checkIn.value.id);
  }
  process.stdout.write(JSON.stringify(ids));
})().catch((error) => { process.stderr.write(String(error && error.stack || error)); process.exit(1); });
`;

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('two processes writing one store at once (real child processes)', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir('alliances-procs-');
  });
  afterEach(async () => removeTempDir(dir));

  it('both create 25 partners with a check-in each, on a store neither has initialised: all 100 records survive', async () => {
    const root = path.join(dir, '.alliances');
    const go = path.join(dir, 'go');
    const store = path.resolve(__dirname, '../../src/core/store.js');
    const fsModule = path.resolve(__dirname, '../../src/core/nodeFileSystem.js');
    const children = ['Ada', 'Bob'].map((name) => run([store, fsModule, root, go, name, '25']));
    // Once both are loaded and polling, start them together.
    const ready = async (name: string) =>
      fsp.access(`${go}.${name}`).then(
        () => true,
        () => false,
      );
    while (!((await ready('Ada')) && (await ready('Bob')))) await new Promise((resolve) => setTimeout(resolve, 5));
    await fsp.writeFile(go, '');
    const results = await Promise.all(children);
    for (const result of results) assert.equal(result.code, 0, result.stderr);
    const ids = results.flatMap((result) => JSON.parse(result.stdout) as string[]);
    assert.equal(new Set(ids).size, 100);

    // The children log their check-ins at the real time: read them with the real clock.
    const reader = makeStore(root, { now: () => new Date() });
    await reader.load();
    assert.deepEqual(reader.problems(), []);
    assert.equal(reader.partners().length, 50);
    assert.equal(reader.checkIns().length, 50);
    for (const partner of reader.partners()) {
      const author = partner.value.author.name;
      assert.equal(partner.value.role, `Edited by ${author}`);
      assert.equal(reader.checkInsOf(partner.value.id).length, 1);
    }
    assert.equal(reader.manifest?.format, 'alliances');
    assert.deepEqual(await tempFiles(root), []);
    recordCounts('unit-two-processes', { faults: 1 });
  });
});
