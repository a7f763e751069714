import * as path from 'node:path';
import * as vscode from 'vscode';
import { ownKindWord } from '../../core/connections';
import type { Connection } from '../../core/model';
import type { Loaded } from '../../core/store';
import { CONNECTION_KINDS, connectionKindLabel, connectionKindLabelFromTarget, isConnectionKind } from '../../core/vocabulary';
import { visible } from '../shared/displayText';
import { partnerFromArg, partnerItems, pickPartner, type PartnerTarget } from '../shared/partnerArgs';
import { askPick, askText, BACK, runSteps } from '../shared/quickInputs';
import type { StoreService } from '../store/storeService';

const MAX_KIND = 60;
const MAX_NOTE = 2000;

export interface ConnectionInput {
  /** The partner at the other end (same store). */
  toId: string;
  /** 'works-with', 'reports-to', 'introduced', or an own word. */
  kind: string;
  note?: string;
  private?: boolean;
}

function isConnectionInput(arg: unknown): arg is ConnectionInput {
  if (typeof arg !== 'object' || arg === null) return false;
  const input = arg as ConnectionInput;
  return (
    typeof input.toId === 'string' &&
    typeof input.kind === 'string' &&
    (input.note === undefined || typeof input.note === 'string') &&
    (input.private === undefined || typeof input.private === 'boolean')
  );
}

interface ConnectionState {
  from: PartnerTarget | undefined;
  kind: string;
  to: PartnerTarget | undefined;
  note: string;
  private: boolean;
}

/**
 * Add Connection: partner, kind (one of three, or an own word typed in the pick), the other partner,
 * an optional note; shared or private when the store already keeps private records (docs/decisions).
 * Arguments `[fromId, { toId, kind, note?, private? }]` skip the inputs.
 */
export async function addConnection(service: StoreService, fromArg?: unknown, inputArg?: unknown): Promise<Loaded<Connection> | undefined> {
  const preset = partnerFromArg(service, fromArg);
  const title = vscode.l10n.t('Add Connection');
  if (isConnectionInput(inputArg)) {
    const from = preset ?? (await pickPartner(service, title));
    if (!from) return undefined;
    return write(service, from, inputArg);
  }
  const state: ConnectionState = { from: preset, kind: CONNECTION_KINDS[0], to: undefined, note: '', private: false };
  const offset = preset ? 0 : 1;
  // The private option only where the store already keeps private records (its private/ folder).
  const hasPrivate = async (s: ConnectionState) => (s.from ? folderExists(path.join(s.from.entry.store.root, 'private')) : false);
  let privateStep = false;
  const total = () => 3 + offset + (privateStep ? 1 : 0);
  const titleOf = (s: ConnectionState) =>
    s.from ? vscode.l10n.t('Add Connection: {0} {1} …', s.from.view.record.value.name, connectionKindLabel(s.kind)) : title;
  const fromTitle = (s: ConnectionState) => (s.from ? vscode.l10n.t('Add Connection: {0}', s.from.view.record.value.name) : title);
  const steps: ((s: ConnectionState) => Promise<true | typeof BACK | undefined>)[] = [];
  if (!preset) {
    steps.push(async (s) => {
      const items = partnerItems(service);
      const chosen = await askPick({
        title,
        step: 1,
        totalSteps: total(),
        items,
        active: items.find((i) => i.target.view.record.value.id === s.from?.view.record.value.id),
        placeholder: vscode.l10n.t('Whose connection? Type a name'),
        matchOnDescription: true,
      });
      if (!chosen || chosen === BACK) return chosen;
      s.from = chosen.target;
      privateStep = await hasPrivate(s);
      return true;
    });
  } else {
    privateStep = await hasPrivate(state);
  }
  steps.push(
    async (s) => {
      const name = s.from?.view.record.value.name ?? '';
      const items: (vscode.QuickPickItem & { connectionKind: string })[] = CONNECTION_KINDS.map((kind) => ({
        label: connectionKindLabel(kind),
        detail: vscode.l10n.t('{0} {1} … (on their page: … {2} {0})', name, connectionKindLabel(kind), connectionKindLabelFromTarget(kind)),
        connectionKind: kind,
      }));
      const chosen = await askPick({
        title: fromTitle(s),
        step: 1 + offset,
        totalSteps: total(),
        items,
        active: items.find((i) => i.connectionKind === s.kind),
        placeholder: vscode.l10n.t('How are they connected? Pick one, or type your own word (e.g. mentors)'),
        custom: (value) => {
          const word = ownKindWord(value, MAX_KIND);
          return word ? { label: word, detail: vscode.l10n.t('Your own word: {0} {1} …', name, word), connectionKind: word } : undefined;
        },
      });
      if (!chosen || chosen === BACK) return chosen;
      s.kind = chosen.connectionKind;
      return true;
    },
    async (s) => {
      const from = s.from;
      const items = partnerItems(service, (t) => t.entry === from?.entry && t.view.record.value.id !== from.view.record.value.id);
      if (items.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Alliances: a connection needs another partner in the same store.'));
        return undefined;
      }
      const chosen = await askPick({
        title: titleOf(s),
        step: 2 + offset,
        totalSteps: total(),
        items,
        active: items.find((i) => i.target.view.record.value.id === s.to?.view.record.value.id),
        placeholder: vscode.l10n.t('With whom? Type a name'),
        matchOnDescription: true,
      });
      if (!chosen || chosen === BACK) return chosen;
      s.to = chosen.target;
      return true;
    },
    async (s) => {
      const note = await askText({
        title: vscode.l10n.t(
          'Add Connection: {0} {1} {2}',
          s.from?.view.record.value.name ?? '',
          connectionKindLabel(s.kind),
          s.to?.view.record.value.name ?? '',
        ),
        step: 3 + offset,
        totalSteps: total(),
        prompt: vscode.l10n.t('An optional note (Enter to save)'),
        placeholder: vscode.l10n.t('e.g. Met at the Q3 offsite; they share the billing roadmap'),
        value: s.note,
        validate: (value) => (value.length > MAX_NOTE ? vscode.l10n.t('Keep the note under {0} characters.', MAX_NOTE) : undefined),
      });
      if (typeof note !== 'string') return note;
      s.note = note;
      return true;
    },
    async (s) => {
      if (!privateStep) return true;
      const items = [
        {
          label: vscode.l10n.t('Shared with the team'),
          detail: vscode.l10n.t('Written under .alliances/connections/, committed with the store'),
          private: false,
        },
        {
          label: vscode.l10n.t('Private'),
          detail: vscode.l10n.t('Written under .alliances/private/connections/, only on this machine'),
          private: true,
        },
      ];
      const chosen = await askPick({
        title: titleOf(s),
        step: 4 + offset,
        totalSteps: total(),
        items,
        active: items.find((i) => i.private === s.private),
        placeholder: vscode.l10n.t('Who may see this connection?'),
      });
      if (!chosen || chosen === BACK) return chosen;
      s.private = chosen.private;
      return true;
    },
  );
  const result = await runSteps(state, steps);
  if (!result?.from || !result.to) return undefined;
  return write(service, result.from, {
    toId: result.to.view.record.value.id,
    kind: result.kind,
    note: result.note,
    private: result.private,
  });
}

async function write(service: StoreService, from: PartnerTarget, input: ConnectionInput): Promise<Loaded<Connection>> {
  const store = from.entry.store;
  const to = store.partner(input.toId);
  if (!to) throw new Error(vscode.l10n.t('no partner with the id {0} in the same store as {1}.', input.toId, from.view.record.value.name));
  const kind = isConnectionKind(input.kind) ? input.kind : input.kind.trim();
  const note = input.note?.trim() ? input.note : undefined;
  const record = await store.create(
    'connection',
    { fromId: from.view.record.value.id, toId: input.toId, kind, ...(note !== undefined ? { note } : {}) },
    { private: input.private === true },
  );
  vscode.window.setStatusBarMessage(
    `$(check) ${visible(vscode.l10n.t('Alliances: {0} {1} {2}', from.view.record.value.name, connectionKindLabel(kind), to.value.name))}`,
    4000,
  );
  service.log.info(`connection ${record.value.id} added${record.private ? ' (private)' : ''}`);
  return record;
}

async function folderExists(folder: string): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.stat(vscode.Uri.file(folder))).type === vscode.FileType.Directory;
  } catch {
    return false;
  }
}
