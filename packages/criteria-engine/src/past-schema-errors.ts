/**
 * Every problem at once, past schema errors. A rule file with a schema error in one criterion and
 * a misspelt fact in another's condition showed only the first; the second appeared after the
 * first was fixed. Here the parts the schema refused are set aside (the nearest list item or
 * declaration holding each error), the rest is validated again and, if sound, compiled, and the
 * compile problems of those sound parts are added.
 *
 * Only problems local to a sound part are kept (an expression, a reference, a duplicate id, a
 * threshold): whole-ruleset checks (variant coverage, policies) would speak of a ruleset that
 * lacks the parts set aside. A problem that names a part set aside (a condition reading a fact
 * whose declaration is broken) follows from the schema error already shown, so it is left out:
 * one root cause, one message. Nothing here can make a file load: the schema errors stay.
 */
import type { CompileOptions, Fragment } from './compile/compile-ruleset.js';
import { compileRuleset } from './compile/compile-ruleset.js';
import type { DiagnosticCode } from './diagnostics/codes.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { DocumentPath, ParsedDocument } from './parse/index.js';
import type { RulesetDocument } from './validate/ruleset-document.js';
import { parsePointer } from './validate/schema-errors.js';
import { validateRulesetDocument } from './validate/validate-ruleset.js';

/** Compile problems that concern one part of the file, meaningful without the parts set aside. */
const LOCAL_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'expr_syntax',
  'expr_unknown_name',
  'expr_unknown_function',
  'expr_arity',
  'expr_type',
  'expr_enum_value',
  'expr_limit',
  'expr_number_inexact',
  'duplicate_id',
  'unknown_fact',
  'unknown_criterion',
  'unknown_group',
  'owner_conflict',
  'threshold_range',
  'relation_invalid',
  'selector_not_context',
  'definition_cycle',
]);

/** The top-level mappings whose entries are declarations (id: {…}), set aside one by one. */
const DECLARATION_SECTIONS = new Set(['facts', 'context', 'parameters', 'definitions', 'owners']);

export interface PastSchemaOptions {
  readonly compileOptions?: Partial<CompileOptions> | undefined;
  /** The included fragments of a document, as load-ruleset.ts reads them; undefined when they cannot be read. */
  readonly fragments: (parsed: ParsedDocument, doc: RulesetDocument) => readonly Fragment[] | undefined;
}

/** The compile problems of the sound parts of `parsed`, whose schema problems are `schemaProblems`. */
export function problemsPastSchemaErrors(
  parsed: ParsedDocument,
  schemaProblems: readonly Diagnostic[],
  options: PastSchemaOptions,
): Diagnostic[] {
  const errors = schemaProblems.filter((d) => d.severity === 'error');
  if (errors.length === 0 || !isRecord(parsed.value)) return [];
  const roots: DocumentPath[] = [];
  for (const d of errors) {
    if (d.path === undefined) return [];
    const root = setAsideRoot(parsed.value, parsePointer(d.path));
    // An error in the frame of the file (its title, its recognition rule): nothing sound to compile.
    if (root === undefined) return [];
    roots.push(root);
  }
  const outermost = roots.filter((r) => !roots.some((o) => o !== r && o.length < r.length && isPrefix(o, r)));
  const names = new Set(outermost.map((r) => nameOf(parsed.value, r)).filter((n): n is string => n !== undefined));
  const { value, indexMap } = without(parsed.value, outermost);
  const view = remapped(parsed, value, indexMap);
  const revalidated = validateRulesetDocument(view);
  if (!revalidated.value || revalidated.value.kind === 'fragment') return [];
  const fragments = options.fragments(view, revalidated.value);
  if (fragments === undefined) return [];
  let compiled: Diagnostic[];
  try {
    compiled = compileRuleset(view, revalidated.value, options.compileOptions, fragments).diagnostics;
  } catch {
    // The rest validated, so this is not expected; but this pass only adds problems to a file
    // already refused, and must never replace them with a failure of its own.
    return [];
  }
  return compiled.filter((d) => d.severity !== 'info' && LOCAL_CODES.has(d.code) && !mentions(d, names));
}

/**
 * The part to set aside for an error at `path`: the nearest list item holding it, or the
 * declaration (`facts: {x: …}`) holding it; undefined for an error outside both.
 */
function setAsideRoot(root: Record<string, unknown>, path: readonly string[]): DocumentPath | undefined {
  let found: DocumentPath | undefined;
  let node: unknown = root;
  const at: (string | number)[] = [];
  for (const step of path) {
    if (Array.isArray(node)) {
      const i = Number(step);
      at.push(i);
      found = [...at];
      node = node[i];
    } else if (isRecord(node)) {
      at.push(step);
      if (at.length === 2 && DECLARATION_SECTIONS.has(String(at[0]))) found = [...at];
      node = node[step];
    } else break;
  }
  return found;
}

/** The id of the part set aside (a declaration's key, a list item's `id`), to spot its follow-on problems. */
function nameOf(root: unknown, path: DocumentPath): string | undefined {
  const last = path[path.length - 1];
  if (typeof last === 'string') return last;
  const item = valueAt(root, path);
  return isRecord(item) && typeof item['id'] === 'string' ? item['id'] : undefined;
}

function mentions(d: Diagnostic, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  return Object.values(d.params).some((v) => typeof v === 'string' && names.has(v));
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
