// The summary line at the end of `npm test`: it adds up what the suites recorded, and fails the run
// when a single byte was lost or when nothing was recorded at all.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { bytesLost } from '../reliability/counts';
import { makeTempDir, removeTempDir } from './helpers';

const SCRIPT = path.resolve(__dirname, '..', '..', '..', 'scripts', 'reliabilitySummary.mjs');

describe('reliability summary', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir('alliances-summary-');
  });
  afterEach(async () => removeTempDir(dir));

  const run = () => spawnSync(process.execPath, [SCRIPT], { env: { ...process.env, ALLIANCES_RELIABILITY_DIR: dir }, encoding: 'utf8' });

  it('adds up every suite and prints one line', async () => {
    await fsp.writeFile(
      path.join(dir, 'a.jsonl'),
      '{"suite":"a","badInputs":2,"bytesChecked":100,"bytesLost":0}\n{"suite":"a","faults":3}\n',
    );
    await fsp.writeFile(path.join(dir, 'b.jsonl'), '{"suite":"b","hostilePayloads":5,"fuzzInputs":7}\n');
    const result = run();
    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      result.stdout,
      'Reliability: 2 bad inputs tried (and 7 fuzzed), 3 faults injected, 5 hostile payloads tried, 0 bytes lost (of 100 bytes checked byte for byte; 2 suites)\n',
    );
  });

  it('fails when a byte was lost', async () => {
    await fsp.writeFile(path.join(dir, 'a.jsonl'), '{"suite":"a","bytesChecked":100,"bytesLost":1}\n');
    const result = run();
    assert.equal(result.status, 1);
    assert.match(result.stdout, /1 bytes lost/);
  });

  it('fails when no suite recorded anything', () => {
    assert.equal(run().status, 1);
  });

  it('counts lost bytes: changed, missing and added ones', () => {
    assert.equal(bytesLost(Buffer.from('abcd'), Buffer.from('abcd')), 0);
    assert.equal(bytesLost(Buffer.from('abcd'), Buffer.from('abXd')), 1);
    assert.equal(bytesLost(Buffer.from('abcd'), Buffer.from('ab')), 2);
    assert.equal(bytesLost(Buffer.from('abcd'), Buffer.from('abcdef')), 2);
  });
});
