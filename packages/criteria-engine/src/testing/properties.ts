/**
 * Ready-made properties: laws every ruleset's evaluation must obey, whatever the scheme. Each
 * function takes a compiled ruleset and returns a fast-check property to run with `fc.assert`
 * (which prints the seed and path of a failure, and the smallest counterexample it shrank to).
 * A violated law throws an Error saying which law, for which criterion or disqualifier, and how
 * the decision moved.
 */
import fc from 'fast-check';
import type { CompiledRuleset } from '../compile/compiled-ruleset.js';
import type { Assessment } from '../evaluate/assessment.js';
import type { CriterionResult, Decision, DisqualifierStatus, EvaluationResult } from '../evaluate/result.js';
import {
  assessmentArbitrary,
  completeAndPartialArbitrary,
  defaults,
  type AssessmentArbitraryOptions,
} from './arbitraries.js';
import { changesTo, forgetting } from './changes.js';
import { deepEqual, shuffledKeys } from './data.js';
import { modelOf } from './model.js';

export interface PropertyOptions extends AssessmentArbitraryOptions {
  /**
   * Properties draw complete assessments and, as often, partial ones in which each fact is
   * unknown with this probability. Default 0.05.
   */
  readonly unknownRate?: number;
  /**
   * Called for every case a law was actually checked on, with a label naming the law and the
   * starting decision. Count the labels to make sure a property is not passing vacuously.
   */
  readonly onCheck?: (label: string) => void;
  /**
   * Counts the decision every drawn case started from (`decisionTally()`); its `atLeast` then
   * fails a run in which some decision was too rare for the law to have been tested there.
   */
  readonly tally?: DecisionTally;
}

/** How many cases of a property run started from each decision. */
export interface DecisionTally {
  readonly counts: Readonly<Record<Decision, number>>;
  add(decision: Decision): void;
  /** Throws, naming the decision and how to aim at it, when one started fewer than `min` cases. */
  atLeast(min: number, what?: string): void;
}

export function decisionTally(): DecisionTally {
  const counts: Record<Decision, number> = { recognised: 0, not_recognised: 0, undetermined: 0 };
  return {
    counts,
    add(decision) {
      counts[decision]++;
    },
    atLeast(min, what = 'the property') {
      const short = DECISIONS.filter((d) => counts[d] < min);
      if (short.length === 0) return;
      const seen = DECISIONS.map((d) => `${counts[d]} ${d}`).join(', ');
      throw new Error(
        `${what} started from ${seen}: fewer than ${min} ${short.join(' and ')} cases, so the law was hardly tested there. ` +
          `Run more cases, or aim the assessments with { aim: '${short[0]}' }.`,
      );
    },
  };
}

export interface MonotonicityCase {
  readonly assessment: Assessment;
  /** Values to copy from, one of the changes tried. */
  readonly donor: Assessment;
  /** Which failing criterion to make pass. */
  readonly pick: number;
}

export interface PickCase {
  readonly assessment: Assessment;
  /** Which disqualifier or mandatory criterion to push to the bad side. */
  readonly pick: number;
}

export interface ShuffleCase {
  readonly assessment: Assessment;
  /** Seeds the reordering of keys. */
  readonly seed: number;
}

export interface CompletePartialCase {
  readonly complete: Assessment;
  /** `complete` with a random subset of its facts left out. */
  readonly partial: Assessment;
}

const DECISIONS: readonly Decision[] = ['recognised', 'not_recognised', 'undetermined'];
const RANK: Record<Decision, number> = { not_recognised: 0, undetermined: 1, recognised: 2 };
const COUNTS_RANK: Record<Exclude<CriterionResult['counts_as'], 'excluded'>, number> = {
  failed: 0,
  unknown: 1,
  passed: 2,
};
const CLEAR_RANK: Record<DisqualifierStatus, number> = { applies: 0, unknown: 1, clear: 2 };

/**
 * Making a failing criterion pass never makes the decision worse (recognised never becomes
 * not_recognised, undetermined never becomes not_recognised). For a picked criterion that counts as
 * failed, facts it reads are changed (a boolean flipped, a count moved across its threshold, a
 * part or whole moved to the exact percentage boundary, a donor's values copied); a change is
 * checked when re-evaluation shows the criterion now passes and nothing else got worse: no other
 * criterion moved down (passed → unknown → failed) or in or out of its denominator, no
 * disqualifier moved towards applying. Shared facts make other changes legitimately mixed.
 */
export function monotonicity(
  ruleset: CompiledRuleset,
  options: PropertyOptions = {},
): fc.IPropertyWithHooks<[MonotonicityCase]> {
  const model = modelOf(ruleset, defaults(options).maxCount);
  const arb = fc.record({
    assessment: mixedAssessments(ruleset, options),
    donor: assessmentArbitrary(ruleset, arbitraryOptions(options, 0, false)),
    pick: fc.nat(),
  });
  return fc.property(arb, ({ assessment, donor, pick }) => {
    const before = ruleset.evaluate(assessment);
    options.tally?.add(before.decision);
    const failing = before.criteria.flatMap((c, i) => (c.counts_as === 'failed' ? [i] : []));
    const index = failing[pick % Math.max(1, failing.length)];
    if (index === undefined) return;
    const id = before.criteria[index]?.id;
    if (id === undefined) return;
    for (const change of changesTo(model, assessment, readsOf(ruleset, before, index), donor)) {
      const after = ruleset.evaluate(change.assessment);
      if (after.criteria[index]?.counts_as !== 'passed' || !nothingElseWorse(before, after, index)) continue;
      options.onCheck?.(`monotonicity: ${before.decision}`);
      if (RANK[after.decision] < RANK[before.decision]) {
        throw new Error(
          `monotonicity: making criterion ${id} pass (${change.label}) moved the decision from ${before.decision} to ${after.decision}` +
            ` (reasons after: ${JSON.stringify(after.reasons)})`,
        );
      }
    }
  });
}

/**
 * If any disqualifier applies, the decision is not_recognised (in `evaluate` and in `decide`).
 * Checked on the drawn assessment and after changes that make a picked disqualifier apply, which
 * puts it right at its boundary (e.g. exactly 10%) on otherwise recognised assessments.
 */
export function disqualifierDominance(
  ruleset: CompiledRuleset,
  options: PropertyOptions = {},
): fc.IPropertyWithHooks<[PickCase]> {
  const model = modelOf(ruleset, defaults(options).maxCount);
  const arb = fc.record({ assessment: mixedAssessments(ruleset, options), pick: fc.nat() });
  // With levels, a disqualifier with a higher `from_level` blocks only that level and above: the
  // law holds for those that block the lowest level.
  const lowest = ruleset.document.levels?.[0];
  const blocking = new Set(
    (ruleset.document.disqualifiers ?? [])
      .filter((d) => d.from_level === undefined || d.from_level === lowest?.id || lowest?.disqualifiers?.includes(d.id))
      .map((d) => d.id),
  );
  const check = (assessment: Assessment, result: EvaluationResult, how: string) => {
    const applying = result.disqualifiers.filter((d) => d.status === 'applies' && blocking.has(d.id)).map((d) => d.id);
    if (applying.length === 0) return false;
    const fast = ruleset.decide(assessment).decision;
    if (result.decision !== 'not_recognised' || fast !== 'not_recognised') {
      throw new Error(
        `disqualifierDominance: ${applying.join(', ')} ${applying.length > 1 ? 'apply' : 'applies'}${how} but evaluate() decided ${result.decision} and decide() ${fast}`,
      );
    }
    return true;
  };
  return fc.property(arb, ({ assessment, pick }) => {
    const before = ruleset.evaluate(assessment);
    options.tally?.add(before.decision);
    if (check(assessment, before, '')) options.onCheck?.(`disqualifierDominance: drawn`);
    const index = pick % Math.max(1, ruleset.disqualifiers.length);
    const d = ruleset.disqualifiers[index];
    if (!d || !blocking.has(d.id) || before.disqualifiers[index]?.status === 'applies') return;
    const reads = union(d.condition.reads, before.disqualifiers[index]?.facts.map((f) => f.id) ?? []);
    for (const change of changesTo(model, assessment, reads)) {
      const after = ruleset.evaluate(change.assessment);
      if (after.disqualifiers[index]?.status !== 'applies') continue;
      check(change.assessment, after, ` after ${change.label}`);
      options.onCheck?.(`disqualifierDominance: ${before.decision}`);
    }
  });
}

/**
 * A mandatory criterion that does not pass (fails, or is not applicable) makes the decision
 * not_recognised; one that is unknown makes it anything but recognised. Checked on the drawn
 * assessment and after changes that push a picked mandatory criterion to fail or to unknown.
 */
export function mandatoryCriteria(
  ruleset: CompiledRuleset,
  options: PropertyOptions = {},
): fc.IPropertyWithHooks<[PickCase]> {
  const model = modelOf(ruleset, defaults(options).maxCount);
  const mandatory = ruleset.criteria.flatMap((c, i) => (c.mandatory ? [i] : []));
  const arb = fc.record({ assessment: mixedAssessments(ruleset, options), pick: fc.nat() });
  const check = (assessment: Assessment, result: EvaluationResult, how: string): string | undefined => {
    const fast = ruleset.decide(assessment).decision;
    let checked: string | undefined;
    for (const m of result.mandatory) {
      if (m.status === 'pass') continue;
      const wrong =
        m.status === 'unknown'
          ? result.decision === 'recognised' || fast === 'recognised'
          : result.decision !== 'not_recognised' || fast !== 'not_recognised';
      if (wrong) {
        throw new Error(
          `mandatoryCriteria: mandatory criterion ${m.id} is ${m.status}${how} but evaluate() decided ${result.decision} and decide() ${fast}`,
        );
      }
      checked = m.status;
    }
    return checked;
  };
  return fc.property(arb, ({ assessment, pick }) => {
    const before = ruleset.evaluate(assessment);
    options.tally?.add(before.decision);
    const drawn = check(assessment, before, '');
    if (drawn) options.onCheck?.(`mandatoryCriteria: drawn ${drawn}`);
    const index = mandatory[pick % Math.max(1, mandatory.length)];
    if (index === undefined || before.criteria[index]?.status !== 'pass') return;
    const reads = readsOf(ruleset, before, index);
    for (const change of [...changesTo(model, assessment, reads), ...forgetting(model, assessment, reads)]) {
      const after = ruleset.evaluate(change.assessment);
      if (after.criteria[index]?.status === 'pass') continue;
      const status = check(change.assessment, after, ` after ${change.label}`);
      options.onCheck?.(`mandatoryCriteria: ${before.decision} → ${status ?? 'pass'}`);
    }
  });
}

/**
 * The same input gives deep-equal results: evaluated twice, and with the keys of the assessment,
 * its facts and its context in another order. `decide` likewise; evaluation never changes its input.
 */
export function determinism(
  ruleset: CompiledRuleset,
  options: PropertyOptions = {},
): fc.IPropertyWithHooks<[ShuffleCase]> {
  const arb = fc.record({ assessment: mixedAssessments(ruleset, options), seed: fc.nat() });
  return fc.property(arb, ({ assessment, seed }) => {
    const snapshot = structuredClone(assessment);
    const first = ruleset.evaluate(assessment);
    options.tally?.add(first.decision);
    const again = ruleset.evaluate(assessment);
    if (!deepEqual(first, again))
      throw new Error('determinism: evaluating the same assessment twice gave different results');
    const shuffled: Assessment = shuffledKeys(
      {
        ...assessment,
        context: shuffledKeys(assessment.context, seed),
        facts: shuffledKeys(assessment.facts, seed + 1),
      },
      seed + 2,
    );
    if (!deepEqual(first, ruleset.evaluate(shuffled))) {
      throw new Error(
        `determinism: reordering the keys of the assessment changed the result (key order: ${Object.keys(shuffled.facts).join(', ')})`,
      );
    }
    if (!deepEqual(ruleset.decide(assessment), ruleset.decide(shuffled)))
      throw new Error('determinism: reordering keys changed decide()');
    if (!deepEqual(assessment, snapshot)) throw new Error('determinism: evaluation modified its input');
    options.onCheck?.(`determinism: ${first.decision}`);
  });
}

/**
 * Unknown is honest. Take a complete assessment and leave out a random subset of its facts: every
 * decided part of the partial result (the decision, a criterion counted as passed, failed or
 * excluded, a standard met or not met, a disqualifier applying or clear) is the same in the
 * complete result, so filling facts in can settle what was undetermined but never flip it. A
 * complete assessment whose context gives every attribute is never undetermined and misses
 * nothing; every fact the partial result lists as missing was indeed left out, and `needed` lists
 * only missing facts, and none once the decision is made.
 */
export function threeValuedConsistency(
  ruleset: CompiledRuleset,
  options: PropertyOptions = {},
): fc.IPropertyWithHooks<[CompletePartialCase]> {
  // As the draws fall, and as often with the partial assessment aimed at each decision in turn.
  const arb =
    options.aim !== undefined
      ? completeAndPartialArbitrary(ruleset, options)
      : fc.oneof(
          completeAndPartialArbitrary(ruleset, options),
          fc.oneof(...DECISIONS.map((aim) => completeAndPartialArbitrary(ruleset, { ...options, aim }))),
        );
  return fc.property(arb, ({ complete, partial }) => {
    const full = ruleset.evaluate(complete);
    const part = ruleset.evaluate(partial);
    options.tally?.add(part.decision);
    const fail = (what: string) => {
      throw new Error(`threeValuedConsistency: ${what}`);
    };
    // Context attributes may be left out where not required; selectors reading them can then be unknown.
    const everyAttribute = ruleset.context.every((a) => complete.context[a.id] !== undefined);
    if (full.decision === 'undetermined' && everyAttribute) {
      fail(`a complete assessment is undetermined (reasons: ${JSON.stringify(full.reasons)})`);
    }
    if (part.decision !== 'undetermined' && part.decision !== full.decision) {
      fail(`the partial assessment is ${part.decision} but the complete one is ${full.decision}`);
    }
    if (ruleset.decide(partial).decision !== part.decision)
      fail('decide() and evaluate() disagree on the partial assessment');
    part.criteria.forEach((c, i) => {
      const f = full.criteria[i];
      if (c.counts_as !== 'unknown' && f?.counts_as !== c.counts_as) {
        fail(
          `criterion ${c.id} counts as ${c.counts_as} with facts left out but as ${String(f?.counts_as)} with all facts`,
        );
      }
    });
    part.standards.forEach((s, i) => {
      const f = full.standards[i];
      if (s.status !== 'unknown' && f?.status !== s.status)
        fail(`standard ${s.id} is ${s.status} with facts left out but ${String(f?.status)} with all facts`);
    });
    part.disqualifiers.forEach((d, i) => {
      const f = full.disqualifiers[i];
      if (d.status !== 'unknown' && f?.status !== d.status)
        fail(`disqualifier ${d.id} ${d.status} with facts left out but ${String(f?.status)} with all facts`);
    });
    for (const id of part.missing) {
      const v = id in partial.facts ? partial.facts[id] : partial.context[id];
      if (v !== undefined && v !== null) fail(`${id} is listed as missing but was given (${JSON.stringify(v)})`);
    }
    // `needed` is the part of `missing` that can still change the decision: none once decided.
    const missing = new Set(part.missing);
    const stray = part.needed.filter((id) => !missing.has(id));
    if (stray.length > 0) fail(`needed lists ${stray.join(', ')}, which missing does not`);
    if (part.decision !== 'undetermined' && part.needed.length > 0)
      fail(`the decision is ${part.decision} yet facts are still needed: ${part.needed.join(', ')}`);
    if (everyAttribute && (full.missing.length > 0 || full.needed.length > 0)) {
      fail(`a complete assessment reports missing facts: ${[...full.missing, ...full.needed].join(', ')}`);
    }
    options.onCheck?.(`threeValuedConsistency: partial ${part.decision}`);
  });
}

/** `decide()` (the fast path) gives the same decision and per-group passed counts as `evaluate()`. */
export function fastPathAgrees(
  ruleset: CompiledRuleset,
  options: PropertyOptions = {},
): fc.IPropertyWithHooks<[Assessment]> {
  return fc.property(mixedAssessments(ruleset, options), (assessment) => {
    const fast = ruleset.decide(assessment);
    const full = ruleset.evaluate(assessment);
    options.tally?.add(full.decision);
    const passed = full.standards.map((s) => s.passed);
    const level = full.level && { reached: full.level.reached, possible: full.level.possible };
    if (fast.decision !== full.decision || !deepEqual([...fast.passed], passed) || !deepEqual(fast.level, level)) {
      throw new Error(
        `fastPathAgrees: decide() gave ${fast.decision} with passed ${JSON.stringify(fast.passed)} (level ${JSON.stringify(fast.level)}); evaluate() gave ${full.decision} with passed ${JSON.stringify(passed)} (level ${JSON.stringify(level)})`,
      );
    }
    options.onCheck?.(`fastPathAgrees: ${full.decision}`);
  });
}

// ── helpers ─────────────────────────────────────────────────────────────────────────────────

/**
 * Complete and partial assessments, half and half, as the draws fall; and as many again aimed at
 * each decision in turn, so that every law meets recognised, not recognised and undetermined
 * assessments whatever the ruleset makes common. With `aim`, only assessments with that decision.
 */
function mixedAssessments(ruleset: CompiledRuleset, options: PropertyOptions): fc.Arbitrary<Assessment> {
  const unknownRate = options.unknownRate ?? 0.05;
  if (options.aim !== undefined) {
    return fc.oneof(
      assessmentArbitrary(ruleset, arbitraryOptions(options, 0)),
      assessmentArbitrary(ruleset, arbitraryOptions(options, unknownRate)),
    );
  }
  return fc.oneof(
    assessmentArbitrary(ruleset, arbitraryOptions(options, 0)),
    assessmentArbitrary(ruleset, arbitraryOptions(options, unknownRate)),
    fc.oneof(
      ...DECISIONS.map((aim) => assessmentArbitrary(ruleset, { ...arbitraryOptions(options, unknownRate), aim })),
    ),
  );
}

function arbitraryOptions(options: PropertyOptions, unknownRate: number, aimed = true): AssessmentArbitraryOptions {
  return {
    unknownRate,
    ...(options.boundaryBias !== undefined ? { boundaryBias: options.boundaryBias } : {}),
    ...(options.maxCount !== undefined ? { maxCount: options.maxCount } : {}),
    ...(aimed && options.aim !== undefined ? { aim: options.aim } : {}),
  };
}

/** Everything a criterion can read: its condition or every variant's, plus what evaluation recorded (applicability, selectors). */
export function readsOf(ruleset: CompiledRuleset, result: EvaluationResult, index: number): string[] {
  const info = ruleset.criteria[index];
  return union(
    result.criteria[index]?.facts.map((f) => f.id) ?? [],
    info?.condition?.reads ?? [],
    ...(info?.variants ?? []).map((v) => v.condition.reads),
  );
}

function union(...lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}

function nothingElseWorse(before: EvaluationResult, after: EvaluationResult, target: number): boolean {
  for (let i = 0; i < before.criteria.length; i++) {
    if (i === target) continue;
    const a = before.criteria[i]?.counts_as;
    const b = after.criteria[i]?.counts_as;
    if (a === b) continue;
    if (a === undefined || b === undefined || a === 'excluded' || b === 'excluded') return false;
    if (COUNTS_RANK[b] < COUNTS_RANK[a]) return false;
  }
  return before.disqualifiers.every((d, i) => {
    const b = after.disqualifiers[i];
    return b !== undefined && CLEAR_RANK[b.status] >= CLEAR_RANK[d.status];
  });
}
