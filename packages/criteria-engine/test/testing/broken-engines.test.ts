/**
 * The properties can fail: each is run against the Lai Châu ruleset with its evaluator wrapped to
 * carry one plausible bug, and must catch it (with a message naming the law). A property that
 * passed these would be testing nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '../../src/compile/compiled-ruleset.js';
import type { Assessment } from '../../src/evaluate/assessment.js';
import type { Decision, EvaluationResult } from '../../src/evaluate/result.js';
import {
  determinism,
  disqualifierDominance,
  fastPathAgrees,
  mandatoryCriteria,
  monotonicity,
  threeValuedConsistency,
} from '../../src/testing.js';
import { laiChau, SEED } from './lai-chau-ruleset.js';

/** The ruleset with `evaluate` post-processed; `decide` follows it, so only the law under test sees a difference. */
function withEvaluator(
  change: (result: EvaluationResult, assessment: Assessment) => EvaluationResult,
): CompiledRuleset {
  const evaluate = (a: Assessment) => change(laiChau.evaluate(a), a);
  return {
    ...laiChau,
    evaluate,
    decide: (a) => ({ decision: evaluate(a).decision, passed: laiChau.decide(a).passed }),
  };
}

const withDecision = (result: EvaluationResult, decision: Decision): EvaluationResult => ({ ...result, decision });

function expectCaught<T>(property: fc.IPropertyWithHooks<[T]>, law: RegExp, numRuns = 500): void {
  // fast-check keeps the predicate's error as `cause`; ask for it in the report to match on it.
  expect(() => fc.assert(property, { seed: SEED, numRuns, includeErrorInReport: true })).toThrow(law);
}

describe('each property catches the bug it is about', () => {
  it('monotonicity: an area passing everything is not recognised (an off-by-one at 100%)', () => {
    const broken = withEvaluator((r) =>
      r.decision === 'recognised' && r.criteria.every((c) => c.counts_as !== 'failed')
        ? withDecision(r, 'not_recognised')
        : r,
    );
    expectCaught(monotonicity(broken), /monotonicity: making criterion .* pass .* from recognised to not_recognised/);
  });

  it('disqualifierDominance: disqualifiers ignored', () => {
    const broken = withEvaluator((r) =>
      r.reasons.length > 0 && r.reasons.every((x) => x.kind === 'disqualified')
        ? { ...withDecision(r, 'recognised'), reasons: [] }
        : r,
    );
    expectCaught(disqualifierDominance(broken), /disqualifierDominance: D\d applies/);
  });

  it('mandatoryCriteria: a failed mandatory criterion ignored', () => {
    const broken = withEvaluator((r) =>
      r.reasons.length > 0 && r.reasons.every((x) => x.kind === 'mandatory_failed')
        ? { ...withDecision(r, 'recognised'), reasons: [] }
        : r,
    );
    expectCaught(mandatoryCriteria(broken), /mandatoryCriteria: mandatory criterion 4\.1 is (fail|not_applicable)/);
  });

  it('mandatoryCriteria: an unknown mandatory criterion taken as passed', () => {
    const broken = withEvaluator((r) =>
      r.decision === 'undetermined' &&
      r.reasons.every((x) => x.kind === 'unknown' && x.ids.length === 1 && x.ids[0] === '4.1')
        ? withDecision(r, 'recognised')
        : r,
    );
    expectCaught(mandatoryCriteria(broken), /mandatoryCriteria: mandatory criterion 4\.1 is unknown/);
  });

  it('determinism: evaluation that tidies its input in place (drops null facts)', () => {
    const broken: CompiledRuleset = {
      ...laiChau,
      evaluate: (a) => {
        const facts = a.facts as Record<string, unknown>;
        for (const k of Object.keys(facts)) if (facts[k] === null) delete facts[k];
        return laiChau.evaluate(a);
      },
    };
    expectCaught(determinism(broken), /determinism: evaluation modified its input/);
  });

  it('determinism: a result that depends on the order of the keys', () => {
    const broken = withEvaluator((r, a) => ({ ...r, missing: [...Object.keys(a.facts).slice(0, 1), ...r.missing] }));
    expectCaught(determinism(broken), /determinism: reordering the keys/);
  });

  it('threeValuedConsistency: missing facts read as false / zero', () => {
    const filled = (a: Assessment): Assessment => ({
      ...a,
      facts: Object.fromEntries(
        laiChau.facts.map((f) => [
          f.id,
          a.facts[f.id] ??
            (f.type === 'boolean' ? false : f.type === 'integer' || f.type === 'number' ? 0 : f.values?.[0]?.id),
        ]),
      ),
    });
    const broken: CompiledRuleset = {
      ...laiChau,
      evaluate: (a) => laiChau.evaluate(filled(a)),
      decide: (a) => laiChau.decide(filled(a)),
    };
    expectCaught(threeValuedConsistency(broken), /threeValuedConsistency: /);
  });

  it('fastPathAgrees: a fast path that rounds undetermined up', () => {
    const broken: CompiledRuleset = {
      ...laiChau,
      decide: (a) => {
        const d = laiChau.decide(a);
        return d.decision === 'undetermined' ? { ...d, decision: 'recognised' } : d;
      },
    };
    expectCaught(fastPathAgrees(broken), /fastPathAgrees: decide\(\) gave recognised/);
  });

  it('fastPathAgrees: a fast path that miscounts a standard', () => {
    const broken: CompiledRuleset = {
      ...laiChau,
      decide: (a) => ({
        ...laiChau.decide(a),
        passed: laiChau.decide(a).passed.map((n, i) => (i === 2 && n === 7 ? 6 : n)),
      }),
    };
    expectCaught(fastPathAgrees(broken), /fastPathAgrees: .* with passed/);
  });
});
