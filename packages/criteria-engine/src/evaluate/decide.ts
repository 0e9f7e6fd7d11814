/**
 * The fast path: the decision and each group's count of criteria certainly passed, with nothing
 * allocated per criterion. It reads the same packed outcomes (outcome.ts) and the same
 * requirement arithmetic (requirement.ts) as the traced `evaluate`, so the two cannot disagree.
 */
import type { CriterionPlan, RulesetPlan } from '../compile/plan.js';
import type { Slots } from '../compile/types.js';
import type { TierPlan } from '../compile/levels.js';
import { createCriteriaFiller } from './flat-criteria.js';
import { criterionOutcome, EXCL, FAIL, PASS } from './outcome.js';
import { createLevelJudge, type FastTierInputs } from './tiers.js';
import { planMiss } from './plan-miss.js';
import { meets } from './requirement.js';
import type { Decision, DecisionSummary, Requirement } from './result.js';

/**
 * Counts over the worst and the best completion of the unknown criteria, as plain numbers in one
 * object reused across calls (evaluation is synchronous and calls no user code).
 */
interface Bounds {
  worstPassed: number;
  worstApplicable: number;
  worstPoints: number;
  bestPassed: number;
  bestApplicable: number;
  bestPoints: number;
}

/** One group's bounds, plus what its mandatory criteria say and how many criteria certainly passed. */
interface GroupBounds extends Bounds {
  definitelyPassed: number;
  /** A mandatory criterion that cannot pass. */
  mandatoryFailed: boolean;
  /** A mandatory criterion that may yet pass or fail. */
  mandatoryUnknown: boolean;
}

const bounds = (): Bounds => ({
  worstPassed: 0,
  worstApplicable: 0,
  worstPoints: 0,
  bestPassed: 0,
  bestApplicable: 0,
  bestPoints: 0,
});

/** `decideSlots` for one plan: values already in slot order (compile/slots.ts) to the decision. */
export function createDecider(plan: RulesetPlan): (s: Slots) => DecisionSummary {
  if (plan.tiers) return createTieredDecider(plan, plan.tiers);
  // Each group's criteria as plans, looked up once here rather than on every call.
  const groups = plan.groups.map((g) => ({
    criteria: g.criteria.map((i) => criterionAt(plan, i)),
    requirement: g.requirement,
  }));
  const conditions = plan.disqualifiers.map((d) => d.condition.fn);
  const total = plan.totalRequirement;
  const group: GroupBounds = { ...bounds(), definitelyPassed: 0, mandatoryFailed: false, mandatoryUnknown: false };
  const totals = bounds();

  return (s) => {
    // Kleene conjunction of all parts: one certain "no" decides; otherwise any doubt is undetermined.
    let certain = true;
    let blocked = false;
    for (const applies of conditions) {
      const v = applies(s);
      if (v === true) blocked = true;
      else if (v === undefined) certain = false;
    }
    resetBounds(totals);
    const passed: number[] = new Array<number>(groups.length);
    let g = 0;
    for (const { criteria, requirement } of groups) {
      tallyGroup(criteria, s, group);
      passed[g++] = group.definitelyPassed;
      if (group.mandatoryFailed) blocked = true;
      else if (group.mandatoryUnknown) certain = false;
      const verdict = judge(requirement, group);
      if (verdict === 'not_met') blocked = true;
      else if (verdict === 'unknown') certain = false;
      addBounds(totals, group);
    }
    const verdict = judge(total, totals);
    if (verdict === 'not_met') blocked = true;
    else if (verdict === 'unknown') certain = false;
    const decision: Decision = blocked ? 'not_recognised' : certain ? 'recognised' : 'undetermined';
    return { decision, passed };
  };
}

/**
 * The decider of a scheme with levels, count requirements or points rules: every criterion's
 * outcome and points into typed arrays made once, then the tiers judged over them by the
 * schedule (tiers.ts createLevelJudge). Nothing is allocated per call but the result and its
 * passed counts; the level pair is one of a few frozen objects made here. A scheme without
 * these keeps the loop above, untouched.
 */
function createTieredDecider(plan: RulesetPlan, tiers: readonly TierPlan[]): (s: Slots) => DecisionSummary {
  const criteria = plan.criteria;
  const n = criteria.length;
  const outcomes = new Int32Array(n);
  const least = new Int32Array(n);
  const most = new Int32Array(n);
  const disqualifiers = new Int8Array(plan.disqualifiers.length);
  const conditions = plan.disqualifiers.map((d) => d.condition.fn);
  const input: FastTierInputs = { outcomes, least, most, disqualifiers };
  const judge = createLevelJudge(tiers);
  const fillCriteria = createCriteriaFiller(criteria);
  // Each criterion's standard, for the passed counts; -1 for none. As in the traced result, a
  // standard's passed count leaves out what counts only from a higher level. One pass over the
  // outcomes counts every standard (a loop per standard cost ≈ 5% of the call on the points scheme).
  // The plan makes each criterion in exactly one standard (compile-ruleset.ts compileGroups).
  const zeros: number[] = plan.groups.map(() => 0);
  const groupOf = new Int32Array(n).fill(-1);
  plan.groups.forEach((g, gi) => {
    for (const i of g.criteria) if ((plan.criteria[i]?.fromLevel ?? 0) === 0) groupOf[i] = gi;
  });
  const levels = plan.levels ? levelPairs(plan.levels.map((l) => l.id)) : undefined;
  const width = (plan.levels?.length ?? 0) + 1;
  return (s) => {
    fillCriteria(s, outcomes, least, most);
    // Reads check `=== undefined` rather than cast (plan-miss.ts): in optimised code a typed
    // array's in-range read is known to be a number, so the check folds away.
    for (let i = 0; i < conditions.length; i++) {
      const condition = conditions[i];
      if (condition === undefined) throw planMiss('disqualifier conditions', i);
      const v = condition(s);
      disqualifiers[i] = v === true ? 1 : v === false ? 0 : 2;
    }
    const packed = judge(input);
    const reached = packed % 256;
    const possibleCount = (packed - reached) / 256;
    const decision: Decision = reached > 0 ? 'recognised' : possibleCount === 0 ? 'not_recognised' : 'undetermined';
    // A copy of an array of zeros: one copy of small integers, not a push per standard.
    const passed = zeros.slice();
    for (let i = 0; i < n; i++) {
      const o = outcomes[i];
      const g = groupOf[i];
      if (o === undefined || g === undefined) throw planMiss('outcomes of group members', i);
      if (g >= 0 && (o & 7) === PASS) passed[g] = (passed[g] ?? 0) + 1;
    }
    if (!levels) return { decision, passed };
    const level = levels[reached * width + possibleCount];
    if (level === undefined) throw planMiss('level pairs', reached * width + possibleCount);
    return { decision, passed, level };
  };
}

type LevelPair = NonNullable<DecisionSummary['level']>;

/**
 * Every (reached, possible) pair of level ids, frozen, at index reached × (levels + 1) + possible
 * (0: none): decide returns one of these instead of making a new pair per call.
 */
export function levelPairs(ids: readonly string[]): readonly LevelPair[] {
  const pairs: LevelPair[] = [];
  for (let r = 0; r <= ids.length; r++)
    for (let p = 0; p <= ids.length; p++)
      pairs.push(Object.freeze({ reached: ids[r - 1] ?? null, possible: ids[p - 1] ?? null }));
  return pairs;
}

/** Fill `into` with one group's counts for these slot values. */
function tallyGroup(criteria: readonly CriterionPlan[], s: Slots, into: GroupBounds): void {
  resetBounds(into);
  into.definitelyPassed = 0;
  into.mandatoryFailed = false;
  into.mandatoryUnknown = false;
  for (const criterion of criteria) {
    const o = criterionOutcome(criterion, s);
    const points = criterion.points;
    if ((o & 7) === PASS) into.definitelyPassed++;
    if (o & FAIL) into.worstApplicable++;
    else if (!(o & EXCL)) {
      into.worstPassed++;
      into.worstApplicable++;
      into.worstPoints += points;
    }
    if (o & PASS) {
      into.bestPassed++;
      into.bestApplicable++;
      into.bestPoints += points;
    } else if (!(o & EXCL)) into.bestApplicable++;
    if (criterion.mandatory) {
      if (!(o & PASS)) into.mandatoryFailed = true;
      else if ((o & 7) !== PASS) into.mandatoryUnknown = true;
    }
  }
}

/** Met when even the worst completion meets the requirement, not met when even the best does not. */
function judge(req: Requirement | undefined, b: Bounds): 'met' | 'not_met' | 'unknown' {
  if (req === undefined || meets(req, b.worstPassed, b.worstApplicable, b.worstPoints)) return 'met';
  return meets(req, b.bestPassed, b.bestApplicable, b.bestPoints) ? 'unknown' : 'not_met';
}

function resetBounds(b: Bounds): void {
  b.worstPassed = 0;
  b.worstApplicable = 0;
  b.worstPoints = 0;
  b.bestPassed = 0;
  b.bestApplicable = 0;
  b.bestPoints = 0;
}

function addBounds(into: Bounds, b: Bounds): void {
  into.worstPassed += b.worstPassed;
  into.worstApplicable += b.worstApplicable;
  into.worstPoints += b.worstPoints;
  into.bestPassed += b.bestPassed;
  into.bestApplicable += b.bestApplicable;
  into.bestPoints += b.bestPoints;
}

/** A criterion of the plan by index; the plan's groups only hold indexes it made itself. */
function criterionAt(plan: RulesetPlan, index: number): CriterionPlan {
  const criterion = plan.criteria[index];
  if (criterion === undefined) throw new Error(`the plan has no criterion ${index}`);
  return criterion;
}
