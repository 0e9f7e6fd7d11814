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
import type { Slots } from '../compile/types.js';

export const PASS = 1;
export const FAIL = 2;
export const EXCL = 4;
export const NO_VARIANT = 8;
export const NOT_APPLICABLE_WHEN = 16;
export const APPLICABILITY_UNKNOWN = 32;
const VARIANT_SHIFT = 6;

export function criterionOutcome(plan: CriterionPlan, s: Slots): number {
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
      const v = variants[i] as NonNullable<typeof variants>[number];
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
