/**
 * The compiled rules file (`lcz build`): the rule files as parsed and validated data, with the
 * source positions of every node, in one JSON file. Loading it skips the YAML parser and the
 * JSON Schema validation, which are most of what loading a ruleset costs; compiling is done
 * again at load (it is fast, and it is where conditions become closures).
 *
 * A compiled file is a build output, like a bundle: rebuild it from the YAML, never edit it. It
 * names the engine version that wrote it, and any other engine refuses it, because the document
 * shape it promises is the one that engine validated.
 */
import enginePackage from '../package.json' with { type: 'json' };
import type { Diagnostic } from './diagnostics/diagnostic.js';

export const COMPILED_RULES_FORMAT = 'lcz-compiled-rules';
export const COMPILED_RULES_FORMAT_VERSION = 2;
/** The version of @lcz/criteria-engine that writes (and alone may read) compiled files. */
export const ENGINE_VERSION: string = enginePackage.version;

export interface CompiledRulesFile {
  readonly format: typeof COMPILED_RULES_FORMAT;
  readonly formatVersion: typeof COMPILED_RULES_FORMAT_VERSION;
  readonly engine: string;
  readonly id: string;
  readonly version: string;
  /** The ruleset's content hash (its text and its included files'), as `ruleset.hash`. */
  readonly hash: string;
  /** The ruleset first, then each included fragment in `include:` order. */
  readonly sources: readonly StoredSource[];
  /** Warnings found while parsing and validating. */
  readonly diagnostics: readonly Diagnostic[];
  /** Compile's warnings and notes (variant coverage…): loading does not look for them again. */
  readonly compileDiagnostics: readonly Diagnostic[];
}

export interface StoredSource {
  readonly file: string;
  /** Where each line of the YAML file begins, so positions still turn into lines and columns. */
  readonly lineStarts: readonly number[];
  readonly document: unknown;
  /** Six numbers per node of `document`, depth first, as digits (see parse/stored-document.ts). */
  readonly positions: string;
}
