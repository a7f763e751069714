// dist/concerns.js: the concern commands' flows and the Concerns view's items, loaded on first use
// (a concern command, or the view shown). register.ts (in main.js) holds the loader.
export { closeConcern, concernToTalkingPoints, raiseConcern, voteConcern } from './concernFlows';
export { concernChildren, concernTreeItem } from './concernsTree';
