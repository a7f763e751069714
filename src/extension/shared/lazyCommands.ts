// Lazy command modules: the body of a command that main.js need not hold (a multi-step flow, a view's code)
// lives in dist/flows.js, which the first such command requires. main.js keeps one stub per command, so
// the palette, the menus and the key bindings find it at once; the flow is read on first use.
//
// To put a flow there: export it from src/extension/flows/index.ts, then register it in the feature's
// register.ts as `[COMMANDS.x]: flowCommand(service, (flows, arg?: unknown) => flows.x(service, arg))`.
// The bundle has its own copies of the modules it imports: share state through the service, never through
// a module-level variable (docs/decisions/lazy-command-modules.md).
import { lazyBundle } from './lazyBundle';
import { storeCommand } from './app';
import type { StoreService } from '../store/storeService';

export type Flows = typeof import('../flows/index');

/** dist/flows.js: the first command whose flow lives there (or the first look at the Initiatives view). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const loadFlows = lazyBundle<Flows>(() => require('./flows.js'));

/**
 * A store command whose body is in dist/flows.js: waits for the stores, requires the bundle (once), runs
 * the body with it and turns a failure into one message, as `storeCommand` does.
 */
export function flowCommand<A extends unknown[], R>(
  service: StoreService,
  body: (flows: Flows, ...args: A) => Promise<R>,
): (...args: A) => Promise<R | undefined> {
  return storeCommand(service, (...args: A) => body(loadFlows(), ...args));
}
