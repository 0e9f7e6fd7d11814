/**
 * The plan a ruleset was compiled to, kept on the ruleset under a symbol of this module (not
 * enumerable, as store-compiled.ts keeps its sources), so `lcz build` can generate code from the
 * very plan a loader compiles, and tools can tell which decide a ruleset runs.
 *
 * Not in a WeakMap beside the ruleset: V8's young-generation collections keep a long-lived
 * WeakMap's values alive whatever became of their keys, until a full collection. The value here
 * is the whole plan (every closure, info and table), so with a WeakMap every ruleset loaded and
 * dropped since the last full collection was copied by each young collection and then promoted:
 * loading the compiled rules file again and again promoted 3.5 MB a young collection (2.4 MB
 * without the WeakMap), each taking tens of milliseconds on a busy machine (docs/performance.md,
 * "Warm recompile: what a load keeps alive and builds").
 */
import type { CompiledRuleset } from '../compile/compiled-ruleset.js';
import type { RulesetPlan } from '../compile/plan.js';

const PLAN = Symbol('rulesetPlan');

/** What is kept under PLAN: a class of this module, so that reading it back narrows by instanceof. */
class Kept {
  constructor(
    readonly plan: RulesetPlan,
    readonly generated: boolean,
  ) {}
}

/** Call before the ruleset is frozen. */
export function rememberPlan(ruleset: CompiledRuleset, plan: RulesetPlan, generated: boolean): void {
  Object.defineProperty(ruleset, PLAN, { value: new Kept(plan, generated) });
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
  const value: unknown = Reflect.get(ruleset, PLAN);
  return value instanceof Kept ? value : undefined;
}
