// Which commands the activation shell (dist/extension.js) registers during activate(): those a person
// can run before dist/main.js has started. main.js registers the others right after activation and then
// sets the context key `alliances:started`; until then nothing offers them. VS Code 1.139 fails a command
// that activates an extension without registering it (CommandService.executeCommand does not wait), so a
// command stays in the shell unless every way to reach it waits for that key. Fewer registrations, less
// activation: each one is a call into VS Code and a message to the workbench.
'use strict';

/** Context keys main.js sets only after it registered its commands (`alliances:loaded` comes later still). */
const GATES = ['alliances:started', 'alliances:loaded'];

/** A `when` clause that is false until main.js started: hidden (`false`), or the gate and'ed at the top level. */
function waitsForStart(when) {
  if (when === 'false') return true;
  if (typeof when !== 'string') return false;
  // Only a leading conjunct is trusted: `a || alliances:started` or `!alliances:started` would not wait.
  const first = when.split('&&')[0].trim();
  return GATES.includes(first) && !/\|\|/.test(when);
}

/** `[text](command:id)` or `command:id?args` in markdown, not a longer id that starts the same. */
function links(text, id) {
  return new RegExp(`command:${id.replace(/\./g, '\\.')}(?![\\w.])`).test(text);
}

/**
 * @param contributes package.json's `contributes`
 * @param nls package.json's `%key%` strings (package.nls.json), to read welcome views and walkthroughs
 * @returns the ids the shell registers, in package.json's order
 */
function shellCommandIds(contributes, nls = {}) {
  const text = (value) => (typeof value === 'string' ? value.replace(/^%([^%]+)%$/, (whole, key) => nls[key] ?? whole) : '');
  const reachable = (id) => {
    if ((contributes.keybindings ?? []).some((binding) => binding.command === id)) return true;
    const menus = contributes.menus ?? {};
    const palette = (menus.commandPalette ?? []).filter((item) => item.command === id);
    // With no commandPalette entry, the palette lists every contributed command.
    if (palette.length === 0 || palette.some((item) => !waitsForStart(item.when))) return true;
    for (const [menu, items] of Object.entries(menus)) {
      // Tree items exist only once main.js built the tree.
      if (menu === 'commandPalette' || menu === 'view/item/context') continue;
      if (items.some((item) => item.command === id && !waitsForStart(item.when))) return true;
    }
    if ((contributes.viewsWelcome ?? []).some((welcome) => !waitsForStart(welcome.when) && links(text(welcome.contents), id))) return true;
    // The walkthrough shows on the Welcome page, before any activation.
    const steps = (contributes.walkthroughs ?? []).flatMap((walkthrough) => walkthrough.steps ?? []);
    return steps.some((step) => links(text(step.description), id));
  };
  return contributes.commands.map((command) => command.command).filter(reachable);
}

module.exports = { shellCommandIds, waitsForStart, GATES };
