/**
 * The generated module (decide and evaluate) of a loaded ruleset, from the plan the loader compiled
 * (plan-of.ts). `lcz build` calls it on the ruleset it loads back from the compiled file it just
 * made, so the code is generated from exactly the plan every later load compiles.
 */
import type { CompiledRuleset } from '../compile/compiled-ruleset.js';
import type { GeneratedCode } from './decide-code.js';
import { generateModule } from './module-code.js';
import { planOf } from './plan-of.js';
import { type GenerateRefusal, GenerateRefused, refusedOutcome } from './refusal.js';

/** The generated code, or why there is none: `reason` as data, `refused` its English text. */
export type GenerateOutcome =
  | { readonly generated: GeneratedCode }
  | { readonly refused: string; readonly reason: GenerateRefusal };

/** `engine`: the engine version the module is for (the loader refuses it under another). */
export function generateDecideCode(ruleset: CompiledRuleset, engine: string): GenerateOutcome {
  const plan = planOf(ruleset);
  if (!plan) return refusedOutcome({ code: 'not_loaded', params: {} });
  try {
    return { generated: generateModule(plan, { id: ruleset.id, hash: ruleset.hash, engine }) };
  } catch (e) {
    if (e instanceof GenerateRefused) return refusedOutcome(e.reason);
    throw e;
  }
}
