import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { ADA, BOB, git, gitRun, initRepo, isolatedGitEnv, listFiles, makeStore, makeTempDir, removeTempDir } from './helpers';

const SECRET = 'SECRET-She is interviewing elsewhere';

// Talking points, follow-ups, asks and private notes: one file per record, private ones never staged.
describe('check-ins with depth in the store', () => {
  let dir: string;
  let root: string;

  beforeEach(async () => {
    dir = await makeTempDir();
    root = path.join(dir, '.alliances');
  });
  afterEach(() => removeTempDir(dir));

  it('writes talking points, follow-ups and asks one file each, indexed by partner, and reads them back', async () => {
    const store = makeStore(root);
    await store.load();
    const dana = await store.addPartner({ name: 'Dana', department: 'Product' });
    const point = await store.create('talkingPoint', {
      partnerId: dana.value.id,
      text: 'Billing retries',
      source: { path: 'src/billing/invoice.ts', startLine: 3, endLine: 5, commit: 'abc1234', snippet: 'return total;' },
    });
    const followUp = await store.create('followUp', {
      partnerId: dana.value.id,
      text: 'Send the estimate',
      owner: 'me',
      due: '2026-12-01',
    });
    const ask = await store.create('ask', { partnerId: dana.value.id, direction: 'they-asked', text: 'Review the PRD', status: 'open' });
    assert.deepEqual(
      (await listFiles(root)).filter((f) => !f.startsWith('partners/')),
      [
        '.gitignore',
        'alliances.json',
        `asks/${ask.value.id}.json`,
        `follow-ups/${followUp.value.id}.json`,
        `talking-points/${point.value.id}.json`,
      ],
    );
    const again = makeStore(root);
    await again.load();
    assert.deepEqual(again.problems(), []);
    assert.equal(again.ofPartner('talkingPoint', dana.value.id)[0]?.value.source?.commit, 'abc1234');
    assert.equal(again.ofPartner('followUp', dana.value.id)[0]?.value.due, '2026-12-01');
    assert.equal(again.ofPartner('ask', dana.value.id)[0]?.value.direction, 'they-asked');
  });

  it('covers a talking point and completes a follow-up with an update, keeping everything else', async () => {
    const store = makeStore(root);
    await store.load();
    const dana = await store.addPartner({ name: 'Dana', department: 'Product' });
    const checkIn = await store.addCheckIn({ partnerId: dana.value.id, kind: 'one-on-one', summary: 'ok' });
    const point = await store.create('talkingPoint', { partnerId: dana.value.id, text: 'Roadmap' });
    const followUp = await store.create('followUp', { partnerId: dana.value.id, text: 'Send notes', owner: 'them' });
    await store.update('talkingPoint', point.value.id, { coveredIn: checkIn.value.id, coveredAt: new Date().toISOString() });
    await store.update('followUp', followUp.value.id, { done: true, doneAt: new Date().toISOString() });
    await store.update('followUp', followUp.value.id, { done: undefined, doneAt: undefined }); // reopen
    const onDisk = JSON.parse(await fsp.readFile(followUp.path, 'utf8')) as Record<string, unknown>;
    assert.equal(onDisk.done, undefined);
    assert.equal(onDisk.text, 'Send notes');
    assert.equal(store.get('talkingPoint', point.value.id)?.value.coveredIn, checkIn.value.id);
  });

  it('refuses records that break their schema, naming the field', async () => {
    const store = makeStore(root);
    await store.load();
    const dana = await store.addPartner({ name: 'Dana', department: 'Product' });
    await assert.rejects(store.create('followUp', { partnerId: dana.value.id, text: 'x', owner: 'nobody' }), /owner/);
    await assert.rejects(
      store.create('talkingPoint', { partnerId: dana.value.id, text: 'x', source: { path: '../etc/passwd', startLine: 1, endLine: 1 } }),
      /source\.path/,
    );
  });

  it('keeps private check-ins and notes under private/, and git never stages them', async () => {
    const home = await makeTempDir('alliances-home-');
    try {
      const env = isolatedGitEnv(home);
      initRepo(dir, env);
      let author = ADA;
      const store = makeStore(root, { author: () => Promise.resolve(author) });
      await store.load();
      const dana = await store.addPartner({ name: 'Dana', department: 'Product' });
      const secretCheckIn = await store.addCheckIn({
        partnerId: dana.value.id,
        kind: 'one-on-one',
        summary: SECRET,
        notes: SECRET,
        private: true,
      });
      author = BOB;
      const shared = await store.addCheckIn({ partnerId: dana.value.id, kind: 'one-on-one', summary: 'Roadmap review' });
      const note = await store.create('note', { checkInId: shared.value.id, notes: SECRET });
      const secretPoint = await store.create('talkingPoint', { partnerId: dana.value.id, text: SECRET }, { private: true });

      assert.ok(secretCheckIn.private && note.private && secretPoint.private && !shared.private);
      assert.equal(note.value.id, shared.value.id, 'a note shares its check-in id');
      assert.equal(toPosix(path.relative(root, note.path)), `private/notes/${shared.value.id}.json`);

      git(dir, env, 'add', '-A');
      const staged = git(dir, env, 'diff', '--cached', '--name-only').split('\n').filter(Boolean);
      assert.ok(staged.length >= 4, staged.join(', '));
      assert.ok(
        staged.every((file) => !file.includes('/private/')),
        staged.join(', '),
      );
      const stagedText = git(dir, env, 'diff', '--cached');
      assert.ok(!stagedText.includes('SECRET'), 'no private text in what git would commit');
      assert.equal(gitRun(dir, env, 'check-ignore', '-q', path.relative(dir, secretCheckIn.path)).status, 0);

      // Private records still count on this machine: the private check-in is Dana's last check-in too.
      const again = makeStore(root);
      await again.load();
      assert.equal(again.checkInsOf(dana.value.id).length, 2);
      assert.equal(again.get('note', shared.value.id)?.value.notes, SECRET);
    } finally {
      await removeTempDir(home);
    }
  });

  it('merges talking points, follow-ups and asks added on two branches without conflicts', async () => {
    const home = await makeTempDir('alliances-home-');
    try {
      const env = isolatedGitEnv(home);
      initRepo(dir, env);
      const store = makeStore(root);
      await store.load();
      const dana = await store.addPartner({ name: 'Dana', department: 'Product' });
      git(dir, env, 'add', '-A');
      git(dir, env, 'commit', '-q', '-m', 'store');
      for (const branch of ['a', 'b']) {
        git(dir, env, 'checkout', '-q', '-b', branch, 'main');
        const onBranch = makeStore(root);
        await onBranch.load();
        await onBranch.create('talkingPoint', { partnerId: dana.value.id, text: `point ${branch}` });
        await onBranch.create('followUp', { partnerId: dana.value.id, text: `follow-up ${branch}`, owner: 'me' });
        await onBranch.create('ask', { partnerId: dana.value.id, direction: 'i-asked', text: `ask ${branch}`, status: 'open' });
        git(dir, env, 'add', '-A');
        git(dir, env, 'commit', '-q', '-m', branch);
      }
      git(dir, env, 'checkout', '-q', 'main');
      assert.equal(gitRun(dir, env, 'merge', '--no-edit', 'a').status, 0);
      assert.equal(gitRun(dir, env, 'merge', '--no-edit', 'b').status, 0);
      const merged = makeStore(root);
      await merged.load();
      assert.deepEqual(merged.problems(), []);
      assert.deepEqual(
        merged
          .all('talkingPoint')
          .map((r) => r.value.text)
          .sort(),
        ['point a', 'point b'],
      );
      assert.equal(merged.all('followUp').length, 2);
      assert.equal(merged.all('ask').length, 2);
    } finally {
      await removeTempDir(home);
    }
  });
});

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
