/**
 * Every criterion's outcome and points for the tiered decider (decide.ts), from flat tables made
 * once instead of a tree of closures per criterion. A points scheme's criteria are mostly one
 * comparison with fixed points, a step table over one fact or the best of a few options; through
 * the closures each costs an outcome function, a condition closure and a leaf closure, a step
 * table one closure per band and best_of one per option: ≈ 250 indirect calls per assessed unit on
 * the bundled points scheme, most of its `decide()` time. Here one loop walks typed
 * arrays, and a leaf made by compile/leaf.ts (a fact against a number or a boolean) is compared
 * inline, as its own closure compares it (leafShapeOf). Any other condition (all, any, count,
 * percent, …) is called as its closure; a criterion with variants keeps outcomeAndPoints.
 *
 * The same values as outcomeAndPoints (outcome.ts) for every criterion: the oracle tests, the
 * generated-versus-closures property tests and the flat-criteria test compare them.
 */
import { countShapeOf } from '../compile/count-compare.js';
import { type LeafShape, leafShapeOf } from '../compile/leaf.js';
import type { CriterionPlan } from '../compile/plan.js';
import type { PointsShape } from '../compile/points.js';
import type { Closure, Slots } from '../compile/types.js';
import { APPLICABILITY_UNKNOWN, EXCL, FAIL, NOT_APPLICABLE_WHEN, outcomeAndPoints, PASS } from './outcome.js';
import { planMiss } from './plan-miss.js';

/** Fills outcomes[i], least[i] and most[i] for every criterion i from one assessment's slots. */
export type CriteriaFiller = (s: Slots, outcomes: Int32Array, least: Int32Array, most: Int32Array) => void;

// Three-valued results of a test, as small integers.
const F = 0;
const T = 1;
const U = 2;

// Test operations: a leaf compared inline, or its closure called.
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

// Criterion kinds.
const KIND_CLOSURES = 0;
const KIND_FIXED = 1;
const KIND_RULED = 2;

/** The tables, filled at build time, then frozen into typed arrays. */
class Tables {
  readonly testOps: number[] = [];
  readonly testSlots: number[] = [];
  readonly testK: number[] = [];
  readonly testFns: Closure[] = [];
  readonly options: {
    cond: number;
    fixed: number;
    bandFrom: number;
    bandTo: number;
    slot: number;
    count: number;
  }[] = [];
  /** The arguments of each step table's `count(…)` counted once for all its bands (see sharedCount). */
  readonly counts: (readonly Closure[])[] = [];
  readonly bandTests: number[] = [];
  readonly bandPoints: number[] = [];

  /** A condition's test index. */
  test(fn: Closure): number {
    const shape = leafShapeOf(fn);
    this.testOps.push(shape ? leafOp(shape) : OP_CALL);
    this.testSlots.push(shape?.slot ?? 0);
    // A count comparison keeps its closure (OP_CALL) but records its k for sharedCount.
    this.testK.push(typeof shape?.k === 'number' ? shape.k : (countShapeOf(fn)?.k ?? 0));
    this.testFns.push(fn);
    return this.testFns.length - 1;
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
   * per band), the index in `counts` of the first band's arguments, else -1: the count is then
   * taken once and each band only compares it.
   */
  sharedCount(bands: NonNullable<PointsShape['options'][number]['bands']>): number {
    const first = bands[0]?.condition;
    const left = first?.expr?.kind === 'compare' ? first.expr.left : undefined;
    const shape = first ? countShapeOf(first.fn) : undefined;
    if (!shape || !left) return -1;
    for (const band of bands) {
      const e = band.condition.expr;
      const c = countShapeOf(band.condition.fn);
      if (e?.kind !== 'compare' || e.left !== left || c?.op !== '>=' || c.fns.length !== shape.fns.length) return -1;
    }
    this.counts.push(shape.fns);
    return this.counts.length - 1;
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
        count: this.sharedCount(option.bands ?? []),
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
  const kinds = new Int8Array(n);
  const applicable = new Int32Array(n).fill(-1);
  const conditions = new Int32Array(n).fill(-1);
  const fixedPoints = new Int32Array(n);
  const optionFrom = new Int32Array(n);
  const optionTo = new Int32Array(n);
  const bestOf = new Uint8Array(n);
  /** What a criterion counts as when it does not apply: EXCL or FAIL. */
  const notApplicable = new Int32Array(n);
  criteria.forEach((c, i) => {
    notApplicable[i] = c.notApplicable === 'exclude' ? EXCL : FAIL;
    if (c.variants) return; // KIND_CLOSURES: outcomeAndPoints
    if (!c.ruled && !c.pointsRule) kinds[i] = KIND_FIXED;
    else if (c.pointsRule && c.pointsShape) {
      kinds[i] = KIND_RULED;
      const [from, to] = tables.rule(c.pointsShape);
      optionFrom[i] = from;
      optionTo[i] = to;
      bestOf[i] = c.pointsShape.kind === 'best_of' ? 1 : 0;
    } else return;
    if (c.applicable) applicable[i] = tables.test(c.applicable.fn);
    if (c.condition) conditions[i] = tables.test(c.condition.fn);
    fixedPoints[i] = c.points;
  });
  const ops = Int8Array.from(tables.testOps);
  const slots = Int32Array.from(tables.testSlots);
  const ks = Float64Array.from(tables.testK);
  const fns = tables.testFns;
  const optionConds = Int32Array.from(tables.options, (o) => o.cond);
  const optionFixed = Int32Array.from(tables.options, (o) => o.fixed);
  const bandFrom = Int32Array.from(tables.options, (o) => o.bandFrom);
  const bandTo = Int32Array.from(tables.options, (o) => o.bandTo);
  const bandSlot = Int32Array.from(tables.options, (o) => o.slot);
  const bandCount = Int32Array.from(tables.options, (o) => o.count);
  const counts = tables.counts;
  const bandTests = Int32Array.from(tables.bandTests);
  const bandPoints = Int32Array.from(tables.bandPoints);

  /** A points rule's [least, most], written by `steps` and `rule`: scratch, as evaluation is synchronous. */
  const range = new Int32Array(2);

  /** Test t on these slots: T, F or U. A leaf's value of another type than its comparison expects goes to its closure. */
  const judge = (t: number, s: Slots): number => {
    const op = ops[t];
    const slot = slots[t];
    const k = ks[t];
    if (op === undefined || slot === undefined || k === undefined) throw planMiss('tests', t);
    if (op !== OP_CALL) {
      const a = s[slot];
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
        case OP_EQ_NUMBER:
          return a === k ? T : F;
        case OP_NE_NUMBER:
          return a !== k ? T : F;
      }
      if (typeof a === 'number') {
        if (op === OP_GE) return a >= k ? T : F;
        if (op === OP_LE) return a <= k ? T : F;
        if (op === OP_GT) return a > k ? T : F;
        return a < k ? T : F;
      }
    }
    const fn = fns[t];
    if (fn === undefined) throw planMiss('test closures', t);
    const v = fn(s);
    return v === true ? T : v === false ? F : U;
  };

  /** One step table's points as [least, most] into `range`. */
  const steps = (from: number, to: number, slot: number, count: number, s: Slots): void => {
    // As compile/points.ts compileSteps: the band reached lies between the highest certainly
    // reached (lo) and the highest not certainly missed (hi); the first band certainly missed
    // ends the walk (the thresholds rise).
    let lo = -1;
    let hi = -1;
    const a = slot < 0 ? undefined : s[slot];
    const args = count < 0 ? undefined : counts[count];
    if (args) {
      // Every band is `count(args) >= k`: the count lies in [t, t + u], taken once; each band
      // decides as compile/count-compare.ts does.
      let t = 0;
      let u = 0;
      for (let i = 0; i < args.length; i++) {
        const v = args[i]?.(s);
        if (v === true) t++;
        else if (v === undefined) u++;
      }
      for (let b = from; b < to; b++) {
        const k = ks[bandTests[b] ?? -1] ?? 0;
        if (t + u < k) break;
        if (t >= k) lo = b;
        hi = b;
      }
    } else if (slot >= 0 && a === undefined) hi = to - 1;
    else if (typeof a === 'number') {
      // Every band is `fact >= k` on this slot: its thresholds straight from the table.
      for (let b = from; b < to; b++) {
        if (!(a >= (ks[bandTests[b] ?? -1] ?? 0))) break;
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

  /** A points rule (compile/points.ts compilePoints) into `range`: each option, and for best_of the largest least and most. */
  const rule = (i: number, s: Slots): void => {
    const from = optionFrom[i] ?? 0;
    const to = optionTo[i] ?? 0;
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
      if (bestOf[i] === 0) {
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
  return (s, outcomes, least, most) => {
    for (let i = 0; i < n; i++) {
      const kind = kinds[i];
      if (kind === KIND_CLOSURES || kind === undefined) {
        const c = criteria[i];
        if (c === undefined) throw planMiss('plan criteria', i);
        outcomes[i] = outcomeAndPoints(c, s, least, most, i);
        continue;
      }
      // As outcome.ts criterionOutcome / ruledOutcome, without variants.
      let mask = 0;
      const app = applicable[i] ?? -1;
      if (app >= 0) {
        const a = judge(app, s);
        if (a === F) {
          outcomes[i] = (notApplicable[i] ?? FAIL) | NOT_APPLICABLE_WHEN;
          least[i] = 0;
          most[i] = 0;
          continue;
        }
        if (a === U) mask = (notApplicable[i] ?? FAIL) | APPLICABILITY_UNKNOWN;
      }
      const cond = conditions[i] ?? -1;
      let r: number;
      let l = fixedPoints[i] ?? 0;
      let m = l;
      if (kind === KIND_FIXED) r = cond < 0 ? U : judge(cond, s);
      else {
        r = cond < 0 ? T : judge(cond, s);
        if (r !== F) {
          rule(i, s);
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
  };
}
