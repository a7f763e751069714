// Connections between partners: Add Connection from the palette (and from the partner page, which runs
// the same command with its partner); the page lists and removes them (partnerPage/). The flow itself is
// in dist/partnerPage.js, loaded on first use.
import { storeCommand, type App } from '../shared/app';
import { COMMANDS } from '../ids';
import { loadPartnerPage } from '../partnerPage/register';

export function register(app: App): void {
  const { service } = app;
  app.commands({
    [COMMANDS.addConnection]: storeCommand(service, (from?: unknown, input?: unknown) =>
      loadPartnerPage().addConnection(service, from, input),
    ),
  });
}
