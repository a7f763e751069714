// The ecosystem web as a graph: its figures (connectivity.ts), its layout (layout.ts) and the map's data (map.ts).
export {
  brokers,
  connectivity,
  isolatedPartners,
  reachedThroughOne,
  type Broker,
  type Connectivity,
  type PartnerRef,
  type ReachedThroughOne,
} from './connectivity';
export { buildGraph, type EcosystemGraph, type EdgeKind, type GraphEdge, type GraphNode } from './graph';
export { LAYOUT_TICKS, layout, nodeRadius, type Layout } from './layout';
export { MAP_GROUP_BYS, computeEcosystemMap, ecosystemOf, type EcosystemMap, type MapGroup, type MapGroupBy, type MapNode } from './map';
