/**
 * What the generators need to know about a ruleset, derived once from its public description
 * (facts, context, thresholds) and nothing else: the valid contexts, the order in which facts are
 * generated (a whole before its parts), each fact's bounds, and the thresholds that read it with
 * the side a passing assessment wants them on. Nothing here knows any particular scheme.
 */
import type { CompiledRuleset, ConditionInfo, FactInfo, Threshold } from '../compile/compiled-ruleset.js';
import type { Assessment } from '../evaluate/assessment.js';
import type { FactValue } from '../evaluate/result.js';
import { HOLDS } from '../compile/expression/compare-ops.js';
import { FACT_TYPES } from '../compile/fact-types/index.js';

export type Op = Threshold['op'];
export type ContextValues = Readonly<Record<string, string | boolean>>;
export type Facts = Record<string, FactValue | null | undefined>;

/** A comparison of the fact with a constant; `wantsHold` is false for a disqualifier's (the bad case). */
export interface CompareUse {
  readonly op: Op;
  readonly value: number | string | boolean;
  readonly wantsHold: boolean;
}

export interface PercentUse {
  readonly part: string;
  readonly whole: string;
  readonly op: Op;
  readonly value: number;
  readonly ifWholeZero: 'pass' | 'fail';
  readonly wantsHold: boolean;
}

export interface FactModel {
  readonly info: FactInfo;
  /** Generation bounds: the declared ones, or ±maxCount where none is declared. */
  readonly lo: number;
  readonly hi: number;
  readonly compares: readonly CompareUse[];
  /** Percentages this fact is the part of. */
  readonly asPart: readonly PercentUse[];
  /** Percentages this fact is the whole of. */
  readonly asWhole: readonly PercentUse[];
  /** Value ids of an enum or ordinal fact, in declared order. */
  readonly ids: readonly string[];
}

export interface RulesetModel {
  readonly ruleset: CompiledRuleset;
  /** Every valid context, or undefined when there are too many to list (then drawn and filtered). */
  readonly contexts: readonly ContextValues[] | undefined;
  /** Per context attribute, the values it may take; `undefined` = left out (only where `required_when`). */
  readonly contextOptions: readonly (readonly [string, readonly (string | boolean | undefined)[]])[];
  readonly facts: ReadonlyMap<string, FactModel>;
  /** Fact ids, every whole before its parts. */
  readonly order: readonly string[];
}

/** Beyond this many raw context combinations they are drawn at random and filtered instead. */
const MAX_LISTED_CONTEXTS = 4096;

const cache = new WeakMap<CompiledRuleset, Map<number, RulesetModel>>();

export function modelOf(ruleset: CompiledRuleset, maxCount: number): RulesetModel {
  let perSize = cache.get(ruleset);
  if (!perSize) {
    perSize = new Map();
    cache.set(ruleset, perSize);
  }
  let model = perSize.get(maxCount);
  if (!model) {
    model = buildModel(ruleset, maxCount);
    perSize.set(maxCount, model);
  }
  return model;
}

function buildModel(ruleset: CompiledRuleset, maxCount: number): RulesetModel {
  const uses = collectUses(ruleset);
  const order = generationOrder(ruleset.facts, uses.percents);
  const byId = new Map(ruleset.facts.map((f) => [f.id, f]));
  const lows = new Map<string, number>();
  // A whole can never be below the lowest value of any of its parts: walk parts before wholes.
  for (const id of [...order].reverse()) {
    const f = byId.get(id);
    if (f === undefined) continue; // the order lists the declared facts only
    const own = ownBounds(f, maxCount)[0];
    const low = Math.max(own, lows.get(id) ?? own);
    lows.set(id, low);
    if (f.partOf !== undefined) {
      const whole = byId.get(f.partOf);
      if (whole) lows.set(f.partOf, Math.max(lows.get(f.partOf) ?? ownBounds(whole, maxCount)[0], low));
    }
  }
  const facts = new Map<string, FactModel>();
  for (const f of ruleset.facts) {
    const lo = lows.get(f.id) ?? ownBounds(f, maxCount)[0];
    const hi = Math.max(lo, ownBounds(f, maxCount)[1]);
    facts.set(f.id, {
      info: f,
      lo,
      hi,
      compares: uses.compares.get(f.id) ?? [],
      asPart: uses.percents.filter((p) => p.part === f.id),
      asWhole: uses.percents.filter((p) => p.whole === f.id),
      ids: (f.values ?? []).map((v) => v.id),
    });
  }
  const contextOptions = ruleset.context.map(
    (a) =>
      [
        a.id,
        [
          ...(a.type === 'boolean' ? [false, true] : (a.values ?? []).map((v) => v.id)),
          // An attribute with `required_when` may be left out wherever it is not required.
          ...(a.requiredWhen !== undefined ? [undefined] : []),
        ],
      ] as const,
  );
  const model: RulesetModel = { ruleset, contexts: undefined, contextOptions, facts, order };
  const contexts = listContexts(model);
  if (contexts && contexts.length === 0) {
    throw new Error(`ruleset ${ruleset.id}: no context satisfies the context rules, so no assessment can be generated`);
  }
  return { ...model, contexts };
}

function ownBounds(f: FactInfo, maxCount: number): [number, number] {
  if (f.type !== 'integer' && f.type !== 'number') return [0, 0];
  const lo = f.min ?? (f.max !== undefined ? Math.min(0, f.max) - maxCount : -maxCount);
  const hi = f.max ?? Math.max(lo, 0) + maxCount;
  return [lo, hi];
}

/** Every threshold of every criterion (all variants) and disqualifier, by fact. */
function collectUses(ruleset: CompiledRuleset): { compares: Map<string, CompareUse[]>; percents: PercentUse[] } {
  const compares = new Map<string, CompareUse[]>();
  const percents: PercentUse[] = [];
  const factIds = new Set(ruleset.facts.map((f) => f.id));
  const add = (condition: ConditionInfo, wantsHold: boolean) => {
    for (const t of condition.thresholds) {
      if (t.kind === 'compare') {
        // Context attributes are drawn from the list of valid contexts, not from thresholds.
        if (!factIds.has(t.fact)) continue;
        const list = compares.get(t.fact) ?? [];
        list.push({ op: t.op, value: t.value, wantsHold });
        compares.set(t.fact, list);
      } else if (
        factIds.has(t.part) &&
        factIds.has(t.whole) &&
        typeof t.value === 'number' &&
        t.ifWholeZero !== undefined
      ) {
        // A share compared with a parameter has no one value to aim at: its facts are drawn as any others.
        percents.push({
          part: t.part,
          whole: t.whole,
          op: t.op,
          value: t.value,
          ifWholeZero: t.ifWholeZero,
          wantsHold,
        });
      }
    }
  };
  for (const c of ruleset.criteria) {
    if (c.condition) add(c.condition, true);
    for (const v of c.variants ?? []) add(v.condition, true);
  }
  // A disqualifier's condition is the bad case: a passing assessment wants it not to hold.
  for (const d of ruleset.disqualifiers) add(d.condition, false);
  return { compares, percents };
}

/**
 * Wholes before parts, for `part_of` and for percentages (a part's boundary values depend on its
 * whole). The compiler guarantees `part_of` has no loops; percentages could add one (a / b and
 * b / a in two criteria), and then only `part_of` orders the facts.
 */
function generationOrder(facts: readonly FactInfo[], percents: readonly PercentUse[]): string[] {
  const ids = facts.map((f) => f.id);
  const partOfEdges: [string, string][] = facts.flatMap((f) =>
    f.partOf !== undefined && ids.includes(f.partOf) ? [[f.partOf, f.id] satisfies [string, string]] : [],
  );
  const percentEdges: [string, string][] = percents.filter((p) => p.part !== p.whole).map((p) => [p.whole, p.part]);
  return topological(ids, [...partOfEdges, ...percentEdges]) ?? topological(ids, partOfEdges) ?? ids;
}

function topological(ids: readonly string[], edges: readonly (readonly [string, string])[]): string[] | undefined {
  const incoming = new Map(ids.map((id) => [id, 0]));
  const next = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const [from, to] of edges) {
    const key = `${from}\u0000${to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    incoming.set(to, (incoming.get(to) ?? 0) + 1);
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  // Declaration order among independent facts, so generation is stable and readable.
  const out: string[] = [];
  const ready = ids.filter((id) => incoming.get(id) === 0);
  for (let id = ready.shift(); id !== undefined; id = ready.shift()) {
    out.push(id);
    for (const to of next.get(id) ?? []) {
      const n = (incoming.get(to) ?? 0) - 1;
      incoming.set(to, n);
      if (n === 0) ready.push(to);
    }
  }
  return out.length === ids.length ? out : undefined;
}

/**
 * Every combination of context values (attributes with `required_when` also left out), kept when
 * the ruleset's own input validation accepts it: that applies `required_when` and the context
 * rules exactly as real inputs meet them.
 */
function listContexts(model: RulesetModel): ContextValues[] | undefined {
  let combos: Record<string, string | boolean>[] = [{}];
  for (const [id, values] of model.contextOptions) {
    const next: Record<string, string | boolean>[] = [];
    for (const combo of combos) {
      for (const v of values) next.push(v === undefined ? { ...combo } : { ...combo, [id]: v });
    }
    if (next.length > MAX_LISTED_CONTEXTS) return undefined;
    combos = next;
  }
  return combos.filter((c) => isValidContext(model.ruleset, c));
}

export function isValidContext(ruleset: CompiledRuleset, context: ContextValues): boolean {
  return ruleset.validateAssessment({ context, facts: {} }).value !== undefined;
}

export function isValidAssessment(ruleset: CompiledRuleset, assessment: Assessment): boolean {
  return ruleset.validateAssessment(assessment).value !== undefined;
}

// ── thresholds ─────────────────────────────────────────────────────────────────────────────

function holdsOp(op: Op, a: number, b: number): boolean {
  return HOLDS[op](a, b);
}

/** Whether `value op threshold` holds for this fact (ordinals compare by declared rank). */
function holdsCompare(fact: FactInfo, value: FactValue, use: CompareUse): boolean {
  if (typeof value === 'number' && typeof use.value === 'number') return holdsOp(use.op, value, use.value);
  if (typeof value === 'boolean' && typeof use.value === 'boolean')
    return holdsOp(use.op, Number(value), Number(use.value));
  if (typeof value === 'string' && typeof use.value === 'string') {
    if (fact.type === 'ordinal') {
      const ids = (fact.values ?? []).map((v) => v.id);
      return holdsOp(use.op, ids.indexOf(value), ids.indexOf(use.value));
    }
    return holdsOp(use.op, value === use.value ? 0 : 1, 0);
  }
  return false;
}

/** Whether `part × 100 op value × whole` holds; an empty whole takes the declared policy. */
function holdsPercent(part: number, whole: number, use: PercentUse): boolean {
  if (whole === 0) return use.ifWholeZero === 'pass';
  return holdsOp(use.op, part * 100, use.value * whole);
}

/**
 * Parts of `whole` at and around the threshold: the smallest part with part × 100 ≥ value ×
 * whole and the one below it (the exact integer boundary), the largest with ≤ and the one above,
 * their neighbours, none and all.
 */
export function percentBoundaryParts(whole: number, value: number): number[] {
  const exact = (value * whole) / 100;
  const ceil = Math.ceil(exact - 1e-9);
  const floor = Math.floor(exact + 1e-9);
  return [ceil - 1, ceil, ceil + 1, floor - 1, floor, floor + 1, 0, whole];
}

/** Wholes worth trying: empty, tiny, around 50 and 100 (where percentages fall on integers). */
export const INTERESTING_WHOLES: readonly number[] = [0, 1, 2, 3, 7, 10, 49, 50, 51, 99, 100, 101, 199, 200, 201];

/** Values of a numeric fact next to a compared constant: the value and one step either side. */
export function compareNeighbours(fact: FactInfo, value: number): number[] {
  return fact.type === 'integer'
    ? [value - 1, value, value + 1]
    : [value - 1, value - 0.5, value, value + 0.5, value + 1];
}

export function isNumericFact(f: FactInfo): boolean {
  return f.type === 'integer' || f.type === 'number';
}

/** Upper bound of a fact given the facts generated so far (a part never exceeds its whole). */
export function upperBound(fm: FactModel, facts: Facts): number {
  const whole = fm.info.partOf !== undefined ? facts[fm.info.partOf] : undefined;
  return typeof whole === 'number' ? Math.min(fm.hi, whole) : fm.hi;
}

/**
 * Candidate values for one fact, split into those that put every threshold reading it on the
 * side a passing assessment wants ("good") and the rest ("bad"). Depends on facts generated
 * earlier (the wholes). Sorted ascending, so the first good value of a "≥" threshold is its exact
 * boundary, and shrinking towards index 0 lands on it.
 */
export function candidates(fm: FactModel, facts: Facts, hi: number): Candidates {
  // They depend only on the bounds and on the wholes of the fact's percentages: memoised, since
  // generating an assessment asks for every fact's candidates and most facts have no whole.
  let memo = candidateMemo.get(fm);
  if (!memo) {
    memo = new Map();
    candidateMemo.set(fm, memo);
  }
  const key = fm.asPart.length === 0 ? hi : `${hi},${fm.asPart.map((p) => String(facts[p.whole])).join(',')}`;
  let found = memo.get(key);
  if (!found) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    found = computeCandidates(fm, facts, hi);
    memo.set(key, found);
  }
  return found;
}

export interface Candidates {
  readonly good: readonly FactValue[];
  readonly bad: readonly FactValue[];
  /** The score of the good ones (see `score`). */
  readonly best: number;
}

const MEMO_LIMIT = 10_000;
// The lower bound is fixed per fact; the upper one varies only for parts (bounded by their whole).
const candidateMemo = new WeakMap<FactModel, Map<string | number, Candidates>>();

function computeCandidates(fm: FactModel, facts: Facts, hi: number): Candidates {
  const f = fm.info;
  const lo = fm.lo;
  let values: FactValue[];
  const finite = FACT_TYPES[f.type].finiteValues?.(f);
  if (finite) values = [...finite];
  else {
    const set = new Set<number>();
    for (const c of fm.compares)
      if (typeof c.value === 'number') for (const v of compareNeighbours(f, c.value)) set.add(v);
    for (const p of fm.asPart) {
      const whole = facts[p.whole];
      if (typeof whole === 'number') for (const v of percentBoundaryParts(whole, p.value)) set.add(v);
    }
    if (fm.asWhole.length > 0) for (const v of INTERESTING_WHOLES) set.add(v);
    if (set.size === 0) for (const v of [lo, lo + 1, hi]) set.add(v);
    values = [...set]
      .filter((v) => v >= lo && v <= hi && (f.type === 'number' || Number.isInteger(v)))
      .sort((a, b) => a - b);
    if (values.length === 0) values = [lo];
  }
  const scored = values.map((v) => ({ v, score: score(fm, facts, v) }));
  const best = Math.max(...scored.map((s) => s.score));
  const good = scored.filter((s) => s.score === best).map((s) => s.v);
  const bad = scored.filter((s) => s.score !== best).map((s) => s.v);
  return { good, bad, best };
}

/** How many of the thresholds reading this fact the value puts on the wanted side. */
export function score(fm: FactModel, facts: Facts, v: FactValue): number {
  let n = 0;
  for (const c of fm.compares) if (holdsCompare(fm.info, v, c) === c.wantsHold) n++;
  if (typeof v === 'number') {
    for (const p of fm.asPart) {
      const whole = facts[p.whole];
      if (typeof whole === 'number' && holdsPercent(v, whole, p) === p.wantsHold) n++;
    }
    // An empty whole decides its percentages by policy; a non-empty one leaves them to the part.
    for (const p of fm.asWhole) if (v !== 0 || (p.ifWholeZero === 'pass') === p.wantsHold) n++;
  }
  return n;
}
