// Check-ins: the quick Log Check-in flow (the full form is the partner page's).
import { storeCommand, type App } from '../shared/app';
import { COMMANDS } from '../ids';
import { logCheckIn } from './logCheckIn';

export function register(app: App): void {
  const { service } = app;
  app.commands({
    [COMMANDS.logCheckIn]: storeCommand(service, (arg?: unknown, input?: unknown) => logCheckIn(service, arg, input)),
  });
}
