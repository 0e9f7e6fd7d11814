/**
 * Coverage of a comparison of two facts (at the line and just beyond it) and of the assessment's
 * date (the day before, the day itself and the day after a compared day or a table row's
 * `from:`), each cell required only when an input the rules accept can reach it.
 */
import { describe, expect, it } from 'vitest';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';
import { coverage, formatCoverage, runTestCases } from '../../src/tools.js';

const RULES = `format: 1
id: pairs
version: "1"
title: { vi: "Thử", en: "Test" }
effective: { from: "2022-01-01", to: "2024-12-31" }
context:
  region:
    type: enum
    label: { vi: "Vùng", en: "Region" }
    values:
      - { id: north, label: { vi: "Bắc", en: "North" } }
      - { id: south, label: { vi: "Nam", en: "South" } }
facts:
  doctors: { type: integer, min: 0, label: { vi: "Bác sĩ", en: "Doctors" } }
  nurses: { type: integer, min: 0, label: { vi: "Y tá", en: "Nurses" } }
  a: { type: integer, min: 0, label: { vi: "A", en: "A" } }
  b: { type: integer, min: 0, label: { vi: "B", en: "B" } }
  total: { type: integer, min: 0, label: { vi: "Tổng", en: "Total" } }
  done: { type: integer, min: 0, part_of: total, label: { vi: "Xong", en: "Done" } }
  income: { type: integer, min: 0, label: { vi: "Thu nhập", en: "Income" } }
parameters:
  minimum:
    label: { vi: "Mức tối thiểu", en: "Minimum" }
    by: [region]
    values:
      - { region: north, from: "2021-01-01", value: 30 }
      - { region: north, from: "2024-01-01", value: 45 }
      - { region: south, from: "2022-01-01", value: 50 }
groups:
  - id: "1"
    title: { vi: "Nhóm 1", en: "Group 1" }
    criteria:
      - { id: "1.1", text: { vi: "a", en: "a" }, condition: "doctors >= nurses" }
      - { id: "1.2", text: { vi: "b", en: "b" }, condition: "a * 100 >= b * 85" }
      - { id: "1.3", text: { vi: "c", en: "c" }, condition: "a * 2 == b * 2 + 1" }
      - { id: "1.4", text: { vi: "d", en: "d" }, condition: "done > total" }
      - { id: "1.5", text: { vi: "e", en: "e" }, condition: "date < '2022-06-30'" }
      - { id: "1.6", text: { vi: "f", en: "f" }, condition: "date >= '2022-01-01'" }
      - { id: "1.7", text: { vi: "g", en: "g" }, condition: { fact: income, at_least: minimum } }
recognition:
  group_requirement: { at_least_count: 1 }
`;

const ruleset = loadRulesetOrThrow(RULES, { file: 'pairs.yaml' });

type Case = { date: string; region: string; facts: Record<string, number> };

/** The cases' coverage; each case expects what the rules decide. */
function report(cases: readonly Case[]) {
  if (cases.length === 0) return coverage(ruleset, []);
  const yaml = cases
    .map(({ date, region, facts }, i) => {
      const decision = ruleset.decide({ area: { date }, context: { region }, facts }).decision;
      return `  - { name: "c${i}", area: { date: "${date}" }, context: { region: ${region} }, facts: ${JSON.stringify(facts)}, expect: { decision: ${decision} } }`;
    })
    .join('\n');
  const run = runTestCases(ruleset, `ruleset: pairs\ncases:${yaml === '' ? ' []' : `\n${yaml}`}\n`, 'tests.yaml', {
    keepInputs: true,
  });
  expect(run.diagnostics).toEqual([]);
  expect(run.cases.every((c) => c.ok)).toBe(true);
  return coverage(ruleset, [run]);
}

const cellsOf = (r: ReturnType<typeof report>, text: string) => {
  const row = r.thresholds.find((t) => t.text === text) ?? r.dates.find((d) => d.text === text);
  if (row === undefined) throw new Error(`no row ${text}: ${[...r.thresholds, ...r.dates].map((t) => t.text)}`);
  return Object.fromEntries(Object.entries(row.cells).map(([k, c]) => [k, [c?.possible, c?.by?.name]]));
};

describe('coverage of two facts compared', () => {
  const empty = report([]);

  it('lists the line and just beyond it, only where an accepted input reaches them', () => {
    expect(cellsOf(empty, 'doctors >= nurses')).toEqual({ at: [true, undefined], beyond: [true, undefined] });
    expect(cellsOf(empty, 'a * 100 >= b * 85')).toEqual({ at: [true, undefined], beyond: [true, undefined] });
    // a = b + 0.5 has no integer answer; one off it (a = b or a = b + 1) has.
    expect(cellsOf(empty, 'a * 2 == b * 2 + 1')).toEqual({ at: [false, undefined], beyond: [true, undefined] });
    // done is part of total: done = total is reachable, done = total + 1 (where > holds) is not.
    expect(cellsOf(empty, 'done > total')).toEqual({ at: [true, undefined], beyond: [false, undefined] });
  });

  it('marks a case at the line, just beyond it on the side that changes the outcome, never further', () => {
    const base = { date: '2022-03-01', region: 'south' };
    const r = report([
      { ...base, facts: { doctors: 5, nurses: 6 } }, // just fails
      { ...base, facts: { doctors: 7, nurses: 6, a: 9, b: 10 } }, // holds further; 9 vs 8.5: the side that holds
      { ...base, facts: { doctors: 6, nurses: 6, a: 17, b: 20 } }, // equal; 17 = 0.85 × 20
      { ...base, facts: { a: 8, b: 10 } }, // 8 vs 8.5: just fails
    ]);
    expect(cellsOf(r, 'doctors >= nurses')).toEqual({ at: [true, 'c2'], beyond: [true, 'c0'] });
    expect(cellsOf(r, 'a * 100 >= b * 85')).toEqual({ at: [true, 'c2'], beyond: [true, 'c3'] });
    expect(r.gaps.some((g) => g.text === 'a * 2 == b * 2 + 1' && g.column === 'at')).toBe(false);
  });
});

describe('coverage of the assessment’s date', () => {
  const empty = report([]);

  it('asks for the day before, the day and the day after, except a day no input can be assessed on', () => {
    expect(empty.dates.map((d) => [d.id, d.text, d.days.day_before, d.days.day_after])).toEqual([
      ['1.5', 'date < 2022-06-30', '2022-06-29', '2022-07-01'],
      ['1.6', 'date ≥ 2022-01-01', '2021-12-31', '2022-01-02'],
      ['1.7', 'minimum[region=north, from 2021-01-01]', '2020-12-31', '2021-01-02'],
      ['1.7', 'minimum[region=north, from 2024-01-01]', '2023-12-31', '2024-01-02'],
      ['1.7', 'minimum[region=south, from 2022-01-01]', '2021-12-31', '2022-01-02'],
    ]);
    const possible = (text: string) => Object.values(cellsOf(empty, text)).map(([p]) => p);
    expect(possible('date < 2022-06-30')).toEqual([true, true, true]);
    // The effective period starts on 2022-01-01: its day before is refused as input.
    expect(possible('date ≥ 2022-01-01')).toEqual([false, true, true]);
    expect(possible('minimum[region=north, from 2021-01-01]')).toEqual([false, false, false]);
    expect(possible('minimum[region=north, from 2024-01-01]')).toEqual([true, true, true]);
    expect(possible('minimum[region=south, from 2022-01-01]')).toEqual([false, true, true]);
  });

  it('marks a case on each day, in the row’s region only; the gaps name the day, in both languages', () => {
    const r = report([
      { date: '2022-06-29', region: 'north', facts: {} },
      { date: '2022-06-30', region: 'north', facts: {} },
      { date: '2023-12-31', region: 'south', facts: { income: 40 } }, // another region: not north's row
      { date: '2024-01-01', region: 'north', facts: { income: 40 } },
      { date: '2022-07-01', region: 'north', facts: {} },
    ]);
    expect(cellsOf(r, 'date < 2022-06-30')).toEqual({
      day_before: [true, 'c0'],
      day: [true, 'c1'],
      day_after: [true, 'c4'],
    });
    expect(cellsOf(r, 'minimum[region=north, from 2024-01-01]')).toEqual({
      day_before: [true, undefined],
      day: [true, 'c3'],
      day_after: [true, undefined],
    });
    expect(formatCoverage(r, 'en')).toContain(
      '1.7 (minimum[region=north, from 2024-01-01]): no case is assessed on the day before (area.date: 2023-12-31)',
    );
    expect(formatCoverage(r, 'vi')).toContain(
      '1.7 (minimum[region=north, from 2024-01-01]): chưa có ca nào có ngày đánh giá là ngày liền trước ngày này (area.date: 2023-12-31)',
    );
  });
});
