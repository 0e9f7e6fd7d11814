/**
 * Levels and points in the generated decide, where it writes out what the closures do through
 * several helpers (outcome.ts ruledOutcome and criterionPoints, compile/points.ts, tiers.ts):
 * a fixture made of the corners (fixtures/tricky-points/ruleset.yaml) and the levels fixture, both
 * loaded both ways. Hand-worked cases pin the level itself; random assessments, many with facts
 * left out, must give the generated decide, the closures' decide and the traced evaluate() the
 * same decision and levels.
 */
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '../../src/compile/compiled-ruleset.js';
import type { Assessment } from '../../src/evaluate/assessment.js';
import { usesGeneratedDecide } from '../../src/generate/plan-of.js';
import { assessmentArbitrary } from '../../src/testing.js';
import { PROPERTY_SEED, propertyRuns } from '../oracle/differential.js';
import { type BothWays, loadBoth, outcomeOf } from './load-both.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const RUNS = propertyRuns(3000);
const TIMEOUT = Math.max(120_000, RUNS * 20);
const asInput = (a: unknown): Assessment => JSON.parse(JSON.stringify(a)) as Assessment;

/** What the traced path says: the decision and the levels, in decide()'s shape. */
function traced(ruleset: CompiledRuleset, a: Assessment): unknown {
  const r = ruleset.evaluate(a);
  return {
    decision: r.decision,
    ...(r.level ? { level: { reached: r.level.reached, possible: r.level.possible } } : {}),
  };
}

const levelOf = (ruleset: CompiledRuleset, a: Assessment) => {
  const { decision, level } = ruleset.decide(a);
  return { decision, ...level };
};

describe('generated decide on the corners of points and levels (fixtures/tricky-points)', () => {
  let both: BothWays;
  beforeAll(async () => {
    both = await loadBoth(fixture('tricky-points/ruleset.yaml'));
  }, TIMEOUT);

  // Every way to gold: P1, S1 (new, b, X 8: 4 points), S3 (roof, 100 trees: 4), S4 (roof: 3 from silver).
  const gold = {
    context: { kind: 'new' },
    facts: {
      a: true,
      b: true,
      c: false,
      d: false,
      roof: true,
      heated: false,
      level_x: 8,
      score: 3,
      trees: 100,
      ban: false,
      late: false,
    },
  };
  const cases: readonly {
    name: string;
    change: (a: typeof gold) => unknown;
    want: { decision: string; reached: string | null; possible: string | null };
  }[] = [
    {
      name: 'gold: 11 points with S4, S2 left out, 2 of S1–S3 passed',
      change: (a) => a,
      want: { decision: 'recognised', reached: 'gold', possible: 'gold' },
    },
    {
      // D2 blocks from gold up: unknown there, certain below.
      name: 'late unknown: silver for certain, gold possible',
      change: (a) => ({ ...a, facts: { ...a.facts, late: undefined } }),
      want: { decision: 'recognised', reached: 'silver', possible: 'gold' },
    },
    {
      // X unknown: S1's table is [0, 4], so S1 may earn nothing and fail: 7 points and 1–2 of S1–S3.
      name: 'a variant table unknown: bronze for certain, gold possible',
      change: (a) => ({ ...a, facts: { ...a.facts, level_x: undefined } }),
      want: { decision: 'recognised', reached: 'bronze', possible: 'gold' },
    },
    {
      // Bands 2.5 → 3, 5 → 1, 7.5 → 4: at 6 the table gives 1 point, less than at 3.
      name: 'a band worth less than the one below it',
      change: (a) => ({ ...a, facts: { ...a.facts, level_x: 6 } }),
      want: { decision: 'recognised', reached: 'silver', possible: 'silver' },
    },
    {
      // No kind: S1's variant is unknown, [0, 5], and S1 may fail: 7 points for silver, but only
      // S3 certainly passed of the 2 of S1–S3 it needs (S2 left out).
      name: 'no variant chosen: the most any variant earns',
      change: (a) => ({ context: {}, facts: a.facts }),
      want: { decision: 'recognised', reached: 'bronze', possible: 'gold' },
    },
    {
      name: 'the mandatory prerequisite failed: nothing',
      change: (a) => ({ ...a, facts: { ...a.facts, a: false } }),
      want: { decision: 'not_recognised', reached: null, possible: null },
    },
    {
      name: 'the mandatory prerequisite unknown: nothing certain, gold possible',
      change: (a) => ({ ...a, facts: { ...a.facts, a: undefined } }),
      want: { decision: 'undetermined', reached: null, possible: 'gold' },
    },
  ];

  it('uses the generated module', () => {
    expect(usesGeneratedDecide(both.generated)).toBe(true);
    expect(usesGeneratedDecide(both.closures)).toBe(false);
  });

  for (const c of cases) {
    it(c.name, () => {
      const input = asInput(c.change(gold));
      expect(levelOf(both.generated, input)).toEqual(c.want);
      expect(outcomeOf(both.generated, input)).toEqual(outcomeOf(both.closures, input));
      expect(traced(both.closures, input)).toEqual(traced(both.generated, input));
      expect(both.closures.evaluate(input).decision).toBe(c.want.decision);
    });
  }
});

for (const name of ['tricky-points/ruleset.yaml', 'levels/ruleset.yaml']) {
  describe(`generated decide, closures and evaluate() on random assessments (fixtures/${name})`, () => {
    let both: BothWays;
    beforeAll(async () => {
      both = await loadBoth(fixture(name));
    }, TIMEOUT);

    it(
      'give the same decision, passed counts and levels',
      () => {
        const arbitrary = fc.oneof(
          assessmentArbitrary(both.closures),
          assessmentArbitrary(both.closures, { unknownRate: 0.1 }),
          assessmentArbitrary(both.closures, { unknownRate: 0.4 }),
        );
        const levels = new Set<string>();
        fc.assert(
          fc.property(arbitrary, (a) => {
            const input = asInput(a);
            const got = outcomeOf(both.generated, input);
            expect(got).toEqual(outcomeOf(both.closures, input));
            if (!both.closures.validateAssessment(input).value) return;
            const { decision, level } = both.generated.decide(input);
            expect({ decision, ...(level ? { level: { ...level } } : {}) }).toEqual(traced(both.closures, input));
            levels.add(`${level?.reached}/${level?.possible}`);
          }),
          { seed: PROPERTY_SEED, numRuns: RUNS },
        );
        // Agreement means something only when the levels vary, certain and possible both.
        expect(levels.size).toBeGreaterThan(4);
      },
      TIMEOUT,
    );
  });
}
