/**
 * Issue 13, effective dates: a parameter's value changes on given dates (`from:`), or by `year`;
 * the assessment's date picks it; a date before every row is a located input error; a missing
 * date leaves what depends on it unknown; `year` is readable in conditions and `when:`.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadRuleset, readAssessment, type CompiledRuleset } from '../../src/index.js';

const TABLE = [
  '  income_min:',
  '    label: { vi: thu nhập tối thiểu, en: minimum income }',
  '    by: [region]',
  '    values:',
  '      - { region: north, from: "2021-01-01", value: 38 }',
  '      - { region: north, from: "2024-01-01", value: 45 }',
  '      - { region: delta, from: "2021-01-01", value: 58 }',
  '  poor_max:',
  '    values: [{ from: "2021-01-01", value: 13 }, { from: "2024-01-01", value: 10.5 }]',
  '  target:',
  '    by: [year]',
  '    values: [{ year: 2024, value: 3 }, { year: 2025, value: 5 }]',
].join('\n');

function rules(condition: string): string {
  return [
    'format: 1',
    'id: dates',
    'version: "1"',
    'title: { vi: t, en: t }',
    'context:',
    '  region:',
    '    type: enum',
    '    label: { vi: vùng, en: region }',
    '    values:',
    '      - { id: north, label: { vi: Bắc, en: North } }',
    '      - { id: delta, label: { vi: Đồng bằng, en: Delta } }',
    'facts:',
    '  income: { type: number, decimals: 1, min: 0, label: { vi: thu nhập, en: income } }',
    '  poor: { type: number, decimals: 1, min: 0, label: { vi: hộ nghèo, en: poor } }',
    '  models: { type: integer, min: 0, label: { vi: mô hình, en: models } }',
    'parameters:',
    TABLE,
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

function load(condition: string): CompiledRuleset {
  const loaded = loadRuleset(rules(condition), { file: 'dates.yaml' });
  if (!loaded.value) throw new Error(loaded.diagnostics.map((d) => formatDiagnostic(d, 'en')).join('\n'));
  return loaded.value;
}

function decision(r: CompiledRuleset, date: string | undefined, facts: Record<string, number>, region = 'north') {
  const a = { ...(date ? { area: { date } } : {}), context: { region }, facts };
  const full = r.evaluate(a);
  expect(r.decide(a).decision).toBe(full.decision);
  return full.decision;
}

describe('effective-dated parameters', () => {
  it("the assessment's date picks the value in force", () => {
    const r = load('{ fact: income, at_least: income_min }');
    expect(decision(r, '2023-12-31', { income: 40 })).toBe('recognised');
    expect(decision(r, '2024-01-01', { income: 40 })).toBe('not_recognised');
    expect(decision(r, '2024-06-30', { income: 45 })).toBe('recognised');
    expect(decision(r, '2024-06-30', { income: 57.9 }, 'delta')).toBe('not_recognised');
    // No date: unknown, never the latest or the earliest value.
    expect(decision(r, undefined, { income: 1000 })).toBe('undetermined');
  });

  it('a dated constant and a table by year', () => {
    const poor = load('"poor <= poor_max"');
    expect(decision(poor, '2022-03-01', { poor: 12 })).toBe('recognised');
    expect(decision(poor, '2024-03-01', { poor: 10.6 })).toBe('not_recognised');
    const target = load('"models >= target"');
    expect(decision(target, '2024-12-31', { models: 3 })).toBe('recognised');
    expect(decision(target, '2025-01-01', { models: 3 })).toBe('not_recognised');
    // No row for 2026: unknown.
    expect(decision(target, '2026-01-01', { models: 99 })).toBe('undetermined');
  });

  it('year is readable in conditions', () => {
    const r = load('"year >= 2024 and models >= 1"');
    expect(decision(r, '2024-01-01', { models: 1 })).toBe('recognised');
    expect(decision(r, '2023-12-31', { models: 1 })).toBe('not_recognised');
    expect(decision(r, undefined, { models: 1 })).toBe('undetermined');
  });

  it('a date before every row is a located input error, in both languages', () => {
    const r = load('{ fact: income, at_least: income_min }');
    const text = 'area: { date: "2020-12-31" }\ncontext: { region: north }\nfacts: { income: 40 }\n';
    const { value, diagnostics } = readAssessment(text, 'a.yaml', r);
    expect(value).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['input_date_out_of_range', 1, 15]]);
    const d = diagnostics[0];
    if (!d) return;
    expect(formatDiagnostic(d, 'en')).toContain('2021-01-01');
    expect(formatDiagnostic(d, 'vi')).toContain('Ngày đánh giá');
  });

  it('a bad from: or year: in a row is located', () => {
    const bad = rules('"models >= target"').replace('from: "2024-01-01", value: 45', 'from: "1 Jan 2024", value: 45');
    expect(loadRuleset(bad, { file: 'b.yaml' }).diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['parameter_key_value', 22],
    ]);
    const year = rules('"models >= target"').replace('{ year: 2025,', '{ year: "2025",');
    expect(loadRuleset(year, { file: 'b.yaml' }).diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['parameter_key_value', 28],
    ]);
  });
});
