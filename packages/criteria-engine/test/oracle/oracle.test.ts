/**
 * Differential testing: the engine reading rules/lai-chau-2020-2025/ruleset.yaml against an
 * independent plain-TypeScript implementation of the same table (lai-chau-oracle.ts), on at least
 * 100,000 generated assessments, complete and partial, with a fixed seed. fc.assert shrinks any
 * disagreement to the smallest assessment it can find and prints it with the seed and path.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Assessment } from '../../src/evaluate/assessment.js';
import type { EvaluationResult } from '../../src/evaluate/result.js';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';
import { assessmentArbitrary } from '../../src/testing.js';
import { oracle, type OracleResult } from './lai-chau-oracle.js';

const RULES = fileURLToPath(new URL('../../../../rules/lai-chau-2020-2025/ruleset.yaml', import.meta.url));
const ruleset = loadRulesetOrThrow(readFileSync(RULES, 'utf8'), { file: RULES });

/** At least 100,000 comparisons per test, more when LCZ_PROPERTY_RUNS asks for more (test:long). */
const RUNS = Math.max(100_000, Number(process.env['LCZ_PROPERTY_RUNS'] ?? 0));
const SEED = Number(process.env['LCZ_PROPERTY_SEED'] ?? 20201110);
const TIMEOUT = Math.max(120_000, RUNS * 2);

// Complete assessments (every criterion decided), a few facts missing (partial results that are
// still often decided), many facts missing (mostly undetermined).
const assessments = fc.oneof(
  { arbitrary: assessmentArbitrary(ruleset), weight: 2 },
  { arbitrary: assessmentArbitrary(ruleset, { unknownRate: 0.03 }), weight: 2 },
  { arbitrary: assessmentArbitrary(ruleset, { unknownRate: 0.3 }), weight: 1 },
);

/** Everything that decides recognition: decision, per-standard counts, how each criterion counts, disqualifiers. */
function decisionDifferences(engine: EvaluationResult, expected: OracleResult): string[] {
  const out: string[] = [];
  if (engine.decision !== expected.decision)
    out.push(`decision: engine ${engine.decision}, oracle ${expected.decision}`);
  expected.standards.forEach((s) => {
    const e = engine.standards.find((x) => x.id === s.id);
    if (e?.passed !== s.passed || e.applicable !== s.applicable) {
      out.push(
        `standard ${s.id}: engine ${String(e?.passed)}/${String(e?.applicable)}, oracle ${s.passed}/${s.applicable}`,
      );
    }
  });
  const criteria = new Map(engine.criteria.map((c) => [c.id, c]));
  for (const [id, counted] of Object.entries(expected.countsAs)) {
    const e = criteria.get(id);
    if (e?.counts_as !== counted)
      out.push(`criterion ${id} counts as: engine ${String(e?.counts_as)}, oracle ${counted}`);
  }
  for (const [id, status] of Object.entries(expected.disqualifiers)) {
    const e = engine.disqualifiers.find((d) => d.id === id);
    if (e?.status !== status) out.push(`disqualifier ${id}: engine ${String(e?.status)}, oracle ${status}`);
  }
  if (engine.criteria.length !== 41 || engine.disqualifiers.length !== 4)
    out.push('the engine does not report 41 criteria and 4 disqualifiers');
  return out;
}

function statusDifferences(engine: EvaluationResult, expected: OracleResult): string[] {
  const criteria = new Map(engine.criteria.map((c) => [c.id, c]));
  return Object.entries(expected.criteria).flatMap(([id, status]) => {
    const e = criteria.get(id);
    return e?.status === status ? [] : [`criterion ${id} status: engine ${String(e?.status)}, oracle ${status}`];
  });
}

/**
 * One pass over RUNS generated assessments compares everything at once (each comparison is
 * cheap; generating is what costs). Disagreements are recorded, not thrown, so one kind cannot
 * hide another; a test that finds some then reruns fc.assert on its own comparison with the same
 * seed, which meets the same first failure and shrinks it to a minimal counterexample.
 */
interface Pass {
  runs: number;
  seconds: number;
  decisions: Record<string, number>;
  found: { decisions: string[]; statuses: string[] };
}

function comparisonPass(): Pass {
  const pass: Pass = { runs: 0, seconds: 0, decisions: {}, found: { decisions: [], statuses: [] } };
  const started = performance.now();
  fc.assert(
    fc.property(assessments, (a: Assessment) => {
      const engine = ruleset.evaluate(a);
      const expected = oracle(a);
      pass.runs++;
      pass.decisions[expected.decision] = (pass.decisions[expected.decision] ?? 0) + 1;
      pass.found.decisions.push(...decisionDifferences(engine, expected));
      pass.found.statuses.push(...statusDifferences(engine, expected));
    }),
    { seed: SEED, numRuns: RUNS },
  );
  pass.seconds = (performance.now() - started) / 1000;
  return pass;
}

/** Fails with fast-check's shrunk counterexample, seed and path when the comparison disagrees. */
function assertAgreement(differences: (engine: EvaluationResult, expected: OracleResult) => string[]): void {
  fc.assert(
    fc.property(assessments, (a: Assessment) => {
      const diff = differences(ruleset.evaluate(a), oracle(a));
      if (diff.length > 0) throw new Error(`engine and oracle disagree:\n  ${[...new Set(diff)].join('\n  ')}`);
    }),
    { seed: SEED, numRuns: RUNS },
  );
}

let pass: Pass;

describe('engine vs independent oracle on the Lai Châu rules', () => {
  beforeAll(() => {
    pass = comparisonPass();
    const summary = (xs: string[]) => `${xs.length}${xs.length > 0 ? ` (first: ${xs[0] ?? ''})` : ''}`;
    console.log(
      `oracle: ${pass.runs} assessments compared in ${pass.seconds.toFixed(1)}s (seed ${SEED}); oracle decisions ` +
        `${JSON.stringify(pass.decisions)}; disagreements on decisions/counts/disqualifiers ${summary(pass.found.decisions)}, ` +
        `on criterion statuses ${summary(pass.found.statuses)}`,
    );
  }, TIMEOUT);

  it('the oracle is not trivially agreeable: it reads the table the way the hand-written cases say', () => {
    // A few anchors so a broken oracle cannot agree with a broken engine by accident.
    const example = readExample('recognised-to-dan-pho.yaml');
    expect(oracle(example).decision).toBe('recognised');
    expect(oracle(example).standards.find((s) => s.id === '2')).toEqual({ id: '2', passed: 7, applicable: 8 });
    const withoutHouseholds: Assessment = { ...example, facts: { ...example.facts, households: null } };
    expect(oracle(withoutHouseholds).criteria['1.3']).toBe('unknown');
    const d4: Assessment = { ...example, facts: { ...example.facts, households: 120, households_violating_rules: 12 } };
    expect(oracle(d4).disqualifiers['D4']).toBe('applies'); // exactly 10%: "từ 10% trở lên"
    expect(oracle({ ...d4, facts: { ...d4.facts, households_violating_rules: 11 } }).disqualifiers['D4']).toBe('clear');
  });

  it(`compared ${RUNS} assessments, with every decision well represented`, () => {
    expect(pass.runs).toBe(RUNS);
    // The comparison means something only if every decision was exercised, often.
    for (const d of ['recognised', 'not_recognised', 'undetermined'])
      expect(pass.decisions[d] ?? 0).toBeGreaterThan(RUNS / 20);
  });

  it(
    "agrees on the decision, every standard's passed/applicable, how each criterion counts and every disqualifier",
    () => {
      if (pass.found.decisions.length > 0) assertAgreement(decisionDifferences);
      expect(pass.found.decisions).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    "agrees on every criterion's status (a status other than unknown only when every completion of the missing facts gives it)",
    () => {
      if (pass.found.statuses.length > 0) assertAgreement(statusDifferences);
      expect(pass.found.statuses).toEqual([]);
    },
    TIMEOUT,
  );
});

function readExample(name: string): Assessment {
  const text = readFileSync(
    fileURLToPath(new URL(`../../../../examples/assessments/${name}`, import.meta.url)),
    'utf8',
  );
  const parsed = ruleset.validateAssessment(parseYaml(text));
  if (!parsed.value) throw new Error(`example ${name} is not valid`);
  return parsed.value;
}
