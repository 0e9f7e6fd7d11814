/**
 * Exact numbers for the hand-written oracles, independent of the engine's own: a value is a
 * fraction of two BigInts read from its decimal text (12.25 is 1225/100, never a double), and
 * comparisons cross-multiply. Only what the oracles need.
 */

/** A non-negative or negative fraction n/d with d > 0. */
export interface Frac {
  readonly n: bigint;
  readonly d: bigint;
}

/** A JavaScript number as the decimal it is written as (String(x)), exactly. */
export function frac(x: number | string): Frac {
  const text = typeof x === 'number' ? String(x) : x;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error(`the oracle reads plain decimals only, not ${text}`);
  const decimals = m[3] ?? '';
  const d = 10n ** BigInt(decimals.length);
  const n = BigInt(`${m[2] ?? '0'}${decimals}`);
  return { n: m[1] === '-' ? -n : n, d };
}

export const mul = (a: Frac, b: Frac): Frac => ({ n: a.n * b.n, d: a.d * b.d });
export const div = (a: Frac, b: Frac): Frac =>
  b.n < 0n ? { n: -a.n * b.d, d: a.d * -b.n } : { n: a.n * b.d, d: a.d * b.n };

/** a ≥ b, exactly. */
export const ge = (a: Frac, b: Frac): boolean => a.n * b.d >= b.n * a.d;
/** a ≤ b, exactly. */
const le = (a: Frac, b: Frac): boolean => a.n * b.d <= b.n * a.d;

/** part × 100 ≥ p × whole (p a decimal text or number), exactly. */
export function percentAtLeast(part: number, whole: number, p: number | string): boolean {
  return ge(mul(frac(part), frac(100)), mul(frac(p), frac(whole)));
}

/** part × 100 ≤ p × whole, exactly. */
export function percentAtMost(part: number, whole: number, p: number | string): boolean {
  return le(mul(frac(part), frac(100)), mul(frac(p), frac(whole)));
}
