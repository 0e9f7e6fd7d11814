/**
 * Comparisons, kept exact: decimal literals and values become fractions, ordinals compare by their
 * declared rank. A function's value that compares itself (percent, by cross-multiplying its parts:
 * functions/percent-compare.ts) brings its own `compare` hook. Unknown in, unknown out.
 */
import type { CompareOp } from './expression/ast.js';
import { FLIP, HOLDS } from './expression/compare-ops.js';
import type { CheckContext } from './functions/index.js';
import { BOOLEAN, ERROR, describeType, isNumeric, type Closure, type ValueType } from './types.js';
import { slotEquals, slotInValues, slotVersusConstant } from './leaf.js';
import { exactView, textView } from './closure-views.js';
import { mergeReads, type Typed } from './typed.js';
import { compareExact } from './exact/arithmetic.js';
import { decimalsOf } from './exact/rational.js';
import { isCalendarDay } from '../validate/calendar-day.js';
import { yearSpan } from './slots.js';

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

  // A function's value that compares itself (percent: exactly, by its parts), on either side.
  if (left.compare) return left.compare(op, right, ctx);
  if (right.compare) return right.compare(FLIP[op], left, ctx);

  if (left.type.t === 'date') return compareDates(op, left, right, ctx);
  if (right.type.t === 'date') return compareDates(FLIP[op], right, left, ctx);

  if (isNumeric(left.type) && isNumeric(right.type)) {
    checkThresholdDecimals(left, right, ctx);
    checkThresholdDecimals(right, left, ctx);
    return compareNumbers(op, left, right);
  }

  if (left.type.t === 'boolean' && right.type.t === 'boolean') {
    if (op !== '==' && op !== '!=') {
      ctx.report('expr_type', whole.range, { expected: 'equality', actual: op, where: 'comparison' });
      return undefined;
    }
    if (left.slot !== undefined && typeof right.constant === 'boolean')
      return slotEquals(op, left.slot, right.constant);
    const l = left.fn;
    const r = right.fn;
    const eq = op === '==';
    return (s) => {
      const a = l(s);
      const b = r(s);
      return a === undefined || b === undefined ? undefined : (a === b) === eq;
    };
  }

  if (isChoice(left.type)) return compareChoice(op, left, left.type, right, whole, ctx);
  if (isChoice(right.type)) return compareChoice(FLIP[op], right, right.type, left, whole, ctx);

  ctx.report('expr_type', whole.range, {
    expected: 'same_type',
    actual: `${describeType(left.type)} ${op} ${describeType(right.type)}`,
    where: 'comparison',
  });
  return undefined;
}

/**
 * A literal with more decimals than the fact it is compared with (`people >= 2.5` on a count, `km >= 1.255`
 * with `decimals: 2`) can never be met exactly as written: most likely a slip, so it is an error.
 */
function checkThresholdDecimals(fact: Typed, other: Typed, ctx: CheckContext): void {
  if (fact.decimals === undefined || fact.name === undefined || other.expr.kind !== 'number') return;
  const value = other.expr.value;
  if (decimalsOf(value) <= fact.decimals) return;
  ctx.report('threshold_decimals', other.expr.range, {
    value: other.expr.text,
    fact: fact.name,
    decimals: fact.decimals,
  });
}

/**
 * `date >= '2024-07-01'`: the assessment's date against a date literal (or another date). ISO days
 * order as their texts do, so the comparison is exact; a literal that is no day of the calendar
 * ("2024-02-30", "1/7/2024") is an error at the literal, never read as some other day.
 */
function compareDates(op: CompareOp, date: Typed, other: Typed, ctx: CheckContext): Closure | undefined {
  const cmp = CMP[op];
  const l = textView(date.fn);
  if (other.type.t === 'date') {
    const r = textView(other.fn);
    return (s) => {
      const a = l(s);
      const b = r(s);
      return a === undefined || b === undefined ? undefined : daysHold(op, a, b);
    };
  }
  if (other.type.t === 'string' && typeof other.constant === 'string') {
    const day = other.constant;
    if (!isCalendarDay(day)) {
      ctx.report('expr_date_literal', other.expr.range, { value: day });
      return undefined;
    }
    return (s) => {
      const a = l(s);
      if (a === undefined) return undefined;
      return a.length === 4 ? daysHold(op, a, day) : cmp(a < day ? -1 : a > day ? 1 : 0, 0);
    };
  }
  ctx.report('expr_type', other.expr.range, {
    expected: 'date',
    actual: describeType(other.type),
    where: 'comparison',
  });
  return undefined;
}

/**
 * A comparison of two date values, either of which may be a year alone ("2024", an assessment that
 * gives `area.year` and no date: slots.ts assessmentDate): true or false when every day the two may
 * stand for gives that answer, else unknown. `date < '2025-06-30'` is true for 2024 and unknown for
 * 2025; equality with a year alone is known only when the day lies outside that year.
 */
function daysHold(op: CompareOp, a: string, b: string): boolean | undefined {
  const cmp = CMP[op];
  const [a0, a1] = yearSpan(a);
  const [b0, b1] = yearSpan(b);
  if (a1 < b0) return cmp(-1, 0);
  if (a0 > b1) return cmp(1, 0);
  if (a0 === a1 && b0 === b1) return cmp(0, 0); // the same day
  if (op === '==' || op === '!=') return undefined;
  // An order holds most at one pair of ends and least at the other: certain when both agree.
  const most = cmp(a0 < b1 ? -1 : a0 > b1 ? 1 : 0, 0);
  const least = cmp(a1 < b0 ? -1 : a1 > b0 ? 1 : 0, 0);
  return most === least ? most : undefined;
}

type ChoiceType = Extract<ValueType, { t: 'enum' | 'ordinal' }>;

function isChoice(type: ValueType): type is ChoiceType {
  return type.t === 'enum' || type.t === 'ordinal';
}

function compareNumbers(op: CompareOp, left: Typed, right: Typed): Closure {
  const cmp = CMP[op];
  const l = exactView(left.fn);
  // A fact against a literal compares as doubles: both are the doubles of decimals with at most
  // 15 significant digits, which order as the decimals do (exact/arithmetic.ts, compareExact).
  if (typeof right.constant === 'number' && left.slot !== undefined)
    return slotVersusConstant(op, left.slot, right.constant);
  if (typeof right.constant === 'number') {
    const k = right.constant;
    return (s) => {
      const a = l(s);
      return a === undefined ? undefined : cmp(compareExact(a, k), 0);
    };
  }
  const r = exactView(right.fn);
  return (s) => {
    const a = l(s);
    const b = r(s);
    return a === undefined || b === undefined ? undefined : cmp(compareExact(a, b), 0);
  };
}

function compareChoice(
  op: CompareOp,
  choice: Typed,
  type: ChoiceType,
  other: Typed,
  whole: Typed['expr'],
  ctx: CheckContext,
): Closure | undefined {
  if (type.t === 'enum' && op !== '==' && op !== '!=') {
    ctx.report('expr_type', whole.range, { expected: 'equality', actual: op, where: 'comparison' });
    return undefined;
  }
  const rank = new Map(type.values.map((v, i) => [v, i]));
  const cmp = CMP[op];
  const l = textView(choice.fn);
  // A string is only ever a literal (checker.ts), so its constant is set.
  if (other.type.t === 'string' && typeof other.constant === 'string') {
    const literal = other.constant;
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
      const v = l(s);
      if (v === undefined) return undefined;
      const a = rank.get(v);
      return a === undefined ? undefined : cmp(a, k);
    };
  }
  if (isChoice(other.type) && other.type.t === type.t && other.type.of === type.of) {
    const r = textView(other.fn);
    return (s) => {
      const x = l(s);
      const y = r(s);
      const a = x === undefined ? undefined : rank.get(x);
      const b = y === undefined ? undefined : rank.get(y);
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
