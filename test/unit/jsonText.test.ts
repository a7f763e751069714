import { strict as assert } from 'node:assert';
import { decodeUtf8, findConflictMarker, locatePath, offsetToLocation, parseStrictJson } from '../../src/core/jsonText';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('jsonText.decodeUtf8', () => {
  it('decodes plain UTF-8, including non-ASCII text', () => {
    const result = decodeUtf8(bytes('{"name": "Zoë 🚀"}'));
    assert.deepEqual(result, { ok: true, text: '{"name": "Zoë 🚀"}' });
  });

  it('tolerates a UTF-8 BOM and drops it', () => {
    const result = decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes('{"a": 1}')]));
    assert.deepEqual(result, { ok: true, text: '{"a": 1}' });
  });

  it('refuses invalid UTF-8 and says on which line', () => {
    // Line 3 holds a Latin-1 "é" (0xE9), which is not UTF-8.
    const data = Uint8Array.from([...bytes('{\n  "a": 1,\n  "b": "caf'), 0xe9, ...bytes('"\n}\n')]);
    const result = decodeUtf8(data);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.reason, /not valid UTF-8/);
    assert.equal(result.location.line, 3);
    assert.ok(result.location.column >= 1);
  });

  it('refuses invalid UTF-8 on the last line (no final newline)', () => {
    const data = Uint8Array.from([...bytes('{\n"a":\n"'), 0xc3, 0x28, ...bytes('"}')]);
    const result = decodeUtf8(data);
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.location.line, 3);
  });

  it('refuses UTF-16 with a BOM (both byte orders) at line 1, column 1', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a": 1}', 'utf16le')]);
    const be = Buffer.from([0xfe, 0xff, 0x00, 0x7b, 0x00, 0x7d]);
    for (const data of [le, be]) {
      const result = decodeUtf8(data);
      assert.equal(result.ok, false);
      if (result.ok) continue;
      assert.match(result.reason, /UTF-16/);
      assert.deepEqual(result.location, { line: 1, column: 1 });
    }
  });

  it('refuses UTF-16 without a BOM (its zero bytes are NULs)', () => {
    const result = decodeUtf8(Buffer.from('{"a": 1}', 'utf16le'));
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.reason, /NUL|UTF-16/);
  });

  it('refuses a NUL byte and points at it', () => {
    const result = decodeUtf8(bytes('{\n  "a": "x\u0000y"\n}'));
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.reason, /NUL/);
    assert.deepEqual(result.location, { line: 2, column: 10 });
  });
});

describe('jsonText.findConflictMarker', () => {
  const plain = ['{', '<<<<<<< HEAD', '  "role": "PM"', '=======', '  "role": "Director"', '>>>>>>> feature', '}', ''].join('\n');
  const diff3 = [
    '{',
    '  "name": "Grace",',
    '<<<<<<< ours',
    '  "role": "PM",',
    '||||||| base',
    '  "role": "Eng",',
    '=======',
    '  "role": "Director",',
    '>>>>>>> theirs',
    '}',
    '',
  ].join('\n');

  it('finds plain git conflict markers at the first marker line', () => {
    assert.deepEqual(findConflictMarker(plain), { line: 2, column: 1 });
  });

  it('finds diff3-style markers (with the ||||||| base section)', () => {
    assert.deepEqual(findConflictMarker(diff3), { line: 3, column: 1 });
    // The base marker alone (e.g. a half-resolved file) is still a conflict.
    assert.deepEqual(findConflictMarker('{\n||||||| base\n}\n'), { line: 2, column: 1 });
    assert.deepEqual(findConflictMarker('{\n  "a": 1\n=======\n}\n'), { line: 3, column: 1 });
    assert.deepEqual(findConflictMarker('{\n  "a": 1\n>>>>>>> theirs\n}\n'), { line: 3, column: 1 });
  });

  it('finds markers in a CRLF file, with the line number of the marker', () => {
    assert.deepEqual(findConflictMarker(plain.replace(/\n/g, '\r\n')), { line: 2, column: 1 });
  });

  it('finds markers without a label and at the very start of the file', () => {
    assert.deepEqual(findConflictMarker('<<<<<<<\n{}\n=======\n[]\n>>>>>>>\n'), { line: 1, column: 1 });
  });

  it('does not mistake the same characters inside JSON string values for a conflict', () => {
    const text = JSON.stringify(
      {
        summary: '<<<<<<< HEAD',
        notes: 'a\n<<<<<<< HEAD\n=======\n>>>>>>> theirs\n||||||| base',
        bar: '=======',
        tail: '>>>>>>> x',
      },
      null,
      2,
    );
    assert.equal(findConflictMarker(text), undefined);
    assert.equal(findConflictMarker('{"a": "<<<<<<< HEAD"}'), undefined);
  });

  it('does not treat a JSON string holding a Unicode line separator before marker characters as a conflict', () => {
    // U+2028/U+2029 are legal raw characters inside JSON strings (JSON.stringify leaves them raw), e.g.
    // text pasted from a web page. Git only splits lines at \n, so this is not a conflict marker.
    for (const separator of ['\u2028', '\u2029']) {
      const text = JSON.stringify({ summary: `pasted${separator}>>>>>>> theirs`, notes: `x${separator}<<<<<<< HEAD` }, null, 2);
      assert.equal((JSON.parse(text) as { summary: string }).summary, `pasted${separator}>>>>>>> theirs`);
      assert.equal(
        findConflictMarker(text),
        undefined,
        `a marker after U+${separator.charCodeAt(0).toString(16).toUpperCase()} inside a string was taken for a conflict`,
      );
    }
  });

  it('does not fire on runs of fewer or more than seven characters, or markers not followed by a space', () => {
    assert.equal(findConflictMarker('<<<<<< six\n'), undefined);
    assert.equal(findConflictMarker('========\n'), undefined);
    assert.equal(findConflictMarker('<<<<<<<<x\n'), undefined);
    assert.equal(findConflictMarker('  <<<<<<< indented\n'), undefined);
  });
});

describe('jsonText.parseStrictJson', () => {
  it('parses valid JSON', () => {
    assert.deepEqual(parseStrictJson('{\n  "a": [1, 2, {"b": null}]\n}\n'), { ok: true, value: { a: [1, 2, { b: null }] } });
  });

  it('reports truncated JSON at the end of the text', () => {
    const result = parseStrictJson('{\n  "name": "Grace",\n  "role": "PM"');
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.reason, /not valid JSON/);
    assert.deepEqual(result.location, { line: 3, column: 15 });
  });

  it('reports JSON truncated inside a string on the line of that string', () => {
    const result = parseStrictJson('{\n  "name": "Gra');
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.location.line, 2);
  });

  it('refuses a trailing comma, pointing at the comma or the brace right after it', () => {
    const result = parseStrictJson('{\n  "name": "Grace",\n  "role": "PM",\n}\n');
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.reason, /not valid JSON/);
    const at = `${result.location.line}:${result.location.column}`;
    assert.ok(at === '3:15' || at === '4:1', `trailing comma reported at ${at}`);
  });

  it('refuses a trailing comma in an array', () => {
    const result = parseStrictJson('{\n  "leads": [\n    "API",\n  ]\n}');
    assert.equal(result.ok, false);
    if (!result.ok) assert.ok(result.location.line === 3 || result.location.line === 4, JSON.stringify(result.location));
  });

  it('refuses line and block comments at the comment', () => {
    const line = parseStrictJson('{\n  "a": 1, // why\n  "b": 2\n}');
    assert.equal(line.ok, false);
    if (!line.ok) {
      assert.match(line.reason, /comment/);
      assert.deepEqual(line.location, { line: 2, column: 11 });
    }
    const block = parseStrictJson('{\n  "a": 1,\n  /* note */ "b": 2\n}');
    assert.equal(block.ok, false);
    if (!block.ok) assert.deepEqual(block.location, { line: 3, column: 3 });
  });

  it('refuses single quotes, unquoted keys and garbage after the value', () => {
    for (const [text, line] of [
      ["{\n  'a': 1\n}", 2],
      ['{\n  a: 1\n}', 2],
      ['{}\n\nx', 3],
    ] as const) {
      const result = parseStrictJson(text);
      assert.equal(result.ok, false, text);
      if (!result.ok) assert.equal(result.location.line, line, `${text} → ${JSON.stringify(result.location)}`);
    }
  });

  it('refuses an empty text', () => {
    assert.equal(parseStrictJson('').ok, false);
  });
});

describe('jsonText.locatePath', () => {
  const text = '{\n  "name": "Grace",\n  "author": {\n    "name": 42\n  },\n  "leads": [\n    "API",\n    7\n  ]\n}\n';

  it('points at the property name of a nested field', () => {
    assert.deepEqual(locatePath(text, ['author', 'name']), { line: 4, column: 5 });
    assert.deepEqual(locatePath(text, ['name']), { line: 2, column: 3 });
  });

  it('points at an array element', () => {
    assert.deepEqual(locatePath(text, ['leads', 1]), { line: 8, column: 5 });
  });

  it('falls back to the nearest existing parent, then the start', () => {
    assert.deepEqual(locatePath(text, ['author', 'email']), { line: 3, column: 3 });
    assert.deepEqual(locatePath(text, ['missing']), { line: 1, column: 1 });
    assert.deepEqual(locatePath('', ['x']), { line: 1, column: 1 });
  });
});

describe('jsonText.offsetToLocation', () => {
  it('counts lines and 1-based columns', () => {
    assert.deepEqual(offsetToLocation('ab\ncd\nef', 0), { line: 1, column: 1 });
    assert.deepEqual(offsetToLocation('ab\ncd\nef', 4), { line: 2, column: 2 });
    assert.deepEqual(offsetToLocation('ab\r\ncd', 5), { line: 2, column: 2 });
  });
});
