/**
 * The parse stage: YAML text → plain data, as plain YAML 1.2 with the core schema only.
 *
 * It collects every problem it can find in one pass. A value is returned whenever the data
 * could be read without guessing (no syntax error, no resource limit hit, not empty), even if
 * other errors were found, so the next stage can report its problems in the same run.
 * A caller must still refuse to compile a file whose diagnostics contain errors.
 */
import { Composer, isScalar, Parser, visit } from 'yaml';
import type { CST, Document, DocumentOptions, ParseOptions, SchemaOptions } from 'yaml';
import type { Diagnostic, StageResult } from '../diagnostics/diagnostic.js';
import { SourceText } from '../diagnostics/source.js';
import { scanCst } from './cst-scan.js';
import { flowTooDeep } from './flow-depth.js';
import type { ProblemsOf } from './indent-repair.js';
import { explainOutdent } from './indentation-hint.js';
import { resolveParseLimits } from './limits.js';
import type { ParseLimits } from './limits.js';
import { createParsedDocument } from './parsed-document.js';
import type { ParsedDocument } from './parsed-document.js';
import { toPlain } from './to-plain.js';
import { mapYamlErrors } from './yaml-errors.js';
import { repairTabIndentation } from './tab-indent.js';

const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  // The core schema keeps `2020-01-01` a string and `yes` a string; a `%YAML 1.1` directive
  // (itself an error) cannot switch it to the 1.1 types.
  schema: 'core',
  // Integers arrive as bigint so values past 2^53 − 1 can be detected instead of rounded.
  intAsBigInt: true,
  // Duplicate keys are found by to-plain.ts with one Map per mapping: yaml's own check compares
  // each key with every earlier one, which made a mapping of 20,000 facts take seconds.
  uniqueKeys: false,
  // Keys are text: `1:` is the key "1", and a list or mapping used as a key is an error.
  stringKeys: true,
  // `<<` merge keys are a YAML 1.1 feature; here `<<` is an ordinary (and unknown) key.
  merge: false,
  prettyErrors: false,
};

export interface ParseYamlOptions {
  /**
   * Search for an out-dented block behind syntax errors (the default). The validate stage's own
   * search re-reads changed texts and refuses any with a syntax error: for it, that search
   * would be wasted work inside every try (24 tries × 80 parses: seconds on a 12 KB file).
   */
  readonly indentHints?: boolean;
  /** Read a text whose syntax errors come from tabs in its indentation as repaired (the default). */
  readonly tabRepair?: boolean;
  /**
   * How many parts of a value are out of place for the caller (a rule file's schema errors): of
   * the readings of a tab-indented text that are YAML, the one that fits best is kept.
   */
  readonly misfits?: (value: unknown) => number;
}

export function parseYaml(
  source: SourceText,
  limits?: Partial<ParseLimits>,
  options: ParseYamlOptions = {},
): StageResult<ParsedDocument> {
  const resolved = resolveParseLimits(limits);
  const diagnostics: Diagnostic[] = [...findNulBytes(source)];

  // yaml reads a CR alone as no line break: the whole file would be one comment line ("empty").
  const loneCr = findLoneCr(source);
  if (loneCr) {
    diagnostics.push(loneCr);
    return { diagnostics: finish(diagnostics) };
  }

  // Brackets nested past the limit stop the file before yaml's parser tokenizes all of them.
  const deep = flowTooDeep(source.text, resolved.maxDepth);
  if (deep !== undefined) {
    diagnostics.push(source.diagnostic('yaml_depth_limit', [deep, deep + 1], { max: resolved.maxDepth }));
    return { diagnostics: finish(diagnostics) };
  }
  const tokens: CST.Token[] = Array.from(new Parser().parse(source.text));
  const cst = scanCst(tokens, resolved.maxDepth, resolved.maxScalarChars);
  diagnostics.push(...cstProblems(source, cst, resolved));
  if (cst.tooLong.length > 0 || cst.tooDeep) return { diagnostics: finish(diagnostics) };

  const composer = new Composer(YAML_OPTIONS);
  const docs = Array.from(composer.compose(tokens));
  const first = docs[0];
  if (!first) {
    diagnostics.push(...streamProblems(source, composer, resolved));
    return { diagnostics: finish(diagnostics) };
  }
  diagnostics.push(...extraDocuments(source, docs));
  const emptyAt = emptyContents(first);
  if (emptyAt) diagnostics.push(source.diagnostic('yaml_empty_document', emptyAt, {}));

  const plain = toPlain(first, source, resolved);
  placeTags(diagnostics, plain.tagged);
  diagnostics.push(...plain.diagnostics);
  const context = { source, limits: resolved, duplicates: plain.duplicates };
  diagnostics.push(
    ...mapYamlErrors(first.errors, 'error', context),
    ...mapYamlErrors(first.warnings, 'warning', context),
  );

  if (diagnostics.some(isSyntaxError)) {
    const repaired = options.tabRepair === false ? undefined : readTabRepaired(source, diagnostics, resolved, options);
    if (repaired) return repaired;
    const explained = options.indentHints === false ? diagnostics : explainSyntaxErrors(source, diagnostics, resolved);
    return { diagnostics: finish(explained) };
  }
  if (emptyAt || plain.aborted) return { diagnostics: finish(diagnostics) };
  return { value: createParsedDocument(source, first, plain.value), diagnostics: finish(diagnostics) };
}

/**
 * What the token scan found: tags (no custom types), `%YAML` directives other than 1.2, scalars
 * over the size limit, and nesting past the depth limit. The last two stop the stage: composing
 * would copy the long scalar, or recurse once per level and risk the stack.
 */
function cstProblems(source: SourceText, cst: ReturnType<typeof scanCst>, limits: ParseLimits): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const tag of cst.tags) {
    out.push(
      source.diagnostic('yaml_unsupported_tag', [tag.offset, tag.offset + tag.source.length], { tag: tag.source }),
    );
  }
  for (const directive of cst.directives) {
    const version = /^%YAML[ \t]+(\S+)/.exec(directive.source)?.[1];
    if (version !== undefined && version !== '1.2') {
      const range: [number, number] = [directive.offset, directive.offset + directive.source.length];
      out.push(source.diagnostic('yaml_version_directive', range, { version }));
    }
  }
  for (const long of cst.tooLong) {
    out.push(
      source.diagnostic('yaml_scalar_too_long', [long.offset, long.offset + 1], {
        length: long.length,
        max: limits.maxScalarChars,
      }),
    );
  }
  // Only when nothing was too long: that already stopped the stage, before the depth was known.
  if (cst.tooLong.length === 0 && cst.tooDeep) {
    out.push(source.diagnostic('yaml_depth_limit', [cst.tooDeep.offset, cst.tooDeep.end], { max: limits.maxDepth }));
  }
  return out;
}

/**
 * A text misread because of tabs in its indentation, read again with spaces in their place: one
 * `yaml_tab_indentation` per line instead of the errors the tabs caused, and the problems of the
 * text as repaired (its value too, when it has no other syntax error), placed in the text as
 * written. Undefined when no repair explains any error (tab-indent.ts).
 */
function readTabRepaired(
  source: SourceText,
  diagnostics: readonly Diagnostic[],
  limits: ParseLimits,
  options: ParseYamlOptions,
): StageResult<ParsedDocument> | undefined {
  // A reading is judged by its syntax errors and its duplicate keys: a line read a level off
  // often lands in the mapping above, beside a key of the same name.
  const errors = diagnostics.flatMap((d) =>
    isSyntaxError(d) ? [syntaxKey(d)] : d.code === 'yaml_duplicate_key' ? [duplicateKey(d.line, d.params['key'])] : [],
  );
  const repair = repairTabIndentation(source, errors, (text) =>
    readingProblems(new SourceText(source.file, text), limits, options.misfits),
  );
  if (!repair) return undefined;
  const read = parseYaml(repair.source, limits, { ...options, tabRepair: false });
  const tabs = repair.lines.map((l) =>
    source.diagnostic('yaml_tab_indentation', [l.offset, l.offset + 1], { spaces: l.spaces }),
  );
  return { ...(read.value ? { value: read.value } : {}), diagnostics: finish([...tabs, ...read.diagnostics]) };
}

/**
 * Gives each tag's problem the path of the node it is written on (the first node starting after
 * it), so a later stage can set that part aside and still check the rest of the file.
 */
function placeTags(
  diagnostics: Diagnostic[],
  tagged: readonly { readonly start: number; readonly path: string }[],
): void {
  for (const [i, d] of diagnostics.entries()) {
    const end = d.range?.[1];
    if (d.code !== 'yaml_unsupported_tag' || end === undefined) continue;
    let node: { readonly start: number; readonly path: string } | undefined;
    for (const t of tagged) if (t.start >= end && (node === undefined || t.start < node.start)) node = t;
    if (node !== undefined) diagnostics[i] = { ...d, path: node.path };
  }
}

/** A text with no document at all: the stream's own errors, then "empty". */
function streamProblems(source: SourceText, composer: Composer, limits: ParseLimits): Diagnostic[] {
  const stream = composer.streamInfo();
  const context = { source, limits, duplicates: new Map() };
  return [
    ...mapYamlErrors(stream.errors, 'error', context),
    ...mapYamlErrors(stream.warnings, 'warning', context),
    source.diagnostic('yaml_empty_document', [0, 0], {}),
  ];
}

/** A rule file is one document: the second one (and how many there are) is an error. */
function extraDocuments(source: SourceText, docs: readonly Document.Parsed[]): Diagnostic[] {
  const second = docs[1];
  if (!second) return [];
  return [source.diagnostic('yaml_multiple_documents', [second.range[0], second.range[1]], { count: docs.length })];
}

/** Where the document is empty (no contents, or a lone null), or undefined if it is not. */
function emptyContents(doc: Document.Parsed): [number, number] | undefined {
  const contents = doc.contents;
  if (contents !== null && !(isScalar(contents) && contents.value === null)) return undefined;
  const range = contents?.range;
  return range ? [range[0], range[1]] : [0, 0];
}

/**
 * yaml's errors that no indentation causes: a quote, an escape, an anchor, an alias, a tag, a
 * directive. A file with only these is not searched (the search re-reads the text up to a few
 * times: a fuzzed copy of the Lai Châu rules spent 2 s of CPU in it).
 */
const NOT_FROM_INDENTATION: ReadonlySet<string> = new Set([
  'MISSING_QUOTE',
  'BAD_DQ_ESCAPE',
  'BAD_ALIAS',
  'ALIAS_PROPS',
  'MULTIPLE_ANCHORS',
  'MULTIPLE_TAGS',
  'BAD_PROP_ORDER',
  'KEY_OVER_1024_CHARS',
  'BAD_DIRECTIVE',
  'TAB_AS_INDENT',
]);

/** How the search re-reads a changed part of the file: yaml's syntax errors, keyed as syntaxKey does. */
export function syntaxReader(file: string, limits: ParseLimits): ProblemsOf {
  return (text, firstLine) => syntaxProblems(new SourceText(file, text), firstLine, limits);
}

/**
 * An out-dented block shows as errors on other lines: say which line to indent instead.
 * `read` is the re-reader (a test counts what it is given).
 */
export function explainSyntaxErrors(
  source: SourceText,
  diagnostics: readonly Diagnostic[],
  limits: ParseLimits,
  read: ProblemsOf = syntaxReader(source.file, limits),
): Diagnostic[] {
  return explainOutdent(
    source,
    diagnostics,
    isSyntaxError,
    syntaxKey,
    read,
    // Syntax errors are local: each try re-reads only the block around them.
    { slice: true, narrow: true },
    (d) => !NOT_FROM_INDENTATION.has(String(d.params['reason'])),
  );
}

/** NUL is never valid in a rule file (yaml itself lets it through inside scalars). */
function findNulBytes(source: SourceText): Diagnostic[] {
  const out: Diagnostic[] = [];
  const text = source.text;
  for (let i = text.indexOf('\0'); i !== -1; i = text.indexOf('\0', i)) {
    let end = i;
    while (text.charCodeAt(end) === 0) end++;
    out.push(source.diagnostic('yaml_nul_byte', [i, end], { count: end - i }));
    i = end;
  }
  return out;
}

/** The first CR not followed by LF: past it, every line and column would be wrong. */
function findLoneCr(source: SourceText): Diagnostic | undefined {
  const first = /\r(?!\n)/.exec(source.text);
  if (!first) return undefined;
  return source.diagnostic('yaml_cr_line_ends', [first.index, first.index + 1], {});
}

/** One diagnostic per code and place, in source order. */
function isSyntaxError(d: Diagnostic): boolean {
  return d.code === 'yaml_syntax' && d.severity === 'error';
}

function syntaxKey(d: Diagnostic, firstLine = 1): string {
  return `${d.line + firstLine - 1}|${String(d.params['detail'])}`;
}

function duplicateKey(line: number, key: unknown): string {
  return `${line}|duplicate ${String(key)}`;
}

/**
 * The syntax errors and duplicate keys of a whole text, keyed as readTabRepaired does; and when
 * there is none, the caller's count of what is out of place in its value.
 */
function readingProblems(
  source: SourceText,
  limits: ParseLimits,
  misfits: ((value: unknown) => number) | undefined,
): { errors: string[]; misfits: number } {
  const docs = Array.from(new Composer(YAML_OPTIONS).compose(new Parser().parse(source.text)));
  const context = { source, limits, duplicates: new Map() };
  const out = docs
    .flatMap((doc) => mapYamlErrors(doc.errors, 'error', context))
    .filter(isSyntaxError)
    .map((d) => syntaxKey(d));
  for (const doc of docs)
    visit(doc, {
      Map: (_key, map) => {
        const seen = new Set<unknown>();
        for (const pair of map.items) {
          if (!isScalar(pair.key)) continue;
          const key = pair.key.value;
          if (seen.has(key)) out.push(duplicateKey(source.position(pair.key.range?.[0] ?? 0).line, key));
          seen.add(key);
        }
      },
    });
  const first = docs[0];
  if (out.length > 0 || misfits === undefined || first === undefined) return { errors: out, misfits: 0 };
  const plain = toPlain(first, source, limits);
  return { errors: out, misfits: plain.aborted ? 0 : misfits(plain.value) };
}

/**
 * The syntax errors of a text that starts at line `firstLine` of the file, keyed as syntaxKey
 * does: yaml's parser and composer only.
 */
function syntaxProblems(source: SourceText, firstLine: number, limits: ParseLimits): string[] {
  const docs = Array.from(new Composer(YAML_OPTIONS).compose(new Parser().parse(source.text)));
  const context = { source, limits, duplicates: new Map() };
  return docs
    .flatMap((doc) => mapYamlErrors(doc.errors, 'error', context))
    .filter(isSyntaxError)
    .map((d) => syntaxKey(d, firstLine));
}

function finish(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.code}@${d.range?.[0] ?? -1}:${d.range?.[1] ?? -1}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => (a.range?.[0] ?? -1) - (b.range?.[0] ?? -1) || a.code.localeCompare(b.code));
}
