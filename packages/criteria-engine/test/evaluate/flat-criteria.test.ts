/**
 * The tiered decider's flat tables (src/evaluate/flat-criteria.ts) against outcomeAndPoints, the
 * closures' one call per criterion: the same outcome bits and the same [least, most] points for
 * every criterion, on assessments biased to the thresholds with some facts unknown, for every
 * bundled scheme with levels or points rules and the fixtures made to trip points rules.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countShapeOf } from '../../src/compile/count-compare.js';
import { inValuesShapeOf, leafShapeOf, slotReadOf } from '../../src/compile/leaf.js';
import { logicalShapeOf } from '../../src/compile/logical.js';
import type { RulesetPlan } from '../../src/compile/plan.js';
import type { Closure, Value } from '../../src/compile/types.js';
import { createSlotFiller } from '../../src/compile/slots.js';
import { createCriteriaFiller } from '../../src/evaluate/flat-criteria.js';
import { outcomeAndPoints } from '../../src/evaluate/outcome.js';
import { planOf } from '../../src/generate/plan-of.js';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';
import { assessmentArbitrary } from '../../src/testing.js';

const file = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const SCHEMES = [
  file('../../../../rules/green-building-illustrative/ruleset.yaml'),
  file('../../../../rules/ntm-commune-2021-2025/ruleset.yaml'),
  file('../fixtures/levels/ruleset.yaml'),
  file('../fixtures/tricky-points/ruleset.yaml'),
  file('../fixtures/flat-tables/ruleset.yaml'),
];

describe('flat criteria tables', () => {
  for (const path of SCHEMES) {
    it(`give outcomeAndPoints' outcome and points for every criterion: ${path.split('/').slice(-2).join('/')}`, () => {
      const rules = loadRulesetOrThrow(readFileSync(path, 'utf8'), { file: path });
      const plan = planOf(rules);
      if (!plan) throw new Error('no plan kept for the ruleset');
      const n = plan.criteria.length;
      const fill = createCriteriaFiller(plan.criteria);
      const slotsOf = createSlotFiller(plan.contextSlots, plan.factSlots);
      const flat = { outcomes: new Int32Array(n), least: new Int32Array(n), most: new Int32Array(n) };
      const closures = { outcomes: new Int32Array(n), least: new Int32Array(n), most: new Int32Array(n) };
      fc.assert(
        fc.property(assessmentArbitrary(rules, { unknownRate: 0.15 }), (a) => {
          const s: Value[] = slotsOf(a.context ?? {}, a.facts ?? {}, []);
          fill(s, flat.outcomes, flat.least, flat.most);
          plan.criteria.forEach((c, i) => {
            closures.outcomes[i] = outcomeAndPoints(c, s, closures.least, closures.most, i);
          });
          expect(flat).toEqual(closures);
        }),
        { numRuns: 300, seed: 16 },
      );
    });
  }

  it('compares the leaves of a points scheme inline (the tables are not closures under another name)', () => {
    const path = SCHEMES[0] ?? '';
    const plan = planOf(loadRulesetOrThrow(readFileSync(path, 'utf8'), { file: path }));
    const conditions = (plan?.criteria ?? []).flatMap((c) => (c.condition ? [c.condition.fn] : []));
    const inline = conditions.filter((fn) => leafShapeOf(fn) !== undefined);
    // Every fixed-points credit of the green building scheme is one fact against a constant.
    expect(conditions.length).toBeGreaterThan(20);
    expect(inline.length).toBe(conditions.length);
  });

  it('has the flat-tables fixture judge its all/any/count/choice conditions and variants in the tables', () => {
    // The property below compares the tables with the closures; it is a test of the tables only
    // when they are in use, so check here that the fixture's conditions are not all left to closures.
    const path = SCHEMES[4] ?? '';
    const plan = planOf(loadRulesetOrThrow(readFileSync(path, 'utf8'), { file: path }));
    const byId = (id: string) => plan?.criteria.find((c) => c.info.id === id);
    const condition = (id: string) => byId(id)?.condition?.fn ?? (() => undefined);
    expect(logicalShapeOf(condition('C1'))?.op).toBe('and');
    expect(countShapeOf(condition('C3'))?.op).toBe('==');
    const when = byId('C8')?.variants?.[0]?.when ?? (() => undefined);
    expect(inValuesShapeOf(when)?.accepted).toEqual(['new']);
    // C10's table counts bare yes/no facts: the tables read those slots themselves.
    const band = byId('C10')?.pointsShape?.options[0]?.bands?.[0]?.condition.fn ?? (() => undefined);
    expect(countShapeOf(band)?.fns.filter((f) => slotReadOf(f) !== undefined).length).toBe(3);
    // C12's best_of options each combine leaves only (all, any, counts, nested), C13's first
    // holds a percent beside a leaf: both kinds of best_of option are in the property below.
    const shapeOf = (fn: Closure) => logicalShapeOf(fn)?.op ?? countShapeOf(fn)?.op;
    const options = (id: string) => byId(id)?.pointsShape?.options ?? [];
    expect(options('C12').map((o) => o.condition && shapeOf(o.condition.fn))).toEqual(['and', 'or', '>=', '!=']);
    expect(options('C13').map((o) => o.condition && shapeOf(o.condition.fn))).toEqual(['and', 'or']);
  });

  // Not the commune scheme: on some values outside its facts' declared bounds (integers near
  // 2^53) one of its closures does not finish; validateAssessment refuses such input, and the
  // tables call that closure as it is, so there is nothing of theirs to compare there.
  for (const path of SCHEMES.filter((p) => !p.includes('ntm-commune'))) {
    it(`agree with the closures on hostile slot values (huge integers, many decimals, unknowns, wrong types): ${path.split('/').slice(-2).join('/')}`, () => {
      const rules = loadRulesetOrThrow(readFileSync(path, 'utf8'), { file: path });
      const plan = planOf(rules);
      if (!plan) throw new Error('no plan kept for the ruleset');
      const n = plan.criteria.length;
      const fill = createCriteriaFiller(plan.criteria);
      const flat = { outcomes: new Int32Array(n), least: new Int32Array(n), most: new Int32Array(n) };
      const closures = { outcomes: new Int32Array(n), least: new Int32Array(n), most: new Int32Array(n) };
      let compared = 0;
      fc.assert(
        fc.property(hostileSlots(plan), (s) => {
          try {
            plan.criteria.forEach((c, i) => {
              closures.outcomes[i] = outcomeAndPoints(c, s, closures.least, closures.most, i);
            });
          } catch {
            // A closure that cannot take a value of the wrong type (arithmetic on a text): such
            // input is refused before it reaches decide; nothing to compare.
            return;
          }
          fill(s, flat.outcomes, flat.least, flat.most);
          expect(flat).toEqual(closures);
          compared++;
        }),
        { numRuns: 2000, seed: 1616 },
      );
      expect(compared).toBeGreaterThan(1000);
    });
  }
});

/**
 * Slot values in the order compile/slots.ts fills them: mostly of the declared kind, biased to
 * the hard cases of exact comparison (integers past 2^53, thresholds with several decimals and
 * their neighbours at the declared precision, -0) and to unknowns; now and then a value of another
 * kind, which decideSlots's callers are told not to pass, but which must still not split the two
 * paths. A number never has more decimals than its fact declares: validateAssessment refuses
 * more, and the exact arithmetic of percent and derived quantities relies on it.
 */
function hostileSlots(plan: RulesetPlan): fc.Arbitrary<Value[]> {
  const thresholds = [0, 0.125, 0.5, 1, 1.5, 1.75, 2, 2.5, 3, 4, 5, 10, 12, 20, 25, 29, 30, 32.5, 33.3, 50, 93, 100];
  const huge = [
    2 ** 53 - 2,
    2 ** 53 - 1,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 53) + 1,
    -(2 ** 53),
    9007199254740990,
    1e21,
    -1e21,
  ];
  const integer = fc.oneof(
    fc.constantFrom(...huge, ...thresholds.filter(Number.isInteger), -0),
    fc.integer({ min: -5, max: 120 }),
    fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
  );
  const number = (decimals: number) => {
    const scale = 10 ** decimals;
    const fits = (v: number) => Number.isInteger(Math.round(v * scale)) && Math.round(v * scale) / scale === v;
    const near = thresholds.flatMap((k) => [k, k + 1 / scale, k - 1 / scale, -k]).filter(fits);
    return fc.oneof(
      fc.constantFrom(...near, -0),
      fc.integer({ min: -120 * scale, max: 120 * scale }).map((v) => v / scale),
      integer,
    );
  };
  const declared = (values?: readonly { readonly id: string }[]) =>
    values && values.length > 0 ? fc.constantFrom(...values.map((v) => v.id)) : fc.string({ maxLength: 4 });
  const wrong = fc.constantFrom<Value>('1', 'true', '', 1, 0, true, false);
  const slot = (of: {
    type: string;
    values?: readonly { readonly id: string }[];
    decimals?: number;
  }): fc.Arbitrary<Value> =>
    fc.oneof(
      {
        weight: 6,
        arbitrary:
          of.type === 'boolean'
            ? fc.boolean()
            : of.type === 'enum' || of.type === 'ordinal'
              ? declared(of.values)
              : of.type === 'integer'
                ? integer
                : number(of.decimals ?? 0),
      },
      { weight: 2, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: wrong },
    );
  return fc.tuple(...plan.context.map(slot), ...plan.facts.map(slot));
}
