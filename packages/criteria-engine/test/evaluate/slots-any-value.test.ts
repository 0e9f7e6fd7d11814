/**
 * decideSlots takes values already in slot order and, by its contract, already valid: a batch
 * reader checks each cell first. A caller who breaks the contract (a boolean or a text where a
 * number belongs, NaN, ±Infinity, a huge number) must get an answer or a thrown error, never a
 * process that spins: a boolean reaching the exact arithmetic once made gcd loop for ever
 * (the new-rural scheme, population = total_income = true). Both the closures and the generated
 * module, on every bundled scheme, over values of every kind in every slot.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_SCHEMES, root } from '../bundled-schemes.js';
import { PROPERTY_SEED, propertyRuns } from '../oracle/differential.js';
import { type BothWays, loadBoth } from '../generate/load-both.js';

const SCHEMES = BUNDLED_SCHEMES;
const RUNS = propertyRuns(300);
const TIMEOUT = Math.max(120_000, RUNS * 40);

type Slot = number | boolean | string | undefined;

const anyValue: fc.Arbitrary<Slot> = fc.oneof(
  fc.constant(undefined),
  fc.boolean(),
  fc.integer({ min: -5, max: 200 }),
  fc.double(),
  fc.constantFrom(0, -0, 1e300, -1e300, 2 ** 60, Number.MAX_SAFE_INTEGER, 0.1, 1e-7, Number.NaN, Infinity, -Infinity),
  fc.string({ maxLength: 6 }),
);

/** What one call did: its decision, or that it threw an Error (a text in a number's slot may reach BigInt). */
function outcome(decide: () => { decision: string }): string {
  try {
    return decide().decision;
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return 'threw';
  }
}

for (const rules of SCHEMES) {
  describe(`decideSlots on ${rules}, given values against its contract`, () => {
    let both: BothWays;
    beforeAll(async () => {
      both = await loadBoth(root(rules));
    }, TIMEOUT);

    it(
      'answers or throws, closures and generated code alike, for any value in any slot',
      () => {
        const width = both.closures.slotLayout.length;
        fc.assert(
          fc.property(fc.array(anyValue, { minLength: width, maxLength: width }), (row) => {
            outcome(() => both.closures.decideSlots([...row]));
            outcome(() => both.generated.decideSlots([...row]));
          }),
          { seed: PROPERTY_SEED, numRuns: RUNS },
        );
      },
      TIMEOUT,
    );
  });
}

describe('the case that once spun', () => {
  it(
    'the new-rural scheme with population and total income true: a TypeError, both ways',
    async () => {
      const both = await loadBoth(root('rules/ntm-commune-2021-2025/ruleset.yaml'));
      const row = both.closures.slotLayout.map(
        (id): Slot => (id === 'population' || id === 'total_income' ? true : undefined),
      );
      expect(() => both.closures.decideSlots([...row])).toThrow(TypeError);
      expect(() => both.generated.decideSlots([...row])).toThrow(TypeError);
    },
    TIMEOUT,
  );
});
