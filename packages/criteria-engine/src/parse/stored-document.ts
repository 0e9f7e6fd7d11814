/**
 * A parsed document kept as JSON: its plain value plus the source position of every node. A
 * compiled rules file (`lcz build`) stores documents this way so that loading it needs
 * `JSON.parse` instead of the YAML parser, while every later diagnostic still points at the
 * right line and column of the YAML file it came from.
 *
 * Positions are six numbers per node, nodes in depth-first order of the value: how many nodes
 * its subtree holds (itself included); its range; the range of the mapping key that holds it,
 * or -1 -1; for a string, where its text starts, after a quote or a block indicator, else -1.
 * The order is the value's own, so nothing but the numbers needs storing, and the subtree sizes
 * let a lookup step over a sibling's whole subtree: a lookup finds its node from the path alone,
 * without numbering the document first. With the line starts of the file, that is all a
 * diagnostic needs: the YAML text itself is not kept.
 *
 * The numbers are stored as one string of fixed-width base-64 digits (each number plus one, so
 * -1 is a digit too), after one decimal digit giving the width. A string is copied by
 * `JSON.parse`, not parsed number by number, and fixed width means a lookup decodes just the
 * few numbers it reads, where a JSON list of numbers would all be parsed and kept as a large
 * array at every load.
 *
 * This module must not import `yaml`: the compiled-rules entry point is built on it, and keeping
 * the YAML parser out is the whole point of that entry.
 */
import type { Range } from '../diagnostics/diagnostic.js';
import { SourceText } from '../diagnostics/source.js';
import type { DocumentPath, ParsedDocument } from './parsed-document.js';

const NUMBERS_PER_NODE = 6;
/** Where each number sits among a node's six. */
const SIZE = 0;
const START = 1;
const KEY_START = 3;
const CONTENT = 5;

/** Base-64 digits that JSON writes as they are (no escaping), in value order. */
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) DIGIT_VALUE[DIGITS.charCodeAt(i)] = i;

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
    } else if (isObject(node)) {
      for (const step of Object.keys(node)) {
        path.push(step);
        go(node[step]);
        path.pop();
      }
    }
  };
  go(value);
}

/**
 * How many nodes `value` holds, itself included, counted as `eachNode` visits them (`for…in`
 * gives a plain object's own keys in the same order as Object.keys, without making a list).
 */
function countNodes(node: unknown): number {
  let count = 1;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) count += countNodes(node[i]);
  } else if (isObject(node)) {
    for (const step in node) if (Object.hasOwn(node, step)) count += countNodes(node[step]);
  }
  return count;
}

function isObject(node: unknown): node is Readonly<Record<string, unknown>> {
  return node !== null && typeof node === 'object';
}

/** The positions of every node of `parsed.value`, taken through the document's own lookups. */
export function storePositions(parsed: ParsedDocument): string {
  const numbers: number[] = [];
  eachNode(parsed.value, (path, node) => {
    const r = parsed.rangeOf(path) ?? [0, 0];
    const k = typeof path[path.length - 1] === 'string' ? parsed.keyRangeOf(path) : undefined;
    const content = typeof node === 'string' ? parsed.scalarContentOffset(path, node) : -1;
    numbers.push(countNodes(node), r[0], r[1], k ? k[0] : -1, k ? k[1] : -1, content);
  });
  let width = 1;
  for (const n of numbers) while (n + 1 >= 64 ** width) width++;
  let out = String(width);
  for (const n of numbers) {
    for (let place = width - 1; place >= 0; place--) out += DIGITS.charAt(Math.floor((n + 1) / 64 ** place) % 64);
  }
  return out;
}

/**
 * A ParsedDocument again, from what `storePositions` kept; undefined when the positions do not
 * fit the value (a damaged file). Lookups follow the YAML-backed document's rules: a missing
 * path gives the range of its nearest existing ancestor, and a key range is given only for a
 * path that exists and ends in a mapping key.
 *
 * A lookup walks the value and the positions together: the first child of node n is node n + 1,
 * and each next sibling comes after the previous one's subtree. Nothing is built here or per
 * lookup beyond the range returned (loading a compiled file does a few hundred lookups).
 */
export function restoreDocument(
  file: string,
  lineStarts: readonly number[],
  value: unknown,
  positions: string,
): ParsedDocument | undefined {
  if (typeof positions !== 'string') return undefined;
  // The digits themselves are not checked up front (that would read them all at every load): a
  // damaged one gives a wrong position, never a failure.
  const width = positions.charCodeAt(0) - 48;
  if (!(width >= 1 && width <= 9) || positions.length !== 1 + width * NUMBERS_PER_NODE * countNodes(value))
    return undefined;

  const nodes = new StoredNodes(value, positions, width);
  const range = (node: number, first: number): Range => [nodes.read(node, first), nodes.read(node, first + 1)];
  return Object.freeze({
    source: new SourceText(file, '', lineStarts),
    value,
    rangeOf: (path: DocumentPath): Range => range(found(nodes.walk(path)), START),
    keyRangeOf: (path: DocumentPath): Range | undefined => {
      const node = nodes.walk(path);
      return node >= 0 && nodes.read(node, KEY_START) >= 0 ? range(node, KEY_START) : undefined;
    },
    scalarContentOffset: (path: DocumentPath): number => {
      const node = found(nodes.walk(path));
      const content = nodes.read(node, CONTENT);
      return content >= 0 ? content : nodes.read(node, START);
    },
  });
}

/** A node number from `walk`: the node itself, or (negated) the nearest existing ancestor. */
const found = (walked: number): number => (walked < 0 ? -walked - 1 : walked);

/** The value and its packed positions, walked together. */
class StoredNodes {
  // Lookups come in runs that share their first steps (['groups', 3, 'criteria', 5, …]): the
  // steps of the last walk, with the node and value each one reached, let the next walk resume
  // where the two paths part. The arrays are only written over, never shortened: that would
  // reallocate them.
  private readonly trailSteps: (string | number)[] = [];
  private readonly trailNodes: number[] = [];
  private readonly trailValues: unknown[] = [];
  private trailLength = 0;

  constructor(
    private readonly value: unknown,
    private readonly positions: string,
    private readonly width: number,
  ) {}

  /**
   * Number `which` of node `node`. The first three digits are read without a loop (a ruleset's
   * positions are two or three digits wide): a warm one-file `lcz evaluate` reads about 1,000
   * numbers, and with the loop that was enough bytecode for V8 to compile this function with
   * TurboFan on its other thread every run (the only function it did): ≈ 150 page faults and
   * 6 ms of CPU for code thrown away at exit (docs/performance.md, "Start-up: the warm run
   * without TurboFan").
   */
  read(node: number, which: number): number {
    const digits = this.positions;
    const width = this.width;
    const at = 1 + (node * NUMBERS_PER_NODE + which) * width;
    let n = DIGIT_VALUE[digits.charCodeAt(at)] ?? 0;
    if (width === 1) return n - 1;
    n = n * 64 + (DIGIT_VALUE[digits.charCodeAt(at + 1)] ?? 0);
    if (width === 2) return n - 1;
    n = n * 64 + (DIGIT_VALUE[digits.charCodeAt(at + 2)] ?? 0);
    for (let i = at + 3; i < at + width; i++) n = n * 64 + (DIGIT_VALUE[digits.charCodeAt(i)] ?? 0);
    return n - 1;
  }

  /**
   * The node at `path`, or its nearest existing ancestor when a step is not found (then the node
   * number is negated minus one, so that 0, the root, stays distinct).
   */
  walk(path: DocumentPath): number {
    let s = 0;
    while (s < this.trailLength && s < path.length && this.trailSteps[s] === path[s]) s++;
    this.trailLength = s;
    let current: unknown = s > 0 ? this.trailValues[s - 1] : this.value;
    let node = s > 0 ? (this.trailNodes[s - 1] ?? 0) : 0;
    for (; s < path.length; s++) {
      const step = path[s];
      if (step === undefined) break;
      const next = this.child(current, node, step);
      if (next === undefined) return -node - 1;
      [node, current] = next;
      this.trailSteps[s] = step;
      this.trailNodes[s] = node;
      this.trailValues[s] = current;
      this.trailLength = s + 1;
    }
    return node;
  }

  /** The child at `step` of the value `current` (node `node`): its node number and value, if it exists. */
  private child(current: unknown, node: number, step: string | number): [number, unknown] | undefined {
    let child = node + 1;
    if (Array.isArray(current)) {
      const at = typeof step === 'number' ? step : /^(0|[1-9][0-9]*)$/.test(step) ? Number(step) : -1;
      if (!(at >= 0 && at < current.length)) return undefined;
      for (let i = 0; i < at; i++) child += this.read(child, SIZE);
      return [child, current[at]];
    }
    if (current === null || typeof current !== 'object') return undefined;
    const key = String(step);
    for (const k in current) {
      if (!Object.hasOwn(current, k)) continue;
      if (k === key) return [child, Reflect.get(current, k)];
      child += this.read(child, SIZE);
    }
    return undefined;
  }
}

/** The one range a document without positions gives for every path. */
const NOWHERE: Range = Object.freeze([0, 0] as const);

/**
 * `parsed` without its positions: the same value and source, every range [0, 0], no key ranges,
 * expressions parsed from offset 0. For a compile whose problems are known already (a compiled
 * rules file's, found when it was built): positions only say where a problem is, and looking
 * each one up is most of what desugaring a condition costs. Whoever compiles with it compiles
 * again with `parsed` itself when it finds a problem to show.
 */
export function withoutPositions(parsed: ParsedDocument): ParsedDocument {
  return Object.freeze({
    source: parsed.source,
    value: parsed.value,
    rangeOf: (): Range => NOWHERE,
    keyRangeOf: (): undefined => undefined,
    scalarContentOffset: (): number => 0,
  });
}
