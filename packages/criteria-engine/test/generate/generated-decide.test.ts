/**
 * The generated decide (generate/, written by `lcz build`) against the closures it stands in
 * for, on every bundled scheme: the YAML cases, the independent oracles' workloads and
 * fast-check properties over the ./testing arbitraries, each assessment passed through
 * JSON.parse as real input is. Any difference in the decision, the passed counts or the levels
 * fails, and so does a different error on an input of the wrong type.
 */
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '../../src/compile/compiled-ruleset.js';
import type { Assessment } from '../../src/evaluate/assessment.js';
import { usesGeneratedDecide } from '../../src/generate/plan-of.js';
import { loadCompiledRuleset } from '../../src/load-compiled.js';
import { assessmentArbitrary } from '../../src/testing.js';
import { PROPERTY_SEED, propertyRuns } from '../oracle/differential.js';
import { greenProjects } from '../oracle/green-building-arbitrary.js';
import { greenOracle } from '../oracle/green-building-oracle.js';
import { oracle } from '../oracle/lai-chau-oracle.js';
import { ntmAssessments } from '../oracle/ntm-commune-arbitrary.js';
import { ntmOracle } from '../oracle/ntm-commune-oracle.js';
import { schoolOracle } from '../oracle/school-safety-oracle.js';
import { readYamlCases } from '../oracle/yaml-cases.js';
import { type BothWays, importCode, loadBoth, outcomeOf } from './load-both.js';

const root = (path: string) => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));
const RUNS = propertyRuns(1500);
const TIMEOUT = Math.max(120_000, RUNS * 20);

interface Scheme {
  readonly rules: string;
  /** The oracle's own workload for this scheme, and its decision. */
  readonly workload?: fc.Arbitrary<Assessment>;
  readonly oracle?: (a: Assessment) => { readonly decision: string };
}

const SCHEMES: readonly Scheme[] = [
  { rules: 'rules/lai-chau-2020-2025/ruleset.yaml', oracle },
  {
    rules: 'rules/green-building-illustrative/ruleset.yaml',
    workload: fc.oneof(greenProjects(0), greenProjects(120)),
    oracle: greenOracle,
  },
  {
    rules: 'rules/ntm-commune-2021-2025/ruleset.yaml',
    workload: fc.oneof(ntmAssessments(0), ntmAssessments(120)),
    oracle: ntmOracle,
  },
  { rules: 'examples/school-safety/ruleset.yaml', oracle: schoolOracle },
];

/** The assessment's values in the ruleset's slot order (undefined: unknown), as a batch reader gives them. */
function slotRow(ruleset: CompiledRuleset, a: Assessment): (number | boolean | string | undefined)[] {
  const contextCount = ruleset.context.length;
  return ruleset.slotLayout.map((id, i) => {
    const v = (i < contextCount ? a.context : a.facts)?.[id];
    return v === null ? undefined : v;
  });
}

/** Through JSON, as input from a file or HTTP arrives. */
const asInput = (a: unknown): unknown => JSON.parse(JSON.stringify(a));

for (const scheme of SCHEMES) {
  describe(`generated decide on ${scheme.rules}`, () => {
    let both: BothWays;
    beforeAll(async () => {
      both = await loadBoth(root(scheme.rules));
    }, TIMEOUT);

    it('is the one loading uses, and inlines conditions', () => {
      expect(usesGeneratedDecide(both.generated)).toBe(true);
      expect(usesGeneratedDecide(both.closures)).toBe(false);
      expect(both.generated.decide).not.toBe(both.closures.decide);
      expect(both.generated.decideSlots).not.toBe(both.closures.decideSlots);
      expect(both.code.inlined).toBeGreaterThan(0);
      // Never eval at run time: the module is plain code that was imported.
      expect(both.code.code).not.toMatch(/\beval\b|new Function|import\(/);
    });

    it('agrees with the closures on every YAML case', () => {
      const cases = readYamlCases(root(scheme.rules));
      expect(cases.length).toBeGreaterThan(0);
      for (const c of cases) {
        const input = asInput(c.assessment);
        expect(outcomeOf(both.generated, input), `${c.file}: ${c.name}`).toEqual(outcomeOf(both.closures, input));
      }
    });

    it(
      'agrees with the closures, and the oracle with both, on generated assessments',
      () => {
        const arbitrary = fc.oneof(
          scheme.workload ?? assessmentArbitrary(both.closures),
          assessmentArbitrary(both.closures, { unknownRate: 0.05 }),
          assessmentArbitrary(both.closures, { unknownRate: 0.3 }),
        );
        const seen = new Set<string>();
        fc.assert(
          fc.property(arbitrary, (a) => {
            const input = asInput(a) as Assessment;
            const got = outcomeOf(both.generated, input);
            expect(got).toEqual(outcomeOf(both.closures, input));
            const decision = (got as { decision: string }).decision;
            seen.add(decision);
            if (scheme.oracle && both.closures.validateAssessment(input).value)
              expect(decision).toBe(scheme.oracle(input).decision);
            // decideSlots: the same over values in slot order, and the same implied zeros written back.
            if (both.closures.validateAssessment(input).value) {
              const mine = slotRow(both.generated, input);
              const theirs = slotRow(both.closures, input);
              expect(both.generated.decideSlots(mine)).toEqual(both.closures.decideSlots(theirs));
              expect(mine).toEqual(theirs);
            }
          }),
          { seed: PROPERTY_SEED, numRuns: RUNS },
        );
        // Agreement means something only when the decisions vary.
        expect(seen.size).toBeGreaterThan(1);
      },
      TIMEOUT,
    );

    it('throws the same problems as the closures on values of the wrong type', () => {
      const [c] = readYamlCases(root(scheme.rules));
      if (!c) throw new Error('no YAML case');
      const [fact] = both.closures.facts;
      const [attribute] = both.closures.context;
      const wrong = [
        { ...c.assessment, facts: { ...c.assessment.facts, [fact?.id ?? 'x']: '200' } },
        { ...c.assessment, context: { ...c.assessment.context, [attribute?.id ?? 'x']: 7 } },
        { ...c.assessment, facts: [] },
        { ...c.assessment, context: 'x' },
        { area: c.assessment.area },
        null,
      ];
      for (const input of wrong) {
        const got = outcomeOf(both.generated, input);
        expect(got).toEqual(outcomeOf(both.closures, input));
      }
      expect(outcomeOf(both.generated, wrong[0])).toHaveProperty('threw');
    });
  });
}

describe('a generated module that does not fit the compiled file', () => {
  it('is refused with a warning, and decide() keeps the closures', async () => {
    const both = await loadBoth(root('examples/school-safety/ruleset.yaml'));
    const otherHash = both.code.code.replace(/export const hash = "[^"]*";/, 'export const hash = "sha256:00";');
    const stale = loadCompiledRuleset(both.json, { generated: await importCode(otherHash) });
    expect(stale.value && usesGeneratedDecide(stale.value)).toBe(false);
    expect(stale.diagnostics.filter((d) => d.code === 'generated_mismatch')).toMatchObject([
      { severity: 'warning', params: { reason: 'hash', found: 'sha256:00' } },
    ]);
    const otherEngine = both.code.code.replace(/export const engine = "[^"]*";/, 'export const engine = "0.0.1";');
    const old = loadCompiledRuleset(both.json, { generated: await importCode(otherEngine) });
    expect(old.diagnostics.map((d) => d.params['reason'])).toContain('engine');
    const notOne = loadCompiledRuleset(both.json, { generated: {} });
    expect(notOne.diagnostics.map((d) => d.params['reason'])).toContain('format');
  });
});
