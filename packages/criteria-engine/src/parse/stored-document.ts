/**
 * A parsed document kept as JSON: its plain value plus the source position of every node. A
 * compiled rules file (`lcz build`) stores documents this way so that loading it needs
 * `JSON.parse` instead of the YAML parser, while every later diagnostic still points at the
 * right line and column of the YAML file it came from.
 *
 * Positions are one flat list of numbers, four per node (the node's range, then the range of
 * the mapping key that holds it, or -1 -1), nodes in depth-first order of the value. A flat
 * list of numbers parses several times faster than a tree of small objects, and the order is
 * the value's own, so nothing but the numbers needs storing.
 *
 * This module must not import `yaml`: the compiled-rules entry point is built on it, and keeping
 * the YAML parser out is the whole point of that entry.
 */
import type { Range } from '../diagnostics/diagnostic.js';
import { SourceText } from '../diagnostics/source.js';
import type { DocumentPath, ParsedDocument } from './parsed-document.js';

const NUMBERS_PER_NODE = 4;
/** Joins path steps into a lookup key. NUL never occurs in a rule file (yaml_nul_byte). */
const SEPARATOR = '\u0000';

/**
 * Calls `visit` for every node of `value`, depth first, in the value's own key order, with the
 * node's path and its lookup key (the path's steps joined by SEPARATOR, built as it goes).
 */
function eachNode(value: unknown, visit: (path: readonly (string | number)[], key: string) => void): void {
  const path: (string | number)[] = [];
  const go = (node: unknown, key: string): void => {
    visit(path, key);
    const prefix = path.length === 0 ? '' : key + SEPARATOR;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        go(node[i], prefix + i);
        path.pop();
      }
    } else if (node !== null && typeof node === 'object') {
      for (const step of Object.keys(node)) {
        path.push(step);
        go((node as Record<string, unknown>)[step], prefix + step);
        path.pop();
      }
    }
  };
  go(value, '');
}

/** The positions of every node of `parsed.value`, taken through the document's own lookups. */
export function storePositions(parsed: ParsedDocument): number[] {
  const out: number[] = [];
  eachNode(parsed.value, (path) => {
    const r = parsed.rangeOf(path) ?? [0, 0];
    const k = typeof path[path.length - 1] === 'string' ? parsed.keyRangeOf(path) : undefined;
    out.push(r[0], r[1], k ? k[0] : -1, k ? k[1] : -1);
  });
  return out;
}

/**
 * A ParsedDocument again, from what `storePositions` kept; undefined when the positions do not
 * fit the value (a damaged file). Lookups follow the YAML-backed document's rules: a missing
 * path gives the range of its nearest existing ancestor, and a key range is given only for a
 * path that exists and ends in a mapping key.
 */
export function restoreDocument(file: string, text: string, value: unknown, positions: readonly number[]): ParsedDocument | undefined {
  const index = new Map<string, number>();
  let count = 0;
  eachNode(value, (_path, key) => index.set(key, NUMBERS_PER_NODE * count++));
  if (positions.length !== NUMBERS_PER_NODE * count) return undefined;
  const at = (i: number): Range => [positions[i] ?? 0, positions[i + 1] ?? 0];
  return Object.freeze({
    source: new SourceText(file, text),
    value,
    rangeOf: (path: DocumentPath): Range | undefined => {
      let key = path.join(SEPARATOR);
      for (;;) {
        const i = index.get(key);
        if (i !== undefined) return at(i);
        if (key === '') return undefined;
        const cut = key.lastIndexOf(SEPARATOR);
        key = cut < 0 ? '' : key.slice(0, cut);
      }
    },
    keyRangeOf: (path: DocumentPath): Range | undefined => {
      const i = index.get(path.join(SEPARATOR));
      return i !== undefined && (positions[i + 2] ?? -1) >= 0 ? at(i + 2) : undefined;
    },
  });
}
