/**
 * @lcz/criteria-engine — what an application that embeds the engine needs, browser-safe:
 * load a ruleset (YAML text, or a compiled rules file), validate an assessment, evaluate it
 * (`ruleset.evaluate`, or `ruleset.decide` for the decision and per-standard counts), explain
 * the result (text report, gap analysis), format diagnostics, and the types of all of these.
 *
 * The other entry points (docs/architecture.md, "Entry points"):
 * - `./node`: reading rule files, folders and assessment files from disk (Node only);
 * - `./tools`: what the tools around rule files use: diff, the official table, static checks,
 *   YAML test cases and their coverage, building compiled rules files;
 * - `./runtime`: a compiled rules file with no YAML parser, for programs that start often;
 * - `./messages`: diagnostics as text, for programs that load through `./runtime`;
 * - `./testing`: fast-check arbitraries and properties of a ruleset (needs fast-check).
 */
// Load
export { loadRuleset, loadRulesetOrThrow, type LoadRulesetOptions } from './load-ruleset.js';
export { loadCompiledRuleset, type LoadCompiledOptions } from './load-compiled.js';
export {
  generateDecideCode,
  generatedModulePath,
  usesGeneratedDecide,
  GENERATE_REFUSAL_CODES,
  GENERATE_REFUSAL_CONSTRUCTS,
  GENERATE_REFUSAL_PARTS,
  type GenerateOutcome,
  type GenerateRefusal,
  type GenerateRefusalCode,
  type GenerateRefusalConstruct,
  type GenerateRefusalPart,
  type GenerateRefusalSubject,
  type GeneratedCode,
  type GeneratedModule,
} from './generate/index.js';
export { createSchemes, type Scheme } from './scheme.js';
// The date that picks the version in force and the dated parameters' values: one reading for every adapter.
export { assessmentDate } from './compile/slots.js';
export { ENGINE_VERSION } from './compiled-rules-file.js';
// Validate an assessment (`ruleset.validateAssessment` checks a parsed value)
export { readAssessment } from './read-assessment.js';
export { decodeUtf8, notUtf8Diagnostic, type NotUtf8 } from './parse/utf8.js';
export { readsExactly } from './parse/exact-number.js';
export { assessmentJsonSchema } from './evaluate/assessment-json-schema.js';
// Explain
export { explainText, type ExplainLang, type ExplainOptions, type ExplainRuleset } from './explain/explain-text.js';
export { gapAnalysis, type GapRuleset } from './explain/gap.js';
export { explainGap, type ExplainGapOptions } from './explain/explain-gap.js';
// Each level as reached (a level needs every level below it), for views that list the levels.
export { levelStanding } from './explain/text-tools.js';
export type * from './explain/gap-report.js';
// Diagnostics
export { CriteriaEngineError } from './diagnostics/error.js';
export { formatDiagnostic, formatDiagnostics } from './diagnostics/format.js';
export { capDiagnostics, DEFAULT_DIAGNOSTIC_CAPS, type DiagnosticCaps } from './diagnostics/cap.js';
// Message and hint apart (no location prefix), for adapters that place them in their own fields.
export { renderMessage, type Locale, type RenderedMessage } from './diagnostics/format.js';
export { interpolate } from './diagnostics/interpolate.js';
// Other packages' codes and messages (the batch package's `batch_*`), printed by the same formatter.
export {
  registerDiagnostics,
  type DiagnosticMessages,
  type RegisteredDiagnosticParams,
} from './diagnostics/registered.js';
// The params of each code, for adapters that make diagnostics (the batch package's are checked by it).
export type { DiagnosticParams } from './diagnostics/params.js';
export {
  param as messageParam,
  hasParam as hasMessageParam,
  type MessageParams,
} from './diagnostics/messages/catalog.js';
export { escapeInvisible, escapeParams } from './diagnostics/escape.js';
export { comparisonSymbol } from './compile/expression/compare-ops.js';
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
  type FormField,
  type ValueWords,
  type Cell,
  type CellReader,
  type CellValue,
  type Decoded,
} from './compile/fact-types/index.js';
export { hasErrors } from './diagnostics/diagnostic.js';
export { DIAGNOSTIC_CODES } from './diagnostics/codes.js';
export { LANGUAGES, type Language } from './diagnostics/language.js';
// The rule file's languages and words, for every tool that prints its texts.
export { fallbackLanguage, shownLanguage } from './validate/text-languages.js';
export { capitalised, GENERIC_WORDS, withWords, word, type SchemeWords } from './compile/words.js';

export type { Diagnostic, Severity, Range, StageResult } from './diagnostics/diagnostic.js';
export type { DiagnosticCode } from './diagnostics/codes.js';
export type * from './compile/compiled-ruleset.js';
export type * from './evaluate/result.js';
export type { Assessment } from './evaluate/assessment.js';
export type * from './validate/ruleset-document.js';
