import * as vscode from 'vscode';
import { addDays, startOfDay } from 'date-fns';
import { parseAreas } from '../../core/codeAreas';
import type { Initiative } from '../../core/model';
import type { Loaded } from '../../core/store';
import { INITIATIVE_STATUSES, initiativeStatusLabel, type InitiativeStatus } from '../../core/vocabulary';
import { visible } from '../shared/displayText';
import { pickFolder } from '../shared/partnerArgs';
import { askDueDate } from '../shared/dueDatePick';
import { askPick, askText, BACK, runSteps } from '../shared/quickInputs';
import type { StoreService } from '../store/storeService';

export interface InitiativeInput {
  name: string;
  goal?: string;
  status?: InitiativeStatus;
  due?: string;
  codeAreas?: string[];
  private?: boolean;
}

const STEPS = 5;

/**
 * Add Initiative: name, goal, status (active unless changed), due date, code areas; Enter skips each
 * optional step. With an input object (scripts, tests) it writes at once, in the first folder.
 */
export async function addInitiative(service: StoreService, inputArg?: unknown): Promise<Loaded<Initiative> | undefined> {
  const title = vscode.l10n.t('Add Initiative');
  const direct = isInput(inputArg) ? inputArg : undefined;
  const entry = direct ? service.folders()[0] : await pickFolder(service, title);
  if (!entry) return undefined;
  const input = direct ?? (await askForInitiative(title));
  if (!input) return undefined;
  const { private: isPrivate, ...fields } = input;
  const record = await entry.store.create(
    'initiative',
    {
      name: fields.name.trim(),
      ...(fields.goal?.trim() ? { goal: fields.goal.trim() } : {}),
      status: fields.status ?? 'active',
      ...(fields.due ? { due: fields.due } : {}),
      ...(fields.codeAreas && fields.codeAreas.length > 0 ? { codeAreas: fields.codeAreas } : {}),
    },
    { private: isPrivate },
  );
  vscode.window.setStatusBarMessage(`$(rocket) ${visible(vscode.l10n.t('Alliances: initiative {0} added', record.value.name))}`, 4000);
  return record;
}

function isInput(arg: unknown): arg is InitiativeInput {
  return typeof arg === 'object' && arg !== null && typeof (arg as InitiativeInput).name === 'string';
}

async function askForInitiative(title: string): Promise<InitiativeInput | undefined> {
  const state: InitiativeInput = { name: '', status: 'active' };
  const today = startOfDay(new Date());
  return runSteps(state, [
    async (s) => {
      const name = await askText({
        title,
        step: 1,
        totalSteps: STEPS,
        prompt: vscode.l10n.t('What is the initiative called?'),
        placeholder: vscode.l10n.t('e.g. Pricing revamp, Billing migration'),
        value: s.name,
        validate: (v) => (v.trim() ? undefined : vscode.l10n.t('A name, please.')),
      });
      if (typeof name !== 'string') return name;
      s.name = name.trim();
      return true;
    },
    async (s) => {
      const goal = await askText({
        title,
        step: 2,
        totalSteps: STEPS,
        prompt: vscode.l10n.t('What should it achieve? (optional: Enter skips)'),
        value: s.goal,
      });
      if (typeof goal !== 'string') return goal;
      s.goal = goal.trim() || undefined;
      return true;
    },
    async (s) => {
      const items = INITIATIVE_STATUSES.map((status) => ({ label: initiativeStatusLabel(status), status }));
      const chosen = await askPick({
        title,
        step: 3,
        totalSteps: STEPS,
        items,
        active: items.find((i) => i.status === s.status),
        placeholder: vscode.l10n.t('Where does it stand?'),
      });
      if (!chosen || chosen === BACK) return chosen;
      s.status = chosen.status;
      return true;
    },
    async (s) => {
      const options: [string, Date | undefined][] = [
        [vscode.l10n.t('No due date'), undefined],
        [vscode.l10n.t('In a month'), addDays(today, 30)],
        [vscode.l10n.t('In a quarter'), addDays(today, 91)],
        [vscode.l10n.t('In half a year'), addDays(today, 182)],
      ];
      const chosen = await askDueDate(options, today, { title, step: 4, totalSteps: STEPS });
      if (!chosen || chosen === BACK) return chosen;
      s.due = chosen.due;
      return true;
    },
    async (s) => {
      const text = await askText({
        title,
        step: 5,
        totalSteps: STEPS,
        prompt: vscode.l10n.t('Code areas it touches (optional: paths or globs, separated by commas; Enter skips)'),
        placeholder: vscode.l10n.t('e.g. billing/**, src/pricing/'),
        value: s.codeAreas?.join(', '),
        validate: (v) => {
          const { invalid } = parseAreas(v);
          return invalid.length > 0 ? vscode.l10n.t('Not a path in the workspace: {0}', invalid.join(', ')) : undefined;
        },
      });
      if (typeof text !== 'string') return text;
      s.codeAreas = parseAreas(text).areas;
      return true;
    },
  ]);
}
