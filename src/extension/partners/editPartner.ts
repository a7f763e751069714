import { parseAreas } from '../../core/codeAreas';
import * as vscode from 'vscode';
import { cadenceRuleOf } from '../../core/cadence';
import { organisationsOf, parseTags, tagsOf } from '../../core/tags';
import { cadenceSourceLabel } from '../../core/vocabulary';
import { parseLeads } from '../../core/stats/leads';
import type { Partner } from '../../core/model';
import type { Loaded, PartnerChange } from '../../core/store';
import { departmentSuggestions, partnerFromArg, pickPartner, type PartnerTarget } from '../shared/partnerArgs';
import { askPick, askText } from '../shared/quickInputs';
import { defaultCadenceDays } from '../shared/settings';
import type { StoreService } from '../store/storeService';
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

const editTitle = (name: string): string => vscode.l10n.t('Edit Partner: {0}', name);

type Field = 'name' | 'role' | 'department' | 'organisation' | 'tags' | 'email' | 'cadenceDays' | 'leads' | 'codeAreas';

/**
 * Edit Partner: pick a field, change it, saved at once; the field list comes back until Escape.
 * With a change object as second argument it applies it directly (scripts, tests).
 */
export async function editPartner(service: StoreService, partnerArg?: unknown, changeArg?: unknown): Promise<Loaded<Partner> | undefined> {
  const target = partnerFromArg(service, partnerArg) ?? (await pickPartner(service, vscode.l10n.t('Edit Partner')));
  if (!target) return undefined;
  if (changeArg && typeof changeArg === 'object') return target.entry.store.updatePartner(target.view.record.value.id, changeArg);
  let saved: Loaded<Partner> | undefined;
  for (;;) {
    const current = service.findPartner(target.view.record.value.id);
    if (!current) return saved;
    const field = await pickField(current);
    if (!field) return saved;
    const change = await askField(service, current, field);
    if (change) saved = await current.entry.store.updatePartner(current.view.record.value.id, change);
  }
}

async function pickField(target: PartnerTarget): Promise<Field | undefined> {
  const p = target.view.record.value;
  const rule = cadenceRuleOf(p, target.entry.store.cadencePolicy(defaultCadenceDays()));
  const items: (vscode.QuickPickItem & { field: Field })[] = [
    { label: vscode.l10n.t('Name'), description: p.name, field: 'name' },
    { label: vscode.l10n.t('Role'), description: p.role ?? '—', field: 'role' },
    { label: vscode.l10n.t('Department'), description: p.department, field: 'department' },
    { label: vscode.l10n.t('Organisation'), description: p.organisation ?? '—', field: 'organisation' },
    { label: vscode.l10n.t('Tags'), description: p.tags?.length ? p.tags.join(' ') : '—', field: 'tags' },
    { label: vscode.l10n.t('Email'), description: p.email ?? '—', field: 'email' },
    {
      label: vscode.l10n.t('Cadence'),
      description: cadenceSourceLabel(rule.source, rule.days, rule.detail),
      field: 'cadenceDays',
    },
    {
      label: vscode.l10n.t('Leads'),
      description: p.leads?.length ? p.leads.join(', ') : '—',
      detail: vscode.l10n.t('What this partner leads: shown on the dashboard under "Who leads what"'),
      field: 'leads',
    },
    { label: vscode.l10n.t('Code areas'), description: p.codeAreas?.length ? p.codeAreas.join(', ') : '—', field: 'codeAreas' },
  ];
  const chosen = await askPick({
    title: editTitle(p.name),
    items,
    placeholder: vscode.l10n.t('Pick a field to change (Escape when done)'),
  });
  return chosen && typeof chosen === 'object' ? chosen.field : undefined;
}

async function askField(service: StoreService, target: PartnerTarget, field: Field): Promise<PartnerChange | undefined> {
  const p = target.view.record.value;
  const title = editTitle(p.name);
  switch (field) {
    case 'name': {
      const name = await askText({ title, prompt: vscode.l10n.t('Name'), value: p.name, validate: validateName });
      return typeof name === 'string' ? { name: name.trim() } : undefined;
    }
    case 'role': {
      const role = await askText({ title, prompt: vscode.l10n.t('Role (empty to clear)'), value: p.role ?? '' });
      return typeof role === 'string' ? { role: role.trim() || undefined } : undefined;
    }
    case 'email': {
      const email = await askText({
        title,
        prompt: vscode.l10n.t('Email (empty to clear)'),
        value: p.email ?? '',
        validate: validateEmail,
      });
      return typeof email === 'string' ? { email: email.trim() || undefined } : undefined;
    }
    case 'organisation': {
      const items = organisationItems(organisationsOf(service.allViews().map((t) => t.view.record.value)), p.organisation);
      const chosen = await askPick({
        title,
        items,
        active: items.find((i) => i.organisation === p.organisation),
        placeholder: vscode.l10n.t('Organisation: pick one or type a new one'),
        custom: newOrganisationItem,
      });
      return chosen && typeof chosen === 'object' ? { organisation: chosen.organisation } : undefined;
    }
    case 'tags': {
      const text = await askText({
        title,
        prompt: tagsPrompt(tagsOf(service.allViews().map((t) => t.view.record.value)), false),
        value: (p.tags ?? []).join(' '),
        validate: validateTags,
      });
      if (typeof text !== 'string') return undefined;
      const tags = parseTags(text);
      return { tags: tags.length > 0 ? tags : undefined };
    }
    case 'department': {
      const items = departmentSuggestions(service).map((label) => ({ label }));
      const chosen = await askPick({
        title,
        items,
        active: items.find((i) => i.label === p.department),
        placeholder: vscode.l10n.t('Department: pick one or type your own'),
        custom: (value) => ({ label: value, description: vscode.l10n.t('new department') }),
      });
      return chosen && typeof chosen === 'object' ? { department: chosen.label } : undefined;
    }
    case 'leads': {
      const leads = await askText({
        title,
        prompt: vscode.l10n.t('What does this partner lead? Areas separated by commas (empty to clear), e.g. "Pricing, EMEA deals"'),
        value: (p.leads ?? []).join(', '),
        validate: validateLeads,
      });
      return typeof leads === 'string' ? { leads: parseLeads(leads) } : undefined;
    }
    case 'cadenceDays': {
      // "Default": what the team's rules (or the setting) would give this partner without a cadence of their own.
      const fallback = cadenceRuleOf({ ...p, cadenceDays: undefined }, target.entry.store.cadencePolicy(defaultCadenceDays()));
      const items = cadenceItems(fallback.days, p.cadenceDays);
      const chosen = await askPick({
        title,
        items,
        active: items.find((i) => i.days === p.cadenceDays),
        placeholder: vscode.l10n.t('How often? Type a number of days for another cadence'),
        custom: (value) =>
          /^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= 365
            ? { label: everyDaysLabel(value), days: Number(value) }
            : undefined,
      });
      return chosen && typeof chosen === 'object' ? { cadenceDays: chosen.days } : undefined;
    }
    case 'codeAreas': {
      const validate = (value: string) => {
        const { invalid } = parseAreas(value);
        return invalid.length > 0 ? vscode.l10n.t('Not a path inside the workspace folder: {0}', invalid.join(', ')) : undefined;
      };
      const text = await askText({
        title,
        prompt: vscode.l10n.t(
          'Code areas they care about: paths or globs relative to the workspace folder, comma-separated (e.g. billing/**, src/checkout/). Empty to clear.',
        ),
        value: (p.codeAreas ?? []).join(', '),
        validate,
      });
      if (typeof text !== 'string') return undefined;
      const { areas } = parseAreas(text);
      return { codeAreas: areas.length > 0 ? areas : undefined };
    }
  }
}

function validateLeads(text: string): string | undefined {
  const tooLong = text.split(',').find((area) => area.trim().length > 200);
  return tooLong ? vscode.l10n.t('Each area must be at most 200 characters ("{0}…" is longer).', tooLong.trim().slice(0, 30)) : undefined;
}
