// The entry of dist/partnerPage.js: the partner page (panel, message handler, page data, check-in form,
// HTML), required on first use only (partnerPage/register.ts).
import { configureCoreL10n } from '../shared/coreL10n';

// This bundle's own copy of @vscode/l10n (the page data's labels, the handler's replies) and of core's
// date formats follow the display language too.
configureCoreL10n();

export { PartnerPanels } from './partnerPanel';
