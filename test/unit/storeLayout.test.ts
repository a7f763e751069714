import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { newId } from '../../src/core/ids';
import { GITIGNORE_TEXT, checkInFile, fileFor, partnerFile, roleOf, toRelative } from '../../src/core/storeLayout';

describe('storeLayout.roleOf', () => {
  const id = newId();

  it('knows the manifest, partner files and check-in files', () => {
    assert.deepEqual(roleOf('alliances.json'), { kind: 'manifest', private: false });
    assert.deepEqual(roleOf(`partners/grace-hopper-${id}.json`), { kind: 'partner', expectedId: id, private: false });
    assert.deepEqual(roleOf(`partners/${id}.json`), { kind: 'partner', expectedId: id, private: false });
    assert.deepEqual(roleOf(`checkins/2026/${id}.json`), { kind: 'checkIn', expectedId: id, private: false });
  });

  it('still claims a partner file whose name has no id, so the mismatch is reported', () => {
    assert.deepEqual(roleOf('partners/grace.json'), { kind: 'partner', expectedId: '', private: false });
  });

  it('ignores temporary, hidden, private, misplaced and non-JSON files', () => {
    for (const relative of [
      `partners/.grace-${id}.json.0a1b2c3d.tmp`,
      `partners/.grace-${id}.json`,
      'partners/notes.md',
      '.gitignore',
      'private/mine.json',
      `private/partners/x-${id}.json`,
      `checkins/${id}.json`,
      `checkins/26/${id}.json`,
      `checkins/2026/extra/${id}.json`,
      `partners/sub/x-${id}.json`,
      'other.json',
    ]) {
      assert.equal(roleOf(relative), undefined, relative);
    }
  });
});

describe('storeLayout file names', () => {
  const root = path.resolve('/ws/.alliances');
  const id = newId();

  it('puts a partner in partners/<slug>-<id>.json', () => {
    const file = partnerFile(root, id, 'Zoë Ångström');
    assert.equal(toRelative(root, file), `partners/zoe-angstrom-${id}.json`);
    assert.deepEqual(roleOf(toRelative(root, file)), { kind: 'partner', expectedId: id, private: false });
  });

  it('puts a check-in in checkins/<yyyy>/<id>.json by its (local) date', () => {
    const file = checkInFile(root, id, new Date(2027, 0, 1, 0, 30));
    assert.equal(toRelative(root, file), `checkins/2027/${id}.json`);
    assert.deepEqual(roleOf(toRelative(root, file)), { kind: 'checkIn', expectedId: id, private: false });
  });

  it('ignores private notes and temporary files in the .gitignore text', () => {
    assert.match(GITIGNORE_TEXT, /^private\/$/m);
    assert.match(GITIGNORE_TEXT, /^\.\*\.tmp$/m);
  });
});

describe('storeLayout: talking points, follow-ups, asks and private records', () => {
  const root = path.resolve('/ws/.alliances');
  const id = newId();

  it('gives each kind its own folder, one file per record', () => {
    assert.equal(toRelative(root, fileFor(root, 'talkingPoint', id)), `talking-points/${id}.json`);
    assert.equal(toRelative(root, fileFor(root, 'followUp', id)), `follow-ups/${id}.json`);
    assert.equal(toRelative(root, fileFor(root, 'ask', id)), `asks/${id}.json`);
    assert.deepEqual(roleOf(`talking-points/${id}.json`), { kind: 'talkingPoint', expectedId: id, private: false });
    assert.deepEqual(roleOf(`follow-ups/${id}.json`), { kind: 'followUp', expectedId: id, private: false });
    assert.deepEqual(roleOf(`asks/${id}.json`), { kind: 'ask', expectedId: id, private: false });
  });

  it('puts private records under private/, with the same layout, and notes only there', () => {
    assert.equal(
      toRelative(root, fileFor(root, 'checkIn', id, { private: true, date: new Date(2026, 5, 1) })),
      `private/checkins/2026/${id}.json`,
    );
    assert.equal(toRelative(root, fileFor(root, 'talkingPoint', id, { private: true })), `private/talking-points/${id}.json`);
    assert.equal(toRelative(root, fileFor(root, 'note', id)), `private/notes/${id}.json`, 'notes are always private');
    assert.deepEqual(roleOf(`private/checkins/2026/${id}.json`), { kind: 'checkIn', expectedId: id, private: true });
    assert.deepEqual(roleOf(`private/notes/${id}.json`), { kind: 'note', expectedId: id, private: true });
    assert.equal(roleOf(`notes/${id}.json`), undefined, 'a shared notes folder is not a thing');
    assert.equal(roleOf(`private/partners/x-${id}.json`), undefined, 'partners are never private');
    assert.equal(toRelative(root, fileFor(root, 'partner', id, { private: true, name: 'Ann' })), `partners/ann-${id}.json`);
  });
});
