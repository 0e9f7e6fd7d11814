/**
 * @lcz/criteria-engine — the browser-safe core.
 *
 * parse → validate → compile → evaluate → explain. File access lives in `./node`.
 */
export { loadRuleset, loadRulesetOrThrow, type LoadRulesetOptions } from './load-ruleset.js';
export { buildCompiledRules, type BuildCompiledOptions } from './build-compiled.js';
export { loadCompiledRuleset, type LoadCompiledOptions } from './load-compiled.js';
export { compiledRulesOf } from './store-compiled.js';
export {
  COMPILED_RULES_FORMAT,
  COMPILED_RULES_FORMAT_VERSION,
  ENGINE_VERSION,
  type CompiledRulesFile,
  type StoredSource,
} from './compiled-rules-file.js';
export { readAssessment } from './read-assessment.js';
export { assessmentJsonSchema } from './evaluate/assessment-json-schema.js';
export { createSchemes, type Scheme } from './scheme.js';
export { CriteriaEngineError } from './diagnostics/error.js';
export { formatDiagnostic, formatDiagnostics } from './diagnostics/format.js';
export { capDiagnostics, DEFAULT_DIAGNOSTIC_CAPS, type DiagnosticCaps } from './diagnostics/cap.js';
// Message and hint apart (no location prefix), for adapters that place them in their own fields.
export { renderMessage, type Locale, type RenderedMessage } from './diagnostics/format.js';
export { hasErrors } from './diagnostics/diagnostic.js';
export { DIAGNOSTIC_CODES } from './diagnostics/codes.js';
export { explainText, type ExplainOptions } from './explain/explain-text.js';
export * from './explain/diff/index.js';
export * from './explain/table/index.js';
export {
  gapAnalysis,
  explainGap,
  type ExplainGapOptions,
  type GapRuleset,
  type GapReport,
  type GapStandard,
  type GapCriterion,
  type GapChange,
  type GapPercent,
  type GapDisqualifier,
  type GapTotal,
  type GapUndecided,
  type GapPlan,
  type GapObstacle,
} from './explain/index.js';
export * from './analyze/index.js';
export * from './conformance/index.js';

export type { Diagnostic, Severity, Range, StageResult } from './diagnostics/diagnostic.js';
export type { DiagnosticCode } from './diagnostics/codes.js';
export type * from './compile/compiled-ruleset.js';
export type * from './evaluate/result.js';
export type { Assessment } from './evaluate/assessment.js';
export type * from './validate/ruleset-document.js';
