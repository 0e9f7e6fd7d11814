/**
 * A compiled rules file (see compiled-rules-file.ts) → a CompiledRuleset, the same one
 * `loadRuleset` gives for the YAML it was built from: same hash, same diagnostics, same
 * positions. No YAML parser, no JSON Schema validator: that is what makes it start fast.
 */
import { assembleRuleset } from './assemble-ruleset.js';
import type { CompiledRuleset } from './compile/compiled-ruleset.js';
import type { CompileOptions, Fragment } from './compile/compile-ruleset.js';
import {
  COMPILED_RULES_FORMAT,
  COMPILED_RULES_FORMAT_VERSION,
  ENGINE_VERSION,
  type CompiledRulesFile,
  type StoredSource,
} from './compiled-rules-file.js';
import type { Diagnostic, Range, StageResult } from './diagnostics/diagnostic.js';
import { SourceText } from './diagnostics/source.js';
import type { GeneratedModule } from './generate/bind-generated.js';
import type { ParsedDocument } from './parse/index.js';
import { restoreDocument } from './parse/stored-document.js';
import type { RulesetDocument } from './validate/ruleset-document.js';
import { declaredLanguages, fillTextLanguages } from './validate/text-languages.js';

export interface LoadCompiledOptions {
  /** Shown in diagnostics about the compiled file itself: its path, or a label. */
  readonly file?: string;
  readonly compileOptions?: Partial<CompileOptions>;
  /**
   * Maps a source file name as stored (relative to the compiled file's folder, as `lcz build`
   * writes it) to the name diagnostics should show. The core reads no files; the `./node`
   * loader passes one that resolves names against the compiled file's folder.
   */
  readonly relocate?: (file: string) => string;
  /**
   * The generated decide module `lcz build` wrote beside the compiled file, already imported
   * (`await import(url)`): decide() then runs its code. One that was not generated for this
   * compiled file is refused with a warning (generated_mismatch) and the closures are used.
   */
  readonly generated?: GeneratedModule;
}

/** `input`: the compiled file's text, or its value already parsed from JSON. */
export function loadCompiledRuleset(
  input: string | unknown,
  options: LoadCompiledOptions = {},
): StageResult<CompiledRuleset> {
  const source = new SourceText(options.file ?? '<compiled rules>', typeof input === 'string' ? input : '');
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const offset = jsonErrorOffset(input, message);
      return {
        diagnostics: [source.diagnostic('compiled_unreadable', [offset, offset], { reason: 'json', detail: message })],
      };
    }
  }
  const checked = checkEnvelope(value, source);
  if (!checked.value) return { diagnostics: checked.diagnostics };
  const file = checked.value;
  const relocate = options.relocate ?? ((name: string) => name);
  const restored = file.sources.map((s) => restoreDocument(relocate(s.file), s.lineStarts, s.document, s.positions));
  const main = restored[0];
  if (!main || !restored.every((d): d is ParsedDocument => d !== undefined)) {
    return {
      diagnostics: [
        source.diagnostic('compiled_unreadable', at(source, 'positions'), {
          reason: 'damaged',
          detail: 'positions do not fit the documents',
        }),
      ],
    };
  }
  const fragments: Fragment[] = restored.slice(1).map((parsed) => ({
    parsed,
    doc: filledDocument(parsed),
  }));
  try {
    const compileOptions = { ...options.compileOptions, coverage: false };
    const located = (list: readonly Diagnostic[]): Diagnostic[] => list.map((d) => ({ ...d, file: relocate(d.file) }));
    return assembleRuleset(
      { main, doc: filledDocument(main), fragments },
      file.hash,
      compileOptions,
      located(file.diagnostics),
      located(file.compileDiagnostics),
      options.generated,
    );
  } catch (e) {
    // Only a document that no engine wrote can break the compiler: it trusts validated input.
    const detail = e instanceof Error ? e.message : String(e);
    return { diagnostics: [source.diagnostic('compiled_unreadable', [0, 0], { reason: 'damaged', detail })] };
  }
}

/** The envelope's fields, every problem at once; the documents inside are the builder's word. */
function checkEnvelope(value: unknown, source: SourceText): StageResult<CompiledRulesFile> {
  if (!isRecord(value) || value['format'] !== COMPILED_RULES_FORMAT) {
    const detail = isRecord(value) ? `format: ${JSON.stringify(value['format'] ?? null)}` : describe(value);
    return {
      diagnostics: [source.diagnostic('compiled_unreadable', at(source, 'format'), { reason: 'format', detail })],
    };
  }
  if (value['formatVersion'] !== COMPILED_RULES_FORMAT_VERSION || value['engine'] !== ENGINE_VERSION) {
    const builtWith = typeof value['engine'] === 'string' ? value['engine'] : 'unknown';
    return {
      diagnostics: [
        source.diagnostic('compiled_stale', at(source, 'engine'), { built_with: builtWith, engine: ENGINE_VERSION }),
      ],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const wrong = (key: string, expected: string): void => {
    diagnostics.push(
      source.diagnostic('compiled_unreadable', at(source, key), {
        reason: 'format',
        detail: `${key}: expected ${expected}`,
      }),
    );
  };
  for (const key of ['id', 'version', 'hash'] as const) if (typeof value[key] !== 'string') wrong(key, 'text');
  if (!Array.isArray(value['diagnostics'])) wrong('diagnostics', 'a list');
  if (!Array.isArray(value['compileDiagnostics'])) wrong('compileDiagnostics', 'a list');
  const sources = value['sources'];
  if (!Array.isArray(sources) || sources.length === 0 || !sources.every(isStoredSource))
    wrong('sources', 'a list of { file, lineStarts, document, positions }');
  if (diagnostics.length > 0) return { diagnostics };
  // cast: every field of the envelope was checked just above (a problem per field otherwise)
  return { value: value as unknown as CompiledRulesFile, diagnostics: [] };
}

/**
 * Where JSON.parse stopped, from its message (V8's wording; offset 0 when it cannot tell). V8
 * says "at position N", or "Unexpected end of JSON input", or quotes the text around the bad
 * token: 10 characters either side, marked with "..." where cut (the whole text when short).
 */
export function jsonErrorOffset(text: string, message: string): number {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  if (/Unexpected end of JSON input/.test(message)) return text.length;
  const quoted = /^Unexpected token '([\s\S]+?)', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(message);
  if (!quoted) return 0;
  const [, token = '', cutBefore, around = '', cutAfter] = quoted;
  const CONTEXT = 10;
  if (cutBefore) {
    const start = text.indexOf(around);
    return start < 0 ? 0 : start + CONTEXT;
  }
  if (cutAfter) return Math.max(0, around.length - CONTEXT);
  // A short text is quoted whole: the first such token is the best guess.
  return Math.max(0, text.indexOf(token));
}

/** Where `"key"` first appears in the file's text, to point a problem at that field. */
function at(source: SourceText, key: string): Range {
  const i = source.text.indexOf(`"${key}"`);
  return i >= 0 ? [i, i + key.length + 2] : [0, 0];
}

function isStoredSource(x: unknown): x is StoredSource {
  return (
    isRecord(x) &&
    typeof x['file'] === 'string' &&
    Array.isArray(x['lineStarts']) &&
    x['lineStarts'].every((n) => Number.isInteger(n)) &&
    isRecord(x['document']) &&
    // Their digits are checked where they are read (restoreDocument).
    typeof x['positions'] === 'string'
  );
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function describe(x: unknown): string {
  if (Array.isArray(x)) return 'a list';
  if (x === null) return 'null';
  return typeof x;
}

/** A stored document as the validate stage hands it on: texts in both languages (text-languages.ts). */
function filledDocument(parsed: ParsedDocument): RulesetDocument {
  // cast: a stored document passed the schema when it was compiled (its hash is checked); filled like validate-ruleset.ts
  return fillTextLanguages(parsed.value, declaredLanguages(parsed.value)) as RulesetDocument;
}
