/**
 * Builds the assessment of each case from its layers: the base or earlier case it `extends`, the
 * assessment file it names, then its own `area`, `context` and `facts`. Every value remembers
 * where it was written (which file, which YAML path), so a bad fact inherited from a base or read
 * from an assessment file is reported at that line, not at the case.
 */
import type { CompiledRuleset, LocatedInput } from '../compile/compiled-ruleset.js';
import type { Diagnostic, Range } from '../diagnostics/diagnostic.js';
import { SourceText } from '../diagnostics/source.js';
import { closest } from '../diagnostics/suggest.js';
import { parseYaml, type DocumentPath, type ParsedDocument } from '../parse/index.js';
import { toPointer } from '../diagnostics/pointer.js';
import { resolveRelative } from './resolve-path.js';
import type { RunTestOptions } from './result.js';
import type { TestLayer } from './test-cases-document.js';

/** Where a value was written. */
export interface Origin {
  readonly doc: ParsedDocument;
  readonly path: DocumentPath;
}

interface Placed {
  readonly value: unknown;
  readonly origin: Origin;
}

const SECTIONS = ['area', 'context', 'facts'] as const;
type Section = (typeof SECTIONS)[number];

/** The input of a base or a case: its values by section, each with its origin. */
export interface BuiltInput {
  readonly values: Readonly<Record<Section, ReadonlyMap<string, Placed>>>;
  /** The last mapping that wrote each section (for problems about the section as a whole). */
  readonly sections: Readonly<Partial<Record<Section, Origin>>>;
  /** Problems met while building it, its bases' included. */
  readonly diagnostics: readonly Diagnostic[];
  /** True when a layer could not be read: the input is incomplete and must not be evaluated. */
  readonly broken: boolean;
  /** The file of the first layer: the assessment file a base names, or the test file itself. */
  readonly root: string;
}

/** What `extends` can name: bases, then cases, in the order written. */
export type Registry = Map<string, BuiltInput>;

interface Loaded {
  readonly doc?: ParsedDocument;
  readonly diagnostics: readonly Diagnostic[];
}

/** Assessment files read during one run, by resolved path. */
export type AssessmentCache = Map<string, Loaded>;

const MAX_LISTED_NAMES = 12;

export function buildInput(
  layer: TestLayer,
  at: DocumentPath,
  testDoc: ParsedDocument,
  registry: Registry,
  ruleset: CompiledRuleset,
  cache: AssessmentCache,
  options: RunTestOptions,
): BuiltInput {
  const values: Record<Section, Map<string, Placed>> = { area: new Map(), context: new Map(), facts: new Map() };
  const sections: Partial<Record<Section, Origin>> = {};
  const diagnostics: Diagnostic[] = [];
  let broken = false;
  let root: string | undefined;

  // A layer of the test file, or an assessment file's value (checked to be a mapping when loaded).
  const overlay = (doc: ParsedDocument, base: DocumentPath, data: unknown) => {
    if (!isRecord(data)) return;
    for (const section of SECTIONS) {
      const part = data[section];
      if (!isRecord(part)) continue;
      sections[section] = { doc, path: [...base, section] };
      for (const [key, value] of Object.entries(part)) {
        values[section].set(key, { value, origin: { doc, path: [...base, section, key] } });
      }
    }
  };

  if (layer.extends !== undefined) {
    const found = registry.get(layer.extends);
    if (found === undefined) {
      const names = [...registry.keys()];
      const suggestion = closest(layer.extends, names);
      diagnostics.push(
        testDoc.source.diagnostic(
          'schema_enum',
          testDoc.rangeOf([...at, 'extends']),
          {
            actual: layer.extends,
            allowed: listNames(names),
            ...(suggestion ? { suggestion } : {}),
          },
          { path: toPointer([...at, 'extends']) },
        ),
      );
      broken = true;
    } else {
      for (const section of SECTIONS) for (const [k, v] of found.values[section]) values[section].set(k, v);
      Object.assign(sections, found.sections);
      diagnostics.push(...found.diagnostics);
      broken ||= found.broken;
      root = found.root;
    }
  }

  if (layer.assessment !== undefined) {
    const where = testDoc.rangeOf([...at, 'assessment']);
    const loaded = loadAssessment(layer.assessment, testDoc, where, ruleset, cache, options);
    diagnostics.push(...loaded.diagnostics);
    if (loaded.doc === undefined) broken = true;
    else {
      overlay(loaded.doc, [], loaded.doc.value);
      root ??= loaded.doc.source.file;
    }
  }

  overlay(testDoc, at, layer);
  return { values, sections, diagnostics, broken, root: root ?? testDoc.source.file };
}

/** The assessment value the engine checks and evaluates. */
export function toAssessment(input: BuiltInput): Record<string, unknown> {
  const section = (s: Section) => Object.fromEntries([...input.values[s]].map(([k, v]) => [k, v.value]));
  // null in `area:` removes an inherited value (a base's date), as it does for a fact; an area
  // has no unknown values to keep, so the key goes.
  const area = Object.fromEntries([...input.values.area].flatMap(([k, v]) => (v.value === null ? [] : [[k, v.value]])));
  return {
    ...(Object.keys(area).length > 0 ? { area } : {}),
    context: section('context'),
    facts: section('facts'),
  };
}

/**
 * Locates a path of the assessment (as validateAssessment reports it: `['facts', 'total_items']`,
 * `['context']`, …) at the place that wrote it. Falls back to `fallback` (the case itself).
 */
function originOf(input: BuiltInput, path: readonly (string | number)[], fallback: Origin): Origin {
  const [section, key, ...rest] = path;
  if (section === 'area' || section === 'context' || section === 'facts') {
    if (key !== undefined) {
      const placed = input.values[section].get(String(key));
      if (placed) return { doc: placed.origin.doc, path: [...placed.origin.path, ...rest] };
    }
    return input.sections[section] ?? fallback;
  }
  return fallback;
}

/** The LocatedInput of one case for validateAssessment: positions in the test file. */
export function locatedInput(input: BuiltInput, testDoc: ParsedDocument, fallback: Origin): LocatedInput {
  return {
    source: testDoc.source,
    rangeOf: (path) => {
      const origin = originOf(input, path, fallback);
      return origin.doc === testDoc ? testDoc.rangeOf(origin.path) : undefined;
    },
  };
}

/**
 * validateAssessment locates in the test file only; a value that came from an assessment file is
 * re-located there, so the message names that file, line and column.
 */
export function relocate(
  diagnostics: readonly Diagnostic[],
  input: BuiltInput,
  testDoc: ParsedDocument,
  fallback: Origin,
): Diagnostic[] {
  return diagnostics.map((d) => {
    if (d.path === undefined) return d;
    const origin = originOf(input, d.path.split('/').slice(1), fallback);
    if (origin.doc === testDoc) return d;
    return origin.doc.source.diagnosticOfAnyCode(d.code, origin.doc.rangeOf(origin.path), d.params, {
      severity: d.severity,
      path: d.path,
    });
  });
}

function loadAssessment(
  reference: string,
  testDoc: ParsedDocument,
  where: Range | undefined,
  ruleset: CompiledRuleset,
  cache: AssessmentCache,
  options: RunTestOptions,
): Loaded {
  const path = resolveRelative(testDoc.source.file, reference);
  const cached = cache.get(path);
  if (cached) return cached;
  const loaded = readAssessmentDocument(path, testDoc, where, ruleset, options);
  cache.set(path, loaded);
  return loaded;
}

function readAssessmentDocument(
  path: string,
  testDoc: ParsedDocument,
  where: Range | undefined,
  ruleset: CompiledRuleset,
  options: RunTestOptions,
): Loaded {
  // A file that cannot be read is reported at the `assessment:` line that names it.
  const text = options.readFile
    ? options.readFile(path)
    : testDoc.source.diagnostic('file_unreadable', where, {
        path,
        detail: 'no file reader here: run the cases with runTestDirectory (./node) or lcz test',
      });
  if (typeof text !== 'string') {
    return { diagnostics: [testDoc.source.diagnosticOfAnyCode(text.code, where, text.params)] };
  }
  const parsed = parseYaml(new SourceText(path, text));
  const doc = parsed.value;
  if (!doc || parsed.diagnostics.some((d) => d.severity === 'error')) return { diagnostics: parsed.diagnostics };
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const value = doc.value;
  if (!isRecord(value)) {
    diagnostics.push(
      doc.source.diagnostic('input_shape', doc.rangeOf([]), { expected: 'assessment', path: '/' }, { path: '' }),
    );
    return { diagnostics };
  }
  for (const key of Object.keys(value)) {
    if (key === 'ruleset' || key === 'area' || key === 'context' || key === 'facts') continue;
    diagnostics.push(
      doc.source.diagnostic(
        'input_shape',
        doc.keyRangeOf([key]) ?? doc.rangeOf([key]),
        { expected: 'ruleset, area, context, facts', path: `/${key}` },
        { path: `/${key}` },
      ),
    );
  }
  for (const section of SECTIONS) {
    if (value[section] !== undefined && !isRecord(value[section])) {
      diagnostics.push(
        doc.source.diagnostic(
          'input_shape',
          doc.rangeOf([section]),
          { expected: 'object', path: `/${section}` },
          { path: `/${section}` },
        ),
      );
    }
  }
  if (typeof value['ruleset'] === 'string' && value['ruleset'] !== ruleset.id) {
    diagnostics.push(
      doc.source.diagnostic(
        'version_mismatch',
        doc.rangeOf(['ruleset']),
        { expected: ruleset.id, actual: value['ruleset'] },
        { path: '/ruleset' },
      ),
    );
  }
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { doc, diagnostics };
}

function listNames(names: readonly string[]): string {
  if (names.length === 0) return '—';
  const shown = names.slice(0, MAX_LISTED_NAMES).map((n) => `"${n}"`);
  return names.length > MAX_LISTED_NAMES
    ? `${shown.join(', ')}, … (${names.length - MAX_LISTED_NAMES} more)`
    : shown.join(', ');
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
