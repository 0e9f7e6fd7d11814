/**
 * A criterion's outcome packed in one small integer, so the decision-only path allocates
 * nothing and the full path decodes the very same value (one definition of the logic).
 *
 * bits 0–2: the outcomes still possible — PASS, FAIL (counts as failed), EXCL (left out of the
 *           denominator). One bit set: decided. Several: unknown.
 * bit 3:    the criterion is not applicable because no variant fits the context
 * bit 4:    the criterion is not applicable because `applicable_when` is false
 * bit 5:    whether it applies is unknown (its status is unknown even when how it counts is not:
 *           "not applicable, counted as failed" and "failed" count the same)
 * bits 6+:  index of the chosen variant + 1 (0: no variant chosen)
 */
import type { CriterionPlan } from '../compile/plan.js';
import { leastPoints, mostPoints, packPoints } from '../compile/points.js';
import type { Slots, Value } from '../compile/types.js';
import { planMiss } from './plan-miss.js';

export const PASS = 1;
export const FAIL = 2;
export const EXCL = 4;
export const NO_VARIANT = 8;
export const NOT_APPLICABLE_WHEN = 16;
export const APPLICABILITY_UNKNOWN = 32;
export const VARIANT_SHIFT = 6;

export function criterionOutcome(plan: CriterionPlan, s: Slots): number {
  if (plan.ruled) return ruledOutcome(plan, s);
  const notApplicable = plan.notApplicable === 'exclude' ? EXCL : FAIL;
  let mask = 0;
  if (plan.applicable) {
    const a = plan.applicable.fn(s);
    if (a === false) return notApplicable | NOT_APPLICABLE_WHEN;
    if (a === undefined) mask = notApplicable | APPLICABILITY_UNKNOWN; // it may yet turn out not applicable
  }
  let condition = plan.condition;
  let variantBits = 0;
  const variants = plan.variants;
  if (variants) {
    condition = undefined;
    for (let i = 0; i < variants.length; i++) {
      const v = variants[i];
      if (v === undefined) throw planMiss('criterion variants', i);
      const w = v.when(s);
      if (w === true) {
        condition = v.condition;
        variantBits = (i + 1) << VARIANT_SHIFT;
        break;
      }
      // An earlier selector we cannot decide: any later variant, or none, may apply.
      if (w === undefined) return mask | PASS | FAIL | (plan.noVariant === 'fail' ? FAIL : notApplicable);
    }
    if (!condition) {
      const none = plan.noVariant === 'fail' ? FAIL : notApplicable | NO_VARIANT;
      return mask | none;
    }
  }
  if (!condition) return mask | PASS | FAIL;
  const r = condition.fn(s);
  return mask | (r === true ? PASS : r === false ? FAIL : PASS | FAIL) | variantBits;
}

/**
 * The outcome of a criterion whose points are a step table or best_of (here or in a variant): it
 * passes when its condition (if any) holds and it earns at least 1 point, fails when either
 * certainly does not. Kept apart so criteria with fixed points run the code above unchanged.
 */
function ruledOutcome(plan: CriterionPlan, s: Slots): number {
  const notApplicable = plan.notApplicable === 'exclude' ? EXCL : FAIL;
  let mask = 0;
  if (plan.applicable) {
    const a = plan.applicable.fn(s);
    if (a === false) return notApplicable | NOT_APPLICABLE_WHEN;
    if (a === undefined) mask = notApplicable | APPLICABILITY_UNKNOWN;
  }
  let condition = plan.condition;
  let rule = plan.pointsRule;
  let fixed = false;
  let variantBits = 0;
  const variants = plan.variants;
  if (variants) {
    let chosen: NonNullable<typeof variants>[number] | undefined;
    for (let i = 0; i < variants.length; i++) {
      const v = variants[i];
      if (v === undefined) throw planMiss('criterion variants', i);
      const w = v.when(s);
      if (w === true) {
        chosen = v;
        variantBits = (i + 1) << VARIANT_SHIFT;
        break;
      }
      if (w === undefined) return mask | PASS | FAIL | (plan.noVariant === 'fail' ? FAIL : notApplicable);
    }
    if (!chosen) return mask | (plan.noVariant === 'fail' ? FAIL : notApplicable | NO_VARIANT);
    condition = chosen.condition;
    // A variant's own points win: fixed points there make it an ordinary criterion.
    if (chosen.points !== undefined) {
      rule = chosen.pointsRule;
      fixed = rule === undefined;
    }
  }
  // Only `true` and `false` are tested below: anything else (unknown) stays PASS | FAIL, as before.
  let r: Value = condition ? condition.fn(s) : true;
  if (r !== false && !fixed && rule) {
    const p = rule(s);
    lastRulePoints = p;
    const earns = leastPoints(p) >= 1 ? true : mostPoints(p) === 0 ? false : undefined;
    if (earns === false) r = false;
    else if (earns === undefined) r = undefined;
  }
  return mask | (r === true ? PASS : r === false ? FAIL : PASS | FAIL) | variantBits;
}

/**
 * The points rule's value ruledOutcome computed last (-1: none since the reset). Evaluation is
 * synchronous and a rule calls no user code, so `outcomeAndPoints` reads it right after
 * `criterionOutcome` instead of running the step table or best_of a second time.
 */
let lastRulePoints = -1;

/**
 * The fast path's one call per criterion: its outcome (returned) and its points, written as
 * [least, most] into `least[i]` and `most[i]`; the same values as criterionOutcome and
 * criterionPoints, with a points rule evaluated once.
 */
export function outcomeAndPoints(
  plan: CriterionPlan,
  s: Slots,
  least: Int32Array,
  most: Int32Array,
  i: number,
): number {
  lastRulePoints = -1;
  const o = criterionOutcome(plan, s);
  if (!(o & PASS)) {
    least[i] = 0;
    most[i] = 0;
    return o;
  }
  const p = pointsOf(plan, s, o, lastRulePoints);
  least[i] = leastPoints(p);
  most[i] = mostPoints(p);
  return o;
}

/**
 * What a criterion earns, as an interval packed by compile/points.ts: [points, points] when it
 * certainly passes with fixed points, [0, points] when it may pass, [0, 0] when it cannot; a step
 * table or best_of gives its own interval (its least only when the criterion certainly passes).
 */
export function criterionPoints(plan: CriterionPlan, s: Slots, o: number): number {
  return pointsOf(plan, s, o, -1);
}

/** criterionPoints, given the points rule's value when it is known already (else -1: evaluate it). */
function pointsOf(plan: CriterionPlan, s: Slots, o: number, ruleValue: number): number {
  if (!(o & PASS)) return 0;
  const certain = (o & 7) === PASS && !(o & APPLICABILITY_UNKNOWN);
  let points = plan.points;
  let rule = plan.pointsRule;
  const vi = (o >> VARIANT_SHIFT) - 1;
  const variant = vi >= 0 ? plan.variants?.[vi] : undefined;
  if (variant?.points !== undefined) {
    points = variant.points;
    rule = variant.pointsRule;
  } else if (plan.variants && !variant) {
    // Which variant applies is not known yet: anything up to the most any of them earns.
    return packPoints(0, plan.maxPoints ?? plan.points);
  }
  if (!rule) return packPoints(certain ? points : 0, points);
  const p = ruleValue >= 0 ? ruleValue : rule(s);
  return certain ? p : packPoints(0, mostPoints(p));
}

/** A criterion's status in the result, decoded from its outcome (one definition for every path). */
export function criterionStatus(o: number): 'pass' | 'fail' | 'not_applicable' | 'unknown' {
  if (o & APPLICABILITY_UNKNOWN) return 'unknown';
  const p = o & 7;
  if (p === PASS) return 'pass';
  if (p === EXCL || (p === FAIL && o & (NO_VARIANT | NOT_APPLICABLE_WHEN))) return 'not_applicable';
  return p === FAIL ? 'fail' : 'unknown';
}

/** How a criterion's outcome counts in its standard. */
export function countsAs(o: number): 'passed' | 'failed' | 'excluded' | 'unknown' {
  const p = o & 7;
  return p === PASS ? 'passed' : p === FAIL ? 'failed' : p === EXCL ? 'excluded' : 'unknown';
}

export function possible(outcome: number): number {
  return outcome & 7;
}

export function variantIndex(outcome: number): number {
  return (outcome >> VARIANT_SHIFT) - 1;
}

/** The best and the worst of the still-possible outcomes, for bounds on a group's count. */
export function best(outcome: number): number {
  return outcome & PASS ? PASS : outcome & EXCL ? EXCL : FAIL;
}
export function worst(outcome: number): number {
  return outcome & FAIL ? FAIL : outcome & EXCL ? EXCL : PASS;
}
