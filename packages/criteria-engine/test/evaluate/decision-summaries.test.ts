/**
 * decide() allocates nothing per call (issue 16): each distinct outcome's result is made once,
 * frozen, and returned again (evaluate/decision-summaries.ts). Checked on every bundled scheme,
 * closures and generated code, and on the store itself at its bounds: past MAX_KEPT outcomes, a
 * scheme whose keys would pass 2^53, and a count out of range all still give the right result,
 * made for the call.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/evaluate/assessment.js';
import { createDecisionSummaries, DECISION_INDEX, MAX_KEPT } from '../../src/evaluate/decision-summaries.js';
import { loadRulesetFile } from '../../src/node-files.js';
import { assessmentArbitrary } from '../../src/testing.js';
import { BUNDLED_SCHEMES, root } from '../bundled-schemes.js';
import { type BothWays, loadBoth } from '../generate/load-both.js';
import { PROPERTY_SEED } from '../oracle/differential.js';

describe('decide() results are kept per outcome', () => {
  const schemes = new Map<string, BothWays>();
  const samples = new Map<string, unknown[]>();
  beforeAll(async () => {
    for (const file of BUNDLED_SCHEMES) {
      schemes.set(file, await loadBoth(root(file)));
      const yaml = (await loadRulesetFile(root(file))).value;
      if (!yaml) throw new Error(`${file} does not load`);
      const arbitrary = fc.oneof(assessmentArbitrary(yaml), assessmentArbitrary(yaml, { unknownRate: 0.3 }));
      samples.set(file, fc.sample(arbitrary, { numRuns: 150, seed: PROPERTY_SEED }));
    }
  }, 120_000);

  it.each(BUNDLED_SCHEMES)(
    '%s: the same outcome gives the same frozen object, both ways, equal to evaluate()',
    (file) => {
      const both = schemes.get(file);
      if (!both) throw new Error(`${file} did not load`);
      const samples = fc.sample(assessmentArbitrary(both.closures), { numRuns: 150, seed: PROPERTY_SEED });
      for (const way of [both.closures, both.generated]) {
        for (const sample of samples as Assessment[]) {
          let first: ReturnType<typeof way.decide>;
          try {
            first = way.decide(sample);
          } catch {
            continue; // a value of the wrong type: decide refuses it, nothing to keep
          }
          const again = way.decide(structuredClone(sample));
          expect(again).toBe(first);
          expect(Object.isFrozen(first)).toBe(true);
          expect(Object.isFrozen(first.passed)).toBe(true);
          if (first.level) expect(Object.isFrozen(first.level)).toBe(true);
          const traced = way.evaluate(sample);
          expect(first.decision).toBe(traced.decision);
          expect(first.passed).toEqual(traced.standards.map((g) => g.passed));
          if (first.level)
            expect({ ...first.level }).toEqual({ reached: traced.level?.reached, possible: traced.level?.possible });
        }
      }
    },
  );
});

describe('the store at its bounds', () => {
  it('past MAX_KEPT outcomes, new ones are made per call, still right; kept ones are still shared', () => {
    const store = createDecisionSummaries([200, 200], undefined);
    const at = (a: number, b: number) => {
      store.counts[0] = a;
      store.counts[1] = b;
      return store.summary(DECISION_INDEX.recognised, -1);
    };
    const first = at(0, 0);
    for (let i = 1; i <= MAX_KEPT + 10; i++) at(i % 200, Math.floor(i / 200));
    expect(at(0, 0)).toBe(first);
    const late = at(199, 199);
    expect(late).toEqual({ decision: 'recognised', passed: [199, 199] });
    expect(at(199, 199)).not.toBe(late); // not kept: the store is full
    expect(Object.isFrozen(at(0, 0))).toBe(true); // kept, shared: frozen; one made for a call is not shared
  });

  it('a scheme whose keys would pass 2^53 keeps nothing, and is right', () => {
    const store = createDecisionSummaries(
      Array.from({ length: 40 }, () => 9),
      ['a', 'b'],
    );
    store.counts.fill(3);
    const one = store.summary(DECISION_INDEX.undetermined, 1);
    const two = store.summary(DECISION_INDEX.undetermined, 1);
    expect(one).toEqual(two);
    expect(one).not.toBe(two);
    expect(one.level).toEqual({ reached: null, possible: 'a' });
  });

  it('a count outside its standard is never kept under another outcome', () => {
    const store = createDecisionSummaries([2, 2], undefined);
    store.counts[0] = 0;
    store.counts[1] = 3; // out of range: would share the key of (1, 0)
    const odd = store.summary(DECISION_INDEX.not_recognised, -1);
    store.counts[0] = 1;
    store.counts[1] = 0;
    expect(store.summary(DECISION_INDEX.not_recognised, -1).passed).toEqual([1, 0]);
    expect(odd.passed).toEqual([0, 3]);
  });

  it('a level index outside the pairs is refused, never answered with another outcome kept under its key', () => {
    const store = createDecisionSummaries([2], ['a', 'b']);
    store.counts[0] = 1;
    const kept = store.summary(DECISION_INDEX.recognised, 8); // the last pair: (b, b)
    expect(kept.level).toEqual({ reached: 'b', possible: 'b' });
    expect(() => store.summary(DECISION_INDEX.not_recognised, -1)).toThrow(RangeError);
    expect(() => store.summary(DECISION_INDEX.recognised, 9)).toThrow(RangeError);
  });
});
