// The read-only documents of the history diffs (a file at a revision), served from main.js: a diff opened
// before a reload comes back without loading the history flow (dist/flows.js).
import * as vscode from 'vscode';
import { loadGit } from '../shared/lazyBundle';

/** Read-only documents of a file at a revision (`git show <rev>:<path>`), for the history diffs. */
export const GIT_SCHEME = 'alliances-git';

interface GitQuery {
  top: string;
  rev: string;
  file: string;
}

export function gitUri(query: GitQuery): vscode.Uri {
  return vscode.Uri.from({ scheme: GIT_SCHEME, path: `/${query.file}`, query: JSON.stringify(query) });
}

export class GitContentProvider implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const query = JSON.parse(uri.query) as GitQuery;
    // Never git in an untrusted folder (its config could run code).
    if (!vscode.workspace.isTrusted) return Promise.resolve('');
    return loadGit().showFile(query.top, query.rev, query.file);
  }
}
