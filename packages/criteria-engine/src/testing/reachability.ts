/**
 * Is every criterion alive? A criterion that no valid input can make pass (or fail) is a rule
 * written wrong: a threshold outside its fact's bounds, contradictory parts, a variant no context
 * selects. This searches with the arbitraries, then with directed changes for what random search
 * missed, and reports per criterion what it found.
 */
import fc from 'fast-check';
import type { CompiledRuleset } from '../compile/compiled-ruleset.js';
import type { Assessment } from '../evaluate/assessment.js';
import { assessmentArbitrary, defaults, type AssessmentArbitraryOptions } from './arbitraries.js';
import { changesTo } from './changes.js';
import { modelOf } from './model.js';
import { readsOf } from './properties.js';

export interface ReachabilityOptions extends AssessmentArbitraryOptions {
  /** Seed of the search, so a report can be reproduced. Default 0. */
  readonly seed?: number;
  /** Complete assessments drawn at random before the directed search. Default 2000. */
  readonly samples?: number;
}

export interface CriterionReachability {
  readonly id: string;
  /** Some valid assessment makes the criterion pass. */
  readonly passes: boolean;
  /** Some valid assessment makes it fail (status `fail`, not merely not applicable). */
  readonly fails: boolean;
  /** Examples found, to show how. */
  readonly passing?: Assessment;
  readonly failing?: Assessment;
}

const DIRECTED_SAMPLES = 200;

/** Per criterion, in declaration order: whether some input passes it and some input fails it. */
export function everyCriterionReachable(
  ruleset: CompiledRuleset,
  options: ReachabilityOptions = {},
): CriterionReachability[] {
  const o = defaults(options);
  const model = modelOf(ruleset, o.maxCount);
  const passing = new Map<number, Assessment>();
  const failing = new Map<number, Assessment>();
  const n = ruleset.criteria.length;
  const record = (assessment: Assessment) => {
    const result = ruleset.evaluate(assessment);
    result.criteria.forEach((c, i) => {
      if (c.status === 'pass' && !passing.has(i)) passing.set(i, assessment);
      if (c.status === 'fail' && !failing.has(i)) failing.set(i, assessment);
    });
    return result;
  };
  const done = () => passing.size === n && failing.size === n;

  const samples = fc.sample(
    assessmentArbitrary(ruleset, {
      boundaryBias: o.boundaryBias,
      maxCount: o.maxCount,
      // Unknown facts only make statuses unknown: search with complete assessments.
      unknownRate: 0,
    }),
    { numRuns: options.samples ?? 2000, seed: options.seed ?? 0 },
  );
  for (const a of samples) {
    record(a);
    if (done()) break;
  }
  // Directed: push the facts a still-missing criterion reads to each side of its thresholds.
  // Bounded, so a criterion that truly cannot be reached costs a moment, not minutes.
  for (const a of samples.slice(0, DIRECTED_SAMPLES)) {
    if (done()) break;
    const result = ruleset.evaluate(a);
    for (let i = 0; i < n; i++) {
      if (passing.has(i) && failing.has(i)) continue;
      for (const change of changesTo(model, a, readsOf(ruleset, result, i))) record(change.assessment);
    }
  }
  return ruleset.criteria.map((c, i) => {
    const p = passing.get(i);
    const f = failing.get(i);
    return {
      id: c.id,
      passes: p !== undefined,
      fails: f !== undefined,
      ...(p ? { passing: p } : {}),
      ...(f ? { failing: f } : {}),
    };
  });
}
