// More bad input, byte for byte, in check-in files and around the store: each case is written next to
// a healthy store, which must keep loading and writing while the case's file stays untouched.
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import { recordBytes, recordCounts } from '../reliability/counts';
import { checkInRecord, Clock, listFiles, makeStore, newId, pretty, writeFile, eachTestInTempStore } from './helpers';

const SUITE = 'unit-bad-input';

interface Case {
  name: string;
  /** Store-relative path and content of the file, given a fresh id and the good partner's id. */
  file: (id: string, partnerId: string) => { relative: string; bytes: Buffer };
  /** The problem reported (code, and a pattern for the reason), or 'loads', or 'ignored'. */
  expect: { code: string; reason: RegExp; line?: number } | 'loads' | 'ignored';
}

const checkIn = (id: string, partnerId: string, extra: Record<string, unknown> = {}) => ({
  relative: `checkins/2026/${id}.json`,
  bytes: Buffer.from(pretty(checkInRecord(id, partnerId, extra))),
});

const cases: Case[] = [
  {
    name: 'an unknown check-in kind',
    file: (id, p) => checkIn(id, p, { kind: 'lunch' }),
    expect: { code: 'schema', reason: /^"kind" must be one of one-on-one, help-me, ad-hoc, async\.$/, line: 6 },
  },
  {
    name: 'a rating written as text',
    file: (id, p) => checkIn(id, p, { rating: '4' }),
    expect: { code: 'schema', reason: /^"rating" must be a number, not "4"\.$/ },
  },
  {
    name: 'an author given as a name',
    file: (id, p) => checkIn(id, p, { author: 'Dana' }),
    expect: { code: 'schema', reason: /^"author" must be an object, not "Dana"\.$/ },
  },
  { name: 'a rating out of range', file: (id, p) => checkIn(id, p, { rating: 9 }), expect: { code: 'schema', reason: /"rating"/ } },
  {
    name: 'an invalid check-in date',
    file: (id, p) => checkIn(id, p, { date: '2026-13-45T99:00:00Z' }),
    expect: { code: 'schema', reason: /"date"/, line: 5 },
  },
  {
    name: 'a 10 MB note',
    file: (id, p) => checkIn(id, p, { notes: 'n'.repeat(10 * 1024 * 1024) }),
    expect: { code: 'schema', reason: /"notes" must be at most 200000 characters/ },
  },
  {
    name: 'a check-in dated year 9999 (its partner would never be due)',
    file: (id, p) => checkIn(id, p, { date: '9999-01-01T10:00:00.000Z' }),
    expect: { code: 'future-date', reason: /^Dated 9999-01-01, more than a day ahead of now; it is not counted until then\.$/, line: 5 },
  },
  { name: 'a partner id that is a path', file: (id) => checkIn(id, '../partners/x'), expect: { code: 'schema', reason: /"partnerId"/ } },
  {
    name: 'a check-in pointing at a missing partner (kept, not counted)',
    file: (id) => checkIn(id, newId()),
    expect: { code: 'missing-partner', reason: /^This check-in's partner [0-9a-z]{26} is not in the store/, line: 4 },
  },
  {
    name: 'conflict-marker characters inside a note string (not a conflict)',
    file: (id, p) => checkIn(id, p, { notes: 'Pasted:\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> main\n' }),
    expect: 'loads',
  },
  {
    name: 'conflict markers in a check-in (diff3 style, CRLF)',
    file: (id, p) => {
      const lines = pretty(checkInRecord(id, p)).split('\n');
      lines.splice(
        6,
        1,
        '<<<<<<< HEAD',
        '  "summary": "ours",',
        '||||||| base',
        '  "summary": "base",',
        '=======',
        '  "summary": "theirs",',
        '>>>>>>> feature',
      );
      return { relative: `checkins/2026/${id}.json`, bytes: Buffer.from(lines.join('\r\n')) };
    },
    expect: { code: 'conflict', reason: /conflict markers/, line: 7 },
  },
  {
    name: 'an unknown file in the store folder',
    file: () => ({ relative: 'notes-from-bob.json', bytes: Buffer.from('{ "whatever": ') }),
    expect: 'ignored',
  },
  {
    name: 'an unknown file in a record folder',
    file: () => ({ relative: 'partners/README.md', bytes: Buffer.from('# hand-written notes\n') }),
    expect: 'ignored',
  },
  {
    name: 'a record in the wrong folder',
    file: (id, p) => ({ relative: `checkins/${id}.json`, bytes: Buffer.from(pretty(checkInRecord(id, p))) }),
    expect: 'ignored',
  },
  {
    name: 'a binary file named like a record',
    file: (id) => ({
      relative: `checkins/2026/${id}.json`,
      bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
    }),
    expect: { code: 'encoding', reason: /UTF-8/, line: 1 },
  },
];

describe('bad input in check-ins and around the store, byte for byte', () => {
  let dir: string;
  let root: string;
  let clock: Clock;

  eachTestInTempStore(new Date(2026, 10, 21, 9, 30), (fixture) => ({ dir, root, clock } = fixture));

  for (const bad of cases) {
    it(`${bad.name}: ${typeof bad.expect === 'string' ? bad.expect : `reported (${bad.expect.code})`}, never written, the rest keeps working`, async () => {
      const writer = makeStore(root, { now: clock.now, workspaceFolder: dir });
      const partner = await writer.addPartner({ name: 'Good Partner', department: 'Sales' });
      await writer.addCheckIn({ partnerId: partner.value.id, kind: 'async', summary: 'Before' });
      const id = newId();
      const { relative, bytes } = bad.file(id, partner.value.id);
      const file = await writeFile(root, relative, bytes);

      const store = makeStore(root, { now: clock.now, workspaceFolder: dir });
      await store.load();
      const problems = store.problems();
      if (typeof bad.expect === 'object') {
        assert.equal(problems.length, 1, JSON.stringify(problems.map((p) => p.reason)));
        assert.equal(problems[0].relativePath, relative);
        assert.equal(problems[0].code, bad.expect.code);
        assert.match(problems[0].reason, bad.expect.reason);
        if (bad.expect.line !== undefined) assert.equal(problems[0].location.line, bad.expect.line);
        assert.equal(store.get('checkIn', id), undefined);
      } else {
        assert.deepEqual(problems, []);
        assert.equal(store.get('checkIn', id) !== undefined, bad.expect === 'loads');
      }
      // Every kind of write around it.
      clock.advanceMs(60_000);
      await store.updatePartner(partner.value.id, { role: 'Head of Sales' });
      await store.addCheckIn({ partnerId: partner.value.id, kind: 'one-on-one', summary: 'After', notes: '<<<<<<< not a conflict' });
      await store.initialize();
      await store.load();
      assert.equal(recordBytes(SUITE, bytes, await fsp.readFile(file)), 0);
      const fresh = makeStore(root);
      await fresh.load();
      assert.equal(fresh.partner(partner.value.id)?.value.role, 'Head of Sales');
      assert.equal(fresh.checkInsOf(partner.value.id).length, 2 + (bad.expect === 'loads' && relative.includes('checkins/2026') ? 1 : 0));
      assert.equal((await listFiles(root)).filter((f) => f.endsWith('.tmp')).length, 0);
      recordCounts(SUITE, { badInputs: 1 });
    });
  }
});
