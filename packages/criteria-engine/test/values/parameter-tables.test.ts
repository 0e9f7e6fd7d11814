/**
 * Issue 13, parameter tables keyed by context attributes: written once, used by name as a
 * threshold or in expressions, the unit's cell chosen by its context; every mistake located;
 * `lcz check` names each valid context without a cell; diff lists the cells that changed.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadRuleset, type CompiledRuleset } from '../../src/index.js';
import { checkRuleset, diffRulesets } from '../../src/tools.js';

const TABLE = [
  '  income_min:',
  '    label: { vi: thu nhập tối thiểu, en: minimum income }',
  '    by: [region]',
  '    values:',
  '      - { region: north, value: 45 }',
  '      - { region: delta, value: 58.5 }',
].join('\n');

function rules(condition: string, table = TABLE): string {
  return [
    'format: 1',
    'id: tables',
    'version: "1"',
    'title: { vi: t, en: t }',
    'context:',
    '  region:',
    '    type: enum',
    '    label: { vi: vùng, en: region }',
    '    values:',
    '      - { id: north, label: { vi: Bắc, en: North } }',
    '      - { id: delta, label: { vi: Đồng bằng, en: Delta } }',
    '      - { id: south, label: { vi: Nam, en: South } }',
    'facts:',
    '  income: { type: number, decimals: 1, min: 0, label: { vi: thu nhập, en: income } }',
    'parameters:',
    table,
    'groups:',
    '  - id: "1"',
    '    title: { vi: g, en: g }',
    '    criteria:',
    '      - id: "1.1"',
    '        text: { vi: a, en: a }',
    `        condition: ${condition}`,
    'recognition: { group_requirement: { at_least_percent: 100 } }',
    '',
  ].join('\n');
}

function load(condition: string, table = TABLE): CompiledRuleset {
  const loaded = loadRuleset(rules(condition, table), { file: 'tables.yaml' });
  if (!loaded.value) throw new Error(loaded.diagnostics.map((d) => formatDiagnostic(d, 'en')).join('\n'));
  return loaded.value;
}

function decision(r: CompiledRuleset, region: string | undefined, income: number): string {
  const a = { context: region === undefined ? {} : { region }, facts: { income } };
  const full = r.evaluate(a).decision;
  expect(r.decide(a).decision).toBe(full);
  return full;
}

describe('parameter tables by context', () => {
  for (const condition of ['{ fact: income, at_least: income_min }', '"income >= income_min"']) {
    it(`pick the unit's cell: ${condition}`, () => {
      const r = load(condition);
      expect(decision(r, 'north', 45)).toBe('recognised');
      expect(decision(r, 'north', 44.9)).toBe('not_recognised');
      expect(decision(r, 'delta', 58.4)).toBe('not_recognised');
      expect(decision(r, 'delta', 58.5)).toBe('recognised');
      // No cell for the south, and an unknown region: unknown, never a default.
      expect(decision(r, 'south', 1000)).toBe('undetermined');
      expect(decision(r, undefined, 1000)).toBe('undetermined');
      // Both forms print what was read: the parameter's name, not a quoted value id.
      expect(r.groups[0]?.criteria[0]?.condition?.expression).toBe('income >= income_min');
    });
  }

  it('lcz check names each year of the effective period without a cell, and a cell whose dated rows start late', () => {
    const dated = (table: string) =>
      loadRuleset(
        rules('"income >= income_min"', table).replace(
          'version: "1"\n',
          'version: "1"\neffective: { from: "2022-01-01", to: "2024-12-31" }\n',
        ),
        { file: 'tables.yaml' },
      ).value as CompiledRuleset;
    const cells = (r: CompiledRuleset) =>
      checkRuleset(r)
        .diagnostics.filter((d) => d.code === 'parameter_cell_missing')
        .map((d) => d.params['cell']);
    // A table by region and year whose north and south cells are all there: the delta's rows vary.
    const byRegionAndYear = [
      '  income_min:',
      '    label: { vi: thu nhập tối thiểu, en: minimum income }',
      '    by: [region, year]',
      '    values:',
      ...['north', 'south'].flatMap((region) =>
        [2022, 2023, 2024].map((year) => `      - { region: ${region}, year: ${year}, value: 45 }`),
      ),
    ];
    const byYear = dated(
      [
        ...byRegionAndYear,
        '      - { region: delta, year: 2022, value: 58 }',
        '      - { region: delta, year: 2024, value: 60 }',
      ].join('\n'),
    );
    expect(cells(byYear)).toEqual(['region=delta, year=2023']);
    const lateStart = dated(
      [
        '  income_min:',
        '    label: { vi: thu nhập tối thiểu, en: minimum income }',
        '    by: [region]',
        '    values:',
        '      - { region: north, from: "2022-01-01", value: 45 }',
        '      - { region: south, from: "2022-01-01", value: 40 }',
        '      - { region: delta, from: "2023-01-01", value: 58 }',
        '      - { region: delta, from: "2024-01-01", value: 60 }',
      ].join('\n'),
    );
    expect(cells(lateStart)).toEqual(['region=delta, 2022-01-01 – 2022-12-31']);
    // The same dates with an undated row for the delta: it holds before 2023, so no gap.
    const undatedFirst = dated(
      [
        '  income_min:',
        '    label: { vi: thu nhập tối thiểu, en: minimum income }',
        '    by: [region]',
        '    values:',
        '      - { region: north, value: 45 }',
        '      - { region: south, value: 40 }',
        '      - { region: delta, value: 55 }',
        '      - { region: delta, from: "2023-01-01", value: 58 }',
      ].join('\n'),
    );
    expect(cells(undatedFirst)).toEqual([]);
    // A cell keyed by a year holds only in that year: dated rows of 2023 that start on 1 January
    // 2023 leave no gap in 2022 (found writing test/fixtures/co-quan-van-hoa from the docs), while
    // a change on 1 July 2024 with nothing before it leaves the first half of 2024 without a value.
    const yearAndDate = dated(
      [
        ...byRegionAndYear,
        '      - { region: delta, year: 2022, value: 58 }',
        '      - { region: delta, year: 2023, from: "2023-01-01", value: 58 }',
        '      - { region: delta, year: 2023, from: "2023-07-01", value: 59 }',
        '      - { region: delta, year: 2024, from: "2024-07-01", value: 60 }',
      ].join('\n'),
    );
    expect(cells(yearAndDate)).toEqual(['region=delta, year=2024, 2024-01-01 – 2024-06-30']);
  });

  it('lcz check names each valid context without a cell, at the table', () => {
    const r = load('"income >= income_min"');
    const found = checkRuleset(r).diagnostics.filter((d) => d.code === 'parameter_cell_missing');
    expect(found.map((d) => ({ severity: d.severity, params: d.params, line: d.line }))).toEqual([
      { severity: 'error', params: { parameter: 'income_min', cell: 'region=south' }, line: 20 },
    ]);
    const full = load('"income >= income_min"', `${TABLE}\n      - { region: south, value: 40 }`);
    expect(checkRuleset(full).diagnostics.filter((d) => d.code === 'parameter_cell_missing')).toEqual([]);
  });

  it('a table of an included fragment without a cell is named in the fragment, at its line and column', () => {
    const main = rules('"income >= income_min"')
      .replace(`parameters:\n${TABLE}\n`, '')
      .replace('title: { vi: t, en: t }', 'title: { vi: t, en: t }\ninclude: ["shared.yaml"]');
    const fragment = ['format: 1', 'kind: fragment', 'id: shared', 'version: "1"', 'title: { vi: c, en: s }'];
    const loaded = loadRuleset(main, {
      file: 'tables.yaml',
      readInclude: (path) => ({ file: path, text: [...fragment, 'parameters:', TABLE, ''].join('\n') }),
    });
    const found = checkRuleset(loaded.value as CompiledRuleset).diagnostics.filter(
      (d) => d.code === 'parameter_cell_missing',
    );
    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.params['cell']}`)).toEqual([
      'shared.yaml:11:7 region=south',
    ]);
  });

  it('diff lists the cells that changed', () => {
    const before = load('"income >= income_min"');
    const after = load('"income >= income_min"', TABLE.replace('value: 45', 'value: 47'));
    const diff = diffRulesets(before, after);
    expect(JSON.stringify(diff)).toContain('income_min[region=north]');
    expect(JSON.stringify(diff)).not.toContain('income_min[region=delta]');
  });

  it('located mistakes: an unknown key, a wrong value, a missing key, a duplicate cell', () => {
    const problems = (table: string) =>
      loadRuleset(rules('"income >= income_min"', table), { file: 't.yaml' }).diagnostics.map((d) => [d.code, d.line]);
    expect(problems(TABLE.replace('by: [region]', 'by: [regoin]'))).toEqual(
      expect.arrayContaining([['parameter_key_unknown', 18]]),
    );
    expect(problems(TABLE.replace('{ region: delta,', '{ region: dleta,'))).toEqual([['parameter_key_value', 21]]);
    expect(problems(TABLE.replace('{ region: delta, value: 58.5 }', '{ value: 58.5 }'))).toEqual([
      ['parameter_row_keys', 21],
    ]);
    expect(problems(TABLE.replace('{ region: delta,', '{ region: delta, size: big,'))).toEqual([
      ['parameter_row_keys', 21],
    ]);
    expect(problems(TABLE.replace('{ region: delta,', '{ region: north,'))).toEqual([['duplicate_id', 21]]);
  });

  it('a from: that is no day of the calendar is refused as date_invalid, and one written day first is shown in ISO form', () => {
    const located = (from: string) =>
      loadRuleset(
        rules('"income >= income_min"', TABLE.replace('{ region: delta,', `{ region: delta, from: "${from}",`)),
        {
          file: 't.yaml',
        },
      ).diagnostics.map((d) => [d.code, d.line, formatDiagnostic(d, 'en')]);
    // The form is right, the day is not: said as the effective dates say it, naming the row.
    expect(located('2028-02-30')).toEqual([
      [
        'date_invalid',
        21,
        expect.stringMatching(/parameters\.income_min\.values\[\d+\]\.from "2028-02-30" is not a day of the calendar/),
      ],
    ]);
    expect(located('1/7/2028')).toEqual([
      ['parameter_key_value', 21, expect.stringContaining('Allowed values: YYYY-MM-DD (2028-07-01).')],
    ]);
    expect(located('2028-07-01')).toEqual([]);
  });
});
