/**
 * What sits at an offset of a rule file, in the format's own terms: inside an expression, in a
 * field that names a fact (`fact:`, `part:`, `whole:`, `part_of:`, an owner's `facts:`), in a
 * threshold beside a fact, among the keys of a condition mapping (block or flow, `{ fact: x, | }`),
 * on a declaration, or on a criterion's id. Completion, hover and definition all start here, so
 * they agree on what the cursor is on.
 */
import { isMap, isScalar, isSeq, type Node as YamlNode, type Scalar, type YAMLMap } from 'yaml';
import { treeOf, type RuleTextOutline } from './outline.js';

export type YamlPath = readonly (string | number)[];

/** Where the offset fell in the YAML tree. */
interface Hit {
  readonly path: YamlPath;
  /** On a key, on a value (a scalar, or an empty value after its colon), or between entries. */
  readonly at: 'key' | 'value' | 'gap';
  readonly scalar?: Scalar;
  /** The mapping that holds the key or value (or that the gap is in). */
  readonly map?: YAMLMap;
}

export type Place =
  | { readonly kind: 'expression'; readonly path: YamlPath; readonly from: number; readonly to: number }
  | {
      /** A value that names a fact (or, for `fact:`, a context attribute too). */
      readonly kind: 'name-field';
      readonly path: YamlPath;
      readonly from: number;
      readonly to: number;
    }
  | {
      /** `at_least:`/`at_most:`/`equals:` beside `fact:` (`fact` is that fact's name). */
      readonly kind: 'threshold';
      readonly fact: string | undefined;
      readonly from: number;
      readonly to: number;
    }
  | { readonly kind: 'boolean-field'; readonly from: number; readonly to: number }
  | {
      /** A key of a condition mapping, or a gap where one may go; `present` are the keys written. */
      readonly kind: 'condition-keys';
      readonly percent: boolean;
      readonly present: readonly string[];
      readonly from: number;
      readonly to: number;
    }
  | {
      /** A condition not written yet (`condition:` with nothing after it): a form or an expression. */
      readonly kind: 'empty-condition';
      readonly from: number;
      readonly to: number;
    }
  | { readonly kind: 'declaration'; readonly name: string; readonly from: number; readonly to: number }
  | { readonly kind: 'criterion'; readonly item: YAMLMap; readonly from: number; readonly to: number };

/** Keys whose value is an expression wherever they appear. */
const EXPRESSION_KEYS = new Set(['applicable_when', 'when', 'required_when', 'require']);
const NAME_FIELDS_IN_CONDITION = new Set(['fact']);
const DECLARATION_SECTIONS = new Set(['facts', 'context', 'parameters', 'definitions']);
/** Lists whose items carry an `id` a person reads about on hover. */
const ITEM_LISTS = new Set(['groups', 'criteria', 'variants', 'disqualifiers']);

export function placeAt(outline: RuleTextOutline, offset: number): Place | undefined {
  const tree = treeOf(outline);
  if (!tree) return undefined;
  const hit = descend(tree, [], offset, outline.text);
  if (!hit) return undefined;
  const { path } = hit;
  const last = path[path.length - 1];
  // The list an item with this `id` sits in: `criteria`, `variants`… (`[list, index, "id"]`).
  const list = path[path.length - 3];
  const span = wordSpan(outline.text, offset, hit);

  if (hit.at === 'value' && typeof last === 'string' && EXPRESSION_KEYS.has(last)) return expression(hit, offset);
  const conditionDepth = conditionAt(path);
  if (conditionDepth === path.length) {
    // The condition itself: a string is an expression; nothing yet is a form or an expression.
    if (hit.at === 'value' && !hit.scalar) return { kind: 'empty-condition', ...span };
    if (hit.at === 'value') return expression(hit, offset);
    if (hit.at === 'gap' && hit.map) return conditionKeys(hit.map, false, span);
  }
  if (conditionDepth !== undefined && conditionDepth === path.length - 1 && typeof last === 'string') {
    if (hit.at === 'key') return hit.map ? conditionKeys(hit.map, false, span) : undefined;
    if (NAME_FIELDS_IN_CONDITION.has(last)) return { kind: 'name-field', path, ...span };
    if (last === 'is') return { kind: 'boolean-field', ...span };
    if (last === 'at_least' || last === 'at_most' || last === 'equals') {
      const fact = hit.map?.get('fact');
      return { kind: 'threshold', fact: typeof fact === 'string' ? fact : undefined, ...span };
    }
    if (last === 'percent' && hit.at === 'gap' && hit.map) return conditionKeys(hit.map, true, span);
  }
  if (conditionDepth !== undefined && conditionDepth === path.length - 2 && path[path.length - 2] === 'percent') {
    if (hit.at === 'key' && hit.map) return conditionKeys(hit.map, true, span);
    if (last === 'part' || last === 'whole') return { kind: 'name-field', path, ...span };
  }
  if (hit.at === 'value' && last === 'part_of' && path[0] === 'facts') return { kind: 'name-field', path, ...span };
  if (hit.at === 'value' && path[0] === 'owners' && path[2] === 'facts' && typeof last === 'number')
    return { kind: 'name-field', path, ...span };
  if (
    hit.at === 'key' &&
    path.length === 2 &&
    typeof path[0] === 'string' &&
    DECLARATION_SECTIONS.has(path[0]) &&
    typeof last === 'string'
  )
    return { kind: 'declaration', name: last, ...span };
  if (last === 'id' && hit.map && typeof list === 'string' && ITEM_LISTS.has(list))
    return { kind: 'criterion', item: hit.map, ...span };
  return undefined;
}

/** The path of the key under the offset, when the offset is on a key. */
export function keyPathAt(
  outline: RuleTextOutline,
  offset: number,
): { path: YamlPath; from: number; to: number } | undefined {
  const tree = treeOf(outline);
  const hit = tree ? descend(tree, [], offset, outline.text) : undefined;
  const range = hit?.scalar?.range;
  return hit?.at === 'key' && range ? { path: hit.path, from: range[0], to: range[1] } : undefined;
}

/**
 * The length of the path up to a condition node when `path` is inside one (a `condition:` value,
 * then `all`/`any` items and `not`), else undefined. `definitions.<name>.condition` counts too.
 */
function conditionAt(path: YamlPath): number | undefined {
  const start = path.lastIndexOf('condition');
  if (start < 0) return undefined;
  let i = start + 1;
  while (i < path.length) {
    const key = path[i];
    if ((key === 'all' || key === 'any') && typeof path[i + 1] === 'number' && i + 1 < path.length) i += 2;
    else if (key === 'not') i += 1;
    else break;
  }
  return i;
}

function expression(hit: Hit, offset: number): Place {
  const range = hit.scalar?.range;
  if (!range) return { kind: 'expression', path: hit.path, from: offset, to: offset };
  return { kind: 'expression', path: hit.path, from: range[0], to: range[1] };
}

function conditionKeys(map: YAMLMap, percent: boolean, span: { from: number; to: number }): Place {
  const present = map.items.flatMap((p) => (isScalar(p.key) && typeof p.key.value === 'string' ? [p.key.value] : []));
  return { kind: 'condition-keys', percent, present, ...span };
}

/** The word under the offset (what a completion replaces, what a hover covers). */
function wordSpan(text: string, offset: number, hit: Hit): { from: number; to: number } {
  if (hit.scalar?.range && hit.at !== 'gap') {
    const [start, end] = hit.scalar.range;
    const quoted = hit.scalar.type === 'QUOTE_DOUBLE' || hit.scalar.type === 'QUOTE_SINGLE';
    const from = quoted ? start + 1 : start;
    const to = quoted ? Math.max(from, end - 1) : valueEnd(text, start, end);
    return { from, to: Math.max(from, to) };
  }
  let from = offset;
  while (from > 0 && isNamePart(text.charCodeAt(from - 1))) from--;
  let to = offset;
  while (to < text.length && isNamePart(text.charCodeAt(to))) to++;
  return { from, to };
}

/** A plain scalar's range may run on over spaces and a comment; stop at the last word character. */
function valueEnd(text: string, start: number, end: number): number {
  let to = end;
  while (to > start && /\s/.test(text[to - 1] ?? '')) to--;
  return to;
}

export function isNamePart(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 /* _ */;
}

/** Deeper than any rule file goes; a hostile text nested further gets no assistance, not a stack overflow. */
const MAX_DEPTH = 256;

function descend(node: YamlNode, path: YamlPath, offset: number, text: string): Hit | undefined {
  if (path.length > MAX_DEPTH) return undefined;
  if (isMap(node)) {
    const items = node.items;
    for (const [i, pair] of items.entries()) {
      const key = pair.key;
      if (!isScalar(key) || !key.range) continue;
      const name = String(key.value);
      const here = [...path, name];
      if (offset >= key.range[0] && offset <= key.range[1]) return { path: here, at: 'key', scalar: key, map: node };
      const value = pair.value;
      const empty = value === null || value === undefined || (isScalar(value) && value.value === null);
      if (!empty && isNodeWithRange(value) && reaches(value, offset, text)) {
        if (isScalar(value)) return { path: here, at: 'value', scalar: value, map: node };
        return descend(value, here, offset, text) ?? { path: here, at: 'gap', ...(isMap(value) ? { map: value } : {}) };
      }
      if (empty) {
        const nextKey = items[i + 1]?.key;
        const limit = isNodeWithRange(nextKey) ? nextKey.range[0] : (node.range?.[1] ?? text.length);
        // The cursor after the colon, on the key's line or on blank lines under it.
        if (
          offset > key.range[1] &&
          offset <= Math.max(limit, offset) &&
          /^[ \t]*:[ \t]*(\r?\n[ \t]*)*$/.test(text.slice(key.range[1], offset))
        )
          return { path: here, at: 'value', map: node };
      }
    }
    if (node.range && offset > node.range[0] && offset < node.range[1]) return { path, at: 'gap', map: node };
    return undefined;
  }
  if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      if (!isNodeWithRange(item) || !reaches(item, offset, text)) continue;
      if (isScalar(item)) return { path: [...path, i], at: 'value', scalar: item };
      return (
        descend(item, [...path, i], offset, text) ?? {
          path: [...path, i],
          at: 'gap',
          ...(isMap(item) ? { map: item } : {}),
        }
      );
    }
    return undefined;
  }
  if (isScalar(node)) return { path, at: 'value', scalar: node };
  return undefined;
}

/**
 * The offset is inside the node, or (for a block collection) on blank space after it indented
 * deeper than the node starts: the cursor under an empty `condition:` at the end of a list item.
 */
function reaches(node: YamlNode & { range: [number, number, number] }, offset: number, text: string): boolean {
  const [start, end] = node.range;
  if (offset >= start && offset <= end) return true;
  if (offset < start || isScalar(node) || ((isMap(node) || isSeq(node)) && node.flow)) return false;
  const after = text.slice(end, offset);
  if (!/^\s*$/.test(after)) return false;
  return column(text, offset) > column(text, start);
}

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function isNodeWithRange(value: unknown): value is YamlNode & { range: [number, number, number] } {
  return (isMap(value) || isSeq(value) || isScalar(value)) && Array.isArray(value.range);
}
