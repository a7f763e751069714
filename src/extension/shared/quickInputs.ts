import * as vscode from 'vscode';
import { shownPicks, visible } from './displayText';

// Titles, prompts and items often hold store text (a partner's name): shown with invisible and bidi
// characters made visible (displayText.ts). An input's value stays raw (it is what gets saved), and a
// pick resolves to the caller's own item, never the shown copy.

/** The quick input on screen, for the integration tests (testInternals.ts) to read and tick. */
// On globalThis: the lazily loaded bundles have their own copy of this module, and their inputs count too.
type Probe = { current: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox | undefined };
const probeKey = Symbol.for('alliances.quickInputProbe');
export const quickInputProbe: Probe = ((globalThis as { [probeKey]?: Probe })[probeKey] ??= { current: undefined });

function shown<T extends vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox>(input: T): T {
  quickInputProbe.current = input;
  input.onDidHide(() => {
    if (quickInputProbe.current === input) quickInputProbe.current = undefined;
  });
  return input;
}

/** Returned by a step when the user pressed the Back button. */
export const BACK = Symbol('back');
export type StepResult<T> = T | typeof BACK | undefined;

interface StepBase {
  title: string;
  step?: number;
  totalSteps?: number;
  placeholder?: string;
}

export interface TextStep<B extends symbol = never> extends StepBase {
  prompt?: string;
  value?: string;
  validate?: (value: string) => string | undefined;
  /** Extra title-bar buttons; pressing one resolves to its `id`. */
  buttons?: (vscode.QuickInputButton & { id: B })[];
}

/** An input box that resolves to the text, BACK, or undefined when dismissed. */
export function askText<B extends symbol = never>(options: TextStep<B>): Promise<StepResult<string> | B> {
  const input = shown(vscode.window.createInputBox());
  input.title = visible(options.title);
  input.step = options.step;
  input.totalSteps = options.totalSteps;
  input.prompt = options.prompt === undefined ? undefined : visible(options.prompt);
  input.placeholder = options.placeholder === undefined ? undefined : visible(options.placeholder);
  input.value = options.value ?? '';
  input.ignoreFocusOut = false;
  input.buttons = [...(options.step && options.step > 1 ? [vscode.QuickInputButtons.Back] : []), ...(options.buttons ?? [])];
  return new Promise((resolve) => {
    const done = (result: StepResult<string> | B) => {
      resolve(result);
      input.dispose();
    };
    const check = (value: string) => {
      const problem = options.validate?.(value);
      input.validationMessage = problem === undefined ? undefined : visible(problem);
      return problem === undefined;
    };
    input.onDidChangeValue(check);
    input.onDidAccept(() => {
      if (check(input.value)) done(input.value);
    });
    input.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) done(BACK);
      const extra = options.buttons?.find((candidate) => candidate === button);
      if (extra) done(extra.id);
    });
    input.onDidHide(() => done(undefined));
    input.show();
  });
}

export interface PickStep<T extends vscode.QuickPickItem, B extends symbol = never> extends StepBase {
  items: readonly T[];
  /** Extra title-bar buttons; pressing one resolves to its `id`. */
  buttons?: (vscode.QuickInputButton & { id: B })[];
  active?: T;
  matchOnDescription?: boolean;
  matchOnDetail?: boolean;
  /** Offers the typed text as an item of its own (free text with suggestions). */
  custom?: (value: string) => T | undefined;
}

/** A quick pick that resolves to the chosen item, BACK, or undefined when dismissed. */
export function askPick<T extends vscode.QuickPickItem, B extends symbol = never>(options: PickStep<T, B>): Promise<StepResult<T> | B> {
  const pick = vscode.window.createQuickPick<T>();
  shown(pick as unknown as vscode.QuickPick<vscode.QuickPickItem>);
  const { show, original } = shownPicks<T>();
  const items = options.items.map(show);
  pick.title = visible(options.title);
  pick.step = options.step;
  pick.totalSteps = options.totalSteps;
  pick.placeholder = options.placeholder === undefined ? undefined : visible(options.placeholder);
  pick.matchOnDescription = options.matchOnDescription ?? false;
  pick.matchOnDetail = options.matchOnDetail ?? false;
  pick.items = items;
  if (options.active) pick.activeItems = [show(options.active)];
  pick.buttons = [...(options.step && options.step > 1 ? [vscode.QuickInputButtons.Back] : []), ...(options.buttons ?? [])];
  if (options.custom) {
    const custom = options.custom;
    pick.onDidChangeValue((value) => {
      const extra = value.trim() ? custom(value.trim()) : undefined;
      const exists = extra && options.items.some((item) => item.label.toLocaleLowerCase() === extra.label.toLocaleLowerCase());
      pick.items = extra && !exists ? [show(extra), ...items] : items;
    });
  }
  return new Promise((resolve) => {
    const done = (result: StepResult<T> | B) => {
      resolve(result);
      pick.dispose();
    };
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      if (chosen) done(original(chosen));
    });
    pick.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) done(BACK);
      const extra = options.buttons?.find((candidate) => candidate === button);
      if (extra) done(extra.id);
    });
    pick.onDidHide(() => done(undefined));
    pick.show();
  });
}

/**
 * Runs steps in order with Back support: each step gets the state so far and returns true to go on,
 * BACK to return to the previous step, or undefined to cancel the whole flow.
 */
export async function runSteps<S>(state: S, steps: ((state: S) => Promise<true | typeof BACK | undefined>)[]): Promise<S | undefined> {
  let index = 0;
  while (index < steps.length) {
    const step = steps[index];
    if (!step) break;
    const result = await step(state);
    if (result === undefined) return undefined;
    index = result === BACK ? Math.max(0, index - 1) : index + 1;
  }
  return state;
}

export interface ManyStep<T extends vscode.QuickPickItem> extends StepBase {
  items: readonly T[];
  selected?: readonly T[];
}

/** A multi-select quick pick: Enter accepts the ticked items (none is a valid answer). */
export function askMany<T extends vscode.QuickPickItem>(options: ManyStep<T>): Promise<StepResult<T[]>> {
  const pick = vscode.window.createQuickPick<T>();
  shown(pick as unknown as vscode.QuickPick<vscode.QuickPickItem>);
  const { show, original } = shownPicks<T>();
  pick.title = visible(options.title);
  pick.step = options.step;
  pick.totalSteps = options.totalSteps;
  pick.placeholder = options.placeholder === undefined ? undefined : visible(options.placeholder);
  pick.canSelectMany = true;
  pick.items = options.items.map(show);
  if (options.selected) pick.selectedItems = options.selected.map(show);
  if (options.step && options.step > 1) pick.buttons = [vscode.QuickInputButtons.Back];
  return new Promise((resolve) => {
    const done = (result: StepResult<T[]>) => {
      resolve(result);
      pick.dispose();
    };
    pick.onDidAccept(() => done(pick.selectedItems.map(original)));
    pick.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) done(BACK);
    });
    pick.onDidHide(() => done(undefined));
    pick.show();
  });
}
