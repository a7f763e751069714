// The data contract's promise, checked with real git: two teammates who add partners and log check-ins on
// different branches merge without conflicts; an edit of the same partner on both sides conflicts, and the
// store then reports that file and never overwrites it.
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { Author } from '../../src/core/model';
import { findConflictMarker } from '../../src/core/jsonText';
import {
  ADA,
  BOB,
  Clock,
  git,
  gitRun,
  initRepo,
  isolatedGitEnv,
  listFiles,
  makeStore,
  makeTempDir,
  rejectsWithCode,
  removeTempDir,
} from './helpers';

const CAROL: Author = { name: 'Carol Chen', email: 'carol@example.com' };

describe('git merge of two branches (real git)', () => {
  let home: string;
  let repo: string;
  let env: NodeJS.ProcessEnv;
  let root: string;
  let clock: Clock;

  const storeAs = (author: Author) => makeStore(root, { now: clock.now, author: () => Promise.resolve(author) });
  const commitAll = (message: string) => {
    git(repo, env, 'add', '-A');
    git(repo, env, 'commit', '-q', '-m', message);
  };

  beforeEach(async () => {
    home = await makeTempDir('alliances-git-home-');
    repo = await makeTempDir('alliances-repo-');
    env = isolatedGitEnv(home);
    initRepo(repo, env);
    await fsp.writeFile(path.join(repo, 'README.md'), '# project\n');
    root = path.join(repo, '.alliances');
    clock = new Clock(new Date(2026, 10, 2, 9, 0));
    const store = storeAs(ADA);
    await store.initialize();
    commitAll('Initialize the Alliances store');
  });
  afterEach(async () => {
    await removeTempDir(repo);
    await removeTempDir(home);
  });

  it('merges partners and check-ins added on two branches without conflicts', async () => {
    // Both branches start from a shared partner that each of them logs check-ins for.
    const main = storeAs(ADA);
    await main.load();
    const shared = await main.addPartner({ name: 'Shared Partner', department: 'Product' });
    commitAll('Add shared partner');

    git(repo, env, 'checkout', '-q', '-b', 'a');
    clock.set(new Date(2026, 10, 3, 10, 0));
    const a = storeAs(ADA);
    await a.load();
    const a1 = await a.addPartner({ name: 'Priya Product', department: 'Product' });
    const a2 = await a.addPartner({ name: 'Sam Sales', department: 'Sales' });
    await a.addCheckIn({ partnerId: a1.value.id, kind: 'one-on-one', summary: 'Roadmap sync', rating: 4 });
    await a.addCheckIn({ partnerId: shared.value.id, kind: 'help-me', summary: 'Asked for a design review' });
    commitAll('Branch a: partners and check-ins');

    git(repo, env, 'checkout', '-q', 'main');
    git(repo, env, 'checkout', '-q', '-b', 'b');
    clock.set(new Date(2026, 10, 3, 10, 0)); // same minute as branch a: ids must still differ
    const b = storeAs(BOB);
    await b.load();
    assert.equal(b.partners().length, 1, 'branch b starts without branch a’s partners');
    const b1 = await b.addPartner({ name: 'Dana Design', department: 'Design' });
    const b2 = await b.addPartner({ name: 'Sam Sales', department: 'Sales' }); // same name as on a: another person, another id
    await b.addCheckIn({ partnerId: b1.value.id, kind: 'ad-hoc', summary: 'Hallway chat' });
    await b.addCheckIn({ partnerId: shared.value.id, kind: 'async', summary: 'Shared a doc' });
    commitAll('Branch b: partners and check-ins');

    // main moves on too, so both merges are real three-way merges.
    git(repo, env, 'checkout', '-q', 'main');
    const mainAgain = storeAs(CAROL);
    await mainAgain.load();
    await mainAgain.addCheckIn({ partnerId: shared.value.id, kind: 'one-on-one', summary: 'Logged on main' });
    commitAll('Main: a check-in');

    for (const branch of ['a', 'b']) {
      const merge = gitRun(repo, env, 'merge', '--no-edit', branch);
      assert.equal(merge.status, 0, `merging ${branch} failed:\n${merge.stdout}\n${merge.stderr}`);
      assert.doesNotMatch(merge.stdout + merge.stderr, /CONFLICT/);
    }
    assert.equal(git(repo, env, 'status', '--porcelain').trim(), '');
    assert.equal(git(repo, env, 'log', '--merges', '--oneline').trim().split('\n').length, 2);

    // No conflict markers anywhere in the store.
    for (const file of await listFiles(root)) {
      const content = await fsp.readFile(path.join(root, file), 'utf8');
      assert.equal(findConflictMarker(content), undefined, `${file} has conflict markers`);
    }

    const merged = storeAs(CAROL);
    await merged.load();
    assert.deepEqual(merged.problems(), []);
    const names = merged
      .partners()
      .map((p) => p.value.name)
      .sort();
    assert.deepEqual(names, ['Dana Design', 'Priya Product', 'Sam Sales', 'Sam Sales', 'Shared Partner']);
    for (const partner of [shared, a1, a2, b1, b2]) assert.deepEqual(merged.partner(partner.value.id)?.value, partner.value);
    assert.equal(merged.checkIns().length, 5);
    assert.deepEqual(
      merged
        .checkInsOf(shared.value.id)
        .map((c) => c.value.summary)
        .sort(),
      ['Asked for a design review', 'Logged on main', 'Shared a doc'],
    );
    // Each record keeps its author.
    assert.deepEqual(merged.partner(a1.value.id)?.value.author, ADA);
    assert.deepEqual(merged.partner(b1.value.id)?.value.author, BOB);
    assert.deepEqual(new Set(merged.checkIns().map((c) => c.value.author.name)), new Set([ADA.name, BOB.name, CAROL.name]));

    // And the merged store is writable as usual.
    await merged.updatePartner(a2.value.id, { role: 'AE' });
    await merged.addCheckIn({ partnerId: b2.value.id, kind: 'async', summary: 'After the merge' });
    assert.equal(merged.checkIns().length, 6);
  });

  for (const style of ['merge', 'diff3'] as const) {
    it(`an edit of the same partner on both branches conflicts; the store reports it and never overwrites it (${style} style)`, async () => {
      git(repo, env, 'config', 'merge.conflictStyle', style);
      const main = storeAs(ADA);
      await main.load();
      const grace = await main.addPartner({ name: 'Grace Hopper', department: 'Product' });
      const linus = await main.addPartner({ name: 'Linus', department: 'Data' });
      await main.addCheckIn({ partnerId: linus.value.id, kind: 'async', summary: 'Kick-off' });
      commitAll('Add partners');

      git(repo, env, 'checkout', '-q', '-b', 'a');
      clock.set(new Date(2026, 10, 4, 9, 0));
      const a = storeAs(ADA);
      await a.load();
      await a.updatePartner(grace.value.id, { role: 'Group PM' });
      commitAll('a: Grace is a group PM');

      git(repo, env, 'checkout', '-q', 'main');
      git(repo, env, 'checkout', '-q', '-b', 'b');
      clock.set(new Date(2026, 10, 5, 9, 0));
      const b = storeAs(BOB);
      await b.load();
      await b.updatePartner(grace.value.id, { role: 'Director of Product' });
      await b.addCheckIn({ partnerId: linus.value.id, kind: 'one-on-one', summary: 'Data contracts' });
      commitAll('b: Grace is a director');

      git(repo, env, 'checkout', '-q', 'main');
      assert.equal(gitRun(repo, env, 'merge', '--no-edit', 'a').status, 0);
      const conflict = gitRun(repo, env, 'merge', '--no-edit', 'b');
      assert.notEqual(conflict.status, 0, 'the merge of b should conflict');
      const relative = path.relative(repo, grace.path).split(path.sep).join('/');
      assert.match(conflict.stdout, new RegExp(`CONFLICT \\(content\\): Merge conflict in ${relative.replace(/\./g, '\\.')}`));
      assert.deepEqual(git(repo, env, 'diff', '--name-only', '--diff-filter=U').trim().split('\n'), [relative]);

      const conflicted = await fsp.readFile(grace.path);
      const content = conflicted.toString('utf8');
      assert.match(content, /^<<<<<<< /m);
      if (style === 'diff3') assert.match(content, /^\|\|\|\|\|\|\| /m);

      const store = storeAs(CAROL);
      await store.load();
      const problems = store.problems();
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.equal(problems[0].code, 'conflict');
      assert.equal(problems[0].relativePath, path.relative(root, grace.path).split(path.sep).join('/'));
      assert.equal(problems[0].id, grace.value.id);
      assert.equal(problems[0].location.line, content.split('\n').findIndex((line) => line.startsWith('<<<<<<<')) + 1);
      // The other records load, including the check-in merged in from b.
      assert.equal(store.partner(linus.value.id)?.value.name, 'Linus');
      assert.equal(store.partner(grace.value.id), undefined);
      assert.deepEqual(
        store
          .checkInsOf(linus.value.id)
          .map((c) => c.value.summary)
          .sort(),
        ['Data contracts', 'Kick-off'],
      );

      await rejectsWithCode(store.updatePartner(grace.value.id, { role: 'CPO' }), ['not-found', 'broken-file']);
      await rejectsWithCode(store.addCheckIn({ partnerId: grace.value.id, kind: 'async', summary: 'x' }), 'not-found');
      // While the merge waits for the user, even healthy records are held back: the tree is git's.
      const linusBefore = await fsp.readFile(linus.path);
      const busy = await rejectsWithCode(store.updatePartner(linus.value.id, { role: 'Data lead' }), 'git-busy');
      assert.match(
        busy.message,
        new RegExp(`^A merge is in progress in ${repo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}; finish or abort it, then try again\\.`),
      );
      await rejectsWithCode(store.addPartner({ name: 'New', department: 'Data' }), 'git-busy');
      await store.load();
      assert.ok(conflicted.equals(await fsp.readFile(grace.path)), 'the conflicted file was changed');
      assert.ok(linusBefore.equals(await fsp.readFile(linus.path)), 'a record was written during the merge');

      // Once resolved by hand and committed, it loads again, and writes go through.
      git(repo, env, 'checkout', '--theirs', '--', relative);
      commitAll('Merge b, keeping b’s Grace');
      assert.equal(await store.reloadFile(grace.path), true);
      assert.deepEqual(store.problems(), []);
      assert.equal(store.partner(grace.value.id)?.value.role, 'Director of Product');
      await store.updatePartner(linus.value.id, { role: 'Data lead' });
      await store.updatePartner(grace.value.id, { role: 'CPO' });
    });
  }
});
