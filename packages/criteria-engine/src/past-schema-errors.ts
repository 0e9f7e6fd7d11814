/**
 * Every problem at once, past schema errors. A rule file with a schema error in one place and a
 * misspelt fact, a bad table row or a duplicate id in another showed only the first; the rest
 * appeared after it was fixed. Here each part the schema refused is set aside (the unit holding
 * the error: a declaration, a criterion, a group, a disqualifier, a context rule, a level, a
 * parameter table's row, an optional part of `recognition:`), the rest is checked against the
 * schema again and, if sound, compiled, and the compile problems of those sound parts are added.
 * Multi-file rule folders the same way: each included fragment has its broken parts set aside.
 *
 * Some problems need nothing set aside, as compile never reads where they are: the header
 * (`id`, `version`, `effective` and its dates, `title`, `words`, `source`…) and the texts'
 * languages. An error compile cannot do without (no `groups:`, a broken `recognition.group_requirement`,
 * an unknown top-level key that may be a misspelt section, an include that cannot be read) leaves
 * the schema's problems alone, as before.
 *
 * Only problems of a part itself are kept: whole-ruleset checks (variant coverage) would speak of
 * a ruleset without the parts set aside, and an `at_least_count` checked against a group that
 * lost a criterion would count wrong. A problem that names a part set aside (a condition reading
 * a fact whose declaration is broken) follows from the schema error already shown: one root
 * cause, one message. Nothing here can make a file load: the schema errors stay.
 */
import type { ErrorObject } from 'ajv';
import type { CompileOptions, Fragment } from './compile/compile-ruleset.js';
import { compileRuleset } from './compile/compile-ruleset.js';
import type { DiagnosticCode } from './diagnostics/codes.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { DocumentPath, ParsedDocument } from './parse/index.js';
import type { RulesetDocument } from './validate/ruleset-document.js';
import { parsePointer } from './validate/schema-errors.js';
import { declaredLanguages, fillTextLanguages } from './validate/text-languages.js';
import { schemaErrorsOf } from './validate/validate-ruleset.js';

/** Compile problems that concern one part of the file, meaningful without the parts set aside. */
const LOCAL_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'expr_syntax',
  'expr_unknown_name',
  'expr_unknown_function',
  'expr_arity',
  'expr_type',
  'expr_enum_value',
  'expr_date_literal',
  'expr_limit',
  'expr_number_inexact',
  'expr_division_outside_derived',
  'derived_if_zero_missing',
  'parameter_key_unknown',
  'parameter_key_value',
  'date_invalid',
  'parameter_row_keys',
  'duplicate_id',
  'unknown_fact',
  'unknown_criterion',
  'unknown_group',
  'unknown_level',
  'unknown_disqualifier',
  'mandatory_below_level',
  'points_bands_order',
  'owner_conflict',
  'threshold_range',
  'threshold_decimals',
  'relation_invalid',
  'selector_not_context',
  'policy_missing',
  'definition_cycle',
]);

/** A reference to an id that is not there: maybe to an item set aside whose id cannot be read. */
const REFERENCE_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'unknown_criterion',
  'unknown_group',
  'unknown_level',
  'unknown_disqualifier',
]);

/** Top-level keys compile never reads: a problem there hides nothing compile could find. */
const HEADER_KEYS = new Set([
  'format',
  'id',
  'version',
  'effective',
  'languages',
  'title',
  'words',
  'source',
  'letterhead',
]);

/** Problems about a text's languages: compile reads no text, so nothing is set aside for them. */
const TEXT_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'text_language_missing',
  'text_language_undeclared',
]);

/** The top-level mappings whose entries are declarations (id: {…}), set aside one by one. */
const DECLARATION_SECTIONS = new Set(['facts', 'context', 'parameters', 'derived', 'definitions', 'owners']);

/** Top-level lists whose items are set aside one by one. */
const ITEM_SECTIONS = new Set(['disqualifiers', 'context_rules', 'levels']);

/** The keys of `recognition:` that may be left out (group_requirement may not). */
const OPTIONAL_RECOGNITION = new Set(['mandatory', 'disqualifiers', 'total_requirement', 'requirements', 'note']);

/** A document with its broken parts set aside: what compile may read of it. */
export interface SoundPart {
  /** The document seen without the parts set aside; its positions are those of the file as written. */
  readonly parsed: ParsedDocument;
  readonly doc: RulesetDocument;
  /** The ids and names the parts set aside declared: a problem naming one follows from them. */
  readonly names: ReadonlySet<string>;
  /** Of those, the names of declarations set aside (facts, context attributes, parameters…): the names expressions read. */
  readonly declared: ReadonlySet<string>;
  /** Whether an item set aside has no id one can read (a reference to a missing id may be to it). */
  readonly anonymous: boolean;
  /** Whether a group or a criterion was set aside (counts of criteria are then not the file's). */
  readonly criteriaCut: boolean;
}

/**
 * `parsed` without the parts its `problems` (parse/validate stage, errors and warnings) make
 * unsafe to compile; undefined when compile cannot run on what is left.
 */
export function soundPart(parsed: ParsedDocument, problems: readonly Diagnostic[]): SoundPart | undefined {
  if (!isRecord(parsed.value)) return undefined;
  const roots: DocumentPath[] = [];
  for (const d of problems) {
    if (d.severity !== 'error' || TEXT_CODES.has(d.code)) continue;
    if (d.path === undefined) return undefined;
    const path = parsePointer(d.path);
    if (inHeader(path, d.params['property'])) continue;
    const root = setAsideRoot(parsed.value, path);
    // An error in the frame of the file (its recognition rule, a whole section): nothing sound to compile.
    if (root === undefined) return undefined;
    roots.push(root);
  }
  roots.push(...tablesKeyedBy(parsed.value, declaredNames(roots)));
  const outermost = roots.filter((r) => !roots.some((o) => o !== r && o.length < r.length && isPrefix(o, r)));
  const names = new Set<string>();
  for (const r of outermost) namesIn(parsed.value, r, names);
  // A misspelt `id:` key (`idx: "1.1"`) still names its item: what refers to 1.1 follows from it.
  const misspeltIds: DocumentPath[] = [];
  for (const d of problems) {
    const path = d.path !== undefined ? parsePointer(d.path) : [];
    const written = valueAt(parsed.value, path);
    if (d.code === 'schema_unknown_property' && d.params['suggestion'] === 'id' && typeof written === 'string') {
      names.add(written);
      misspeltIds.push(path);
    }
  }
  // An item set aside whose id cannot be read (`id: []`): any reference to a missing id may be to it.
  // (Every item with an error, not only the outermost: a criterion with `id: []` in a group set aside.)
  const anonymous = roots.some(
    (r) =>
      ['groups', 'disqualifiers', 'levels'].includes(String(r[0])) &&
      !hasId(valueAt(parsed.value, r)) &&
      !misspeltIds.some((p) => p.length === r.length + 1 && isPrefix(r, p)),
  );
  const { value, indexMap } = without(parsed.value, outermost);
  // What is left must satisfy the schema but for the header: compile relies on every shape it reads.
  if (!schemaErrorsOf(value).every(headerError)) return undefined;
  const view = remapped(parsed, value, indexMap);
  // cast: the schema has accepted the document outside its header, which compile does not read.
  const doc = fillTextLanguages(value, declaredLanguages(value)) as RulesetDocument;
  const criteriaCut = outermost.some((r) => r[0] === 'groups');
  return { parsed: view, doc, names, declared: declaredNames(outermost), criteriaCut, anonymous };
}

export interface PastSchemaOptions {
  readonly compileOptions?: Partial<CompileOptions> | undefined;
  /**
   * The sound parts of the fragments `doc` includes (load-ruleset.ts reads them); undefined when
   * one cannot be read or has no sound part.
   */
  readonly fragments: (parsed: ParsedDocument, doc: RulesetDocument) => readonly SoundPart[] | undefined;
}

/**
 * The compile problems of the sound parts of `parsed` (and of the fragments it includes), whose
 * earlier problems are `earlier`: parse, validate and include problems, all already reported.
 */
export function problemsPastSchemaErrors(
  parsed: ParsedDocument,
  validateProblems: readonly Diagnostic[],
  earlier: readonly Diagnostic[],
  options: PastSchemaOptions,
): Diagnostic[] {
  const main = soundPart(parsed, validateProblems);
  if (main === undefined || main.doc.kind === 'fragment') return [];
  const included = options.fragments(main.parsed, main.doc);
  if (included === undefined) return [];
  const parts = [main, ...included];
  const names = new Set(parts.flatMap((p) => [...p.names]));
  const declared = new Set(parts.flatMap((p) => [...p.declared]));
  const anonymous = parts.some((p) => p.anonymous);
  const texts = new Map(parts.map((p) => [p.parsed.source.file, p.parsed.source.text]));
  const fragments: Fragment[] = included.map((f) => ({ parsed: f.parsed, doc: f.doc }));
  let compiled: Diagnostic[];
  try {
    compiled = compileRuleset(main.parsed, main.doc, options.compileOptions, fragments).diagnostics;
  } catch {
    // What is left satisfies the schema, so this is not expected; but this pass only adds problems
    // to a file already refused, and must never replace them with a failure of its own.
    return [];
  }
  const countStarts = main.criteriaCut ? atLeastCountStarts(main.parsed) : new Set<number>();
  // One problem at one place once: nothing where an earlier problem already stands.
  const taken = new Set(earlier.map(placeOf));
  const out: Diagnostic[] = [];
  for (const d of compiled) {
    if (d.severity === 'info' || !LOCAL_CODES.has(d.code) || mentions(d, names)) continue;
    if (readsSetAside(d, texts, declared) || (anonymous && REFERENCE_CODES.has(d.code))) continue;
    if (d.code === 'threshold_range' && d.file === parsed.source.file && countStarts.has(d.range?.[0] ?? -1)) continue;
    const place = placeOf(d);
    if (taken.has(place)) continue;
    taken.add(place);
    out.push(d);
  }
  return out;
}

function placeOf(d: Diagnostic): string {
  return `${d.code}\u0000${d.file}\u0000${d.line}\u0000${d.column}`;
}

/** Whether a problem at `path` lies in the header, which compile never reads. */
function inHeader(path: readonly string[], property: unknown): boolean {
  const top = path[0];
  if (top !== undefined) return HEADER_KEYS.has(top);
  // "missing property X" is placed at the document itself.
  return typeof property === 'string' && HEADER_KEYS.has(property);
}

/** A raw schema error that compile can ignore: in the header, or the root's `if` that chose a branch. */
function headerError(e: ErrorObject): boolean {
  if (e.instancePath === '') {
    if (e.keyword === 'if') return true;
    const missing = e.params['missingProperty'];
    return e.keyword === 'required' && typeof missing === 'string' && HEADER_KEYS.has(missing);
  }
  return inHeader(parsePointer(e.instancePath), undefined);
}

/**
 * The part to set aside for an error at `path`: the unit that holds it (see the file's comment);
 * undefined for an error outside every unit.
 */
function setAsideRoot(root: Record<string, unknown>, path: readonly string[]): DocumentPath | undefined {
  const [top, second, third, fourth] = path;
  if (top === undefined || second === undefined) return undefined;
  if (DECLARATION_SECTIONS.has(top)) {
    // A table's row alone: the other rows, and the table's own problems, are still checked.
    if (top === 'parameters' && third === 'values' && fourth !== undefined && isIndexIn(root, path.slice(0, 4)))
      return [top, second, third, Number(fourth)];
    return [top, second];
  }
  if (top === 'groups' || ITEM_SECTIONS.has(top)) {
    if (!isIndexIn(root, [top, second])) return undefined;
    if (top === 'groups' && third === 'criteria' && fourth !== undefined && isIndexIn(root, path.slice(0, 4)))
      return [top, Number(second), third, Number(fourth)];
    return [top, Number(second)];
  }
  if (top === 'recognition' && OPTIONAL_RECOGNITION.has(second)) {
    const list = valueAt(root, [top, second]);
    if (Array.isArray(list) && third !== undefined && isIndexIn(root, [top, second, third]))
      return [top, second, Number(third)];
    return [top, second];
  }
  return undefined;
}

/** Whether the last step of `path` is an index into a list of the document. */
function isIndexIn(root: unknown, path: readonly string[]): boolean {
  const list = valueAt(root, path.slice(0, -1));
  const step = path[path.length - 1];
  return Array.isArray(list) && step !== undefined && /^\d+$/.test(step) && Number(step) < list.length;
}

/** The names a part set aside declared: its key (a declaration), every `id` in it, or itself (a listed id). */
function namesIn(root: unknown, path: DocumentPath, out: Set<string>): void {
  const last = path[path.length - 1];
  const item = valueAt(root, path);
  if (typeof last === 'string' && path.length === 2 && DECLARATION_SECTIONS.has(String(path[0]))) out.add(last);
  if (typeof item === 'string') out.add(item);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) for (const n of node) walk(n);
    else if (isRecord(node)) {
      if (typeof node['id'] === 'string') out.add(node['id']);
      for (const v of Object.values(node)) walk(v);
    }
  };
  walk(item);
}

/** The names of the declarations at `roots` (`facts: {x: …}` declares x). */
function declaredNames(roots: readonly DocumentPath[]): Set<string> {
  const out = new Set<string>();
  for (const r of roots)
    if (r.length === 2 && DECLARATION_SECTIONS.has(String(r[0])) && typeof r[1] === 'string') out.add(r[1]);
  return out;
}

/**
 * The parameter tables keyed by a context attribute set aside: their rows would all look alike
 * (the key unknown), and every row a duplicate. They depend on the broken declaration: set aside too.
 */
function tablesKeyedBy(root: Record<string, unknown>, names: ReadonlySet<string>): DocumentPath[] {
  const parameters = root['parameters'];
  if (names.size === 0 || !isRecord(parameters)) return [];
  return Object.entries(parameters)
    .filter(
      ([, p]) => isRecord(p) && Array.isArray(p['by']) && p['by'].some((k) => typeof k === 'string' && names.has(k)),
    )
    .map(([id]) => ['parameters', id]);
}

/**
 * Whether the text a problem points at reads a declaration set aside (`at_least: income_min` when
 * the table income_min is broken reads as a comparison with a string): a follow-on, like a problem
 * that names it.
 */
function readsSetAside(d: Diagnostic, texts: ReadonlyMap<string, string>, declared: ReadonlySet<string>): boolean {
  const text = texts.get(d.file);
  if (declared.size === 0 || text === undefined || d.range === undefined) return false;
  for (const [word] of text.slice(d.range[0], d.range[1]).matchAll(/[A-Za-z_][A-Za-z0-9_]*/g))
    if (declared.has(word)) return true;
  return false;
}

function hasId(item: unknown): boolean {
  return typeof item === 'string' || (isRecord(item) && typeof item['id'] === 'string');
}

function mentions(d: Diagnostic, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  return Object.values(d.params).some((v) => typeof v === 'string' && names.has(v));
}

/** Where each `at_least_count` of the document starts: a count checked against criteria. */
function atLeastCountStarts(parsed: ParsedDocument): Set<number> {
  const out = new Set<number>();
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (Array.isArray(node)) {
      for (const [i, n] of node.entries()) walk(n, [...path, i]);
    } else if (isRecord(node))
      for (const [k, v] of Object.entries(node)) {
        if (k === 'at_least_count') {
          const range = parsed.rangeOf([...path, k]);
          if (range) out.add(range[0]);
        } else walk(v, [...path, k]);
      }
  };
  walk(parsed.value, []);
  return out;
}

/**
 * A copy of `value` without the parts at `roots`, and for each list that lost items, the
 * original index of each item kept (so positions still point into the file as written).
 */
function without(value: unknown, roots: readonly DocumentPath[]): { value: unknown; indexMap: Map<string, number[]> } {
  const copy = structuredClone(value);
  const indexMap = new Map<string, number[]>();
  // Per list that loses items (by its path as JSON): the list in the copy, its depth, the indexes.
  const removed = new Map<string, { list: unknown[]; depth: number; set: Set<number> }>();
  for (const root of roots) {
    const parentPath = root.slice(0, -1);
    const last = root[root.length - 1];
    const parent = valueAt(copy, parentPath);
    if (typeof last === 'number' && Array.isArray(parent)) {
      const key = JSON.stringify(parentPath);
      const entry = removed.get(key) ?? { list: parent, depth: parentPath.length, set: new Set<number>() };
      entry.set.add(last);
      removed.set(key, entry);
    } else if (typeof last === 'string' && isRecord(parent)) delete parent[last];
  }
  // Lists are cut after every removal is known, and deeper lists first, so no path moves under another.
  // Cut in place, so each list is still the one found above.
  const byDepth = [...removed].sort((a, b) => b[1].depth - a[1].depth);
  for (const [key, { list: parent, set }] of byDepth) {
    const kept = parent.map((_, i) => i).filter((i) => !set.has(i));
    const items = kept.map((i) => parent[i]);
    parent.length = 0;
    parent.push(...items);
    indexMap.set(key, kept);
  }
  return { value: copy, indexMap };
}

/** `parsed` seen through the copy: paths into the copy are turned back into paths into the file. */
function remapped(parsed: ParsedDocument, value: unknown, indexMap: ReadonlyMap<string, number[]>): ParsedDocument {
  const original = (path: DocumentPath): DocumentPath => {
    if (indexMap.size === 0) return path;
    const out: (string | number)[] = [];
    for (const step of path) {
      const kept = typeof step === 'number' ? indexMap.get(JSON.stringify(out)) : undefined;
      out.push(kept !== undefined && typeof step === 'number' ? (kept[step] ?? step) : step);
    }
    return out;
  };
  return {
    source: parsed.source,
    value,
    rangeOf: (path) => parsed.rangeOf(original(path)),
    keyRangeOf: (path) => parsed.keyRangeOf(original(path)),
    scalarContentOffset: (path, text) => parsed.scalarContentOffset(original(path), text),
  };
}

function valueAt(root: unknown, path: DocumentPath): unknown {
  let node = root;
  for (const step of path) {
    if (Array.isArray(node)) node = node[Number(step)];
    else if (isRecord(node)) node = node[String(step)];
    else return undefined;
  }
  return node;
}

function isPrefix(prefix: DocumentPath, path: DocumentPath): boolean {
  return prefix.every((step, i) => String(step) === String(path[i]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
