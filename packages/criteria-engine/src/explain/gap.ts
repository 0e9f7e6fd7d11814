/**
 * Gap analysis: what would it take for this area to be recognised? Derived only from the
 * recognition rule as the rule file declares it (each group's requirement, the mandatory
 * criteria, the disqualifiers, the total requirement) and the result's own counts; nothing here
 * knows any particular scheme.
 *
 * For each standard short of its requirement: how many more criteria must pass (in integers,
 * over the criteria that count, so excluded ones are out of the denominator) and which of the
 * failed or unknown ones could, each with the fewest fact changes found (gap-solve.ts). Then the
 * mandatory criteria to pass, the disqualifiers to clear, and for an undetermined result the
 * missing facts grouped by what they would decide. Finally one plan: changes that together make
 * the area recognised, chosen cheapest first and checked by evaluating them (never assumed).
 *
 * The facts an evaluation read are all the facts that can change it, so the result alone is
 * enough: the analysis rebuilds those facts from the result's readings and re-evaluates.
 */
import type { CompiledRuleset, CriterionInfo, FactInfo, Threshold } from '../compile/compiled-ruleset.js';
import type { Assessment } from '../evaluate/assessment.js';
import type { CriterionResult, EvaluationResult, FactValue, GroupResult, NextLevel } from '../evaluate/result.js';
import type {
  GapChange,
  GapCriterion,
  GapDisqualifier,
  GapLevel,
  GapObstacle,
  GapPlan,
  GapReport,
  GapStandard,
  GapTotal,
  GapUndecided,
  GapWay,
} from './gap-report.js';
import { relativeMove, SEARCH_BUDGET, searchWays, type SearchScope, type Way } from './gap-search.js';
import { derivedOf, thresholdParameters } from './gap-values.js';
import { thresholdShape } from '../compile/functions/index.js';
import {
  applied,
  cheaper,
  cost,
  expressionOf,
  solve,
  type Assignment,
  type Solution,
  type SolveScope,
  type Values,
} from './gap-solve.js';
import { declaredParameters } from './declared-parameters.js';

/** What the analysis needs of a ruleset: its descriptions and its evaluator. */
export type GapRuleset = Pick<
  CompiledRuleset,
  'facts' | 'context' | 'groups' | 'criteria' | 'disqualifiers' | 'document' | 'evaluate'
> &
  Partial<
    Pick<
      CompiledRuleset,
      'evaluateCriterion' | 'derived' | 'derivedValues' | 'parameterTables' | 'levels' | 'parameters'
    >
  >;

/** Other ways kept per criterion, beside the one proposed. */
const MAX_ALTERNATIVES = 2;
/** Ways proposed to reach the next level; one for each level above it. */
const MAX_LEVEL_WAYS = 3;
/** Rounds of "fix what the next level lacks, re-evaluate" per way. */
const MAX_LEVEL_ROUNDS = 6;

const NO_THRESHOLDS: readonly Threshold[] = [];

/** Rounds of "choose, apply, re-evaluate" before the plan is reported as it stands. */
const MAX_PLAN_ROUNDS = 4;

export function gapAnalysis(result: EvaluationResult, ruleset: GapRuleset): GapReport {
  return new GapAnalysis(result, ruleset).report();
}

class GapAnalysis {
  private readonly scope: SolveScope;
  private readonly criteria: ReadonlyMap<string, CriterionInfo>;
  private readonly base: Values;
  private readonly search: SearchScope | undefined;

  constructor(
    private readonly result: EvaluationResult,
    private readonly ruleset: GapRuleset,
  ) {
    const parts = new Map<string, string[]>();
    for (const f of ruleset.facts)
      if (f.partOf !== undefined) parts.set(f.partOf, [...(parts.get(f.partOf) ?? []), f.id]);
    const parameters: Record<string, number> = {};
    // Constants only: a table's cell depends on the context (a condition using one is left to the reader).
    for (const [id, p] of Object.entries(declaredParameters(ruleset)))
      if (p.value !== undefined) parameters[id] = p.value;
    this.scope = {
      facts: new Map<string, FactInfo>(ruleset.facts.map((f) => [f.id, f])),
      parts,
      context: new Set(ruleset.context.map((c) => c.id)),
      parameters,
    };
    this.criteria = new Map(ruleset.criteria.map((c) => [c.id, c]));
    this.base = valuesOf(result);
    const evaluateCriterion = ruleset.evaluateCriterion;
    this.search =
      evaluateCriterion === undefined
        ? undefined
        : {
            ruleset: { criteria: ruleset.criteria, evaluateCriterion, evaluate: (a) => ruleset.evaluate(a) },
            facts: this.scope.facts,
            parts,
            assessment: (values) => assessmentOf(result, values, this.scope),
            budget: { left: SEARCH_BUDGET },
          };
  }

  report(): GapReport {
    const { result } = this;
    const standards = result.standards.filter((g) => g.status !== 'met').map((g) => this.standard(g));
    const mandatory = result.mandatory
      .filter((m) => m.status !== 'pass')
      .map((m) => this.criterion(this.criterionResult(m.id), this.base));
    const disqualifiers = result.disqualifiers.flatMap((d) =>
      d.status === 'clear' || !this.blocksRecognition(d.id) ? [] : [this.disqualifier(d.id, this.base)],
    );
    const total = this.total();
    return {
      decision: result.decision,
      ruleset: result.ruleset,
      area: result.area,
      standards,
      mandatory,
      disqualifiers,
      ...(total ? { total } : {}),
      undecided: this.undecided(),
      needed: result.needed,
      plan: this.plan(),
      ...this.levelsPart(),
    };
  }

  // ── per part of the recognition rule ──────────────────────────────────────

  private standard(g: GroupResult): GapStandard {
    const group = this.ruleset.groups.find((x) => x.id === g.id);
    const candidates = this.candidates(this.result, (c) => c.group === g.id, this.base);
    const points = 'at_least_points' in g.requirement;
    const morePoints = points ? Math.max(0, g.required - (g.points?.passed ?? 0)) : 0;
    const more = points ? fewestCovering(morePoints, candidates) : Math.max(0, g.required - g.passed);
    return {
      id: g.id,
      title: group?.title ?? { vi: g.id, en: g.id },
      status: g.status,
      requirement: g.requirement,
      passed: g.passed,
      failed: g.failed,
      unknown: g.unknown,
      excluded: g.excluded,
      applicable: g.applicable,
      required: g.required,
      more,
      ...(points ? { passed_points: g.points?.passed ?? 0, more_points: morePoints } : {}),
      candidates,
    };
  }

  private total(): GapTotal | undefined {
    const t = this.result.total;
    if (t === undefined || t.status === 'met') return undefined;
    const candidates = this.candidates(this.result, () => true, this.base);
    const morePoints = Math.max(0, t.required - t.passed_points);
    return {
      status: t.status,
      passed_points: t.passed_points,
      required: t.required,
      more_points: morePoints,
      more: fewestCovering(morePoints, candidates),
      candidates,
    };
  }

  /** The criteria (matching `which`) not passed, those that can pass first, then cheapest first. */
  private candidates(result: EvaluationResult, which: (c: CriterionResult) => boolean, values: Values): GapCriterion[] {
    const out = result.criteria
      .filter((c) => which(c) && c.counts_as !== 'passed' && c.counts_as !== 'excluded')
      .map((c) => ({ gap: this.criterion(c, values), order: result.criteria.indexOf(c) }));
    out.sort((a, b) => {
      if (a.gap.achievable !== b.gap.achievable) return a.gap.achievable ? -1 : 1;
      const ca = cost(toAssignments(a.gap.changes), values);
      const cb = cost(toAssignments(b.gap.changes), values);
      if (cheaper(ca, cb)) return -1;
      if (cheaper(cb, ca)) return 1;
      return a.order - b.order;
    });
    return out.map((x) => x.gap);
  }

  private criterion(c: CriterionResult, values: Values): GapCriterion {
    const info = this.criteria.get(c.id);
    const variant = c.variant === null ? undefined : info?.variants?.find((v) => v.id === c.variant);
    const condition = variant?.condition ?? info?.condition;
    const passes = (r: EvaluationResult) => r.criteria.find((x) => x.id === c.id)?.status === 'pass';
    const solution = this.solveCriterion(c, info, values);
    let checked = solution.ok ? this.check(solution.changes, values, passes) : solution;
    // One-fact ways found by evaluating (gap-search.ts): what the conditions cannot be worked
    // backwards through (a derived quantity, a table's cell) and the alternatives to the answer.
    const found =
      info === undefined || (!checked.ok && checked.obstacle === 'context')
        ? []
        : this.searchWays(c, values, (r) => r.status === 'pass')
            .slice(0, MAX_ALTERNATIVES + 1)
            .filter((w) => this.check(w.changes, values, passes).ok);
    if (!checked.ok && found[0] !== undefined) checked = { ok: true, changes: found[0].changes };
    const main = checked.ok ? checked.changes : undefined;
    const alternatives = found
      .filter((w) => main === undefined || !sameChanges(w.changes, main))
      .slice(0, MAX_ALTERNATIVES)
      .map((w) => changesOf(w.changes, values, this.base));
    const now = assessmentOf(this.result, values, this.scope);
    const parameters = thresholdParameters(this.ruleset, condition?.thresholds ?? NO_THRESHOLDS, now);
    const derived = derivedOf(
      this.ruleset,
      c.facts.map((f) => f.id),
      condition?.thresholds ?? NO_THRESHOLDS,
      now,
      main === undefined ? undefined : assessmentOf(this.result, applied(values, main), this.scope),
      condition?.expression,
    );
    return {
      id: c.id,
      group: c.group,
      text: info?.text ?? { vi: c.id, en: c.id },
      status: c.status,
      mandatory: c.mandatory,
      points: c.points,
      variant: c.variant,
      thresholds: condition?.thresholds ?? NO_THRESHOLDS,
      ...(parameters !== undefined ? { parameters } : {}),
      facts: c.facts,
      ...this.outcome(checked, values),
      ...(alternatives.length > 0 ? { alternatives } : {}),
      ...(derived.length > 0 ? { derived } : {}),
    };
  }

  /** One-fact ways for a criterion (the facts it read, not the context), cheapest first. */
  private searchWays(
    c: CriterionResult,
    values: Values,
    holds: (r: CriterionResult) => boolean,
    points = false,
  ): Way[] {
    if (this.search === undefined) return [];
    const read = unique(c.facts.map((f) => f.id).filter((id) => !this.scope.context.has(id)));
    const wholes = this.wholesOf(c);
    const moved = read.filter((id) => !wholes.has(id));
    // A criterion on a count alone (`whole >= 100`) is met by the count.
    const reads = moved.length > 0 ? moved : read;
    return searchWays(c.id, reads, values, holds, this.search, points);
  }

  /**
   * The counts a criterion measures against: the whole of a share its condition compares (a
   * threshold's ratio, compile/functions/) and every fact the rule file declares as a whole
   * (`part_of`: a count of homes or of people). An area does not reach a share, or a quantity
   * per person, by having fewer homes or people in it, so the ways offered move the
   * other facts it reads, never these.
   */
  private wholesOf(c: CriterionResult): Set<string> {
    const info = this.criteria.get(c.id);
    const variant = c.variant === null ? undefined : info?.variants?.find((v) => v.id === c.variant);
    const wholes = new Set<string>(this.scope.parts.keys());
    for (const t of (variant?.condition ?? info?.condition)?.thresholds ?? NO_THRESHOLDS) {
      const whole = t.kind === 'compare' ? undefined : thresholdShape(t)?.ratio?.whole;
      if (whole !== undefined) wholes.add(whole);
    }
    return wholes;
  }

  private solveCriterion(c: CriterionResult, info: CriterionInfo | undefined, values: Values): Solution {
    if (info === undefined) return { ok: false, obstacle: 'unsupported' };
    // No variant fits this kind of area, or the variant is chosen by context still unknown.
    if (c.reason === 'no_variant' || (info.variants !== undefined && c.variant === null))
      return { ok: false, obstacle: 'context' };
    const parts: string[] = [];
    if (info.applicableWhen !== undefined && c.status !== 'pass') parts.push(info.applicableWhen);
    const variant = c.variant === null ? undefined : info.variants?.find((v) => v.id === c.variant);
    const condition = variant?.condition.expression ?? info.condition?.expression;
    if (condition === undefined) return { ok: false, obstacle: 'unsupported' };
    parts.push(condition);
    const changes = new Map<string, Assignment>();
    let working: Values = values;
    for (const text of parts) {
      const expr = expressionOf(text);
      if (expr === undefined) return { ok: false, obstacle: 'unsupported' };
      const s = solve(expr, true, working, this.scope);
      if (!s.ok) return s;
      for (const [id, a] of s.changes) changes.set(id, a);
      working = applied(working, s.changes);
    }
    return { ok: true, changes };
  }

  private disqualifier(id: string, values: Values): GapDisqualifier {
    const d = this.result.disqualifiers.find((x) => x.id === id);
    const info = this.ruleset.disqualifiers.find((x) => x.id === id);
    const expr = info === undefined ? undefined : expressionOf(info.condition.expression);
    const solution: Solution =
      expr === undefined ? { ok: false, obstacle: 'unsupported' } : solve(expr, false, values, this.scope);
    const checked = solution.ok
      ? this.check(solution.changes, values, (r) => r.disqualifiers.find((x) => x.id === id)?.status === 'clear')
      : solution;
    const parameters = thresholdParameters(
      this.ruleset,
      info?.condition.thresholds ?? [],
      assessmentOf(this.result, values, this.scope),
    );
    return {
      id,
      text: info?.text ?? { vi: id, en: id },
      status: d?.status === 'applies' ? 'applies' : 'unknown',
      thresholds: info?.condition.thresholds ?? [],
      ...(parameters !== undefined ? { parameters } : {}),
      facts: d?.facts ?? [],
      ...this.outcome(checked, values),
    };
  }

  /** A solution is kept only if evaluating the changed facts confirms it. */
  private check(
    changes: ReadonlyMap<string, Assignment>,
    values: Values,
    holds: (r: EvaluationResult) => boolean,
  ): Solution {
    return holds(this.evaluate(applied(values, changes)))
      ? { ok: true, changes }
      : { ok: false, obstacle: 'unsupported' };
  }

  private outcome(s: Solution, values: Values): { achievable: boolean; obstacle?: GapObstacle; changes: GapChange[] } {
    if (!s.ok) return { achievable: false, obstacle: s.obstacle, changes: [] };
    return { achievable: true, changes: changesOf(s.changes, values, this.base) };
  }

  // ── undetermined: what the missing facts would decide ─────────────────────

  private undecided(): GapUndecided[] {
    const { result } = this;
    const reason = result.reasons.find((r) => r.kind === 'unknown');
    if (reason === undefined || reason.kind !== 'unknown') return [];
    const needed = new Set(result.needed);
    const missingOf = (facts: CriterionResult['facts']) =>
      facts.filter((f) => f.value === null && needed.has(f.id)).map((f) => f.id);
    const unknownCriteria = (which: (c: CriterionResult) => boolean) =>
      result.criteria.filter((c) => c.status === 'unknown' && which(c));
    return reason.ids.map((id): GapUndecided => {
      if (id === 'total') {
        const criteria = unknownCriteria(() => true);
        return {
          kind: 'total',
          id,
          criteria: criteria.map((c) => c.id),
          facts: unique(criteria.flatMap((c) => missingOf(c.facts))),
        };
      }
      const d = result.disqualifiers.find((x) => x.id === id);
      if (d !== undefined) return { kind: 'disqualifier', id, criteria: [], facts: unique(missingOf(d.facts)) };
      if (result.standards.some((g) => g.id === id)) {
        const criteria = unknownCriteria((c) => c.group === id);
        return {
          kind: 'standard',
          id,
          criteria: criteria.map((c) => c.id),
          facts: unique(criteria.flatMap((c) => missingOf(c.facts))),
        };
      }
      const c = result.criteria.find((x) => x.id === id);
      return { kind: 'mandatory', id, criteria: [id], facts: unique(missingOf(c?.facts ?? [])) };
    });
  }

  // ── the plan ──────────────────────────────────────────────────────────────

  private plan(): GapPlan {
    const chosen: string[] = [];
    const cleared: string[] = [];
    let values: Values = this.base;
    let current = this.result;
    // The latest assignment per fact, keeping the percentage detail of the criterion that set it.
    const taken = new Map<string, Assignment>();
    const take = (changes: readonly GapChange[]) => {
      const assignments = toAssignments(changes);
      for (const [id, a] of assignments) taken.set(id, a);
      values = applied(values, assignments);
    };
    for (let round = 0; round < MAX_PLAN_ROUNDS && current.decision !== 'recognised'; round++) {
      for (const d of current.disqualifiers) {
        if (d.status === 'clear' || !this.blocksRecognition(d.id)) continue;
        const gap = this.disqualifier(d.id, values);
        if (!gap.achievable) continue;
        take(gap.changes);
        if (!cleared.includes(d.id)) cleared.push(d.id);
      }
      for (const m of current.mandatory) {
        if (m.status === 'pass') continue;
        const gap = this.criterion(this.criterionResultIn(current, m.id), values);
        if (!gap.achievable) continue;
        take(gap.changes);
        if (!chosen.includes(m.id)) chosen.push(m.id);
      }
      current = this.evaluate(values);
      for (const g of current.standards) {
        if (g.status === 'met') continue;
        const candidates = this.candidates(current, (c) => c.group === g.id, values).filter((c) => c.achievable);
        const points = 'at_least_points' in g.requirement;
        const short = points ? Math.max(0, g.required - (g.points?.passed ?? 0)) : Math.max(0, g.required - g.passed);
        for (const c of pick(candidates, short, points)) {
          // Solve again on the facts as changed so far: an earlier choice may have moved them.
          const again = this.criterion(this.criterionResultIn(current, c.id), values);
          if (!again.achievable) continue;
          take(again.changes);
          if (!chosen.includes(c.id)) chosen.push(c.id);
        }
      }
      current = this.evaluate(values);
      if (current.total !== undefined && current.total.status !== 'met') {
        const candidates = this.candidates(current, () => true, values).filter((c) => c.achievable);
        for (const c of pick(candidates, Math.max(0, current.total.required - current.total.passed_points), true)) {
          const again = this.criterion(this.criterionResultIn(current, c.id), values);
          if (!again.achievable) continue;
          take(again.changes);
          if (!chosen.includes(c.id)) chosen.push(c.id);
        }
        current = this.evaluate(values);
      }
    }
    return {
      criteria: chosen,
      disqualifiers: cleared,
      changes: changesOf(diff(this.base, values, taken), this.base, this.base),
      decision: current.decision,
      // Said only when it is still undetermined, so a reader learns what remains to collect.
      ...(current.decision === 'undetermined' ? { still_needed: current.needed } : {}),
    };
  }

  // ── levels: what each level above the one reached lacks, and ways to reach it ──

  private levelsPart(): { levels?: GapLevel[] } {
    const plans = this.ruleset.levels;
    const level = this.result.level;
    if (plans === undefined || level === undefined) return {};
    const order = plans.map((l) => l.id);
    const out: GapLevel[] = [];
    let values: Values = this.base;
    let current = this.result;
    for (let li = reachedIndex(current, order) + 1; li < order.length; li++) {
      const plan = plans[li];
      if (plan === undefined) break;
      const next = current.level?.next;
      const lacking = next !== undefined && next.id === plan.id ? next.lacking : [];
      const short = Math.max(0, ...lacking.map((l) => ('unit' in l && l.unit === 'points' ? l.need - l.have : 0)));
      const ways = this.waysTo(li, order, values, current, out.length === 0 ? MAX_LEVEL_WAYS : 1);
      out.push({
        id: plan.id,
        label: plan.label,
        lacking,
        ...(short > 0 ? { more_points: short } : {}),
        ways: ways.map((w) => w.way),
      });
      // The next level's ways start where the cheapest way to this one ends.
      const first = ways[0];
      if (first === undefined) break;
      values = first.values;
      current = first.result;
    }
    return { levels: out };
  }

  /** Up to `count` different ways to reach level `li` from `values`, each checked by evaluating. */
  private waysTo(
    li: number,
    order: readonly string[],
    values: Values,
    result: EvaluationResult,
    count: number,
  ): { way: GapWay; values: Values; result: EvaluationResult }[] {
    const ways: { way: GapWay; values: Values; result: EvaluationResult }[] = [];
    const excluded = new Set<string>();
    for (let k = 0; k < count; k++) {
      // Another way: the first criterion chosen made to pass its next-cheapest way, or, when it
      // has none, left out so another criterion is chosen.
      const attempt = this.planTo(li, order, values, result, excluded, k);
      if (reachedIndex(attempt.result, order) >= li) {
        if (!ways.some((w) => sameChanges(toAssignments(w.way.changes), toAssignments(attempt.way.changes))))
          ways.push(attempt);
      } else if (k === 0) break;
      const first = attempt.chosenForCounts[0];
      if (first === undefined) break;
      if (k > 0 && !attempt.usedAlternative) excluded.add(first);
    }
    return ways;
  }

  private planTo(
    li: number,
    order: readonly string[],
    start: Values,
    startResult: EvaluationResult,
    excluded: ReadonlySet<string>,
    alternative: number,
  ): { way: GapWay; values: Values; result: EvaluationResult; chosenForCounts: string[]; usedAlternative: boolean } {
    let usedAlternative = false;
    let values = start;
    let current = startResult;
    const chosen: string[] = [];
    const cleared: string[] = [];
    const chosenForCounts: string[] = [];
    const taken = new Map<string, Assignment>();
    const take = (id: string, changes: ReadonlyMap<string, Assignment>, list: string[]) => {
      for (const [fact, a] of changes) taken.set(fact, a);
      values = applied(values, changes);
      if (!list.includes(id)) list.push(id);
    };
    for (let round = 0; round < MAX_LEVEL_ROUNDS && reachedIndex(current, order) < li; round++) {
      const next = current.level?.next;
      if (next === undefined) break;
      const at = order.indexOf(next.id);
      const before = values;
      for (const lack of next.lacking) {
        if (lack.kind === 'disqualifier') {
          const gap = this.disqualifier(lack.id, values);
          if (gap.achievable) take(lack.id, toAssignments(gap.changes), cleared);
          continue;
        }
        if (lack.kind === 'mandatory') {
          const gap = this.criterion(this.criterionResultIn(current, lack.id), values);
          if (gap.achievable) take(lack.id, toAssignments(gap.changes), chosen);
          continue;
        }
        if (!('unit' in lack)) continue;
        const members = this.membersOf(lack, at, order).filter((id) => !excluded.has(id));
        const short = lack.need - lack.have;
        if (short <= 0) continue;
        const picks =
          lack.unit === 'points'
            ? this.pointsPicks(members, current, values, short)
            : this.countPicks(members, current, values, short, chosenForCounts.length === 0 ? alternative : 0);
        if (picks[0] !== undefined && 'alternative' in picks[0]) usedAlternative = true;
        for (const p of picks) {
          take(p.id, p.changes, chosen);
          if (!chosenForCounts.includes(p.id)) chosenForCounts.push(p.id);
        }
      }
      if (values === before) break;
      current = this.evaluate(values);
    }
    const reached = current.level?.reached ?? null;
    return {
      way: {
        criteria: chosen,
        disqualifiers: cleared,
        changes: changesOf(diff(start, values, taken), start, start),
        reached,
      },
      values,
      result: current,
      chosenForCounts,
      usedAlternative,
    };
  }

  /** The criteria a lacking requirement counts, among those that count at level index `at`. */
  private membersOf(
    lack: Extract<NextLevel['lacking'][number], { unit: string }>,
    at: number,
    order: readonly string[],
  ): string[] {
    const counts = (c: CriterionInfo) => c.fromLevel === undefined || order.indexOf(c.fromLevel) <= at;
    const doc = this.ruleset.document;
    let ids: readonly string[];
    if (lack.kind === 'group') ids = this.ruleset.groups.find((g) => g.id === lack.id)?.criteria.map((c) => c.id) ?? [];
    else if (lack.kind === 'total') ids = this.ruleset.criteria.map((c) => c.id);
    else {
      const list =
        lack.level === undefined
          ? doc.recognition.requirements
          : doc.levels?.find((l) => l.id === lack.level)?.requirements;
      ids = list?.[lack.index ?? -1]?.of ?? [];
    }
    return ids.filter((id) => {
      const c = this.criteria.get(id);
      return c !== undefined && counts(c);
    });
  }

  /** `short` more criteria to pass: the cheapest that can, each checked. */
  private countPicks(
    members: readonly string[],
    current: EvaluationResult,
    values: Values,
    short: number,
    alternative: number,
  ): { id: string; changes: ReadonlyMap<string, Assignment>; alternative?: boolean }[] {
    const gaps = members
      .map((id) => this.criterionResultIn(current, id))
      .filter((c) => c.status !== 'pass')
      .map((c) => this.criterion(c, values))
      .filter((g) => g.achievable)
      .sort((a, b) => compareCost(costOf(toAssignments(a.changes), values), costOf(toAssignments(b.changes), values)));
    return gaps.slice(0, short).map((g, i) => {
      const other = i === 0 && alternative > 0 ? g.alternatives?.[alternative - 1] : undefined;
      return other === undefined
        ? { id: g.id, changes: toAssignments(g.changes) }
        : { id: g.id, changes: toAssignments(other), alternative: true };
    });
  }

  /**
   * `short` more points: each criterion's ways to earn more (to cover `short` alone, one point
   * more, or its most), then the cheapest single way that covers `short`, else the largest gains
   * first, one way per criterion.
   */
  private pointsPicks(
    members: readonly string[],
    current: EvaluationResult,
    values: Values,
    short: number,
  ): { id: string; changes: ReadonlyMap<string, Assignment> }[] {
    const options: { id: string; gain: number; changes: ReadonlyMap<string, Assignment>; cost: Cost }[] = [];
    for (const id of members) {
      const c = this.criterionResultIn(current, id);
      const least = c.earned?.least ?? (c.status === 'pass' ? c.points : 0);
      const most = c.points;
      if (least >= most) continue;
      const info = this.criteria.get(id);
      if (info?.pointsRule === undefined && c.status !== 'pass') {
        const gap = this.criterion(c, values);
        if (gap.achievable) {
          const changes = toAssignments(gap.changes);
          options.push({ id, gain: most - least, changes, cost: costOf(changes, values) });
        }
        continue;
      }
      for (const target of unique([Math.min(most, least + short), least + 1, most].map(String)).map(Number)) {
        if (target <= least) continue;
        const way = this.searchWays(c, values, (r) => (r.earned?.least ?? 0) >= target, true)[0];
        if (way !== undefined) options.push({ id, gain: target - least, changes: way.changes, cost: way.cost });
      }
    }
    const covering = options.filter((o) => o.gain >= short).sort((a, b) => compareCost(a.cost, b.cost));
    if (covering[0] !== undefined) return [covering[0]];
    const picks: { id: string; changes: ReadonlyMap<string, Assignment> }[] = [];
    let covered = 0;
    for (const o of [...options].sort((a, b) => b.gain - a.gain || compareCost(a.cost, b.cost))) {
      if (covered >= short) break;
      if (picks.some((p) => p.id === o.id)) continue;
      picks.push(o);
      covered += o.gain;
    }
    return picks;
  }

  // ── helpers ───────────────────────────────────────────────────────────────

  /**
   * Whether a disqualifier can stand between the area and recognition. With levels, being
   * recognised is reaching the lowest one, so one that blocks only from a higher level
   * (`from_level`) is left to that level's part of the analysis, not cleared here.
   */
  private blocksRecognition(id: string): boolean {
    const doc = this.ruleset.document;
    const lowest = doc.levels?.[0];
    if (lowest === undefined) return true;
    if (lowest.disqualifiers?.includes(id)) return true;
    const fromLevel = doc.disqualifiers?.find((d) => d.id === id)?.from_level;
    return doc.recognition.disqualifiers === 'block' && (fromLevel === undefined || fromLevel === lowest.id);
  }

  private evaluate(values: Values): EvaluationResult {
    return this.ruleset.evaluate(assessmentOf(this.result, values, this.scope));
  }

  private criterionResult(id: string): CriterionResult {
    return this.criterionResultIn(this.result, id);
  }

  private criterionResultIn(result: EvaluationResult, id: string): CriterionResult {
    const c = result.criteria.find((x) => x.id === id);
    if (c === undefined) throw new Error(`gap analysis: criterion ${id} is not in the result`);
    return c;
  }
}

/** The known values the result read: its context and every fact reading that is not null. */
function valuesOf(result: EvaluationResult): Values {
  const values = new Map<string, FactValue>(Object.entries(result.context));
  for (const item of [...result.criteria, ...result.disqualifiers]) {
    for (const f of item.facts) if (f.value !== null && !values.has(f.id)) values.set(f.id, f.value);
  }
  return values;
}

function assessmentOf(result: EvaluationResult, values: Values, scope: SolveScope): Assessment {
  const context: Record<string, string | boolean> = {};
  const facts: Record<string, FactValue> = {};
  for (const [id, v] of values) {
    if (scope.context.has(id)) {
      if (typeof v !== 'number') context[id] = v;
    } else facts[id] = v;
  }
  return { area: result.area, context, facts };
}

/** The facts whose value differs between two sets of values, with the assignment that set them. */
function diff(before: Values, after: Values, taken: ReadonlyMap<string, Assignment>): Map<string, Assignment> {
  const out = new Map<string, Assignment>();
  for (const [id, v] of after) {
    if (before.get(id) === v) continue;
    const a = taken.get(id);
    out.set(id, a !== undefined && a.value === v ? a : { value: v });
  }
  return out;
}

function changesOf(changes: ReadonlyMap<string, Assignment>, values: Values, original: Values): GapChange[] {
  return [...changes].map(([fact, a]) => {
    const before = original.get(fact) ?? values.get(fact);
    const current = before === undefined ? null : before;
    const percent = a.percent;
    return {
      fact,
      current,
      suggested: a.value,
      ...(percent
        ? {
            percent: {
              ...percent,
              additional: typeof current === 'number' && typeof a.value === 'number' ? a.value - current : null,
            },
          }
        : {}),
    };
  });
}

function toAssignments(changes: readonly GapChange[]): Map<string, Assignment> {
  return new Map(
    changes.map((c): [string, Assignment] => {
      if (c.percent === undefined) return [c.fact, { value: c.suggested }];
      const { additional: _additional, ...percent } = c.percent;
      return [c.fact, { value: c.suggested, percent }];
    }),
  );
}

/** The first `short` candidates, or for points the highest-point ones until `short` points are covered. */
function pick(candidates: readonly GapCriterion[], short: number, points: boolean): GapCriterion[] {
  if (!points) return candidates.slice(0, short);
  const out: GapCriterion[] = [];
  let covered = 0;
  for (const c of [...candidates].sort((a, b) => b.points - a.points)) {
    if (covered >= short) break;
    out.push(c);
    covered += c.points;
  }
  return out;
}

/** The fewest achievable candidates whose points add up to `points` (greedy by points is exact for a count). */
function fewestCovering(points: number, candidates: readonly GapCriterion[]): number {
  return pick(
    candidates.filter((c) => c.achievable),
    points,
    true,
  ).length;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

type Cost = readonly [number, number];

/** Facts changed, then the moves relative to where each fact starts. */
function costOf(changes: ReadonlyMap<string, Assignment>, values: Values): Cost {
  let size = 0;
  for (const [id, a] of changes) size += relativeMove(values.get(id), a.value);
  return [changes.size, size];
}

function compareCost(a: Cost, b: Cost): number {
  return a[0] - b[0] || a[1] - b[1];
}

function sameChanges(a: ReadonlyMap<string, Assignment>, b: ReadonlyMap<string, Assignment>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, x] of a) if (b.get(id)?.value !== x.value) return false;
  return true;
}

/** The index of the level a result reached (-1 for none). */
function reachedIndex(result: EvaluationResult, order: readonly string[]): number {
  const reached = result.level?.reached;
  return reached === null || reached === undefined ? -1 : order.indexOf(reached);
}
