// Runs the impact check for a folder and a range (git through dist/git.js, the answer from
// src/core/impact), and adds the talking points for the people not consulted.
import * as vscode from 'vscode';
import { computeImpact, impactRecords, type ImpactPerson, type ImpactResult } from '../../core/impact';
import type { TalkingPoint } from '../../core/model';
import type { Loaded } from '../../core/store';
import { loadGit } from '../shared/lazyBundle';
import { defaultCadenceDays, siloDays } from '../shared/settings';
import { visible } from '../shared/displayText';
import type { FolderStore } from '../store/storeService';
import { talkingPointText } from './impactText';

export interface ImpactRun {
  entry: FolderStore;
  base: string | undefined;
  head: string;
}

/** The answer for a range in a folder, or the message that says why there is none. */
export async function checkImpact(run: ImpactRun): Promise<ImpactResult | { error: string }> {
  // Git is not run in an untrusted folder.
  if (!vscode.workspace.isTrusted)
    return { error: vscode.l10n.t('Alliances runs git only in a trusted workspace: trust this folder to see who a change affects.') };
  const cwd = run.entry.folder.uri.fsPath;
  const answer = await loadGit().changeRange(cwd, run.base, run.head);
  if (!answer.ok) {
    switch (answer.problem) {
      case 'no-repository':
        return { error: vscode.l10n.t('{0} is not in a git repository (or git cannot be run).', run.entry.folder.name) };
      case 'no-base':
        return { error: vscode.l10n.t('No default branch (origin/HEAD, main or master) to compare with: choose the base branch.') };
      case 'unrelated':
        return { error: vscode.l10n.t('{0} and {1} share no history.', run.base ?? 'base', run.head) };
      case 'bad-revision':
        return {
          error: vscode.l10n.t('"{0}" is not a revision in this repository (a branch, tag or commit).', visible(answer.revision ?? '')),
        };
    }
  }
  const now = new Date();
  const records = impactRecords([run.entry.store], { defaultCadenceDays: defaultCadenceDays(), now, includePrivate: true });
  return computeImpact(answer.change, records, { siloDays: siloDays() });
}

/** Adds a talking point about the change for each person not consulted who has none waiting. */
export async function addTalkingPoints(
  entry: FolderStore,
  result: ImpactResult,
  people?: readonly ImpactPerson[],
): Promise<Loaded<TalkingPoint>[]> {
  const added: Loaded<TalkingPoint>[] = [];
  for (const person of people ?? result.people.filter((p) => !p.consulted && !p.waitingTalkingPoint)) {
    if (person.consulted || person.waitingTalkingPoint) continue;
    added.push(await entry.store.create('talkingPoint', { partnerId: person.partnerId, text: talkingPointText(result, person) }));
  }
  if (added.length > 0)
    vscode.window.setStatusBarMessage(
      `$(comment) ${added.length === 1 ? vscode.l10n.t('Alliances: 1 talking point added') : vscode.l10n.t('Alliances: {0} talking points added', added.length)}`,
      4000,
    );
  return added;
}
