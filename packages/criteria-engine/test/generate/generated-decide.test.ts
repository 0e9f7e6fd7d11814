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
import { assessmentDate } from '../../src/compile/slots.js';
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
import { type BothWays, importCode, loadBoth, outcomeOf, withDates } from './load-both.js';

const root = (path: string) => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));
const RUNS = propertyRuns(1500);
const TIMEOUT = Math.max(120_000, RUNS * 20);

interface Scheme {
  readonly rules: string;
  /** The oracle's own workload for this scheme, and its decision. */
  readonly workload?: fc.Arbitrary<Assessment>;
  readonly oracle?: (a: Assessment) => { readonly decision: string };
  /** Its parameter tables are dated: the assessments get dates around their `from:`s and years. */
  readonly dated?: boolean;
}

const TABLES = 'packages/criteria-engine/test/fixtures';

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
  // Parameter tables in every shape the generated code writes (by region with `from:` dates and a
  // missing cell, by region and year, dated only, by a boolean), and two schemes written from the docs.
  { rules: `${TABLES}/parameter-tables/ruleset.yaml`, dated: true },
  { rules: `${TABLES}/thon-van-hoa/ruleset.yaml`, dated: true },
  { rules: `${TABLES}/truong-hoc-an-toan/2026-2030/ruleset.yaml`, dated: true },
];

/**
 * The assessment's values in the ruleset's slot order (undefined: unknown), then its date (or its
 * year alone) in the slot after them, as a batch reader gives them.
 */
function slotRow(ruleset: CompiledRuleset, a: Assessment): (number | boolean | string | undefined)[] {
  const contextCount = ruleset.context.length;
  const values = ruleset.slotLayout.map((id, i) => {
    const v = (i < contextCount ? a.context : a.facts)?.[id];
    return v === null ? undefined : v;
  });
  // The date, or a year given alone as its four digits (compile/slots.ts assessmentDate).
  return [...values, assessmentDate(a)];
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

describe('parameter tables in the generated decide and evaluate', () => {
  let both: BothWays;
  beforeAll(async () => {
    both = await loadBoth(root(`${TABLES}/parameter-tables/ruleset.yaml`));
  }, TIMEOUT);

  /** decide, and evaluate's full result (or what each threw), the generated way and the closures'. */
  const same = (input: unknown) => {
    expect(outcomeOf(both.generated, input)).toEqual(outcomeOf(both.closures, input));
    const evaluated = (r: CompiledRuleset) => {
      try {
        return r.evaluate(input as Assessment);
      } catch (e) {
        return String(e);
      }
    };
    expect(evaluated(both.generated)).toEqual(evaluated(both.closures));
  };

  it('are looked up by generated functions: no condition of the scheme calls its closure', () => {
    expect(both.code.closures).toBe(0);
    // One lookup per table (by region and date; by region and year; by date; by a boolean), the
    // share against the region-and-year table as a comparison per cell.
    expect(both.code.code).toContain('const L0 = function (k0, d) {');
    expect(both.code.code).toMatch(/const L1_\d+ = function \(k0, d, p, w\) \{/);
    expect(both.code.code).toContain('const L2 = function (d) {');
    expect(both.code.code).toContain('const L3 = function (k0) { switch (k0) { case true:');
  });

  it('agree with the closures on every region, island, date and value at each cell', () => {
    const dates = [undefined, '2023-12-31', '2024-01-15', '2024-02-01', '2024-02-29', '2024-03-01', '2025-06-30'];
    dates.push('2025-07-01', '2026-01-01', '2026-12-31', '2027-03-10', '2028-01-01', '2025', 'not a date');
    let n = 0;
    for (const region of ['mien_nui', 'dong_bang', 'do_thi', undefined])
      for (const island of [true, false, undefined])
        for (const date of dates)
          for (const [poor, households, income, drills, clinics] of [
            [13, 200, 45.5, 2, 1],
            [14, 200, 45.4, 1, 2],
            [0, 0, 40, 0, 0],
            [5, 100, 50, 3, 2],
            [1, 200, 60, undefined, undefined],
          ]) {
            same({
              area: date === undefined ? {} : { date },
              context: { region, island },
              facts: { poor_households: poor, households, income, drills, clinics },
            });
            n++;
          }
    expect(n).toBe(4 * 3 * 14 * 5);
  });

  it('a date before every row of a table: a located input error, and unknown to decide both ways', () => {
    const input = {
      area: { date: '2024-01-15' },
      context: { region: 'mien_nui', island: false },
      facts: { households: 100, poor_households: 8, income: 40, drills: 1, clinics: 2 },
    };
    for (const r of [both.generated, both.closures])
      expect(r.validateAssessment(input).diagnostics).toMatchObject([
        {
          code: 'input_date_out_of_range',
          path: '/area/date',
          params: { parameter: 'drills_min', from: '2024-02-01' },
        },
      ]);
    same(input);
    const traced = both.generated.evaluate(input as Assessment);
    expect(traced.criteria.find((c) => c.id === 'AT1')?.status).toBe('unknown');
    expect(traced.criteria.find((c) => c.id === 'KT1')?.status).toBe('pass');
  });
});
