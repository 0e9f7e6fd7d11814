/**
 * The diff of the two other bundled schemes, each changed in one way at a time: points (fixed,
 * per variant, a step table's band and cap, a best_of option), levels (a level's total, its
 * mandatory criteria, its count requirements, its label), from_level, the recognition rule's
 * count requirements, derived quantities and dated table cells; then whose level changes. Every
 * diff is checked against schemas/diff.schema.json, and its report read in both languages.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '../../../src/compile/compiled-ruleset.js';
import { loadRulesetOrThrow } from '../../../src/load-ruleset.js';
import { readAssessment } from '../../../src/read-assessment.js';
import {
  compareDecision,
  diffRulesets,
  renderDiff,
  summariseDecisions,
  type CriterionChange,
  type RulesetDiff,
} from '../../../src/explain/diff/index.js';
import { newRules, oldRules, ROOT } from './fixtures.js';

const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(JSON.parse(readFileSync(`${ROOT}schemas/diff.schema.json`, 'utf8')) as object);

const GREEN = readFileSync(`${ROOT}rules/green-building-illustrative/ruleset.yaml`, 'utf8');
const NTM = readFileSync(`${ROOT}rules/ntm-commune-2021-2025/ruleset.yaml`, 'utf8');
const green = loadRulesetOrThrow(GREEN, { file: 'green.yaml' });
const ntm = loadRulesetOrThrow(NTM, { file: 'ntm.yaml' });

/** `text` with each `[from, to]` replaced; every `from` must occur exactly once. */
function edited(text: string, ...replacements: readonly (readonly [string, string])[]): CompiledRuleset {
  let out = text;
  for (const [from, to] of replacements) {
    expect(out.split(from).length - 1, `occurrences of ${JSON.stringify(from.slice(0, 60))}`).toBe(1);
    out = out.replace(from, to);
  }
  return loadRulesetOrThrow(out, { file: 'changed.yaml' });
}

function diffOf(before: CompiledRuleset, after: CompiledRuleset): RulesetDiff {
  const diff = diffRulesets(before, after);
  const json: unknown = JSON.parse(JSON.stringify(diff));
  expect(validate(json) ? [] : validate.errors).toEqual([]);
  return diff;
}

function changesOf(diff: RulesetDiff, id: string, list: 'criteria' | 'disqualifiers' = 'criteria'): CriterionChange[] {
  const found = diff[list].changed.find((c) => c.id === id);
  expect(found, `${id} is listed as changed`).toBeDefined();
  return [...(found?.changes ?? [])];
}

function report(diff: RulesetDiff, before: CompiledRuleset, after: CompiledRuleset, lang: 'vi' | 'en', md = false) {
  // One line per change whatever the wrapping width.
  return renderDiff(diff, { before, after }, { lang, ...(md ? { format: 'md' as const } : {}) }).replace(/\s+/g, ' ');
}

describe('a scheme compared with itself', () => {
  it.each([
    ['Lai Châu', oldRules],
    ['green building', green],
    ['new-rural communes', ntm],
  ])('%s: identical, no level, points or derived change', (_name, rules) => {
    const diff = diffOf(rules, rules);
    expect(diff.identical).toBe(true);
    expect(diff.levels).toEqual({ added: [], removed: [], order: null, changed: [] });
    expect(diff.derived).toEqual({ added: [], removed: [], changed: [] });
  });

  it('Lai Châu 2020–2025 → 2026–2030 draft: no levels or derived quantities to report', () => {
    const diff = diffOf(oldRules, newRules);
    expect(diff.levels.changed).toEqual([]);
    expect(report(diff, oldRules, newRules, 'vi')).not.toContain('CÁC MỨC CÔNG NHẬN');
  });
});

describe('points (green building)', () => {
  const after = edited(
    GREEN,
    [
      'text: { en: "Integrative process" }\n        points: 1 # ILLUSTRATIVE',
      'text: { en: "Integrative process" }\n        points: 2',
    ],
    ['- { at_least: 144, points: 3 }', '- { at_least: 144, points: 4 }'],
    ['- { at_least: 360, points: 5 }', '- { at_least: 300, points: 5 }'],
    ['cap: 4 # ILLUSTRATIVE: only 4 of the 6 count', 'cap: 3'],
    [
      '{ condition: { fact: brownfield_remediated, is: true }, points: 2 }',
      '{ condition: { fact: brownfield_remediated, is: true }, points: 3 }',
    ],
    [
      'condition: { fact: energy_cost_saving_pct, at_least: 5 } # ILLUSTRATIVE',
      'condition: { fact: energy_cost_saving_pct, at_least: 5 }\n            points: 1',
    ],
  );
  const diff = diffOf(green, after);

  it('fixed points per criterion keep the `points` change', () => {
    expect(changesOf(diff, 'IPc1')).toEqual([{ kind: 'points', before: 1, after: 2 }]);
  });

  it('a step table: the band whose points moved, the band whose threshold moved', () => {
    const [change] = changesOf(diff, 'LTc5');
    expect(change?.kind).toBe('points_rule');
    expect(change?.kind === 'points_rule' && change.parts).toEqual([
      { part: 'band', at_least: 144, before: 3, after: 4 },
      { part: 'band', at_least: 300, before: null, after: 5 },
      { part: 'band', at_least: 360, before: 5, after: null },
    ]);
  });

  it('a cap, and a best_of option', () => {
    expect(changesOf(diff, 'RPc1')).toMatchObject([
      { kind: 'points_rule', parts: [{ part: 'cap', before: 4, after: 3 }] },
    ]);
    const [option] = changesOf(diff, 'LTc2');
    expect(option?.kind === 'points_rule' && option.parts).toEqual([
      {
        part: 'option',
        index: 3,
        before: { condition: 'brownfield_remediated == true', points: 2, steps: null, cap: null },
        after: { condition: 'brownfield_remediated == true', points: 3, steps: null, cap: null },
      },
    ]);
  });

  it("a variant's own points", () => {
    expect(changesOf(diff, 'EAp2')).toEqual([
      {
        kind: 'variant_changed',
        id: 'new_construction',
        changes: [{ kind: 'points', before: null, after: { kind: 'fixed', points: 1 }, parts: [] }],
      },
    ]);
  });

  it('the report words each change (English; the file is English-only)', () => {
    const text = report(diff, green, after, 'en');
    expect(text).toContain('IPc1 - Points: 1 → 2');
    expect(text).toContain('Step ≥ 144: 3 → 4 points');
    expect(text).toContain('New step ≥ 300: 5 points');
    expect(text).toContain('Step ≥ 360 removed (was 5 points)');
    expect(text).toContain('Cap: 4 → 3');
    expect(text).toContain(
      'Option 3: 2 points if brownfield_remediated == true → 3 points if brownfield_remediated == true',
    );
    expect(text).toContain("Points of the variant: the criterion's → 1 point");
    const md = report(diff, green, after, 'en', true);
    expect(md).toContain('- Points: - Cap: 4 → 3');
  });
});

describe('levels (green building)', () => {
  const after = edited(
    GREEN,
    [
      'label: { en: "Gold" }\n    total_requirement: { at_least_points: 60 }',
      'label: { en: "Gold" }\n    total_requirement: { at_least_points: 62 }',
    ],
    [
      'label: { en: "Silver" }\n    total_requirement: { at_least_points: 50 }',
      'label: { en: "Silver" }\n    total_requirement: { at_least_points: 50 }\n    mandatory: ["IPc1"]\n    requirements: [{ at_least_count: 1, of: ["LTc1", "LTc6"] }]',
    ],
    [
      'label: { en: "Platinum" }\n    total_requirement: { at_least_points: 80 }',
      'label: { en: "Platinum plus" }\n    total_requirement: { at_least_points: 100 }',
    ],
  );
  const diff = diffOf(green, after);

  it("each level's own changes", () => {
    expect(diff.levels.added).toEqual([]);
    expect(diff.levels.order).toBeNull();
    expect(diff.levels.changed.map((c) => c.id)).toEqual(['silver', 'gold', 'platinum']);
    expect(diff.levels.changed[0]?.changes).toEqual([
      { kind: 'requirement_added', requirement: { requirement: { at_least_count: 1 }, of: ['LTc1', 'LTc6'] } },
      { kind: 'mandatory_added', id: 'IPc1' },
    ]);
    expect(diff.levels.changed[1]?.changes).toEqual([
      { kind: 'total_requirement', before: { at_least_points: 60 }, after: { at_least_points: 62 } },
    ]);
    expect(diff.levels.changed[2]?.changes.map((c) => c.kind)).toEqual(['label', 'total_requirement']);
  });

  it('the report', () => {
    const text = report(diff, green, after, 'en');
    expect(text).toContain('Recognition rule: 0 changes. Levels: 0 added, 0 removed, 3 changed.');
    expect(text).toContain('RECOGNITION LEVELS');
    expect(text).toContain('Level Gold (gold)');
    expect(text).toContain('Over all standards: at least 60 points → at least 62 points');
    expect(text).toContain('Criterion IPc1 must pass at this level and above');
    expect(text).toContain('New requirement on the criteria LTc1, LTc6: at least 1 criterion passes');
  });

  it('whose level changes: the platinum project is gold under the new rules, still recognised', () => {
    const text = readFileSync(`${ROOT}rules/green-building-illustrative/tests/bases/platinum-project.yaml`, 'utf8');
    const assessment = readAssessment(text, 'platinum-project.yaml', green).value;
    expect(assessment).toBeDefined();
    if (assessment === undefined) return;
    const compared = compareDecision(green, after, assessment, { file: 'platinum-project.yaml' });
    const area = compared.value;
    expect(area).toMatchObject({
      before: 'recognised',
      after: 'recognised',
      changed: true,
      cause: 'rules',
      level: { before: { reached: 'platinum', possible: 'platinum' }, after: { reached: 'gold', possible: 'gold' } },
    });
    const impact = summariseDecisions(area === undefined ? [] : [area]);
    expect(impact.changed).toBe(1);
    expect(validate(JSON.parse(JSON.stringify({ ...diff, impact }))) ? [] : validate.errors).toEqual([]);
    const en = renderDiff(diff, { before: green, after }, { lang: 'en', impact });
    expect(en).toContain('1 changes decision or level');
    // Only the level moved: the decision is said once, as unchanged (not 'RECOGNISED → RECOGNISED').
    expect(en).toContain('Decision: RECOGNISED (unchanged)');
    expect(en).not.toContain('RECOGNISED → RECOGNISED');
    expect(en).toContain('level: Platinum → Gold');
  });
});

describe('a threshold that names a parameter (new-rural communes)', () => {
  it('is worded with the parameter’s label and name', () => {
    const after = edited(NTM, [
      'condition: { fact: income_per_person, at_least: min_income }',
      'condition: { fact: income_per_person, at_least: 50 }',
    ]);
    const diff = diffOf(ntm, after);
    expect(changesOf(diff, '10')).toMatchObject([{ kind: 'condition', change: { kind: 'thresholds' } }]);
    expect(report(diff, ntm, after, 'vi')).toContain(
      '"Thu nhập bình quân đầu người": ≥ Thu nhập bình quân đầu người tối thiểu (xã đạt chuẩn) (min_income) triệu đồng/người/năm → ≥ 50 triệu đồng/người/năm',
    );
  });
});

describe('tiers, tables and derived quantities (new-rural communes)', () => {
  const after = edited(
    NTM,
    [
      '- { region: tay_nguyen, from: "2024-01-01", value: 50.5 }',
      '- { region: tay_nguyen, from: "2024-01-01", value: 51.5 }',
    ],
    ['if_zero: 0\n    decimals: 1', 'if_zero: unknown\n    decimals: 2'],
    ['- id: "NC2"\n        from_level: nang_cao', '- id: "NC2"\n        from_level: kieu_mau'],
    ['- id: "D2"\n    from_level: nang_cao', '- id: "D2"\n    from_level: kieu_mau'],
    [
      'condition: "income_per_person * 10 >= min_income * 12"',
      'condition: "income_per_person * 10 >= min_income * 20"',
    ],
    [
      '  group_requirement: { at_least_percent: 100 }\n  disqualifiers: block',
      '  group_requirement: { at_least_percent: 100 }\n  disqualifiers: block\n  requirements: [{ at_least_count: 2, of: ["1", "2", "3"] }]',
    ],
  );
  const diff = diffOf(ntm, after);

  it('one dated cell of the region × year table', () => {
    expect(diff.parameters.changed).toEqual([
      {
        id: 'min_income[region=tay_nguyen, from=2024-01-01]',
        changes: [{ field: 'value', before: 50.5, after: 51.5 }],
      },
    ]);
  });

  it('the derived quantity: if_zero and decimals', () => {
    expect(diff.derived.changed).toEqual([
      {
        id: 'income_per_person',
        changes: [
          { field: 'if_zero', before: 0, after: 'unknown' },
          { field: 'decimals', before: 1, after: 2 },
        ],
      },
    ]);
  });

  it('from_level of a criterion and of a disqualifier; a count requirement of the recognition rule', () => {
    expect(changesOf(diff, 'NC2')).toEqual([{ kind: 'from_level', before: 'nang_cao', after: 'kieu_mau' }]);
    expect(changesOf(diff, 'D2', 'disqualifiers')).toEqual([
      { kind: 'from_level', before: 'nang_cao', after: 'kieu_mau' },
    ]);
    expect(diff.recognition).toContainEqual({
      kind: 'requirement_added',
      requirement: { requirement: { at_least_count: 2 }, of: ['1', '2', '3'] },
    });
  });

  it('the Vietnamese report', () => {
    const text = report(diff, ntm, after, 'vi');
    expect(text).toContain('Tính từ mức: Nông thôn mới nâng cao → Nông thôn mới kiểu mẫu');
    expect(text).toContain('min_income[region=tay_nguyen, from=2024-01-01]');
    expect(text).toContain('Giá trị: 50,5 → 51,5');
    expect(text).toContain('ĐẠI LƯỢNG TÍNH TOÁN');
    expect(text).toContain('Khi chia cho 0: 0 → unknown');
    expect(text).toContain('Thêm yêu cầu với các tiêu chí 1, 2, 3: đạt ít nhất 2 tiêu chí');
  });

  it('whose level changes: kiểu mẫu → nâng cao in 2024', () => {
    const text = readFileSync(`${ROOT}rules/ntm-commune-2021-2025/tests/bases/kieu-mau.yaml`, 'utf8').replace(
      'area: { code: "X-01", name: "Xã Minh Họa", unit: "Huyện Minh Họa" }',
      'area: { code: "X-01", name: "Xã Minh Họa", unit: "Huyện Minh Họa", date: "2024-06-30" }',
    );
    const assessment = readAssessment(text, 'kieu-mau.yaml', ntm).value;
    expect(assessment).toBeDefined();
    if (assessment === undefined) return;
    const area = compareDecision(ntm, after, assessment, { file: 'kieu-mau.yaml' }).value;
    expect(area?.level).toEqual({
      before: { reached: 'kieu_mau', possible: 'kieu_mau' },
      after: { reached: 'nang_cao', possible: 'nang_cao' },
    });
    expect(area?.criteria).toContainEqual({ id: 'KM10', before: 'pass', after: 'fail' });
    const vi = renderDiff(diff, { before: ntm, after }, { lang: 'vi', impact: summariseDecisions(area ? [area] : []) });
    expect(vi).toContain('mức: Nông thôn mới kiểu mẫu → Nông thôn mới nâng cao');
    expect(vi).toContain('tiêu chí KM10: đạt → không đạt');
    expect(vi).toMatch(/Kết luận: \S+.* \(không đổi\)/);
  });
});

describe('table cells added and removed', () => {
  const after = edited(NTM, [
    '- { region: tay_nguyen, from: "2024-01-01", value: 50.5 }',
    '- { region: tay_nguyen, from: "2024-01-01", value: 50.5 }\n      - { region: tay_nguyen, from: "2025-07-01", value: 52.5 }',
  ]);
  const diff = diffOf(ntm, after);

  it('carry their value, which the reports print', () => {
    expect(diff.parameters.added).toEqual([
      expect.objectContaining({ id: 'min_income[region=tay_nguyen, from=2025-07-01]', value: 52.5 }),
    ]);
    expect(diffOf(after, ntm).parameters.removed).toEqual([
      expect.objectContaining({ id: 'min_income[region=tay_nguyen, from=2025-07-01]', value: 52.5 }),
    ]);
    expect(report(diff, ntm, after, 'vi')).toContain('min_income[region=tay_nguyen, from=2025-07-01] = 52,5)');
    expect(report(diff, ntm, after, 'en')).toContain('min_income[region=tay_nguyen, from=2025-07-01] = 52.5)');
  });
});
