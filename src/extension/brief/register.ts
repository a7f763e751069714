// Alliances: Prepare for Check-in — the brief before a check-in, as a Markdown preview of a read-only
// document (`alliances-brief:` URIs, a TextDocumentContentProvider: docs/decisions/brief-before-check-in.md).
// Registered with main.js: the command and the provider, so that a preview restored after a reload finds
// its document. What the document says is computed in dist/brief.js (index.ts over src/core/brief),
// required on the first brief.
import * as vscode from 'vscode';
import { COMMANDS, URI_SCHEMES } from '../ids';
import { storeCommand, type App } from '../shared/app';
import { lazyBundle } from '../shared/lazyBundle';

/** dist/brief.js: the first brief opened or restored. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadBrief = lazyBundle<typeof import('./index')>(() => require('./brief.js'));

export function register(app: App): void {
  const { service, context } = app;
  const changed = new vscode.EventEmitter<vscode.Uri>();
  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(URI_SCHEMES.brief, {
      onDidChange: changed.event,
      // The bundle, once loaded, rewrites open briefs when the store changes (index.ts `follow`).
      provideTextDocumentContent: async (uri) => {
        await service.whenReady();
        return loadBrief().briefContent(app, changed, uri);
      },
    }),
  );
  app.commands({
    // Argument: a partner id or a partners-tree node (else a pick); `{ toSide: true }` opens it beside.
    [COMMANDS.prepareCheckIn]: storeCommand(service, (arg?: unknown, options?: unknown) =>
      loadBrief().prepareCheckIn(service, arg, options),
    ),
  });
}
