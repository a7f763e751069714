import * as vscode from 'vscode';
import type { Partner } from '../../core/model';
import type { Loaded, NewPartner } from '../../core/store';
import { departmentSuggestions, folderFromArg, pickFolder } from '../shared/partnerArgs';
import { askPick, askText, BACK, runSteps } from '../shared/quickInputs';
import { defaultCadenceDays } from '../shared/settings';
import type { StoreService } from '../store/storeService';
import { organisationsOf, parseTags, tagsOf } from '../../core/tags';
import {
  cadenceItems,
  everyDaysLabel,
  newOrganisationItem,
  organisationItems,
  tagsPrompt,
  validateEmail,
  validateName,
  validateTags,
} from './partnerFields';
import { visible } from '../shared/displayText';

/**
 * Add Partner: a multi-step input (name, role, department, organisation, email, tags, cadence; Enter
 * skips the optional ones), or arguments for scripts.
 */
export async function addPartner(service: StoreService, arg?: unknown): Promise<Loaded<Partner> | undefined> {
  const title = vscode.l10n.t('Add Partner');
  const entry =
    folderFromArg(service, arg) ??
    (isNewPartner(arg) && arg.folder ? service.folders().find((f) => f.folder.uri.fsPath === arg.folder) : undefined) ??
    (await pickFolder(service, title));
  if (!entry) return undefined;
  const input = isNewPartner(arg) ? arg : await askForPartner(service, title);
  if (!input) return undefined;
  const record = await entry.store.addPartner(input);
  vscode.window.setStatusBarMessage(`$(check) ${visible(vscode.l10n.t('Alliances: added {0}', record.value.name))}`, 4000);
  return record;
}

function isNewPartner(arg: unknown): arg is NewPartner & { folder?: string } {
  return (
    typeof arg === 'object' &&
    arg !== null &&
    typeof (arg as NewPartner).name === 'string' &&
    typeof (arg as NewPartner).department === 'string'
  );
}

async function askForPartner(service: StoreService, title: string): Promise<NewPartner | undefined> {
  const state: NewPartner = { name: '', department: '' };
  const totalSteps = 7;
  const partners = service.allViews().map((t) => t.view.record.value);
  const defaultCadence = defaultCadenceDays();
  return runSteps(state, [
    async (s) => {
      const name = await askText({
        title: title,
        step: 1,
        totalSteps,
        prompt: vscode.l10n.t('Their name'),
        placeholder: vscode.l10n.t('e.g. Dana Whitfield'),
        value: s.name,
        validate: validateName,
      });
      if (typeof name !== 'string') return name;
      s.name = name.trim();
      return true;
    },
    async (s) => {
      const role = await askText({
        title: title,
        step: 2,
        totalSteps,
        prompt: vscode.l10n.t('Their role (optional)'),
        placeholder: vscode.l10n.t('e.g. Director of Product'),
        value: s.role,
      });
      if (typeof role !== 'string') return role;
      s.role = role.trim() || undefined;
      return true;
    },
    async (s) => {
      const items = departmentSuggestions(service).map((label) => ({ label }));
      const chosen = await askPick({
        title: title,
        step: 3,
        totalSteps,
        placeholder: vscode.l10n.t('Their department: pick one or type your own'),
        items,
        active: items.find((item) => item.label === s.department),
        custom: (value) => ({ label: value, description: vscode.l10n.t('new department') }),
      });
      if (!chosen || chosen === BACK) return chosen;
      s.department = chosen.label;
      return true;
    },
    async (s) => {
      const items = organisationItems(organisationsOf(partners));
      const chosen = await askPick({
        title: title,
        step: 4,
        totalSteps,
        placeholder: vscode.l10n.t('Their organisation, for vendors, customers, agencies (optional): pick one or type a new one'),
        items,
        active: items.find((item) => item.organisation === s.organisation),
        custom: newOrganisationItem,
      });
      if (!chosen || chosen === BACK) return chosen;
      s.organisation = chosen.organisation;
      return true;
    },
    async (s) => {
      const email = await askText({
        title: title,
        step: 5,
        totalSteps,
        prompt: vscode.l10n.t('Their email (optional)'),
        placeholder: vscode.l10n.t('name@example.com'),
        value: s.email,
        validate: validateEmail,
      });
      if (typeof email !== 'string') return email;
      s.email = email.trim() || undefined;
      return true;
    },
    async (s) => {
      const tags = await askText({
        title: title,
        step: 6,
        totalSteps,
        prompt: tagsPrompt(tagsOf(partners), true),
        placeholder: vscode.l10n.t('e.g. exec launch-q1'),
        value: (s.tags ?? []).join(' '),
        validate: validateTags,
      });
      if (typeof tags !== 'string') return tags;
      s.tags = parseTags(tags);
      return true;
    },
    async (s) => {
      const items = cadenceItems(defaultCadence);
      const chosen = await askPick({
        title: title,
        step: 7,
        totalSteps,
        placeholder: vscode.l10n.t('How often do you want to check in? Type a number of days for another cadence'),
        items,
        custom: (value) =>
          /^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= 365
            ? { label: everyDaysLabel(value), days: Number(value) }
            : undefined,
      });
      if (!chosen || chosen === BACK) return chosen;
      s.cadenceDays = chosen.days;
      return true;
    },
  ]);
}
