/**
 * The gap report's "Threshold" lines are read by policy staff, not rule authors: facts and
 * derived quantities by their labels, a structured condition's parameter by its label and its value
 * for the unit, a number
 * with its unit ("≥ 5 km", but "≥ 45%": a percent sign follows the number without a space).
 * A small scheme written here (nothing Lai Châu-specific).
 */
import { describe, expect, it } from 'vitest';
import { explainGap, gapAnalysis } from '../../src/explain/index.js';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';

const RULES = `
format: 1
id: green-hamlets
version: "1"
title: { vi: "Thôn xanh", en: "Green hamlets" }
context: {}
facts:
  forest_pct: { type: number, min: 0, max: 100, unit: { vi: "%", en: "%" }, label: { vi: "Tỷ lệ che phủ rừng", en: "Forest cover" } }
  road_km: { type: number, min: 0, unit: { vi: "km", en: "km" }, label: { vi: "Đường bê tông", en: "Concrete road" } }
  lit_homes: { type: integer, min: 0, part_of: homes, label: { vi: "Số nhà có đèn", en: "Homes with lights" } }
  homes: { type: integer, min: 0, label: { vi: "Tổng số nhà", en: "Homes" } }
  income: { type: integer, min: 0, label: { vi: "Tổng thu nhập", en: "Total income" } }
  people: { type: integer, min: 0, label: { vi: "Số người", en: "People" } }
parameters:
  income_floor: { value: 40, label: { vi: "Mức thu nhập tối thiểu", en: "Income floor" } }
derived:
  income_each:
    label: { vi: "Thu nhập bình quân", en: "Income per person" }
    value: "income / people"
    if_zero: unknown
    decimals: 1
groups:
  - id: "1"
    title: { vi: "Nhóm 1", en: "Group 1" }
    criteria:
      - id: "1.1"
        text: { vi: "Che phủ rừng từ 45%", en: "Forest cover 45% or more" }
        condition: { fact: forest_pct, at_least: 45 }
      - id: "1.2"
        text: { vi: "Đường bê tông từ 5 km", en: "5 km of concrete road or more" }
        condition: { fact: road_km, at_least: 5 }
      - id: "1.3"
        text: { vi: "Từ 90% số nhà có đèn", en: "90% of homes lit or more" }
        condition: "percent(lit_homes, homes, 100) >= 90"
      - id: "1.4"
        text: { vi: "Thu nhập bình quân không thấp hơn mức tối thiểu", en: "Income per person at the floor or above" }
        condition: { fact: income_each, at_least: income_floor }
recognition:
  group_requirement: { at_least_percent: 100 }
`;

const rules = loadRulesetOrThrow(RULES, { file: 'green-hamlets.yaml' });

function thresholdLines(lang: 'vi' | 'en'): string[] {
  const result = rules.evaluate({
    context: {},
    facts: { forest_pct: 30, road_km: 2, lit_homes: 50, homes: 100, income: 3000, people: 100 },
  });
  expect(result.decision).toBe('not_recognised');
  const text = explainGap(gapAnalysis(result, rules), rules, { lang });
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith(lang === 'vi' ? 'Ngưỡng:' : 'Threshold:'))
    .sort(); // the report orders criteria by how near they are; the words are what is checked here
}

describe('the gap report words its thresholds for people', () => {
  it('labels, parameter labels and units, in Vietnamese', () => {
    expect(thresholdLines('vi')).toEqual(
      [
        'Ngưỡng: Tỷ lệ che phủ rừng ≥ 45%',
        'Ngưỡng: Đường bê tông ≥ 5 km',
        'Ngưỡng: Số nhà có đèn / Tổng số nhà ≥ 90%',
        'Ngưỡng: Thu nhập bình quân ≥ Mức thu nhập tối thiểu (40)',
      ].sort(),
    );
  });

  it('and in English, with no fact id left', () => {
    const lines = thresholdLines('en');
    expect(lines).toEqual(
      [
        'Threshold: Forest cover ≥ 45%',
        'Threshold: Concrete road ≥ 5 km',
        'Threshold: Homes with lights / Homes ≥ 90%',
        'Threshold: Income per person ≥ Income floor (40)',
      ].sort(),
    );
    for (const id of ['forest_pct', 'road_km', 'lit_homes', 'income_each', 'income_floor'])
      expect(lines.join('\n')).not.toContain(id);
  });
});
