/**
 * Every ready-made property of `@lcz/criteria-engine/testing` on the Lai Châu rules, with fixed
 * seeds. Each also counts the cases its law was actually checked on (`onCheck`) and the decision
 * every case started from (`tally`, at least 5% of the runs each), so a property cannot pass by
 * never meeting the situation it is about.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '../../src/compile/compiled-ruleset.js';
import {
  decisionTally,
  determinism,
  disqualifierDominance,
  everyCriterionReachable,
  fastPathAgrees,
  mandatoryCriteria,
  monotonicity,
  threeValuedConsistency,
  type PropertyOptions,
} from '../../src/testing.js';
import { laiChau, runs, SEED, timeoutFor } from './lai-chau-ruleset.js';

/** Runs a property with the pinned seed; returns how often each law label was checked. */
function check<T>(
  make: (ruleset: CompiledRuleset, options: PropertyOptions) => fc.IPropertyWithHooks<[T]>,
  numRuns: number,
  seedOffset: number,
): Map<string, number> {
  const counts = new Map<string, number>();
  const onCheck = (label: string) => counts.set(label, (counts.get(label) ?? 0) + 1);
  const tally = decisionTally();
  fc.assert(make(laiChau, { onCheck, tally }), { seed: SEED + seedOffset, numRuns });
  // Every run starts from one drawn case (fast-check may run more while shrinking a failure).
  expect(Object.values(tally.counts).reduce((a, b) => a + b, 0)).toBe(numRuns);
  tally.atLeast(numRuns / 20, make.name);
  return counts;
}

const count = (counts: Map<string, number>, label: string) => counts.get(label) ?? 0;

describe('the ready-made properties hold for the Lai Châu rules', () => {
  const expensive = runs(1000);
  const cheap = runs(3000);

  it(
    `monotonicity (${expensive} runs)`,
    () => {
      const c = check(monotonicity, expensive, 1);
      // Changes that made a failing criterion pass, starting from each decision: the law bites
      // hardest on recognised assessments (7/8 in a standard) and on undetermined ones.
      expect(count(c, 'monotonicity: recognised')).toBeGreaterThan(expensive / 20);
      expect(count(c, 'monotonicity: undetermined')).toBeGreaterThan(expensive / 20);
      expect(count(c, 'monotonicity: not_recognised')).toBeGreaterThan(expensive / 2);
    },
    timeoutFor(expensive, 5),
  );

  it(
    `disqualifierDominance (${expensive} runs)`,
    () => {
      const c = check(disqualifierDominance, expensive, 2);
      expect(count(c, 'disqualifierDominance: drawn')).toBeGreaterThan(expensive / 10);
      // A disqualifier pushed to apply (e.g. to exactly 10% for D4) on an otherwise recognised area.
      expect(count(c, 'disqualifierDominance: recognised')).toBeGreaterThan(expensive / 10);
    },
    timeoutFor(expensive, 5),
  );

  it(
    `mandatoryCriteria (${expensive} runs)`,
    () => {
      const c = check(mandatoryCriteria, expensive, 3);
      expect(count(c, 'mandatoryCriteria: drawn fail')).toBeGreaterThan(expensive / 20);
      expect(count(c, 'mandatoryCriteria: drawn unknown')).toBeGreaterThan(expensive / 50);
      // 4.1 pushed to fail, or to unknown, on an area that was recognised.
      expect(count(c, 'mandatoryCriteria: recognised → fail')).toBeGreaterThan(expensive / 10);
      expect(count(c, 'mandatoryCriteria: recognised → unknown')).toBeGreaterThan(expensive / 10);
    },
    timeoutFor(expensive, 5),
  );

  it(
    `determinism (${cheap} runs)`,
    () => {
      const c = check(determinism, cheap, 4);
      for (const d of ['recognised', 'not_recognised', 'undetermined'])
        expect(count(c, `determinism: ${d}`)).toBeGreaterThan(cheap / 20);
    },
    timeoutFor(cheap, 1),
  );

  it(
    `threeValuedConsistency (${cheap} runs)`,
    () => {
      const c = check(threeValuedConsistency, cheap, 5);
      // Partial results that are still decided are where "never flips" has teeth.
      expect(count(c, 'threeValuedConsistency: partial recognised')).toBeGreaterThan(cheap / 50);
      expect(count(c, 'threeValuedConsistency: partial not_recognised')).toBeGreaterThan(cheap / 10);
      expect(count(c, 'threeValuedConsistency: partial undetermined')).toBeGreaterThan(cheap / 10);
    },
    timeoutFor(cheap, 1),
  );

  it(
    `fastPathAgrees (${cheap} runs)`,
    () => {
      const c = check(fastPathAgrees, cheap, 6);
      for (const d of ['recognised', 'not_recognised', 'undetermined'])
        expect(count(c, `fastPathAgrees: ${d}`)).toBeGreaterThan(cheap / 20);
    },
    timeoutFor(cheap, 1),
  );
});

describe('everyCriterionReachable', () => {
  it('finds, for each of the 41 Lai Châu criteria, a valid assessment that passes it and one that fails it', () => {
    const report = everyCriterionReachable(laiChau, { seed: SEED });
    expect(report.map((r) => r.id)).toEqual(laiChau.criteria.map((c) => c.id));
    expect(report).toHaveLength(41);
    expect(report.filter((r) => !r.passes || !r.fails)).toEqual([]);
    // The examples are real: valid inputs on which the criterion has the reported status.
    for (const r of report) {
      for (const [example, status] of [
        [r.passing, 'pass'],
        [r.failing, 'fail'],
      ] as const) {
        expect(example && laiChau.validateAssessment(example).value).toBeDefined();
        expect(
          laiChau.evaluate(example as NonNullable<typeof example>).criteria.find((c) => c.id === r.id)?.status,
        ).toBe(status);
      }
    }
  });
});
