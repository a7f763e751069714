// The entry of dist/partnerPage.js: the partner page (panel, message handler, page data, check-in form,
// HTML), and Add Connection and the people pick it shares with the palette; required on first use only
// (partnerPage/register.ts).
import { configureCoreL10n } from '../shared/coreL10n';

// This bundle's own copy of @vscode/l10n (the page data's labels, the handler's replies) and of core's
// date formats follow the display language too.
configureCoreL10n();

export { PartnerPanels } from './partnerPanel';
// The flows the page shares with the palette (main.js stays small: docs/decisions/group-check-ins.md).
export { addConnection } from '../connections/addConnection';
export { pickPeople } from '../checkIns/pickPeople';
