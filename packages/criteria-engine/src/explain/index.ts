/**
 * explain/: pure renderers of an EvaluationResult (no I/O, browser-safe). The JSON form is the
 * result itself (schemas/result.schema.json); the text report is `explainText`.
 */
export { explainText, explainMessages, type ExplainOptions, type ExplainLang, type ExplainRuleset } from './explain-text.js';
export { en as explainMessagesEn, type ExplainMessageKey, type ExplainMessages } from './messages/en.js';
export { vi as explainMessagesVi } from './messages/vi.js';
