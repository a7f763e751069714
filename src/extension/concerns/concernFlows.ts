// The concern commands: Raise Concern…, +1 Concern, Close Concern…, Turn Concern into Talking Points.
// Each takes its inputs as arguments too (scripts, the dashboard, the tests) and then asks nothing.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { concernTalkingPointText, hasVoted, partnersWithoutTalkingPoint } from '../../core/concerns';
import type { Concern, TalkingPoint, Vote } from '../../core/model';
import { checkInPartnerIds } from '../../core/partnerRefs';
import type { Loaded } from '../../core/store';
import { MAX_CONCERN_DEPARTMENTS, MAX_CONCERN_PARTNERS } from '../../core/vocabulary';
import { visible } from '../shared/displayText';
import { departmentSuggestions, partnerFromArg, pickFolder } from '../shared/partnerArgs';
import { askMany, askPick, askText, BACK, runSteps } from '../shared/quickInputs';
import type { FolderStore, StoreService } from '../store/storeService';
import { concernFromArg, pickConcern, type ConcernTarget } from './concernArgs';

export interface ConcernInput {
  text: string;
  partnerIds?: string[];
  departments?: string[];
  checkInId?: string;
  theme?: string;
  private?: boolean;
}

function isInput(arg: unknown): arg is ConcernInput {
  return typeof arg === 'object' && arg !== null && typeof (arg as ConcernInput).text === 'string';
}

/** What the dashboard's theme, a check-in or a partner gives a new concern before the user types. */
interface ConcernSeed {
  theme?: string;
  checkInId?: string;
  partnerIds?: string[];
}

function seedOf(service: StoreService, arg: unknown): ConcernSeed {
  // A partner id or a node of the Partners view: raised by that partner.
  const partner = partnerFromArg(service, arg);
  if (partner) return { partnerIds: [partner.view.record.value.id] };
  if (typeof arg !== 'object' || arg === null) return {};
  const { theme, checkInId, partnerIds } = arg as Record<string, unknown>;
  return {
    ...(typeof theme === 'string' && theme.trim() ? { theme: theme.trim().slice(0, 200) } : {}),
    ...(typeof checkInId === 'string' ? { checkInId } : {}),
    ...(Array.isArray(partnerIds) ? { partnerIds: partnerIds.filter((id): id is string => typeof id === 'string') } : {}),
  };
}

/**
 * Raise Concern…: the concern in a line, the partners who raised it, the departments besides theirs, and
 * shared or private when the store already keeps private records. With `{ text, … }` it writes at once.
 */
export async function raiseConcern(service: StoreService, arg?: unknown): Promise<Loaded<Concern> | undefined> {
  const title = vscode.l10n.t('Raise Concern');
  const direct = isInput(arg) ? arg : undefined;
  const seed: ConcernSeed = direct ? {} : seedOf(service, arg);
  const checkInId = direct?.checkInId ?? seed.checkInId;
  const checkIn = checkInId ? service.findRecord('checkIn', checkInId) : undefined;
  const entry = direct ? service.folders()[0] : (checkIn?.entry ?? (await pickFolder(service, title)));
  if (!entry) return undefined;
  // Raised in a check-in: the people in it raised it, unless the caller said who.
  if (checkIn && !seed.partnerIds) seed.partnerIds = [...checkInPartnerIds(checkIn.record.value)];
  const input = direct ?? (await askForConcern(service, entry, title, seed));
  if (!input) return undefined;
  const { private: isPrivate, ...fields } = input;
  const departments = (fields.departments ?? []).map((d) => d.trim()).filter(Boolean);
  const record = await entry.store.create(
    'concern',
    {
      text: fields.text.trim(),
      ...(fields.partnerIds && fields.partnerIds.length > 0 ? { partnerIds: [...new Set(fields.partnerIds)] } : {}),
      ...(departments.length > 0 ? { departments } : {}),
      ...(fields.checkInId ? { checkInId: fields.checkInId } : {}),
      ...(fields.theme?.trim() ? { theme: fields.theme.trim() } : {}),
      status: 'open',
    },
    // Raised in a private check-in, it stays private: a shared one would point at a file teammates lack.
    { private: isPrivate === true || checkIn?.record.private === true },
  );
  vscode.window.setStatusBarMessage(
    `$(comment-discussion) ${visible(vscode.l10n.t('Alliances: concern raised: {0}', record.value.text))}`,
    4000,
  );
  service.log.info(`concern ${record.value.id} raised${record.private ? ' (private)' : ''}`);
  return record;
}

async function askForConcern(
  service: StoreService,
  entry: FolderStore,
  title: string,
  seed: ConcernSeed,
): Promise<ConcernInput | undefined> {
  const state: ConcernInput = {
    text: '',
    partnerIds: seed.partnerIds ?? [],
    departments: [],
    theme: seed.theme,
    checkInId: seed.checkInId,
  };
  const privateStep = await folderExists(path.join(entry.store.root, 'private'));
  const total = 3 + (privateStep ? 1 : 0);
  const partners = service
    .views(entry)
    .filter((view) => !view.record.value.archived)
    .map((view) => ({ label: view.record.value.name, description: view.record.value.department, id: view.record.value.id }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return runSteps(state, [
    async (s) => {
      const text = await askText({
        title,
        step: 1,
        totalSteps: total,
        prompt: s.theme ? vscode.l10n.t('The concern in a line (from the theme "{0}")', s.theme) : vscode.l10n.t('The concern in a line'),
        placeholder: vscode.l10n.t('e.g. Support is overwhelmed after each release'),
        value: s.text,
        validate: (v) =>
          v.trim()
            ? v.trim().length > 500
              ? vscode.l10n.t('At most 500 characters, please.')
              : undefined
            : vscode.l10n.t('A line, please.'),
      });
      if (typeof text !== 'string') return text;
      s.text = text.trim();
      return true;
    },
    async (s) => {
      const chosen = await askMany({
        title,
        step: 2,
        totalSteps: total,
        items: partners,
        selected: partners.filter((p) => s.partnerIds?.includes(p.id)),
        placeholder: vscode.l10n.t('Who raised it? (tick the partners; Enter with none is fine)'),
      });
      if (!chosen || chosen === BACK) return chosen;
      s.partnerIds = chosen.slice(0, MAX_CONCERN_PARTNERS).map((p) => p.id);
      return true;
    },
    async (s) => {
      const theirs = new Set(partners.filter((p) => s.partnerIds?.includes(p.id)).map((p) => p.description.toLocaleLowerCase()));
      const items = departmentSuggestions(service)
        .filter((d) => !theirs.has(d.toLocaleLowerCase()))
        .map((label) => ({ label }));
      const chosen = await askMany({
        title,
        step: 3,
        totalSteps: total,
        items,
        selected: items.filter((i) => s.departments?.includes(i.label)),
        placeholder: vscode.l10n.t("Other departments that raised it, besides the partners' own (Enter skips)"),
      });
      if (!chosen || chosen === BACK) return chosen;
      s.departments = chosen.slice(0, MAX_CONCERN_DEPARTMENTS).map((i) => i.label);
      return true;
    },
    async (s) => {
      if (!privateStep) return true;
      const items = [
        { label: vscode.l10n.t('Shared'), detail: vscode.l10n.t('Committed with the store; the team can +1 it'), private: false },
        {
          label: vscode.l10n.t('Private'),
          detail: vscode.l10n.t('Written under .alliances/private/concerns/, only on this machine'),
          private: true,
        },
      ];
      const chosen = await askPick({
        title,
        step: 4,
        totalSteps: total,
        items,
        active: items.find((i) => i.private === (s.private ?? false)),
      });
      if (!chosen || chosen === BACK) return chosen;
      s.private = chosen.private;
      return true;
    },
  ]);
}

/**
 * +1 Concern: one vote per person, the current author. A second +1 by the same person writes nothing
 * and says so; a closed concern takes no votes. A vote on a private concern stays private.
 */
export async function voteConcern(service: StoreService, arg?: unknown): Promise<Loaded<Vote> | undefined> {
  const target = concernFromArg(service, arg) ?? (await pickConcern(service, vscode.l10n.t('+1 Concern')));
  if (!target) return undefined;
  const { entry, concern } = target;
  if (concern.value.status === 'closed') {
    void vscode.window.showInformationMessage(
      visible(vscode.l10n.t('Alliances: "{0}" is closed; it takes no more votes.', concern.value.text)),
    );
    return undefined;
  }
  const voter = await service.author(entry.folder);
  if (
    hasVoted(
      entry.store.all('vote').map((v) => v.value),
      concern.value.id,
      voter,
    )
  ) {
    void vscode.window.showInformationMessage(
      visible(vscode.l10n.t('Alliances: you already voted for "{0}"; a vote counts once per person.', concern.value.text)),
    );
    return undefined;
  }
  const vote = await entry.store.create('vote', { concernId: concern.value.id }, { private: concern.private });
  vscode.window.setStatusBarMessage(`$(thumbsup) ${visible(vscode.l10n.t('Alliances: +1 for {0}', concern.value.text))}`, 4000);
  return vote;
}

/** Close Concern…: asks what was done (the closing line), then closes it. */
export async function closeConcern(service: StoreService, arg?: unknown, resolutionArg?: unknown): Promise<Loaded<Concern> | undefined> {
  const title = vscode.l10n.t('Close Concern');
  const target = concernFromArg(service, arg) ?? (await pickConcern(service, title));
  if (!target) return undefined;
  const { entry, concern } = target;
  if (concern.value.status === 'closed') {
    void vscode.window.showInformationMessage(visible(vscode.l10n.t('Alliances: "{0}" is already closed.', concern.value.text)));
    return undefined;
  }
  const resolution =
    typeof resolutionArg === 'string'
      ? resolutionArg
      : await askText({
          title: `${title}: ${concern.value.text}`,
          prompt: vscode.l10n.t('What was done about it?'),
          placeholder: vscode.l10n.t('e.g. Releases are staggered; Support gets the notes a week ahead'),
          validate: (v) =>
            v.trim() ? (v.length > 2000 ? vscode.l10n.t('At most 2000 characters, please.') : undefined) : vscode.l10n.t('A line, please.'),
        });
  if (typeof resolution !== 'string' || !resolution.trim()) return undefined;
  const closed = await entry.store.update('concern', concern.value.id, {
    status: 'closed',
    closedAt: new Date().toISOString(),
    resolution: resolution.trim(),
  });
  vscode.window.setStatusBarMessage(`$(pass) ${visible(vscode.l10n.t('Alliances: concern closed: {0}', concern.value.text))}`, 4000);
  return closed;
}

/**
 * Turn Concern into Talking Points: a talking point for each partner concerned who has none open from
 * it yet, so that the concern comes up at the next check-in with each of them.
 */
export async function concernToTalkingPoints(service: StoreService, arg?: unknown): Promise<Loaded<TalkingPoint>[] | undefined> {
  const target: ConcernTarget | undefined =
    concernFromArg(service, arg) ?? (await pickConcern(service, vscode.l10n.t('Turn Concern into Talking Points')));
  if (!target) return undefined;
  const { entry, concern } = target;
  if ((concern.value.partnerIds ?? []).length === 0) {
    void vscode.window.showInformationMessage(
      visible(vscode.l10n.t('Alliances: "{0}" names no partners, so there is nobody to bring it up with.', concern.value.text)),
    );
    return [];
  }
  const owed = partnersWithoutTalkingPoint(
    concern.value,
    entry.store.all('talkingPoint').map((t) => t.value),
  ).filter((id) => entry.store.partner(id) !== undefined);
  if (owed.length === 0) {
    void vscode.window.showInformationMessage(
      visible(vscode.l10n.t('Alliances: everyone concerned already has a talking point about "{0}".', concern.value.text)),
    );
    return [];
  }
  const text = concernTalkingPointText(
    concern.value,
    vscode.l10n.t({ message: 'Concern', comment: ['Before a concern in a talking point: "Concern: Support is overwhelmed".'] }),
  );
  const written: Loaded<TalkingPoint>[] = [];
  for (const partnerId of owed)
    written.push(await entry.store.create('talkingPoint', { partnerId, text, concernId: concern.value.id }, { private: concern.private }));
  const names = owed.map((id) => entry.store.partner(id)?.value.name ?? id).join(', ');
  void vscode.window.showInformationMessage(visible(vscode.l10n.t('Alliances: a talking point for {0}.', names)));
  return written;
}

async function folderExists(folder: string): Promise<boolean> {
  try {
    return (await fsp.stat(folder)).isDirectory();
  } catch {
    return false;
  }
}
