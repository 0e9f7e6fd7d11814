/**
 * @lcz/criteria-engine/runtime — load a compiled rules file (`lcz build`) and evaluate. For
 * what starts often and must start fast: a serverless function, a worker, a page. It carries no
 * YAML parser and no JSON Schema validator (the compiled file was checked when it was built),
 * so it imports in a few milliseconds; the ruleset it gives is the one `loadRuleset` gives.
 *
 * Diagnostics are data here; their Vietnamese and English text comes from
 * `@lcz/criteria-engine/messages`, a separate entry point, because the message catalogues are
 * nearly half of the code and a program that starts often should not parse them unless it has
 * something to say.
 */
export { loadCompiledRuleset, type LoadCompiledOptions } from './load-compiled.js';
// A plan module (lcz build's .plan.mjs), already imported: the ruleset with nothing compiled.
export { loadPlanModule, type LoadPlanModuleOptions, type PlanModule, type PlanRuleset } from './load-plan-module.js';
export { planModulePath, planScriptCachePath, planScriptPath } from './generate/module-path.js';
export { compiledRulesOf } from './store-compiled.js';
// A generated decide module (lcz build's .decide.mjs) is passed to loadCompiledRuleset already
// imported; these say where it sits and whether a ruleset runs it. The generator is not here.
export { usesGeneratedDecide } from './generate/plan-of.js';
export { generatedModulePath } from './generate/module-path.js';
export type { GeneratedModule } from './generate/bind-generated.js';
export {
  COMPILED_RULES_FORMAT,
  COMPILED_RULES_FORMAT_VERSION,
  ENGINE_VERSION,
  type CompiledRulesFile,
  type StoredSource,
} from './compiled-rules-file.js';
export { hasErrors } from './diagnostics/diagnostic.js';
// The fact types, one definition each (checks, cells, printing), for the batch and other tools.
export {
  FACT_TYPES,
  factType,
  printValue,
  printThreshold,
  INVALID,
  TRUE_WORDS,
  FALSE_WORDS,
  isEmptyCell,
  matchKey,
  foldedKey,
  type FactDeclaration,
  type FactTypeDefinition,
  type ValueIssue,
  type FastCell,
  type ValueWords,
  type Cell,
  type CellReader,
  type CellValue,
  type Decoded,
} from './compile/fact-types/index.js';

export type { Diagnostic, Severity, Range, StageResult } from './diagnostics/diagnostic.js';
export type { DiagnosticCode } from './diagnostics/codes.js';
export type * from './compile/compiled-ruleset.js';
export type * from './evaluate/result.js';
export type { Assessment } from './evaluate/assessment.js';
export type * from './validate/ruleset-document.js';
