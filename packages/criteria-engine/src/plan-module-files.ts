/**
 * Plan modules on disk (generate/plan-module-code.ts, load-plan-module.ts): made from a compiled
 * rules file's text, written atomically, imported and loaded. Node only; re-exported by `./node`.
 * For `lcz build` (beside the compiled file) and for a cache of compiled rules (its own folder).
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileAtomic } from './atomic-file.js';
import { ENGINE_VERSION, type CompiledRulesFile } from './compiled-rules-file.js';
import type { StageResult } from './diagnostics/diagnostic.js';
import { generatePlanModule, type PlanModuleOutcome } from './generate/plan-module-code.js';
import { refusedOutcome } from './generate/refusal.js';
import { loadCompiledRuleset } from './load-compiled.js';
import { type LoadPlanModuleOptions, loadPlanModule, type PlanModule, type PlanRuleset } from './load-plan-module.js';

/**
 * The plan module's text for a compiled rules file's text (what `lcz build` writes as `json`), or
 * why there is none (a construct its generated code leaves to closures; the file does not load).
 * Generated from the plan a loader compiles from this very text, so a load of the module and a
 * load of the file give the same ruleset.
 */
export function planModuleCode(json: string): PlanModuleOutcome {
  const loaded = loadCompiledRuleset(json);
  if (!loaded.value) return refusedOutcome({ code: 'compiled_unloadable', params: {} });
  // cast: the text just loaded as a compiled rules file (its envelope checked by the loader)
  const compiled = JSON.parse(json) as CompiledRulesFile;
  return generatePlanModule(loaded.value, compiled, ENGINE_VERSION);
}

/**
 * Writes the plan module of the compiled rules text `json` to `path` (atomically: whole or not at
 * all). Nothing is written when the ruleset gets no plan module; the outcome says why.
 */
export async function writePlanModule(path: string, json: string): Promise<PlanModuleOutcome> {
  const outcome = planModuleCode(json);
  if ('code' in outcome) await writeFileAtomic(path, outcome.code);
  return outcome;
}

/**
 * Imports the plan module at `path` and loads its ruleset. It is code: trust it as you trust the
 * folder it is in (the build or the cache that wrote it). `options.hash`, when given, refuses a
 * module made for other rules; a module of another engine is always refused (plan_module_stale).
 * Undefined when there is no file at `path`.
 */
export async function loadPlanModuleFile(
  path: string,
  options: Omit<LoadPlanModuleOptions, 'file'> = {},
): Promise<StageResult<PlanRuleset> | undefined> {
  if (!existsSync(path)) return undefined;
  // import() caches by URL: the file's time and size in it, so a module rebuilt while this
  // process runs is read again rather than the old one reused.
  const { mtimeMs, size } = statSync(path);
  const url = pathToFileURL(resolve(path));
  url.search = `v=${mtimeMs}-${size}`;
  // cast: a module's exports are unknown until loadPlanModule checks its format, engine and hash
  const module = (await import(url.href)) as PlanModule;
  return loadPlanModule(module, { ...options, file: path });
}
