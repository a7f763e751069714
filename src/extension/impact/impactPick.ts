// The quick pick of Who Does This Change Affect? (as GitLens shows a comparison: one list, actions on
// top, each person with buttons): the people not consulted first, high influence marked; Enter opens a
// person's partner page; a button adds a talking point for one; the top items add them for everyone not
// consulted, copy the pull-request block, open it as a Markdown document (to save or preview) or compare
// another range.
import * as vscode from 'vscode';
import { impactMarkdown, whyText, type ImpactPerson, type ImpactResult } from '../../core/impact';
import { COMMANDS } from '../ids';
import { visible, visiblePickItem } from '../shared/displayText';
import { askText } from '../shared/quickInputs';
import { addTalkingPoints, checkImpact, type ImpactRun } from './impactRun';
import { personDetail, rangeLabel } from './impactText';

type Action = 'addAll' | 'copy' | 'open' | 'range';

export interface ImpactItem extends vscode.QuickPickItem {
  action?: Action;
  person?: ImpactPerson;
}

const ADD_BUTTON: vscode.QuickInputButton = {
  iconPath: new vscode.ThemeIcon('comment'),
  tooltip: vscode.l10n.t('Add a talking point about this change'),
};
const PAGE_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('person'), tooltip: vscode.l10n.t('Open the partner page') };

const iconOf = (p: ImpactPerson) =>
  p.consulted ? '$(pass)' : p.influence === 'high' ? '$(warning)' : p.waitingTalkingPoint ? '$(comment)' : '$(circle-large-outline)';

/** The items for an answer: actions, then the people not consulted, then those consulted. */
export function impactItems(result: ImpactResult): ImpactItem[] {
  const items: ImpactItem[] = [];
  const open = result.people.filter((p) => !p.consulted && !p.waitingTalkingPoint).length;
  if (open > 0)
    items.push({
      label: `$(comment) ${open === 1 ? vscode.l10n.t('Add a talking point for the 1 person not consulted') : vscode.l10n.t('Add a talking point for the {0} people not consulted', open)}`,
      action: 'addAll',
    });
  items.push(
    { label: `$(copy) ${vscode.l10n.t('Copy the block for the pull request')}`, action: 'copy' },
    { label: `$(markdown) ${vscode.l10n.t('Open the block as Markdown (to save or preview)')}`, action: 'open' },
    { label: `$(git-compare) ${vscode.l10n.t('Compare another range…')}`, action: 'range' },
  );
  if (result.people.length === 0) {
    items.push({
      label: vscode.l10n.t("It touches no partner's code area and no initiative's."),
      kind: vscode.QuickPickItemKind.Separator,
    });
    return items;
  }
  const person = (p: ImpactPerson): ImpactItem =>
    visiblePickItem({
      label: `${iconOf(p)} ${p.name}`,
      description: [p.department, whyText(p)].join(' · '),
      detail: personDetail(p),
      buttons: p.consulted || p.waitingTalkingPoint ? [PAGE_BUTTON] : [ADD_BUTTON, PAGE_BUTTON],
      person: p,
    });
  const notConsulted = result.people.filter((p) => !p.consulted);
  const consulted = result.people.filter((p) => p.consulted);
  if (notConsulted.length > 0)
    items.push(
      { label: vscode.l10n.t('Not consulted since the branch started'), kind: vscode.QuickPickItemKind.Separator },
      ...notConsulted.map(person),
    );
  if (consulted.length > 0)
    items.push({ label: vscode.l10n.t('Consulted'), kind: vscode.QuickPickItemKind.Separator }, ...consulted.map(person));
  return items;
}

export function impactTitle(result: ImpactResult): string {
  const { commits, files, since } = result.change;
  const commitText = commits === 1 ? vscode.l10n.t('1 commit') : vscode.l10n.t('{0} commits', commits);
  const fileText = files.length === 1 ? vscode.l10n.t('1 file') : vscode.l10n.t('{0} files', files.length);
  return vscode.l10n.t('Who does {0} affect? ({1}, {2}, since {3})', visible(rangeLabel(result)), commitText, fileText, since.slice(0, 10));
}

/** Shows the answer; returns it when the pick closes (the last one, after a range change). */
export async function showImpactPick(first: ImpactRun): Promise<ImpactResult | undefined> {
  let run = first;
  let result = await checkImpact(run);
  for (;;) {
    if ('error' in result) {
      void vscode.window.showErrorMessage(visible(result.error));
      return undefined;
    }
    const next = await pickOnce(run, result);
    if (!next) return result;
    run = next;
    result = await checkImpact(run);
  }
}

/** One showing of the pick; a new range to compare when the person asked for one. */
async function pickOnce(run: ImpactRun, initial: ImpactResult): Promise<ImpactRun | undefined> {
  let result = initial;
  const pick = vscode.window.createQuickPick<ImpactItem>();
  pick.title = impactTitle(result);
  pick.placeholder = vscode.l10n.t('Enter opens a partner page; the buttons add a talking point');
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = impactItems(result);
  const refresh = async () => {
    const again = await checkImpact(run);
    if ('error' in again) return;
    result = again;
    pick.items = impactItems(result);
  };
  /** Adds talking points with the pick busy; a refused write (git merging, the file changed) becomes one message. */
  const adding = async (add: () => Promise<unknown>) => {
    pick.busy = true;
    try {
      await add();
      await refresh();
    } catch (error) {
      void vscode.window.showErrorMessage(visible(error instanceof Error ? error.message : String(error)));
    } finally {
      pick.busy = false;
    }
  };
  const chosen = await new Promise<ImpactItem | 'hidden'>((resolve) => {
    pick.onDidTriggerItemButton(async ({ item, button }) => {
      const person = item.person;
      if (!person) return;
      if (button === PAGE_BUTTON) {
        resolve(item);
        return;
      }
      await adding(() => addTalkingPoints(run.entry, result, [person]));
    });
    pick.onDidAccept(async () => {
      const item = pick.selectedItems[0];
      if (item?.action === 'addAll') {
        await adding(() => addTalkingPoints(run.entry, result));
        return;
      }
      if (item) resolve(item);
    });
    pick.onDidHide(() => resolve('hidden'));
    pick.show();
  });
  pick.dispose();
  if (chosen === 'hidden') return undefined;
  if (chosen.person) {
    await vscode.commands.executeCommand(COMMANDS.openPartnerPage, chosen.person.partnerId);
    return undefined;
  }
  switch (chosen.action) {
    case 'copy':
      await vscode.env.clipboard.writeText(impactMarkdown(result));
      vscode.window.setStatusBarMessage(`$(copy) ${vscode.l10n.t('Alliances: the block for the pull request is on the clipboard')}`, 4000);
      return undefined;
    case 'open': {
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: impactMarkdown(result) });
      await vscode.window.showTextDocument(document);
      return undefined;
    }
    case 'range':
      return askRange(run, result);
    default:
      return undefined;
  }
}

async function askRange(run: ImpactRun, result: ImpactResult): Promise<ImpactRun | undefined> {
  const base = await askText({
    title: vscode.l10n.t('Compare another range'),
    step: 1,
    totalSteps: 2,
    prompt: vscode.l10n.t('The branch the change goes into (a branch, tag or commit)'),
    value: result.change.base,
    validate: (value) => (value.trim() ? undefined : vscode.l10n.t('Name a branch, tag or commit.')),
  });
  if (typeof base !== 'string') return undefined;
  const head = await askText({
    title: vscode.l10n.t('Compare another range'),
    step: 2,
    totalSteps: 2,
    prompt: vscode.l10n.t("The change's last commit"),
    value: run.head,
    validate: (value) => (value.trim() ? undefined : vscode.l10n.t('Name a branch, tag or commit.')),
  });
  if (typeof head !== 'string') return undefined;
  return { entry: run.entry, base: base.trim(), head: head.trim() };
}
