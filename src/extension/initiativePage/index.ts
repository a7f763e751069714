// The entry of dist/initiativePage.js: the initiative page, required on first use only.
import { configureCoreL10n } from '../shared/coreL10n';

// This bundle's own copy of @vscode/l10n follows the display language too.
configureCoreL10n();

export { InitiativePages } from './initiativePages';
export { askCheckInInitiative } from './checkInStep';
