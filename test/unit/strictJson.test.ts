// The reader's stricter checks: duplicate keys, "__proto__", where invalid UTF-8 is, UTF-16 with or
// without a byte order mark, and very deep nesting (which must end in a problem, never a stack overflow).
import { strict as assert } from 'node:assert';
import { decodeUtf8, locateInvalidUtf8, parseStrictJson } from '../../src/core/jsonText';
import { readRecord } from '../../src/core/recordReader';
import { recordCounts } from '../reliability/counts';
import { newId, partnerRecord, pretty } from './helpers';

const SUITE = 'unit-strict-json';

describe('strict JSON: keys', () => {
  afterEach(() => recordCounts(SUITE, { badInputs: 1 }));

  it('refuses a key given twice in one object, pointing at the second', () => {
    const text = '{\n  "name": "A",\n  "role": "PM",\n  "name": "B"\n}\n';
    const parsed = parseStrictJson(text);
    assert.equal(parsed.ok, false);
    if (parsed.ok) return;
    assert.match(parsed.reason, /has the key "name" twice in the same object/);
    assert.deepEqual(parsed.location, { line: 4, column: 3 });
  });

  it('refuses a duplicate key nested deeper, and allows the same key in sibling objects', () => {
    const nested = parseStrictJson('{"author": {"name": "A", "email": "a@x", "name": "B"}}');
    assert.equal(nested.ok, false);
    if (!nested.ok) assert.deepEqual(nested.location, { line: 1, column: 42 });
    const siblings = parseStrictJson('{"a": {"name": 1}, "b": {"name": 2}, "c": [{"name": 3}, {"name": 4}]}');
    assert.equal(siblings.ok, true);
  });

  it('is not fooled by colons and quotes inside strings', () => {
    assert.equal(parseStrictJson('{"note": "a: b \\": c \\\\", "url": "http://x:80"}').ok, true);
  });

  it('refuses a "__proto__" key anywhere, with its place', () => {
    for (const [text, location] of [
      ['{"__proto__": {"admin": true}}', { line: 1, column: 2 }],
      ['{\n  "x-ext": {\n    "__proto__": null\n  }\n}', { line: 3, column: 5 }],
    ] as const) {
      const parsed = parseStrictJson(text);
      assert.equal(parsed.ok, false, text);
      if (parsed.ok) continue;
      assert.match(parsed.reason, /"__proto__" key/);
      assert.deepEqual(parsed.location, location);
    }
    assert.equal(({} as Record<string, unknown>).admin, undefined, 'no prototype was touched');
  });

  it('a record with a duplicate key is a "json" problem naming line and column', () => {
    const id = newId();
    const text = pretty(partnerRecord(id)).replace('"department": "Product",', '"department": "Product",\n  "department": "Sales",');
    const result = readRecord('partner', Buffer.from(text), id);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.problem.code, 'json');
    assert.match(result.problem.reason, /^File has the key "department" twice/);
    assert.deepEqual(result.problem.location, { line: text.split('\n').findIndex((l) => l.includes('"Sales"')) + 1, column: 3 });
  });
});

describe('strict UTF-8: where the first bad byte is', () => {
  afterEach(() => recordCounts(SUITE, { badInputs: 1 }));

  for (const [name, bytes, location] of [
    [
      'a Latin-1 é on line 3 after "  "name": "Ren"',
      Buffer.concat([Buffer.from('{\n  "id": "x",\n  "name": "Ren'), Buffer.from([0xe9]), Buffer.from('e"\n}\n')]),
      { line: 3, column: 15 },
    ],
    ['a lone continuation byte at the very start', Buffer.from([0x80, 0x7b, 0x7d]), { line: 1, column: 1 }],
    [
      'a truncated 3-byte sequence after valid multi-byte text (columns in UTF-16 units)',
      Buffer.concat([Buffer.from('{"n": "Zoë 😀'), Buffer.from([0xe2, 0x82]), Buffer.from('"}')]),
      { line: 1, column: 14 },
    ],
    [
      'an overlong encoding of "/"',
      Buffer.concat([Buffer.from('{\n"a":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]),
      { line: 2, column: 6 },
    ],
    [
      'an encoded surrogate half',
      Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]),
      { line: 1, column: 7 },
    ],
    [
      'a code point above U+10FFFF',
      Buffer.concat([Buffer.from('\r\n\r\n{"a":"'), Buffer.from([0xf4, 0x90, 0x80, 0x80]), Buffer.from('"}')]),
      { line: 3, column: 7 },
    ],
  ] as const) {
    it(name, () => {
      const decoded = decodeUtf8(bytes);
      assert.equal(decoded.ok, false);
      if (decoded.ok) return;
      assert.match(decoded.reason, /not valid UTF-8/);
      assert.deepEqual(decoded.location, location);
      assert.deepEqual(locateInvalidUtf8(bytes), location);
    });
  }

  it('a BOM before the bad byte does not count as a column', () => {
    assert.deepEqual(locateInvalidUtf8(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0xff])), { line: 1, column: 2 });
  });
});

describe('UTF-16 gets a clear error', () => {
  afterEach(() => recordCounts(SUITE, { badInputs: 1 }));
  const json = pretty(partnerRecord(newId()));
  const be = (text: string) => Buffer.from(text, 'utf16le').swap16();
  for (const [name, bytes, reason] of [
    ['little-endian with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]), /UTF-16 byte order mark/],
    ['big-endian with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), be(json)]), /UTF-16 byte order mark/],
    ['little-endian without a BOM', Buffer.from(json, 'utf16le'), /looks like UTF-16/],
    ['big-endian without a BOM', be(json), /looks like UTF-16/],
  ] as const) {
    it(name, () => {
      const result = readRecord('partner', bytes);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.problem.code, 'encoding');
      assert.match(result.problem.reason, reason);
      assert.match(result.problem.reason, /must be UTF-8/);
    });
  }

  it('a real NUL byte in UTF-8 text is still reported as a NUL byte, where it is', () => {
    const decoded = decodeUtf8(Buffer.from('{\n  "a": "x\u0000y"\n}\n'));
    assert.equal(decoded.ok, false);
    if (!decoded.ok) {
      assert.match(decoded.reason, /NUL byte/);
      assert.deepEqual(decoded.location, { line: 2, column: 10 });
    }
  });
});

describe('deep nesting', () => {
  afterEach(() => recordCounts(SUITE, { badInputs: 1 }));

  it('valid but 100,000 levels deep: a schema problem, no stack overflow', () => {
    const id = newId();
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const text = pretty(partnerRecord(id)).replace('"name": "Grace Hopper"', `"name": ${deep}`);
    const result = readRecord('partner', Buffer.from(text), id);
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.problem.code, 'schema');
  });

  it('valid, 100,000 levels deep in an unknown field: kept like any unknown field', () => {
    const id = newId();
    const text = pretty(partnerRecord(id)).replace(
      '"name": "Grace Hopper"',
      `"name": "Grace", "x-deep": ${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    );
    const result = readRecord('partner', Buffer.from(text), id);
    assert.equal(result.ok, true);
  });

  it('invalid and 100,000 levels deep: a json problem, no stack overflow', () => {
    const result = readRecord('partner', Buffer.from(`{"a": ${'['.repeat(100_000)}`));
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.problem.code, 'json');
  });

  it('a duplicate key 100,000 levels deep: still refused', () => {
    const parsed = parseStrictJson(`${'['.repeat(100_000)}{"a": 1, "a": 2}${']'.repeat(100_000)}`);
    assert.equal(parsed.ok, false);
  });
});

describe('numbers JSON cannot hold', () => {
  afterEach(() => recordCounts(SUITE, { badInputs: 1 }));

  it('1e400 is refused where it is, not read as Infinity', () => {
    const parsed = parseStrictJson('{\n  "schemaVersion": 1,\n  "x-big": [1, 1e400]\n}\n');
    assert.equal(parsed.ok, false);
    if (parsed.ok) return;
    assert.match(parsed.reason, /^File has the number 1e400, which is too large for a JSON number/);
    assert.deepEqual(parsed.location, { line: 3, column: 16 });
  });

  for (const [field, raw] of [
    ['schemaVersion', '1e400'],
    ['rating', '-1e400'],
    ['cadenceDays', '1E+999'],
    ['x-future-field', '-123456789e999'],
  ] as const) {
    it(`${field}: ${raw} is a "json" problem with its own message, never "newer version" or a range error`, () => {
      const id = newId();
      const text = pretty(partnerRecord(id, { [field]: 7 })).replace(`"${field}": 7`, `"${field}": ${raw}`);
      const result = readRecord('partner', Buffer.from(text), id);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.problem.code, 'json');
      assert.equal(
        result.problem.reason,
        `File has the number ${raw}, which is too large for a JSON number (it reads as infinity); write a smaller one.`,
      );
      const line = text.split('\n').findIndex((l) => l.includes(raw));
      assert.deepEqual(result.problem.location, { line: line + 1, column: (text.split('\n')[line] ?? '').indexOf(raw) + 1 });
    });
  }

  it('a number too large in a manifest, or nested 100,000 levels deep, is refused too', () => {
    const manifest = readRecord(
      'manifest',
      Buffer.from('{ "format": "alliances", "schemaVersion": 1, "defaults": { "cadenceDays": 1e309 } }'),
    );
    assert.equal(manifest.ok, false);
    if (!manifest.ok) assert.deepEqual([manifest.problem.code, manifest.problem.location], ['json', { line: 1, column: 75 }]);
    const deep = parseStrictJson(`{"a": ${'['.repeat(100_000)}1e400${']'.repeat(100_000)}}`);
    assert.equal(deep.ok, false);
  });

  it('large but finite numbers and tiny ones still parse', () => {
    assert.equal(parseStrictJson('{"a": 1e308, "b": -1.7976931348623157e308, "c": 1e-400}').ok, true);
  });
});
