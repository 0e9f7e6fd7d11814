/**
 * The traced evaluation: every criterion, disqualifier and group with its status and the facts it
 * read, the mandatory criteria, the total, and the reasons for the decision. It decodes the same
 * packed outcomes (outcome.ts) and applies the same requirement arithmetic (requirement.ts) as
 * the fast `decide`, so the two cannot disagree.
 */
import type { CriterionPlan, GroupPlan, RulesetPlan } from '../compile/plan.js';
import type { Slots, Value } from '../compile/types.js';
import { DATE_NAME } from '../compile/parameter-table.js';
import type { Assessment } from './assessment.js';
import type { ImpliedZeros } from './implied-zeros.js';
import {
  APPLICABILITY_UNKNOWN,
  best,
  criterionOutcome,
  criterionPoints,
  EXCL,
  FAIL,
  NO_VARIANT,
  NOT_APPLICABLE_WHEN,
  PASS,
  possible,
  variantIndex,
  worst,
} from './outcome.js';
import { requiredCount, statusOf, type Tally } from './requirement.js';
import { judgeTiered } from './trace-levels.js';
import { leastPoints, mostPoints, pointsReads } from '../compile/points.js';
import type {
  CriterionResult,
  CriterionStatus,
  Decision,
  DecisionReason,
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

/** Fact ids with their slots, deduplicated, in first-read order: worked out once, at load. */
export type SlotList = readonly (readonly [id: string, slot: number])[];

/** A criterion with the facts its trace lists: with no variant chosen, and for each variant. */
export interface TracedCriterion {
  readonly plan: CriterionPlan;
  readonly noVariant: SlotList;
  readonly variants: readonly SlotList[];
}

/** What the traced evaluation of one plan works out once, at load. */
interface TraceTables {
  readonly plan: RulesetPlan;
  readonly identity: RulesetIdentity;
  readonly criteria: readonly TracedCriterion[];
  readonly disqualifierSlots: readonly SlotList[];
  /** Indexes of the mandatory criteria, in the order the rules name them. */
  readonly mandatory: readonly number[];
  /** Facts in declaration order (context attributes first), so output is stable whatever the input's key order. */
  readonly factOrder: readonly string[];
}

/** `evaluate` for one plan: an assessment and its values in slot order to the full result. */
export function createTracer(
  plan: RulesetPlan,
  identity: RulesetIdentity,
): (assessment: Assessment, s: Slots, implied: ImpliedZeros | undefined) => EvaluationResult {
  const slotOf = slotsByName(plan);
  const tables: TraceTables = {
    plan,
    identity,
    criteria: plan.criteria.map((criterion) => tracedCriterion(criterion, slotOf)),
    disqualifierSlots: plan.disqualifiers.map((d) => slotList(d.condition.info.reads, slotOf)),
    mandatory: plan.mandatory.map((id) => plan.criteria.findIndex((c) => c.info.id === id)),
    factOrder: [...slotOf.keys()],
  };
  return (assessment, s, implied) => trace(tables, assessment, s, implied);
}

/** What one evaluation gathers besides the results: the reasons, the undecided parts, the facts missing and needed. */
class Findings {
  readonly reasons: DecisionReason[] = [];
  readonly undecided: string[] = [];
  /** Facts without a value that an unknown part read. */
  readonly missing = new Set<string>();
  /** Of those, the ones an undetermined decision waits on. */
  readonly needed = new Set<string>();

  unknownPart(id: string, facts: readonly FactReading[]): void {
    this.undecided.push(id);
    this.note(facts, this.needed);
  }

  note(facts: readonly FactReading[], into: Set<string> = this.missing): void {
    for (const r of facts) if (r.value === null) into.add(r.id);
  }
}

function trace(t: TraceTables, assessment: Assessment, s: Slots, implied: ImpliedZeros | undefined): EvaluationResult {
  const found = new Findings();
  const outcomes: number[] = [];
  const points: number[] = [];
  const scored = t.plan.tiers !== undefined;
  const criteria = t.criteria.map((c) => {
    const o = criterionOutcome(c.plan, s);
    outcomes.push(o);
    const p = criterionPoints(c.plan, s, o);
    points.push(p);
    const result = criterionResult(c, o, s, implied, found);
    return scored ? { ...result, earned: { least: leastPoints(p), most: mostPoints(p) } } : result;
  });
  const disqualifiers = t.plan.disqualifiers.map((d, i) =>
    disqualifierResult(d.info.id, d.condition.fn(s), readings(t.disqualifierSlots[i] ?? [], s, implied), found),
  );
  const worstTotal: Tally = { passed: 0, applicable: 0, points: 0 };
  const bestTotal: Tally = { passed: 0, applicable: 0, points: 0 };
  const standards = t.plan.groups.map((group) => {
    const g = groupResult(group, t, outcomes, points, criteria, found, worstTotal, bestTotal);
    return scored ? { ...g, points_total: pointsTotal(group.criteria, points) } : g;
  });
  const mandatory = t.mandatory.map((i) => mandatoryResult(criteria[i], outcomes[i], found));
  const total = totalResult(t.plan, worstTotal, bestTotal, criteria, found);

  const { missing, needed } = found;
  let { reasons, undecided } = found;
  let decision: Decision = reasons.length > 0 ? 'not_recognised' : undecided.length > 0 ? 'undetermined' : 'recognised';
  let level: EvaluationResult['level'];
  let pointsTotalAll: EvaluationResult['points_total'];
  if (t.plan.tiers) {
    // Levels, count requirements or points rules: the tiers decide (tiers.ts, as the fast path
    // does), and the lowest tier says why. Every unknown fact may then matter.
    const tiered = judgeTiered(t.plan, t.plan.tiers, outcomes, points, disqualifiers);
    decision = tiered.decision;
    reasons = tiered.reasons;
    undecided = [...tiered.undecided];
    for (const id of missing) needed.add(id);
    if (tiered.level) {
      const open = tiered.level.reached !== tiered.level.possible;
      level = { ...tiered.level, needed: open ? t.factOrder.filter((id) => missing.has(id)) : [] };
    }
    pointsTotalAll = pointsTotal(
      t.plan.criteria.map((_, i) => i),
      points,
    );
  }
  if (decision === 'undetermined') reasons.push({ kind: 'unknown', ids: undecided });
  return {
    decision,
    ruleset: { id: t.identity.id, version: t.identity.version, hash: t.identity.hash },
    area: { ...(assessment.area ?? {}) },
    context: contextValues(t.plan, s),
    standards,
    criteria,
    disqualifiers,
    mandatory,
    ...(total ? { total } : {}),
    ...(pointsTotalAll ? { points_total: pointsTotalAll } : {}),
    ...(level ? { level } : {}),
    missing: t.factOrder.filter((id) => missing.has(id)),
    needed: decision === 'undetermined' ? t.factOrder.filter((id) => needed.has(id)) : [],
    reasons,
  };
}

function criterionResult(
  c: TracedCriterion,
  o: number,
  s: Slots,
  implied: ImpliedZeros | undefined,
  found: Findings,
): CriterionResult {
  const p = possible(o);
  const vi = variantIndex(o);
  const status: CriterionStatus =
    o & APPLICABILITY_UNKNOWN
      ? 'unknown'
      : p === PASS
        ? 'pass'
        : p === EXCL || (p === FAIL && o & (NO_VARIANT | NOT_APPLICABLE_WHEN))
          ? 'not_applicable'
          : p === FAIL
            ? 'fail'
            : 'unknown';
  const variant = vi >= 0 ? c.plan.variants?.[vi] : undefined;
  const facts = readings(vi >= 0 ? (c.variants[vi] ?? []) : c.noVariant, s, implied);
  if (status === 'unknown') found.note(facts);
  const reason = o & NO_VARIANT ? 'no_variant' : o & NOT_APPLICABLE_WHEN ? 'not_applicable_when' : undefined;
  return {
    id: c.plan.info.id,
    group: c.plan.info.group,
    status,
    variant: variant?.id ?? null,
    ...(reason ? { reason } : {}),
    counts_as: p === PASS ? 'passed' : p === FAIL ? 'failed' : p === EXCL ? 'excluded' : 'unknown',
    mandatory: c.plan.mandatory,
    points: c.plan.points,
    facts,
  };
}

function disqualifierResult(id: string, applies: Value, facts: FactReading[], found: Findings): DisqualifierResult {
  const status: DisqualifierStatus = applies === true ? 'applies' : applies === false ? 'clear' : 'unknown';
  if (status === 'applies') found.reasons.push({ kind: 'disqualified', id });
  if (status === 'unknown') {
    found.note(facts);
    found.unknownPart(id, facts);
  }
  return { id, status, facts };
}

/** A group's counts and status; adds its worst and best completions to the totals. */
function groupResult(
  group: GroupPlan,
  t: TraceTables,
  outcomes: readonly number[],
  earned: readonly number[],
  criteria: readonly CriterionResult[],
  found: Findings,
  worstTotal: Tally,
  bestTotal: Tally,
): GroupResult {
  const w: Tally = { passed: 0, applicable: 0, points: 0 };
  const b: Tally = { passed: 0, applicable: 0, points: 0 };
  let passed = 0,
    failed = 0,
    unknown = 0,
    excluded = 0,
    points = 0,
    unknownPoints = 0;
  for (const i of group.criteria) {
    // A criterion that counts only from a higher level is left out here: the standards in the
    // result are judged as the lowest level judges them.
    const o = (t.criteria[i]?.plan.fromLevel ?? 0) > 0 ? EXCL : (outcomes[i] ?? 0);
    const e = earned[i] ?? 0;
    const least = (t.criteria[i]?.plan.fromLevel ?? 0) > 0 ? 0 : leastPoints(e);
    const most = (t.criteria[i]?.plan.fromLevel ?? 0) > 0 ? 0 : mostPoints(e);
    tallyInto(w, worst(o), least);
    tallyInto(b, best(o), most);
    const p = possible(o);
    if (p === PASS) {
      passed++;
      points += least;
    } else if (p === FAIL) failed++;
    else if (p === EXCL) excluded++;
    else {
      unknown++;
      unknownPoints += most;
    }
  }
  addTally(worstTotal, w);
  addTally(bestTotal, b);
  const status: GroupStatus = statusOf(group.requirement, w, b);
  if (status === 'not_met') found.reasons.push({ kind: 'group_not_met', id: group.info.id });
  if (status === 'unknown') {
    found.undecided.push(group.info.id);
    for (const i of group.criteria) {
      const c = criteria[i];
      if (c?.status === 'unknown') found.note(c.facts, found.needed);
    }
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
}

function mandatoryResult(
  result: CriterionResult | undefined,
  o: number | undefined,
  found: Findings,
): EvaluationResult['mandatory'][number] {
  // The plan names only criteria it holds (compile checks `mandatory`), so both are always there.
  if (result === undefined || o === undefined) throw new Error('a mandatory criterion the plan does not hold');
  if (!(o & PASS)) found.reasons.push({ kind: 'mandatory_failed', id: result.id });
  else if (possible(o) !== PASS) found.unknownPart(result.id, result.facts);
  return { id: result.id, status: result.status };
}

function totalResult(
  plan: RulesetPlan,
  worstTotal: Tally,
  bestTotal: Tally,
  criteria: readonly CriterionResult[],
  found: Findings,
): EvaluationResult['total'] {
  if (!plan.totalRequirement) return undefined;
  const status = statusOf(plan.totalRequirement, worstTotal, bestTotal);
  if (status === 'not_met') found.reasons.push({ kind: 'total_not_met' });
  if (status === 'unknown') {
    found.undecided.push('total');
    for (const c of criteria) if (c.status === 'unknown') found.note(c.facts, found.needed);
  }
  return {
    status,
    passed_points: worstTotal.points,
    required: requiredCount(plan.totalRequirement, worstTotal.applicable),
  };
}

/** Points are added whatever the outcome: the caller passes the least (worst) or the most (best) earned. */
function tallyInto(t: Tally, outcome: number, points: number): void {
  t.points += points;
  if (outcome === PASS) {
    t.passed++;
    t.applicable++;
  } else if (outcome === FAIL) t.applicable++;
}

/** The points of these criteria added up: the least and the most they can earn together. */
function pointsTotal(indexes: readonly number[], earned: readonly number[]): { least: number; most: number } {
  let least = 0;
  let most = 0;
  for (const i of indexes) {
    const e = earned[i] ?? 0;
    least += leastPoints(e);
    most += mostPoints(e);
  }
  return { least, most };
}

function addTally(into: Tally, t: Tally): void {
  into.passed += t.passed;
  into.applicable += t.applicable;
  into.points += t.points;
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

function contextValues(plan: RulesetPlan, s: Slots): Record<string, FactValue> {
  const out: Record<string, FactValue> = {};
  plan.contextSlots.forEach((id, i) => {
    const v = factValue(s[i]);
    if (v !== null) out[id] = v;
  });
  return out;
}
