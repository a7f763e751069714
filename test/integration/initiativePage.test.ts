import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { newId } from '../../src/core/ids';
import type { CheckIn, Initiative, Partner, Stance, TalkingPoint } from '../../src/core/model';
import type { Loaded } from '../../src/core/store';
import { COMMANDS } from '../../src/extension/ids';
import { talkingPointText } from '../../src/extension/initiativePage/initiativePanel';
import type { AlliancesInternals } from '../../src/extension/testInternals';
import { api, bundleLoaded, waitFor } from './helpers';

// The initiative page in the real extension host: Open Initiative… with an id or a view item opens one
// panel per initiative (its own lazy bundle), the page receives the figures of the store, a re-assessment
// reaches it, "Add talking point" writes one talking point through Add Talking Point, and every message
// from the page is checked before anything happens.
describe('initiative page', function () {
  let alliances: AlliancesInternals;
  let ria: Loaded<Partner>;
  let sol: Loaded<Partner>;
  let initiative: Loaded<Initiative>;

  const assess = (partner: Loaded<Partner>, input: Partial<Stance>) =>
    vscode.commands.executeCommand<Loaded<Stance>>(COMMANDS.assessStakeholder, initiative.value.id, partner.value.id, input);
  const page = () => alliances.initiativePages.get(initiative.value.id);

  before(async () => {
    alliances = await api();
    if (!alliances.service.folders()[0]?.store.exists) await vscode.commands.executeCommand(COMMANDS.initializeStore);
    const add = (name: string, department: string) =>
      vscode.commands.executeCommand<Loaded<Partner>>(COMMANDS.addPartner, { name, department });
    ria = await add('Ria Page', 'Finance');
    sol = await add('Sol Page', 'Sales');
    initiative = (await vscode.commands.executeCommand<Loaded<Initiative>>(COMMANDS.addInitiative, {
      name: 'Page Initiative',
      goal: 'Draw the grid',
      due: '2027-03-31',
      codeAreas: ['src/page/**'],
    }))!;
    await assess(ria, { stance: 'champion', influence: 'high', interest: 'high', role: 'leads' });
    await assess(sol, { stance: 'skeptic', influence: 'high', interest: 'low', role: 'approves' });
  });

  after(() => {
    for (const panel of alliances.initiativePages.all()) panel.dispose();
  });

  it('Open Initiative with an id opens the page, which receives the figures of the store', async () => {
    assert.equal(bundleLoaded('initiativePage.js'), false, 'dist/initiativePage.js loads on first use only');
    assert.equal(await vscode.commands.executeCommand(COMMANDS.openInitiative, initiative.value.id), initiative.value.id);
    assert.ok(bundleLoaded('initiativePage.js'));
    const data = await waitFor('the page to ask for its data', () => page()?.last, 15_000);
    assert.deepEqual(
      [data.initiative.name, data.initiative.goal, data.initiative.status, data.initiative.due, data.initiative.codeAreas],
      ['Page Initiative', 'Draw the grid', 'active', '2027-03-31', ['src/page/**']],
    );
    const cell = (influence: string, interest: string) =>
      data.grid.find((c) => c.influence === influence && c.interest === interest)?.people;
    assert.deepEqual(cell('high', 'high'), [ria.value.id]);
    assert.deepEqual(cell('high', 'low'), [sol.value.id]);
    assert.deepEqual(
      data.roles.filter((r) => r.people.length > 0).map((r) => [r.role, r.people]),
      [
        ['leads', ['Ria Page']],
        ['approves', ['Sol Page']],
      ],
    );
    assert.deepEqual(
      data.winOver.map((w) => w.name),
      ['Sol Page'],
    );
    assert.equal(page()?.panel.title, 'Initiative: Page Initiative');
  });

  it('opening it again, or from its item in the Initiatives view, reveals the same panel', async () => {
    const node = alliances.initiatives.getChildren().find((n) => n.type === 'initiative' && n.initiative.value.id === initiative.value.id);
    assert.ok(node);
    const item = alliances.initiatives.getTreeItem(node);
    assert.equal(item.command?.command, COMMANDS.openInitiative, 'a click on the item opens its page');
    assert.deepEqual(item.command?.arguments, [initiative.value.id]);
    assert.equal(await vscode.commands.executeCommand(COMMANDS.openInitiative, node), initiative.value.id);
    assert.equal(alliances.initiativePages.all().length, 1);
  });

  it('a wrong argument opens nothing', async () => {
    assert.equal(await vscode.commands.executeCommand(COMMANDS.openInitiative, 'no-such-initiative'), undefined);
    assert.equal(await vscode.commands.executeCommand(COMMANDS.openInitiative, { name: 'x' }), undefined);
    assert.equal(alliances.initiativePages.all().length, 1);
  });

  it('a re-assessment reaches the open page: the history grows, who to win over changes', async () => {
    const panel = page()!;
    panel.panel.reveal();
    await assess(sol, { stance: 'supporter' });
    const data = await waitFor(
      'the new assessment on the page',
      () => (panel.last?.history.find((h) => h.partnerId === sol.value.id)?.entries.length === 2 ? panel.last : undefined),
      10_000,
    );
    assert.deepEqual(
      data.history.find((h) => h.partnerId === sol.value.id)?.entries.map((e) => e.stance),
      ['skeptic', 'supporter'],
    );
    assert.deepEqual(data.winOver, [], 'a supporter is won over');
    await assess(sol, { stance: 'neutral' });
    await waitFor('Sol to be won over again', () => panel.last?.winOver.length === 1, 10_000);
  });

  it('"Add talking point" writes one talking point for that partner about the initiative, once', async () => {
    const panel = page()!;
    const points = () =>
      alliances.service
        .folders()[0]
        .store.ofPartner('talkingPoint', sol.value.id)
        .filter((p) => p.value.text === talkingPointText('Page Initiative'));
    const first = await panel.handle({ type: 'addTalkingPoint', requestId: 'test-1', partnerId: sol.value.id });
    assert.equal(first.kind, 'talkingPoint');
    const written = await waitFor('the talking point', () => points()[0]);
    const onDisk = JSON.parse(await fs.readFile(written.path, 'utf8')) as TalkingPoint;
    assert.deepEqual([onDisk.partnerId, onDisk.text], [sol.value.id, 'Page Initiative: where do you stand, and what would win you over?']);
    const again = await panel.handle({ type: 'addTalkingPoint', requestId: 'test-2', partnerId: sol.value.id });
    assert.deepEqual(again, { kind: 'talkingPoint', id: written.value.id }, 'the open one is kept, not doubled');
    assert.equal(points().length, 1);
  });

  it('checks every message from the page: malformed ones and unknown partners do nothing', async () => {
    const panel = page()!;
    const before = alliances.service.folders()[0].store.all('talkingPoint').length;
    for (const raw of [
      { type: 'addTalkingPoint', requestId: 'test-3', partnerId: '../../etc/passwd' },
      { type: 'addTalkingPoint', requestId: 'test-4' },
      { type: 'openPartner', requestId: 'test-5', id: sol.value.id, extra: true },
      { type: 'runCommand', command: 'workbench.action.quit' },
      'ready',
    ])
      assert.equal((await panel.handle(raw)).kind, 'rejected', JSON.stringify(raw));
    const missing = await panel.handle({ type: 'addTalkingPoint', requestId: 'test-6', partnerId: newId() });
    assert.equal(missing.kind, 'rejected');
    assert.equal(alliances.service.folders()[0].store.all('talkingPoint').length, before, 'nothing was written');
  });

  // The quick flow, driven through its quick inputs: the initiative step only for a partner with a stance.
  type Pick = vscode.QuickPick<vscode.QuickPickItem & { initiativeId?: string | null }>;
  const onScreen = <T extends vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox>(what: string, ready: (input: T) => boolean) =>
    waitFor(what, () => {
      const input = alliances.quickInput.current as T | undefined;
      return input && ready(input) ? input : undefined;
    });
  const accept = async () => {
    // The extension host sends the active item to the workbench a moment later.
    await new Promise((resolve) => setTimeout(resolve, 150));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  };
  const isPick = (input: unknown): input is Pick => typeof (input as Pick).canSelectMany === 'boolean';

  it('Log Check-in asks "about an initiative?" for a partner with a stance; picking one writes its id', async () => {
    const running = vscode.commands.executeCommand<Loaded<CheckIn> | undefined>(COMMANDS.logCheckIn, sol.value.id);
    const kind = await onScreen<Pick>('the kind step', (i) => isPick(i) && i.step === 1);
    assert.equal(kind.totalSteps, 5, 'kind, rating, initiative, summary, and the talking point added above: covered?');
    await accept();
    await onScreen<Pick>('the rating step', (i) => isPick(i) && i.step === 2);
    await accept();
    const step = await onScreen<Pick>('the initiative step', (i) => isPick(i) && i.step === 3);
    assert.deepEqual(
      step.items.map((i) => i.label),
      ['Not about an initiative', '$(rocket) Page Initiative'],
    );
    assert.equal(step.activeItems[0]?.label, 'Not about an initiative', 'Enter skips it');
    assert.match(step.items[1]?.description ?? '', /Sol Page: neutral/);
    step.activeItems = [step.items[1]];
    await accept();
    const summary = await onScreen<vscode.InputBox>('the summary step', (i) => !isPick(i) && i.step === 4);
    summary.value = 'Talked about the page';
    await accept();
    await onScreen<Pick>('the covered step', (i) => isPick(i) && i.canSelectMany && i.step === 5);
    await accept();
    const checkIn = await running;
    assert.ok(checkIn);
    assert.equal((JSON.parse(await fs.readFile(checkIn.path, 'utf8')) as CheckIn).initiativeId, initiative.value.id);
    // Who to win over next counts from it: Sol was talked to about it now.
    await waitFor('the page to show the talk', () => page()?.last?.winOver[0]?.lastTalked === checkIn.value.date, 10_000);
  });

  it('a partner with no stance gets the flow as today: three steps, no initiative asked', async () => {
    const nobody = await vscode.commands.executeCommand<Loaded<Partner>>(COMMANDS.addPartner, {
      name: 'Nia Nostance',
      department: 'Legal',
    });
    const running = vscode.commands.executeCommand<Loaded<CheckIn> | undefined>(COMMANDS.logCheckIn, nobody.value.id);
    const kind = await onScreen<Pick>('the kind step', (i) => isPick(i) && i.step === 1);
    assert.equal(kind.totalSteps, 3);
    await accept();
    await onScreen<Pick>('the rating step', (i) => isPick(i) && i.step === 2);
    await accept();
    const summary = await onScreen<vscode.InputBox>('the summary step', (i) => !isPick(i) && i.step === 3);
    summary.value = 'No initiative here';
    await accept();
    const checkIn = await running;
    assert.ok(checkIn);
    assert.equal('initiativeId' in (JSON.parse(await fs.readFile(checkIn.path, 'utf8')) as CheckIn), false);
  });
});
