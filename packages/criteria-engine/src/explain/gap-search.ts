/**
 * Ways to make one criterion pass (or earn more points) by changing ONE fact, found by asking
 * the ruleset itself: the criterion is evaluated with the fact moved, and a binary search finds
 * the smallest move that works. Whatever stands between the facts and the comparison (a derived
 * quantity such as income per person, a parameter table's cell chosen by the context and the
 * date, arithmetic, a step table) is the engine's own exact evaluation, so nothing here knows
 * how a condition is written: gap-solve.ts works conditions backwards where it can, this finds
 * the ways it cannot, and the alternatives to its answer.
 *
 * The search assumes the outcome is monotone in the fact over its bounds (more income, more
 * points); it checks the value it lands on, so a non-monotone condition yields no way, never a
 * wrong one. Every evaluation is counted against a budget shared by the whole analysis.
 */
import type { CompiledRuleset, FactInfo } from '../compile/compiled-ruleset.js';
import type { Assessment } from '../evaluate/assessment.js';
import type { CriterionResult, FactValue } from '../evaluate/result.js';
import type { Assignment, Values } from './gap-solve.js';

/** Evaluations of one criterion the whole analysis may spend searching. */
export const SEARCH_BUDGET = 20_000;

/** Decimals tried for a `number` fact that declares none: a finer value is rarely what a person enters. */
const DEFAULT_DECIMALS = 2;

export interface SearchScope {
  readonly ruleset: Pick<CompiledRuleset, 'criteria' | 'evaluateCriterion' | 'evaluate'>;
  readonly facts: ReadonlyMap<string, FactInfo>;
  readonly parts: ReadonlyMap<string, readonly string[]>;
  /** Builds the assessment of a set of values (context, facts, the area and its date). */
  readonly assessment: (values: Values) => Assessment;
  /** What is left of the budget; decremented by each evaluation. */
  budget: { left: number };
}

export interface Way {
  readonly changes: ReadonlyMap<string, Assignment>;
  /** Facts changed, then the size of the move relative to the value it starts from. */
  readonly cost: readonly [number, number];
}

/**
 * One-fact ways for criterion `id` to satisfy `holds`, cheapest first: for each fact it reads
 * (`reads`, context attributes left out by the caller), the nearest value that makes it hold,
 * upwards and downwards.
 */
export function searchWays(
  id: string,
  reads: readonly string[],
  values: Values,
  holds: (r: CriterionResult) => boolean,
  scope: SearchScope,
  /** Whether `holds` reads what the criterion earns: only the whole evaluation reports points. */
  points = false,
): Way[] {
  const index = scope.ruleset.criteria.findIndex((c) => c.id === id);
  if (index < 0) return [];
  const test = (fact: string, value: FactValue): boolean => {
    if (scope.budget.left <= 0) return false;
    scope.budget.left--;
    const next = new Map(values);
    next.set(fact, value);
    const assessment = scope.assessment(next);
    const result = points
      ? scope.ruleset.evaluate(assessment).criteria[index]
      : scope.ruleset.evaluateCriterion(assessment, index);
    return result !== undefined && holds(result);
  };
  const ways: Way[] = [];
  for (const fact of reads) {
    const info = scope.facts.get(fact);
    if (info === undefined) continue;
    for (const value of candidates(info, values, scope, (v) => test(fact, v))) {
      ways.push({ changes: new Map([[fact, { value }]]), cost: [1, relativeMove(values.get(fact), value)] });
    }
  }
  return ways.sort((a, b) => a.cost[0] - b.cost[0] || a.cost[1] - b.cost[1]);
}

/** The values of one fact worth proposing: for a number the nearest passing value on each side. */
function candidates(
  info: FactInfo,
  values: Values,
  scope: SearchScope,
  passes: (v: FactValue) => boolean,
): FactValue[] {
  const current = values.get(info.id);
  if (info.type === 'boolean') return [true, false].filter((v) => v !== current && passes(v));
  if (info.type === 'enum' || info.type === 'ordinal') {
    const ids = (info.values ?? []).map((v) => v.id).filter((v) => v !== current);
    // The nearest in declared order first, for an ordinal; one proposal is enough.
    const found = ids.find((v) => passes(v));
    return found === undefined ? [] : [found];
  }
  const decimals = info.type === 'integer' ? 0 : (info.decimals ?? DEFAULT_DECIMALS);
  const scale = 10 ** decimals;
  const lo = Math.max(info.min ?? 0, highestPart(info.id, values, scope));
  const whole = info.partOf === undefined ? undefined : values.get(info.partOf);
  const hi = Math.min(info.max ?? Number.MAX_SAFE_INTEGER / scale, typeof whole === 'number' ? whole : Infinity);
  if (!(hi >= lo)) return [];
  const lowStep = Math.ceil(lo * scale - 1e-9);
  const highStep = Math.floor(hi * scale + 1e-9);
  const at = (step: number) => Number((step / scale).toFixed(decimals));
  const out: FactValue[] = [];
  const here = typeof current === 'number' ? Math.round(current * scale) : undefined;
  // Upwards: the smallest step above the current value (or from the bottom when it is unknown).
  const upFrom = here === undefined ? lowStep : here + 1;
  if (upFrom <= highStep && passes(at(highStep))) {
    const step = firstPassing(upFrom, highStep, (s) => passes(at(s)));
    if (step !== undefined) out.push(at(step));
  }
  // Downwards: the largest step below it (or from the top when it is unknown, which upwards covered).
  if (here !== undefined && here - 1 >= lowStep && passes(at(lowStep))) {
    const step = lastPassing(lowStep, here - 1, (s) => passes(at(s)));
    if (step !== undefined) out.push(at(step));
  }
  return out;
}

/** The smallest s in [from, to] with ok(s), given ok(to); checked, so a non-monotone ok gives undefined. */
function firstPassing(from: number, to: number, ok: (s: number) => boolean): number | undefined {
  let a = from;
  let b = to;
  while (a < b) {
    const mid = a + Math.floor((b - a) / 2);
    if (ok(mid)) b = mid;
    else a = mid + 1;
  }
  return a === to || ok(a) ? a : undefined;
}

/** The largest s in [from, to] with ok(s), given ok(from). */
function lastPassing(from: number, to: number, ok: (s: number) => boolean): number | undefined {
  let a = from;
  let b = to;
  while (a < b) {
    const mid = a + Math.ceil((b - a) / 2);
    if (ok(mid)) a = mid;
    else b = mid - 1;
  }
  return a === from || ok(a) ? a : undefined;
}

/** How far a value moves, relative to where it starts (1 for a yes/no or a choice, or from unknown). */
export function relativeMove(before: FactValue | undefined, after: FactValue): number {
  if (typeof before !== 'number' || typeof after !== 'number') return 1;
  return Math.abs(after - before) / Math.max(Math.abs(before), 1);
}

function highestPart(id: string, values: Values, scope: SearchScope): number {
  let most = -Infinity;
  for (const part of scope.parts.get(id) ?? []) {
    const v = values.get(part);
    if (typeof v === 'number' && v > most) most = v;
  }
  return most;
}
