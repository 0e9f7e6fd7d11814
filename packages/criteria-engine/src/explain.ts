/**
 * @lcz/criteria-engine/explain — the text report of an evaluation result, alone. The main entry
 * exports it too, but importing the main entry loads the YAML parser and the JSON Schema
 * validators (its `loadRuleset` is synchronous, so they cannot be loaded later); a program that
 * gets its rules from `./runtime` or a cache and prints a report (`lcz evaluate`) imports this
 * instead and starts without them (docs/performance.md, "Start-up").
 */
export { explainText, type ExplainLang, type ExplainOptions, type ExplainRuleset } from './explain/explain-text.js';
