// Which commands the activation shell registers (scripts/shellCommands.cjs, used by the build). A command
// left to dist/main.js must be unreachable until main.js has started, or VS Code 1.139 fails it when it is
// the one that activates the extension.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

interface MenuItem {
  command: string;
  when?: string;
}
interface Contributes {
  commands: { command: string }[];
  keybindings?: { command: string; when?: string }[];
  menus?: Record<string, MenuItem[]>;
  viewsWelcome?: { view: string; contents: string; when?: string }[];
  walkthroughs?: { steps: { description: string }[] }[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { shellCommandIds, waitsForStart } = require(path.join(ROOT, 'scripts', 'shellCommands.cjs')) as {
  shellCommandIds: (contributes: Contributes, nls?: Record<string, string>) => string[];
  waitsForStart: (when: string | undefined) => boolean;
};
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: Contributes };
const nls = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
const copy = (): Contributes => structuredClone(manifest.contributes);

describe('activation shell commands (scripts/shellCommands.cjs)', () => {
  it('registers only what can run before main.js started: key bindings, the walkthrough, the editor menu', () => {
    assert.deepEqual(shellCommandIds(manifest.contributes, nls).sort(), [
      'alliances.addPartner', // walkthrough
      'alliances.addTalkingPoint', // key binding, editor menu, walkthrough
      'alliances.goToPartner', // key binding
      'alliances.importPartners', // walkthrough
      'alliances.logCheckIn', // key binding, walkthrough
      'alliances.openDashboard', // walkthrough
      'alliances.search', // key binding
    ]);
  });

  it('leaves every other command to main.js only when each of its palette and menu entries waits for the start', () => {
    const shell = new Set(shellCommandIds(manifest.contributes, nls));
    const menus = manifest.contributes.menus ?? {};
    for (const { command } of manifest.contributes.commands.filter((c) => !shell.has(c.command))) {
      const palette = (menus.commandPalette ?? []).filter((item) => item.command === command);
      assert.ok(palette.length > 0, `${command} has a commandPalette entry (else the palette lists it from the start)`);
      for (const [menu, items] of Object.entries(menus)) {
        if (menu === 'view/item/context') continue;
        for (const item of items.filter((i) => i.command === command))
          assert.ok(/^(false|alliances:(started|loaded)( && .+)?)$/.test(item.when ?? ''), `${menu}: ${command} when ${item.when}`);
      }
    }
  });

  it('keeps a command in the shell when one way to reach it does not wait', () => {
    const id = 'alliances.exportCalendar';
    assert.ok(!shellCommandIds(copy(), nls).includes(id), 'left to main.js as shipped');

    const bound = copy();
    bound.keybindings = [...(bound.keybindings ?? []), { command: id }];
    assert.ok(shellCommandIds(bound, nls).includes(id), 'a key binding');

    const noPaletteEntry = copy();
    noPaletteEntry.menus!.commandPalette = noPaletteEntry.menus!.commandPalette.filter((item) => item.command !== id);
    assert.ok(shellCommandIds(noPaletteEntry, nls).includes(id), 'no commandPalette entry');

    const ungatedTitle = copy();
    const title = ungatedTitle.menus!['view/title'].find((item) => item.command === id)!;
    title.when = 'view == alliances.partners';
    assert.ok(shellCommandIds(ungatedTitle, nls).includes(id), 'a view title button shown before the start');

    const editorMenu = copy();
    editorMenu.menus!['editor/context'] = [...(editorMenu.menus!['editor/context'] ?? []), { command: id, when: 'editorHasSelection' }];
    assert.ok(shellCommandIds(editorMenu, nls).includes(id), 'an editor menu');

    const welcome = copy();
    welcome.viewsWelcome = [
      ...(welcome.viewsWelcome ?? []),
      { view: 'alliances.partners', contents: '%test.welcome%', when: 'workspaceFolderCount == 0' },
    ];
    assert.ok(
      shellCommandIds(welcome, { ...nls, 'test.welcome': `[Export](command:${id})` }).includes(id),
      'a welcome view shown before the start (through package.nls.json)',
    );
    welcome.viewsWelcome.at(-1)!.when = 'alliances:loaded && workspaceFolderCount > 0';
    assert.ok(
      !shellCommandIds(welcome, { ...nls, 'test.welcome': `[Export](command:${id})` }).includes(id),
      'a welcome view shown once loaded',
    );

    const walkthrough = copy();
    walkthrough.walkthroughs![0].steps[0].description = `[Calendar](command:${id}?%5B%5D)`;
    assert.ok(shellCommandIds(walkthrough, nls).includes(id), 'a walkthrough button');
    walkthrough.walkthroughs![0].steps[0].description = `[Calendar](command:${id}Later)`;
    assert.ok(!shellCommandIds(walkthrough, nls).includes(id), 'a longer id that starts the same is another command');
  });

  it('trusts only a gate and-ed at the top level', () => {
    for (const when of ['false', 'alliances:started', 'alliances:loaded', 'alliances:started && view == alliances.partners'])
      assert.ok(waitsForStart(when), when);
    for (const when of [
      undefined,
      '',
      'view == alliances.partners',
      '!alliances:started',
      'alliances:started || view == x',
      'view == x && alliances:started',
      'alliances:startedLater',
    ]) {
      assert.ok(!waitsForStart(when), String(when));
    }
  });
});
