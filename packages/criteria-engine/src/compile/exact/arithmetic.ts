/**
 * Exact arithmetic on the values numeric closures return: a plain number (an integer within
 * ±(2^53 − 1), or a number fact's value read as its decimal) or a Rational when the result is
 * not one of those. The fast path is two double operations and a range test: a double product or
 * sum of two safe integers is exact whenever its magnitude is at most 2^53 − 1 (rounding is
 * monotonic, so a true result beyond that range never rounds back into it). Everything else goes
 * through BigInt fractions.
 */
import { add, compare, div, fromNumber, isZero, mul, neg, type Rational, simplify, sub } from './rational.js';

/** A numeric value inside a decision. */
export type Exact = number | Rational;

const MAX = Number.MAX_SAFE_INTEGER;

function toRational(x: Exact): Rational {
  if (typeof x === 'number') return fromNumber(x);
  // Neither a number nor a fraction (a boolean or a text in a slot, against decideSlots' contract
  // that values are valid): its missing numerator would make every BigInt step NaN and gcd loop
  // for ever. A caller's mistake is said, never spun on.
  if (typeof x !== 'object' || x === null || typeof x.n !== 'bigint' || typeof x.d !== 'bigint')
    throw new TypeError(`not a number: ${typeof x === 'string' ? JSON.stringify(x) : String(x)}`);
  return x;
}

function safeInts(a: number, b: number): boolean {
  return Number.isInteger(a) && Number.isInteger(b);
}

export function plus(a: Exact, b: Exact): Exact {
  if (typeof a === 'number' && typeof b === 'number' && safeInts(a, b)) {
    const r = a + b;
    if (r <= MAX && r >= -MAX) return r;
  }
  return simplify(add(toRational(a), toRational(b)));
}

export function minus(a: Exact, b: Exact): Exact {
  if (typeof a === 'number' && typeof b === 'number' && safeInts(a, b)) {
    const r = a - b;
    if (r <= MAX && r >= -MAX) return r;
  }
  return simplify(sub(toRational(a), toRational(b)));
}

export function times(a: Exact, b: Exact): Exact {
  if (typeof a === 'number' && typeof b === 'number' && safeInts(a, b)) {
    const r = a * b;
    if (r <= MAX && r >= -MAX) return r;
  }
  return simplify(mul(toRational(a), toRational(b)));
}

/** a / b, or undefined when b is 0 (the caller applies the declared `if_zero`). */
export function divide(a: Exact, b: Exact): Exact | undefined {
  const rb = toRational(b);
  if (isZero(rb)) return undefined;
  return simplify(div(toRational(a), rb));
}

export function negate(a: Exact): Exact {
  return typeof a === 'number' ? -a : neg(a);
}

/**
 * -1, 0 or 1 as a < b, a = b, a > b. Two numbers compare as doubles: distinct decimals of at most
 * 15 significant digits (every literal and input the engine accepts) are distinct doubles in the
 * same order, so the comparison of doubles is the comparison of the decimals.
 */
export function compareExact(a: Exact, b: Exact): -1 | 0 | 1 {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return compare(toRational(a), toRational(b));
}

/** a × k op b × m for integers a, k, b, m: the cross-multiplication of percentages, exact at any size. */
export function compareProducts(a: number, k: number, b: number, m: number): -1 | 0 | 1 {
  const l = a * k;
  const r = b * m;
  if (l <= MAX && l >= -MAX && r <= MAX && r >= -MAX) return l < r ? -1 : l > r ? 1 : 0;
  const bl = BigInt(a) * BigInt(k);
  const br = BigInt(b) * BigInt(m);
  return bl < br ? -1 : bl > br ? 1 : 0;
}

export type { Rational };
