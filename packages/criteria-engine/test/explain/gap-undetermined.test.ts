/**
 * The words of the gap analysis for an undetermined result: they say what is still missing and
 * what it would decide, never "one way to be recognised" (issue 17). A small scheme written here
 * (nothing Lai Châu-specific) has a criterion the analysis cannot work backwards (`min`), so a
 * plan can leave the result undetermined.
 */
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/evaluate/assessment.js';
import { explainGap, gapAnalysis } from '../../src/explain/index.js';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';

const RULES = `
format: 1
id: clean-streets
version: "1"
title: { vi: "Phố sạch", en: "Clean streets" }
context: {}
facts:
  bins: { type: integer, min: 0, label: { vi: "Số thùng rác", en: "Bins" } }
  sweeps_north: { type: integer, min: 0, label: { vi: "Số lần quét phía bắc", en: "Sweeps north" } }
  sweeps_south: { type: integer, min: 0, label: { vi: "Số lần quét phía nam", en: "Sweeps south" } }
groups:
  - id: "1"
    title: { vi: "Tiêu chuẩn vệ sinh", en: "Cleanliness" }
    requirement: { at_least_count: 2 }
    criteria:
      - id: "1.1"
        text: { vi: "Ít nhất 3 thùng rác", en: "At least 3 bins" }
        condition: { fact: bins, at_least: 3 }
      - id: "1.2"
        text: { vi: "Quét cả hai phía ít nhất 2 lần", en: "Both sides swept at least twice" }
        condition: "min(sweeps_north, sweeps_south) >= 2"
recognition:
  group_requirement: { at_least_percent: 100 }
`;

const rules = loadRulesetOrThrow(RULES, { file: 'clean-streets.yaml' });
const flat = (text: string) => text.replace(/\s+/g, ' ');

function gapText(facts: Assessment['facts'], lang: 'vi' | 'en') {
  const result = rules.evaluate({ context: {}, facts });
  expect(result.decision).toBe('undetermined');
  const gap = gapAnalysis(result, rules);
  return { gap, text: flat(explainGap(gap, rules, { lang })) };
}

describe('gap analysis of an undetermined result', () => {
  it('a plan that fills missing facts but stays undetermined names what is still missing and what it decides', () => {
    const { gap, text } = gapText({}, 'vi');
    expect(gap.plan.decision).toBe('undetermined');
    expect(gap.plan.changes.map((c) => [c.fact, c.current, c.suggested])).toEqual([['bins', null, 3]]);
    expect(gap.plan.still_needed).toEqual(['sweeps_north', 'sweeps_south']);
    expect(text).toContain('CÒN THIẾU SỐ LIỆU GÌ VÀ SỐ LIỆU ĐÓ QUYẾT ĐỊNH GÌ');
    expect(text).toContain(
      'Các giá trị sau của số liệu còn thiếu (và các thay đổi) đưa đối tượng được đánh giá đến gần nhất',
    );
    expect(text).toContain('Vẫn chưa đủ căn cứ để kết luận: còn thiếu Số lần quét phía bắc; Số lần quét phía nam.');
    expect(text).toContain('Các số liệu đó sẽ quyết định: Tiêu chuẩn vệ sinh (tiêu chí 1.1, 1.2).');
    expect(text).not.toContain('Một cách để được công nhận');
    expect(text).not.toContain('kết luận vẫn là');
    const en = gapText({}, 'en').text;
    expect(en).toContain('WHAT IS STILL MISSING AND WHAT IT WOULD DECIDE');
    expect(en).toContain('Still not enough to decide: Sweeps north; Sweeps south still missing.');
    expect(en).toContain('Those facts would decide: Cleanliness (criteria 1.1, 1.2).');
    expect(en).not.toContain('One way to be recognised');
  });

  it('with no values to suggest, it says so and still names what is missing', () => {
    const { gap, text } = gapText({ bins: 4 }, 'en');
    expect(gap.plan.changes).toEqual([]);
    expect(text).toContain('No values of the missing facts were found that make the assessed unit recognised.');
    expect(text).toContain('Still not enough to decide: Sweeps north; Sweeps south still missing.');
    expect(text).toContain('Those facts would decide: Cleanliness (criteria 1.2).');
  });

  it('a plan that settles it is headed by the missing facts it needs, and ends with the decision they give', () => {
    const { gap, text } = gapText({ sweeps_north: 2, sweeps_south: 5 }, 'vi');
    expect(gap.plan.decision).toBe('recognised');
    expect(gap.plan.still_needed).toBeUndefined();
    expect(text).toContain('Nếu số liệu còn thiếu có các giá trị sau, đối tượng được đánh giá được công nhận');
    expect(text).toContain('Khi có đủ các số liệu này, kết luận là: ĐƯỢC CÔNG NHẬN');
    const en = gapText({ sweeps_north: 2, sweeps_south: 5 }, 'en').text;
    expect(en).toContain('If the missing facts have these values, the assessed unit is recognised');
    expect(en).toContain('Once these facts are known, the decision is: RECOGNISED');
  });
});
