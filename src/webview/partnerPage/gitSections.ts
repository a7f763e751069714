// The partner page's git sections: the commits in the partner's code areas since the last check-in
// (each one click from a talking point), and their records that exist only on other branches.
import type { PageData } from '../protocol';
import { h } from './dom';
import { button } from './sections';

type PageGit = NonNullable<PageData['git']>;

export function renderCodeChanges(git: PageGit, addCommit: (commit: string, button: HTMLElement) => void): HTMLElement[] {
  const areas = h('p', { class: 'item-meta', 'data-testid': 'code-areas' }, `Code areas: ${git.areas.join(', ')}`);
  const changes = git.changes;
  if (!changes) return [areas, h('p', { class: 'empty' }, 'No git history for these areas here.')];
  if (changes.commits.length === 0) return [areas, h('p', { class: 'empty', 'data-testid': 'code-summary' }, `No commits in these areas ${changes.sinceLabel}.`)];
  const count = `${changes.commits.length}${changes.truncated ? '+' : ''} commit${changes.commits.length === 1 ? '' : 's'}`;
  const summary = h('p', { 'data-testid': 'code-summary' }, `${count} ${changes.sinceLabel}, by ${changes.authors.join(', ')}.`);
  const list = h(
    'ul',
    { class: 'items' },
    ...changes.commits.map((c) =>
      h(
        'li',
        { class: 'item', 'data-commit': c.commit },
        h('p', { class: 'item-text' }, c.subject),
        h('div', { class: 'item-meta' }, h('code', {}, c.shortCommit), h('span', {}, `${c.author} · ${c.dateLabel}`), h('span', {}, c.files.join(', '))),
        h(
          'div',
          { class: 'item-actions' },
          c.added
            ? h('span', { class: 'tag' }, 'On the agenda')
            : button('Add as talking point', `commit-${c.commit}`, (b) => addCommit(c.commit, b), { secondary: true, ariaLabel: `Add as talking point: ${c.subject}` }),
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
        h('div', { class: 'item-meta' }, h('span', {}, `by ${record.author}`), h('span', { class: 'tag' }, record.hint)),
      ),
    ),
  );
}
