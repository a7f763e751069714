// The change impact check (docs/decisions/change-impact.md): which partners and initiatives a range of
// commits touches through their code areas, and who of them was consulted since the branch started.
export { areaMatcher, filesInAreas, globSource, type AreaMatcher } from './areaMatch';
export { computeImpact, consultation, touchedInitiatives } from './compute';
export { asksText, consultedText, healthText, influenceText, siloText, whyText } from './describe';
export { impactRecords } from './fromStores';
export { IMPACT_MARKER, impactMarkdown } from './markdown';
export type {
  Consultation,
  ImpactChange,
  ImpactInitiative,
  ImpactOptions,
  ImpactPerson,
  ImpactReason,
  ImpactRecords,
  ImpactResult,
  ImpactVerdict,
} from './types';
