/**
 * Evaluates an assessment against a compiled plan. `decide` is the fast path (decide.ts: the
 * decision and per-group counts, nothing allocated per criterion); `evaluate` records the full
 * trace (trace.ts). Both read the same packed outcomes (outcome.ts) and the same requirement
 * arithmetic, so they cannot disagree.
 */
import type { RulesetPlan } from '../compile/plan.js';
import { createSlotFiller } from '../compile/slots.js';
import type { Slots, Value } from '../compile/types.js';
import type { Assessment } from './assessment.js';
import { createDecider } from './decide.js';
import type { DecisionSummary, EvaluationResult } from './result.js';
import { createTracer, type RulesetIdentity } from './trace.js';

export type { RulesetIdentity } from './trace.js';

export interface Evaluator {
  evaluate(assessment: Assessment): EvaluationResult;
  decide(assessment: Assessment): DecisionSummary;
  decideSlots(s: Slots): DecisionSummary;
}

export function createEvaluator(plan: RulesetPlan, identity: RulesetIdentity): Evaluator {
  const fill = createSlotFiller(plan.contextSlots, plan.factSlots);
  // Evaluation is synchronous and calls no user code, so one scratch array serves every call.
  const scratch: Value[] = [];
  /** The fast path over values already in slot order (see compile/slots.ts): batch readers use it. */
  const decideSlots = createDecider(plan);
  const trace = createTracer(plan, identity);
  return {
    decide: (assessment) => decideSlots(fill(assessment.context, assessment.facts, scratch)),
    decideSlots,
    evaluate: (assessment) => trace(assessment, fill(assessment.context, assessment.facts, scratch)),
  };
}
