/**
 * Plan scripts on disk (generate/plan-script-code.ts, plan-file.ts): made from a compiled rules
 * file's text, with the code cache V8 makes for them after a warm-up run. Node only; re-exported
 * by `./node`. For `lcz build`, which writes both beside the compiled file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import type { Assessment } from './evaluate/assessment.js';
import { planScriptCode } from './generate/plan-script-code.js';
import type { GenerateRefusal } from './generate/refusal.js';
import { refusedOutcome } from './generate/refusal.js';
import { loadCompiledRuleset } from './load-compiled.js';
import type { LoadPlanModuleOptions, PlanModule, PlanRuleset } from './load-plan-module.js';
import type { StageResult } from './diagnostics/diagnostic.js';
import { planModuleCode } from './plan-module-files.js';
import { planScriptCacheFile, planScriptDigestLine } from './plan-script-cache.js';

/** The script's text and its code cache file's bytes, or why there are none. */
export type PlanScriptOutcome =
  | { readonly code: string; readonly cache: Buffer }
  | { readonly refused: string; readonly reason: GenerateRefusal };

/**
 * The plan entry's built code, which goes into every plan script: `dist/plan.cjs` of this package
 * (one file, no import). The same path from `src/` and from `dist/`. Undefined when the package
 * is not built (a run from its sources before `pnpm build`).
 */
function planEntryCode(): string | undefined {
  try {
    return readFileSync(new URL('../dist/plan.cjs', import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The plan script of the compiled rules text `json` (what `lcz build` writes as `json`) and its
 * code cache, or why there is none: no plan module for these rules (the same reasons), or the
 * engine is not built. `file`: where the script will be (its name in V8's stack traces).
 *
 * The cache is made after one warm-up run of the script in this process (loadPlanModule, the
 * assessment check and evaluate and decide of an assessment built from the plan: the first value
 * of every context attribute, no facts, so every criterion is undetermined), so the code those
 * first calls compile is in it. What the warm-up decides is not used; when the context rules refuse
 * those first values, only the load and the check are warmed (a slower first evaluate, the same
 * results). V8 takes the cache only under this process's V8 flags: make it under the flags the
 * program that loads it runs with (the bench does so in a fresh node, cold/write-plan-script.mjs).
 */
export function planScriptOf(json: string, file: string): PlanScriptOutcome {
  const module = planModuleCode(json);
  if (!('code' in module)) return module;
  const entry = planEntryCode();
  if (entry === undefined) return refusedOutcome({ code: 'engine_unbuilt', params: {} });
  const body = planScriptCode(module.code, entry);
  // Its SHA-256 on its last line, repeated in the cache's header: a cache made for another script is not used.
  const code = `${body}${planScriptDigestLine(createHash('sha256').update(body).digest('hex'))}`;
  const script = new Script(code, { filename: file });
  // cast: the script's shape as plan-script-code.ts writes it
  const made = (script.runInThisContext() as () => unknown)() as {
    loadPlanModule: (module: PlanModule, options: LoadPlanModuleOptions) => StageResult<PlanRuleset>;
    module: PlanModule;
  };
  const loaded = made.loadPlanModule(made.module, { file });
  const compiled = loadCompiledRuleset(json).value;
  if (loaded.value && compiled) {
    const context: Record<string, string | boolean> = {};
    for (const attribute of compiled.context) {
      const first = attribute.values?.[0]?.id;
      if (attribute.type === 'boolean') context[attribute.id] = false;
      else if (first !== undefined) context[attribute.id] = first;
    }
    const warmUp: Assessment = { context, facts: {} };
    const checked = loaded.value.validateAssessment(warmUp);
    if (checked.value) {
      loaded.value.evaluate(checked.value);
      loaded.value.decide(checked.value);
    }
  }
  return { code, cache: planScriptCacheFile(Buffer.from(code, 'utf8'), script.createCachedData()) };
}
