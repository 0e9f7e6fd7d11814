/**
 * The fast path: the decision and each group's count of criteria certainly passed, with nothing
 * allocated per call (the result is one kept per outcome: decision-summaries.ts). It reads the same packed outcomes (outcome.ts) and the same
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
import { createDecisionSummaries, DECISION_INDEX } from './decision-summaries.js';
import type { DecisionSummary, Requirement } from './result.js';

const { recognised: RECOGNISED, not_recognised: NOT_RECOGNISED, undetermined: UNDETERMINED } = DECISION_INDEX;

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
  const summaries = createDecisionSummaries(
    groups.map((g) => g.criteria.length),
    undefined,
  );
  const counts = summaries.counts;

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
    let g = 0;
    for (const { criteria, requirement } of groups) {
      tallyGroup(criteria, s, group);
      counts[g++] = group.definitelyPassed;
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
    return summaries.summary(blocked ? NOT_RECOGNISED : certain ? RECOGNISED : UNDETERMINED, -1);
  };
}

/**
 * The decider of a scheme with levels, count requirements or points rules: every criterion's
 * outcome and points into typed arrays made once, then the tiers judged over them by the
 * schedule (tiers.ts createLevelJudge). Nothing is allocated per call: the result is one kept
 * per outcome (decision-summaries.ts). A scheme without these keeps the loop above, untouched.
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
  const groupOf = new Int32Array(n).fill(-1);
  plan.groups.forEach((g, gi) => {
    for (const i of g.criteria) if ((plan.criteria[i]?.fromLevel ?? 0) === 0) groupOf[i] = gi;
  });
  const summaries = createDecisionSummaries(
    plan.groups.map((g) => g.criteria.length),
    plan.levels?.map((l) => l.id),
  );
  const counts = summaries.counts;
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
    const decision = reached > 0 ? RECOGNISED : possibleCount === 0 ? NOT_RECOGNISED : UNDETERMINED;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const o = outcomes[i];
      const g = groupOf[i];
      if (o === undefined || g === undefined) throw planMiss('outcomes of group members', i);
      if (g >= 0 && (o & 7) === PASS) counts[g] = (counts[g] ?? 0) + 1;
    }
    return summaries.summary(decision, reached * width + possibleCount);
  };
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
