/**
 * A ruleset as a compiled rules file (compiled-rules-file.ts): what `lcz build` writes, and what
 * `compiledRulesOf` gives for a ruleset already loaded, so another thread can load the same
 * ruleset with `loadCompiledRuleset` (skipping the YAML parser and the schema checks) instead of
 * reading the rule files again. A worker gets it as structured-cloned data.
 *
 * Must not import `yaml`: the compiled-rules entry point is built on this module.
 */
import type { RulesetSources } from './assemble-ruleset.js';
import type { CompiledRuleset } from './compile/compiled-ruleset.js';
import {
  COMPILED_RULES_FORMAT,
  COMPILED_RULES_FORMAT_VERSION,
  ENGINE_VERSION,
  type CompiledRulesFile,
  type StoredSource,
} from './compiled-rules-file.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { ParsedDocument } from './parse/index.js';
import { storePositions } from './parse/stored-document.js';

/**
 * `earlier`: the warnings found before compiling; `compileDiagnostics`: compile's. `storeFileAs`
 * renames each file as it is stored (and in the diagnostics too).
 */
export function storeCompiledRules(
  sources: RulesetSources,
  hash: string,
  earlier: readonly Diagnostic[],
  compileDiagnostics: readonly Diagnostic[],
  storeFileAs: (file: string) => string = (file) => file,
): CompiledRulesFile {
  const stored = (list: readonly Diagnostic[]): Diagnostic[] => list.map((d) => ({ ...d, file: storeFileAs(d.file) }));
  const store = (parsed: ParsedDocument): StoredSource => ({
    file: storeFileAs(parsed.source.file),
    lineStarts: parsed.source.lineStarts,
    document: parsed.value,
    positions: storePositions(parsed),
  });
  return {
    format: COMPILED_RULES_FORMAT,
    formatVersion: COMPILED_RULES_FORMAT_VERSION,
    engine: ENGINE_VERSION,
    id: sources.doc.id,
    version: sources.doc.version,
    hash,
    sources: [store(sources.main), ...sources.fragments.map((f) => store(f.parsed))],
    diagnostics: stored(earlier),
    compileDiagnostics: stored(compileDiagnostics),
  };
}

/**
 * Per ruleset the engine made, how to store it: kept on the ruleset, under a symbol of this
 * module and not enumerable, so the ruleset still reads, spreads, compares and serialises as the
 * plain description it is. Call before the ruleset is frozen.
 *
 * Not in a WeakMap beside the ruleset: V8's young-generation collections keep a long-lived
 * WeakMap's values (here, each ruleset's documents) alive whatever became of their keys, until
 * the next full collection. Measured on Node 20 loading the Lai Châu compiled file in a loop:
 * ~40% more of each load survived a young collection, and collections took ~25% longer overall.
 */
const STORE = Symbol('storeCompiledRules');

/** What is kept under STORE: a class of this module, so that reading it back narrows by instanceof. */
class RememberedSources {
  constructor(readonly store: () => CompiledRulesFile) {}
}

export function rememberSources(ruleset: CompiledRuleset, store: () => CompiledRulesFile): void {
  Object.defineProperty(ruleset, STORE, { value: new RememberedSources(store) });
}

/**
 * `ruleset` as a compiled rules file: `loadCompiledRuleset` on it gives the same ruleset (same
 * hash, diagnostics and positions). Undefined for an object the engine did not load. Stored file
 * names are the ruleset's own (paths of this machine): for another thread, not for disk.
 */
export function compiledRulesOf(ruleset: CompiledRuleset): CompiledRulesFile | undefined {
  if (!Object.hasOwn(ruleset, STORE)) return undefined;
  const remembered: unknown = Reflect.get(ruleset, STORE);
  return remembered instanceof RememberedSources ? remembered.store() : undefined;
}
