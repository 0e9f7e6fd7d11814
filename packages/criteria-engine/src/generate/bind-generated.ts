/**
 * Joins a generated module (decide-code.ts and evaluate-code.ts, imported by the caller) to the
 * plan the loader compiled. The module is only used when it says it was generated for this very ruleset
 * (its content hash) by this engine in this format; otherwise the caller keeps the closures and
 * says why. Nothing here evaluates text: the module arrives already imported.
 */
import type { RulesetPlan } from '../compile/plan.js';
import { assessmentDate, yearDay } from '../compile/slots.js';
import { compareProducts } from '../compile/exact/arithmetic.js';
import type { Assessment } from '../evaluate/assessment.js';
import { criterionOutcome, criterionPoints } from '../evaluate/outcome.js';
import type { DecisionSummary, EvaluationResult } from '../evaluate/result.js';
import { createDecisionSummaries } from '../evaluate/decision-summaries.js';
import { judgeLevels } from '../evaluate/tiers.js';
import { criterionRecord, decisionTables, disqualifierRecord, earnedOf } from '../evaluate/trace.js';
import { type RulesetIdentity, type TracedParts, traceDecision } from '../evaluate/trace-decision.js';
import type { Slots } from '../compile/types.js';
import { GENERATED_FORMAT, GENERATED_FORMAT_VERSION } from './format.js';

/** What `import()` of a generated module gives (or any object with these exports). */
export interface GeneratedModule {
  readonly format?: unknown;
  readonly formatVersion?: unknown;
  readonly engine?: unknown;
  readonly hash?: unknown;
  readonly createDecide?: unknown;
  readonly createDecideSlots?: unknown;
  readonly createEvaluate?: unknown;
}

/** The helpers a generated module may call: one definition each, shared with the closures. */
interface GeneratedRuntime {
  readonly compareProducts: typeof compareProducts;
  readonly assessmentDate: typeof assessmentDate;
  /** A dated table's cell read for a year alone (compile/slots.ts). */
  readonly yearDay: typeof yearDay;
  readonly criterionOutcome: typeof criterionOutcome;
  readonly criterionPoints: typeof criterionPoints;
  readonly judgeLevels: typeof judgeLevels;
  /** decide()'s results, one kept per outcome (a store per bound module: decision-summaries.ts). */
  readonly decisionSummaries: typeof createDecisionSummaries;
  readonly wrongType: (assessment: unknown) => never;
  /** The generated evaluate's shared half and records (evaluate/trace.ts, trace-decision.ts). */
  readonly traceDecision: (assessment: Assessment, s: Slots, parts: TracedParts) => EvaluationResult;
  readonly criterionRecord: typeof criterionRecord;
  readonly disqualifierRecord: typeof disqualifierRecord;
  readonly earnedOf: typeof earnedOf;
}

type BindResult =
  | {
      readonly decide: (assessment: Assessment) => DecisionSummary;
      /** Absent for a module written without it (a plan module). */
      readonly decideSlots:
        | ((values: readonly (number | boolean | string | undefined)[]) => DecisionSummary)
        | undefined;
      readonly evaluate: (assessment: Assessment) => EvaluationResult;
    }
  | { readonly refused: 'format' | 'engine' | 'hash'; readonly found: string };

export function bindGeneratedDecide(
  module: GeneratedModule,
  plan: RulesetPlan,
  expected: { readonly hash: string; readonly engine: string },
  wrongType: (assessment: unknown) => never,
  identity: RulesetIdentity,
): BindResult {
  if (!hasFactories(module))
    return { refused: 'format', found: `${String(module.format)} ${String(module.formatVersion)}` };
  if (module.engine !== expected.engine) return { refused: 'engine', found: String(module.engine) };
  if (module.hash !== expected.hash) return { refused: 'hash', found: String(module.hash) };
  const tables = decisionTables(plan, identity);
  const rt: GeneratedRuntime = {
    compareProducts,
    assessmentDate,
    yearDay,
    criterionOutcome,
    criterionPoints,
    judgeLevels,
    decisionSummaries: createDecisionSummaries,
    wrongType,
    traceDecision: (assessment, s, parts) => traceDecision(tables, assessment, s, parts),
    criterionRecord,
    disqualifierRecord,
    earnedOf,
  };
  const decide: unknown = module.createDecide(rt, plan);
  const decideSlots: unknown = module.createDecideSlots?.(rt, plan);
  const evaluate: unknown = module.createEvaluate(rt, plan);
  if (!isDecide(decide) || !(decideSlots === undefined || isDecideSlots(decideSlots)) || !isEvaluate(evaluate))
    return { refused: 'format', found: 'createDecide did not give a function' };
  return { evaluate, decide, decideSlots };
}

type Bound = Exclude<BindResult, { readonly refused: unknown }>;

/** A module in this engine's format whose three factories are functions (what they return is checked after the call). */
type Factory = (rt: GeneratedRuntime, plan: RulesetPlan) => unknown;
type WithFactories = GeneratedModule & {
  readonly [K in 'createDecide' | 'createEvaluate']: Factory;
} & { readonly createDecideSlots?: Factory };

// The guards below check what JavaScript can check: the format stamp and that each export is a
// function. The signatures are what decide-code.ts and evaluate-code.ts write for this format
// version (a function's parameter and result types cannot be checked at run time).
function hasFactories(module: GeneratedModule): module is WithFactories {
  return (
    module.format === GENERATED_FORMAT &&
    module.formatVersion === GENERATED_FORMAT_VERSION &&
    typeof module.createDecide === 'function' &&
    (module.createDecideSlots === undefined || typeof module.createDecideSlots === 'function') &&
    typeof module.createEvaluate === 'function'
  );
}

function isDecide(f: unknown): f is Bound['decide'] {
  return typeof f === 'function';
}

function isDecideSlots(f: unknown): f is Bound['decideSlots'] {
  return typeof f === 'function';
}

function isEvaluate(f: unknown): f is Bound['evaluate'] {
  return typeof f === 'function';
}
