/**
 * The parse stage: YAML text → plain data, as plain YAML 1.2 with the core schema only.
 *
 * It collects every problem it can find in one pass. A value is returned whenever the data
 * could be read without guessing (no syntax error, no resource limit hit, not empty), even if
 * other errors were found, so the next stage can report its problems in the same run.
 * A caller must still refuse to compile a file whose diagnostics contain errors.
 */
import { Composer, isScalar, Parser } from 'yaml';
import type { CST, DocumentOptions, ParseOptions, SchemaOptions } from 'yaml';
import type { Diagnostic, StageResult } from '../diagnostics/diagnostic.js';
import { SourceText } from '../diagnostics/source.js';
import { scanCst } from './cst-scan.js';
import { flowTooDeep } from './flow-depth.js';
import { explainOutdent } from './indentation-hint.js';
import { resolveParseLimits } from './limits.js';
import type { ParseLimits } from './limits.js';
import { createParsedDocument } from './parsed-document.js';
import type { ParsedDocument } from './parsed-document.js';
import { toPlain } from './to-plain.js';
import { mapYamlErrors } from './yaml-errors.js';

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

export function parseYaml(source: SourceText, limits?: Partial<ParseLimits>): StageResult<ParsedDocument> {
  const resolved = resolveParseLimits(limits);
  const diagnostics: Diagnostic[] = [...findNulBytes(source)];

  // Brackets nested past the limit stop the file before yaml's parser tokenizes all of them.
  const deep = flowTooDeep(source.text, resolved.maxDepth);
  if (deep !== undefined) {
    diagnostics.push(source.diagnostic('yaml_depth_limit', [deep, deep + 1], { max: resolved.maxDepth }));
    return { diagnostics: finish(diagnostics) };
  }
  const tokens: CST.Token[] = Array.from(new Parser().parse(source.text));
  const cst = scanCst(tokens, resolved.maxDepth, resolved.maxScalarChars);
  for (const tag of cst.tags) {
    diagnostics.push(
      source.diagnostic('yaml_unsupported_tag', [tag.offset, tag.offset + tag.source.length], { tag: tag.source }),
    );
  }
  for (const directive of cst.directives) {
    const version = /^%YAML[ \t]+(\S+)/.exec(directive.source)?.[1];
    if (version !== undefined && version !== '1.2') {
      diagnostics.push(
        source.diagnostic('yaml_version_directive', [directive.offset, directive.offset + directive.source.length], {
          version,
        }),
      );
    }
  }
  for (const long of cst.tooLong) {
    diagnostics.push(
      source.diagnostic('yaml_scalar_too_long', [long.offset, long.offset + 1], {
        length: long.length,
        max: resolved.maxScalarChars,
      }),
    );
  }
  if (cst.tooLong.length > 0) return { diagnostics: finish(diagnostics) };
  if (cst.tooDeep) {
    // Composing would recurse once per level; stop here rather than risk the stack.
    diagnostics.push(
      source.diagnostic('yaml_depth_limit', [cst.tooDeep.offset, cst.tooDeep.end], { max: resolved.maxDepth }),
    );
    return { diagnostics: finish(diagnostics) };
  }

  const composer = new Composer(YAML_OPTIONS);
  const docs = Array.from(composer.compose(tokens));
  const first = docs[0];
  if (!first) {
    const stream = composer.streamInfo();
    const context = { source, limits: resolved, duplicates: new Map() };
    diagnostics.push(
      ...mapYamlErrors(stream.errors, 'error', context),
      ...mapYamlErrors(stream.warnings, 'warning', context),
    );
    diagnostics.push(source.diagnostic('yaml_empty_document', [0, 0], {}));
    return { diagnostics: finish(diagnostics) };
  }
  const second = docs[1];
  if (second) {
    diagnostics.push(
      source.diagnostic('yaml_multiple_documents', [second.range[0], second.range[1]], { count: docs.length }),
    );
  }

  const contents = first.contents;
  const empty = contents === null || (isScalar(contents) && contents.value === null);
  if (empty) {
    const range = contents?.range;
    diagnostics.push(source.diagnostic('yaml_empty_document', range ? [range[0], range[1]] : [0, 0], {}));
  }

  const plain = toPlain(first, source, resolved);
  diagnostics.push(...plain.diagnostics);
  const context = { source, limits: resolved, duplicates: plain.duplicates };
  diagnostics.push(
    ...mapYamlErrors(first.errors, 'error', context),
    ...mapYamlErrors(first.warnings, 'warning', context),
  );

  const guessed = diagnostics.some(isSyntaxError);
  if (guessed) {
    // An out-dented block shows as errors on other lines: say which line to indent instead.
    const explained = explainOutdent(
      source,
      diagnostics,
      isSyntaxError,
      syntaxKey,
      (text, firstLine) => syntaxProblems(new SourceText(source.file, text), firstLine, resolved),
      { slice: true },
    );
    return { diagnostics: finish(explained) };
  }
  if (empty || plain.aborted) return { diagnostics: finish(diagnostics) };
  return { value: createParsedDocument(source, first, plain.value), diagnostics: finish(diagnostics) };
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

/** One diagnostic per code and place, in source order. */
function isSyntaxError(d: Diagnostic): boolean {
  return d.code === 'yaml_syntax' && d.severity === 'error';
}

function syntaxKey(d: Diagnostic, firstLine = 1): string {
  return `${d.line + firstLine - 1}|${String(d.params['detail'])}`;
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
