/**
 * The pipeline for a rule file: parse → validate → compile, then the evaluator is attached.
 * Each stage returns every problem it finds; a later stage runs only on a sound earlier result.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { assembleRuleset, type RulesetSources } from './assemble-ruleset.js';
import type { CompiledRuleset } from './compile/compiled-ruleset.js';
import type { CompileOptions, Fragment } from './compile/compile-ruleset.js';
import type { Diagnostic, StageResult } from './diagnostics/diagnostic.js';
import type { RulesetDocument } from './validate/ruleset-document.js';
import { hasErrors } from './diagnostics/diagnostic.js';
import { CriteriaEngineError } from './diagnostics/error.js';
import { SourceText } from './diagnostics/source.js';
import { parseYaml, type ParseLimits, type ParsedDocument } from './parse/index.js';
import { schemaErrorsOf, validateRulesetDocument } from './validate/validate-ruleset.js';
import { problemsPastSchemaErrors, type SoundPart, soundPart } from './past-schema-errors.js';

export interface LoadRulesetOptions {
  /** Shown in diagnostics: a path or a label. */
  readonly file?: string;
  readonly parseLimits?: Partial<ParseLimits>;
  readonly compileOptions?: Partial<CompileOptions>;
  /**
   * Reads a file named in `include:` (a path relative to the including file). The core reads
   * no files itself; `loadRulesetFile` in `./node` passes a reader. Return undefined when the
   * file cannot be found, or a diagnostic saying why it may not or cannot be read (it is moved
   * to the include line).
   */
  readonly readInclude?: (
    path: string,
    from: string,
  ) => { readonly file: string; readonly text: string } | Diagnostic | undefined;
}

export function loadRuleset(text: string, options: LoadRulesetOptions = {}): StageResult<CompiledRuleset> {
  const read = readRulesetSources(text, options);
  if (!read.value) return { diagnostics: read.diagnostics };
  return assembleRuleset(read.value, read.value.hash, options.compileOptions, read.diagnostics);
}

/** Parsed and validated sources, and their content hash. */
export interface ReadSources extends RulesetSources {
  readonly hash: string;
}

/**
 * parse → validate, for the ruleset and every file it includes. No value when there is an
 * error, or when the file is a fragment (a fragment is checked as part of the rulesets that
 * include it; alone it only validates).
 */
export function readRulesetSources(text: string, options: LoadRulesetOptions = {}): StageResult<ReadSources> {
  const source = new SourceText(options.file ?? '<rules>', text);
  const parsed = parseYaml(source, options.parseLimits, READING);
  if (!parsed.value) return { diagnostics: parsed.diagnostics };
  // Validate even after a non-fatal parse error (a duplicate key, a tag…), so one run shows
  // every problem of the file; but never compile a file that has errors.
  const validated = validateRulesetDocument(parsed.value);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics, ...validated.diagnostics];
  const doc = validated.value;
  // The included files are read whenever the list of them can be, so their problems show with
  // the main file's (a fragment alone only validates: its includes are refused where it is included).
  const includes = includeList(parsed.value);
  const included = includes ? loadIncludes(parsed.value, includes, options) : undefined;
  if (included) diagnostics.push(...included.diagnostics);
  if (!doc || hasErrors(diagnostics)) {
    // Every problem at once: what compile finds in the parts the schema and the YAML reading
    // accepted (and in the sound parts of the fragments included) is shown with their problems.
    diagnostics.push(
      ...problemsPastSchemaErrors(parsed.value, [...parsed.diagnostics, ...validated.diagnostics], diagnostics, {
        compileOptions: options.compileOptions,
        fragments: (view, viewDoc) => soundFragments(view, viewDoc, options),
      }),
    );
    return { diagnostics };
  }
  if (doc.kind === 'fragment' || !included) return { diagnostics };
  // The content hash covers the included files too (in `include:` order): changing a shared
  // piece changes the rules.
  const texts = [text, ...included.fragments.map((f) => f.parsed.source.text)];
  const hash = `sha256:${bytesToHex(sha256(utf8ToBytes(texts.join('\u0000'))))}`;
  return { value: { main: parsed.value, doc, fragments: included.fragments, hash }, diagnostics };
}

export function loadRulesetOrThrow(text: string, options: LoadRulesetOptions = {}): CompiledRuleset {
  const result = loadRuleset(text, options);
  if (!result.value) throw new CriteriaEngineError(result.diagnostics);
  return result.value;
}

/**
 * The files a ruleset's `include:` names, with their place in the list; undefined for a fragment,
 * or an include that is no list. An entry that is no file name (the schema says so) is skipped:
 * the files the others name are still read, so their problems show too.
 */
function includeList(parsed: ParsedDocument): readonly (readonly [index: number, path: string])[] | undefined {
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const include: unknown = 'include' in value ? value.include : [];
  if (('kind' in value && value.kind === 'fragment') || !Array.isArray(include)) return undefined;
  return include.flatMap((p, i) => (typeof p === 'string' ? [[i, p] as const] : []));
}

/** A tab-indented rule file is read the way the schema fits best (parse/tab-indent.ts). */
const READING = { misfits: (value: unknown) => schemaErrorsOf(value).length };

/** What only a ruleset may hold: a fragment shares facts, parameters and definitions. */
const RULESET_ONLY = ['context', 'context_rules', 'groups', 'disqualifiers', 'recognition'];

/**
 * For the problems past schema errors: the sound part of each fragment `doc` includes, and
 * whether one cannot be read, does not parse, is no fragment or has no sound part (what it
 * declares is then unknown: a use of a name it may declare is not reported). loadIncludes has
 * already reported why.
 */
function soundFragments(
  parsed: ParsedDocument,
  doc: RulesetDocument,
  options: LoadRulesetOptions,
): { parts: SoundPart[]; unread: boolean } {
  const parts: SoundPart[] = [];
  let unread = false;
  for (const path of doc.include ?? []) {
    const part = soundFragment(path, parsed.source.file, options);
    if (part === undefined) unread = true;
    else parts.push(part);
  }
  return { parts, unread };
}

function soundFragment(path: string, from: string, options: LoadRulesetOptions): SoundPart | undefined {
  const read = options.readInclude?.(path, from);
  if (!read || 'code' in read) return undefined;
  const fragmentParsed = parseYaml(new SourceText(read.file, read.text), options.parseLimits, READING);
  if (!fragmentParsed.value) return undefined;
  const problems = [...fragmentParsed.diagnostics, ...validateRulesetDocument(fragmentParsed.value).diagnostics];
  const part = soundPart(fragmentParsed.value, problems);
  if (part?.doc.kind !== 'fragment' || part.doc.include || RULESET_ONLY.some((k) => k in part.doc)) return undefined;
  return part;
}

/** The fragments named in `include:`, each parsed and validated in its own file. */
function loadIncludes(
  parsed: ParsedDocument,
  include: readonly (readonly [index: number, path: string])[],
  options: LoadRulesetOptions,
): { fragments: Fragment[]; diagnostics: Diagnostic[] } {
  const fragments: Fragment[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [i, path] of include) {
    const at = (reason: string): void => {
      diagnostics.push(parsed.source.diagnostic('include_invalid', parsed.rangeOf(['include', i]), { path, reason }));
    };
    if (!options.readInclude) {
      at('no_reader');
      continue;
    }
    const read = options.readInclude(path, parsed.source.file);
    if (!read) {
      at('not_found');
      continue;
    }
    if ('code' in read) {
      // A problem inside the file (text that is not UTF-8) keeps its own place; a refusal to
      // read it is placed at the include line.
      diagnostics.push(
        read.line > 0
          ? read
          : parsed.source.diagnosticOfAnyCode(read.code, parsed.rangeOf(['include', i]), read.params),
      );
      continue;
    }
    const source = new SourceText(read.file, read.text);
    const fragmentParsed = parseYaml(source, options.parseLimits, READING);
    const validated = fragmentParsed.value ? validateRulesetDocument(fragmentParsed.value) : { diagnostics: [] };
    diagnostics.push(...fragmentParsed.diagnostics, ...validated.diagnostics);
    if (
      !fragmentParsed.value ||
      !validated.value ||
      hasErrors([...fragmentParsed.diagnostics, ...validated.diagnostics])
    ) {
      at('invalid');
      continue;
    }
    const fragment = validated.value;
    if (fragment.kind !== 'fragment') {
      at('not_fragment');
      continue;
    }
    if (fragment.include) {
      at('nested');
      continue;
    }
    if (RULESET_ONLY.some((k) => k in fragment)) {
      at('fragment_content');
      continue;
    }
    fragments.push({ parsed: fragmentParsed.value, doc: fragment });
  }
  return { fragments, diagnostics };
}
