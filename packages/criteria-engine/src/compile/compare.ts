/**
 * Comparisons, kept exact: percentages compare by cross-multiplication in integers, decimal
 * literals become fractions, ordinals compare by their declared rank. Unknown in, unknown out.
 */
import type { CompareOp } from './expression/ast.js';
import { FLIP, HOLDS } from './expression/compare-ops.js';
import type { CheckContext } from './functions/index.js';
import { BOOLEAN, ERROR, describeType, isNumeric, type Closure, type ValueType } from './types.js';
import { percentVersusConstant, slotInValues, slotVersusConstant } from './leaf.js';
import { mergeReads, type PercentParts, type Typed } from './typed.js';

const CMP = HOLDS;

/** The closure of a comparison that cannot be made: unknown, always. */
const UNKNOWN: Closure = () => undefined;

export function checkCompare(op: CompareOp, left: Typed, right: Typed, whole: Typed['expr'], ctx: CheckContext): Typed {
  const reads = mergeReads(left.reads, right.reads);
  const fn = compareClosure(op, left, right, whole, ctx);
  return { type: fn ? BOOLEAN : ERROR, fn: fn ?? UNKNOWN, expr: whole, reads };
}

/** The closure of the comparison; undefined (after reporting why, unless an operand did) when it has none. */
function compareClosure(
  op: CompareOp,
  left: Typed,
  right: Typed,
  whole: Typed['expr'],
  ctx: CheckContext,
): Closure | undefined {
  if (left.type.t === 'error' || right.type.t === 'error') return undefined;

  // percent on either side: exact.
  if (left.percent && left.type.t === 'percent') return comparePercent(op, left.percent, right, ctx);
  if (right.percent && right.type.t === 'percent') return comparePercent(FLIP[op], right.percent, left, ctx);

  if (isNumeric(left.type) && isNumeric(right.type)) return compareNumbers(op, left, right);

  if (left.type.t === 'boolean' && right.type.t === 'boolean') {
    if (op !== '==' && op !== '!=') {
      ctx.report('expr_type', whole.range, { expected: 'equality', actual: op, where: 'comparison' });
      return undefined;
    }
    if (left.slot !== undefined && typeof right.constant === 'boolean')
      return slotVersusConstant(op, left.slot, right.constant);
    const l = left.fn;
    const r = right.fn;
    const eq = op === '==';
    return (s) => {
      const a = l(s);
      const b = r(s);
      return a === undefined || b === undefined ? undefined : (a === b) === eq;
    };
  }

  const enumSide = isChoice(left.type) ? left : isChoice(right.type) ? right : undefined;
  if (enumSide) {
    const other = enumSide === left ? right : left;
    const effectiveOp = enumSide === left ? op : FLIP[op];
    return compareChoice(effectiveOp, enumSide, other, whole, ctx);
  }

  ctx.report('expr_type', whole.range, {
    expected: 'same_type',
    actual: `${describeType(left.type)} ${op} ${describeType(right.type)}`,
    where: 'comparison',
  });
  return undefined;
}

function isChoice(type: ValueType): type is Extract<ValueType, { t: 'enum' | 'ordinal' }> {
  return type.t === 'enum' || type.t === 'ordinal';
}

/** A decimal literal as an exact fraction n/d (97.99 → 9799/100). */
function toFraction(value: number): { n: number; d: number } {
  if (Number.isInteger(value)) return { n: value, d: 1 };
  const text = String(value);
  const dot = text.indexOf('.');
  if (dot < 0 || text.includes('e')) return { n: value, d: 1 };
  const d = 10 ** (text.length - dot - 1);
  return { n: Math.round(value * d), d };
}

function comparePercent(op: CompareOp, p: PercentParts, other: Typed, ctx: CheckContext): Closure {
  const cmp = CMP[op];
  const part = p.part;
  const whole = p.whole;
  const ifZero = p.ifZero;
  if (other.percent && other.type.t === 'percent') {
    const q = other.percent;
    // a/b vs c/d ⇔ a·d vs c·b (b, d > 0). An empty whole takes its declared value.
    return (s) => {
      const a = part(s) as number | undefined;
      const b = whole(s) as number | undefined;
      const cc = q.part(s) as number | undefined;
      const d = q.whole(s) as number | undefined;
      if (a === undefined || b === undefined || cc === undefined || d === undefined) return undefined;
      const left = b === 0 ? { n: ifZero, d: 1 } : { n: a * 100, d: b };
      const right = d === 0 ? { n: q.ifZero, d: 1 } : { n: cc * 100, d };
      return cmp(left.n * right.d, right.n * left.d);
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
  if (typeof other.constant === 'number') {
    const { n, d } = toFraction(other.constant);
    if (p.partSlot !== undefined && p.wholeSlot !== undefined)
      return percentVersusConstant(op, p.partSlot, p.wholeSlot, ifZero, n, d);
    // part·100/whole op n/d ⇔ part·100·d op n·whole, all integers.
    if (d === 1) {
      return (s) => {
        const w = whole(s) as number | undefined;
        const pt = part(s) as number | undefined;
        if (w === undefined || pt === undefined) return undefined;
        return w === 0 ? cmp(ifZero, n) : cmp(pt * 100, n * w);
      };
    }
    return (s) => {
      const w = whole(s) as number | undefined;
      const pt = part(s) as number | undefined;
      if (w === undefined || pt === undefined) return undefined;
      return w === 0 ? cmp(ifZero * d, n) : cmp(pt * 100 * d, n * w);
    };
  }
  const r = other.fn;
  return (s) => {
    const w = whole(s) as number | undefined;
    const pt = part(s) as number | undefined;
    const x = r(s) as number | undefined;
    if (w === undefined || pt === undefined || x === undefined) return undefined;
    return w === 0 ? cmp(ifZero, x) : cmp(pt * 100, x * w);
  };
}

function compareNumbers(op: CompareOp, left: Typed, right: Typed): Closure {
  const cmp = CMP[op];
  const l = left.fn;
  if (typeof right.constant === 'number' && left.slot !== undefined)
    return slotVersusConstant(op, left.slot, right.constant);
  if (typeof right.constant === 'number') {
    const k = right.constant;
    return (s) => {
      const a = l(s) as number | undefined;
      return a === undefined ? undefined : cmp(a, k);
    };
  }
  const r = right.fn;
  return (s) => {
    const a = l(s) as number | undefined;
    const b = r(s) as number | undefined;
    return a === undefined || b === undefined ? undefined : cmp(a, b);
  };
}

function compareChoice(
  op: CompareOp,
  choice: Typed,
  other: Typed,
  whole: Typed['expr'],
  ctx: CheckContext,
): Closure | undefined {
  const type = choice.type as Extract<ValueType, { t: 'enum' | 'ordinal' }>;
  if (type.t === 'enum' && op !== '==' && op !== '!=') {
    ctx.report('expr_type', whole.range, { expected: 'equality', actual: op, where: 'comparison' });
    return undefined;
  }
  const rank = new Map(type.values.map((v, i) => [v, i]));
  const cmp = CMP[op];
  const l = choice.fn;
  if (other.type.t === 'string') {
    const literal = other.constant as string;
    const k = rank.get(literal);
    if (k === undefined) {
      ctx.report('expr_enum_value', other.expr.range, { value: literal, of: type.of, allowed: type.values.join(', ') });
      return undefined;
    }
    if (choice.slot !== undefined) {
      // The values that satisfy the comparison, found once: a leaf then only tests membership.
      return slotInValues(
        choice.slot,
        type.values.filter((_, i) => cmp(i, k)),
      );
    }
    return (s) => {
      const v = l(s) as string | undefined;
      if (v === undefined) return undefined;
      const a = rank.get(v);
      return a === undefined ? undefined : cmp(a, k);
    };
  }
  if (other.type.t === type.t && (other.type as typeof type).of === type.of) {
    const r = other.fn;
    return (s) => {
      const a = rank.get(l(s) as string);
      const b = rank.get(r(s) as string);
      return a === undefined || b === undefined ? undefined : cmp(a, b);
    };
  }
  ctx.report('expr_type', other.expr.range, {
    expected: describeType(type),
    actual: describeType(other.type),
    where: 'comparison',
  });
  return undefined;
}
