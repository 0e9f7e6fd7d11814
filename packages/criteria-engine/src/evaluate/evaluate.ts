/**
 * Evaluates an assessment against a compiled plan. `decide` is the fast path (decision and
 * per-group counts, nothing allocated per criterion); `evaluate` records the full trace. Both
 * read the same packed outcomes (outcome.ts) and the same requirement arithmetic, so they cannot
 * disagree.
 */
import type { RulesetPlan } from '../compile/plan.js';
import { createSlotFiller } from '../compile/slots.js';
import type { Slots, Value } from '../compile/types.js';
import type { Assessment } from './assessment.js';
import {
  EXCL,
  FAIL,
  NO_VARIANT,
  NOT_APPLICABLE_WHEN,
  PASS,
  best,
  countsAs,
  criterionOutcome,
  criterionStatus,
  possible,
  variantIndex,
  worst,
} from './outcome.js';
import { meets, requiredCount, statusOf, type Tally } from './requirement.js';
import type {
  CriterionResult,
  CriterionStatus,
  Decision,
  DecisionReason,
  DecisionSummary,
  DisqualifierResult,
  DisqualifierStatus,
  EvaluationResult,
  FactReading,
  FactValue,
  GroupResult,
  GroupStatus,
} from './result.js';

export interface RulesetIdentity {
  readonly id: string;
  readonly version: string;
  readonly hash: string;
}

export interface Evaluator {
  evaluate(assessment: Assessment): EvaluationResult;
  decide(assessment: Assessment): DecisionSummary;
  decideSlots(s: Slots): DecisionSummary;
}

export function createEvaluator(plan: RulesetPlan, identity: RulesetIdentity): Evaluator {
  const groupCount = plan.groups.length;
  const mandatoryIndexes = plan.mandatory.map((id) => plan.criteria.findIndex((c) => c.info.id === id));
  const fill = createSlotFiller(plan.contextSlots, plan.factSlots);
  const slotOf = new Map([...plan.contextSlots, ...plan.factSlots].map((id, i) => [id, i]));
  // Evaluation is synchronous and calls no user code, so one scratch array serves every call.
  const scratch: Value[] = [];
  const { criteria, groups, disqualifiers } = plan;
  const traceSlots = criteria.map((c) => criterionTraceSlots(c, slotOf));
  const disqualifierSlots = disqualifiers.map((d) => slotList(d.condition.info.reads, slotOf));

  function decide(assessment: Assessment): DecisionSummary {
    return decideSlots(fill(assessment.context, assessment.facts, scratch));
  }

  /** The fast path over values already in slot order (see compile/slots.ts): batch readers use it. */
  function decideSlots(s: Slots): DecisionSummary {
    // Kleene conjunction of all parts: one certain "no" decides; otherwise any doubt is undetermined.
    let certain = true;
    let blocked = false;
    for (let i = 0; i < disqualifiers.length; i++) {
      const v = (disqualifiers[i] as RulesetPlan['disqualifiers'][number]).condition.fn(s);
      if (v === true) blocked = true;
      else if (v === undefined) certain = false;
    }
    const passed: number[] = new Array<number>(groupCount);
    // Worst and best completions of the unknown criteria, per group and in total (plain numbers:
    // nothing is allocated per criterion).
    let totalWorstPassed = 0,
      totalWorstApplicable = 0,
      totalWorstPoints = 0;
    let totalBestPassed = 0,
      totalBestApplicable = 0,
      totalBestPoints = 0;
    for (let g = 0; g < groupCount; g++) {
      const group = groups[g] as RulesetPlan['groups'][number];
      let worstPassed = 0,
        worstApplicable = 0,
        worstPoints = 0;
      let bestPassed = 0,
        bestApplicable = 0,
        bestPoints = 0;
      let definitelyPassed = 0;
      const indexes = group.criteria;
      for (let k = 0; k < indexes.length; k++) {
        const criterion = criteria[indexes[k] as number] as RulesetPlan['criteria'][number];
        const o = criterionOutcome(criterion, s);
        const points = criterion.points;
        if ((o & 7) === PASS) definitelyPassed++;
        if (o & FAIL) worstApplicable++;
        else if (!(o & EXCL)) {
          worstPassed++;
          worstApplicable++;
          worstPoints += points;
        }
        if (o & PASS) {
          bestPassed++;
          bestApplicable++;
          bestPoints += points;
        } else if (!(o & EXCL)) bestApplicable++;
        if (criterion.mandatory) {
          if (!(o & PASS)) blocked = true;
          else if ((o & 7) !== PASS) certain = false;
        }
      }
      passed[g] = definitelyPassed;
      const req = group.requirement;
      if (!meets(req, worstPassed, worstApplicable, worstPoints)) {
        if (!meets(req, bestPassed, bestApplicable, bestPoints)) blocked = true;
        else certain = false;
      }
      totalWorstPassed += worstPassed;
      totalWorstApplicable += worstApplicable;
      totalWorstPoints += worstPoints;
      totalBestPassed += bestPassed;
      totalBestApplicable += bestApplicable;
      totalBestPoints += bestPoints;
    }
    const total = plan.totalRequirement;
    if (total && !meets(total, totalWorstPassed, totalWorstApplicable, totalWorstPoints)) {
      if (!meets(total, totalBestPassed, totalBestApplicable, totalBestPoints)) blocked = true;
      else certain = false;
    }
    const decision: Decision = blocked ? 'not_recognised' : certain ? 'recognised' : 'undetermined';
    return { decision, passed };
  }

  function evaluate(assessment: Assessment): EvaluationResult {
    const s = fill(assessment.context, assessment.facts, scratch);
    const reasons: DecisionReason[] = [];
    const undecided: string[] = [];
    const missing = new Set<string>();
    const needed = new Set<string>();
    const noteMissing = (readings: readonly FactReading[], into: Set<string> = missing) => {
      for (const r of readings) if (r.value === null) into.add(r.id);
    };

    const outcomes = plan.criteria.map((criterion) => criterionOutcome(criterion, s));
    const criteria: CriterionResult[] = plan.criteria.map((criterion, i) => {
      const o = outcomes[i] as number;
      const vi = variantIndex(o);
      const status: CriterionStatus = criterionStatus(o);
      const variant = vi >= 0 ? criterion.variants?.[vi] : undefined;
      const facts = readings((traceSlots[i] as TraceSlots)[vi + 1] as SlotList, s);
      if (status === 'unknown') noteMissing(facts);
      const reason = o & NO_VARIANT ? 'no_variant' : o & NOT_APPLICABLE_WHEN ? 'not_applicable_when' : undefined;
      return {
        id: criterion.info.id,
        group: criterion.info.group,
        status,
        variant: variant?.id ?? null,
        ...(reason ? { reason } : {}),
        counts_as: countsAs(o),
        mandatory: criterion.mandatory,
        points: criterion.points,
        facts,
      } satisfies CriterionResult;
    });

    const disqualifiers: DisqualifierResult[] = plan.disqualifiers.map((d, di) => {
      const v = d.condition.fn(s);
      const status: DisqualifierStatus = v === true ? 'applies' : v === false ? 'clear' : 'unknown';
      const facts = readings(disqualifierSlots[di] as SlotList, s);
      if (status === 'applies') reasons.push({ kind: 'disqualified', id: d.info.id });
      if (status === 'unknown') {
        undecided.push(d.info.id);
        noteMissing(facts);
        noteMissing(facts, needed);
      }
      return { id: d.info.id, status, facts };
    });

    const worstTotal: Tally = { passed: 0, applicable: 0, points: 0 };
    const bestTotal: Tally = { passed: 0, applicable: 0, points: 0 };
    const standards: GroupResult[] = plan.groups.map((group) => {
      const w: Tally = { passed: 0, applicable: 0, points: 0 };
      const b: Tally = { passed: 0, applicable: 0, points: 0 };
      let passed = 0,
        failed = 0,
        unknown = 0,
        excluded = 0,
        points = 0,
        unknownPoints = 0;
      for (const i of group.criteria) {
        const o = outcomes[i] as number;
        const criterion = plan.criteria[i] as RulesetPlan['criteria'][number];
        tallyInto(w, worst(o), criterion.points);
        tallyInto(b, best(o), criterion.points);
        const p = possible(o);
        if (p === PASS) {
          passed++;
          points += criterion.points;
        } else if (p === FAIL) failed++;
        else if (p === EXCL) excluded++;
        else {
          unknown++;
          unknownPoints += criterion.points;
        }
      }
      addTally(worstTotal, w);
      addTally(bestTotal, b);
      const status: GroupStatus = statusOf(group.requirement, w, b);
      if (status === 'not_met') reasons.push({ kind: 'group_not_met', id: group.info.id });
      if (status === 'unknown') {
        undecided.push(group.info.id);
        for (const i of group.criteria)
          if (criteria[i]?.status === 'unknown') noteMissing((criteria[i] as CriterionResult).facts, needed);
      }
      const applicable = passed + failed + unknown;
      return {
        id: group.info.id,
        status,
        passed,
        failed,
        unknown,
        excluded,
        applicable,
        required: requiredCount(group.requirement, applicable),
        requirement: group.requirement,
        percent: applicable === 0 ? null : Math.floor((passed * 100) / applicable),
        ...('at_least_points' in group.requirement ? { points: { passed: points, unknown: unknownPoints } } : {}),
      };
    });

    const mandatory = mandatoryIndexes.map((i) => {
      const result = criteria[i] as CriterionResult;
      const o = outcomes[i] as number;
      if (!(o & PASS)) reasons.push({ kind: 'mandatory_failed', id: result.id });
      else if (possible(o) !== PASS) {
        undecided.push(result.id);
        noteMissing(result.facts, needed);
      }
      return { id: result.id, status: result.status };
    });

    let total: EvaluationResult['total'];
    if (plan.totalRequirement) {
      const status = statusOf(plan.totalRequirement, worstTotal, bestTotal);
      if (status === 'not_met') reasons.push({ kind: 'total_not_met' });
      if (status === 'unknown') {
        undecided.push('total');
        for (const c of criteria) if (c.status === 'unknown') noteMissing(c.facts, needed);
      }
      total = {
        status,
        passed_points: worstTotal.points,
        required: requiredCount(plan.totalRequirement, worstTotal.applicable),
      };
    }

    const decision: Decision =
      reasons.length > 0 ? 'not_recognised' : undecided.length > 0 ? 'undetermined' : 'recognised';
    if (decision === 'undetermined') reasons.push({ kind: 'unknown', ids: undecided });

    // Facts in declaration order (context attributes first), so output is stable whatever the input's key order.
    const order = [...plan.context.map((a) => a.id), ...plan.facts.map((x) => x.id)];
    return {
      decision,
      ruleset: { id: identity.id, version: identity.version, hash: identity.hash },
      area: { ...(assessment.area ?? {}) },
      context: contextValues(plan, s),
      standards,
      criteria,
      disqualifiers,
      mandatory,
      ...(total ? { total } : {}),
      missing: order.filter((id) => missing.has(id)),
      needed: decision === 'undetermined' ? order.filter((id) => needed.has(id)) : [],
      reasons,
    };
  }

  return { evaluate, decide, decideSlots };
}

function tallyInto(t: Tally, outcome: number, points: number): void {
  if (outcome === PASS) {
    t.passed++;
    t.applicable++;
    t.points += points;
  } else if (outcome === FAIL) t.applicable++;
}

function addTally(into: Tally, t: Tally): void {
  into.passed += t.passed;
  into.applicable += t.applicable;
  into.points += t.points;
}

/** Fact ids with their slots, deduplicated, in first-read order: worked out once, at load. */
export type SlotList = readonly (readonly [id: string, slot: number])[];
/** Per criterion: index 0 when no variant was chosen, index v + 1 for variant v. */
export type TraceSlots = readonly SlotList[];

export function slotList(ids: readonly string[], slotOf: ReadonlyMap<string, number>): SlotList {
  return [...new Set(ids)].map((id) => [id, slotOf.get(id) as number] as const);
}

/** What a criterion's trace lists: applicability, the selectors looked at, the condition used. */
export function criterionTraceSlots(
  criterion: RulesetPlan['criteria'][number],
  slotOf: ReadonlyMap<string, number>,
): TraceSlots {
  const applicable = criterion.applicable?.info.reads ?? [];
  const variants = criterion.variants ?? [];
  const none = slotList(
    [...applicable, ...variants.flatMap((v) => v.whenReads), ...(criterion.condition?.info.reads ?? [])],
    slotOf,
  );
  return [none, ...variants.map((v) => slotList([...applicable, ...v.whenReads, ...v.condition.info.reads], slotOf))];
}

export function readings(list: SlotList, s: Slots): FactReading[] {
  const out: FactReading[] = new Array<FactReading>(list.length);
  for (let i = 0; i < list.length; i++) {
    const [id, slot] = list[i] as readonly [string, number];
    const v = s[slot];
    out[i] = { id, value: v === undefined ? null : (v as FactValue) };
  }
  return out;
}

function contextValues(plan: RulesetPlan, s: Slots): Record<string, FactValue> {
  const out: Record<string, FactValue> = {};
  plan.contextSlots.forEach((id, i) => {
    const v = s[i];
    if (v !== undefined) out[id] = v as FactValue;
  });
  return out;
}
