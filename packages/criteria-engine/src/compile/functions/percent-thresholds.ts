/**
 * The thresholds of percent(part, whole, if_zero): `percent(part, whole, z) ≥ P` read, printed,
 * worked backwards and placed, always in integers (part × 100 against P × whole; a decimal P is
 * read as the exact fraction it is written as, never compared in floating point).
 */
import { compare, div, fromNumber, mul, neg, type Rational, sub } from '../exact/rational.js';
import { HOLDS, SYMBOL } from '../expression/compare-ops.js';
import type { CompareOp } from '../expression/ast.js';
import type { FactInfo } from '../compiled-ruleset.js';
import type { ThresholdHooks, ThresholdPoint } from './threshold-hooks.js';

/** `percent(part, whole, z) op value`, as the tools read it. */
export interface PercentThreshold {
  readonly kind: 'percent';
  readonly part: string;
  readonly whole: string;
  readonly op: CompareOp;
  /** The percentage, or the name of the parameter it is compared with (`percent(…) <= poverty_max`). */
  readonly value: number | string;
  /**
   * Whether the comparison holds when the whole is zero (the declared empty-whole policy); absent
   * for a parameter whose values (a table's cells) do not all agree on it.
   */
  readonly ifWholeZero?: 'pass' | 'fail';
}

/** The same in the diff's JSON (`diffValue`, with the kind); a type, so it reads as a plain record. */
export type PercentThresholdValue = {
  readonly kind: 'percent';
  readonly part: string;
  readonly whole: string;
  readonly op: CompareOp;
  readonly value: number | string;
  readonly if_whole_zero?: 'pass' | 'fail';
};

const ZERO: Rational = { n: 0n, d: 1n };
const HUNDRED: Rational = { n: 100n, d: 1n };

/** The side of the threshold value where the outcome differs from the outcome at it: -1, +1, or 0 for either. */
const BEYOND: Readonly<Record<CompareOp, -1 | 0 | 1>> = { '>=': -1, '>': 1, '<=': 1, '<': -1, '==': 0, '!=': 0 };

export const percentThresholds: ThresholdHooks<PercentThreshold> = {
  from(call, op, value, values) {
    const [part, whole, ifZero] = call.args;
    if (part?.kind !== 'name' || whole?.kind !== 'name' || ifZero?.kind !== 'number') return undefined;
    // An empty whole takes the value if_zero: it passes when if_zero meets every value the threshold may take.
    const holds = (typeof value === 'number' ? [value] : (values ?? [])).map((v) => HOLDS[op](ifZero.value, v));
    const ifWholeZero =
      holds.length === 0 ? undefined : holds.every(Boolean) ? 'pass' : holds.some(Boolean) ? undefined : 'fail';
    return {
      kind: 'percent',
      part: part.name,
      whole: whole.name,
      op,
      value,
      ...(ifWholeZero !== undefined ? { ifWholeZero } : {}),
    };
  },

  subject: (t) => `percent:${t.part}/${t.whole}`,

  facts: (t) => [t.part, t.whole],

  print: (t, number, name = (id) => id) =>
    `${name(t.part)} / ${name(t.whole)} ${SYMBOL[t.op]} ${typeof t.value === 'number' ? `${number(t.value)}%` : name(t.value)}`,

  diffValue: (t) => ({
    part: t.part,
    whole: t.whole,
    op: t.op,
    value: t.value,
    ...(t.ifWholeZero !== undefined ? { if_whole_zero: t.ifWholeZero } : {}),
  }),

  shape(v) {
    const { part, whole, op, value, if_whole_zero: ifZero } = v;
    if (typeof part !== 'string' || typeof whole !== 'string' || !isOp(op)) return undefined;
    if (typeof value !== 'number' && typeof value !== 'string') return undefined;
    return {
      op,
      value,
      unit: 'percent',
      ratio: { part, whole },
      ...(ifZero === 'pass' || ifZero === 'fail' ? { ifZero } : {}),
    };
  },

  solve(call, op, threshold, { values, facts, fits }) {
    const [partExpr, wholeExpr, zeroExpr] = call.args;
    if (partExpr?.kind !== 'name' || wholeExpr?.kind !== 'name' || zeroExpr?.kind !== 'number')
      return { ok: false, obstacle: 'unsupported' };
    const part = partExpr.name;
    const wholeId = wholeExpr.name;
    const info = facts.get(part);
    if (info === undefined) return { ok: false, obstacle: 'unsupported' };
    const whole = values.get(wholeId);
    if (typeof whole !== 'number') return { ok: false, obstacle: 'whole_unknown' };
    const current = values.get(part);
    const exact = fromNumber(threshold);
    if (whole === 0) {
      // The declared empty-whole value decides; the part only has to be known (it can only be 0).
      if (!HOLDS[op](zeroExpr.value, threshold)) return { ok: false, obstacle: 'empty_whole' };
      return { ok: true, changes: new Map(current === undefined ? [[part, { value: 0 }]] : []) };
    }
    if (typeof current === 'number' && percentHolds(current, whole, op, exact)) return { ok: true, changes: new Map() };
    const q = requiredPart(op, exact, whole, typeof current === 'number' ? current : undefined);
    if (q === undefined || q < 0 || q > whole || !fits(info, q)) return { ok: false, obstacle: 'bounds' };
    return {
      ok: true,
      changes: new Map([
        [part, { value: q, percent: { whole: wholeId, whole_value: whole, op, threshold, required_part: q } }],
      ]),
    };
  },

  reachable(t, facts) {
    const part = facts.get(t.part);
    const whole = facts.get(t.whole);
    // A parameter's cells are placed by the table's own coverage (conformance/table-cells.ts).
    if (part === undefined || whole === undefined || typeof t.value !== 'number') return {};
    const wholes = candidateWholes(whole);
    const partOk = (p: number, w: number) =>
      Number.isInteger(p) &&
      p >= (part.min ?? -Infinity) &&
      p <= (part.max ?? Infinity) &&
      (part.partOf !== t.whole || p <= w);
    const numeric = { ...t, value: t.value };
    const some = (test: (p: number, w: number) => boolean) =>
      wholes.some((w) => partsNear(numeric.value, w).some((p) => partOk(p, w) && test(p, w)));
    return {
      at: some((p, w) => pointOf(numeric, p, w) === 'at'),
      beyond: some((p, w) => pointOf(numeric, p, w) === 'beyond'),
      empty: (whole.min ?? 0) <= 0 && (whole.max ?? 0) >= 0 && (part.min ?? 0) <= 0,
    };
  },

  measure(t, facts) {
    const p = facts(t.part);
    const w = facts(t.whole);
    if (typeof p !== 'number' || typeof w !== 'number' || w === 0) return undefined;
    return div(mul(fromNumber(p), HUNDRED), fromNumber(w));
  },

  ratio: (t) =>
    typeof t.value === 'number'
      ? { part: t.part, whole: t.whole, scale: 100, holdsWhenEmpty: t.ifWholeZero === 'pass' }
      : undefined,

  point(t, facts) {
    const p = facts[t.part];
    const w = facts[t.whole];
    // An empty whole is the empty-whole point whatever the part: a part left out of a whole of 0
    // is 0 (part_of), and the decision never reads it.
    if (w === 0) return 'empty';
    const value = t.value;
    return typeof p === 'number' && typeof w === 'number' && typeof value === 'number'
      ? pointOf({ ...t, value }, p, w)
      : undefined;
  },
};

function isOp(op: unknown): op is CompareOp {
  return typeof op === 'string' && op in BEYOND;
}

/** Where a part and a whole put a percentage threshold: exactly at it, just beyond it, or elsewhere. */
function pointOf(t: PercentThreshold & { readonly value: number }, p: number, w: number): ThresholdPoint | undefined {
  if (w === 0) return 'empty';
  // d = part × 100 − P × whole as an exact fraction: P may be a decimal (98.5, 33.3333333333) and
  // a fact too, and a tolerance would call 1 of 3 "at" 33.3333333333% when it is just above.
  const d = sub(mul(fromNumber(p), HUNDRED), mul(fromNumber(t.value), fromNumber(w)));
  const side = compare(d, ZERO);
  if (side === 0) return 'at';
  // One part across the line: d in [-100, 0) or (0, 100] (98% of 100 items: 97 is just below).
  if (compare(side > 0 ? d : neg(d), HUNDRED) > 0) return undefined;
  const step = BEYOND[t.op];
  return step === 0 || side === step ? 'beyond' : undefined;
}

/** Wholes to try for the reachability of a percentage point: small ones, round ones, the bounds. */
function candidateWholes(whole: FactInfo): number[] {
  const lo = Math.max(1, whole.min ?? 1);
  const hi = whole.max ?? Infinity;
  const list = new Set<number>([lo, lo + 1, 100, 200, 1000, 10_000]);
  for (let w = lo; w <= Math.min(hi, lo + 200); w++) list.add(w);
  if (Number.isFinite(hi)) for (const w of [hi - 1, hi]) list.add(w);
  return [...list].filter((w) => w >= lo && w <= hi);
}

/** Parts next to the line `part = P × whole / 100`. */
function partsNear(value: number, whole: number): number[] {
  const line = (value * whole) / 100;
  return [Math.floor(line) - 1, Math.floor(line), Math.ceil(line), Math.ceil(line) + 1];
}

/**
 * part × 100 op threshold × whole, exactly: the threshold may be a decimal (97.5, 1e-7) and the
 * whole large (a product past 2^53 is not exact in doubles), so both sides are fractions.
 */
function percentHolds(part: number, whole: number, op: CompareOp, threshold: Rational): boolean {
  return HOLDS[op](compare(mul(fromNumber(part), HUNDRED), mul(threshold, fromNumber(whole))), 0);
}

/** ⌊n/d⌋ for d > 0, rounding toward −∞ (BigInt division rounds toward zero). */
function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n < 0n && q * d !== n ? q - 1n : q;
}

/**
 * The part nearest the threshold on its holding side: for `>=`, ⌈threshold × whole / 100⌉,
 * computed exactly; undefined when there is none or it is past the doubles' exact integers.
 */
function requiredPart(
  op: CompareOp,
  threshold: Rational,
  whole: number,
  current: number | undefined,
): number | undefined {
  const line = mul(threshold, mul(fromNumber(whole), { n: 1n, d: 100n }));
  const floor = floorDiv(line.n, line.d);
  const onLine = line.d === 1n;
  const ceil = onLine ? floor : floor + 1n;
  let q: bigint | undefined;
  switch (op) {
    case '>=':
      q = ceil;
      break;
    case '>':
      q = floor + 1n;
      break;
    case '<=':
      q = floor;
      break;
    case '<':
      q = ceil - 1n;
      break;
    case '==':
      q = onLine ? floor : undefined;
      break;
    case '!=': {
      const base = current ?? 0;
      return percentHolds(base, whole, op, threshold) ? base : base + 1 <= whole ? base + 1 : base - 1;
    }
  }
  if (q === undefined) return undefined;
  const n = Number(q);
  return Number.isSafeInteger(n) ? n : undefined;
}
