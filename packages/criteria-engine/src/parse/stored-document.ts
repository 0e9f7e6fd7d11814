/**
 * A parsed document kept as JSON: its plain value plus the source position of every node. A
 * compiled rules file (`lcz build`) stores documents this way so that loading it needs
 * `JSON.parse` instead of the YAML parser, while every later diagnostic still points at the
 * right line and column of the YAML file it came from.
 *
 * Positions are one flat list of numbers, five per node (the node's range; the range of the
 * mapping key that holds it, or -1 -1; for a string, where its text starts, after a quote or a
 * block indicator, else -1), nodes in depth-first order of the value. A flat list of numbers
 * parses several times faster than a tree of small objects, and the order is the value's own,
 * so nothing but the numbers needs storing. With the line starts of the file, that is all a
 * diagnostic needs: the YAML text itself is not kept.
 *
 * This module must not import `yaml`: the compiled-rules entry point is built on it, and keeping
 * the YAML parser out is the whole point of that entry.
 */
import type { Range } from '../diagnostics/diagnostic.js';
import { SourceText } from '../diagnostics/source.js';
import type { DocumentPath, ParsedDocument } from './parsed-document.js';

const NUMBERS_PER_NODE = 5;

/** Calls `visit` for every node of `value` with its path, depth first, in the value's own key order. */
function eachNode(value: unknown, visit: (path: readonly (string | number)[], node: unknown) => void): void {
  const path: (string | number)[] = [];
  const go = (node: unknown): void => {
    visit(path, node);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        go(node[i]);
        path.pop();
      }
    } else if (node !== null && typeof node === 'object') {
      for (const step of Object.keys(node)) {
        path.push(step);
        go((node as Record<string, unknown>)[step]);
        path.pop();
      }
    }
  };
  go(value);
}

/** The positions of every node of `parsed.value`, taken through the document's own lookups. */
export function storePositions(parsed: ParsedDocument): number[] {
  const out: number[] = [];
  eachNode(parsed.value, (path, node) => {
    const r = parsed.rangeOf(path) ?? [0, 0];
    const k = typeof path[path.length - 1] === 'string' ? parsed.keyRangeOf(path) : undefined;
    const content = typeof node === 'string' ? parsed.scalarContentOffset(path, node) : -1;
    out.push(r[0], r[1], k ? k[0] : -1, k ? k[1] : -1, content);
  });
  return out;
}

/** A mapping or list of the value, and where its children's positions are. */
interface Container {
  /** The mapping's keys, in the value's own order (absent for a list). */
  readonly keys?: readonly string[];
  /** The node number of each child, in the same order. */
  readonly children: Int32Array;
}

/**
 * A ParsedDocument again, from what `storePositions` kept; undefined when the positions do not
 * fit the value (a damaged file). Lookups follow the YAML-backed document's rules: a missing
 * path gives the range of its nearest existing ancestor, and a key range is given only for a
 * path that exists and ends in a mapping key.
 *
 * Lookups walk the value itself, with each mapping's and list's child node numbers found once
 * here: no key strings are built, here or per lookup (loading a compiled file does about a
 * thousand lookups).
 */
export function restoreDocument(file: string, lineStarts: readonly number[], value: unknown, positions: readonly number[]): ParsedDocument | undefined {
  const containers = new Map<object, Container>();
  let count = 0;
  const number = (node: unknown): number => {
    const n = count++;
    if (Array.isArray(node)) {
      const children = new Int32Array(node.length);
      // Registered before the children, so a value reached twice keeps its first place.
      if (!containers.has(node)) containers.set(node, { children });
      for (let i = 0; i < node.length; i++) children[i] = number(node[i]);
    } else if (node !== null && typeof node === 'object') {
      const keys = Object.keys(node);
      const children = new Int32Array(keys.length);
      if (!containers.has(node)) containers.set(node, { keys, children });
      for (let i = 0; i < keys.length; i++) children[i] = number((node as Record<string, unknown>)[keys[i] as string]);
    }
    return n;
  };
  number(value);
  if (positions.length !== NUMBERS_PER_NODE * count) return undefined;

  /** The node at `path`, or its nearest existing ancestor, and whether every step was found. */
  const walk = (path: DocumentPath): { node: number; complete: boolean } => {
    let current: unknown = value;
    let node = 0;
    for (const step of path) {
      const container = current !== null && typeof current === 'object' ? containers.get(current) : undefined;
      if (!container) return { node, complete: false };
      let at: number;
      if (container.keys) at = container.keys.indexOf(String(step));
      else at = typeof step === 'number' ? step : /^(0|[1-9][0-9]*)$/.test(step) ? Number(step) : -1;
      const child = at >= 0 ? container.children[at] : undefined;
      if (child === undefined) return { node, complete: false };
      node = child;
      current = container.keys ? (current as Record<string, unknown>)[container.keys[at] as string] : (current as unknown[])[at];
    }
    return { node, complete: true };
  };
  const range = (i: number): Range => [positions[i] ?? 0, positions[i + 1] ?? 0];
  return Object.freeze({
    source: new SourceText(file, '', lineStarts),
    value,
    rangeOf: (path: DocumentPath): Range => range(NUMBERS_PER_NODE * walk(path).node),
    keyRangeOf: (path: DocumentPath): Range | undefined => {
      const { node, complete } = walk(path);
      const i = NUMBERS_PER_NODE * node;
      return complete && (positions[i + 2] ?? -1) >= 0 ? range(i + 2) : undefined;
    },
    scalarContentOffset: (path: DocumentPath): number => {
      const i = NUMBERS_PER_NODE * walk(path).node;
      const content = positions[i + 4] ?? -1;
      return content >= 0 ? content : (positions[i] ?? 0);
    },
  });
}
