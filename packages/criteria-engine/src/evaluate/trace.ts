/**
 * The traced evaluation: every criterion, disqualifier and group with its status and the facts it
 * read, the mandatory criteria, the total, and the reasons for the decision. It decodes the same
 * packed outcomes (outcome.ts) and applies the same requirement arithmetic (requirement.ts) as
 * the fast `decide`, so the two cannot disagree.
 */
import type { CriterionPlan, GroupPlan, RulesetPlan } from '../compile/plan.js';
import type { Slots, Value } from '../compile/types.js';
import type { Assessment } from './assessment.js';
import type { ImpliedZeros } from './implied-zeros.js';
import {
  APPLICABILITY_UNKNOWN,
  best,
  criterionOutcome,
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
  const slotOf = new Map([...plan.contextSlots, ...plan.factSlots].map((id, i) => [id, i]));
  const tables: TraceTables = {
    plan,
    identity,
    criteria: plan.criteria.map((criterion) => tracedCriterion(criterion, slotOf)),
    disqualifierSlots: plan.disqualifiers.map((d) => slotList(d.condition.info.reads, slotOf)),
    mandatory: plan.mandatory.map((id) => plan.criteria.findIndex((c) => c.info.id === id)),
    factOrder: [...plan.context.map((a) => a.id), ...plan.facts.map((x) => x.id)],
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
  const criteria = t.criteria.map((c) => {
    const o = criterionOutcome(c.plan, s);
    outcomes.push(o);
    return criterionResult(c, o, s, implied, found);
  });
  const disqualifiers = t.plan.disqualifiers.map((d, i) =>
    disqualifierResult(d.info.id, d.condition.fn(s), readings(t.disqualifierSlots[i] ?? [], s, implied), found),
  );
  const worstTotal: Tally = { passed: 0, applicable: 0, points: 0 };
  const bestTotal: Tally = { passed: 0, applicable: 0, points: 0 };
  const standards = t.plan.groups.map((group) =>
    groupResult(group, t, outcomes, criteria, found, worstTotal, bestTotal),
  );
  const mandatory = t.mandatory.map((i) => mandatoryResult(criteria[i], outcomes[i], found));
  const total = totalResult(t.plan, worstTotal, bestTotal, criteria, found);

  const { reasons, undecided, missing, needed } = found;
  const decision: Decision =
    reasons.length > 0 ? 'not_recognised' : undecided.length > 0 ? 'undetermined' : 'recognised';
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
    const o = outcomes[i] ?? 0;
    const criterionPoints = t.criteria[i]?.plan.points ?? 0;
    tallyInto(w, worst(o), criterionPoints);
    tallyInto(b, best(o), criterionPoints);
    const p = possible(o);
    if (p === PASS) {
      passed++;
      points += criterionPoints;
    } else if (p === FAIL) failed++;
    else if (p === EXCL) excluded++;
    else {
      unknown++;
      unknownPoints += criterionPoints;
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
  return {
    plan: criterion,
    noVariant: slotList(
      [...applicable, ...variants.flatMap((v) => v.whenReads), ...(criterion.condition?.info.reads ?? [])],
      slotOf,
    ),
    variants: variants.map((v) => slotList([...applicable, ...v.whenReads, ...v.condition.info.reads], slotOf)),
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
