// The entry of dist/dashboard.js: the dashboard and its statistics, required on first use only.
import { configureCoreL10n } from '../shared/coreL10n';

// This bundle's own copy of @vscode/l10n (the statistics' labels) follows the display language too.
configureCoreL10n();

export { Dashboard } from './dashboard';
