/**
 * @lcz/criteria-engine/tools — what the tools around rule files use (the `lcz` commands, the
 * HTTP API, the playground), browser-safe: what changed between two versions (diff), the
 * official table of criteria, the static checks (`lcz check`), the YAML test cases beside the
 * rules and their coverage (`lcz test`), and building compiled rules files (`lcz build`).
 * An application that only loads, evaluates and explains needs none of it: see the main entry.
 */
export * from './explain/diff/index.js';
export * from './explain/table/index.js';
export * from './analyze/index.js';
export * from './conformance/index.js';
// For the packages around the engine whose functions take a language too.
export { checkLanguage } from './diagnostics/language.js';
// The YAML readers' nesting pre-check, for readers of YAML beside the engine's (batch lists).
export { flowTooDeep } from './parse/flow-depth.js';
// Numbers written `0x10` or `.inf`, refused by the engine's reader and by the batch's YAML lists alike.
export { nonDecimalNumber } from './parse/exact-number.js';
export { buildCompiledRules, type BuildCompiledOptions } from './build-compiled.js';
export { compiledRulesOf } from './store-compiled.js';
// The generated decide module a ruleset loaded from a compiled file runs, for other threads to import.
export { generatedModuleUrl } from './generate/module-url.js';
export {
  COMPILED_RULES_FORMAT,
  COMPILED_RULES_FORMAT_VERSION,
  type CompiledRulesFile,
  type StoredSource,
} from './compiled-rules-file.js';
// Completion, hover and go-to-definition for editors of rule files (lcz lsp, the playground).
export * from './assist/index.js';
