/**
 * Issue 13, coverage per cell: a condition comparing a value with a parameter table has one
 * boundary per reachable cell (key × dated row), each an item with its own value; a case tests
 * a cell only when it is in it (its context and the row in force on its date); a row in force
 * only before the ruleset's period, or a key no valid context has, is not required; a derived
 * quantity is placed exactly.
 */
import { describe, expect, it } from 'vitest';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';
import { coverage, runTestCases } from '../../src/tools.js';

const RULES = `format: 1
id: cells
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
      - { id: east, label: { vi: "Đông", en: "East" } }
context_rules:
  - when: "region == 'east'"
    require: "region != 'east'"
    message: { vi: "Không đánh giá vùng Đông", en: "The east is not assessed" }
facts:
  total: { type: number, decimals: 1, min: 0, label: { vi: "Tổng", en: "Total" } }
  people: { type: integer, min: 0, label: { vi: "Người", en: "People" } }
derived:
  per_person:
    label: { vi: "Bình quân", en: "Per person" }
    value: "total / people"
    if_zero: unknown
parameters:
  minimum:
    label: { vi: "Mức tối thiểu", en: "Minimum" }
    by: [region]
    values:
      - { region: north, from: "2021-01-01", value: 30 }
      - { region: north, from: "2022-01-01", value: 40 }
      - { region: north, from: "2024-01-01", value: 45 }
      - { region: south, from: "2022-01-01", value: 50 }
      - { region: east, from: "2022-01-01", value: 60 }
groups:
  - id: "1"
    title: { vi: "Nhóm 1", en: "Group 1" }
    criteria:
      - id: "1.1"
        text: { vi: "Thu nhập", en: "Income" }
        condition: { fact: per_person, at_least: minimum }
recognition:
  group_requirement: { at_least_count: 1 }
`;

const ruleset = loadRulesetOrThrow(RULES, { file: 'cells.yaml' });

/** Cases as [region, date, total, people]; each expectation is what the rules decide. */
function report(cases: readonly [string, string, number, number][]) {
  const yaml = cases
    .map(([region, date, total, people], i) => {
      const decision = ruleset.decide({ area: { date }, context: { region }, facts: { total, people } }).decision;
      return `  - { name: "c${i}", area: { date: "${date}" }, context: { region: ${region} }, facts: { total: ${total}, people: ${people} }, expect: { decision: ${decision} } }`;
    })
    .join('\n');
  const run = runTestCases(
    ruleset,
    `ruleset: cells\ncases:${yaml === '' ? ' []' : `\n${yaml}`}\n`,
    'cells-tests.yaml',
    { keepInputs: true },
  );
  expect(run.diagnostics).toEqual([]);
  expect(run.cases.every((c) => c.ok)).toBe(true);
  return coverage(ruleset, [run]);
}

const cellRows = (r: ReturnType<typeof coverage>) => r.thresholds.filter((t) => t.text.includes('minimum['));

describe('coverage counts the boundary of each reachable cell of a table', () => {
  it('one item pair per cell; a row before the period and a key no valid context has are not required', () => {
    const rows = cellRows(coverage(ruleset, []));
    expect(rows.map((r) => r.text)).toEqual([
      'per_person ≥ minimum[region=north, from 2021-01-01] = 30',
      'per_person ≥ minimum[region=north, from 2022-01-01] = 40',
      'per_person ≥ minimum[region=north, from 2024-01-01] = 45',
      'per_person ≥ minimum[region=south, from 2022-01-01] = 50',
      'per_person ≥ minimum[region=east, from 2022-01-01] = 60',
    ]);
    expect(rows.map((r) => [r.cells.at?.possible, r.cells.beyond?.possible])).toEqual([
      [false, false],
      [true, true],
      [true, true],
      [true, true],
      [false, false],
    ]);
  });

  it('a case tests a cell only in its key and on a date its row is in force, exactly at or just beyond the value', () => {
    const r = report([
      ['north', '2023-12-31', 400, 10], // 40 in force: at
      ['north', '2024-01-01', 400, 10], // 45 in force: 40 is neither at nor near 45
      ['south', '2022-06-01', 400, 10], // another key: not north's cell
      ['north', '2022-01-01', 1199.9, 30], // 39.996…: just under 40
      ['south', '2024-12-31', 150, 3], // exactly 50 (a ratio, compared exactly)
      ['south', '2023-01-01', 1499.9, 30], // 49.996…
    ]);
    const by = Object.fromEntries(
      cellRows(r).map((row) => [
        row.text.replace(/^.*\[|\].*$/g, ''),
        [row.cells.at?.by?.name, row.cells.beyond?.by?.name],
      ]),
    );
    expect(by['region=north, from 2022-01-01']).toEqual(['c0', 'c3']);
    expect(by['region=north, from 2024-01-01']).toEqual([undefined, undefined]);
    expect(by['region=south, from 2022-01-01']).toEqual(['c4', 'c5']);
    // The date rows' own cells (the day before, of and after each `from:`) are tested in date-coverage.test.ts.
    expect(
      r.gaps
        .filter((g) => g.text?.includes('minimum[') && g.day === undefined)
        .map((g) => [g.text?.slice(-2), g.column]),
    ).toEqual([
      ['45', 'at'],
      ['45', 'beyond'],
    ]);
  });

  it('just above the boundary of "at least" is not beyond it, and far below is not near it', () => {
    const r = report([
      ['north', '2023-01-01', 401, 10], // 40.1
      ['north', '2023-01-01', 300, 10], // 30
    ]);
    const row = cellRows(r).find((x) => x.text.includes('from 2022-01-01'));
    expect(row?.cells).toEqual({ at: { possible: true }, beyond: { possible: true } });
  });
});

describe('a percentage compared with a table has one empty-whole cell (docs/test-cases.md: "one with an empty whole")', () => {
  const shares = loadRulesetOrThrow(
    RULES.replace(
      'facts:\n',
      'facts:\n  done: { type: integer, min: 0, part_of: items, label: { vi: "Xong", en: "Done" } }\n  items: { type: integer, min: 0, label: { vi: "Việc", en: "Items" } }\n',
    ).replace('condition: { fact: per_person, at_least: minimum }', 'condition: "percent(done, items, 0) >= minimum"'),
    { file: 'shares.yaml' },
  );
  const run = (cases: readonly [string, number, number][]) => {
    const yaml = cases
      .map(([region, done, items], i) => {
        const input = { area: { date: '2023-06-01' }, context: { region }, facts: { done, items } };
        const decision = shares.decide(input).decision;
        return `  - { name: "c${i}", area: { date: "2023-06-01" }, context: { region: ${region} }, facts: { done: ${done}, items: ${items} }, expect: { decision: ${decision} } }`;
      })
      .join('\n');
    const r = runTestCases(shares, `ruleset: cells\ncases:\n${yaml}\n`, 'shares-tests.yaml', { keepInputs: true });
    expect(r.cases.every((c) => c.ok)).toBe(true);
    return coverage(shares, [r]).thresholds.filter((t) => t.text.includes('minimum['));
  };

  it('required once, on the first cell, and missing until some case has an empty whole', () => {
    const rows = run([['north', 40, 100]]);
    expect(rows.filter((r) => r.cells.empty !== undefined)).toHaveLength(1);
    expect(rows[0]?.cells.empty).toEqual({ possible: true });
  });

  it('a case with an empty whole in any cell of the table covers it (here the south cell, not the first)', () => {
    const rows = run([
      ['north', 40, 100],
      ['south', 0, 0],
    ]);
    expect(rows[0]?.text).toContain('region=north');
    expect(rows[0]?.cells.empty?.by?.name).toBe('c1');
  });
});
