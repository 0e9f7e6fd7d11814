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
import { leafShapeOf } from '../../src/compile/leaf.js';
import type { Value } from '../../src/compile/types.js';
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
});
