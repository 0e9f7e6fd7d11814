/**
 * Rule files → a compiled rules file. Runs the whole pipeline (parse, validate, include,
 * compile), so a file with any error is never written; then keeps what loading needs.
 */
import { assembleRuleset } from './assemble-ruleset.js';
import type { CompiledRulesFile } from './compiled-rules-file.js';
import type { StageResult } from './diagnostics/diagnostic.js';
import { hasErrors } from './diagnostics/diagnostic.js';
import { SourceText } from './diagnostics/source.js';
import { readRulesetSources, type LoadRulesetOptions } from './load-ruleset.js';
import { storeCompiledRules } from './store-compiled.js';

export interface BuildCompiledOptions extends LoadRulesetOptions {
  /**
   * The name to store for a source file (given its name as read). Store names relative to where
   * the compiled file will be, so it can move with them: `lcz build` does.
   */
  readonly storeFileAs?: (file: string) => string;
}

export function buildCompiledRules(text: string, options: BuildCompiledOptions = {}): StageResult<CompiledRulesFile> {
  const read = readRulesetSources(text, options);
  if (!read.value) {
    if (hasErrors(read.diagnostics)) return { diagnostics: read.diagnostics };
    // No error and no ruleset: the file is a fragment, which is built as part of its includers.
    const source = new SourceText(options.file ?? '<rules>', text);
    return { diagnostics: [...read.diagnostics, source.diagnostic('build_fragment', [0, 0], {})] };
  }
  const sources = read.value;
  const assembled = assembleRuleset(sources, sources.hash, options.compileOptions, read.diagnostics);
  if (!assembled.value) return { diagnostics: assembled.diagnostics };
  return {
    value: storeCompiledRules(
      sources,
      sources.hash,
      read.diagnostics,
      assembled.value.diagnostics,
      options.storeFileAs,
    ),
    diagnostics: assembled.diagnostics,
  };
}
