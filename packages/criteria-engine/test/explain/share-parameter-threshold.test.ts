/**
 * A share compared with a parameter, written as an expression (`percent(poor, households, 0) <=
 * poverty_max`, a table by year), is a threshold like `percent(…) <= 5`: the percent function's
 * threshold hooks read it (its value the parameter's name), so the gap analysis has its
 * "Threshold" line, the report its share against the value in force, and the diff words a number
 * replaced by the parameter as a threshold change.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/evaluate/assessment.js';
import { diffRulesets, renderDiff } from '../../src/explain/diff/index.js';
import { explainGap } from '../../src/explain/explain-gap.js';
import { explainText } from '../../src/explain/explain-text.js';
import { gapAnalysis } from '../../src/explain/gap.js';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';
import { coverage } from '../../src/tools.js';

const rules = (condition: string) =>
  loadRulesetOrThrow(
    `format: 1
id: share-parameter
version: "1"
title: { vi: "Thử", en: "Test" }
effective: { from: "2025-01-01", to: "2026-12-31" }
context: {}
facts:
  households: { type: integer, min: 0, unit: { vi: "hộ", en: "households" }, label: { vi: "Tổng số hộ", en: "Households" } }
  poor: { type: integer, min: 0, part_of: households, unit: { vi: "hộ", en: "households" }, label: { vi: "Số hộ nghèo", en: "Poor households" } }
parameters:
  poverty_max:
    label: { vi: "Tỷ lệ hộ nghèo tối đa", en: "Poverty ceiling" }
    by: [year]
    values:
      - { year: 2025, value: 5 }
      - { year: 2026, value: 4 }
groups:
  - id: "1"
    title: { vi: "Tiêu chuẩn 1", en: "Standard 1" }
    criteria:
      - id: "1.1"
        text: { vi: "Tỷ lệ hộ nghèo không quá mức quy định", en: "Poverty at most the ceiling" }
        condition: "${condition}"
recognition:
  group_requirement: { at_least_percent: 100 }
`,
    { file: 'ruleset.yaml' },
  );

const schema = (name: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../../../schemas/${name}`, import.meta.url)), 'utf8')) as object;
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validGap = ajv.compile(schema('gap.schema.json'));
const validDiff = ajv.compile(schema('diff.schema.json'));

const AREA: Assessment = {
  area: { name: 'A', date: '2026-03-01' },
  context: {},
  facts: { households: 2500, poor: 150 },
};

describe('a share compared with a parameter table, written as an expression', () => {
  const r = rules('households > 0 and poverty_max >= percent(poor, households, 0)');

  it('is a threshold of the percent function, its value the parameter’s name', () => {
    expect(r.criteria[0]?.condition?.thresholds).toEqual([
      { kind: 'compare', fact: 'households', op: '>', value: 0 },
      { kind: 'percent', part: 'poor', whole: 'households', op: '<=', value: 'poverty_max', ifWholeZero: 'pass' },
    ]);
  });

  it('the gap analysis has its threshold line, by the parameter’s label, in vi and en', () => {
    const gap = gapAnalysis(r.evaluate(AREA), r);
    // The JSON forms say what such a threshold is: its value a parameter's name.
    expect(validGap(JSON.parse(JSON.stringify(gap)))).toBe(true);
    // … and the parameter's value for this unit: the cell of 2026, the year of its date.
    expect(gap.standards[0]?.candidates[0]?.parameters).toEqual({ poverty_max: 4 });
    expect(explainGap(gap, r, { lang: 'en' })).toContain(
      'Threshold: Households > 0 households; Poor households / Households ≤ Poverty ceiling (4%)',
    );
    expect(explainGap(gap, r, { lang: 'vi' })).toContain(
      'Ngưỡng: Tổng số hộ > 0 hộ; Số hộ nghèo / Tổng số hộ ≤ Tỷ lệ hộ nghèo tối đa (4%)',
    );
  });

  it('a unit whose date has no cell gets the parameter’s label alone, never a guessed number', () => {
    const late = { ...AREA, area: { name: 'A', date: '2027-02-01' } };
    const gap = gapAnalysis(r.evaluate(late), r);
    expect(validGap(JSON.parse(JSON.stringify(gap)))).toBe(true);
    expect(gap.standards[0]?.candidates[0]?.parameters).toBeUndefined();
    const text = explainGap(gap, r, { lang: 'en' });
    expect(text).toContain('Poor households / Households ≤ Poverty ceiling');
    expect(text).not.toContain('Poverty ceiling (');
  });

  it('a fact compared with a parameter prints the value for this unit in the parameter’s unit, in vi and en', () => {
    const t = loadRulesetOrThrow(
      `format: 1
id: income-parameter
version: "1"
title: { vi: "Thử", en: "Test" }
effective: { from: "2025-01-01", to: "2026-12-31" }
context:
  area_type:
    type: enum
    label: { vi: "Loại địa bàn", en: "Area type" }
    values:
      - { id: urban, label: { vi: "Thành thị", en: "Urban" } }
      - { id: rural, label: { vi: "Nông thôn", en: "Rural" } }
facts:
  income: { type: number, min: 0, unit: { vi: "triệu đồng", en: "million VND" }, label: { vi: "Thu nhập bình quân", en: "Average income" } }
parameters:
  income_min:
    label: { vi: "Thu nhập tối thiểu", en: "Minimum income" }
    unit: { vi: "triệu đồng/người/năm", en: "million VND per person a year" }
    by: [area_type]
    values:
      - { area_type: urban, value: 58.5 }
      - { area_type: rural, value: 45 }
groups:
  - id: "1"
    title: { vi: "Tiêu chuẩn 1", en: "Standard 1" }
    criteria:
      - id: "1.1"
        text: { vi: "Thu nhập đạt mức tối thiểu", en: "Income at least the minimum" }
        condition: { fact: income, at_least: income_min }
recognition:
  group_requirement: { at_least_percent: 100 }
`,
      { file: 'ruleset.yaml' },
    );
    const unit = (area_type: string): Assessment => ({
      area: { name: 'B', date: '2026-03-01' },
      context: { area_type },
      facts: { income: 40 },
    });
    const urban = gapAnalysis(t.evaluate(unit('urban')), t);
    expect(urban.standards[0]?.candidates[0]?.parameters).toEqual({ income_min: 58.5 });
    expect(explainGap(urban, t, { lang: 'en' })).toContain(
      'Threshold: Average income ≥ Minimum income (58.5 million VND per person a year)',
    );
    expect(explainGap(urban, t, { lang: 'vi' })).toContain(
      'Ngưỡng: Thu nhập bình quân ≥ Thu nhập tối thiểu (58,5 triệu đồng/người/năm)',
    );
    const rural = gapAnalysis(t.evaluate(unit('rural')), t);
    expect(validGap(JSON.parse(JSON.stringify(rural)))).toBe(true);
    expect(explainGap(rural, t, { lang: 'en' })).toContain('≥ Minimum income (45 million VND per person a year)');
  });

  it('the report shows the share against the value in force for the unit (the condition is no bare comparison)', () => {
    expect(explainText(r.evaluate(AREA), r, { lang: 'en' })).toContain(
      'Share of "Poor households" in "Households": 6.00% → needs ≤ 4%',
    );
    expect(explainText(r.evaluate({ ...AREA, area: { name: 'A', date: '2025-06-01' } }), r, { lang: 'vi' })).toContain(
      'Tỷ lệ "Số hộ nghèo" trên "Tổng số hộ": 6,00% → cần ≤ 5%',
    );
  });

  it('the diff words a number replaced by the parameter as a threshold change, in vi and en', () => {
    const before = rules('households > 0 and percent(poor, households, 0) <= 5');
    const after = rules('households > 0 and percent(poor, households, 0) <= poverty_max');
    const diff = diffRulesets(before, after);
    expect(validDiff(JSON.parse(JSON.stringify(diff)))).toBe(true);
    expect(diff.criteria.changed[0]?.changes).toEqual([
      {
        kind: 'condition',
        change: {
          kind: 'thresholds',
          changes: [
            {
              before: { kind: 'percent', part: 'poor', whole: 'households', op: '<=', value: 5, if_whole_zero: 'pass' },
              after: {
                kind: 'percent',
                part: 'poor',
                whole: 'households',
                op: '<=',
                value: 'poverty_max',
                if_whole_zero: 'pass',
              },
            },
          ],
        },
      },
    ]);
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    expect(flat(renderDiff(diff, { before, after }, { lang: 'en' }))).toContain(
      'Threshold: ≤ 5% → ≤ Poverty ceiling (poverty_max) (ratio of "Poor households" to "Households")',
    );
    expect(flat(renderDiff(diff, { before, after }, { lang: 'vi' }))).toContain(
      'Ngưỡng: ≤ 5% → ≤ Tỷ lệ hộ nghèo tối đa (poverty_max) (tỷ lệ "Số hộ nghèo" trên "Tổng số hộ")',
    );
  });

  it('coverage asks for each cell’s boundary, never for the parameter’s name as a threshold of its own', () => {
    const shares = coverage(r, [])
      .thresholds.map((t) => t.text)
      .filter((text) => text.startsWith('poor'));
    expect(shares).toEqual([
      'poor / households ≤ 5% (poverty_max[year=2025])',
      'poor / households ≤ 4% (poverty_max[year=2026])',
    ]);
  });

  it('an empty whole whose outcome the cells do not agree on leaves if_whole_zero out', () => {
    const t = rules('percent(poor, households, 4.5) <= poverty_max').criteria[0]?.condition?.thresholds[0];
    expect(t).toEqual({ kind: 'percent', part: 'poor', whole: 'households', op: '<=', value: 'poverty_max' });
  });
});
