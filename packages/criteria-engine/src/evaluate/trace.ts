/**
 * The traced evaluation, first half: every criterion and disqualifier with its status and the
 * facts it read (trace-decision.ts does the rest: groups, mandatory criteria, total, reasons). It
 * decodes the same packed outcomes (outcome.ts) as the fast `decide`, so the two cannot
 * disagree; the generated evaluate (generate/) builds its entries with the same records.
 */
import type { CriterionPlan, RulesetPlan } from '../compile/plan.js';
import type { Slots, Value } from '../compile/types.js';
import { DATE_NAME } from '../compile/parameter-table.js';
import { leastPoints, mostPoints, pointsReads } from '../compile/points.js';
import type { Assessment } from './assessment.js';
import type { ImpliedZeros } from './implied-zeros.js';
import { planMiss } from './plan-miss.js';
import {
  countsAs,
  criterionOutcome,
  criterionPoints,
  criterionStatus,
  NO_VARIANT,
  NOT_APPLICABLE_WHEN,
  variantIndex,
} from './outcome.js';
import type {
  CriterionResult,
  DisqualifierResult,
  DisqualifierStatus,
  EvaluationResult,
  FactReading,
  FactValue,
  PointsInterval,
} from './result.js';
import { type DecisionTables, type RulesetIdentity, traceDecision } from './trace-decision.js';

export type { RulesetIdentity } from './trace-decision.js';

/** Fact ids with their slots, deduplicated, in first-read order: worked out once, at load. */
export type SlotList = readonly (readonly [id: string, slot: number])[];

/** A criterion with the facts its trace lists: with no variant chosen, and for each variant. */
export interface TracedCriterion {
  readonly plan: CriterionPlan;
  readonly noVariant: SlotList;
  readonly variants: readonly SlotList[];
}

/** What the traced evaluation of one plan works out once, at load. */
interface TraceTables extends DecisionTables {
  readonly criteria: readonly TracedCriterion[];
  readonly disqualifierSlots: readonly SlotList[];
}

/** `evaluate` for one plan: an assessment and its values in slot order to the full result. */
export function createTracer(
  plan: RulesetPlan,
  identity: RulesetIdentity,
): (assessment: Assessment, s: Slots, implied: ImpliedZeros | undefined) => EvaluationResult {
  const slotOf = slotsByName(plan);
  const tables: TraceTables = {
    ...decisionTables(plan, identity),
    criteria: plan.criteria.map((criterion) => tracedCriterion(criterion, slotOf)),
    disqualifierSlots: plan.disqualifiers.map((d) => slotList(d.condition.info.reads, slotOf)),
  };
  return (assessment, s, implied) => trace(tables, assessment, s, implied);
}

/** What trace-decision.ts needs of a plan (the generated evaluate is bound to it too). */
export function decisionTables(plan: RulesetPlan, identity: RulesetIdentity): DecisionTables {
  return {
    plan,
    identity,
    mandatory: plan.mandatory.map((id) => plan.criteria.findIndex((c) => c.info.id === id)),
    factOrder: [...slotsByName(plan).keys()],
  };
}

function trace(t: TraceTables, assessment: Assessment, s: Slots, implied: ImpliedZeros | undefined): EvaluationResult {
  const n = t.criteria.length;
  const outcomes: number[] = new Array<number>(n);
  const points: number[] = new Array<number>(n);
  const criteria: CriterionResult[] = new Array<CriterionResult>(n);
  const scored = t.plan.tiers !== undefined;
  for (let i = 0; i < n; i++) {
    const c = t.criteria[i];
    if (c === undefined) throw planMiss('trace tables criteria', i);
    const o = criterionOutcome(c.plan, s);
    const p = criterionPoints(c.plan, s, o);
    outcomes[i] = o;
    points[i] = p;
    const vi = variantIndex(o);
    const facts = readings(vi >= 0 ? (c.variants[vi] ?? []) : c.noVariant, s, implied);
    criteria[i] = criterionRecord(c.plan, o, facts, scored ? earnedOf(p) : undefined);
  }
  const disqualifiers = t.plan.disqualifiers.map((d, i) =>
    disqualifierRecord(d.info.id, d.condition.fn(s), readings(t.disqualifierSlots[i] ?? [], s, implied)),
  );
  return traceDecision(t, assessment, s, { criteria, outcomes, points, disqualifiers });
}

/** What a criterion earns, as an interval (schemes with tiers). */
export function earnedOf(p: number): PointsInterval {
  return { least: leastPoints(p), most: mostPoints(p) };
}

/**
 * A criterion's entry in the result, decoded from its packed outcome. Each of the four cases
 * (with or without `reason`, with or without `earned`) is one object literal, so V8 gives the
 * entries a few fixed shapes; a spread of an optional part (`...(reason ? { reason } : {})`)
 * copied property by property and was most of evaluate's time (issue 16).
 */
export function criterionRecord(
  c: CriterionPlan,
  o: number,
  facts: readonly FactReading[],
  earned: PointsInterval | undefined,
): CriterionResult {
  const id = c.info.id;
  const group = c.info.group;
  const status = criterionStatus(o);
  const vi = variantIndex(o);
  const variant = (vi >= 0 ? c.variants?.[vi]?.id : undefined) ?? null;
  const counts_as = countsAs(o);
  const mandatory = c.mandatory;
  const points = c.points;
  const reason = o & NO_VARIANT ? 'no_variant' : o & NOT_APPLICABLE_WHEN ? 'not_applicable_when' : undefined;
  if (reason === undefined) {
    return earned === undefined
      ? { id, group, status, variant, counts_as, mandatory, points, facts }
      : { id, group, status, variant, counts_as, mandatory, points, facts, earned };
  }
  return earned === undefined
    ? { id, group, status, variant, reason, counts_as, mandatory, points, facts }
    : { id, group, status, variant, reason, counts_as, mandatory, points, facts, earned };
}

/** A disqualifier's entry in the result: its condition's value as a status. */
export function disqualifierRecord(id: string, applies: Value, facts: readonly FactReading[]): DisqualifierResult {
  const status: DisqualifierStatus = applies === true ? 'applies' : applies === false ? 'clear' : 'unknown';
  return { id, status, facts };
}

/**
 * Each name a condition can read, with its slot: the context attributes, the facts, and `date`
 * when the rules read the assessment's date (compile/parameter-table.ts, DATE_NAME), so a
 * missing date is listed in `missing` like a missing fact. In declaration order, the date last.
 */
export function slotsByName(plan: RulesetPlan): Map<string, number> {
  const slotOf = new Map([...plan.contextSlots, ...plan.factSlots].map((id, i) => [id, i]));
  if (plan.readsDate && !slotOf.has(DATE_NAME)) slotOf.set(DATE_NAME, plan.dateSlot);
  return slotOf;
}

export function slotList(ids: readonly string[], slotOf: ReadonlyMap<string, number>): SlotList {
  return [...new Set(ids)].flatMap((id) => {
    const slot = slotOf.get(id);
    // Every fact a condition reads has a slot (the checker refuses undeclared names).
    return slot === undefined ? [] : [[id, slot] as const];
  });
}

/** What a criterion's trace lists: applicability, the selectors looked at, the condition used. */
export function tracedCriterion(criterion: CriterionPlan, slotOf: ReadonlyMap<string, number>): TracedCriterion {
  const applicable = criterion.applicable?.info.reads ?? [];
  const variants = criterion.variants ?? [];
  // What the points read when they are a step table or best_of (the criterion's, or the variant's own).
  const points = pointsReads(criterion.pointsInfo);
  return {
    plan: criterion,
    noVariant: slotList(
      [...applicable, ...variants.flatMap((v) => v.whenReads), ...(criterion.condition?.info.reads ?? []), ...points],
      slotOf,
    ),
    variants: variants.map((v) =>
      slotList(
        [
          ...applicable,
          ...v.whenReads,
          ...v.condition.info.reads,
          ...(v.points !== undefined ? pointsReads(v.pointsInfo) : points),
        ],
        slotOf,
      ),
    ),
  };
}

export function readings(list: SlotList, s: Slots, implied: ImpliedZeros | undefined): FactReading[] {
  return list.map(([id, slot]) => {
    const whole = implied?.get(slot);
    return whole === undefined ? { id, value: factValue(s[slot]) } : { id, value: 0, implied_by: whole };
  });
}

function factValue(v: Value): FactValue | null {
  return v === undefined ? null : v;
}
