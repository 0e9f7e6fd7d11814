/**
 * Every criterion's outcome and points for the tiered decider (decide.ts), from flat tables made
 * once instead of a tree of closures per criterion. A points scheme's criteria are mostly one
 * comparison with fixed points, a step table over one fact or the best of a few options; through
 * the closures each costs an outcome function, a condition closure and a leaf closure, a step
 * table one closure per band and best_of one per option: ≈ 250 indirect calls per assessed unit on
 * the bundled points scheme, most of its `decide()` time. Here one loop walks typed arrays.
 *
 * A condition is a *test* of the tables when the closure that compile/ made for it says what it
 * computes (each records its shape beside it, so what is judged here is what the closure
 * computes): a leaf (compile/leaf.ts: a fact against a number or a boolean, a choice among
 * values), `all`/`any` of tests (compile/logical.ts), a count of tests against a number
 * (compile/count-compare.ts, decided by its countVerdict). Any other condition (percent, a derived
 * quantity, …) is called as its closure. Criteria with variants are judged here too: each
 * variant's selector, condition and points, as outcome.ts does.
 *
 * The same values as outcomeAndPoints (outcome.ts) for every criterion: the oracle tests, the
 * generated-versus-closures property tests and the flat-criteria test compare them.
 */
import { countOpCode, countShapeOf, countVerdict } from '../compile/count-compare.js';
import { inValuesShapeOf, type LeafShape, leafShapeOf, slotReadOf } from '../compile/leaf.js';
import { logicalShapeOf } from '../compile/logical.js';
import type { CriterionPlan } from '../compile/plan.js';
import type { PointsShape } from '../compile/points.js';
import type { Closure, Slots } from '../compile/types.js';
import {
  APPLICABILITY_UNKNOWN,
  EXCL,
  FAIL,
  NO_VARIANT,
  NOT_APPLICABLE_WHEN,
  outcomeAndPoints,
  PASS,
  VARIANT_SHIFT,
} from './outcome.js';
import { planMiss } from './plan-miss.js';

/** Fills outcomes[i], least[i] and most[i] for every criterion i from one assessment's slots. */
export type CriteriaFiller = (s: Slots, outcomes: Int32Array, least: Int32Array, most: Int32Array) => void;

// Three-valued results of a test, as small integers.
const F = 0;
const T = 1;
const U = 2;

// Test operations: a leaf compared inline, a combination of other tests, or a closure called.
const OP_CALL = 0;
const OP_GE = 1;
const OP_LE = 2;
const OP_GT = 3;
const OP_LT = 4;
/** `a === k` and `a !== k`, for a number or a boolean k (=== never coerces, so no type check). */
const OP_EQ_NUMBER = 5;
const OP_NE_NUMBER = 6;
const OP_EQ_TRUE = 7;
const OP_EQ_FALSE = 8;
const OP_NE_TRUE = 9;
const OP_NE_FALSE = 10;
/** Kleene `all` / `any` of the tests kids[from … to). */
const OP_AND = 11;
const OP_OR = 12;
/** count(kids[from … to)) compared with k by countVerdict (the comparison's code in `aux`). */
const OP_COUNT = 13;
/** `s[slot]` is one of the values `accepted[t]` (a choice fact against a value or an ordinal bound). */
const OP_IN = 14;
/**
 * A bare yes/no fact counted by a count: true, unknown when not supplied, else false, which is
 * how a count takes its argument's value (only made for a count's arguments).
 */
const OP_TRUTH = 15;

// Criterion kinds. The FAST ones are the common shapes, judged in the main loop without a call:
// no `applicable_when`, fixed points and one leaf `fact is true` or `fact >= k`; a plain step
// table over one fact with no condition; best_of options each `fact is true` with fixed points.
const KIND_CLOSURES = 0;
const KIND_FIXED = 1;
const KIND_RULED = 2;
const KIND_VARIANTS = 3;
const KIND_FAST_TRUE = 4;
const KIND_FAST_GE = 5;
const KIND_FAST_STEPS = 6;
/** best_of options that are each `fact is true` with fixed points, and no condition. */
const KIND_FAST_BEST = 7;

// A criterion's row in `rows` (STRIDE numbers each).
const R_KIND = 0;
const R_APPLICABLE = 1;
const R_CONDITION = 2;
const R_POINTS = 3;
const R_OPTION_FROM = 4;
const R_OPTION_TO = 5;
const R_BEST_OF = 6;
const R_NOT_APPLICABLE = 7;
/** KIND_FAST_*: the slot read; KIND_VARIANTS: the first variant's row in `variants`. */
const R_SLOT = 8;
/** KIND_VARIANTS: past the last variant's row; KIND_FAST_STEPS: the first band. */
const R_END = 9;
/** KIND_FAST_STEPS: past the last band. */
const R_BAND_TO = 10;
/** KIND_VARIANTS: what no variant gives, and what an undecidable selector adds (outcome.ts criterionOutcome). */
const R_NO_VARIANT = 11;
const R_UNDECIDED = 12;
/** KIND_VARIANTS: the most any variant earns (plan.maxPoints). */
const R_MAX = 13;
/** KIND_VARIANTS: 1 when the criterion or a variant has a points rule (plan.ruled), 2 when the criterion itself has one. */
const R_RULED = 14;
const STRIDE = 15;

// A variant's row in `variants` (V_STRIDE numbers each).
const V_WHEN = 0;
const V_CONDITION = 1;
/** 1 when the variant has points of its own (then V_POINTS, or its rule V_OPTION_FROM…TO when V_RULED). */
const V_HAS_POINTS = 2;
const V_POINTS = 3;
const V_OPTION_FROM = 4;
const V_OPTION_TO = 5;
const V_BEST_OF = 6;
const V_RULED = 7;
const V_STRIDE = 8;

interface OptionRow {
  cond: number;
  fixed: number;
  bandFrom: number;
  bandTo: number;
  slot: number;
  /** The test whose count every band compares (see sharedCount), else -1. */
  count: number;
}

/** The tables, filled at build time, then frozen into typed arrays. */
class Tables {
  readonly testOps: number[] = [];
  readonly testSlots: number[] = [];
  readonly testK: number[] = [];
  readonly testFrom: number[] = [];
  readonly testTo: number[] = [];
  readonly testAux: number[] = [];
  readonly testFns: Closure[] = [];
  readonly testAccepted: (readonly string[])[] = [];
  readonly kids: number[] = [];
  readonly options: OptionRow[] = [];
  readonly bandTests: number[] = [];
  readonly bandPoints: number[] = [];

  /** A condition's test index; its parts first, when it combines others. */
  test(fn: Closure): number {
    const leaf = leafShapeOf(fn);
    const op = leaf ? leafOp(leaf) : OP_CALL;
    if (leaf && op !== OP_CALL) return this.push(op, leaf.slot, typeof leaf.k === 'number' ? leaf.k : 0, fn);
    const logical = logicalShapeOf(fn);
    if (logical) return this.combine(logical.op === 'and' ? OP_AND : OP_OR, logical.fns, 0, 0, fn);
    const count = countShapeOf(fn);
    if (count) return this.combine(OP_COUNT, count.fns, count.k, countOpCode(count.op), fn);
    const values = inValuesShapeOf(fn);
    if (values) {
      const t = this.push(OP_IN, values.slot, 0, fn);
      this.testAccepted[t] = values.accepted;
      return t;
    }
    return this.push(OP_CALL, 0, 0, fn);
  }

  private combine(op: number, fns: readonly Closure[], k: number, aux: number, fn: Closure): number {
    // A count's bare facts (`count(a, b, c)`) are read in the tables too.
    const parts = fns.map((f) => {
      const slot = op === OP_COUNT ? slotReadOf(f) : undefined;
      return slot === undefined ? this.test(f) : this.push(OP_TRUTH, slot, 0, f);
    });
    const from = this.kids.length;
    this.kids.push(...parts);
    const t = this.push(op, 0, k, fn);
    this.testFrom[t] = from;
    this.testTo[t] = this.kids.length;
    this.testAux[t] = aux;
    return t;
  }

  private push(op: number, slot: number, k: number, fn: Closure): number {
    const t = this.testFns.length;
    this.testOps.push(op);
    this.testSlots.push(slot);
    this.testK.push(k);
    this.testFrom.push(0);
    this.testTo.push(0);
    this.testAux.push(0);
    this.testFns.push(fn);
    this.testAccepted.push([]);
    return t;
  }

  /** The slot every band of a step table compares with `>=` (the usual `of: <fact>`), else -1. */
  oneSlot(from: number, to: number): number {
    const first = this.testSlots[this.bandTests[from] ?? -1];
    if (first === undefined || from === to) return -1;
    for (let b = from; b < to; b++) {
      const t = this.bandTests[b] ?? -1;
      if (this.testOps[t] !== OP_GE || this.testSlots[t] !== first) return -1;
    }
    return first;
  }

  /**
   * When every band is `count(…) >= k` over the same `of` (one parsed expression, checked once
   * per band), the first band's test, else -1: the count is then taken once, over that test's
   * parts, and each band only compares it.
   */
  sharedCount(bands: NonNullable<PointsShape['options'][number]['bands']>, firstTest: number): number {
    const first = bands[0]?.condition;
    const left = first?.expr?.kind === 'compare' ? first.expr.left : undefined;
    const shape = first ? countShapeOf(first.fn) : undefined;
    if (!shape || !left || this.testOps[firstTest] !== OP_COUNT) return -1;
    for (const band of bands) {
      const e = band.condition.expr;
      const c = countShapeOf(band.condition.fn);
      if (e?.kind !== 'compare' || e.left !== left || c?.op !== '>=' || c.fns.length !== shape.fns.length) return -1;
    }
    return firstTest;
  }

  /** A points rule's options as rows of `options`; returns [from, to). */
  rule(shape: PointsShape): [number, number] {
    const from = this.options.length;
    for (const option of shape.options) {
      const bandFrom = this.bandTests.length;
      for (const band of option.bands ?? []) {
        this.bandTests.push(this.test(band.condition.fn));
        this.bandPoints.push(band.points);
      }
      const bandTo = this.bandTests.length;
      this.options.push({
        cond: option.condition ? this.test(option.condition.fn) : -1,
        fixed: option.bands ? -1 : (option.points ?? 0),
        bandFrom,
        bandTo,
        slot: this.oneSlot(bandFrom, bandTo),
        count: this.sharedCount(option.bands ?? [], this.bandTests[bandFrom] ?? -1),
      });
    }
    return [from, this.options.length];
  }
}

function leafOp(shape: LeafShape): number {
  const { op, k } = shape;
  if (typeof k === 'boolean') {
    if (op === '==') return k ? OP_EQ_TRUE : OP_EQ_FALSE;
    if (op === '!=') return k ? OP_NE_TRUE : OP_NE_FALSE;
    return OP_CALL;
  }
  switch (op) {
    case '>=':
      return OP_GE;
    case '<=':
      return OP_LE;
    case '>':
      return OP_GT;
    case '<':
      return OP_LT;
    case '==':
      return OP_EQ_NUMBER;
    case '!=':
      return OP_NE_NUMBER;
  }
}

export function createCriteriaFiller(criteria: readonly CriterionPlan[]): CriteriaFiller {
  const n = criteria.length;
  const tables = new Tables();
  const rows = new Int32Array(n * STRIDE);
  const variantRows: number[] = [];
  criteria.forEach((c, i) => {
    const at = i * STRIDE;
    const notApplicable = c.notApplicable === 'exclude' ? EXCL : FAIL;
    rows[at + R_NOT_APPLICABLE] = notApplicable;
    rows[at + R_APPLICABLE] = c.applicable ? tables.test(c.applicable.fn) : -1;
    rows[at + R_CONDITION] = c.condition ? tables.test(c.condition.fn) : -1;
    rows[at + R_POINTS] = c.points;
    let kind = KIND_CLOSURES;
    if (c.variants) {
      // Every variant's points rule must have come through in parts (it always does for a
      // ruleset without errors); else the criterion keeps the closures.
      if (c.variants.some((v) => v.pointsRule && !v.pointsShape)) kind = KIND_CLOSURES;
      else {
        kind = KIND_VARIANTS;
        rows[at + R_SLOT] = variantRows.length / V_STRIDE;
        for (const v of c.variants) {
          const [from, to] = v.pointsRule && v.pointsShape ? tables.rule(v.pointsShape) : [0, 0];
          variantRows.push(
            tables.test(v.when),
            v.condition ? tables.test(v.condition.fn) : -1,
            v.points !== undefined ? 1 : 0,
            v.points ?? 0,
            from,
            to,
            v.pointsShape?.kind === 'best_of' ? 1 : 0,
            v.pointsRule ? 1 : 0,
          );
        }
        rows[at + R_END] = variantRows.length / V_STRIDE;
        rows[at + R_NO_VARIANT] = c.noVariant === 'fail' ? FAIL : notApplicable | NO_VARIANT;
        rows[at + R_UNDECIDED] = c.noVariant === 'fail' ? FAIL : notApplicable;
        rows[at + R_MAX] = c.maxPoints ?? c.points;
        rows[at + R_RULED] = c.ruled ? 1 : 0;
        // Criterion-level points for a variant without its own.
        if (c.pointsRule && c.pointsShape) {
          const [from, to] = tables.rule(c.pointsShape);
          rows[at + R_OPTION_FROM] = from;
          rows[at + R_OPTION_TO] = to;
          rows[at + R_BEST_OF] = c.pointsShape.kind === 'best_of' ? 1 : 0;
          rows[at + R_RULED] = 2;
        } else if (c.pointsRule) kind = KIND_CLOSURES;
      }
    } else if (!c.ruled && !c.pointsRule) kind = KIND_FIXED;
    else if (c.pointsRule && c.pointsShape) {
      kind = KIND_RULED;
      const [from, to] = tables.rule(c.pointsShape);
      rows[at + R_OPTION_FROM] = from;
      rows[at + R_OPTION_TO] = to;
      rows[at + R_BEST_OF] = c.pointsShape.kind === 'best_of' ? 1 : 0;
    }
    rows[at + R_KIND] = kind;
  });
  const ops = Int8Array.from(tables.testOps);
  const slots = Int32Array.from(tables.testSlots);
  const ks = Float64Array.from(tables.testK);
  const testFrom = Int32Array.from(tables.testFrom);
  const testTo = Int32Array.from(tables.testTo);
  const aux = Int32Array.from(tables.testAux);
  const kids = Int32Array.from(tables.kids);
  const accepted = tables.testAccepted;
  const fns = tables.testFns;
  const optionConds = Int32Array.from(tables.options, (o) => o.cond);
  const optionFixed = Int32Array.from(tables.options, (o) => o.fixed);
  const bandFrom = Int32Array.from(tables.options, (o) => o.bandFrom);
  const bandTo = Int32Array.from(tables.options, (o) => o.bandTo);
  const bandSlot = Int32Array.from(tables.options, (o) => o.slot);
  const bandCount = Int32Array.from(tables.options, (o) => o.count);
  const bandTests = Int32Array.from(tables.bandTests);
  const bandPoints = Int32Array.from(tables.bandPoints);
  // Each band's threshold, read straight when every band of its table is `fact >= k` on one slot.
  const bandK = Float64Array.from(tables.bandTests, (t) => ks[t] ?? 0);
  const variants = Int32Array.from(variantRows);

  // The common shapes, judged in the main loop without a call (see KIND_FAST_*).
  for (let i = 0; i < n; i++) {
    const at = i * STRIDE;
    const kind = rows[at + R_KIND];
    if (rows[at + R_APPLICABLE] !== -1) continue;
    const cond = rows[at + R_CONDITION] ?? -1;
    if (kind === KIND_FIXED && cond >= 0 && (ops[cond] === OP_EQ_TRUE || ops[cond] === OP_GE)) {
      rows[at + R_KIND] = ops[cond] === OP_EQ_TRUE ? KIND_FAST_TRUE : KIND_FAST_GE;
      rows[at + R_SLOT] = slots[cond] ?? 0;
    }
    const o = rows[at + R_OPTION_FROM] ?? 0;
    if (
      kind === KIND_RULED &&
      cond < 0 &&
      rows[at + R_OPTION_TO] === o + 1 &&
      optionConds[o] === -1 &&
      optionFixed[o] === -1 &&
      (bandSlot[o] ?? -1) >= 0
    ) {
      rows[at + R_KIND] = KIND_FAST_STEPS;
      rows[at + R_SLOT] = bandSlot[o] ?? 0;
      rows[at + R_END] = bandFrom[o] ?? 0;
      rows[at + R_BAND_TO] = bandTo[o] ?? 0;
    }
    let plainBest = kind === KIND_RULED && cond < 0 && rows[at + R_BEST_OF] === 1;
    for (let k = o; plainBest && k < (rows[at + R_OPTION_TO] ?? 0); k++)
      plainBest = ops[optionConds[k] ?? -1] === OP_EQ_TRUE && (optionFixed[k] ?? -1) >= 0;
    if (plainBest) rows[at + R_KIND] = KIND_FAST_BEST;
  }

  /** A points rule's [least, most], written by `steps` and `rule`: scratch, as evaluation is synchronous. */
  const range = new Int32Array(2);

  /** Test t on these slots: T, F or U. A leaf's value of another type than its comparison expects goes to its closure. */
  const judge = (t: number, s: Slots): number => {
    const op = ops[t];
    if (op === undefined) throw planMiss('tests', t);
    if (op === OP_CALL) return call(t, s);
    if (op >= OP_AND && op <= OP_IN) return combined(op, t, s);
    const a = s[slots[t] ?? 0];
    if (a === undefined) return U;
    switch (op) {
      case OP_EQ_TRUE:
        return a === true ? T : F;
      case OP_EQ_FALSE:
        return a === false ? T : F;
      case OP_NE_TRUE:
        return a !== true ? T : F;
      case OP_NE_FALSE:
        return a !== false ? T : F;
      case OP_TRUTH:
        return a === true ? T : F;
      case OP_EQ_NUMBER:
        return a === ks[t] ? T : F;
      case OP_NE_NUMBER:
        return a !== ks[t] ? T : F;
    }
    if (typeof a !== 'number') return call(t, s);
    const k = ks[t] ?? 0;
    if (op === OP_GE) return a >= k ? T : F;
    if (op === OP_LE) return a <= k ? T : F;
    if (op === OP_GT) return a > k ? T : F;
    return a < k ? T : F;
  };

  /**
   * `fact is true` (or a bare yes/no fact in a count): the commonest part of an `all`, `any` or
   * count, judged where it is read instead of through `judge`, a call per part (≈ 25 of them per
   * assessment of the points scheme). The same value as `judge` gives for OP_EQ_TRUE/OP_TRUTH.
   */
  const yesLeaf = (t: number): boolean => {
    const op = ops[t];
    return op === OP_EQ_TRUE || op === OP_TRUTH;
  };
  const yesTest = (t: number, s: Slots): number => {
    const a = s[slots[t] ?? 0];
    return a === undefined ? U : a === true ? T : F;
  };

  /** A test's own closure, for what the tables do not judge themselves. */
  const call = (t: number, s: Slots): number => {
    const fn = fns[t];
    if (fn === undefined) throw planMiss('test closures', t);
    const v = fn(s);
    return v === true ? T : v === false ? F : U;
  };

  /**
   * Test t where a value other than true, false and unknown reads as true (`applicable_when`, an
   * operand of `all`: they ask only "is it false?") or as false (a variant's selector, an operand
   * of `any`: "is it true?"), as outcome.ts and compile/logical.ts read them. Only a closure can
   * give such a value (a slot holding one, from decideSlots): the tables' own tests give T, F or U.
   */
  const judgeUnlessFalse = (t: number, s: Slots): number => {
    if (ops[t] !== OP_CALL) return judge(t, s);
    const x = fns[t]?.(s);
    return x === false ? F : x === undefined ? U : T;
  };
  const judgeIfTrue = (t: number, s: Slots): number => {
    if (ops[t] !== OP_CALL) return judge(t, s);
    const x = fns[t]?.(s);
    return x === true ? T : x === undefined ? U : F;
  };

  /** `all`, `any`, a count, or a choice among values (OP_AND … OP_IN). */
  const combined = (op: number, t: number, s: Slots): number => {
    if (op === OP_IN) {
      const v = s[slots[t] ?? 0];
      if (v === undefined) return U;
      const values = accepted[t];
      if (values === undefined) throw planMiss('accepted values', t);
      for (let i = 0; i < values.length; i++) if (values[i] === v) return T;
      return F;
    }
    const from = testFrom[t] ?? 0;
    const to = testTo[t] ?? 0;
    if (op === OP_COUNT) {
      const lo = countTrue(from, to, s);
      const v = countVerdict(aux[t] ?? 0, lo, lo + unknownCounted, ks[t] ?? 0);
      return v === true ? T : v === false ? F : U;
    }
    // Kleene: for all, one false decides, else any unknown; for any, one true decides.
    const and = op === OP_AND;
    const decisive = and ? F : T;
    let r = and ? T : F;
    for (let c = from; c < to; c++) {
      const k = kids[c] ?? -1;
      const v = yesLeaf(k) ? yesTest(k, s) : and ? judgeUnlessFalse(k, s) : judgeIfTrue(k, s);
      if (v === decisive) return v;
      if (v === U) r = U;
    }
    return r;
  };

  /** The parts of a count that are unknown, set by countTrue (scratch: evaluation is synchronous). */
  let unknownCounted = 0;
  /** How many of the tests kids[from … to) are true; how many are unknown goes to unknownCounted. */
  const countTrue = (from: number, to: number, s: Slots): number => {
    let t = 0;
    let u = 0;
    for (let c = from; c < to; c++) {
      const k = kids[c] ?? -1;
      // As compile/count-compare.ts counts: true counts, unknown may count, anything else not.
      if (ops[k] === OP_CALL) {
        const x = fns[k]?.(s);
        if (x === true) t++;
        else if (x === undefined) u++;
        continue;
      }
      const v = yesLeaf(k) ? yesTest(k, s) : judge(k, s);
      if (v === T) t++;
      else if (v === U) u++;
    }
    unknownCounted = u;
    return t;
  };

  /** [least, most] of the bands' points between the band certainly reached (lo) and the highest not certainly missed (hi). */
  const bandRange = (from: number, lo: number, hi: number): void => {
    let least = lo < 0 ? 0 : (bandPoints[lo] ?? 0);
    let most = least;
    for (let b = lo < 0 ? from : lo + 1; b <= hi; b++) {
      const p = bandPoints[b] ?? 0;
      if (p < least) least = p;
      if (p > most) most = p;
    }
    range[0] = least;
    range[1] = most;
  };

  /** One step table's points as [least, most] into `range`. */
  const steps = (from: number, to: number, slot: number, count: number, s: Slots): void => {
    // As compile/points.ts compileSteps: the band reached lies between the highest certainly
    // reached (lo) and the highest not certainly missed (hi); the first band certainly missed
    // ends the walk (the thresholds rise).
    let lo = -1;
    let hi = -1;
    const a = slot < 0 ? undefined : s[slot];
    if (count >= 0) {
      // Every band is `count(parts) >= k`: the count lies in [t, t + u], taken once; each band
      // decides as a count comparison does (countVerdict).
      const t = countTrue(testFrom[count] ?? 0, testTo[count] ?? 0, s);
      const u = unknownCounted;
      for (let b = from; b < to; b++) {
        const v = countVerdict(0, t, t + u, ks[bandTests[b] ?? -1] ?? 0);
        if (v === false) break;
        if (v === true) lo = b;
        hi = b;
      }
    } else if (slot >= 0 && a === undefined) hi = to - 1;
    else if (typeof a === 'number') {
      // Every band is `fact >= k` on this slot: its thresholds straight from the table.
      for (let b = from; b < to; b++) {
        if (!(a >= (bandK[b] ?? 0))) break;
        lo = b;
        hi = b;
      }
    } else
      for (let b = from; b < to; b++) {
        const v = judge(bandTests[b] ?? -1, s);
        if (v === F) break;
        if (v === T) lo = b;
        hi = b;
      }
    bandRange(from, lo, hi);
  };

  /** A points rule (compile/points.ts compilePoints) into `range`: each option, and for best_of the largest least and most. */
  const rule = (from: number, to: number, bestOf: number, s: Slots): void => {
    let least = 0;
    let most = 0;
    for (let o = from; o < to; o++) {
      const cond = optionConds[o] ?? -1;
      const v = cond < 0 ? T : judge(cond, s);
      // The option counts only when its condition holds: false earns 0, unknown earns [0, most].
      if (v === F) {
        range[0] = 0;
        range[1] = 0;
      } else {
        const fixed = optionFixed[o] ?? -1;
        if (fixed >= 0) {
          range[0] = fixed;
          range[1] = fixed;
        } else steps(bandFrom[o] ?? 0, bandTo[o] ?? 0, bandSlot[o] ?? -1, bandCount[o] ?? -1, s);
        if (v === U) range[0] = 0;
      }
      const l = range[0] ?? 0;
      const m = range[1] ?? 0;
      if (bestOf === 0) {
        least = l;
        most = m;
      } else {
        if (l > least) least = l;
        if (m > most) most = m;
      }
    }
    range[0] = least;
    range[1] = most;
  };

  /**
   * A criterion with variants, as outcome.ts criterionOutcome / ruledOutcome and pointsOf: the
   * first variant whose selector holds gives the condition and, when it has its own, the points.
   * Returns the outcome; its [least, most] goes to `range`.
   */
  const variantOutcome = (at: number, s: Slots, mask: number): number => {
    const from = rows[at + R_SLOT] ?? 0;
    const to = rows[at + R_END] ?? 0;
    const none = rows[at + R_NO_VARIANT] ?? FAIL;
    range[0] = 0;
    range[1] = 0;
    let chosen = -1;
    for (let v = from; v < to; v++) {
      const w = judgeIfTrue(variants[v * V_STRIDE + V_WHEN] ?? -1, s);
      if (w === T) {
        chosen = v;
        break;
      }
      // An earlier selector we cannot decide: any later variant, or none, may apply; the points
      // are anything up to the most any variant earns.
      if (w === U) {
        range[1] = rows[at + R_MAX] ?? 0;
        return mask | PASS | FAIL | (rows[at + R_UNDECIDED] ?? FAIL);
      }
    }
    if (chosen < 0) return mask | none;
    const vat = chosen * V_STRIDE;
    const bits = (chosen - from + 1) << VARIANT_SHIFT;
    // The points: the variant's own, else the criterion's (a rule or fixed).
    let ruled = rows[at + R_RULED] === 2;
    let ruleFrom = rows[at + R_OPTION_FROM] ?? 0;
    let ruleTo = rows[at + R_OPTION_TO] ?? 0;
    let bestOf = rows[at + R_BEST_OF] ?? 0;
    let points = rows[at + R_POINTS] ?? 0;
    if (variants[vat + V_HAS_POINTS] === 1) {
      ruled = variants[vat + V_RULED] === 1;
      ruleFrom = variants[vat + V_OPTION_FROM] ?? 0;
      ruleTo = variants[vat + V_OPTION_TO] ?? 0;
      bestOf = variants[vat + V_BEST_OF] ?? 0;
      points = variants[vat + V_POINTS] ?? 0;
    }
    const cond = variants[vat + V_CONDITION] ?? -1;
    // Without a condition (plans always give a variant one; kept for the meaning): a criterion
    // without points rules is unknown and carries no variant bits, so its points are anything up
    // to the most any variant earns (criterionOutcome, pointsOf); one with rules passes on its
    // points alone (ruledOutcome).
    if (cond < 0 && rows[at + R_RULED] === 0) {
      range[1] = rows[at + R_MAX] ?? 0;
      return mask | PASS | FAIL;
    }
    let r = cond < 0 ? T : judge(cond, s);
    let l = points;
    let m = points;
    if (r !== F && ruled) {
      rule(ruleFrom, ruleTo, bestOf, s);
      l = range[0] ?? 0;
      m = range[1] ?? 0;
      if (l < 1) r = m === 0 ? F : U;
    }
    const o = mask | (r === T ? PASS : r === F ? FAIL : PASS | FAIL) | bits;
    if (!(o & PASS)) {
      range[0] = 0;
      range[1] = 0;
    } else {
      range[0] = (o & 7) === PASS && !(o & APPLICABILITY_UNKNOWN) ? l : 0;
      range[1] = m;
    }
    return o;
  };

  return (s, outcomes, least, most) => {
    for (let i = 0; i < n; i++) {
      const at = i * STRIDE;
      const kind = rows[at + R_KIND];
      if (kind === KIND_FAST_TRUE) {
        // `fact is true` with fixed points p.
        const a = s[rows[at + R_SLOT] ?? 0];
        const p = rows[at + R_POINTS] ?? 0;
        if (a === true) {
          outcomes[i] = PASS;
          least[i] = p;
          most[i] = p;
        } else if (a === undefined) {
          outcomes[i] = PASS | FAIL;
          least[i] = 0;
          most[i] = p;
        } else {
          outcomes[i] = FAIL;
          least[i] = 0;
          most[i] = 0;
        }
        continue;
      }
      if (kind === KIND_FAST_BEST) {
        // As `rule` for these options: a true one earns its points, an unknown one up to them.
        let l = 0;
        let m = 0;
        const to = rows[at + R_OPTION_TO] ?? 0;
        for (let k = rows[at + R_OPTION_FROM] ?? 0; k < to; k++) {
          const a = s[slots[optionConds[k] ?? -1] ?? 0];
          const p = optionFixed[k] ?? 0;
          if (a === true) {
            if (p > l) l = p;
            if (p > m) m = p;
          } else if (a === undefined && p > m) m = p;
        }
        // It passes only when it certainly earns a point, fails when it can earn none.
        if (l >= 1) {
          outcomes[i] = PASS;
          least[i] = l;
          most[i] = m;
        } else if (m === 0) {
          outcomes[i] = FAIL;
          least[i] = 0;
          most[i] = 0;
        } else {
          outcomes[i] = PASS | FAIL;
          least[i] = 0;
          most[i] = m;
        }
        continue;
      }
      if (kind === KIND_FAST_STEPS) {
        const a = s[rows[at + R_SLOT] ?? 0];
        if (typeof a === 'number') {
          const from = rows[at + R_END] ?? 0;
          const to = rows[at + R_BAND_TO] ?? 0;
          let b = from;
          while (b < to && a >= (bandK[b] ?? 0)) b++;
          // The band reached is b − 1 (none when b = from): its points, certain. It passes when
          // it earns a point and fails when it earns none (a band worth less than 0 is left to
          // the general path, where it is unknown).
          const p = b === from ? 0 : (bandPoints[b - 1] ?? 0);
          if (p >= 1) {
            outcomes[i] = PASS;
            least[i] = p;
            most[i] = p;
            continue;
          }
          if (p === 0) {
            outcomes[i] = FAIL;
            least[i] = 0;
            most[i] = 0;
            continue;
          }
        }
      } else if (kind === KIND_FAST_GE) {
        const a = s[rows[at + R_SLOT] ?? 0];
        if (typeof a === 'number') {
          const p = rows[at + R_POINTS] ?? 0;
          if (a >= (ks[rows[at + R_CONDITION] ?? -1] ?? 0)) {
            outcomes[i] = PASS;
            least[i] = p;
            most[i] = p;
          } else {
            outcomes[i] = FAIL;
            least[i] = 0;
            most[i] = 0;
          }
          continue;
        }
      }
      general(i, at, kind ?? KIND_CLOSURES, s, outcomes, least, most);
    }
  };

  /** Every other criterion, and a fast one whose value is unknown or of another type. */
  function general(
    i: number,
    at: number,
    kind: number,
    s: Slots,
    outcomes: Int32Array,
    least: Int32Array,
    most: Int32Array,
  ): void {
    if (kind === KIND_CLOSURES) {
      const c = criteria[i];
      if (c === undefined) throw planMiss('plan criteria', i);
      outcomes[i] = outcomeAndPoints(c, s, least, most, i);
      return;
    }
    // As outcome.ts criterionOutcome / ruledOutcome.
    let mask = 0;
    const app = rows[at + R_APPLICABLE] ?? -1;
    const notApplicable = rows[at + R_NOT_APPLICABLE] ?? FAIL;
    if (app >= 0) {
      const a = judgeUnlessFalse(app, s);
      if (a === F) {
        outcomes[i] = notApplicable | NOT_APPLICABLE_WHEN;
        least[i] = 0;
        most[i] = 0;
        return;
      }
      if (a === U) mask = notApplicable | APPLICABILITY_UNKNOWN;
    }
    if (kind === KIND_VARIANTS) {
      outcomes[i] = variantOutcome(at, s, mask);
      least[i] = range[0] ?? 0;
      most[i] = range[1] ?? 0;
      return;
    }
    const cond = rows[at + R_CONDITION] ?? -1;
    let r: number;
    let l = rows[at + R_POINTS] ?? 0;
    let m = l;
    if (kind === KIND_FIXED || kind === KIND_FAST_TRUE || kind === KIND_FAST_GE) r = cond < 0 ? U : judge(cond, s);
    else {
      r = cond < 0 ? T : judge(cond, s);
      if (r !== F) {
        rule(rows[at + R_OPTION_FROM] ?? 0, rows[at + R_OPTION_TO] ?? 0, rows[at + R_BEST_OF] ?? 0, s);
        l = range[0] ?? 0;
        m = range[1] ?? 0;
        // It passes only when it earns at least a point.
        if (l < 1) r = m === 0 ? F : U;
      }
    }
    const o = mask | (r === T ? PASS : r === F ? FAIL : PASS | FAIL);
    outcomes[i] = o;
    if (!(o & PASS)) {
      least[i] = 0;
      most[i] = 0;
    } else {
      least[i] = (o & 7) === PASS && !(o & APPLICABILITY_UNKNOWN) ? l : 0;
      most[i] = m;
    }
  }
}
