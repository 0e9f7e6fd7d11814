/**
 * Where a case sits against an exact boundary `subject op b` (a table cell's boundary, b a
 * fraction): exactly at it, just beyond it, or neither. Every step is exact: the case's value is
 * read as the decimal it is written as, and compared with b as fractions.
 *
 * A boundary the compared fact cannot hold (b = 49.5 for an integer, 51.15 for a fact with one
 * decimal) is placed honestly: `x ≥ 49.5` is `x ≥ 50` for an integer, so "at" is 50 and "just
 * beyond" 49, the nearest values it can hold on each side; `x = 49.5` can never hold, so it has no
 * "at", and "just beyond" asks for both neighbours (49 and 50). A fact without declared decimals
 * holds any decimal, so only a boundary that is no decimal at all (130/3) lacks an "at".
 */
import type { FactInfo } from '../compile/compiled-ruleset.js';
import type { CompareOp } from '../compile/expression/ast.js';
import { add, compare, fromNumber, type Rational, ratio, sub, toDecimalText } from '../compile/exact/rational.js';

/** How to place a case against one boundary. */
export interface ExactPlacement {
  /** The comparison once moved onto the values the subject can hold (`x ≥ 49.5` → `x ≥ 50`). */
  readonly op: CompareOp;
  /** The point "at": the boundary, or the nearest value that can be held on the side that meets it. */
  readonly value: Rational;
  /** Some value the subject can hold is exactly at `value` (within its bounds). */
  readonly at: boolean;
  /** Which sides "just beyond" a valid value can reach: the one where the outcome differs, both for = and ≠. */
  readonly below: boolean;
  readonly above: boolean;
  /**
   * For an integer, the nearest values it can hold under and over `value` (one step each way,
   * or the two integers around a boundary it cannot hold); for a number, undefined: "just
   * beyond" is within 1 of `value`.
   */
  readonly neighbours?: { readonly below: Rational; readonly above: Rational };
  /** Whether the boundary had to move onto the subject's values (it is printed then). */
  readonly moved: boolean;
}

type ExactPoint = 'at' | 'below' | 'above';

const ONE: Rational = { n: 1n, d: 1n };

/** The side of the value where the outcome differs from the outcome at it: -1, +1, or 0 for either (= and ≠). */
const BEYOND: Readonly<Record<CompareOp, -1 | 0 | 1>> = { '>=': -1, '>': 1, '<=': 1, '<': -1, '==': 0, '!=': 0 };

/**
 * The placement of `fact op b` on a numeric fact: integers hold whole numbers, a `number` with
 * `decimals: N` multiples of 10^-N, a `number` without any decimal. `undefined` for another type.
 */
export function placeOnFact(fact: FactInfo, op: CompareOp, b: Rational): ExactPlacement | undefined {
  if (fact.type !== 'integer' && fact.type !== 'number') return undefined;
  const grid = fact.type === 'integer' ? ONE : fact.decimals !== undefined ? tenth(fact.decimals) : undefined;
  const min = fact.min !== undefined ? fromNumber(fact.min) : undefined;
  const max = fact.max !== undefined ? fromNumber(fact.max) : undefined;
  const holds = (x: Rational) =>
    (min === undefined || compare(x, min) >= 0) && (max === undefined || compare(x, max) <= 0);
  // Some value within 1 of x, strictly on one side of it, within the bounds (a number fact).
  const nearBelow = (x: Rational) =>
    (min === undefined || compare(min, x) < 0) && (max === undefined || compare(max, sub(x, ONE)) >= 0);
  const nearAbove = (x: Rational) =>
    (max === undefined || compare(max, x) > 0) && (min === undefined || compare(min, add(x, ONE)) <= 0);
  const onGrid = grid ? isMultiple(b, grid) : isDecimal(b);
  const moving = !onGrid && grid !== undefined && BEYOND[op] !== 0;
  // Off the grid, "x ≥ 49.5" is "x ≥ 50" and "x ≤ 49.5" is "x ≤ 49": the same values meet it.
  const up = op === '>=' || op === '>';
  const value = moving && grid ? (up ? add(floorTo(b, grid), grid) : floorTo(b, grid)) : b;
  const placedOp: CompareOp = moving ? (up ? '>=' : '<=') : op;
  const side = BEYOND[placedOp];
  const integer = fact.type === 'integer';
  const neighbours = integer
    ? onGrid || moving
      ? { below: sub(value, ONE), above: add(value, ONE) }
      : { below: floorTo(b, ONE), above: add(floorTo(b, ONE), ONE) }
    : undefined;
  const below = side <= 0 && (neighbours ? holds(neighbours.below) : nearBelow(value));
  const above = side >= 0 && (neighbours ? holds(neighbours.above) : nearAbove(value));
  return {
    op: placedOp,
    value,
    at: (onGrid || moving) && holds(value),
    below,
    above,
    ...(neighbours ? { neighbours } : {}),
    moved: moving,
  };
}

/** A derived quantity is an exact fraction of facts: any value near the boundary can be reached. */
export function placeDerived(op: CompareOp, b: Rational): ExactPlacement {
  const side = BEYOND[op];
  return { op, value: b, at: true, below: side <= 0, above: side >= 0, moved: false };
}

/** Where the case's exact value `v` sits against the placement: at it, or just beyond on one side. */
export function placeValue(p: ExactPlacement, v: Rational): ExactPoint | undefined {
  const side = compare(v, p.value);
  if (side === 0) return p.at ? 'at' : undefined;
  const near = p.neighbours
    ? compare(v, side < 0 ? p.neighbours.below : p.neighbours.above) === 0
    : compare(side > 0 ? sub(v, p.value) : sub(p.value, v), ONE) <= 0;
  if (!near) return undefined;
  if (side < 0) return p.below ? 'below' : undefined;
  return p.above ? 'above' : undefined;
}

/** The boundary as exact text: the decimal it is, or the fraction (130/3) when it is none. */
export function exactText(r: Rational): string {
  return isDecimal(r) ? toDecimalText(r) : `${r.n}/${r.d}`;
}

function tenth(decimals: number): Rational {
  return { n: 1n, d: 10n ** BigInt(decimals) };
}

function isMultiple(x: Rational, grid: Rational): boolean {
  // x / grid is an integer: x.n·grid.d divisible by x.d·grid.n.
  return (x.n * grid.d) % (x.d * grid.n) === 0n;
}

/** The largest multiple of the grid at or below x. */
function floorTo(x: Rational, grid: Rational): Rational {
  const num = x.n * grid.d;
  const den = x.d * grid.n;
  let q = num / den;
  if (num % den !== 0n && num < 0n) q -= 1n;
  return ratio(q * grid.n, grid.d);
}

/** A finite decimal: its denominator is 2^a·5^b. */
function isDecimal(r: Rational): boolean {
  let d = r.d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n;
}
