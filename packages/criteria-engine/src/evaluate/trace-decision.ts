/**
 * The second half of the traced evaluation: from each criterion's and disqualifier's entry (and
 * their packed outcomes and points) to the standards, the mandatory criteria, the total, the
 * level, the facts missing and needed, the reasons and the decision. Both ways of making the
 * entries end here: the closures (trace.ts) and the generated evaluate (generate/), so the two
 * cannot count, judge or explain differently.
 */
import type { GroupPlan, RulesetPlan } from '../compile/plan.js';
import type { Slots } from '../compile/types.js';
import { leastPoints, mostPoints } from '../compile/points.js';
import type { Assessment } from './assessment.js';
import { best, EXCL, FAIL, PASS, possible, worst } from './outcome.js';
import { requiredCount, statusOf, type Tally } from './requirement.js';
import { judgeTiered } from './trace-levels.js';
import type {
  CriterionResult,
  Decision,
  DecisionReason,
  DisqualifierResult,
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

/** What this half needs of a plan, worked out once, at load. */
export interface DecisionTables {
  readonly plan: RulesetPlan;
  readonly identity: RulesetIdentity;
  /** The result's `ruleset` entry, the same frozen object in every result. */
  readonly rulesetEntry: EvaluationResult['ruleset'];
  /** Indexes of the mandatory criteria, in the order the rules name them. */
  readonly mandatory: readonly number[];
  /** Facts in declaration order (context attributes first), so output is stable whatever the input's key order. */
  readonly factOrder: readonly string[];
  /** Each fact's place in factOrder. */
  readonly factIndex: ReadonlyMap<string, number>;
  /**
   * Per fact in factOrder, the call under way's marks (MISSING, NEEDED): evaluation is
   * synchronous, and the marks are read out before the caller's object is read again (the area's
   * copy, traceDecision), so one array serves every call instead of two sets each.
   */
  readonly marks: Uint8Array;
  /**
   * The name the assessment's date is read under (`date`), when the rules read it: a year given
   * alone there ("2024") still lacks its day, so a part left unknown lists the date as missing.
   */
  readonly dayName: string | undefined;
}

const MISSING = 1;
const NEEDED = 2;

/** The entries of one evaluation, in plan order. */
export interface TracedParts {
  readonly criteria: readonly CriterionResult[];
  /** Each criterion's packed outcome (outcome.ts) and points (compile/points.ts). */
  readonly outcomes: readonly number[];
  readonly points: readonly number[];
  readonly disqualifiers: readonly DisqualifierResult[];
}

/**
 * What one evaluation gathers besides the results: the reasons, the undecided parts, and in the
 * tables' marks the facts missing (without a value, read by an unknown part) and, of those, the
 * ones an undetermined decision waits on (needed).
 */
class Findings {
  readonly reasons: DecisionReason[] = [];
  readonly undecided: string[] = [];

  constructor(private readonly t: DecisionTables) {
    t.marks.fill(0);
  }

  unknownPart(id: string, facts: readonly FactReading[]): void {
    this.undecided.push(id);
    this.note(facts, NEEDED);
  }

  note(facts: readonly FactReading[], mark: number = MISSING): void {
    for (const r of facts) {
      if (r.value !== null && !(r.id === this.t.dayName && typeof r.value === 'string' && r.value.length === 4))
        continue;
      const i = this.t.factIndex.get(r.id);
      if (i !== undefined) this.t.marks[i] = (this.t.marks[i] ?? 0) | mark;
    }
  }

  /** The facts marked so, in declaration order. */
  marked(mark: number): string[] {
    const { marks, factOrder } = this.t;
    const out: string[] = [];
    for (let i = 0; i < marks.length; i++) if ((marks[i] ?? 0) & mark) out.push(factOrder[i] ?? '');
    return out;
  }
}

/** The full result from the entries; `s`: the values in slot order (for the context shown). */
export function traceDecision(
  t: DecisionTables,
  assessment: Assessment,
  s: Slots,
  parts: TracedParts,
): EvaluationResult {
  const { criteria, outcomes, points, disqualifiers } = parts;
  const found = new Findings(t);
  for (const c of criteria) if (c.status === 'unknown') found.note(c.facts);
  for (const d of disqualifiers) {
    if (d.status === 'applies') found.reasons.push({ kind: 'disqualified', id: d.id });
    if (d.status === 'unknown') {
      found.note(d.facts);
      found.unknownPart(d.id, d.facts);
    }
  }
  const scored = t.plan.tiers !== undefined;
  const worstTotal: Tally = { passed: 0, applicable: 0, points: 0 };
  const bestTotal: Tally = { passed: 0, applicable: 0, points: 0 };
  const standards = t.plan.groups.map((group) => {
    const g = groupResult(group, t.plan, outcomes, points, criteria, found, worstTotal, bestTotal);
    return scored ? { ...g, points_total: pointsTotal(group.criteria, points) } : g;
  });
  const mandatory = t.mandatory.map((i) => mandatoryResult(criteria[i], outcomes[i], found));
  const total = totalResult(t.plan, worstTotal, bestTotal, criteria, found);

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
    const marks = t.marks;
    for (let i = 0; i < marks.length; i++) if ((marks[i] ?? 0) & MISSING) marks[i] = (marks[i] ?? 0) | NEEDED;
    if (tiered.level) {
      const open = tiered.level.reached !== tiered.level.possible;
      level = { ...tiered.level, needed: open ? found.marked(MISSING) : [] };
    }
    pointsTotalAll = pointsTotal(
      t.plan.criteria.map((_, i) => i),
      points,
    );
  }
  if (decision === 'undetermined') reasons.push({ kind: 'unknown', ids: undecided });
  const ruleset = t.rulesetEntry;
  // The marks are read out before the area is copied: copying reads the caller's object, the one
  // step here that could run the caller's code (a getter) and so another evaluation on these tables.
  const missing = found.marked(MISSING);
  const needed = decision === 'undetermined' ? found.marked(NEEDED) : [];
  const area = { ...(assessment.area ?? {}) };
  const context = contextValues(t.plan, s);
  // Without the optional parts, one literal: one fixed shape, nothing copied (a spread of them adds
  // the properties after it one by one). Same keys in the same order either way.
  if (total === undefined && pointsTotalAll === undefined && level === undefined)
    return {
      decision,
      ruleset,
      area,
      context,
      standards,
      criteria,
      disqualifiers,
      mandatory,
      missing,
      needed,
      reasons,
    };
  return {
    decision,
    ruleset,
    area,
    context,
    standards,
    criteria,
    disqualifiers,
    mandatory,
    ...(total ? { total } : {}),
    ...(pointsTotalAll ? { points_total: pointsTotalAll } : {}),
    ...(level ? { level } : {}),
    missing,
    needed,
    reasons,
  };
}

/** One group's tallies, worst and best case: evaluation is synchronous, one pair serves every group of every call. */
const WORST: Tally = { passed: 0, applicable: 0, points: 0 };
const BEST: Tally = { passed: 0, applicable: 0, points: 0 };

function groupResult(
  group: GroupPlan,
  plan: RulesetPlan,
  outcomes: readonly number[],
  earned: readonly number[],
  criteria: readonly CriterionResult[],
  found: Findings,
  worstTotal: Tally,
  bestTotal: Tally,
): GroupResult {
  const w = WORST;
  const b = BEST;
  w.passed = w.applicable = w.points = 0;
  b.passed = b.applicable = b.points = 0;
  let passed = 0,
    failed = 0,
    unknown = 0,
    excluded = 0,
    points = 0,
    unknownPoints = 0;
  for (const i of group.criteria) {
    // A criterion that counts only from a higher level is left out here: the standards in the
    // result are judged as the lowest level judges them.
    const higher = (plan.criteria[i]?.fromLevel ?? 0) > 0;
    const o = higher ? EXCL : (outcomes[i] ?? 0);
    const e = earned[i] ?? 0;
    const least = higher ? 0 : leastPoints(e);
    const most = higher ? 0 : mostPoints(e);
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
      if (c?.status === 'unknown') found.note(c.facts, NEEDED);
    }
  }
  const applicable = passed + failed + unknown;
  const id = group.info.id;
  const requirement = group.requirement;
  const required = requiredCount(requirement, applicable);
  const percent = applicable === 0 ? null : Math.floor((passed * 100) / applicable);
  // Two literals, not a spread of the optional part: one fixed shape each, nothing copied.
  return 'at_least_points' in requirement
    ? {
        id,
        status,
        passed,
        failed,
        unknown,
        excluded,
        applicable,
        required,
        requirement,
        percent,
        points: { passed: points, unknown: unknownPoints },
      }
    : { id, status, passed, failed, unknown, excluded, applicable, required, requirement, percent };
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
    for (const c of criteria) if (c.status === 'unknown') found.note(c.facts, NEEDED);
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

function contextValues(plan: RulesetPlan, s: Slots): Record<string, FactValue> {
  const out: Record<string, FactValue> = {};
  plan.contextSlots.forEach((id, i) => {
    const v = s[i];
    if (v !== undefined) out[id] = v;
  });
  return out;
}
