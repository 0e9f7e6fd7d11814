/**
 * Where a ruleset's generated decide module was imported from (a file: URL), when it was loaded
 * from a compiled rules file beside which `lcz build` wrote one (node-files.ts loadRulesetFile),
 * so that another thread given the ruleset (`compiledRulesOf`) can import the same module and
 * decide with the same generated code: the batch's decide workers.
 *
 * In a WeakMap, not on the (frozen) ruleset: the URL is known only after the ruleset is built.
 * Its values are short strings, so the young-generation retention store-compiled.ts warns of
 * (a WeakMap's values kept alive past their keys) costs nothing here.
 */
import type { CompiledRuleset } from '../compile/compiled-ruleset.js';

const IMPORTED_FROM = new WeakMap<CompiledRuleset, string>();

/** Call only for a ruleset whose decide runs the module imported from `url` (usesGeneratedDecide). */
export function rememberGeneratedModuleUrl(ruleset: CompiledRuleset, url: string): void {
  IMPORTED_FROM.set(ruleset, url);
}

/** The URL of the generated decide module `ruleset` runs, when it was loaded from a file; else undefined. */
export function generatedModuleUrl(ruleset: CompiledRuleset): string | undefined {
  return IMPORTED_FROM.get(ruleset);
}
