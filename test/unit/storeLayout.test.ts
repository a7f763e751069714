import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { newId } from '../../src/core/ids';
import { GITIGNORE_TEXT, checkInFile, partnerFile, roleOf, toRelative } from '../../src/core/storeLayout';

describe('storeLayout.roleOf', () => {
  const id = newId();

  it('knows the manifest, partner files and check-in files', () => {
    assert.deepEqual(roleOf('alliances.json'), { kind: 'manifest' });
    assert.deepEqual(roleOf(`partners/grace-hopper-${id}.json`), { kind: 'partner', expectedId: id });
    assert.deepEqual(roleOf(`partners/${id}.json`), { kind: 'partner', expectedId: id });
    assert.deepEqual(roleOf(`checkins/2026/${id}.json`), { kind: 'checkIn', expectedId: id });
  });

  it('still claims a partner file whose name has no id, so the mismatch is reported', () => {
    assert.deepEqual(roleOf('partners/grace.json'), { kind: 'partner', expectedId: '' });
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
    assert.deepEqual(roleOf(toRelative(root, file)), { kind: 'partner', expectedId: id });
  });

  it('puts a check-in in checkins/<yyyy>/<id>.json by its (local) date', () => {
    const file = checkInFile(root, id, new Date(2027, 0, 1, 0, 30));
    assert.equal(toRelative(root, file), `checkins/2027/${id}.json`);
    assert.deepEqual(roleOf(toRelative(root, file)), { kind: 'checkIn', expectedId: id });
  });

  it('ignores private notes and temporary files in the .gitignore text', () => {
    assert.match(GITIGNORE_TEXT, /^private\/$/m);
    assert.match(GITIGNORE_TEXT, /^\.\*\.tmp$/m);
  });
});
