/**
 * A fourth scheme written from the documentation alone (test/fixtures/co-quan-van-hoa: an
 * illustrative "cơ quan, đơn vị đạt chuẩn văn hóa", not an official document): three tiers
 * (đạt chuẩn, nâng cao adding a standard counted in points, a mandatory criterion and a
 * disqualifier, kiểu mẫu adding a points total, a count over standard 1 and another mandatory
 * criterion), a table by region × year whose delta cell changes on 2025-07-01, a table by region
 * with dated rows compared with a share, a dated constant against a derived quantity, a step
 * table, `not_applicable: fail` and `exclude`, empty wholes both ways and `if_zero: unknown`.
 * Every YAML case (worked out by hand, most at a threshold, one below, an empty whole, an unknown
 * fact or either side of the mid-year change) passes, and the generated decide agrees with the
 * closures on each case's input.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/index.js';
import { checkRuleset } from '../../src/tools.js';
import { loadRulesetFile, runTestDirectory } from '../../src/node.js';
import { expectCasesAgreeBothWays, expectEveryCasePasses } from './docs-scheme-cases.js';

const DIR = fileURLToPath(new URL('../fixtures/co-quan-van-hoa/2024-2026', import.meta.url));

describe('the cơ quan văn hóa scheme written from the docs', () => {
  it('loads without an error or a warning, and every YAML case passes', async () => {
    const run = await runTestDirectory(DIR);
    expectEveryCasePasses(run, 63);
  });

  it('each case asserts a decision, and the generated decide agrees with the closures on its input', async () => {
    await expectCasesAgreeBothWays(`${DIR}/ruleset.yaml`, 63);
  }, 120_000);

  it('lcz check finds no missing cell: the delta cell of 2025, dated from 1 January 2025, is complete', async () => {
    const loaded = await loadRulesetFile(`${DIR}/ruleset.yaml`);
    if (!loaded.value) throw new Error(formatDiagnostics(loaded.diagnostics, 'en'));
    const findings = checkRuleset(loaded.value).diagnostics;
    expect(findings.filter((d) => d.severity !== 'info').map((d) => d.code)).toEqual([]);
  });
});
