/**
 * What every scheme written from the docs alone is held to (test/fixtures/nong-thon-moi,
 * truong-hoc-an-toan): it loads with notes at most, every hand-worked YAML case passes, and on
 * each case's input the generated decide, the closures and the full evaluation agree with the
 * decision the case expects.
 */
import { expect } from 'vitest';
import { formatDiagnostics } from '../../src/index.js';
import type { runTestDirectory } from '../../src/node.js';
import { loadBoth, outcomeOf } from '../generate/load-both.js';
import { readYamlCases } from '../oracle/yaml-cases.js';

/** No error or warning (notes are allowed), no failing case, and `count` cases passed. */
export function expectEveryCasePasses(run: Awaited<ReturnType<typeof runTestDirectory>>, count: number): void {
  expect(
    formatDiagnostics(
      run.diagnostics.filter((d) => d.severity !== 'info'),
      'en',
    ),
  ).toBe('');
  const failing = run.runs.flatMap((r) =>
    r.cases.filter((c) => !c.ok).map((c) => `${c.name}: ${formatDiagnostics(c.diagnostics, 'en')}`),
  );
  expect(failing).toEqual([]);
  expect(run.passed).toBe(count);
  expect(run.failed).toBe(0);
}

/** Each of the `count` cases of `rules` asserts a decision that both ways and `evaluate` give. */
export async function expectCasesAgreeBothWays(rules: string, count: number): Promise<void> {
  const both = await loadBoth(rules);
  const cases = readYamlCases(rules);
  expect(cases).toHaveLength(count);
  for (const c of cases) {
    expect(c.expect['decision'], c.name).toMatch(/^(recognised|not_recognised|undetermined)$/);
    const input = JSON.parse(JSON.stringify(c.assessment));
    const closures = outcomeOf(both.closures, input) as { decision: string };
    expect(outcomeOf(both.generated, input), c.name).toEqual(closures);
    expect(closures.decision, c.name).toBe(c.expect['decision']);
    // The full evaluation decides the same as decide().
    expect(both.closures.evaluate(input).decision, c.name).toBe(closures.decision);
  }
}
