/**
 * explain/: pure renderers of an EvaluationResult (no I/O, browser-safe). The JSON form is the
 * result itself (schemas/result.schema.json); the text report is `explainText`. The gap analysis
 * (`gapAnalysis`: what it would take to be recognised) is JSON itself (schemas/gap.schema.json)
 * and text with `explainGap`.
 */
export { explainText, type ExplainRuleset } from './explain-text.js';
export { gapAnalysis } from './gap.js';
export { explainGap } from './explain-gap.js';
export type * from './gap-report.js';
