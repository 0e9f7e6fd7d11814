/**
 * The parse stage's output: the plain value plus a way back from a path in that value to the
 * place in the file it came from. Later stages report problems by path (an ajv `instancePath`,
 * a criterion index…) and use `rangeOf` / `keyRangeOf` to point at the right line and column.
 */
import { isAlias, isMap, isNode, isScalar, isSeq } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import type { Range } from '../diagnostics/diagnostic.js';
import type { SourceText } from '../diagnostics/source.js';

/** A path into the plain value: mapping keys and list indexes. */
export type DocumentPath = readonly (string | number)[];

export interface ParsedDocument {
  readonly source: SourceText;
  /** Plain JSON-like data: objects, arrays, strings, finite or non-finite numbers, booleans, null. */
  readonly value: unknown;
  /**
   * Range of the node at `path`. For a path that does not exist (a missing property), the range
   * of the nearest existing ancestor, so "missing X" points at the mapping that lacks it.
   */
  rangeOf(path: DocumentPath): Range | undefined;
  /** Range of the mapping key at `path` (for "unknown property"); undefined if it is not a key. */
  keyRangeOf(path: DocumentPath): Range | undefined;
  /**
   * Where the text of the string `value` held at `path` starts in the file: after an opening
   * quote or a block indicator. Expressions are parsed with this offset, so their problems point
   * at the right column.
   */
  scalarContentOffset(path: DocumentPath, value: string): number;
}

export function createParsedDocument(source: SourceText, doc: Document.Parsed, value: unknown): ParsedDocument {
  const walk = createWalker(doc);
  return Object.freeze({
    source,
    value,
    rangeOf: (path: DocumentPath) => rangeOfNode(walk(path).node),
    keyRangeOf: (path: DocumentPath) => {
      const { pair, complete } = walk(path);
      return complete && pair && isScalar(pair.key) ? rangeOfNode(pair.key) : undefined;
    },
    scalarContentOffset: (path: DocumentPath, value: string) => {
      const range = rangeOfNode(walk(path).node);
      if (!range) return 0;
      const raw = source.text.slice(range[0], range[1]);
      const at = raw.indexOf(value);
      if (at >= 0) return range[0] + at;
      const first = raw[0];
      return range[0] + (first === '"' || first === "'" ? 1 : 0);
    },
  });
}

interface WalkResult {
  /** The node at the path, or the nearest existing ancestor. */
  readonly node: Node | null;
  /** The mapping pair that held the last step, when that step was a key. */
  readonly pair?: Pair;
  /** Whether every step of the path was found. */
  readonly complete: boolean;
}

/**
 * Finds the node at a path. Each mapping's keys are indexed on first use: a search through the
 * pairs for every located problem made 20,000 unknown facts cost 20,000² comparisons.
 */
function createWalker(doc: Document.Parsed): (path: DocumentPath) => WalkResult {
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, key: string): Pair | undefined => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      // The first pair wins, as in the plain value (a duplicate key is an error anyway).
      for (const p of map.items) {
        const k = isScalar(p.key) ? String(p.key.value) : undefined;
        if (k !== undefined && !index.has(k)) index.set(k, p);
      }
      indexes.set(map, index);
    }
    return index.get(key);
  };
  return (path) => {
    let node: Node | null = doc.contents;
    let pair: Pair | undefined;
    for (const step of path) {
      // Follow an alias to its anchor to look inside it; aliases never point at aliases.
      const inner: Node | null | undefined = isAlias(node) ? node.resolve(doc) : node;
      if (isMap(inner)) {
        const found = pairOf(inner, String(step));
        if (!found) return { node, complete: false };
        pair = found;
        // A key written without a value (`effective:`) is located at its key.
        node = isNode(found.value) ? found.value : isNode(found.key) ? found.key : null;
      } else if (isSeq(inner)) {
        const index = typeof step === 'number' ? step : /^(0|[1-9][0-9]*)$/.test(step) ? Number(step) : -1;
        const next = inner.items[index];
        if (!isNode(next)) return { node, complete: false };
        pair = undefined;
        node = next;
      } else {
        return { node, complete: false };
      }
    }
    return { node, complete: true, ...(pair ? { pair } : {}) };
  };
}

function rangeOfNode(node: Node | null | undefined): Range | undefined {
  const range = node?.range;
  return range ? [range[0], range[1]] : undefined;
}
