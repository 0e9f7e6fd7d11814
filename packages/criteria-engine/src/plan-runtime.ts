/**
 * @lcz/criteria-engine/plan — load a plan module (`lcz build`'s `.plan.mjs`) and evaluate. For
 * a program that starts often and loads one ruleset it knows at build time: the module carries
 * the checked plan (its data, and its conditions as generated code), so nothing is compiled at
 * start-up, and this entry carries no compiler, no YAML parser and no JSON Schema validator. Built
 * as one file that imports nothing. The ruleset is the one `loadRuleset` gives for the same rules
 * (the same hash, results and problems).
 *
 * A ruleset whose rules use a construct the generated code does not write gets no plan module
 * (`lcz build` says why): load its compiled rules file with `./runtime` or `./standalone`.
 */
export { loadPlanModule, type LoadPlanModuleOptions, type PlanModule, type PlanRuleset } from './load-plan-module.js';
export { planModulePath } from './generate/module-path.js';
export { ENGINE_VERSION } from './compiled-rules-file.js';
export { hasErrors } from './diagnostics/diagnostic.js';

export type { Diagnostic, Severity, Range, StageResult } from './diagnostics/diagnostic.js';
export type { DiagnosticCode } from './diagnostics/codes.js';
export type * from './compile/compiled-ruleset.js';
export type * from './evaluate/result.js';
export type { Assessment } from './evaluate/assessment.js';
export type * from './validate/ruleset-document.js';
