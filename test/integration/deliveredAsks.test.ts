import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Ask, Partner } from '../../src/core/model';
import type { Loaded } from '../../src/core/store';
import type { AlliancesInternals as AlliancesApi } from '../../src/extension/testInternals';
import { api, listFiles, storeRoot, waitFor, workspaceRoot } from './helpers';

// Commits that deliver an ask, in a real VS Code with real git: a commit on main ending in
// "Alliances-Ask: <id>" is offered in the status bar; accepting marks the ask helped with the commit;
// a wrong request changes no byte; the trailer is one click from the clipboard.
describe('Asks delivered by commits in a real VS Code', function () {
  let alliances: AlliancesApi;
  let dana: Loaded<Partner>;
  let ask: Loaded<Ask>;
  let other: Loaded<Ask>;
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: workspaceRoot(), encoding: 'utf8' });
  const commitFile = async (file: string, message: string): Promise<string> => {
    await fs.mkdir(path.dirname(path.join(workspaceRoot(), file)), { recursive: true });
    await fs.writeFile(path.join(workspaceRoot(), file), `${message}\n`);
    git('add', '--', file);
    git('commit', '-q', '-m', message, '--', file);
    return git('rev-parse', 'HEAD').trim();
  };
  const snapshot = async () => {
    const files = await listFiles(storeRoot());
    return Promise.all(files.map(async (file) => [file, await fs.readFile(path.join(storeRoot(), file), 'utf8')] as const));
  };

  before(async () => {
    alliances = await api();
    dana = (await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', {
      name: 'Dana Delivery',
      department: 'Sales',
      email: 'dana.delivery@example.com',
    }))!;
    const store = alliances.service.folders()[0].store;
    ask = await store.create('ask', {
      partnerId: dana.value.id,
      direction: 'they-asked',
      text: 'Export the pipeline to CSV',
      status: 'open',
    });
    other = await store.create('ask', { partnerId: dana.value.id, direction: 'they-asked', text: 'A second open ask', status: 'open' });
    git('add', '-A');
    git('commit', '-q', '-m', 'Dana and her asks');
  });

  it('offers the commit naming the ask, accepts it into the ask file, and leaves the other ask alone', async () => {
    const commit = await commitFile('export/csv.ts', `Export the pipeline to CSV\n\nAlliances-Ask: ${ask.value.id}`);
    await alliances.deliveries().check();
    const offer = await waitFor(
      'the offer',
      () =>
        alliances
          .deliveries()
          .offers()
          .find((o) => o.offer.askId === ask.value.id),
      10_000,
    );
    assert.equal(offer.offer.commit, commit);
    assert.equal(offer.offer.via, 'ask');
    assert.equal(alliances.deliveries().item.text, "$(pass) Dana's ask delivered — mark helped?");

    await vscode.commands.executeCommand('alliances.reviewDeliveredAsks', { askId: ask.value.id, commit, action: 'accept' });
    const onDisk = JSON.parse(await fs.readFile(ask.path, 'utf8')) as Ask;
    assert.equal(onDisk.status, 'helped');
    assert.deepEqual(
      { commit: onDisk.deliveredIn?.commit, subject: onDisk.deliveredIn?.subject },
      { commit, subject: 'Export the pipeline to CSV' },
    );
    assert.match(onDisk.deliveredIn?.date ?? '', /^\d{4}-\d\d-\d\dT/);
    assert.equal((JSON.parse(await fs.readFile(other.path, 'utf8')) as Ask).status, 'open');
    await waitFor(
      'the offer answered',
      () =>
        !alliances
          .deliveries()
          .offers()
          .some((o) => o.offer.askId === ask.value.id),
      10_000,
    );
    assert.equal(
      alliances
        .deliveries()
        .problems()
        .some((p) => p.problem.commit === commit),
      false,
      'an ask delivered by that very commit is no problem',
    );
  });

  it('a request for a commit that delivers nothing, or an unknown ask, changes no byte', async () => {
    const before = await snapshot();
    const head = git('rev-parse', 'HEAD').trim();
    for (const arg of [
      { askId: other.value.id, commit: head, action: 'accept' },
      { askId: '01kaj3m5x2q8v9c0b1n2d3e4f5', commit: head, action: 'accept' },
      { askId: other.value.id, commit: 'HEAD', action: 'accept' },
      { askId: other.value.id },
    ])
      await vscode.commands.executeCommand('alliances.reviewDeliveredAsks', arg);
    assert.deepEqual(await snapshot(), before);
  });

  it('Requested-by with several open asks, and an unknown ask id, are listed as problems, not offers', async () => {
    const third = await alliances.service.folders()[0].store.create('ask', {
      partnerId: dana.value.id,
      direction: 'they-asked',
      text: 'A third open ask',
      status: 'open',
    });
    const commit = await commitFile(
      'export/more.ts',
      'More export work\n\nRequested-by: Dana <DANA.delivery@example.com>\nAlliances-Ask: 01kaj3m5x2q8v9c0b1n2d3e4f5',
    );
    await alliances.deliveries().check();
    const reasons = alliances
      .deliveries()
      .problems()
      .filter((p) => p.problem.commit === commit)
      .map((p) => p.problem.reason);
    assert.deepEqual(reasons, ['several-open-asks', 'unknown-ask']);
    assert.equal(
      alliances
        .deliveries()
        .offers()
        .some((o) => o.offer.commit === commit),
      false,
    );
    assert.equal((JSON.parse(await fs.readFile(third.path, 'utf8')) as Ask).status, 'open');
  });

  it('dismissing an offer forgets it on this machine, and the store keeps every byte', async () => {
    const commit = await commitFile('export/other.ts', `The other ask\n\nAlliances-Ask: ${other.value.id}`);
    await alliances.deliveries().check();
    await waitFor(
      'the offer',
      () =>
        alliances
          .deliveries()
          .offers()
          .find((o) => o.offer.commit === commit),
      10_000,
    );
    const before = await snapshot();
    await vscode.commands.executeCommand('alliances.reviewDeliveredAsks', {
      askId: other.value.id,
      commit: commit.slice(0, 7),
      action: 'dismiss',
    });
    assert.equal(
      alliances
        .deliveries()
        .offers()
        .some((o) => o.offer.commit === commit),
      false,
    );
    await alliances.deliveries().check();
    assert.equal(
      alliances
        .deliveries()
        .offers()
        .some((o) => o.offer.commit === commit),
      false,
      'still dismissed after a fresh read',
    );
    assert.deepEqual(await snapshot(), before);
  });

  it('Copy Commit Trailer puts "Alliances-Ask: <id>" on the clipboard, and refuses an ask that is not open', async () => {
    const trailer = await vscode.commands.executeCommand<string>('alliances.copyAskTrailer', other.value.id);
    assert.equal(trailer, `Alliances-Ask: ${other.value.id}`);
    assert.equal(await vscode.env.clipboard.readText(), trailer);
    await vscode.env.clipboard.writeText('unchanged');
    assert.equal(await vscode.commands.executeCommand('alliances.copyAskTrailer', ask.value.id), undefined);
    assert.equal(await vscode.env.clipboard.readText(), 'unchanged');
  });
});
