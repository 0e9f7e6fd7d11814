/**
 * Judging the tiers of a scheme with levels, count requirements or points (compile/levels.ts):
 * each tier's requirements on the worst and the best completion of the unknown criteria (the same
 * arithmetic as a standard's, requirement.ts), its mandatory criteria and its blocking
 * disqualifiers; then the level reached for certain and the highest still possible. It reads the
 * criteria's packed outcomes and points from arrays the caller fills once per evaluation, and
 * allocates nothing itself, so the fast `decide` and the traced `evaluate` share it.
 */
import type { RequirementCheck, TierPlan } from '../compile/levels.js';
import { leastPoints, mostPoints } from '../compile/points.js';
import { EXCL, FAIL, PASS } from './outcome.js';
import { meets } from './requirement.js';

export const MET = 0;
export const NOT_MET = 1;
export const UNKNOWN = 2;
export type Verdict = typeof MET | typeof NOT_MET | typeof UNKNOWN;

/** Per evaluation: each criterion's outcome and packed points, each disqualifier's value. */
export interface TierInputs {
  readonly outcomes: ArrayLike<number>;
  readonly points: ArrayLike<number>;
  /** 1: applies, 0: clear, 2: unknown. */
  readonly disqualifiers: ArrayLike<number>;
}

/** One requirement over its criteria: met when the worst completion meets it, not met when even the best does not. */
export function judgeCheck(check: RequirementCheck, input: TierInputs): Verdict {
  let worstPassed = 0;
  let worstApplicable = 0;
  let worstPoints = 0;
  let bestPassed = 0;
  let bestApplicable = 0;
  let bestPoints = 0;
  const { outcomes, points } = input;
  const criteria = check.criteria;
  for (let k = 0; k < criteria.length; k++) {
    const i = criteria[k] as number;
    const o = outcomes[i] as number;
    const p = points[i] as number;
    if (o & FAIL) worstApplicable++;
    else if (!(o & EXCL)) {
      worstPassed++;
      worstApplicable++;
    }
    if (o & PASS) {
      bestPassed++;
      bestApplicable++;
    } else if (!(o & EXCL)) bestApplicable++;
    worstPoints += leastPoints(p);
    bestPoints += mostPoints(p);
  }
  const req = check.requirement;
  if (meets(req, worstPassed, worstApplicable, worstPoints)) return MET;
  return meets(req, bestPassed, bestApplicable, bestPoints) ? UNKNOWN : NOT_MET;
}

/** What a check's criteria certainly have now (the worst completion): passed, applicable, points. */
export function certainTally(
  check: RequirementCheck,
  input: TierInputs,
): { passed: number; applicable: number; points: number } {
  let passed = 0;
  let applicable = 0;
  let points = 0;
  for (const i of check.criteria) {
    const o = input.outcomes[i] as number;
    if (o & FAIL) applicable++;
    else if (!(o & EXCL)) {
      passed++;
      applicable++;
    }
    points += leastPoints(input.points[i] as number);
  }
  return { passed, applicable, points };
}

/** A whole tier: Kleene conjunction of its checks, mandatory criteria and disqualifiers. */
function judgeTier(tier: TierPlan, input: TierInputs): Verdict {
  let verdict: Verdict = MET;
  for (let k = 0; k < tier.disqualifiers.length; k++) {
    const d = input.disqualifiers[tier.disqualifiers[k] as number];
    if (d === 1) return NOT_MET;
    if (d === 2) verdict = UNKNOWN;
  }
  for (let k = 0; k < tier.mandatory.length; k++) {
    const o = input.outcomes[tier.mandatory[k] as number] as number;
    if (!(o & PASS)) return NOT_MET;
    if ((o & 7) !== PASS) verdict = UNKNOWN;
  }
  for (let k = 0; k < tier.checks.length; k++) {
    const v = judgeCheck(tier.checks[k] as RequirementCheck, input);
    if (v === NOT_MET) return NOT_MET;
    if (v === UNKNOWN) verdict = UNKNOWN;
  }
  return verdict;
}

/**
 * Reached: the number of tiers, from the lowest, that are certainly met; possible: the number
 * not certainly failed (a level needs every tier up to it). Packed as reached + possible × 256
 * (at most 20 levels) so the fast path returns one number.
 */
export function judgeLevels(tiers: readonly TierPlan[], input: TierInputs, verdicts?: Verdict[]): number {
  let reached = 0;
  let possible = 0;
  let certain = true;
  let blocked = false;
  for (let t = 0; t < tiers.length; t++) {
    // Past a failed tier nothing higher is possible; the traced path still wants every verdict.
    if (blocked && !verdicts) break;
    const v = judgeTier(tiers[t] as TierPlan, input);
    if (verdicts) verdicts[t] = v;
    if (blocked) continue;
    if (v === NOT_MET) {
      blocked = true;
      continue;
    }
    possible = t + 1;
    if (v === UNKNOWN) certain = false;
    if (certain) reached = t + 1;
  }
  return reached + possible * 256;
}
