/**
 * fast-check arbitraries derived from a compiled ruleset: contexts the ruleset accepts, and
 * assessments that pass `ruleset.validateAssessment`, biased towards the thresholds the rules
 * declare. Every assessment is built from a small vector of raw draws and then resolved, so a
 * failing case shrinks towards "every fact on the passing side of its thresholds, at the exact
 * boundary", which is the most readable counterexample.
 */
import fc from 'fast-check';
import type { CompiledRuleset } from '../compile/compiled-ruleset.js';
import { FACT_TYPES } from '../compile/fact-types/index.js';
import type { Assessment } from '../evaluate/assessment.js';
import type { Decision, FactValue } from '../evaluate/result.js';
import {
  candidates,
  score,
  isValidContext,
  modelOf,
  upperBound,
  type ContextValues,
  type Facts,
  type RulesetModel,
} from './model.js';

export interface AssessmentArbitraryOptions {
  /**
   * Probability (0–1) that each fact is left out, i.e. unknown (some of them are given as `null`,
   * which also means unknown). Default 0: complete assessments.
   */
  readonly unknownRate?: number;
  /**
   * Probability (0–1) that a fact takes a value at or next to a threshold that reads it (for a
   * percentage: the exact integer boundary of the part, one below, one above; for a comparison:
   * the value and one either side; both booleans) rather than any value in its range. Default 0.85.
   */
  readonly boundaryBias?: number;
  /** Largest magnitude generated for numbers without declared bounds, and the size of wholes. Default 1000. */
  readonly maxCount?: number;
  /**
   * Aim every assessment at one decision: `recognised` draws facts on the passing side of their
   * thresholds and leaves a fact out only where the decision stays recognised; `not_recognised`
   * puts many facts on the failing side and likewise keeps the decision while leaving facts out;
   * `undetermined` leaves facts out until the decision cannot be made. Aiming is not filtering:
   * an assessment the draws cannot bring to that decision (a kind of area whose mandatory
   * criterion is not applicable; a ruleset that can never recognise) comes out as it is, so a
   * ruleset never makes the arbitrary loop; count with `ruleset.decide` if you need them all.
   * Without `aim`, decisions come as the draws fall: with `unknownRate` 0.1 on a ruleset of a
   * hundred facts, hardly any assessment is recognised.
   */
  readonly aim?: Decision;
}

const PER_MILLE = 1000;
const VALUE_DRAW_MAX = 999_999;

/**
 * Three draws per fact, in generation order, flat (one array of integers generates several times
 * faster than an array of tuples): mode (boundary value or free value), value (side, candidate,
 * free value), unknown. All shrink towards 0 = known, on the passing side, at the boundary.
 */
const DRAWS_PER_FACT = 3;

interface RawAssessment {
  readonly context: ContextValues;
  /** Per mille of facts put on the failing side of their thresholds. */
  readonly violation: number;
  readonly draws: readonly number[];
}

/** Valid contexts for every variant: every value combination the context rules and `required_when` allow. */
export function contextArbitrary(ruleset: CompiledRuleset): fc.Arbitrary<Readonly<Record<string, string | boolean>>> {
  return contextOf(modelOf(ruleset, defaults({}).maxCount));
}

/**
 * Assessments for this ruleset that pass `ruleset.validateAssessment`: declared types and bounds,
 * part ≤ whole along `part_of` chains, declared enum/ordinal values, a valid context.
 */
export function assessmentArbitrary(
  ruleset: CompiledRuleset,
  options: AssessmentArbitraryOptions = {},
): fc.Arbitrary<Assessment> {
  const o = defaults(options);
  const model = modelOf(ruleset, o.maxCount);
  const { aim } = o;
  if (aim !== undefined) {
    return rawArbitrary(model, aim).map((raw) =>
      aimedForget(ruleset, model, resolve(model, raw, o.boundaryBias), raw, o.unknownRate, aim),
    );
  }
  return rawArbitrary(model).map((raw) => {
    const complete = resolve(model, raw, o.boundaryBias);
    return o.unknownRate > 0 ? forget(model, complete, raw, o.unknownRate) : complete;
  });
}

/** A complete assessment and the same one with a random subset of its facts left out. */
export function completeAndPartialArbitrary(
  ruleset: CompiledRuleset,
  options: AssessmentArbitraryOptions = {},
): fc.Arbitrary<{ readonly complete: Assessment; readonly partial: Assessment }> {
  const o = defaults(options);
  const model = modelOf(ruleset, o.maxCount);
  // Mostly a few facts missing (partial results that can still be decided), sometimes many.
  const rate = fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: PER_MILLE }));
  const { aim } = o;
  if (aim !== undefined) {
    // The partial assessment has the aimed decision (and so, unless undetermined, the complete one too).
    return fc.tuple(rawArbitrary(model, aim), rate).map(([raw, perMille]) => {
      const complete = resolve(model, raw, o.boundaryBias);
      return { complete, partial: aimedForget(ruleset, model, complete, raw, perMille / PER_MILLE, aim) };
    });
  }
  return fc.tuple(rawArbitrary(model), rate).map(([raw, perMille]) => {
    const complete = resolve(model, raw, o.boundaryBias);
    return { complete, partial: forget(model, complete, raw, perMille / PER_MILLE) };
  });
}

interface ResolvedOptions {
  readonly unknownRate: number;
  readonly boundaryBias: number;
  readonly maxCount: number;
  readonly aim: Decision | undefined;
}

const DECISIONS: readonly Decision[] = ['recognised', 'not_recognised', 'undetermined'];

export function defaults(options: AssessmentArbitraryOptions): ResolvedOptions {
  const rate = (x: number | undefined, d: number, name: string) => {
    const v = x ?? d;
    if (!(v >= 0 && v <= 1)) throw new RangeError(`${name} must be between 0 and 1, got ${String(x)}`);
    return v;
  };
  const maxCount = options.maxCount ?? 1000;
  if (!Number.isSafeInteger(maxCount) || maxCount < 1)
    throw new RangeError(`maxCount must be a positive integer, got ${String(maxCount)}`);
  if (options.aim !== undefined && !DECISIONS.includes(options.aim))
    throw new RangeError(`aim must be one of ${DECISIONS.join(', ')}, got ${String(options.aim)}`);
  return {
    unknownRate: rate(options.unknownRate, 0, 'unknownRate'),
    boundaryBias: rate(options.boundaryBias, 0.85, 'boundaryBias'),
    maxCount,
    aim: options.aim,
  };
}

function contextOf(model: RulesetModel): fc.Arbitrary<ContextValues> {
  if (model.contexts) return fc.constantFrom(...model.contexts);
  // Too many combinations to list: draw each attribute, keep what the ruleset accepts.
  const record = Object.fromEntries(model.contextOptions.map(([id, values]) => [id, fc.constantFrom(...values)]));
  return fc
    .record(record)
    .map((r): ContextValues => Object.fromEntries(Object.entries(r).filter(isKnownEntry)))
    .filter((c) => isValidContext(model.ruleset, c));
}

function rawArbitrary(model: RulesetModel, aim?: Decision): fc.Arbitrary<RawAssessment> {
  const n = model.order.length;
  // How bad an assessment is: often perfect or nearly so (so "recognised" is common and the
  // boundaries that matter for it are exercised), sometimes anything. Aimed: none for recognised
  // (every fact on its passing side, at or past its boundary), many for not recognised.
  const violation =
    aim === 'recognised'
      ? fc.constant(0)
      : aim === 'not_recognised'
        ? fc.integer({ min: 30, max: PER_MILLE })
        : fc.oneof(
            { arbitrary: fc.constant(0), weight: 2 },
            { arbitrary: fc.integer({ min: 0, max: 60 }), weight: 4 },
            { arbitrary: fc.integer({ min: 0, max: PER_MILLE }), weight: 2 },
          );
  const draws = fc.array(fc.integer({ min: 0, max: VALUE_DRAW_MAX }), {
    minLength: n * DRAWS_PER_FACT,
    maxLength: n * DRAWS_PER_FACT,
  });
  return fc.record({ context: contextOf(model), violation, draws });
}

/** The complete assessment a raw draw stands for; facts in generation order (wholes first). */
function resolve(model: RulesetModel, raw: RawAssessment, boundaryBias: number): Assessment {
  const facts: Facts = {};
  model.order.forEach((id, i) => {
    const fm = model.facts.get(id);
    if (!fm) return;
    const mode = (raw.draws[i * DRAWS_PER_FACT] ?? 0) % PER_MILLE;
    const value = raw.draws[i * DRAWS_PER_FACT + 1] ?? 0;
    const lo = fm.lo;
    const hi = Math.max(lo, upperBound(fm, facts));
    // First the side (every threshold on its wanted side, or not), then a value on that side:
    // one next to a threshold, or any value in range that happens to be on the same side.
    const { good, bad, best } = candidates(fm, facts, hi);
    const violate = value % PER_MILLE >= PER_MILLE - raw.violation && bad.length > 0;
    const list = violate ? bad : good;
    let v: FactValue | undefined = list[Math.floor(value / PER_MILLE) % list.length];
    if (mode >= boundaryBias * PER_MILLE) {
      // Any value in range, from one draw, as the fact's type draws it (compile/fact-types/).
      const free = FACT_TYPES[fm.info.type].drawValue(fm.info, lo, hi, value, VALUE_DRAW_MAX);
      if ((score(fm, facts, free) === best) !== violate) v = free;
    }
    facts[id] = v;
  });
  return { context: { ...raw.context }, facts };
}

/** The assessment with each fact left out (or given as null) with probability `rate`. */
function forget(model: RulesetModel, complete: Assessment, raw: RawAssessment, rate: number): Assessment {
  const facts: Facts = {};
  model.order.forEach((id, i) => {
    const drop = (raw.draws[i * DRAWS_PER_FACT + 2] ?? 0) % PER_MILLE;
    if (drop >= (1 - rate) * PER_MILLE) {
      if (drop % 2 === 1) facts[id] = null;
      return;
    }
    facts[id] = complete.facts[id];
  });
  return { context: complete.context, facts };
}

/**
 * Facts left out (each with probability `rate`, as `forget` does) only where the decision stays
 * the aimed one; aimed at undetermined, more facts are then left out, in generation order from a
 * drawn start, until the decision cannot be made. One `decide` per fact: the fast path.
 */
function aimedForget(
  ruleset: CompiledRuleset,
  model: RulesetModel,
  complete: Assessment,
  raw: RawAssessment,
  rate: number,
  aim: Decision,
): Assessment {
  const facts: Facts = { ...complete.facts };
  const decision = () => ruleset.decide({ context: complete.context, facts }).decision;
  const leaveOut = (id: string, drop: number, keep: boolean) => {
    const before = facts[id];
    if (drop % 2 === 1) facts[id] = null;
    else delete facts[id];
    if (keep && decision() !== aim) {
      if (before === undefined) delete facts[id];
      else facts[id] = before;
    }
  };
  model.order.forEach((id, i) => {
    const drop = (raw.draws[i * DRAWS_PER_FACT + 2] ?? 0) % PER_MILLE;
    if (drop >= (1 - rate) * PER_MILLE) leaveOut(id, drop, aim !== 'undetermined');
  });
  if (aim === 'undetermined') {
    const n = model.order.length;
    const start = (raw.draws[2] ?? 0) % Math.max(1, n);
    for (let k = 0; k < n && decision() !== 'undetermined'; k++) {
      const at = (start + k) % n;
      const id = model.order[at];
      if (id !== undefined) leaveOut(id, raw.draws[at * DRAWS_PER_FACT + 2] ?? 0, false);
    }
  }
  return { context: complete.context, facts };
}

/** A context attribute drawn with a value (an optional attribute may be drawn left out). */
function isKnownEntry(entry: [string, string | boolean | undefined]): entry is [string, string | boolean] {
  return entry[1] !== undefined;
}
