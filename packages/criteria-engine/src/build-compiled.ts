/**
 * Rule files → a compiled rules file. Runs the whole pipeline (parse, validate, include,
 * compile), so a file with any error is never written; then keeps what loading needs.
 */
import { assembleRuleset } from './assemble-ruleset.js';
import {
  COMPILED_RULES_FORMAT,
  COMPILED_RULES_FORMAT_VERSION,
  ENGINE_VERSION,
  type CompiledRulesFile,
  type StoredSource,
} from './compiled-rules-file.js';
import type { Diagnostic, StageResult } from './diagnostics/diagnostic.js';
import { hasErrors } from './diagnostics/diagnostic.js';
import { SourceText } from './diagnostics/source.js';
import { readRulesetSources, type LoadRulesetOptions } from './load-ruleset.js';
import type { ParsedDocument } from './parse/index.js';
import { storePositions } from './parse/stored-document.js';

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
    return { diagnostics: [...read.diagnostics, source.diagnostic('build_fragment', [0, 0])] };
  }
  const sources = read.value;
  const assembled = assembleRuleset(sources, sources.hash, options.compileOptions, read.diagnostics);
  if (!assembled.value) return { diagnostics: assembled.diagnostics };
  const storeFileAs = options.storeFileAs ?? ((file: string) => file);
  // Diagnostics name their file as stored too, so the compiled file holds no path of this machine.
  const stored = (list: readonly Diagnostic[]): Diagnostic[] => list.map((d) => ({ ...d, file: storeFileAs(d.file) }));
  const store = (parsed: ParsedDocument): StoredSource => ({
    file: storeFileAs(parsed.source.file),
    lineStarts: parsed.source.lineStarts,
    document: parsed.value,
    positions: storePositions(parsed),
  });
  return {
    value: {
      format: COMPILED_RULES_FORMAT,
      formatVersion: COMPILED_RULES_FORMAT_VERSION,
      engine: ENGINE_VERSION,
      id: sources.doc.id,
      version: sources.doc.version,
      hash: sources.hash,
      sources: [store(sources.main), ...sources.fragments.map((f) => store(f.parsed))],
      diagnostics: stored(read.diagnostics),
      compileDiagnostics: stored(assembled.value.diagnostics),
    },
    diagnostics: assembled.diagnostics,
  };
}
