/**
 * The generated module `lcz build` writes beside the compiled rules file: the ruleset's
 * `decide` and `decideSlots` (decide-code.ts) and its `evaluate` with the full trace
 * (evaluate-code.ts), one ES module, bound together (bind-generated.ts).
 */
import type { RulesetPlan } from '../compile/plan.js';
import { type GeneratedCode, generateDecideModule } from './decide-code.js';
import { generateEvaluateCode } from './evaluate-code.js';

export function generateModule(
  plan: RulesetPlan,
  identity: { id: string; hash: string; engine: string },
  /** Whether to write `createDecideSlots` too (decide-code.ts). */
  slots = true,
): GeneratedCode {
  const decide = generateDecideModule(plan, identity, slots);
  const evaluate = generateEvaluateCode(plan);
  return {
    code: `${decide.code}${evaluate.lines.join('\n')}`,
    // evaluate runs the same code for the same conditions: counted once, as decide's.
    inlined: decide.inlined,
    closures: decide.closures,
  };
}
