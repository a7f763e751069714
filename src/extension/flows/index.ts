// The entry of dist/flows.js: the command flows main.js need not hold (shared/lazyCommands.ts), required by
// the first of them. What stays in main.js: the trees, the reminder, the status bar and the quick Log
// Check-in (its first use must be fast: docs/decisions/lazy-command-modules.md).
import { configureCoreL10n } from '../shared/coreL10n';

// This bundle's own copy of @vscode/l10n and of core's labels and date formats follow the display language too.
configureCoreL10n();

export { addPartner } from '../partners/addPartner';
export { editPartner } from '../partners/editPartner';
export { openPartnerFile, setArchived, snoozePartner } from '../partners/partnerState';
export { addFollowUp, setFollowUpDone } from '../agenda/followUps';
export { addTalkingPoint, openTalkingPoint, setTalkingPointCovered } from '../agenda/talkingPoints';
export { addInitiative } from '../initiatives/addInitiative';
export { assessStakeholder } from '../initiatives/assessStakeholder';
export { InitiativesTree } from '../initiatives/initiativesTree';
export { showPartnerHistory } from '../gitInsights/partnerHistory';
export { copyAskTrailer, reviewDeliveredAsks } from '../gitInsights/deliveryFlows';
export { createDeliveryWatch } from '../gitInsights/deliveryWatch';
export { closeConcern, concernToTalkingPoints, raiseConcern, voteConcern } from '../concerns/concernFlows';
export { concernChildren, concernTreeItem } from '../concerns/concernsTree';
