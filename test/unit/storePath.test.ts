import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { DEFAULT_STORE_PATH, resolveStorePath } from '../../src/core/storePath';

describe('resolveStorePath', () => {
  const folder = path.resolve('/work/space/project');

  it('uses .alliances when nothing is set', () => {
    assert.deepEqual(resolveStorePath(folder, undefined, true), { ok: true, path: path.join(folder, DEFAULT_STORE_PATH) });
    assert.deepEqual(resolveStorePath(folder, '   ', true), { ok: true, path: path.join(folder, '.alliances') });
  });

  it('honours a relative path inside the folder when trusted', () => {
    assert.deepEqual(resolveStorePath(folder, 'docs/team-alliances', true), {
      ok: true,
      path: path.join(folder, 'docs', 'team-alliances'),
    });
    assert.deepEqual(resolveStorePath(folder, '  .store  ', true), { ok: true, path: path.join(folder, '.store') });
    assert.deepEqual(resolveStorePath(folder, 'a/../b', true), { ok: true, path: path.join(folder, 'b') });
  });

  it('honours an absolute path that is inside the folder', () => {
    assert.deepEqual(resolveStorePath(folder, path.join(folder, 'notes'), true), { ok: true, path: path.join(folder, 'notes') });
  });

  it('accepts a folder inside the workspace whose name starts with two dots', () => {
    // "..store" is a child of the folder, not its parent.
    assert.deepEqual(resolveStorePath(folder, '..store', true), { ok: true, path: path.join(folder, '..store') });
  });

  it('ignores the setting in an untrusted workspace, even a bad one', () => {
    assert.deepEqual(resolveStorePath(folder, 'docs/x', false), { ok: true, path: path.join(folder, '.alliances') });
    assert.deepEqual(resolveStorePath(folder, '../../etc', false), { ok: true, path: path.join(folder, '.alliances') });
  });

  for (const bad of ['..', '../sibling', 'a/../../b', '../project-evil', '/etc', path.join(path.dirname(folder), 'other')]) {
    it(`refuses ${JSON.stringify(bad)} (outside the folder)`, () => {
      const result = resolveStorePath(folder, bad, true);
      assert.equal(result.ok, false);
      if (!result.ok) {
        assert.ok(result.reason.includes(bad.trim()), result.reason);
        assert.match(result.reason, /outside the workspace folder/);
      }
    });
  }

  for (const itself of ['.', './', 'docs/..', folder]) {
    it(`refuses ${JSON.stringify(itself)} (the workspace folder itself)`, () => {
      assert.equal(resolveStorePath(folder, itself, true).ok, false);
    });
  }

  it('refuses home-directory style paths that escape the folder', () => {
    assert.equal(resolveStorePath(folder, path.join(folder, '..', '..', '.ssh'), true).ok, false);
  });
});
