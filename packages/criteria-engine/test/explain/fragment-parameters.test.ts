/**
 * A constant parameter declared in an included fragment is a parameter like one of the rule file:
 * the compiled ruleset lists it, and the gap analysis (its label and value), the official table
 * (its line and the parameters section), the diff (a changed value, its label) and the static
 * checks (the constant as a threshold) read it. Each was reading `document.parameters`, the rule
 * file's alone.
 */
import { describe, expect, it } from 'vitest';
import { checkRuleset } from '../../src/analyze/index.js';
import type { Assessment } from '../../src/evaluate/assessment.js';
import { diffRulesets, renderDiff } from '../../src/explain/diff/index.js';
import { explainGap } from '../../src/explain/explain-gap.js';
import { gapAnalysis } from '../../src/explain/gap.js';
import { officialTable } from '../../src/explain/table/index.js';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';

const fragment = (min: number) => `format: 1
kind: fragment
id: shared
title: { vi: "Chung", en: "Shared" }
facts:
  cameras: { type: integer, min: 0, max: 10, unit: { vi: "camera", en: "cameras" }, label: { vi: "Số camera", en: "Cameras" } }
parameters:
  min_cameras:
    value: ${min}
    label: { vi: "Số camera tối thiểu", en: "Fewest cameras" }
    unit: { vi: "camera", en: "cameras" }
`;

const MAIN = `format: 1
id: fragment-parameters
version: "1"
title: { vi: "Thử", en: "Test" }
include: ["shared.yaml"]
context: {}
facts:
  plan: { type: boolean, label: { vi: "Có kế hoạch", en: "Plan" } }
groups:
  - id: "1"
    title: { vi: "Tiêu chuẩn 1", en: "Standard 1" }
    criteria:
      - id: "1.1"
        text: { vi: "Kế hoạch", en: "Plan" }
        condition: { fact: plan, is: true }
      - id: "1.2"
        text: { vi: "Đủ camera", en: "Enough cameras" }
        condition: { fact: cameras, at_least: min_cameras }
recognition:
  group_requirement: { at_least_percent: 100 }
`;

const load = (min: number) =>
  loadRulesetOrThrow(MAIN, { file: 'ruleset.yaml', readInclude: () => ({ file: 'shared.yaml', text: fragment(min) }) });

const assessment = (cameras: number): Assessment => ({
  area: { name: 'A' },
  context: {},
  facts: { plan: true, cameras },
});

describe('a constant parameter of an included fragment', () => {
  it('is among the compiled ruleset’s parameters (the document holds the rule file’s alone)', () => {
    const rules = load(4);
    expect(rules.document.parameters).toBeUndefined();
    expect(rules.parameters['min_cameras']?.value).toBe(4);
  });

  it('the gap analysis names it by its label and reaches its value', () => {
    const rules = load(4);
    const gap = gapAnalysis(rules.evaluate(assessment(2)), rules);
    const text = explainGap(gap, rules, { lang: 'en' });
    expect(text).toContain('Threshold: Cameras ≥ Fewest cameras');
    expect(text).not.toContain('min_cameras');
    expect(text).toContain('Cameras: 2 → 4');
    expect(explainGap(gap, rules, { lang: 'vi' })).toContain('Số camera ≥ Số camera tối thiểu');
  });

  it('the official table prints it beside its criterion and in the parameters section', () => {
    const table = officialTable(load(4), { lang: 'en' });
    expect(table.rows.find((r) => r.number === '1.2')?.lines).toContain('Fewest cameras (min_cameras): 4 cameras');
    expect(table.parameters.flatMap((p) => p.rows)).toEqual([['Fewest cameras (min_cameras)', '4 cameras']]);
  });

  it('the diff sees its value change, and names it by its label', () => {
    const before = load(4);
    const after = load(5);
    const diff = diffRulesets(before, after);
    expect(diff.parameters.changed).toEqual([
      { id: 'min_cameras', changes: [{ field: 'value', before: 4, after: 5 }] },
    ]);
    expect(diff.identical).toBe(false);
    expect(renderDiff(diff, { before, after }, { lang: 'en' })).toContain('Fewest cameras');
  });

  it('the static checks read it as the constant it is', () => {
    // cameras ≤ 10: a threshold of 12 can never be met; one of 4 can.
    const codes = (min: number) => checkRuleset(load(min)).diagnostics.map((d) => d.code);
    expect(codes(12)).toEqual(['criterion_never_passes', 'requirement_unreachable']);
    expect(codes(4)).toEqual([]);
  });
});
