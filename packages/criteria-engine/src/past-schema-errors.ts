/**
 * Every problem at once, past schema errors. A rule file with a schema error in one place and a
 * misspelt fact, a bad table row or a duplicate id in another showed only the first; the rest
 * appeared after it was fixed. Here each part the schema refused is set aside (the unit holding
 * the error: a declaration, a criterion, a group, a disqualifier, a context rule, a level, a
 * parameter table's row, an optional part of `recognition:`), the rest is checked against the
 * schema again and, if sound, compiled, and the compile problems of those sound parts are added.
 * Multi-file rule folders the same way: each included fragment has its broken parts set aside.
 *
 * A YAML problem that leaves the file readable (a duplicate key, a tag) sets aside the part that
 * holds it, as a schema error does. Some problems need nothing set aside, as compile never reads
 * where they are: the header (`id`, `version`, `effective` and its dates, `title`, `words`,
 * `source`…) and the texts' languages. An unknown top-level key (a misspelt section?) is set aside
 * with every name it declares; a broken or missing `recognition.group_requirement` gets a stand-in
 * nothing is said of; a declaration section or a list of items missing or of the wrong kind is
 * read as empty (what it may declare is then unknown: no name or reference to it is called
 * unknown); an include entry that cannot be read (or is refused) leaves its names unknown too.
 * Only an error in the frame of the file (no `groups:` or `recognition:`, or either of the wrong
 * kind) leaves the earlier problems alone.
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
import { parsePointer } from './diagnostics/pointer.js';
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

/**
 * The top-level keys of the format: a key not among them is unknown (maybe misspelt). Written
 * out rather than read from schemas/ruleset.schema.json, which would bring the schema's text
 * into every loader; a test keeps the two the same.
 */
export const KNOWN_KEYS: ReadonlySet<string> = new Set([
  'format',
  'kind',
  'id',
  'version',
  'effective',
  'languages',
  'title',
  'words',
  'source',
  'letterhead',
  'include',
  'context',
  'context_rules',
  'facts',
  'parameters',
  'derived',
  'definitions',
  'groups',
  'disqualifiers',
  'recognition',
  'levels',
  'owners',
]);

/** Top-level keys compile never reads: a problem there hides nothing compile could find. */
export const HEADER_KEYS: ReadonlySet<string> = new Set([
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

/**
 * Problems about a text's languages (compile reads no text), or about the file as a whole that
 * leave its one document read as written (a `%YAML` line, a second document after `---`): nothing
 * is set aside for them.
 */
const NOTHING_ASIDE: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'text_language_missing',
  'text_language_undeclared',
  'yaml_version_directive',
  'yaml_multiple_documents',
  // The file is read with spaces in the tab's place only when that reading has no syntax error.
  'yaml_tab_indentation',
]);

/**
 * What an unread file might have declared (an include that cannot be read, or set aside): the
 * names an expression or a fact's `part_of` reads. Problems saying such a name is unknown may
 * follow from it, and are left out.
 */
const UNKNOWN_NAME_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>(['expr_unknown_name', 'unknown_fact']);

/**
 * A stand-in for a `recognition.group_requirement` the schema refused: compile needs one for
 * every group without its own. It asks for nothing a group could fail to have (a count or points
 * could be more than a group holds), and any problem placed on it is left out.
 */
const STAND_IN_REQUIREMENT = { at_least_percent: 100 };

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
  /**
   * The references to missing ids that may be to a part set aside: all of them when an item set
   * aside has no id one can read; those to a level or a disqualifier when the whole list is.
   */
  readonly unsafeReferences: ReadonlySet<DiagnosticCode>;
  /** Whether a group or a criterion was set aside (counts of criteria are then not the file's). */
  readonly criteriaCut: boolean;
  /** The parts set aside, outermost only, as paths into the file as written. */
  readonly aside: readonly DocumentPath[];
  /**
   * Whether names may be declared where nothing was read: an `include:` entry set aside, an
   * unknown top-level key holding a list (a misspelt `include:`?), a declaration section left out.
   */
  readonly unknownNames: boolean;
}

/**
 * `parsed` without the parts its `problems` (parse/validate stage, errors and warnings) make
 * unsafe to compile; undefined when compile cannot run on what is left.
 */
export function soundPart(parsed: ParsedDocument, problems: readonly Diagnostic[]): SoundPart | undefined {
  if (!isRecord(parsed.value)) return undefined;
  const roots: DocumentPath[] = [];
  for (const d of problems) {
    if (d.severity !== 'error' || NOTHING_ASIDE.has(d.code)) continue;
    if (d.path === undefined) return undefined;
    const path = parsePointer(d.path);
    const property = d.params['property'];
    if (inHeader(path, property)) continue;
    const root = setAsideRoot(parsed.value, path, d.code === 'schema_unknown_property' ? undefined : property);
    // An error in the frame of the file (no groups, a whole section broken): nothing sound to compile.
    if (root === undefined) return undefined;
    roots.push(root);
  }
  // A context that is no mapping: every table keyed by it depends on what it would declare.
  const contextLost = roots.some((r) => r.length === 1 && r[0] === 'context' && !isRecord(valueAt(parsed.value, r)));
  roots.push(...tablesKeyedBy(parsed.value, declaredNames(parsed.value, roots), contextLost));
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
  const anonymousItem = roots.some(
    (r) =>
      r.length > 1 &&
      ['groups', 'disqualifiers', 'levels'].includes(String(r[0])) &&
      !hasId(valueAt(parsed.value, r)) &&
      !misspeltIds.some((p) => p.length === r.length + 1 && isPrefix(r, p)),
  );
  const { value, indexMap } = without(parsed.value, outermost);
  const recognition = isRecord(value) ? value['recognition'] : undefined;
  if (isRecord(recognition) && outermost.some((r) => isPrefix(REQUIREMENT, r)))
    recognition['group_requirement'] = { ...STAND_IN_REQUIREMENT };
  // A declaration section left out (or misspelt, and so set aside): declared empty, its names unknown.
  if (isRecord(value))
    for (const r of outermost)
      if (r.length === 1 && DECLARATION_SECTIONS.has(String(r[0])) && !(String(r[0]) in value))
        value[String(r[0])] = {};
  // What is left must satisfy the schema but for the header: compile relies on every shape it reads.
  if (!schemaErrorsOf(value).every(headerError)) return undefined;
  const view = remapped(parsed, value, indexMap);
  // cast: the schema has accepted the document outside its header, which compile does not read.
  const doc = fillTextLanguages(value, declaredLanguages(value)) as RulesetDocument;
  const criteriaCut = outermost.some((r) => r[0] === 'groups');
  // An include set aside, an unknown list (a misspelt `include:`?), a declaration section left
  // out or of the wrong kind (unless an unknown mapping, a misspelt section, declares names in its stead).
  const tops = outermost
    .filter((r) => r.length === 1)
    .map((r) => ({ key: String(r[0]), item: valueAt(parsed.value, r) }));
  const unknown = tops.filter((t) => !KNOWN_KEYS.has(t.key));
  const unknownNames =
    outermost.some((r) => r[0] === 'include') ||
    unknown.some((t) => Array.isArray(t.item)) ||
    (tops.some((t) => DECLARATION_SECTIONS.has(t.key) && !isRecord(t.item)) && !unknown.some((t) => isRecord(t.item)));
  // A list of items set aside whole (`levels: 5`): a reference to any of its ids may be to one of them.
  const unsafeReferences = new Set<DiagnosticCode>(anonymousItem ? REFERENCE_CODES : []);
  if (tops.some((t) => t.key === 'levels')) unsafeReferences.add('unknown_level');
  if (tops.some((t) => t.key === 'disqualifiers')) unsafeReferences.add('unknown_disqualifier');
  const declared = declaredNames(parsed.value, outermost);
  return { parsed: view, doc, names, declared, criteriaCut, unsafeReferences, aside: outermost, unknownNames };
}

const REQUIREMENT: DocumentPath = ['recognition', 'group_requirement'];

export interface PastSchemaOptions {
  readonly compileOptions?: Partial<CompileOptions> | undefined;
  /**
   * The sound parts of the fragments `doc` includes (load-ruleset.ts reads them), and whether one
   * could not be read or has no sound part (what it declares is then unknown).
   */
  readonly fragments: (
    parsed: ParsedDocument,
    doc: RulesetDocument,
  ) => { readonly parts: readonly SoundPart[]; readonly unread: boolean };
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
  const { parts: included, unread } = options.fragments(main.parsed, main.doc);
  const parts = [main, ...included];
  const names = new Set(parts.flatMap((p) => [...p.names]));
  const declared = new Set(parts.flatMap((p) => [...p.declared]));
  const unsafeReferences = new Set(parts.flatMap((p) => [...p.unsafeReferences]));
  const unknownNames = unread || parts.some((p) => p.unknownNames);
  // The text as written: the ranges of diagnostics point into it (a tab-indented file is read repaired).
  const texts = new Map(parts.map((p) => [p.parsed.source.file, p.parsed.source.writtenText]));
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
  // A stand-in requirement: nothing said of it is the file's.
  const written = valueAt(parsed.value, REQUIREMENT) !== undefined;
  const requirementAt =
    written && main.aside.some((r) => isPrefix(REQUIREMENT, r)) ? parsed.rangeOf(REQUIREMENT) : undefined;
  const standIn = requirementAt && parsed.source.writtenRange(requirementAt);
  // One problem at one place once: nothing where an earlier problem already stands.
  const taken = new Set(earlier.map(placeOf));
  const out: Diagnostic[] = [];
  // First the ids written twice where one of them was set aside: compile saw only one of them.
  for (const d of [...duplicatesSetAside(parsed, main.aside), ...compiled]) {
    if (d.severity === 'info' || !LOCAL_CODES.has(d.code)) continue;
    // An id written twice is so whatever else is wrong with either: its text is read as written.
    if (d.code !== 'duplicate_id' && (mentions(d, names) || readsSetAside(d, texts, declared))) continue;
    if (unsafeReferences.has(d.code)) continue;
    if (unknownNames && UNKNOWN_NAME_CODES.has(d.code)) continue;
    if (d.code === 'threshold_range' && d.file === parsed.source.file && countStarts.has(d.range?.[0] ?? -1)) continue;
    if (standIn && d.file === parsed.source.file && within(d.range, standIn)) continue;
    const place = placeOf(d);
    if (taken.has(place)) continue;
    taken.add(place);
    out.push(d);
  }
  return out;
}

/**
 * The ids of groups, criteria, disqualifiers and levels written twice where one of the two was set
 * aside: compile, which never saw it, cannot say so. Each later one is reported at its id, with
 * the line of the first, as compile reports a duplicate.
 */
function duplicatesSetAside(parsed: ParsedDocument, aside: readonly DocumentPath[]): Diagnostic[] {
  if (aside.length === 0) return [];
  const items: { kind: string; path: DocumentPath }[] = [];
  const listAt = (path: DocumentPath): unknown[] => {
    const list = valueAt(parsed.value, path);
    return Array.isArray(list) ? list : [];
  };
  const groups = listAt(['groups']);
  for (const gi of groups.keys()) items.push({ kind: 'group', path: ['groups', gi] });
  for (const gi of groups.keys())
    for (const ci of listAt(['groups', gi, 'criteria']).keys())
      items.push({ kind: 'criterion', path: ['groups', gi, 'criteria', ci] });
  for (const di of listAt(['disqualifiers']).keys()) items.push({ kind: 'disqualifier', path: ['disqualifiers', di] });
  for (const li of listAt(['levels']).keys()) items.push({ kind: 'level', path: ['levels', li] });
  const setAside = (path: DocumentPath) => aside.some((r) => isPrefix(r, path));
  const first = new Map<string, DocumentPath>();
  const out: Diagnostic[] = [];
  for (const { kind, path } of items) {
    const id = valueAt(parsed.value, [...path, 'id']);
    if (typeof id !== 'string') continue;
    const earlier = first.get(`${kind}\u0000${id}`);
    if (earlier === undefined) first.set(`${kind}\u0000${id}`, path);
    else if (setAside(earlier) || setAside(path)) {
      const at = parsed.rangeOf([...earlier, 'id']);
      out.push(
        parsed.source.diagnostic('duplicate_id', parsed.rangeOf([...path, 'id']), {
          kind,
          id,
          first_line: at ? parsed.source.position(at[0]).line : 0,
        }),
      );
    }
  }
  // Names, in the order compile declares them (context, facts, parameters, derived, definitions).
  const declaredFirst = new Map<string, DocumentPath>();
  for (const section of NAME_SECTIONS) {
    const entries = valueAt(parsed.value, [section]);
    if (!isRecord(entries)) continue;
    for (const name of Object.keys(entries)) {
      const path: DocumentPath = [section, name];
      const earlier = declaredFirst.get(name);
      if (earlier === undefined) declaredFirst.set(name, path);
      else if (setAside(earlier) || setAside(path)) {
        const at = parsed.keyRangeOf(earlier);
        out.push(
          parsed.source.diagnostic('duplicate_id', parsed.keyRangeOf(path), {
            kind: 'name',
            id: name,
            first_line: at ? parsed.source.position(at[0]).line : 0,
          }),
        );
      }
    }
  }
  return out;
}

/** The sections whose keys are names an expression reads: one name, one declaration. */
const NAME_SECTIONS = ['context', 'facts', 'parameters', 'derived', 'definitions'] as const;

function within(range: readonly [number, number] | undefined, outer: readonly [number, number]): boolean {
  return range !== undefined && range[0] >= outer[0] && range[0] < Math.max(outer[1], outer[0] + 1);
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
function setAsideRoot(
  root: Record<string, unknown>,
  path: readonly string[],
  missing: unknown,
): DocumentPath | undefined {
  const [top, second, third, fourth] = path;
  // A declaration section the file lacks (`facts:`): compiled as declared empty.
  if (top === undefined)
    return typeof missing === 'string' && DECLARATION_SECTIONS.has(missing) ? [missing] : undefined;
  // A key the format does not know (maybe a misspelt section): what it holds is set aside, and
  // the names it declares with it.
  if (!KNOWN_KEYS.has(top)) return path.length === 1 ? [top] : undefined;
  if (second === undefined) {
    // No group_requirement at all: a stand-in takes its place, as for a broken one.
    if (top === 'recognition' && missing === 'group_requirement') return [...REQUIREMENT];
    // A whole section of the wrong kind (`facts: []`, `levels: 5`): set aside, read as empty.
    return DECLARATION_SECTIONS.has(top) || ITEM_SECTIONS.has(top) ? [top] : undefined;
  }
  if (top === 'include') return isIndexIn(root, [top, second]) ? [top, Number(second)] : undefined;
  if (top === 'recognition' && second === 'group_requirement') return [...REQUIREMENT];
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
  if (path.length === 1 && isRecord(item)) for (const key of Object.keys(item)) out.add(key);
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

/**
 * The names of the declarations at `roots` (`facts: {x: …}` declares x), and the keys of an
 * unknown top-level mapping (`factz: {x: …}` may declare x).
 */
function declaredNames(root: unknown, roots: readonly DocumentPath[]): Set<string> {
  const out = new Set<string>();
  for (const r of roots) {
    if (r.length === 2 && DECLARATION_SECTIONS.has(String(r[0])) && typeof r[1] === 'string') out.add(r[1]);
    const item = valueAt(root, r);
    if (r.length === 1 && isRecord(item)) for (const key of Object.keys(item)) out.add(key);
  }
  return out;
}

/**
 * The parameter tables keyed by a context attribute set aside: their rows would all look alike
 * (the key unknown), and every row a duplicate. They depend on the broken declaration: set aside too.
 */
function tablesKeyedBy(root: Record<string, unknown>, names: ReadonlySet<string>, any: boolean): DocumentPath[] {
  const parameters = root['parameters'];
  if ((names.size === 0 && !any) || !isRecord(parameters)) return [];
  return Object.entries(parameters)
    .filter(
      ([, p]) =>
        isRecord(p) && Array.isArray(p['by']) && p['by'].some((k) => any || (typeof k === 'string' && names.has(k))),
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

/**
 * Whether a problem is about a name set aside. A suggestion is not what the problem is about: an
 * unknown `1.9` whose nearest id is the set-aside `1.1` is still unknown.
 */
function mentions(d: Diagnostic, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  return Object.entries(d.params).some(([k, v]) => k !== 'suggestion' && typeof v === 'string' && names.has(v));
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
          if (range) out.add(parsed.source.writtenRange(range)[0]);
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
