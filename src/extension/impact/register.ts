// Alliances: Who Does This Change Affect? — the partners and initiatives whose code areas the current
// branch (or any range) touches, who of them was consulted, one click to a talking point for the rest and
// the Markdown block for the pull request. This file is in main.js; the work is dist/impact.js (index.ts),
// loaded on the first run. With an argument `{ base?, head?, folder?, action }` the command answers
// without the quick pick (scripts and the tests): action 'result' returns the answer, 'addTalkingPoints'
// adds them for everyone not consulted, 'markdown' returns the pull-request block.
import { COMMANDS } from '../ids';
import { storeCommand, type App } from '../shared/app';
import { lazyBundle } from '../shared/lazyBundle';

/** dist/impact.js: the first impact check. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadImpact = lazyBundle<typeof import('./index')>(() => require('./impact.js'));

export function register(app: App): void {
  const { service } = app;
  app.commands({
    [COMMANDS.showChangeImpact]: storeCommand(service, (arg?: unknown) => loadImpact().runImpactCommand(service, arg)),
  });
}
