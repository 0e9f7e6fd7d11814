/**
 * @lcz/criteria-engine/testing — property-based testing of a ruleset: fast-check arbitraries
 * derived from a compiled ruleset (valid contexts; valid assessments biased towards the declared
 * thresholds, complete or with unknown facts) and ready-made laws every ruleset must obey. Nothing
 * here is specific to one scheme: run it against your own rule files. Needs `fast-check` (a peer
 * dependency). See docs/testing.md.
 */
export { mulberry32 } from './testing/seeded-random.js';
export { assessmentArbitrary, contextArbitrary, type AssessmentArbitraryOptions } from './testing/arbitraries.js';
export {
  decisionTally,
  determinism,
  disqualifierDominance,
  fastPathAgrees,
  mandatoryCriteria,
  monotonicity,
  threeValuedConsistency,
  type CompletePartialCase,
  type DecisionTally,
  type MonotonicityCase,
  type PickCase,
  type PropertyOptions,
  type ShuffleCase,
} from './testing/properties.js';
export {
  everyCriterionReachable,
  type CriterionReachability,
  type ReachabilityOptions,
} from './testing/reachability.js';
