/**
 * percent's exact comparison, its value's `compare` hook (set by percent's check, percent.ts):
 * `percent(part, whole, z) op value` cross-multiplies the parts in integers (BigInt past 2^53),
 * or compares exact fractions for decimal parts; never a rounded quotient. Unknown in, unknown out.
 */
import type { CompareOp } from '../expression/ast.js';
import { HOLDS } from '../expression/compare-ops.js';
import { exactView } from '../closure-views.js';
import { compareExact, compareProducts, divide, type Exact, times } from '../exact/arithmetic.js';
import { fromNumber } from '../exact/rational.js';
import { percentVersusConstant } from '../leaf.js';
import type { PercentParts, Typed } from '../typed.js';
import { describeType, isNumeric, type Closure } from '../types.js';
import type { CheckContext } from './index.js';

const CMP = HOLDS;

/** The `compare` hook of a percent value with these parts. */
export function percentComparison(p: PercentParts): NonNullable<Typed['compare']> {
  return (op, other, ctx) => comparePercent(op, p, other, ctx);
}

/**
 * A decimal literal as an exact fraction n/d from its decimal text (97.99 → 9799/100, 29.5 →
 * 59/2), as numbers: thresholds are small and have few decimals (a literal past 2^53 − 1 or with
 * more than 15 significant digits is refused when the file loads).
 */
function toFraction(value: number): { n: number; d: number } {
  if (Number.isInteger(value)) return { n: value, d: 1 };
  const r = fromNumber(value);
  return { n: Number(r.n), d: Number(r.d) };
}

function comparePercent(op: CompareOp, p: PercentParts, other: Typed, ctx: CheckContext): Closure {
  const cmp = CMP[op];
  const part = exactView(p.part);
  const whole = exactView(p.whole);
  const ifZero = p.ifZero;
  if (other.percent && other.type.t === 'percent') {
    const q = other.percent;
    const qPart = exactView(q.part);
    const qWhole = exactView(q.whole);
    // Both sides as exact fractions; an empty whole takes its declared value.
    return (s) => {
      const a = percentValue(part(s), whole(s), ifZero);
      const b = percentValue(qPart(s), qWhole(s), q.ifZero);
      return a === undefined || b === undefined ? undefined : cmp(compareExact(a, b), 0);
    };
  }
  if (!isNumeric(other.type)) {
    ctx.report('expr_type', other.expr.range, {
      expected: 'number',
      actual: describeType(other.type),
      where: 'percent_comparison',
    });
    return () => undefined;
  }
  if (typeof other.constant === 'number' && p.integers) {
    const { n, d } = toFraction(other.constant);
    if (p.partSlot !== undefined && p.wholeSlot !== undefined)
      return percentVersusConstant(op, p.partSlot, p.wholeSlot, ifZero, n, d);
    // part·100/whole op n/d ⇔ part·100·d op n·whole (whole > 0), exact at any size.
    const zero = cmp(ifZero * d, n);
    const scale = 100 * d;
    const k = other.constant;
    return (s) => {
      const w = whole(s);
      const pt = part(s);
      if (w === undefined || pt === undefined) return undefined;
      if (w === 0) return zero;
      // An integer sum or product past 2^53 − 1 comes as a fraction (exact/arithmetic.ts).
      if (typeof w !== 'number' || typeof pt !== 'number')
        return cmp(compareExact(divide(times(pt, 100), w) ?? ifZero, k), 0);
      return cmp(w > 0 ? compareProducts(pt, scale, n, w) : compareProducts(n, w, pt, scale), 0);
    };
  }
  // Decimal parts and wholes (km, ha), or a threshold that is not a constant: exact fractions.
  const r = exactView(other.fn);
  return (s) => {
    const x = r(s);
    const v = percentValue(part(s), whole(s), ifZero);
    return x === undefined || v === undefined ? undefined : cmp(compareExact(v, x), 0);
  };
}

/** part × 100 / whole exactly, the declared value when the whole is 0; unknown in, unknown out. */
function percentValue(part: Exact | undefined, whole: Exact | undefined, ifZero: number): Exact | undefined {
  if (part === undefined || whole === undefined) return undefined;
  return divide(times(part, 100), whole) ?? ifZero;
}
