/**
 * The plan a ruleset was compiled to, kept beside the ruleset in a WeakMap of this module (nothing
 * is added to the ruleset object, and the entry goes when the ruleset does), so `lcz build` can
 * generate code from the very plan a loader compiles, and tools can tell which decide a ruleset runs.
 */
import type { CompiledRuleset } from '../compile/compiled-ruleset.js';
import type { RulesetPlan } from '../compile/plan.js';

interface Kept {
  readonly plan: RulesetPlan;
  readonly generated: boolean;
}

// A WeakMap rather than a symbol property: typed lookups (no cast) and a frozen ruleset is fine too.
const KEPT = new WeakMap<CompiledRuleset, Kept>();

export function rememberPlan(ruleset: CompiledRuleset, plan: RulesetPlan, generated: boolean): void {
  KEPT.set(ruleset, { plan, generated });
}

export function planOf(ruleset: CompiledRuleset): RulesetPlan | undefined {
  return kept(ruleset)?.plan;
}

/** Whether `ruleset.decide` runs a generated module (loadCompiledRuleset's `generated`). */
export function usesGeneratedDecide(ruleset: CompiledRuleset): boolean {
  return kept(ruleset)?.generated === true;
}

function kept(ruleset: CompiledRuleset): Kept | undefined {
  return KEPT.get(ruleset);
}
