import { strict as assert } from 'node:assert';
import { newId } from '../../src/core/ids';
import { isRealCalendarDate, SCHEMA_VERSION } from '../../src/core/model';
import { readRecord, type ReadResult } from '../../src/core/recordReader';
import { type RecordKind } from '../../src/core/vocabulary';
import { checkInRecord, partnerRecord, pretty } from './helpers';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function problemOf<K extends RecordKind>(result: ReadResult<K>) {
  assert.equal(result.ok, false, 'expected the record to be refused');
  if (result.ok) throw new Error('unreachable');
  return result.problem;
}

describe('readRecord', () => {
  const id = newId();
  const good = partnerRecord(id, { role: 'Group PM', cadenceDays: 14, leads: ['Roadmap'] });

  it('reads a valid partner and is not read-only', () => {
    const result = readRecord('partner', bytes(pretty(good)), id);
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.equal(result.readOnly, false);
    assert.equal(result.value.name, 'Grace Hopper');
    assert.equal(result.value.cadenceDays, 14);
  });

  it('reads a valid check-in and a manifest', () => {
    const checkInId = newId();
    assert.equal(readRecord('checkIn', bytes(pretty(checkInRecord(checkInId, id))), checkInId).ok, true);
    assert.equal(readRecord('manifest', bytes(pretty({ format: 'alliances', schemaVersion: 1 }))).ok, true);
  });

  it('accepts a BOM and CRLF line endings', () => {
    const text = `\ufeff${pretty(good).replace(/\n/g, '\r\n')}`;
    assert.equal(readRecord('partner', bytes(text), id).ok, true);
  });

  it('keeps fields it does not know, at the top level and nested', () => {
    const record = { ...good, 'x-future': { tags: ['a', 'b'], score: 3 }, author: { name: 'Ada', pronouns: 'she/her' } };
    const result = readRecord('partner', bytes(pretty(record)), id);
    assert.equal(result.ok, true);
    if (!result.ok) return;
    const value = result.value as Record<string, unknown>;
    assert.deepEqual(value['x-future'], { tags: ['a', 'b'], score: 3 });
    assert.deepEqual(value.author, { name: 'Ada', pronouns: 'she/her' });
  });

  it('loads a record from a newer schema version read-only', () => {
    const record = { ...good, schemaVersion: SCHEMA_VERSION + 1, 'x-new-field': true };
    const result = readRecord('partner', bytes(pretty(record)), id);
    assert.equal(result.ok, true);
    if (result.ok) assert.equal(result.readOnly, true);
  });

  it('reports a newer-version record it cannot validate as "newer-version", not as a schema error', () => {
    const record = { ...good, schemaVersion: SCHEMA_VERSION + 1, name: { given: 'Grace', family: 'Hopper' } };
    const problem = problemOf(readRecord('partner', bytes(pretty(record)), id));
    assert.equal(problem.code, 'newer-version');
    assert.match(problem.reason, /newer version/);
  });

  it('reports an empty or blank file', () => {
    for (const text of ['', '   \n\n']) {
      const problem = problemOf(readRecord('partner', bytes(text), id));
      assert.equal(problem.code, 'json');
      assert.match(problem.reason, /empty/);
      assert.deepEqual(problem.location, { line: 1, column: 1 });
    }
  });

  it('reports encoding problems before anything else', () => {
    const problem = problemOf(readRecord('partner', Buffer.from(pretty(good), 'utf16le'), id));
    assert.equal(problem.code, 'encoding');
    const invalid = problemOf(readRecord('partner', Uint8Array.from([0x7b, 0x0a, 0xff, 0x7d]), id));
    assert.equal(invalid.code, 'encoding');
    assert.equal(invalid.location.line, 2);
  });

  it('reports conflict markers with code "conflict" and the line of the first marker', () => {
    const text = [
      '{',
      '  "schemaVersion": 1,',
      `  "id": "${id}",`,
      '<<<<<<< HEAD',
      '  "role": "PM",',
      '=======',
      '  "role": "Director",',
      '>>>>>>> b',
      '  "name": "Grace"',
      '}',
      '',
    ].join('\n');
    const problem = problemOf(readRecord('partner', bytes(text), id));
    assert.equal(problem.code, 'conflict');
    assert.match(problem.reason, /conflict/);
    assert.deepEqual(problem.location, { line: 4, column: 1 });
  });

  it('reads a record whose string values contain marker characters', () => {
    const record = { ...good, role: '<<<<<<< HEAD', leads: ['=======', '>>>>>>> x', '||||||| y'] };
    const result = readRecord('partner', bytes(pretty(record)), id);
    assert.equal(result.ok, true, result.ok ? '' : result.problem.reason);
  });

  it('reports truncated JSON as "json" at the end', () => {
    const text = pretty(good);
    const truncated = text.slice(0, text.indexOf('"department"'));
    const problem = problemOf(readRecord('partner', bytes(truncated), id));
    assert.equal(problem.code, 'json');
    assert.match(problem.reason, /not valid JSON/);
    assert.equal(problem.location.line, truncated.split('\n').length);
  });

  it('reports a schema error with the field path and the line of the field', () => {
    const text = pretty({ ...good, cadenceDays: 'weekly' });
    const problem = problemOf(readRecord('partner', bytes(text), id));
    assert.equal(problem.code, 'schema');
    assert.match(problem.reason, /"cadenceDays"/);
    const line = text.split('\n').findIndex((l) => l.includes('"cadenceDays"')) + 1;
    assert.deepEqual(problem.location, { line, column: 3 });
  });

  it('reports a nested schema error with a dotted path', () => {
    const text = pretty({ ...good, author: { name: 42 } });
    const problem = problemOf(readRecord('partner', bytes(text), id));
    assert.equal(problem.code, 'schema');
    assert.match(problem.reason, /"author\.name"/);
    const line = text.split('\n').findIndex((l) => l.includes('"name": 42')) + 1;
    assert.equal(problem.location.line, line);
  });

  it('reports an error inside an array with its index', () => {
    const text = pretty({ ...good, leads: ['Roadmap', 7] });
    const problem = problemOf(readRecord('partner', bytes(text), id));
    assert.match(problem.reason, /"leads\.1"/);
    const line = text.split('\n').findIndex((l) => l.trim() === '7') + 1;
    assert.equal(problem.location.line, line);
  });

  it('says which required field is missing', () => {
    const rest = { ...good };
    delete rest.department;
    const problem = problemOf(readRecord('partner', bytes(pretty(rest)), id));
    assert.equal(problem.code, 'schema');
    assert.match(problem.reason, /"department" is missing/);
  });

  it('refuses an empty (blank) name', () => {
    assert.match(problemOf(readRecord('partner', bytes(pretty({ ...good, name: '   ' })), id)).reason, /"name"/);
  });

  it('refuses a date that is not ISO', () => {
    assert.match(problemOf(readRecord('partner', bytes(pretty({ ...good, createdAt: 'yesterday' })), id)).reason, /"createdAt"/);
    assert.match(problemOf(readRecord('partner', bytes(pretty({ ...good, snoozedUntil: '2/12/2026' })), id)).reason, /"snoozedUntil"/);
  });

  it('refuses calendar dates that do not exist (Feb 30, Apr 31, Feb 29 in 2026)', () => {
    // The model promises "is not a real date"; date-fns (cadence) cannot use such a date either.
    for (const day of ['2026-02-30', '2026-04-31', '2026-02-29']) {
      const result = readRecord('partner', bytes(pretty({ ...good, snoozedUntil: day })), id);
      assert.equal(result.ok, false, `snoozedUntil ${day} was accepted`);
    }
  });

  it('refuses timestamps on days that do not exist', () => {
    const result = readRecord('partner', bytes(pretty({ ...good, createdAt: '2026-02-30T09:00:00.000Z' })), id);
    assert.equal(result.ok, false, 'createdAt 2026-02-30T09:00:00.000Z was accepted');
  });

  it('refuses an unknown check-in kind and a rating out of 1–5', () => {
    const checkInId = newId();
    assert.match(
      problemOf(readRecord('checkIn', bytes(pretty(checkInRecord(checkInId, id, { kind: 'lunch' }))), checkInId)).reason,
      /"kind"/,
    );
    assert.match(
      problemOf(readRecord('checkIn', bytes(pretty(checkInRecord(checkInId, id, { rating: 6 }))), checkInId)).reason,
      /"rating"/,
    );
    assert.match(
      problemOf(readRecord('checkIn', bytes(pretty(checkInRecord(checkInId, id, { rating: 2.5 }))), checkInId)).reason,
      /"rating"/,
    );
  });

  it('refuses a file that is JSON but not an object', () => {
    for (const text of ['[]', '"Grace"', 'null', '42']) {
      const problem = problemOf(readRecord('partner', bytes(text), id));
      assert.equal(problem.code, 'schema', text);
    }
  });

  it('reports an id that differs from the file name, at the "id" line', () => {
    const other = newId();
    const text = pretty(good);
    const problem = problemOf(readRecord('partner', bytes(text), other));
    assert.equal(problem.code, 'id-mismatch');
    assert.ok(problem.reason.includes(id) && problem.reason.includes(other), problem.reason);
    assert.deepEqual(problem.location, { line: 3, column: 3 });
  });

  it('refuses a manifest of another format', () => {
    const problem = problemOf(readRecord('manifest', bytes(pretty({ format: 'something-else', schemaVersion: 1 }))));
    assert.equal(problem.code, 'schema');
    assert.match(problem.reason, /"format"/);
  });
});

describe('isRealCalendarDate', () => {
  it('agrees with the calendar for every day of 1999–2101 and for the days just past each month', () => {
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    for (let year = 1999; year <= 2101; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 0; day <= 32; day++) {
          const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
          const date = new Date(Date.UTC(year, month - 1, day));
          const real = day >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
          assert.equal(isRealCalendarDate(text), real, text);
          assert.equal(isRealCalendarDate(`${text}T09:30:00.000Z`), real, `${text} with a time`);
        }
      }
    }
  });

  it('refuses what is not yyyy-MM-dd: months 00 and 13, letters, other separators, short text', () => {
    for (const text of [
      '2026-00-10',
      '2026-13-01',
      '2026-1-10',
      '20x6-01-10',
      '2026/01/10',
      '2026-01-1',
      '',
      '2026-01',
      '２０２６-01-10',
      '2026-0a-10',
    ]) {
      assert.equal(isRealCalendarDate(text), false, text);
    }
  });
});
