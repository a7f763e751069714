import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { newId } from '../../src/core/ids';
import type { CheckIn, Concern, Partner, TalkingPoint, Vote } from '../../src/core/model';
import type { Loaded } from '../../src/core/store';
import type { ConcernNode } from '../../src/extension/concerns/concernsTree';
import { COMMANDS } from '../../src/extension/ids';
import type { AlliancesInternals } from '../../src/extension/testInternals';
import { api, bundleLoaded, listFiles, storeRoot, waitFor } from './helpers';

interface Rendered {
  node: ConcernNode;
  label: string;
  description: string;
  context?: string;
  depth: number;
}

/** Every item of the Concerns view as VS Code would render it (expanded or not), depth first. */
async function renderConcerns(alliances: AlliancesInternals): Promise<Rendered[]> {
  const items: Rendered[] = [];
  const walk = async (node: ConcernNode | undefined, depth: number): Promise<void> => {
    for (const child of alliances.concerns.getChildren(node)) {
      const item = alliances.concerns.getTreeItem(child);
      items.push({
        node: child,
        label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
        description: typeof item.description === 'string' ? item.description : '',
        context: item.contextValue,
        depth,
      });
      await walk(child, depth + 1);
    }
  };
  await walk(undefined, 0);
  return items;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const read = async <T>(file: string) => JSON.parse(await fs.readFile(file, 'utf8')) as T;

// Raise Concern…, +1 Concern, Close Concern… and Turn Concern into Talking Points in the real extension
// host: their files on disk, one vote per person, the Concerns view's order, a teammate's vote arriving
// from disk, a vote for a missing concern in the Problems panel. (The flows are in dist/flows.js, whose
// laziness activation.test.ts proves.)
describe('concerns in a real VS Code', function () {
  let alliances: AlliancesInternals;
  let ines: Loaded<Partner>;
  let omar: Loaded<Partner>;
  let concern: Loaded<Concern>;
  let other: Loaded<Concern>;

  before(async () => {
    alliances = await api();
    if (!alliances.service.folders()[0]?.store.exists) await vscode.commands.executeCommand(COMMANDS.initializeStore);
    ines = (await vscode.commands.executeCommand<Loaded<Partner>>(COMMANDS.addPartner, { name: 'Ines Concern', department: 'Support' }))!;
    omar = (await vscode.commands.executeCommand<Loaded<Partner>>(COMMANDS.addPartner, { name: 'Omar Concern', department: 'Sales' }))!;
  });

  it('Raise Concern writes concerns/<id>.json, open, with the partners and departments given', async () => {
    concern = (await vscode.commands.executeCommand<Loaded<Concern>>(COMMANDS.raiseConcern, {
      text: 'Support is overwhelmed after each release',
      partnerIds: [ines.value.id, omar.value.id],
      departments: ['Customer Success'],
    }))!;
    assert.equal(bundleLoaded('flows.js'), true, 'the flow is in dist/flows.js');
    assert.equal(path.relative(storeRoot(), concern.path), path.join('concerns', `${concern.value.id}.json`));
    const onDisk = await read<Concern>(concern.path);
    assert.deepEqual(
      [onDisk.text, onDisk.status, onDisk.partnerIds, onDisk.departments],
      ['Support is overwhelmed after each release', 'open', [ines.value.id, omar.value.id], ['Customer Success']],
    );
    other = (await vscode.commands.executeCommand<Loaded<Concern>>(COMMANDS.raiseConcern, {
      text: 'Release notes come too late',
      theme: 'release',
    }))!;
    assert.equal((await read<Concern>(other.path)).theme, 'release');
  });

  it('+1 Concern writes one vote as the current author; a second +1 by the same person writes nothing', async () => {
    const entry = alliances.service.folders()[0];
    const author = await alliances.service.author(entry.folder);
    const vote = await vscode.commands.executeCommand<Loaded<Vote>>(COMMANDS.voteConcern, other.value.id);
    assert.ok(vote);
    assert.equal(path.relative(storeRoot(), vote.path), path.join('votes', `${vote.value.id}.json`));
    const onDisk = await read<Vote>(vote.path);
    assert.equal(onDisk.concernId, other.value.id);
    assert.deepEqual(onDisk.author, author, 'the voter is the author');
    const before = await listFiles(path.join(storeRoot(), 'votes'));
    const again = await vscode.commands.executeCommand<Loaded<Vote> | undefined>(COMMANDS.voteConcern, other.value.id);
    assert.equal(again, undefined, 'voting twice is a no-op');
    assert.deepEqual(await listFiles(path.join(storeRoot(), 'votes')), before);
  });

  it('the Concerns view ranks by votes; a teammate’s vote arriving on disk moves the first concern up', async () => {
    const top = await waitFor('the voted concern on top', async () => {
      const items = (await renderConcerns(alliances)).filter((i) => i.depth === 0 && i.context === 'concern');
      return items[0]?.label === 'Release notes come too late' ? items : undefined;
    });
    assert.deepEqual(
      top.map((i) => [i.label, i.description]),
      [
        ['Release notes come too late', '1 vote'],
        ['Support is overwhelmed after each release', '0 votes · Customer Success, Sales, Support'],
      ],
    );
    // Two teammates' votes come in with a pull: the first concern has 2, the other 1.
    for (const name of ['Teammate One', 'Teammate Two']) {
      const id = newId();
      const stamp = new Date().toISOString();
      const value = {
        schemaVersion: 1,
        id,
        concernId: concern.value.id,
        createdAt: stamp,
        updatedAt: stamp,
        author: { name, email: `${name.replace(' ', '.')}@example.com` },
      };
      await fs.writeFile(path.join(storeRoot(), 'votes', `${id}.json`), `${JSON.stringify(value, null, 2)}\n`);
    }
    const reordered = await waitFor(
      'the first concern on top with two votes',
      async () => {
        const items = (await renderConcerns(alliances)).filter((i) => i.depth === 0 && i.context === 'concern');
        return items[0]?.description.startsWith('2 votes') ? items : undefined;
      },
      5000,
    );
    assert.deepEqual(
      reordered.map((i) => i.description),
      ['2 votes · Customer Success, Sales, Support', '1 vote'],
    );
    const people = (await renderConcerns(alliances)).filter((i) => i.depth === 1 && i.context === 'concernPartner');
    assert.deepEqual(people.map((p) => p.label).sort(), ['Ines Concern', 'Omar Concern']);
  });

  it('Turn Concern into Talking Points: one for each partner concerned; a second time adds none', async () => {
    const node = (await renderConcerns(alliances)).find((i) => i.depth === 0 && i.label === 'Support is overwhelmed after each release');
    assert.ok(node);
    const points = await vscode.commands.executeCommand<Loaded<TalkingPoint>[]>(COMMANDS.concernToTalkingPoints, node.node);
    assert.deepEqual(points.map((p) => p.value.partnerId).sort(), [ines.value.id, omar.value.id].sort());
    for (const point of points) {
      const onDisk = await read<TalkingPoint>(point.path);
      assert.deepEqual([onDisk.text, onDisk.concernId], ['Concern: Support is overwhelmed after each release', concern.value.id]);
    }
    const again = await vscode.commands.executeCommand<Loaded<TalkingPoint>[]>(COMMANDS.concernToTalkingPoints, concern.value.id);
    assert.deepEqual(again, []);
  });

  it('Close Concern asks what was done, writes it, and the concern moves under Closed; it takes no more votes', async () => {
    const running = vscode.commands.executeCommand<Loaded<Concern> | undefined>(COMMANDS.closeConcern, other.value.id);
    const box = await waitFor('the closing line', () => {
      const input = alliances.quickInput.current as vscode.InputBox | undefined;
      return input && 'password' in input ? input : undefined;
    });
    assert.match(box.prompt ?? '', /What was done about it\?/);
    box.value = 'Release notes go out a week ahead';
    await sleep(150);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const closed = await running;
    assert.ok(closed);
    const onDisk = await read<Concern>(closed.path);
    assert.deepEqual([onDisk.status, onDisk.resolution], ['closed', 'Release notes go out a week ahead']);
    assert.ok(onDisk.closedAt);
    const items = await waitFor('the Closed group', async () => {
      const rendered = await renderConcerns(alliances);
      return rendered.some((i) => i.label === 'Closed (1)') ? rendered : undefined;
    });
    assert.deepEqual(
      items.filter((i) => i.depth === 0 && i.context === 'concern').map((i) => i.label),
      ['Support is overwhelmed after each release'],
    );
    assert.ok(items.some((i) => i.depth === 1 && i.label === 'Release notes come too late' && i.context === 'concernClosed'));
    assert.equal(await vscode.commands.executeCommand(COMMANDS.voteConcern, other.value.id), undefined, 'a closed concern takes no votes');
  });

  it('Raise Concern through its inputs: the line, then Enter past the partners and departments', async () => {
    const running = vscode.commands.executeCommand<Loaded<Concern> | undefined>(COMMANDS.raiseConcern, ines.value.id);
    const box = await waitFor('the concern line', () => {
      const input = alliances.quickInput.current as vscode.InputBox | undefined;
      return input && 'password' in input ? input : undefined;
    });
    box.value = 'On-call handover is unclear';
    let result: Loaded<Concern> | undefined;
    void running.then((r) => (result = r));
    for (let i = 0; i < 40 && !result; i++) {
      await sleep(150);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    const raised = await running;
    assert.ok(raised);
    const onDisk = await read<Concern>(raised.path);
    assert.equal(onDisk.text, 'On-call handover is unclear');
    assert.deepEqual(onDisk.partnerIds, [ines.value.id], 'raised from a partner: they are ticked');
  });

  it('a concern raised in a private check-in is private, and so is a vote on it', async () => {
    const checkIn = await vscode.commands.executeCommand<Loaded<CheckIn>>(COMMANDS.logCheckIn, omar.value.id, {
      kind: 'one-on-one',
      summary: 'Quota pressure',
      private: true,
    });
    const raised = await vscode.commands.executeCommand<Loaded<Concern>>(COMMANDS.raiseConcern, {
      text: 'Quotas are set before the pricing change',
      partnerIds: [omar.value.id],
      checkInId: checkIn.value.id,
    });
    assert.equal(path.relative(storeRoot(), raised.path), path.join('private', 'concerns', `${raised.value.id}.json`));
    assert.equal((await read<Concern>(raised.path)).checkInId, checkIn.value.id);
    const vote = await vscode.commands.executeCommand<Loaded<Vote>>(COMMANDS.voteConcern, raised.value.id);
    assert.equal(path.relative(storeRoot(), vote.path), path.join('private', 'votes', `${vote.value.id}.json`));
  });

  it('a vote for a missing concern is held and shown in the Problems panel; nothing counts it', async () => {
    const missing = newId();
    const id = newId();
    const stamp = new Date().toISOString();
    const file = path.join(storeRoot(), 'votes', `${id}.json`);
    const text = `${JSON.stringify({ schemaVersion: 1, id, concernId: missing, createdAt: stamp, updatedAt: stamp, author: { name: 'Ghost' } }, null, 2)}\n`;
    await fs.writeFile(file, text);
    const line = text.split('\n').findIndex((l) => l.includes('"concernId"'));
    const diagnostics = await waitFor(
      'the problem of the held vote',
      () => {
        const found = vscode.languages.getDiagnostics(vscode.Uri.file(file));
        return found.some((d) => d.range.start.line === line) ? found : undefined;
      },
      5000,
    );
    assert.match(diagnostics[0]?.message ?? '', new RegExp(`This vote's concern ${missing} is not in the store`));
    assert.equal(alliances.service.folders()[0]?.store.get('vote', id), undefined);
    assert.equal(await fs.readFile(file, 'utf8'), text, 'the file is kept as it was');
    await fs.rm(file);
  });
});
