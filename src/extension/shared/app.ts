// What every feature's register() is given: the extension context, the store service, and the two ways
// features add to the whole (commands, and a render step run after every store change).
import * as vscode from 'vscode';
import { guarded } from './partnerArgs';
import { registerCommand, type CommandHandler } from './registry';
import type { StoreService } from '../store/storeService';

export interface App {
  readonly context: vscode.ExtensionContext;
  readonly service: StoreService;
  /** Registers commands (through the activation shell's table when it has the id) into the subscriptions. */
  commands(handlers: Record<string, CommandHandler>): void;
  /** Runs after every store change and once the stores loaded, in registration order. */
  onRender(step: () => void): void;
}

export interface AppHost extends App {
  /** Runs every render step. */
  render(): void;
}

export function createApp(context: vscode.ExtensionContext, service: StoreService): AppHost {
  const steps: (() => void)[] = [];
  return {
    context,
    service,
    commands(handlers) {
      for (const [id, handler] of Object.entries(handlers)) context.subscriptions.push(registerCommand(id, handler));
    },
    onRender(step) {
      steps.push(step);
    },
    render() {
      for (const step of steps) step();
    },
  };
}

/** A store command: waits for the stores to be loaded, then reports a failure as one clear message. */
export function storeCommand<A extends unknown[], R>(
  service: StoreService,
  body: (...args: A) => Promise<R>,
): (...args: A) => Promise<R | undefined> {
  return guarded(async (...args: A) => {
    await service.whenReady();
    return body(...args);
  });
}
