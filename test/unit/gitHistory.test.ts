// Who changed a partner's files and when, from git log --follow in real repositories.
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { fileHistory, showFile } from '../../src/git/history';
import {
  BOB,
  checkInRecord,
  git,
  initRepo,
  isolatedGitEnv,
  makeTempDir,
  newId,
  partnerRecord,
  pretty,
  removeTempDir,
  withEnv,
  writeFile,
} from './helpers';

describe('fileHistory and showFile (real git)', () => {
  let home: string;
  let repo: string;
  let env: NodeJS.ProcessEnv;

  const commitAs = (who: { name: string; email?: string }, message: string): string => {
    git(repo, env, 'add', '-A');
    git(repo, env, '-c', `user.name=${who.name}`, '-c', `user.email=${who.email ?? 'x@example.com'}`, 'commit', '-q', '-m', message);
    return git(repo, env, 'rev-parse', 'HEAD').trim();
  };

  beforeEach(async () => {
    home = await makeTempDir('alliances-git-home-');
    repo = await makeTempDir('alliances-repo-');
    env = isolatedGitEnv(home);
    initRepo(repo, env);
  });
  afterEach(async () => {
    await removeTempDir(repo);
    await removeTempDir(home);
  });

  it('lists each commit that touched the files, newest first, following a rename, and not commits of other files', async () => {
    const id = newId();
    const checkInId = newId();
    const oldFile = `.alliances/partners/dana-${id}.json`;
    const newFile = `.alliances/partners/dana-whitfield-${id}.json`;
    await writeFile(repo, oldFile, pretty(partnerRecord(id, { name: 'Dana' })));
    const added = commitAs({ name: 'Ada Lovelace', email: 'ada@example.com' }, 'Add Dana');
    await writeFile(repo, 'src/billing.ts', 'export {};\n');
    commitAs(BOB, 'Unrelated code');
    await writeFile(repo, oldFile, pretty(partnerRecord(id, { name: 'Dana', role: 'PM' })));
    const edited = commitAs(BOB, 'Dana is a PM');
    git(repo, env, 'mv', oldFile, newFile);
    await writeFile(repo, newFile, pretty(partnerRecord(id, { name: 'Dana Whitfield', role: 'PM' })));
    const renamed = commitAs(BOB, 'Rename Dana');
    const checkInFile = await writeFile(repo, `.alliances/checkins/2026/${checkInId}.json`, pretty(checkInRecord(checkInId, id)));
    const logged = commitAs({ name: 'Ada Lovelace', email: 'ada@example.com' }, 'Check-in with Dana');

    const history = await withEnv({ HOME: home }, () => fileHistory([path.join(repo, newFile), checkInFile]));
    assert.equal(history.top, repo);
    // Commit dates can tie within a second: compare as a set, then check the order by date.
    const rows = history.entries.map((e) => `${e.commit}|${e.status}|${e.path}|${e.previousPath ?? ''}|${e.author}|${e.subject}`);
    assert.deepEqual(
      rows.sort(),
      [
        `${added}|A|${oldFile}||Ada Lovelace|Add Dana`,
        `${edited}|M|${oldFile}||Bob Builder|Dana is a PM`,
        `${renamed}|R|${newFile}|${oldFile}|Bob Builder|Rename Dana`,
        `${logged}|A|.alliances/checkins/2026/${checkInId}.json||Ada Lovelace|Check-in with Dana`,
      ].sort(),
    );
    const dates = history.entries.map((e) => e.date);
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.equal(history.entries.find((e) => e.commit === added)?.email, 'ada@example.com');

    // The two sides of the diff of the edit: before and after, as git stores them.
    const before = await withEnv({ HOME: home }, () => showFile(repo, `${edited}^`, oldFile));
    const after = await withEnv({ HOME: home }, () => showFile(repo, edited, oldFile));
    assert.equal((JSON.parse(before) as { role?: string }).role, undefined);
    assert.equal((JSON.parse(after) as { role?: string }).role, 'PM');
    // Not there: empty, never an error (the left side of an added file).
    assert.equal(await withEnv({ HOME: home }, () => showFile(repo, `${added}^`, oldFile)), '');
    assert.equal(await withEnv({ HOME: home }, () => showFile(repo, 'not a rev', oldFile)), '');
  });

  it('is empty for files git does not know, outside a repository, and without git', async () => {
    const untracked = await writeFile(repo, '.alliances/partners/x.json', '{}\n');
    assert.deepEqual((await withEnv({ HOME: home }, () => fileHistory([untracked]))).entries, []);
    const outside = await makeTempDir('alliances-norepo-');
    try {
      assert.deepEqual(await withEnv({ HOME: home }, () => fileHistory([path.join(outside, 'a.json')])), { entries: [] });
      await fsp.writeFile(path.join(repo, 'a.txt'), 'a\n');
      commitAs(BOB, 'a');
      assert.deepEqual(await withEnv({ HOME: home, PATH: outside }, () => fileHistory([path.join(repo, 'a.txt')])), { entries: [] });
    } finally {
      await removeTempDir(outside);
    }
  });
});
