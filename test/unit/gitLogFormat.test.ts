// The one parser of src/git's `git log` format (history and code-area commits both read it), on the
// exact bytes git prints; the real-git tests (gitHistory, gitAreaCommits) run it against git itself.
import { strict as assert } from 'node:assert';
import { LOG_FORMAT, LOG_OPTIONS, parseLog } from '../../src/git/logFormat';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
/** One commit as `git log` prints it with LOG_OPTIONS: the format's fields, then "\n" and the file list. */
const record = (commit: string, subject: string, ...files: string[]) =>
  `\x1e${commit}\0Ada Lovelace\0ada@example.com\x002026-11-21T09:30:00+01:00\0${subject}\0` +
  (files.length ? `\n${files.join('\0')}\0` : '');

describe('the git log format (src/git/logFormat.ts)', () => {
  it('asks git for what it parses: hash, author, email, ISO author date, subject; the changed files, \\0-separated', () => {
    assert.equal(LOG_FORMAT, '%x1e%H%x00%an%x00%ae%x00%aI%x00%s');
    assert.deepEqual(LOG_OPTIONS, ['--format=%x1e%H%x00%an%x00%ae%x00%aI%x00%s', '--name-status', '-z']);
  });

  it('reads each commit with its changes in order: added, modified, deleted, renamed and copied (old path, then new)', () => {
    const out = [
      record(A, 'Rename Dana', 'R100', 'partners/dana.json', 'partners/dana-whitfield.json', 'M', 'src/a b.ts'),
      record(B, 'Copy and delete', 'C075', 'src/x.ts', 'src/y.ts', 'D', 'old.ts', 'T', 'link'),
      record(C, 'First: add', 'A', 'partners/dana.json'),
    ].join('');
    assert.deepEqual(parseLog(out), [
      {
        commit: A,
        author: 'Ada Lovelace',
        email: 'ada@example.com',
        date: '2026-11-21T09:30:00+01:00',
        subject: 'Rename Dana',
        changes: [
          { status: 'R', path: 'partners/dana-whitfield.json', previousPath: 'partners/dana.json' },
          { status: 'M', path: 'src/a b.ts' },
        ],
      },
      {
        commit: B,
        author: 'Ada Lovelace',
        email: 'ada@example.com',
        date: '2026-11-21T09:30:00+01:00',
        subject: 'Copy and delete',
        changes: [
          { status: 'C', path: 'src/y.ts', previousPath: 'src/x.ts' },
          { status: 'D', path: 'old.ts' },
          { status: 'T', path: 'link' },
        ],
      },
      {
        commit: C,
        author: 'Ada Lovelace',
        email: 'ada@example.com',
        date: '2026-11-21T09:30:00+01:00',
        subject: 'First: add',
        changes: [{ status: 'A', path: 'partners/dana.json' }],
      },
    ]);
  });

  it('keeps a commit without changed files (an empty commit), with no changes', () => {
    const [empty, next] = parseLog(record(A, 'Empty') + record(B, 'Next', 'M', 'a.ts'));
    assert.equal(empty?.subject, 'Empty');
    assert.deepEqual(empty?.changes, []);
    assert.deepEqual(next?.changes, [{ status: 'M', path: 'a.ts' }]);
  });

  it('file names with newlines, tabs and non-ASCII letters come through as they are (-z: no quoting)', () => {
    const [commit] = parseLog(record(A, 'Odd names', 'A', 'notes/zoë\tångström.md', 'A', 'two\nlines.txt'));
    assert.deepEqual(
      commit?.changes.map((c) => c.path),
      ['notes/zoë\tångström.md', 'two\nlines.txt'],
    );
  });

  it('a subject not ended by \\0 still ends at its newline, and the file list follows', () => {
    const out = `\x1e${A}\0Bob\0bob@example.com\x002026-11-21T09:30:00Z\0Fix it\n\nM\0src/fix.ts\0`;
    assert.deepEqual(parseLog(out), [
      {
        commit: A,
        author: 'Bob',
        email: 'bob@example.com',
        date: '2026-11-21T09:30:00Z',
        subject: 'Fix it',
        changes: [{ status: 'M', path: 'src/fix.ts' }],
      },
    ]);
  });

  it('nothing (no commits, or only whitespace) is no commits', () => {
    assert.deepEqual(parseLog(''), []);
    assert.deepEqual(parseLog('\n'), []);
  });
});
