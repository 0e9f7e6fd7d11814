/**
 * Evaluates an assessment against a compiled plan. `decide` is the fast path (decide.ts: the
 * decision and per-group counts, nothing allocated per criterion); `evaluate` records the full
 * trace (trace.ts). Both read the same packed outcomes (outcome.ts) and the same requirement
 * arithmetic, so they cannot disagree.
 */
import type { RulesetPlan } from '../compile/plan.js';
import { assessmentDate, createCheckedSlotFiller, slotKind } from '../compile/slots.js';
import type { Value } from '../compile/types.js';
import type { Assessment } from './assessment.js';
import { createDecider } from './decide.js';
import { createImpliedZeros } from './implied-zeros.js';
import type { DecisionSummary, EvaluationResult } from './result.js';
import { createTracer, type RulesetIdentity } from './trace.js';

export type { RulesetIdentity } from './trace.js';

export interface Evaluator {
  evaluate(assessment: Assessment): EvaluationResult;
  decide(assessment: Assessment): DecisionSummary;
  /** Writes implied zeros into `s` (see CompiledRuleset.decideSlots). */
  decideSlots(s: Value[]): DecisionSummary;
}

/**
 * `wrongType` is called with an assessment in which a value has the wrong JavaScript type (the
 * text "200" for an integer: the caller skipped validateAssessment). The evaluator never coerces;
 * the ruleset's wrongType throws an error listing every problem in the input.
 */
export function createEvaluator(
  plan: RulesetPlan,
  identity: RulesetIdentity,
  wrongType: (assessment: Assessment) => never,
): Evaluator {
  const kinds = [...plan.context.map((a) => slotKind(a.type)), ...plan.facts.map((f) => slotKind(f.type))];
  const fillChecked = createCheckedSlotFiller(plan.contextSlots, plan.factSlots, kinds);
  // Evaluation is synchronous and calls no user code, so one scratch array serves every call.
  const scratch: Value[] = [];
  const readsDate = plan.readsDate;
  const fill = (assessment: Assessment): Value[] => {
    if (!fillChecked(assessment?.context, assessment?.facts, scratch)) wrongType(assessment);
    if (readsDate) scratch[plan.dateSlot] = assessmentDate(assessment);
    return scratch;
  };
  const impliedZeros = createImpliedZeros(plan);
  // The full trace's tables (every criterion's readings), built on the first evaluate(): loading
  // a ruleset to decide, to check or to list its parts never needs them (docs/performance.md,
  // "Warm recompile: what a load keeps alive and builds").
  let trace: ReturnType<typeof createTracer> | undefined;
  /**
   * The fast path, built on its first call rather than here: a ruleset whose generated module
   * decides (assemble-ruleset.ts) never builds the closures' tables. It also keeps the tables'
   * code to the rulesets that decide through it: V8 compiles a closure's code for the one
   * instance it has seen when only one exists (its captured tables become constants), and every
   * ruleset built here would otherwise make one more (docs/performance.md, the points scheme).
   */
  let fast: FastPath | undefined;
  const fastPath = (): FastPath => {
    fast ??= createFastPath(plan, fill, impliedZeros);
    return fast;
  };
  return {
    decide: (assessment) => fastPath().decide(assessment),
    decideSlots: (s) => fastPath().decideSlots(s),
    evaluate: (assessment) => {
      trace ??= createTracer(plan, identity);
      const s = fill(assessment);
      return trace(assessment, s, impliedZeros(s));
    },
  };
}

interface FastPath {
  decide(assessment: Assessment): DecisionSummary;
  decideSlots(s: Value[]): DecisionSummary;
}

function createFastPath(
  plan: RulesetPlan,
  fill: (assessment: Assessment) => Value[],
  impliedZeros: (s: Value[]) => unknown,
): FastPath {
  const decider = createDecider(plan);
  /** The fast path over values already in slot order (see compile/slots.ts): batch readers use it. */
  const decideSlots = (s: Value[]): DecisionSummary => {
    // Into the caller's row (a batch reader's, refilled per row): no copy on the fast path.
    impliedZeros(s);
    return decider(s);
  };
  return { decide: (assessment) => decideSlots(fill(assessment)), decideSlots };
}
