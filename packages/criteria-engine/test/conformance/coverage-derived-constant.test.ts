/**
 * A derived quantity compared with a number (`{ fact: beds_per_1000, at_least: 0.5 }`, a rate per
 * 1,000 inhabitants) is a threshold like any other: coverage asks for a case at it and one just
 * beyond (found writing test/fixtures/y-te-xa from the docs alone: the row was missing, so
 * `lcz test --coverage` said 100% with no case near 0.5, and `lcz check`'s note sent the reader to
 * the coverage for it). The value is the exact fraction of the case's facts.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/index.js';
import { loadRulesetFile } from '../../src/node.js';
import { coverage, runTestCases } from '../../src/tools.js';

const RULES = fileURLToPath(new URL('../fixtures/y-te-xa/ruleset.yaml', import.meta.url));

const FACTS = `{ population: 10000, doctors: 13, station_meets_standard: true, children_under_1: 200, children_fully_vaccinated: 190, births: 150, births_at_facility: 140, people_insured: 9600, epidemic_plan_approved: true, food_poisoning_deaths: 0 }`;

const casesWith = (beds: readonly number[], population = 10000) =>
  `ruleset: xa-dat-tieu-chi-y-te-minh-hoa
bases:
  xa:
    area: { date: "2027-06-15" }
    context: { region: dong_bang, station_type: co_giuong_luu }
    facts: ${FACTS}
cases:
${beds
  .map(
    (b) => `  - name: "${b} beds"
    extends: xa
    facts: { station_beds: ${b}, population: ${population}, people_insured: ${population} }
    expect: { decision: ${b * 1000 >= population / 2 ? 'recognised' : 'not_recognised'} }`,
  )
  .join('\n')}
`;

describe('coverage of a derived quantity against a number', async () => {
  const loaded = await loadRulesetFile(RULES);
  if (!loaded.value) throw new Error(formatDiagnostics(loaded.diagnostics, 'en'));
  const rules = loaded.value;
  const row = (beds: readonly number[], population?: number) => {
    const run = runTestCases(rules, casesWith(beds, population), 'cases.yaml', { keepInputs: true });
    expect(run.failed).toBe(0);
    const report = coverage(rules, [run]);
    return { report, row: report.thresholds.find((t) => t.text === 'beds_per_1000 ≥ 0.5') };
  };

  it('is a threshold row, a gap until a case sits at it and one just below', () => {
    const far = row([20]);
    expect(far.row?.cells.at?.by).toBeUndefined();
    expect(far.report.gaps.filter((g) => g.text === 'beds_per_1000 ≥ 0.5').map((g) => g.column)).toEqual([
      'at',
      'beyond',
    ]);
    const near = row([5, 4]);
    expect(near.row?.cells.at?.by?.name).toBe('5 beds');
    expect(near.row?.cells.beyond?.by?.name).toBe('4 beds');
  });

  it('places the exact fraction: 999 beds for 1,998,001 inhabitants is just below 0.5, not at it', () => {
    const { row: r } = row([999], 1998001);
    expect(r?.cells.at?.by).toBeUndefined();
    expect(r?.cells.beyond?.by?.name).toBe('999 beds');
  });
});
