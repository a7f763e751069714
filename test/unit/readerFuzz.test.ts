// Fuzzing the reader with a seeded generator (set ALLIANCES_FUZZ_SEED to replay a failure): arbitrary
// bytes and mutated valid records end in a loaded record or a reported problem — never an exception,
// never a write.
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { COLLECTION_KINDS, type RecordKind } from '../../src/core/vocabulary';
import { readRecord } from '../../src/core/recordReader';
import { recordBytes, recordCounts } from '../reliability/counts';
import { checkInRecord, faultPort, makeStore, makeTempDir, newId, partnerRecord, pretty, removeTempDir, writeFile } from './helpers';

const SUITE = 'unit-reader-fuzz';
const SEED = Number(process.env.ALLIANCES_FUZZ_SEED ?? 20261121);

/** mulberry32: tiny, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ',',
  ':',
  '\\',
  '\n',
  '\r\n',
  'null',
  'true',
  '-1e999',
  '"__proto__": 1,',
  '<<<<<<< HEAD\n',
  '=======\n',
  '>>>>>>> b\n',
  '\u0000',
  '\ufeff',
  '\u2028',
  '"id": "x",',
  '// c',
  '/*',
  '\ud800',
];

function mutate(random: () => number, source: Uint8Array): Uint8Array {
  const bytes = [...source];
  const edits = 1 + Math.floor(random() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * (bytes.length + 1));
    switch (Math.floor(random() * 7)) {
      case 0: // flip a bit
        if (bytes.length) bytes[at % bytes.length] ^= 1 << Math.floor(random() * 8);
        break;
      case 1: // delete a run
        bytes.splice(at, 1 + Math.floor(random() * 16));
        break;
      case 2: // insert a random byte
        bytes.splice(at, 0, Math.floor(random() * 256));
        break;
      case 3: // insert a JSON-ish token
        bytes.splice(at, 0, ...Buffer.from(TOKENS[Math.floor(random() * TOKENS.length)] ?? ''));
        break;
      case 4: // truncate
        bytes.length = at;
        break;
      case 5: // duplicate a slice (duplicate keys, repeated objects)
        bytes.splice(at, 0, ...bytes.slice(Math.floor(random() * bytes.length), Math.floor(random() * bytes.length)));
        break;
      default: // swap two bytes
        if (bytes.length > 1) {
          const other = Math.floor(random() * bytes.length);
          [bytes[at % bytes.length], bytes[other]] = [bytes[other] ?? 0, bytes[at % bytes.length] ?? 0];
        }
    }
  }
  return Uint8Array.from(bytes);
}

function randomBytes(random: () => number): Uint8Array {
  const length = Math.floor(random() * 600);
  const jsonish = random() < 0.5;
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++)
    bytes[i] = jsonish
      ? (Buffer.from('{}[]",:0123456789abcdefnulltrue \n\\')[Math.floor(random() * 34)] ?? 32)
      : Math.floor(random() * 256);
  return bytes;
}

function validSamples(): { kind: RecordKind; id: string; bytes: Uint8Array }[] {
  const partnerId = newId();
  const checkInId = newId();
  return [
    {
      kind: 'partner',
      id: partnerId,
      bytes: Buffer.from(pretty(partnerRecord(partnerId, { role: 'PM', leads: ['API'], cadenceDays: 14, 'x-future': { a: [1, 2] } }))),
    },
    {
      kind: 'checkIn',
      id: checkInId,
      bytes: Buffer.from(pretty(checkInRecord(checkInId, partnerId, { rating: 4, notes: '# Notes\n- a "quote"' }))),
    },
    { kind: 'manifest', id: '', bytes: Buffer.from(pretty({ format: 'alliances', schemaVersion: 1, defaults: { cadenceDays: 10 } })) },
  ];
}

function assertJudged(kind: RecordKind, bytes: Uint8Array, expectedId: string | undefined, label: string): boolean {
  let result;
  try {
    result = readRecord(kind, bytes, expectedId || undefined);
  } catch (error) {
    assert.fail(`readRecord threw on ${label} (seed ${SEED}): ${String(error)}\nbytes: ${Buffer.from(bytes).toString('base64')}`);
  }
  if (!result.ok) {
    assert.ok(result.problem.reason.length > 5, label);
    assert.ok(
      Number.isInteger(result.problem.location.line) && result.problem.location.line >= 1,
      `${label}: ${JSON.stringify(result.problem.location)}`,
    );
    assert.ok(
      Number.isInteger(result.problem.location.column) && result.problem.location.column >= 1,
      `${label}: ${JSON.stringify(result.problem.location)}`,
    );
  }
  return result.ok;
}

describe(`reader fuzz (seed ${SEED})`, () => {
  it('5,000 arbitrary byte strings, as every kind of record: a record or a problem, never an exception', () => {
    const random = prng(SEED);
    const kinds: RecordKind[] = ['manifest', ...COLLECTION_KINDS];
    for (let i = 0; i < 5000; i++) assertJudged(kinds[i % kinds.length] ?? 'partner', randomBytes(random), newId(), `random #${i}`);
    recordCounts(SUITE, { fuzzInputs: 5000 });
  });

  it('6,000 mutations of valid records: a record or a problem, never an exception', () => {
    const random = prng(SEED + 1);
    let loaded = 0;
    for (const sample of validSamples()) {
      for (let i = 0; i < 2000; i++)
        if (assertJudged(sample.kind, mutate(random, sample.bytes), sample.id, `${sample.kind} mutation #${i}`)) loaded++;
    }
    // Some mutations stay valid (a flipped bit in a note): both outcomes are exercised.
    assert.ok(loaded > 0 && loaded < 6000, `${loaded} of 6000 mutations loaded`);
    recordCounts(SUITE, { fuzzInputs: 6000 });
  });

  describe('through the store', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await makeTempDir('alliances-fuzz-');
    });
    afterEach(async () => removeTempDir(dir));

    it('300 mutated files in one store: every file loads or is reported, nothing is written, none changes', async () => {
      const random = prng(SEED + 2);
      const root = path.join(dir, '.alliances');
      const written = new Map<string, Uint8Array>();
      for (let i = 0; i < 300; i++) {
        const id = newId();
        const partner = i % 2 === 0;
        const source = partner ? pretty(partnerRecord(id, { name: `P ${i}` })) : pretty(checkInRecord(id, newId()));
        const relative = partner ? `partners/p-${id}.json` : `checkins/2026/${id}.json`;
        const bytes = i % 10 === 0 ? randomBytes(random) : mutate(random, Buffer.from(source));
        written.set(await writeFile(root, relative, bytes), bytes);
      }
      const port = faultPort();
      const store = makeStore(root, { fs: port, workspaceFolder: dir });
      await store.load();
      await store.load();
      for (const file of written.keys()) await store.reloadFile(file);
      await store.sync();
      const writes = port.calls.filter((c) => ['writeNewFile', 'rename', 'unlink', 'mkdir'].includes(c.op));
      assert.deepEqual(writes, [], 'loading wrote or deleted something');
      const judged = store.partners().length + store.checkIns().length + store.problems().length;
      assert.equal(
        judged,
        300,
        `${store.partners().length} partners, ${store.checkIns().length} check-ins, ${store.problems().length} problems`,
      );
      for (const problem of store.problems()) assert.ok(problem.location.line >= 1 && problem.location.column >= 1);

      // Writing around them changes none of them.
      const fresh = await store.addPartner({ name: 'New', department: 'Data' });
      await store.updatePartner(fresh.value.id, { role: 'x' });
      let lost = 0;
      for (const [file, bytes] of written) lost += recordBytes(SUITE, bytes, await fsp.readFile(file));
      assert.equal(lost, 0);
      recordCounts(SUITE, { fuzzInputs: 300 });
    });
  });
});
