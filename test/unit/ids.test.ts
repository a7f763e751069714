import { strict as assert } from 'node:assert';
import { decodeTime } from 'ulid';
import { ID_PATTERN, isId, newId } from '../../src/core/ids';
import { slugify } from '../../src/core/slug';

describe('ids', () => {
  it('are 26 lowercase Crockford base-32 characters', () => {
    for (let i = 0; i < 200; i++) {
      const id = newId();
      assert.equal(id.length, 26);
      assert.equal(id, id.toLowerCase());
      assert.match(id, ID_PATTERN);
      // Crockford leaves out i, l, o and u so ids survive being read aloud or retyped.
      assert.doesNotMatch(id, /[ilou]/);
      assert.ok(isId(id));
    }
  });

  it('are unique over 10,000 calls in the same millisecond and sort in creation order', () => {
    const now = Date.UTC(2030, 0, 1, 12, 0, 0);
    const ids = Array.from({ length: 10_000 }, () => newId(now));
    assert.equal(new Set(ids).size, ids.length);
    // Monotonic within one millisecond: string order is creation order.
    assert.deepEqual([...ids].sort(), ids);
  });

  it('are time-sortable across calls, and carry the time they were made at', () => {
    const base = Date.UTC(2030, 0, 2, 8, 0, 0);
    const times = [base, base + 1, base + 1_000, base + 86_400_000, base + 365 * 86_400_000];
    const ids = times.map((time) => newId(time));
    assert.deepEqual([...ids].sort(), ids);
    ids.forEach((id, index) => assert.equal(decodeTime(id.toUpperCase()), times[index]));
  });

  it('isId refuses uppercase, wrong lengths and letters outside the alphabet', () => {
    const id = newId();
    assert.equal(isId(id.toUpperCase()), false);
    assert.equal(isId(id.slice(1)), false);
    assert.equal(isId(`${id}0`), false);
    assert.equal(isId(`${id.slice(0, 25)}u`), false);
    assert.equal(isId(''), false);
  });
});

describe('slugify', () => {
  it('drops accents instead of dropping the letters', () => {
    assert.equal(slugify('Zoë Ångström'), 'zoe-angstrom');
    assert.equal(slugify('José María Núñez'), 'jose-maria-nunez');
    assert.equal(slugify('Ça va, François?'), 'ca-va-francois');
  });

  it('drops emoji and punctuation, keeping a clean dash-separated slug', () => {
    assert.equal(slugify('🚀 Rocket   Team 🚀'), 'rocket-team');
    assert.equal(slugify('Customer Success (EMEA) / Ops'), 'customer-success-emea-ops');
  });

  it('falls back to "partner" when nothing usable is left', () => {
    assert.equal(slugify(''), 'partner');
    assert.equal(slugify('   '), 'partner');
    assert.equal(slugify('🎉🎉🎉'), 'partner');
    assert.equal(slugify('---'), 'partner');
    assert.equal(slugify('李小龍'), 'partner');
  });

  it('is always file-name safe, even for path-like names', () => {
    for (const name of ['../../etc/passwd', 'C:\\Windows\\System32', 'a/b', '.hidden', 'CON', 'x\u0000y']) {
      const slug = slugify(name);
      assert.match(slug, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, `${JSON.stringify(name)} → ${slug}`);
    }
    assert.equal(slugify('../../etc/passwd'), 'etc-passwd');
  });

  it('is at most 40 characters and never ends with a dash after cutting', () => {
    const slug = slugify('Alexandra Konstantinopoulou-Papadopoulou Smith');
    assert.ok(slug.length <= 40, slug);
    assert.doesNotMatch(slug, /-$/);
    assert.equal(slugify('abcdefghij abcdefghij abcdefghij abcdefghij', 40), 'abcdefghij-abcdefghij-abcdefghij-abcdefg');
    assert.equal(slugify('abcdefghi abcdefghi', 10), 'abcdefghi');
  });
});
