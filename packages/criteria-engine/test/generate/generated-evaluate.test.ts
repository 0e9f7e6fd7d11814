/**
 * The generated evaluate (generate/evaluate-code.ts, in the module `lcz build` writes) against the
 * closures' evaluate it stands in for, on every bundled scheme: the YAML cases, the independent
 * oracles' workloads and fast-check properties over the ./testing arbitraries, each assessment
 * passed through JSON.parse as real input is. The two full results must be deep-equal and print
 * as the same JSON text (the same keys in the same order); an input of the wrong type must throw
 * the same problems.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '../../src/compile/compiled-ruleset.js';
import type { Assessment } from '../../src/evaluate/assessment.js';
import { usesGeneratedDecide } from '../../src/generate/plan-of.js';
import { assessmentArbitrary } from '../../src/testing.js';
import { PROPERTY_SEED, propertyRuns } from '../oracle/differential.js';
import { greenProjects } from '../oracle/green-building-arbitrary.js';
import { greenOracle } from '../oracle/green-building-oracle.js';
import { oracle } from '../oracle/lai-chau-oracle.js';
import { ntmAssessments } from '../oracle/ntm-commune-arbitrary.js';
import { ntmOracle } from '../oracle/ntm-commune-oracle.js';
import { schoolOracle } from '../oracle/school-safety-oracle.js';
import { readYamlCases } from '../oracle/yaml-cases.js';
import { type BothWays, loadBoth, withDates } from './load-both.js';

const root = (path: string) => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));
const RUNS = propertyRuns(800);
const TIMEOUT = Math.max(120_000, RUNS * 40);

interface Scheme {
  readonly rules: string;
  readonly workload?: fc.Arbitrary<Assessment>;
  readonly oracle?: (a: Assessment) => { readonly decision: string };
  /** Its parameter tables are dated: the assessments get dates around their `from:`s (load-both.ts). */
  readonly dated?: boolean;
}

const FIXTURES = 'packages/criteria-engine/test/fixtures';

const SCHEMES: readonly Scheme[] = [
  { rules: 'rules/lai-chau-2020-2025/ruleset.yaml', oracle },
  // A draft with no YAML cases and no oracle: the arbitraries alone.
  { rules: 'rules/lai-chau-2026-2030-draft/ruleset.yaml' },
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
  // Parameter tables: the trace of a criterion that reads one lists the date and the table's keys.
  { rules: `${FIXTURES}/parameter-tables/ruleset.yaml`, dated: true },
  { rules: `${FIXTURES}/thon-van-hoa/ruleset.yaml`, dated: true },
];

/** Through JSON, as input from a file or HTTP arrives. */
const asInput = (a: unknown): unknown => JSON.parse(JSON.stringify(a));

/** What evaluate gave, as its JSON text too, or the codes of what it threw. */
function evaluated(ruleset: CompiledRuleset, input: unknown): unknown {
  try {
    const result = ruleset.evaluate(input as Assessment);
    return { result, text: JSON.stringify(result) };
  } catch (e) {
    const problems = (e as { diagnostics?: readonly { code: string; path?: string }[] }).diagnostics;
    return { threw: problems ? problems.map((d) => `${d.code}@${d.path ?? ''}`) : String(e) };
  }
}

function agree(both: BothWays, input: unknown, what: string): void {
  expect(evaluated(both.generated, input), what).toEqual(evaluated(both.closures, input));
}

for (const scheme of SCHEMES) {
  describe(`generated evaluate on ${scheme.rules}`, () => {
    let both: BothWays;
    beforeAll(async () => {
      both = await loadBoth(root(scheme.rules));
    }, TIMEOUT);

    it('is the one loading uses', () => {
      expect(usesGeneratedDecide(both.generated)).toBe(true);
      expect(both.generated.evaluate).not.toBe(both.closures.evaluate);
      expect(both.code.code).toContain('export function createEvaluate(rt, plan)');
      expect(both.code.code).not.toMatch(/\beval\b|new Function|import\(/);
    });

    it('agrees with the closures on every YAML case', () => {
      const tests = root(scheme.rules).replace(/ruleset\.yaml$/, 'tests');
      const cases = existsSync(tests) ? readYamlCases(root(scheme.rules)) : [];
      if (existsSync(tests)) expect(cases.length).toBeGreaterThan(0);
      for (const c of cases) agree(both, asInput(c.assessment), `${c.file}: ${c.name}`);
    });

    it(
      'agrees with the closures, and the oracle with both, on generated assessments',
      () => {
        const plain = fc.oneof(
          scheme.workload ?? assessmentArbitrary(both.closures),
          assessmentArbitrary(both.closures, { unknownRate: 0.05 }),
          assessmentArbitrary(both.closures, { unknownRate: 0.3 }),
        );
        const arbitrary = scheme.dated ? withDates(plain) : plain;
        const seen = new Set<string>();
        fc.assert(
          fc.property(arbitrary, (a) => {
            const input = asInput(a) as Assessment;
            agree(both, input, JSON.stringify(input));
            if (!both.closures.validateAssessment(input).value) return;
            const result = both.generated.evaluate(input);
            seen.add(result.decision);
            // The generated evaluate and the generated decide are one module: they must agree too.
            expect(result.decision).toBe(both.generated.decide(input).decision);
            if (scheme.oracle) expect(result.decision).toBe(scheme.oracle(input).decision);
          }),
          { seed: PROPERTY_SEED, numRuns: RUNS },
        );
        expect(seen.size).toBeGreaterThan(1);
      },
      TIMEOUT,
    );

    it('throws the same problems as the closures on values of the wrong type', () => {
      const [fact] = both.closures.facts;
      const [attribute] = both.closures.context;
      const base = { area: { code: 'x' }, context: {}, facts: {} };
      const wrong = [
        { ...base, facts: { [fact?.id ?? 'x']: '200' } },
        { ...base, context: { [attribute?.id ?? 'x']: 7 } },
        { ...base, facts: [] },
        { ...base, context: 'x' },
        { area: base.area },
        null,
      ];
      for (const input of wrong) agree(both, input, JSON.stringify(input));
      expect(evaluated(both.generated, wrong[0])).toHaveProperty('threw');
    });
  });
}
