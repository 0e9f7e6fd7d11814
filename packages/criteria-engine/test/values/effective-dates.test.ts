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
    'effective: { from: "2020-01-01", to: "2026-12-31" }',
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

function load(condition: string, text = rules(condition)): CompiledRuleset {
  const loaded = loadRuleset(text, { file: 'dates.yaml' });
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
      ['parameter_key_value', 23],
    ]);
    const year = rules('"models >= target"').replace('{ year: 2025,', '{ year: "2025",');
    expect(loadRuleset(year, { file: 'b.yaml' }).diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['parameter_key_value', 29],
    ]);
  });

  it('date is readable in conditions, compared exactly with date literals', () => {
    const r = load(`"date >= '2024-07-01' and models >= 1"`);
    expect(decision(r, '2024-07-01', { models: 1 })).toBe('recognised');
    expect(decision(r, '2024-06-30', { models: 1 })).toBe('not_recognised');
    const between = load(`"date > '2024-01-31' and date <= '2024-02-29'"`);
    expect(decision(between, '2024-02-29', {})).toBe('recognised');
    expect(decision(between, '2024-01-31', {})).toBe('not_recognised');
    expect(decision(between, '2024-03-01', {})).toBe('not_recognised');
  });

  it('without area.date, what reads the date is unknown and `date` is listed in missing', () => {
    for (const condition of [`"date >= '2024-07-01'"`, '"year >= 2024"', '{ fact: income, at_least: income_min }']) {
      const r = load(condition);
      const result = r.evaluate({ context: { region: 'north' }, facts: { income: 50, models: 1 } });
      expect(result.decision).toBe('undetermined');
      expect(result.missing).toEqual(['date']);
      expect(result.needed).toEqual(['date']);
      // With the date, nothing is missing: the date is read like a fact.
      const dated = r.evaluate({ area: { date: '2024-07-01' }, context: { region: 'north' }, facts: { income: 50 } });
      expect(dated.missing).toEqual([]);
      expect(dated.criteria[0]?.facts).toContainEqual({ id: 'date', value: '2024-07-01' });
    }
    // Rules that never read the date do not list it.
    const plain = load('"models >= 1"');
    expect(plain.evaluate({ context: { region: 'north' }, facts: {} }).missing).toEqual(['models']);
  });

  it('date in a variant selector (when:)', () => {
    const text = rules('x').replace(
      '        condition: x',
      [
        '        no_variant: fail',
        '        variants:',
        `          - { id: late, when: "date >= '2025-01-01'", condition: "models >= 2" }`,
        `          - { id: early, when: "date < '2025-01-01'", condition: "models >= 1" }`,
      ].join('\n'),
    );
    const r = load('', text);
    expect(decision(r, '2024-12-31', { models: 1 })).toBe('recognised');
    expect(decision(r, '2025-01-01', { models: 1 })).toBe('not_recognised');
    expect(decision(r, undefined, { models: 5 })).toBe('undetermined');
  });

  it('a date literal that is no day, or a date compared with a number, is a located error', () => {
    const bad = loadRuleset(rules(`"date >= '2024-02-30'"`), { file: 'd.yaml' });
    expect(bad.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['expr_date_literal', 36, 29]]);
    const d = bad.diagnostics[0];
    if (d) {
      expect(formatDiagnostic(d, 'en')).toContain("'YYYY-MM-DD'");
      expect(formatDiagnostic(d, 'vi')).toContain('ngày');
    }
    const form = loadRuleset(rules(`"date < '1/7/2024'"`), { file: 'd.yaml' });
    expect(form.diagnostics.map((x) => x.code)).toEqual(['expr_date_literal']);
    const number = loadRuleset(rules('"date >= 2024"'), { file: 'd.yaml' });
    expect(number.diagnostics.map((x) => [x.code, x.column])).toEqual([['expr_type', 29]]);
  });

  it("a date outside the ruleset's effective period is a located input error, in both languages", () => {
    const r = load('"models >= 1"');
    for (const date of ['2019-12-31', '2027-01-01']) {
      const text = `area: { date: "${date}" }\ncontext: { region: north }\nfacts: { models: 1 }\n`;
      const { value, diagnostics } = readAssessment(text, 'a.yaml', r);
      expect(value).toBeUndefined();
      expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['input_date_outside_period', 1, 15]]);
      const d = diagnostics[0];
      if (!d) continue;
      expect(formatDiagnostic(d, 'en')).toContain('2020-01-01 – 2026-12-31');
      expect(formatDiagnostic(d, 'vi')).toContain('thời gian hiệu lực');
    }
    // A reader that means it (a diff across versions, a copied version's test cases) may take any date.
    const later = { area: { date: '2027-01-01' }, context: { region: 'north' }, facts: { models: 1 } };
    expect(r.validateAssessment(later).diagnostics.map((d) => d.code)).toEqual(['input_date_outside_period']);
    expect(r.validateAssessment(later, undefined, { anyDate: true }).diagnostics).toEqual([]);
    for (const date of ['2021-01-01', '2026-12-31']) {
      const text = `area: { date: "${date}" }\ncontext: { region: north }\nfacts: { models: 1 }\n`;
      expect(readAssessment(text, 'a.yaml', r).diagnostics).toEqual([]);
    }
  });
});
