// Mocha root hook file (see .mocharc.json "require"): the unit run is the first test step of
// `npm test`, so it starts the reliability figures afresh.
import { clearCounts } from '../reliability/counts';

export function mochaGlobalSetup(): void {
  clearCounts();
}
