/**
 * diffRulesets: every change planted in the illustrative 2026–2030 draft is found, and each kind
 * of change is found on a copy of the 2020–2025 rules changed in just that way. Every diff is
 * checked against schemas/diff.schema.json.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '../../../src/compile/compiled-ruleset.js';
import { diffRulesets, type CriterionChange, type RulesetDiff } from '../../../src/explain/diff/index.js';
import { changed, newRules, oldRules, ROOT } from './fixtures.js';

const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(JSON.parse(readFileSync(`${ROOT}schemas/diff.schema.json`, 'utf8')) as object);

/** The diff, after checking its JSON form against the schema. */
function diffOf(before: CompiledRuleset, after: CompiledRuleset): RulesetDiff {
  const diff = diffRulesets(before, after);
  const json: unknown = JSON.parse(JSON.stringify(diff));
  expect(validate(json) ? [] : validate.errors).toEqual([]);
  return diff;
}

function changesOf(
  diff: RulesetDiff,
  id: string,
  list: 'criteria' | 'disqualifiers' = 'criteria',
): readonly CriterionChange[] {
  const found = diff[list].changed.find((c) => c.id === id);
  expect(found, `${id} is listed as changed`).toBeDefined();
  return found?.changes ?? [];
}

describe('diffRulesets: 2020–2025 → the illustrative 2026–2030 draft', () => {
  const diff = diffOf(oldRules, newRules);

  it('names both versions and their periods', () => {
    expect(diff.identical).toBe(false);
    expect(diff.before).toMatchObject({ version: '2020-2025', effective: { from: '2020-01-01', to: '2025-12-31' } });
    expect(diff.after).toMatchObject({
      version: '2026-2030-draft',
      effective: { from: '2026-01-01', to: '2030-12-31' },
    });
    expect(diff.ruleset.map((c) => c.field)).toEqual(
      expect.arrayContaining(['version', 'title', 'effective_from', 'effective_to', 'source_document', 'source_table']),
    );
    expect(diff.ruleset).toContainEqual({ field: 'effective_from', before: '2020-01-01', after: '2026-01-01' });
  });

  it('1.3: the threshold 98% → 95% of households, and the text that says so', () => {
    const changes = changesOf(diff, '1.3');
    expect(changes).toContainEqual({
      kind: 'condition',
      change: {
        kind: 'thresholds',
        changes: [
          {
            before: {
              kind: 'percent',
              part: 'households_law_abiding',
              whole: 'households',
              op: '>=',
              value: 98,
              if_whole_zero: 'fail',
            },
            after: {
              kind: 'percent',
              part: 'households_law_abiding',
              whole: 'households',
              op: '>=',
              value: 95,
              if_whole_zero: 'fail',
            },
          },
        ],
      },
    });
    const text = changes.find((c) => c.kind === 'text');
    expect(text?.kind === 'text' && text.change.words.vi.slice(0, 2)).toEqual([
      { op: 'removed', text: '98%' },
      { op: 'added', text: '95%' },
    ]);
  });

  it('2.9 added in standard 2, 3.7 removed from standard 3, nothing renumbered', () => {
    expect(diff.criteria.added.map((c) => [c.id, c.group])).toEqual([['2.9', '2']]);
    expect(diff.criteria.removed.map((c) => [c.id, c.group])).toEqual([['3.7', '3']]);
    expect(diff.criteria.removed[0]?.text.vi).toBe('Không để xảy ra tình trạng ùn tắc giao thông.');
    expect(diff.criteria.renumbered).toEqual([]);
  });

  it('3.4 reworded word by word; its condition unchanged', () => {
    const changes = changesOf(diff, '3.4');
    const text = changes.find((c) => c.kind === 'text');
    expect(text?.kind === 'text' && text.change.words.vi).toEqual([
      { op: 'same', text: 'Tổ chức cho Nhân dân thuộc địa bàn tổ dân phố, bản duy trì vệ sinh công cộng ' },
      { op: 'removed', text: 'từ 1-2' },
      { op: 'added', text: 'ít nhất 01' },
      { op: 'same', text: ' lần/tháng.' },
    ]);
    expect(changes.some((c) => c.kind === 'condition')).toBe(false);
    expect(changes.find((c) => c.kind === 'note')).toMatchObject({ kind: 'note', change: { after: null } });
  });

  it('2.3: a bản matching no variant now fails instead of being left out', () => {
    const changes = changesOf(diff, '2.3');
    expect(changes).toContainEqual({ kind: 'no_variant', before: 'not_applicable', after: 'fail' });
    expect(changes).toContainEqual({ kind: 'not_applicable', before: 'exclude', after: null });
    expect(changes.some((c) => c.kind.startsWith('variant_'))).toBe(false);
  });

  it('the recognition rule: 4.3 is also mandatory, and the note says so', () => {
    expect(diff.recognition).toContainEqual({ kind: 'mandatory_added', id: '4.3' });
    expect(diff.recognition.some((c) => c.kind === 'mandatory_removed')).toBe(false);
    const note = diff.recognition.find((c) => c.kind === 'note');
    expect(
      note?.kind === 'note' && 'words' in note.change && note.change.words.vi.filter((w) => w.op === 'added'),
    ).toEqual([{ op: 'added', text: ' và được công nhận “khu dân cư văn hóa”' }]);
  });

  it('facts: the two of 2.9 added, the one of 3.7 removed; nothing else changed', () => {
    expect(diff.facts.added.map((f) => [f.id, f.type])).toEqual([
      ['cashless_payment_model', 'boolean'],
      ['ecommerce_selling_households', 'integer'],
    ]);
    expect(diff.facts.removed.map((f) => f.id)).toEqual(['traffic_congestion_occurred']);
    expect(diff.facts.changed).toEqual([]);
    expect(diff.context).toEqual({ added: [], removed: [], changed: [] });
    // Only the sizes of the two standards that gained or lost a criterion: 80% of 9 is 8, of 6 is 5.
    expect(diff.groups).toEqual({
      added: [],
      removed: [],
      changed: [
        {
          id: '2',
          changes: [{ kind: 'size', before: { criteria: 8, required: 7 }, after: { criteria: 9, required: 8 } }],
        },
        {
          id: '3',
          changes: [{ kind: 'size', before: { criteria: 7, required: 6 }, after: { criteria: 6, required: 5 } }],
        },
      ],
    });
    expect(diff.disqualifiers).toEqual({ added: [], removed: [], renumbered: [], changed: [] });
  });

  it('lists no other criterion as changed', () => {
    // 4.1 now uses the shared appendix's named condition (rules/shared/self-management-contents.yaml).
    expect(diff.criteria.changed.map((c) => c.id).sort()).toEqual(['1.3', '2.3', '3.4', '4.1']);
  });
});

describe('diffRulesets: one kind of change at a time', () => {
  it('a ruleset compared with itself is identical', () => {
    const diff = diffOf(oldRules, oldRules);
    expect(diff.identical).toBe(true);
    expect(diff.criteria.changed).toEqual([]);
  });

  it('an id changed with the text kept is renumbered, not added and removed', () => {
    const diff = diffOf(oldRules, changed(['      - id: "3.7"', '      - id: "3.8"']));
    expect(diff.criteria.renumbered).toEqual([{ before: '3.7', after: '3.8' }]);
    expect(diff.criteria.added).toEqual([]);
    expect(diff.criteria.removed).toEqual([]);
    expect(diff.criteria.changed).toEqual([{ id: '3.8', before_id: '3.7', changes: [] }]);
  });

  it('a criterion moved to another standard under a new number: renumbered, and the move reported', () => {
    const block = `      - id: "3.7"
        text:
          vi: "Không để xảy ra tình trạng ùn tắc giao thông."
          en: "No traffic congestion is allowed to occur."
        condition: { fact: traffic_congestion_occurred, is: false }
`;
    const after4_8 = '        condition: { fact: begging_hawking_or_touting_occurred, is: false }\n';
    const diff = diffOf(oldRules, changed([block, ''], [after4_8, after4_8 + block.replace('"3.7"', '"4.9"')]));
    expect(diff.criteria.renumbered).toEqual([{ before: '3.7', after: '4.9' }]);
    expect(diff.criteria.changed).toEqual([
      { id: '4.9', before_id: '3.7', changes: [{ kind: 'group', before: '3', after: '4' }] },
    ]);
  });

  it('a condition rewritten, not just a threshold: the canonical expressions before and after', () => {
    const diff = diffOf(
      oldRules,
      changed([
        'condition: { fact: cultural_area_recognised, is: true }',
        'condition: "cultural_area_recognised and civilised_street_registered"',
      ]),
    );
    expect(changesOf(diff, '4.3')).toEqual([
      {
        kind: 'condition',
        change: {
          kind: 'expression',
          before: 'cultural_area_recognised == true',
          after: expect.stringContaining('civilised_street_registered') as unknown as string,
        },
      },
    ]);
  });

  it('the same condition written as an expression string is no change at all', () => {
    const diff = diffOf(
      oldRules,
      changed([
        'condition: { fact: cultural_area_recognised, is: true }',
        'condition: "cultural_area_recognised == true"',
      ]),
    );
    expect(diff.identical).toBe(true);
  });

  it('an ordinal floor and an empty-whole policy are thresholds', () => {
    const diff = diffOf(
      oldRules,
      changed(
        ['at_least: hoan_thanh_tot_nhiem_vu', 'at_least: hoan_thanh_nhiem_vu'],
        ['if_whole_zero: pass   # Q4: no fixed businesses means none is unregistered.', 'if_whole_zero: fail'],
      ),
    );
    expect(changesOf(diff, '1.2')).toEqual([
      {
        kind: 'condition',
        change: {
          kind: 'thresholds',
          changes: [
            {
              before: { kind: 'compare', fact: 'party_cell_rating', op: '>=', value: 'hoan_thanh_tot_nhiem_vu' },
              after: { kind: 'compare', fact: 'party_cell_rating', op: '>=', value: 'hoan_thanh_nhiem_vu' },
            },
          ],
        },
      },
    ]);
    const c26 = changesOf(diff, '2.6')[0];
    expect(c26?.kind === 'condition' && c26.change.kind === 'thresholds' && c26.change.changes[0]).toMatchObject({
      before: { if_whole_zero: 'pass', value: 100 },
      after: { if_whole_zero: 'fail', value: 100 },
    });
  });

  it('variants: a selector changed, a condition threshold changed, one renamed (removed and added)', () => {
    const diff = diffOf(
      oldRules,
      changed(
        ['when: "parent_kind == \'xa\'"', "when: \"parent_kind == 'xa' and unit_kind == 'ban'\""],
        [
          'condition: { fact: civilised_business_streets, at_least: 1 }',
          'condition: { fact: civilised_business_streets, at_least: 2 }',
        ],
        [
          '- id: to_dan_pho\n            when: "unit_kind == \'to_dan_pho\'"',
          '- id: tdp\n            when: "unit_kind == \'to_dan_pho\'"',
        ],
      ),
    );
    expect(changesOf(diff, '2.5')).toEqual([
      {
        kind: 'variant_changed',
        id: 'xa_nong_thon_moi',
        changes: [{ kind: 'when', before: "parent_kind == 'xa'", after: "parent_kind == 'xa' and unit_kind == 'ban'" }],
      },
    ]);
    const c23 = changesOf(diff, '2.3');
    expect(c23).toContainEqual({
      kind: 'variant_added',
      variant: {
        id: 'tdp',
        when: "unit_kind == 'to_dan_pho'",
        label: { vi: 'Tổ dân phố', en: 'Urban residential group' },
        condition: expect.any(String),
        thresholds: expect.any(Array),
      },
    });
    expect(c23).toContainEqual({
      kind: 'variant_removed',
      variant: {
        id: 'to_dan_pho',
        when: "unit_kind == 'to_dan_pho'",
        label: { vi: 'Tổ dân phố', en: 'Urban residential group' },
        condition: expect.any(String),
        thresholds: expect.any(Array),
      },
    });
  });

  it('a variant added to a criterion, and the order variants are tried in', () => {
    const variant = `          - id: ban_phi_nong_nghiep
            when: "unit_kind == 'ban' and not agricultural"
            condition: { fact: typical_economic_models, at_least: 2 }
`;
    const added = diffOf(
      oldRules,
      changed(['        no_variant: not_applicable\n', `${variant}        no_variant: not_applicable\n`]),
    );
    expect(changesOf(added, '2.3')).toEqual([
      {
        kind: 'variant_added',
        variant: {
          id: 'ban_phi_nong_nghiep',
          when: "unit_kind == 'ban' and not agricultural",
          // The condition and its threshold, so the report can word it.
          condition: 'typical_economic_models >= 2',
          thresholds: [{ kind: 'compare', fact: 'typical_economic_models', op: '>=', value: 2 }],
        },
      },
    ]);
    // 2.5's variants swapped: the same two, tried in the other order.
    const xa = `          - id: xa_nong_thon_moi
            when: "parent_kind == 'xa'"
            label: { vi: "đối với bản thuộc xã xây dựng nông thôn mới", en: "villages in communes building new rural areas" }
            condition:
              all:
                - { fact: infrastructure_contributions_mobilised, is: true }
                - { fact: households_in_new_rural_campaign, is: true }
`;
    const swapped = diffOf(
      oldRules,
      changed(
        [xa, ''],
        [
          '        no_variant: fail\n',
          '        no_variant: fail\n'.replace('        no_variant', `${xa}        no_variant`),
        ],
      ),
    );
    expect(changesOf(swapped, '2.5')).toEqual([
      {
        kind: 'variant_order',
        before: ['xa_nong_thon_moi', 'phuong_van_minh_do_thi'],
        after: ['phuong_van_minh_do_thi', 'xa_nong_thon_moi'],
      },
    ]);
  });

  it('disqualifiers: a threshold changed and one added', () => {
    const d5 = `  - id: D5
    text:
      vi: "Có hộ gia đình vi phạm pháp luật về đất đai bị xử lý hình sự."
      en: "A household was prosecuted for breaking land law."
    condition: { fact: landscape_land_building_violation_occurred, is: true }
`;
    const diff = diffOf(
      oldRules,
      changed(
        [
          '      at_least: 10\n      # Q4: with zero households',
          '      at_least: 15\n      # Q4: with zero households',
        ],
        [
          '# ---------------------------------------------------------------------------------------------\n# The note under the table',
          `${d5}\n# ---------------------------------------------------------------------------------------------\n# The note under the table`,
        ],
      ),
    );
    expect(diff.disqualifiers.added.map((d) => d.id)).toEqual(['D5']);
    const d4 = changesOf(diff, 'D4', 'disqualifiers')[0];
    expect(d4?.kind === 'condition' && d4.change.kind === 'thresholds' && d4.change.changes[0]).toMatchObject({
      before: { part: 'households_violating_rules', value: 10 },
      after: { part: 'households_violating_rules', value: 15 },
    });
  });

  it('facts: type, bounds, part_of and label changes', () => {
    const diff = diffOf(
      oldRules,
      changed(
        ['  households:\n    type: integer\n    min: 0', '  households:\n    type: integer\n    min: 1\n    max: 5000'],
        ['  public_cleanups_per_month:\n    type: number', '  public_cleanups_per_month:\n    type: integer'],
        [
          '    part_of: school_age_children\n    unit: { vi: "học sinh", en: "pupils" }',
          '    unit: { vi: "học sinh", en: "pupils" }',
        ],
        [
          'label: { vi: "Bản sản xuất nông nghiệp", en: "Agricultural village" }\n    required_when',
          'label: { vi: "Bản sản xuất nông nghiệp là chính", en: "Mainly agricultural village" }\n    required_when',
        ],
      ),
    );
    const fact = (id: string) => diff.facts.changed.find((f) => f.id === id)?.changes;
    expect(fact('households')).toEqual([
      { field: 'min', before: 0, after: 1 },
      { field: 'max', before: null, after: 5000 },
    ]);
    expect(fact('public_cleanups_per_month')).toEqual([{ field: 'type', before: 'number', after: 'integer' }]);
    expect(fact('school_dropouts')).toEqual([{ field: 'part_of', before: 'school_age_children', after: null }]);
    expect(diff.context.changed).toEqual([
      {
        id: 'agricultural',
        changes: [
          {
            field: 'label',
            before: { vi: 'Bản sản xuất nông nghiệp', en: 'Agricultural village' },
            after: { vi: 'Bản sản xuất nông nghiệp là chính', en: 'Mainly agricultural village' },
          },
        ],
      },
    ]);
  });

  it('the recognition rule: the default requirement, a standard’s own, the total, the mandatory list', () => {
    const diff = diffOf(
      oldRules,
      changed(
        [
          '  group_requirement: { at_least_percent: 80 }\n  mandatory: ["4.1"]',
          '  group_requirement: { at_least_percent: 75 }\n  total_requirement: { at_least_count: 30 }\n  mandatory: ["4.3"]',
        ],
        [
          '      en: "Standard 3: Self-management of urban order, land, natural resources and the environment"\n',
          '      en: "Standard 3: Self-management of urban order, land, natural resources and the environment"\n    requirement: { at_least_count: 6 }\n',
        ],
      ),
    );
    expect(diff.recognition).toEqual(
      expect.arrayContaining([
        { kind: 'group_requirement', before: { at_least_percent: 80 }, after: { at_least_percent: 75 } },
        { kind: 'mandatory_added', id: '4.3' },
        { kind: 'mandatory_removed', id: '4.1' },
        { kind: 'total_requirement', before: null, after: { at_least_count: 30 } },
      ]),
    );
    // The default is reported once, under the recognition rule; standard 3 declares its own
    // (6 of 7, as 80% asked before: its count does not move).
    expect(diff.groups.changed.find((g) => g.id === '3')).toEqual({
      id: '3',
      changes: [{ kind: 'requirement', before: { at_least_percent: 80 }, after: { at_least_count: 6 } }],
    });
    // The others follow the default: each is listed only where 75% asks for fewer criteria than 80%.
    const others = diff.groups.changed.filter((g) => g.id !== '3');
    expect(others.length).toBeGreaterThan(0);
    for (const g of others) {
      const n = oldRules.groups.find((x) => x.id === g.id)?.criteria.length ?? -1;
      expect(g.changes).toEqual([
        {
          kind: 'size',
          before: { criteria: n, required: Math.ceil((80 * n) / 100) },
          after: { criteria: n, required: Math.ceil((75 * n) / 100) },
        },
      ]);
      expect(Math.ceil((75 * n) / 100)).toBeLessThan(Math.ceil((80 * n) / 100));
    }
  });

  it('parameters: added, and a value changed', () => {
    const withParameter = (value: number) =>
      changed([
        '\ngroups:\n',
        `\nparameters:\n  min_models: { value: ${value}, label: { vi: "Số mô hình tối thiểu", en: "Fewest models" } }\n\ngroups:\n`,
      ]);
    const one = withParameter(1);
    expect(diffOf(oldRules, one).parameters.added).toEqual([
      { id: 'min_models', type: 'number', label: { vi: 'Số mô hình tối thiểu', en: 'Fewest models' }, value: 1 },
    ]);
    expect(diffOf(one, withParameter(2)).parameters.changed).toEqual([
      { id: 'min_models', changes: [{ field: 'value', before: 1, after: 2 }] },
    ]);
  });
});
