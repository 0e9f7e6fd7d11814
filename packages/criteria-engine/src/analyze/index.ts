/** The analyze stage: static checks of a compiled ruleset (checkRuleset) and what they find out. */
export { checkRuleset, DEFAULT_CHECK_OPTIONS, type CheckOptions, type RulesetCheck } from './check-ruleset.js';
export { describeContext, type ContextValues } from './contexts.js';
export type {
  CriterionOutcomes,
  CriterionReach,
  DisqualifierOutcomes,
  DisqualifierReach,
  Reachability,
  ReachedCount,
  ReachedStatus,
} from './reach.js';
