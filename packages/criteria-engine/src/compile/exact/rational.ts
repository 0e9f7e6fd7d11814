/**
 * Exact fractions (BigInt numerator over a positive BigInt denominator, in lowest terms), and
 * the decimal reading of numbers. Decisions never compare floating-point results: a number with
 * decimals is read as the decimal it is written as (0.1 is 1/10), and sums, products and
 * quotients are computed here when they may not be exact as doubles.
 *
 * Why not always BigInt: a Lai Châu decision reads a few dozen small integers; doubles are exact
 * for integers within ±(2^53 − 1), so the common path stays in numbers and comes here only when a
 * value has decimals or a result may leave that range (see exact/arithmetic.ts).
 */

export interface Rational {
  /** Numerator; the sign of the fraction. */
  readonly n: bigint;
  /** Denominator, always > 0; gcd(n, d) = 1. */
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** n/d in lowest terms; d must not be 0. */
export function ratio(n: bigint, d: bigint): Rational {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

/**
 * The decimal a finite double stands for: its shortest round-trip text, which is the text the
 * value was written with whenever that had at most 15 significant digits (a rule literal, a JSON
 * or spreadsheet value). 0.1 → 1/10, 29.5 → 59/2, 1e21 → 10^21.
 */
export function fromNumber(x: number): Rational {
  if (Number.isSafeInteger(x)) return { n: BigInt(x), d: 1n };
  const parsed = parseDecimal(String(x));
  if (parsed === undefined) throw new RangeError(`not a finite number: ${x}`);
  return parsed;
}

const DECIMAL_TEXT = /^(-)?(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/** A decimal written in text ("12.75", "-0.25", "1e-7") as an exact fraction; undefined if it is not one. */
export function parseDecimal(text: string): Rational | undefined {
  const m = DECIMAL_TEXT.exec(text.trim());
  if (!m) return undefined;
  const [, sign, whole = '0', frac = '', exp = '0'] = m;
  let n = BigInt(whole + frac);
  const scale = frac.length - Number(exp);
  if (sign) n = -n;
  if (scale <= 0) return { n: n * 10n ** BigInt(-scale), d: 1n };
  return ratio(n, 10n ** BigInt(scale));
}

/** How many decimals the decimal reading of a finite double has (12.25 → 2, 3 → 0, 1e-7 → 7). */
export function decimalsOf(x: number): number {
  return Number.isInteger(x) ? 0 : (exactPlaces(fromNumber(x)) ?? 0);
}

export function add(a: Rational, b: Rational): Rational {
  return a.d === b.d ? ratio(a.n + b.n, a.d) : ratio(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rational, b: Rational): Rational {
  return a.d === b.d ? ratio(a.n - b.n, a.d) : ratio(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mul(a: Rational, b: Rational): Rational {
  return ratio(a.n * b.n, a.d * b.d);
}

/** a / b; b must not be 0 (callers apply the declared `if_zero` first). */
export function div(a: Rational, b: Rational): Rational {
  return ratio(a.n * b.d, a.d * b.n);
}

export function neg(a: Rational): Rational {
  return { n: -a.n, d: a.d };
}

/** -1, 0 or 1 as a < b, a = b, a > b. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function isZero(a: Rational): boolean {
  return a.n === 0n;
}

/**
 * The fraction as a number when that number is exactly it (a safe integer), else the fraction:
 * the engine's values stay plain numbers on the common path.
 */
export function simplify(a: Rational): number | Rational {
  if (a.d === 1n && a.n <= MAX_SAFE && a.n >= -MAX_SAFE) return Number(a.n);
  return a;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The fraction written with `decimals` decimals, rounded half away from zero (for showing only:
 * 572/10 → "57.2", 1/3 with 2 → "0.33"). Without `decimals`, exact when the fraction is a
 * decimal, else to 6 decimals.
 */
export function toDecimalText(a: Rational, decimals?: number): string {
  const places = decimals ?? exactPlaces(a) ?? 6;
  const scale = 10n ** BigInt(places);
  const negative = a.n < 0n;
  const abs = negative ? -a.n : a.n;
  // round(abs × scale / d), half away from zero.
  const scaled = (abs * scale * 2n + a.d) / (a.d * 2n);
  const digits = scaled.toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative && scaled !== 0n ? `-${text}` : text;
}

/**
 * The decimals a fraction needs to be written exactly, or undefined when it is not a finite
 * decimal (1/3): its denominator is 2^a·5^b and it needs max(a, b).
 */
function exactPlaces(a: Rational): number | undefined {
  let d = a.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  return d === 1n ? Math.max(twos, fives) : undefined;
}
