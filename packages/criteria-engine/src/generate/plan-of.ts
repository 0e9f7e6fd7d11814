/**
 * The plan a ruleset was compiled to, kept on the ruleset under a symbol of this module (not
 * enumerable, as store-compiled.ts keeps its sources), so `lcz build` can generate code from the
 * very plan a loader compiles, and tools can tell which decide a ruleset runs.
 */
import type { CompiledRuleset } from '../compile/compiled-ruleset.js';
import type { RulesetPlan } from '../compile/plan.js';

const PLAN = Symbol('rulesetPlan');

interface Kept {
  readonly plan: RulesetPlan;
  readonly generated: boolean;
}

/** Call before the ruleset is frozen. */
export function rememberPlan(ruleset: CompiledRuleset, plan: RulesetPlan, generated: boolean): void {
  Object.defineProperty(ruleset, PLAN, { value: { plan, generated } satisfies Kept });
}

export function planOf(ruleset: CompiledRuleset): RulesetPlan | undefined {
  return kept(ruleset)?.plan;
}

/** Whether `ruleset.decide` runs a generated module (loadCompiledRuleset's `generated`). */
export function usesGeneratedDecide(ruleset: CompiledRuleset): boolean {
  return kept(ruleset)?.generated === true;
}

function kept(ruleset: CompiledRuleset): Kept | undefined {
  if (!Object.hasOwn(ruleset, PLAN)) return undefined;
  return (ruleset as unknown as Record<symbol, Kept | undefined>)[PLAN];
}
