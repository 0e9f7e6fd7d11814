/**
 * @lcz/criteria-engine — the browser-safe core.
 *
 * parse → validate → compile → evaluate → explain. File access lives in `./node`.
 */
export { loadRuleset, loadRulesetOrThrow, type LoadRulesetOptions } from './load-ruleset.js';
export { readAssessment } from './read-assessment.js';
export { CriteriaEngineError } from './diagnostics/error.js';
export { formatDiagnostic, formatDiagnostics } from './diagnostics/format.js';
export { hasErrors } from './diagnostics/diagnostic.js';
export { DIAGNOSTIC_CODES } from './diagnostics/codes.js';
export { explainText, type ExplainOptions } from './explain/explain-text.js';

export type { Diagnostic, Severity, Range, StageResult } from './diagnostics/diagnostic.js';
export type { DiagnosticCode } from './diagnostics/codes.js';
export type * from './compile/compiled-ruleset.js';
export type * from './evaluate/result.js';
export type { Assessment } from './evaluate/assessment.js';
export type * from './validate/ruleset-document.js';
