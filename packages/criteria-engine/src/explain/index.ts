/**
 * explain/: pure renderers of an EvaluationResult (no I/O, browser-safe). The JSON form is the
 * result itself (schemas/result.schema.json); the text report is `explainText`. The gap analysis
 * (`gapAnalysis`: what it would take to be recognised) is JSON itself (schemas/gap.schema.json)
 * and text with `explainGap`.
 */
export {
  explainText,
  explainMessages,
  type ExplainOptions,
  type ExplainLang,
  type ExplainRuleset,
} from './explain-text.js';
export { en as explainMessagesEn, type ExplainMessageKey, type ExplainMessages } from './messages/en.js';
export { vi as explainMessagesVi } from './messages/vi.js';
export { gapAnalysis, type GapRuleset } from './gap.js';
export { explainGap, gapMessages, type ExplainGapOptions } from './explain-gap.js';
export { gapEn as gapMessagesEn, type GapMessageKey, type GapMessages } from './messages/gap-en.js';
export { gapVi as gapMessagesVi } from './messages/gap-vi.js';
export type * from './gap-report.js';
