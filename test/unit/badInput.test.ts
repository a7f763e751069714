// Bad input, byte for byte: a file the store cannot (or must not) rewrite is never changed by any write,
// reload or retry, and the rest of the store keeps working around it.
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { newId } from '../../src/core/ids';
import { SCHEMA_VERSION } from '../../src/core/model';
import type { StoreWriteErrorCode } from '../../src/core/store';
import { recordBytes, recordCounts } from '../reliability/counts';
import { Clock, listFiles, makeStore, partnerRecord, pretty, rejectsWithCode, tempFiles, writeFile, eachTestInTempStore } from './helpers';

interface BadCase {
  name: string;
  bytes: (id: string) => Uint8Array;
  /** The problem code the store reports, or undefined when the file loads (read-only or fine). */
  problem?: string;
  /** The codes an update of this partner may be refused with. */
  refusal: StoreWriteErrorCode[];
}

const text = (value: string) => Buffer.from(value, 'utf8');
const good = (id: string) => pretty(partnerRecord(id, { name: 'Broken Partner', role: 'PM' }));

const cases: BadCase[] = [
  { name: 'an empty file', bytes: () => Buffer.alloc(0), problem: 'json', refusal: ['not-found', 'broken-file'] },
  { name: 'a file of only whitespace', bytes: () => text('\n \n'), problem: 'json', refusal: ['not-found', 'broken-file'] },
  {
    name: 'truncated JSON',
    bytes: (id) => text(good(id).slice(0, good(id).length - 40)),
    problem: 'json',
    refusal: ['not-found', 'broken-file'],
  },
  {
    name: 'JSON with a trailing comma and a comment',
    bytes: (id) => text(good(id).replace('"role": "PM"', '"role": "PM", // the boss\n')),
    problem: 'json',
    refusal: ['not-found', 'broken-file'],
  },
  {
    name: 'git conflict markers',
    bytes: (id) => text(good(id).replace('  "role": "PM"\n', '<<<<<<< HEAD\n  "role": "PM"\n=======\n  "role": "VP"\n>>>>>>> feature\n')),
    problem: 'conflict',
    refusal: ['not-found', 'broken-file'],
  },
  {
    name: 'diff3 conflict markers',
    bytes: (id) =>
      text(
        good(id).replace(
          '  "role": "PM"\n',
          '<<<<<<< HEAD\n  "role": "PM"\n||||||| base\n  "role": "Eng"\n=======\n  "role": "VP"\n>>>>>>> feature\n',
        ),
      ),
    problem: 'conflict',
    refusal: ['not-found', 'broken-file'],
  },
  {
    name: 'wrong field types',
    bytes: (id) => text(pretty(partnerRecord(id, { cadenceDays: '14', archived: 'yes', leads: 'API' }))),
    problem: 'schema',
    refusal: ['not-found', 'broken-file'],
  },
  {
    name: 'a missing required field',
    bytes: (id) => text(good(id).replace('  "department": "Product",\n', '')),
    problem: 'schema',
    refusal: ['not-found', 'broken-file'],
  },
  {
    name: 'invalid UTF-8',
    bytes: (id) => Buffer.from(good(id).replace('Broken Partner', 'Brökén'), 'latin1'),
    problem: 'encoding',
    refusal: ['not-found', 'broken-file'],
  },
  {
    name: 'UTF-16 with a BOM',
    bytes: (id) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good(id), 'utf16le')]),
    problem: 'encoding',
    refusal: ['not-found', 'broken-file'],
  },
  {
    name: 'a NUL byte',
    bytes: (id) => text(good(id).replace('"PM"', '"P\u0000M"')),
    problem: 'encoding',
    refusal: ['not-found', 'broken-file'],
  },
  {
    name: 'an id that differs from the file name',
    bytes: () => text(good(newId())),
    problem: 'id-mismatch',
    refusal: ['not-found', 'broken-file'],
  },
  {
    name: 'UTF-16 without a BOM',
    bytes: (id) => Buffer.from(good(id), 'utf16le'),
    problem: 'encoding',
    refusal: ['not-found', 'broken-file'],
  },
  { name: 'a top-level array', bytes: (id) => text(`[${good(id)}]`), problem: 'schema', refusal: ['not-found', 'broken-file'] },
  { name: 'a top-level null', bytes: () => text('null\n'), problem: 'schema', refusal: ['not-found', 'broken-file'] },
  { name: 'a top-level string', bytes: () => text('"just a string"\n'), problem: 'schema', refusal: ['not-found', 'broken-file'] },
  {
    name: 'a key given twice',
    bytes: (id) => text(good(id).replace('"role": "PM"', '"role": "PM",\n  "role": "VP"')),
    problem: 'json',
    refusal: ['not-found', 'broken-file'],
  },
  {
    name: 'a "__proto__" key',
    bytes: (id) => text(good(id).replace('"role": "PM"', '"role": "PM",\n  "__proto__": { "archived": true }')),
    problem: 'json',
    refusal: ['not-found', 'broken-file'],
  },
  {
    name: 'nesting 50,000 levels deep',
    bytes: (id) => text(good(id).replace('"PM"', `${'['.repeat(50_000)}${']'.repeat(50_000)}`)),
    problem: 'schema',
    refusal: ['not-found', 'broken-file'],
  },
  {
    name: 'a 10 MB field',
    bytes: (id) => text(good(id).replace('"PM"', JSON.stringify('x'.repeat(10 * 1024 * 1024)))),
    problem: 'schema',
    refusal: ['not-found', 'broken-file'],
  },
  {
    name: 'an invalid calendar date (February 30)',
    bytes: (id) => text(pretty(partnerRecord(id, { snoozedUntil: '2026-02-30' }))),
    problem: 'schema',
    refusal: ['not-found', 'broken-file'],
  },
  {
    name: 'an invalid timestamp',
    bytes: (id) => text(pretty(partnerRecord(id, { updatedAt: 'yesterday' }))),
    problem: 'schema',
    refusal: ['not-found', 'broken-file'],
  },
  {
    name: 'a cadence out of range',
    bytes: (id) => text(pretty(partnerRecord(id, { cadenceDays: 0 }))),
    problem: 'schema',
    refusal: ['not-found', 'broken-file'],
  },
  {
    name: 'an id that is not an id',
    bytes: (id) => text(pretty(partnerRecord(id, { id: '../../etc/passwd' }))),
    problem: 'schema',
    refusal: ['not-found', 'broken-file'],
  },
  {
    name: 'a schema version of 1e400 (Infinity once parsed, not "a newer version")',
    bytes: (id) => text(good(id).replace('"schemaVersion": 1', '"schemaVersion": 1e400')),
    problem: 'json',
    refusal: ['not-found', 'broken-file'],
  },
  {
    name: 'a cadence of -1e400',
    bytes: (id) => text(pretty(partnerRecord(id, { cadenceDays: 7 })).replace('"cadenceDays": 7', '"cadenceDays": -1e400')),
    problem: 'json',
    refusal: ['not-found', 'broken-file'],
  },
  {
    name: 'an unknown field holding 1e400 (a rewrite would save it as null)',
    bytes: (id) => text(good(id).replace('"role": "PM"', '"role": "PM",\n  "x-score": 1e400')),
    problem: 'json',
    refusal: ['not-found', 'broken-file'],
  },
  {
    name: 'a newer schema version (valid otherwise: loads read-only)',
    bytes: (id) => text(pretty(partnerRecord(id, { schemaVersion: SCHEMA_VERSION + 1, name: 'Broken Partner', 'x-v2': { tier: 'gold' } }))),
    refusal: ['read-only'],
  },
  {
    name: 'a newer schema version with fields this build cannot read',
    bytes: (id) => text(pretty(partnerRecord(id, { schemaVersion: SCHEMA_VERSION + 1, name: { given: 'Broken', family: 'Partner' } }))),
    problem: 'newer-version',
    refusal: ['not-found', 'broken-file', 'read-only'],
  },
];

describe('bad input, byte for byte', () => {
  let root: string;
  let clock: Clock;

  eachTestInTempStore(new Date(2026, 10, 21, 9, 30), (fixture) => ({ root, clock } = fixture));

  for (const bad of cases) {
    it(`${bad.name}: never rewritten, and the rest of the store keeps working`, async () => {
      // A healthy store with one good partner, written through the Store itself.
      const writer = makeStore(root, { now: clock.now });
      const goodPartner = await writer.addPartner({ name: 'Good Partner', department: 'Sales' });
      const brokenId = newId();
      const brokenFile = await writeFile(root, `partners/broken-partner-${brokenId}.json`, bad.bytes(brokenId));
      const snapshot = await fsp.readFile(brokenFile);

      const store = makeStore(root, { now: clock.now });
      await store.load();
      const problems = store.problems();
      if (bad.problem) {
        assert.equal(problems.length, 1, JSON.stringify(problems));
        assert.equal(problems[0].code, bad.problem);
        assert.equal(problems[0].relativePath, `partners/broken-partner-${brokenId}.json`);
        assert.ok(problems[0].location.line >= 1 && problems[0].location.column >= 1);
        assert.ok(problems[0].reason.length > 10);
        assert.equal(store.partner(brokenId), undefined);
      } else {
        assert.deepEqual(problems, []);
        assert.equal(store.partner(brokenId)?.readOnly, true);
      }
      assert.equal(store.partner(goodPartner.value.id)?.value.name, 'Good Partner');

      // Writes elsewhere work.
      clock.advanceMs(60_000);
      await store.addCheckIn({ partnerId: goodPartner.value.id, kind: 'one-on-one', summary: 'All good' });
      await store.updatePartner(goodPartner.value.id, { role: 'Head of Sales' });
      await store.addPartner({ name: 'Another Partner', department: 'Data' });
      await store.initialize();

      // Every kind of edit of the broken partner is refused.
      await rejectsWithCode(store.updatePartner(brokenId, { role: 'Overwritten' }), bad.refusal);
      await rejectsWithCode(
        store.updatePartner(brokenId, () => ({ archived: true })),
        bad.refusal,
      );
      await rejectsWithCode(store.updatePartner(brokenId, { snoozedUntil: '2026-12-02' }), bad.refusal);
      if (bad.problem) await rejectsWithCode(store.addCheckIn({ partnerId: brokenId, kind: 'async', summary: 'x' }), 'not-found');
      // Several at once, through the write queue.
      const concurrent = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => store.updatePartner(brokenId, { role: `R${i}` })));
      assert.ok(concurrent.every((r) => r.status === 'rejected'));

      // Reloading, loading again and a second window change nothing either.
      assert.equal(await store.reloadFile(brokenFile), false);
      await store.load();
      const other = makeStore(root, { now: clock.now });
      await other.load();
      await rejectsWithCode(other.updatePartner(brokenId, { role: 'Overwritten' }), bad.refusal);

      const after = await fsp.readFile(brokenFile);
      assert.equal(
        recordBytes('unit-bad-input', snapshot, after),
        0,
        `the broken file changed:\n${snapshot.subarray(0, 200).toString('hex')}\n${after.subarray(0, 200).toString('hex')}`,
      );
      recordCounts('unit-bad-input', { badInputs: 1 });
      assert.deepEqual(await tempFiles(root), []);
      // And the other records still load, with what was written around the broken file.
      assert.equal(other.partners().filter((p) => !p.readOnly).length, 2);
      assert.equal(other.partner(goodPartner.value.id)?.value.role, 'Head of Sales');
      assert.equal(other.checkIns().length, 1);
      assert.equal(other.problems().length, bad.problem ? 1 : 0);
    });
  }

  it('a file with a UTF-8 BOM is valid: it loads, and an edit of it works', async () => {
    const id = newId();
    const file = await writeFile(root, `partners/bom-${id}.json`, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text(good(id))]));
    const store = makeStore(root, { now: clock.now });
    await store.load();
    assert.deepEqual(store.problems(), []);
    assert.equal(store.partner(id)?.value.name, 'Broken Partner');
    await store.updatePartner(id, { role: 'Director' });
    const saved = await fsp.readFile(file, 'utf8');
    assert.equal((JSON.parse(saved.replace(/^\ufeff/, '')) as { role: string }).role, 'Director');
    const fresh = makeStore(root);
    await fresh.load();
    assert.deepEqual(fresh.problems(), []);
    assert.equal(fresh.partner(id)?.value.role, 'Director');
  });

  it('a file with CRLF line endings is valid: it loads, and an edit of it works', async () => {
    const id = newId();
    await writeFile(root, `partners/crlf-${id}.json`, text(good(id).replace(/\n/g, '\r\n')));
    const store = makeStore(root, { now: clock.now });
    await store.load();
    await store.updatePartner(id, { role: 'Director' });
    const fresh = makeStore(root);
    await fresh.load();
    assert.equal(fresh.partner(id)?.value.role, 'Director');
  });

  it('a broken manifest is never rewritten, and partners can still be added', async () => {
    const manifest = await writeFile(
      root,
      'alliances.json',
      '{\n<<<<<<< HEAD\n  "format": "alliances",\n=======\n  "format": "alliances", "schemaVersion": 1,\n>>>>>>> b\n}\n',
    );
    const snapshot = await fsp.readFile(manifest);
    const store = makeStore(root, { now: clock.now });
    await store.load();
    assert.equal(store.problems()[0]?.code, 'conflict');
    assert.equal(store.problems()[0]?.kind, 'manifest');
    const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
    await store.addCheckIn({ partnerId: partner.value.id, kind: 'async', summary: 'x' });
    await store.initialize();
    await store.load();
    assert.ok(snapshot.equals(await fsp.readFile(manifest)));
    assert.equal(store.partners().length, 1);
  });

  it('a broken check-in is never rewritten and does not hide the partner', async () => {
    const store = makeStore(root, { now: clock.now });
    const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
    const checkInId = newId();
    const file = await writeFile(root, `checkins/2026/${checkInId}.json`, `{\n  "id": "${checkInId}",\n  "summary": "cut off`);
    const snapshot = await fsp.readFile(file);
    await store.load();
    assert.equal(store.problems()[0]?.kind, 'checkIn');
    assert.equal(store.problems()[0]?.id, checkInId);
    await store.addCheckIn({ partnerId: partner.value.id, kind: 'async', summary: 'new' });
    await store.updatePartner(partner.value.id, { role: 'x' });
    await store.load();
    assert.ok(snapshot.equals(await fsp.readFile(file)));
    assert.equal(store.checkIns().length, 1);
    assert.equal(store.partners().length, 1);
  });

  it('a check-in whose summary holds U+2028 before marker characters stays readable after it is written', async () => {
    // Pasted text can carry a Unicode line separator; JSON keeps it raw inside the string.
    const store = makeStore(root, { now: clock.now });
    const partner = await store.addPartner({ name: 'Grace', department: 'Product' });
    await store.addCheckIn({ partnerId: partner.value.id, kind: 'ad-hoc', summary: 'Diff from chat:\u2028>>>>>>> main was merged' });
    const fresh = makeStore(root);
    await fresh.load();
    assert.deepEqual(
      fresh.problems().map((p) => `${p.relativePath}: ${p.code}`),
      [],
    );
    assert.equal(fresh.checkIns().length, 1);
  });

  it('leaves the whole folder byte-identical when every write is refused', async () => {
    const id = newId();
    await writeFile(root, 'alliances.json', pretty({ format: 'alliances', schemaVersion: 1 }));
    await writeFile(root, `partners/x-${id}.json`, '{"schemaVersion": 1, "id": ');
    const before = await Promise.all((await listFiles(root)).map(async (f) => [f, await fsp.readFile(path.join(root, f))] as const));
    const store = makeStore(root, { now: clock.now });
    await store.load();
    await rejectsWithCode(store.updatePartner(id, { role: 'x' }), ['not-found', 'broken-file']);
    await rejectsWithCode(store.addCheckIn({ partnerId: id, kind: 'async', summary: 'x' }), 'not-found');
    await store.initialize();
    await store.load();
    const after = await Promise.all((await listFiles(root)).map(async (f) => [f, await fsp.readFile(path.join(root, f))] as const));
    assert.deepEqual(
      after.map(([f]) => f),
      before
        .map(([f]) => f)
        .concat('.gitignore')
        .sort(),
    );
    for (const [file, bytes] of before) assert.ok(bytes.equals(after.find(([f]) => f === file)![1]), file);
  });
});
