// The partner page's git sections: the commits in the partner's code areas since the last check-in
// (each one click from a talking point), and their records that exist only on other branches.
import * as l10n from '@vscode/l10n';
import type { PageData } from '../protocol';
import { h } from '../shared/dom';
import { button } from './sections';

type PageGit = NonNullable<PageData['git']>;

export function renderCodeChanges(git: PageGit, addCommit: (commit: string, button: HTMLElement) => void): HTMLElement[] {
  const areas = h('p', { class: 'item-meta', 'data-testid': 'code-areas' }, l10n.t('Code areas: {0}', git.areas.join(', ')));
  const changes = git.changes;
  if (!changes) return [areas, h('p', { class: 'empty' }, l10n.t('No git history for these areas here.'))];
  if (changes.commits.length === 0)
    return [areas, h('p', { class: 'empty', 'data-testid': 'code-summary' }, l10n.t('No commits in these areas {0}.', changes.sinceLabel))];
  const count = changes.truncated ? `${changes.commits.length}+` : String(changes.commits.length);
  const authors = changes.authors.join(', ');
  const text =
    changes.commits.length === 1 && !changes.truncated
      ? l10n.t('1 commit {0}, by {1}.', changes.sinceLabel, authors)
      : l10n.t('{0} commits {1}, by {2}.', count, changes.sinceLabel, authors);
  const summary = h('p', { 'data-testid': 'code-summary' }, text);
  const list = h(
    'ul',
    { class: 'items' },
    ...changes.commits.map((c) =>
      h(
        'li',
        { class: 'item', 'data-commit': c.commit },
        h('p', { class: 'item-text' }, c.subject),
        h(
          'div',
          { class: 'item-meta' },
          h('code', {}, c.shortCommit),
          h('span', {}, `${c.author} · ${c.dateLabel}`),
          h('span', {}, c.files.join(', ')),
        ),
        h(
          'div',
          { class: 'item-actions' },
          c.added
            ? h('span', { class: 'tag' }, l10n.t('On the agenda'))
            : button(l10n.t('Add as talking point'), `commit-${c.commit}`, (b) => addCommit(c.commit, b), {
                secondary: true,
                ariaLabel: l10n.t('Add as talking point: {0}', c.subject),
              }),
        ),
      ),
    ),
  );
  return [areas, summary, list];
}

export function renderElsewhere(git: PageGit): HTMLElement {
  return h(
    'ul',
    { class: 'items' },
    ...git.elsewhere.map((record) =>
      h(
        'li',
        { class: 'item', 'data-key': record.key },
        h('p', { class: 'item-text' }, h('strong', {}, `${record.kindLabel}: `), record.text),
        h('div', { class: 'item-meta' }, h('span', {}, l10n.t('by {0}', record.author)), h('span', { class: 'tag' }, record.hint)),
      ),
    ),
  );
}
