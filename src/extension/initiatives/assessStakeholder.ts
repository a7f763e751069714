import * as vscode from 'vscode';
import { currentStances } from '../../core/initiatives';
import type { Initiative, Stance } from '../../core/model';
import type { Loaded } from '../../core/store';
import {
  LEVELS,
  STANCE_ROLES,
  STANCES,
  initiativeStatusLabel,
  levelLabel,
  stanceLabel,
  stanceRoleLabel,
  type Level,
  type StanceRole,
  type StanceValue,
} from '../../core/vocabulary';
import { COMMANDS } from '../ids';
import { visible } from '../shared/displayText';
import { partnerFromArg, pickPartner } from '../shared/partnerArgs';
import { askPick, askText, BACK, runSteps } from '../shared/quickInputs';
import type { FolderStore, StoreService } from '../store/storeService';
import type { InitiativeNode } from './initiativesTree';

/** What an assessment says; a field left out keeps the partner's current one (or the default). */
export interface AssessmentInput {
  stance?: StanceValue;
  influence?: Level;
  interest?: Level;
  role?: StanceRole;
  cares?: string;
  offers?: string;
  note?: string;
}

interface InitiativeTarget {
  entry: FolderStore;
  initiative: Loaded<Initiative>;
}

const DEFAULTS = { stance: 'unknown', influence: 'medium', interest: 'medium', role: 'consulted' } as const;

/**
 * Assess Stakeholder: pick the initiative and the partner, then stance, influence, interest, role, what
 * they care about and what they can offer. Every step starts on their current assessment (or the
 * default), so Enter keeps it. Always a new stance record: the history stays.
 */
export async function assessStakeholder(
  service: StoreService,
  initiativeArg?: unknown,
  partnerArg?: unknown,
  inputArg?: unknown,
): Promise<Loaded<Stance> | undefined> {
  const title = vscode.l10n.t('Assess Stakeholder');
  const target = initiativeFromArg(service, initiativeArg) ?? (await pickInitiative(service, title));
  if (!target) return undefined;
  const { entry, initiative } = target;
  const personId = personOf(initiativeArg);
  const partner =
    partnerFromArg(service, personId ?? partnerArg) ??
    (await pickPartner(
      service,
      vscode.l10n.t('Assess Stakeholder: {0}', initiative.value.name),
      (t) => t.entry === entry && !t.view.record.value.archived,
    ));
  if (!partner) return undefined;
  if (partner.entry !== entry) throw new Error(vscode.l10n.t('the partner and the initiative are in different workspace folders.'));
  const partnerId = partner.view.record.value.id;
  const current = currentStances(
    entry.store.ofPartner('stance', partnerId).map((s) => s.value),
    initiative.value.id,
  )[0];
  const start: Required<Omit<AssessmentInput, 'note'>> & { note?: string } = {
    stance: current?.stance ?? DEFAULTS.stance,
    influence: current?.influence ?? DEFAULTS.influence,
    interest: current?.interest ?? DEFAULTS.interest,
    role: current?.role ?? DEFAULTS.role,
    cares: current?.cares ?? '',
    offers: current?.offers ?? '',
  };
  const input = isInput(inputArg)
    ? { ...start, ...inputArg }
    : await askForAssessment(`${title}: ${partner.view.record.value.name} · ${initiative.value.name}`, start);
  if (!input) return undefined;
  const record = await entry.store.create(
    'stance',
    {
      initiativeId: initiative.value.id,
      partnerId,
      date: new Date().toISOString(),
      stance: input.stance,
      influence: input.influence,
      interest: input.interest,
      role: input.role,
      ...(input.cares.trim() ? { cares: input.cares.trim() } : {}),
      ...(input.offers.trim() ? { offers: input.offers.trim() } : {}),
      ...(input.note?.trim() ? { note: input.note.trim() } : {}),
    },
    // A stance on a private initiative stays private: a shared one would name a file teammates lack.
    { private: initiative.private },
  );
  vscode.window.setStatusBarMessage(
    `$(person) ${visible(vscode.l10n.t('Alliances: {0} is {1} on {2}', partner.view.record.value.name, stanceLabel(input.stance), initiative.value.name))}`,
    4000,
  );
  return record;
}

/** An initiative id, or a node of the Initiatives view (an initiative or a person under it). */
function initiativeFromArg(service: StoreService, arg: unknown): InitiativeTarget | undefined {
  if (typeof arg === 'string') {
    for (const entry of service.folders()) {
      const initiative = entry.store.get('initiative', arg);
      if (initiative) return { entry, initiative };
    }
    throw new Error(vscode.l10n.t('no loaded initiative has the id {0} (its file may be missing or broken).', arg));
  }
  const node = arg as InitiativeNode | undefined;
  if (node && typeof node === 'object' && (node.type === 'initiative' || node.type === 'person')) {
    // The node may be stale (a write happened since): look the initiative up again.
    const initiative = node.entry.store.get('initiative', node.initiative.value.id);
    return initiative ? { entry: node.entry, initiative } : undefined;
  }
  return undefined;
}

function personOf(arg: unknown): string | undefined {
  const node = arg as InitiativeNode | undefined;
  return node && typeof node === 'object' && node.type === 'person' ? node.partner.id : undefined;
}

async function pickInitiative(service: StoreService, title: string): Promise<InitiativeTarget | undefined> {
  await service.whenReady();
  const several = service.folders().length > 1;
  const items = service.folders().flatMap((entry) =>
    entry.store
      .all('initiative')
      .filter((i) => i.value.status !== 'done' && i.value.status !== 'dropped')
      .sort((a, b) => a.value.name.localeCompare(b.value.name))
      .map((initiative) => ({
        label: initiative.value.name,
        description: [initiativeStatusLabel(initiative.value.status), several ? entry.folder.name : undefined].filter(Boolean).join(' · '),
        detail: initiative.value.goal,
        target: { entry, initiative },
      })),
  );
  if (items.length === 0) {
    const add = vscode.l10n.t('Add Initiative');
    const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Alliances: there are no open initiatives yet.'), add);
    if (answer === add) await vscode.commands.executeCommand(COMMANDS.addInitiative);
    return undefined;
  }
  const chosen = await askPick({ title, items, placeholder: vscode.l10n.t('Which initiative?'), matchOnDetail: true });
  return chosen && typeof chosen === 'object' ? chosen.target : undefined;
}

function isInput(arg: unknown): arg is AssessmentInput {
  return typeof arg === 'object' && arg !== null && !Array.isArray(arg);
}

type Assessment = Required<Omit<AssessmentInput, 'note'>> & { note?: string };

async function askForAssessment(title: string, start: Assessment): Promise<Assessment | undefined> {
  const steps = 6;
  const pickOne =
    <T extends string>(step: number, values: readonly T[], label: (value: T) => string, placeholder: string, key: keyof Assessment) =>
    async (s: Assessment) => {
      const items = values.map((value) => ({ label: label(value), value }));
      const chosen = await askPick({ title, step, totalSteps: steps, items, active: items.find((i) => i.value === s[key]), placeholder });
      if (!chosen || chosen === BACK) return chosen;
      (s as unknown as Record<string, string>)[key] = chosen.value;
      return true as const;
    };
  const typeOne = (step: number, prompt: string, key: 'cares' | 'offers') => async (s: Assessment) => {
    const text = await askText({ title, step, totalSteps: steps, prompt, value: s[key] });
    if (typeof text !== 'string') return text;
    s[key] = text;
    return true as const;
  };
  return runSteps({ ...start }, [
    pickOne(1, STANCES, (v) => stanceLabel(v), vscode.l10n.t('Where do they stand on it?'), 'stance'),
    pickOne(2, LEVELS, (v) => levelLabel(v), vscode.l10n.t('How much influence do they have on it?'), 'influence'),
    pickOne(3, LEVELS, (v) => levelLabel(v), vscode.l10n.t('How much does it matter to them?'), 'interest'),
    pickOne(4, STANCE_ROLES, (v) => stanceRoleLabel(v), vscode.l10n.t('Their role in it?'), 'role'),
    typeOne(5, vscode.l10n.t('What do they care about? (optional: Enter keeps it)'), 'cares'),
    typeOne(6, vscode.l10n.t('What can they offer? (optional: Enter keeps it)'), 'offers'),
  ]);
}
