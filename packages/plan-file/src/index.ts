/**
 * @lcz/criteria-plan-file — `@lcz/criteria-engine/plan-file` (the loader of `lcz build`'s plan
 * script and its V8 code cache) as a package of its own, for programs whose cold start counts.
 *
 * Why a second door to the same code: Node resolves a package that has an `exports` map through
 * code it runs for the first time at that import (the exports resolver and its checks of every
 * target), ≈ 2.5 ms of CPU and 50 fresh pages in a fresh process; a package resolved through
 * `main` skips it. The engine needs its `exports` (a dozen entries, each with its conditions);
 * this package has none, and its build inlines the loader (a few kB that import only node:fs and
 * node:vm), so importing it reads one file and never resolves the engine. In a program that has
 * already resolved some package's `exports`, both doors cost the same (docs/performance.md,
 * "Cold start: a package resolved through main").
 *
 * ESM only: Node 20 cannot `require` an ES module, and a package without `exports` has no
 * conditions to offer CommonJS another file. CommonJS programs use
 * `@lcz/criteria-engine/plan-file`, the same code.
 */
export { loadPlanFile, planScriptPath } from '@lcz/criteria-engine/plan-file';
export type { LoadPlanModuleOptions, PlanRuleset } from '@lcz/criteria-engine/plan-file';
