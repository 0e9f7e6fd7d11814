/**
 * A sixth scheme written from the documentation alone (test/fixtures/y-te-xa: an illustrative
 * "xã đạt tiêu chí y tế", not an official document): rates per 10,000 and per 1,000 inhabitants as
 * derived quantities (one `if_zero: unknown`, one `if_zero: 0`, so a commune of 0 inhabitants is
 * undetermined on one and fails the other), shares of two counts, a minimum by three regions whose
 * values change on dates inside 2026–2030 (one in mid-year), a minimum by year with a decimal
 * cell (93.5%), a criterion only for stations with observation beds, a mandatory criterion, a
 * step table of points and two levels by total points, a disqualifier, counts of 2^53 − 1 and
 * dates on the first and last day of the period and of each change. Every YAML case (worked out
 * by hand) passes, the generated decide agrees with the closures on each case's input, and the
 * cases cover everything `lcz test --coverage` asks for.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/index.js';
import { loadRulesetFile, runTestDirectory } from '../../src/node.js';
import { checkRuleset, coverage } from '../../src/tools.js';
import { expectCasesAgreeBothWays, expectEveryCasePasses } from './docs-scheme-cases.js';

const DIR = fileURLToPath(new URL('../fixtures/y-te-xa', import.meta.url));
const CASES = 72;

describe('the y tế xã scheme written from the docs', () => {
  it('loads without an error or a warning, and every YAML case passes', async () => {
    const run = await runTestDirectory(DIR);
    expectEveryCasePasses(run, CASES);
  });

  it('each case asserts a decision, and the generated decide agrees with the closures on its input', async () => {
    await expectCasesAgreeBothWays(`${DIR}/ruleset.yaml`, CASES);
  }, 120_000);

  it('lcz check finds nothing but notes', async () => {
    const loaded = await loadRulesetFile(`${DIR}/ruleset.yaml`);
    if (!loaded.value) throw new Error(formatDiagnostics(loaded.diagnostics, 'en'));
    const findings = checkRuleset(loaded.value).diagnostics;
    expect(findings.filter((d) => d.severity !== 'info').map((d) => d.code)).toEqual([]);
  });

  it('the cases cover every outcome coverage asks for', async () => {
    const run = await runTestDirectory(DIR, { keepInputs: true });
    if (!run.ruleset) throw new Error('the rules do not load');
    const report = coverage(run.ruleset, run.runs);
    expect(report.gaps).toEqual([]);
    expect(report.covered).toBe(report.required);
  });
});
