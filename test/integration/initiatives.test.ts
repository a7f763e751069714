import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CheckIn, Initiative, Partner, Stance, TalkingPoint } from '../../src/core/model';
import type { Loaded } from '../../src/core/store';
import { COMMANDS } from '../../src/extension/ids';
import type { InitiativeNode } from '../../src/extension/initiatives/initiativesTree';
import type { AlliancesInternals } from '../../src/extension/testInternals';
import { api, storeRoot, waitFor } from './helpers';

interface Rendered {
  node: InitiativeNode;
  label: string;
  description: string;
  tooltip: string;
  icon?: string;
  depth: number;
}

/** Every item of the Initiatives view as VS Code would render it, depth first. */
function renderInitiatives(alliances: AlliancesInternals): Rendered[] {
  const items: Rendered[] = [];
  const walk = (node: InitiativeNode | undefined, depth: number): void => {
    for (const child of alliances.initiatives.getChildren(node)) {
      const item = alliances.initiatives.getTreeItem(child);
      items.push({
        node: child,
        label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
        description: typeof item.description === 'string' ? item.description : '',
        // Markdown tooltips escape text (&nbsp;, backslashes): compare what a reader sees.
        tooltip: (typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? ''))
          .replace(/&nbsp;/g, ' ')
          .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1'),
        icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined,
        depth,
      });
      walk(child, depth + 1);
    }
  };
  walk(undefined, 0);
  return items;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Add Initiative and Assess Stakeholder write their files; the Initiatives view shows each initiative
// with its people and their current stance; a re-assessment is a new file and Enter keeps the rest.
describe('initiatives and stances in a real VS Code', function () {
  let alliances: AlliancesInternals;
  let zoe: Loaded<Partner>;
  let yann: Loaded<Partner>;
  let initiative: Loaded<Initiative>;

  before(async () => {
    alliances = await api();
    if (!alliances.service.folders()[0]?.store.exists) await vscode.commands.executeCommand(COMMANDS.initializeStore);
    zoe = (await vscode.commands.executeCommand<Loaded<Partner>>(COMMANDS.addPartner, { name: 'Zoe Initiative', department: 'Finance' }))!;
    yann = (await vscode.commands.executeCommand<Loaded<Partner>>(COMMANDS.addPartner, { name: 'Yann Initiative', department: 'Sales' }))!;
  });

  it('Add Initiative writes initiatives/<id>.json', async () => {
    initiative = (await vscode.commands.executeCommand<Loaded<Initiative>>(COMMANDS.addInitiative, {
      name: 'Pricing Integration',
      goal: 'One price list',
      due: '2027-01-31',
      codeAreas: ['src/pricing/**'],
    }))!;
    assert.equal(path.relative(storeRoot(), initiative.path), path.join('initiatives', `${initiative.value.id}.json`));
    const onDisk = JSON.parse(await fs.readFile(initiative.path, 'utf8')) as Initiative;
    assert.deepEqual(
      [onDisk.name, onDisk.goal, onDisk.status, onDisk.due, onDisk.codeAreas],
      ['Pricing Integration', 'One price list', 'active', '2027-01-31', ['src/pricing/**']],
    );
  });

  it('Assess Stakeholder writes one stance file per assessment', async () => {
    const first = await vscode.commands.executeCommand<Loaded<Stance>>(COMMANDS.assessStakeholder, initiative.value.id, yann.value.id, {
      stance: 'skeptic',
      influence: 'high',
      interest: 'low',
      role: 'consulted',
      cares: 'Quota relief',
    });
    const champion = await vscode.commands.executeCommand<Loaded<Stance>>(COMMANDS.assessStakeholder, initiative.value.id, zoe.value.id, {
      stance: 'champion',
      influence: 'high',
      role: 'leads',
    });
    const second = await vscode.commands.executeCommand<Loaded<Stance>>(COMMANDS.assessStakeholder, initiative.value.id, yann.value.id, {
      stance: 'neutral',
    });
    assert.equal(path.relative(storeRoot(), first.path), path.join('stances', `${first.value.id}.json`));
    assert.notEqual(first.path, second.path, 'a re-assessment is a new file');
    const onDisk = JSON.parse(await fs.readFile(second.path, 'utf8')) as Stance;
    assert.deepEqual(
      [onDisk.initiativeId, onDisk.partnerId, onDisk.stance, onDisk.influence, onDisk.interest, onDisk.role, onDisk.cares],
      [initiative.value.id, yann.value.id, 'neutral', 'high', 'low', 'consulted', 'Quota relief'],
      'what was not given is kept from the current assessment',
    );
    assert.equal((JSON.parse(await fs.readFile(first.path, 'utf8')) as Stance).stance, 'skeptic', 'the first stays as it was');
    assert.equal((JSON.parse(await fs.readFile(champion.path, 'utf8')) as Stance).role, 'leads');
  });

  it('Log Check-in may name the initiative it was about', async () => {
    const checkIn = await vscode.commands.executeCommand<Loaded<CheckIn>>(COMMANDS.logCheckIn, yann.value.id, {
      kind: 'one-on-one',
      summary: 'Pricing with Yann',
      initiativeId: initiative.value.id,
    });
    assert.equal((JSON.parse(await fs.readFile(checkIn.path, 'utf8')) as CheckIn).initiativeId, initiative.value.id);
  });

  it('the Initiatives view shows the initiative, then its people with their current stance', async () => {
    const items = await waitFor('the initiative with its two people', () => {
      const rendered = renderInitiatives(alliances);
      const start = rendered.findIndex((i) => i.depth === 0 && i.label === 'Pricing Integration');
      const end = rendered.findIndex((i, index) => index > start && i.depth === 0);
      const people = start < 0 ? [] : rendered.slice(start + 1, end < 0 ? undefined : end);
      return people.length === 2 ? { head: rendered[start], people } : undefined;
    });
    assert.match(items.head?.description ?? '', /^Active · due /);
    assert.deepEqual(
      items.people.map((p) => [p.label, p.description, p.icon]),
      [
        ['Zoe Initiative', 'champion · influence high · Leads it', 'star-full'],
        ['Yann Initiative', 'neutral · influence high · Is consulted', 'circle-outline'],
      ],
    );
    assert.match(items.people[1]?.tooltip ?? '', /Yann Initiative: skeptic \(.+\) → neutral \(.+\)/);
    assert.match(items.people[1]?.tooltip ?? '', /Cares about: Quota relief/);
  });

  it('the initiative says who to win over next; a person is one click from a talking point', async () => {
    const rendered = renderInitiatives(alliances);
    const head = rendered.find((i) => i.depth === 0 && i.label === 'Pricing Integration');
    assert.match(head?.tooltip ?? '', /Support 3 · resistance 0 \(by influence\) · undecided 1/);
    assert.match(head?.tooltip ?? '', /Win over next: Yann Initiative \(neutral\)/);
    const person = rendered.find((i) => i.depth === 1 && i.label === 'Yann Initiative');
    assert.ok(person);
    const point = await vscode.commands.executeCommand<Loaded<TalkingPoint>>(COMMANDS.addTalkingPoint, person.node, {
      text: 'Pricing: what would win you over?',
    });
    assert.equal((JSON.parse(await fs.readFile(point.path, 'utf8')) as TalkingPoint).partnerId, yann.value.id);
  });

  it('the quick flow: Enter through every step keeps the current assessment', async () => {
    const before = alliances.service.folders()[0]?.store.ofPartner('stance', zoe.value.id).length ?? 0;
    const running = vscode.commands.executeCommand<Loaded<Stance> | undefined>(
      COMMANDS.assessStakeholder,
      initiative.value.id,
      zoe.value.id,
    );
    let result: Loaded<Stance> | undefined;
    void running.then((r) => (result = r));
    // Six steps (stance, influence, interest, role, cares, offers): Enter on each, as a person would.
    for (let i = 0; i < 60 && !result; i++) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await sleep(100);
    }
    const stance = await running;
    assert.ok(stance, 'the flow ended with a stance');
    assert.deepEqual(
      [stance.value.stance, stance.value.influence, stance.value.interest, stance.value.role],
      ['champion', 'high', 'medium', 'leads'],
    );
    assert.equal(alliances.service.folders()[0]?.store.ofPartner('stance', zoe.value.id).length, before + 1);
  });
});
