/**
 * What every scheme written from the docs alone is held to (test/fixtures/nong-thon-moi,
 * truong-hoc-an-toan): it loads with notes at most, every hand-worked YAML case passes, and on
 * each case's input the generated decide, the closures and the full evaluation agree with the
 * decision the case expects.
 */
import { expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/index.js';
import { loadRulesetFile, runTestDirectory } from '../../src/node.js';
import { checkRuleset, coverage } from '../../src/tools.js';
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

/**
 * The four tests of a scheme folder written from the docs (inside the caller's `describe`): its
 * `count` cases pass, agree both ways, `lcz check` finds nothing but notes, and the cases cover
 * everything coverage asks for (`coverageNote` is added to that test's name).
 */
export function docsSchemeTests(dir: string, count: number, coverageNote = ''): void {
  it('loads without an error or a warning, and every YAML case passes', async () => {
    expectEveryCasePasses(await runTestDirectory(dir), count);
  });

  it('each case asserts a decision, and the generated decide agrees with the closures on its input', async () => {
    await expectCasesAgreeBothWays(`${dir}/ruleset.yaml`, count);
  }, 120_000);

  it('lcz check finds nothing but notes', async () => {
    const loaded = await loadRulesetFile(`${dir}/ruleset.yaml`);
    if (!loaded.value) throw new Error(formatDiagnostics(loaded.diagnostics, 'en'));
    const findings = checkRuleset(loaded.value).diagnostics;
    expect(findings.filter((d) => d.severity !== 'info').map((d) => d.code)).toEqual([]);
  });

  it(`the cases cover every outcome coverage asks for${coverageNote}`, async () => {
    const run = await runTestDirectory(dir, { keepInputs: true });
    if (!run.ruleset) throw new Error('the rules do not load');
    const report = coverage(run.ruleset, run.runs);
    expect(report.gaps).toEqual([]);
    expect(report.covered).toBe(report.required);
  });
}
