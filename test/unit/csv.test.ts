import { strict as assert } from 'node:assert';
import { CsvError, detectSeparator, parseCsv, toCsv } from '../../src/core/csv';

const fields = (text: string) => parseCsv(text).map((row) => row.fields);

describe('CSV (RFC 4180)', () => {
  it('reads quoted fields with separators, doubled quotes and newlines, and knows where each row starts', () => {
    const text = 'Name,Notes\r\n"Okafor, Hannah","Says ""hi""\r\nevery Monday"\r\nLeo,plain\r\n';
    assert.deepEqual(parseCsv(text), [
      { fields: ['Name', 'Notes'], line: 1 },
      { fields: ['Okafor, Hannah', 'Says "hi"\r\nevery Monday'], line: 2 },
      { fields: ['Leo', 'plain'], line: 4 },
    ]);
  });

  it('strips a BOM, accepts LF, a missing final newline, empty fields and skips blank lines', () => {
    assert.deepEqual(fields('\uFEFFa,b,c\n1,,3\n\n4,5,'), [
      ['a', 'b', 'c'],
      ['1', '', '3'],
      ['4', '5', ''],
    ]);
  });

  it('detects ; and tab separators (European spreadsheets), ignoring the ones inside quotes', () => {
    assert.equal(detectSeparator('Name;Department;Email\nA;B;C'), ';');
    assert.equal(detectSeparator('"Last, First";Dept\n'), ';');
    assert.equal(detectSeparator('a\tb\tc'), '\t');
    assert.equal(detectSeparator('\uFEFFName,Email'), ',');
    assert.deepEqual(fields('Name;Abteilung\n"Müller; Jürgen";Vertrieb\n'), [
      ['Name', 'Abteilung'],
      ['Müller; Jürgen', 'Vertrieb'],
    ]);
  });

  it('keeps a stray quote inside an unquoted field as text', () => {
    assert.deepEqual(fields('a,5" screen,b'), [['a', '5" screen', 'b']]);
  });

  it('reports an unclosed quote and text after a closing quote with the line', () => {
    assert.throws(
      () => parseCsv('a,b\n1,"open\n2,3\n'),
      (error: unknown) => error instanceof CsvError && error.line === 2 && /not closed/.test(error.message),
    );
    assert.throws(
      () => parseCsv('a,b\n"x"y,1\n'),
      (error: unknown) => error instanceof CsvError && error.line === 2,
    );
  });

  it('writes CRLF rows, quotes only when needed, defuses formulas, and reads back what it wrote', () => {
    const rows = [
      ['Name', 'Note'],
      ['Okafor, Hannah', 'She said "yes"\nthen left'],
      ['=HYPERLINK("x")', ' padded '],
      ['Zoë Ångström', ''],
    ];
    const text = toCsv(rows);
    assert.equal(
      text,
      'Name,Note\r\n"Okafor, Hannah","She said ""yes""\nthen left"\r\n"\'=HYPERLINK(""x"")"," padded "\r\nZoë Ångström,\r\n',
    );
    assert.deepEqual(fields(text), [rows[0], rows[1], ['\'=HYPERLINK("x")', ' padded '], rows[3]]);
  });
});
