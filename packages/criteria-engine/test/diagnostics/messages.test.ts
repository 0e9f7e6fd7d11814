import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/diagnostics/codes.js';
import type { EngineDiagnosticCode } from '../../src/diagnostics/codes.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { en } from '../../src/diagnostics/messages/en.js';
import { vi } from '../../src/diagnostics/messages/vi.js';

/** Params as the stages raise them (docs/errors.md), to render every message for real. */
const SAMPLE: Record<EngineDiagnosticCode, Diagnostic['params']> = {
  diagnostics_omitted: { count: 949, errors: 900, scope: 'file' },
  file_not_found: { path: 'rules/x.yaml' },
  file_unreadable: { path: 'rules/x.yaml', detail: 'EACCES' },
  file_outside_root: { path: '../../etc/passwd', root: 'rules/x', reason: 'outside' },
  text_encoding: { path: 'rules/x.yaml', offset: 120, byte: 'F4' },
  expr_number_inexact: { value: '99999999999999999999', max: 9007199254740991 },
  file_too_large: { path: 'rules/x.yaml', size: 5_000_000, max: 1_000_000 },
  yaml_syntax: { reason: 'MISSING_QUOTE', detail: 'Missing closing "quote' },
  yaml_indentation: { line: 497, last_line: 500, spaces: 2, column: 9 },
  yaml_tab_indentation: { spaces: 8 },
  yaml_duplicate_key: { key: 'id', first_line: 2 },
  yaml_version_directive: { version: '1.1' },
  yaml_unsupported_tag: { tag: '!!timestamp' },
  yaml_self_alias: { alias: 'note' },
  yaml_alias_limit: { max: 100 },
  yaml_depth_limit: { max: 64 },
  yaml_scalar_too_long: { length: 9_000_002, max: 65536 },
  yaml_unsafe_key: { key: '__proto__' },
  yaml_integer_too_large: { value: '9007199254740993', max: 9007199254740991 },
  input_not_an_assessment: { shape: 'table', line: 'code,name,households' },
  yaml_number_inexact: { value: '212.0000000000000001', read: '212' },
  yaml_number_not_decimal: { value: '0x10', decimal: '16' },
  yaml_nul_byte: { count: 1 },
  yaml_multiple_documents: { count: 2 },
  yaml_empty_document: {},
  yaml_cr_line_ends: {},
  yaml_control_character: { char: 'U+001B' },
  schema_required: { property: 'if_whole_zero' },
  schema_unknown_property: {
    property: 'at_leats',
    allowed: 'percent, at_least, at_most, if_whole_zero',
    suggestion: 'at_least',
  },
  schema_type: { expected: 'string', actual: 'integer' },
  schema_enum: { allowed: 'pass, fail', actual: 'passs', suggestion: 'pass' },
  schema_pattern: { pattern: '^\\d{4}-\\d{2}-\\d{2}$', example: '2020-01-01', actual: '2020-1-1' },
  schema_range: { limit: 100, comparison: '<=', actual: 120 },
  schema_size: { limit: 1, comparison: '>=', actual: 0, unit: 'items' },
  schema_shape: { shape: 'condition', expected: 'fact, percent, all, any, not', actual: 'facts', suggestion: 'fact' },
  schema_other: { keyword: 'uniqueItems', detail: 'must NOT have duplicate items' },
  text_language_missing: { language: 'en', languages: 'en' },
  text_language_undeclared: { language: 'en', languages: 'vi' },
  expr_syntax: { expected: ')', found: '' },
  expr_unknown_name: { name: 'househlds', suggestion: 'households' },
  expr_unknown_function: { name: 'avg', known: 'percent, known, min, max' },
  expr_arity: { name: 'percent(part, whole, if_zero)', expected: 3, actual: 2 },
  expr_type: { expected: 'number', actual: 'boolean', where: 'comparison' },
  expr_enum_value: { value: 'bann', of: 'unit_kind', allowed: 'to_dan_pho, ban' },
  expr_date_literal: { value: '2024-02-30' },
  expr_limit: { limit: 'maxExpressionLength', value: 2500, max: 2000 },
  duplicate_id: { kind: 'criterion', id: '1.3', first_line: 40 },
  unknown_fact: { name: 'househlds', where: 'households_ok.part_of', suggestion: 'households' },
  unknown_criterion: { id: '4.9', suggestion: '4.1' },
  unknown_group: { id: '7', groups: '1, 2, 3, 4, 5, 6' },
  unknown_level: { id: 'gold', levels: 'certified, silver', suggestion: 'silver' },
  unknown_disqualifier: { id: 'D9', disqualifiers: 'D1, D2', suggestion: 'D1' },
  mandatory_below_level: { criterion: 'EAc1', level: 'certified', from_level: 'gold' },
  points_bands_order: { value: 6, previous: 10 },
  owner_conflict: { kind: 'fact', id: 'households', owner: 'police', first: 'economy' },
  threshold_range: { value: 120, min: 0, max: 100 },
  expr_division_outside_derived: {},
  derived_if_zero_missing: { name: 'income_per_person' },
  parameter_key_unknown: { parameter: 'income_min', name: 'regoin', allowed: 'region, mountainous' },
  parameter_key_value: { parameter: 'income_min', row: 2, name: 'region', value: 'nort', allowed: 'north, south' },
  parameter_row_keys: { parameter: 'income_min', row: 3, keys: 'region', name: 'region' },
  threshold_decimals: { value: 12.255, fact: 'road_length_km', decimals: 2 },
  relation_invalid: { fact: 'a', whole: 'b', reason: 'cycle' },
  selector_not_context: { name: 'households' },
  variant_uncovered: { criterion: '2.3', context: "unit_kind = 'ban', agricultural = false", policy: 'not_applicable' },
  variant_overlap: { criterion: '2.3', first: 'a', second: 'b', context: "unit_kind = 'ban'" },
  version_mismatch: { expected: '2020-2025', actual: '2026-2030' },
  definition_cycle: { name: 'self_management_done_well' },
  include_invalid: { path: '../shared/x.yaml', reason: 'not_found' },
  build_fragment: {},
  compiled_unreadable: { reason: 'json', detail: 'Unexpected end of JSON input' },
  compiled_stale: { built_with: '0.0.9', engine: '0.1.0' },
  generated_mismatch: { reason: 'hash', found: 'sha256:0123' },
  plan_module_stale: { reason: 'engine', found: '0.0.9', expected: '0.1.0' },
  version_overlap: {
    version: '2026-2030',
    from: '2025-06-01',
    to: '2030-12-31',
    other: '2020-2025',
    other_from: '2020-01-01',
    other_to: '2025-12-31',
    other_file: 'rules/lai-chau-2020-2025/ruleset.yaml',
  },
  version_gap: { version: '2026-2030', other: '2020-2025', from: '2026-01-01', to: '2026-03-31' },
  date_invalid: { key: 'effective.to', value: '2030-31-12' },
  effective_order: { from: '2026-01-01', to: '2025-12-31' },
  text_threshold_mismatch: { criterion: '1.3', text_values: '99%', threshold: 98 },
  equals_reads_at_least: { criterion: '4.9', fact: 'digital_models', value: 1, words: 'ít nhất' },
  mandatory_not_in_note: { criterion: '6.3', mandatory: '4.1, 6.3' },
  version_duplicate: { id: 'lai-chau', version: '2020-2025', first_file: 'a/ruleset.yaml' },
  version_period_missing: { id: 'lai-chau', version: '2020-2025' },
  version_not_found: { id: 'lai-chau', wanted: '2019-05-01', available: '2020-2025 (2020-01-01 – 2025-12-31)' },
  version_year_ambiguous: {
    id: 'scheme',
    year: '2026',
    available: 'v1 (2024-01-01 – 2026-06-30), v2 (2026-07-01 – …)',
  },
  ruleset_not_in_folder: { path: 'rules', wanted: '', available: 'lai-chau-khu-dan-cu-tu-quan, ntm-commune' },
  policy_missing: { criterion: '2.1', key: 'not_applicable', allowed: 'exclude, fail' },
  criterion_never_passes: { criterion: '2.3', variant: 'to_dan_pho', condition: 'civilised_business_streets >= 12' },
  criterion_never_fails: { criterion: '2.2', condition: 'typical_economic_models >= 0' },
  disqualifier_always_applies: {
    disqualifier: 'D4',
    condition: 'percent(households_violating_rules, households, 100) >= 0',
  },
  disqualifier_never_applies: { disqualifier: 'D2', condition: 'drug_spots >= 5' },
  requirement_unreachable: {
    group: '2',
    kind: 'at_least_count',
    value: 8,
    best: 7,
    applicable: 8,
    context: 'unit_kind=ban, parent_kind=xa, agricultural=false',
  },
  mandatory_not_applicable: {
    criterion: '4.1',
    reason: 'never_applicable',
    context: 'unit_kind=to_dan_pho, parent_kind=phuong',
  },
  criterion_no_effect: { criterion: '1.4', group: '1', reason: 'disqualifier', disqualifier: 'D1' },
  threshold_conflict: {
    criterion: '1.1',
    first: 'key_titles_trained / key_titles ≥ 100%',
    other: '1.5',
    second: 'key_titles_trained ≤ 5',
    other_line: 48,
  },
  check_limit: { kind: 'criterion', id: '1.4', max: 20000, reason: 'too_many' },
  parameter_cell_missing: { parameter: 'income_min', cell: 'region=north' },
  id_numbering: { kind: 'criterion', id: 'FS3', group: 'FS', pattern: 'FSc<n>', example: 'FSc1' },
  level_points: { level: 'gold', need: 60, most: 99, per_context: 'project_type=new_construction: 98' },
  level_unreachable: {
    level: 'gold',
    reason: 'points',
    detail: '',
    need: 60,
    most: 55,
    above: 'platinum',
    context: '',
  },
  level_requirement_weaker: {
    level: 'gold',
    target: '',
    kind: 'at_least_points',
    value: 50,
    lower: 'silver',
    lower_value: 50,
  },
  level_disqualifier_redundant: { level: 'gold', disqualifier: 'D2' },
  input_shape: { expected: 'object', path: '/facts' },
  input_unknown_facts: { count: 990, section: 'facts', examples: 'a, b, c' },
  input_unknown_fact: { name: 'househlds', suggestion: 'households' },
  input_type: { name: 'households', expected: 'integer', actual: 'string' },
  input_range: { name: 'households', value: -1, min: 0 },
  input_date_out_of_range: { date: '2020-05-01', parameter: 'income_min', from: '2021-01-01' },
  input_date_outside_period: { date: '2026-03-01', from: '2020-01-01', to: '2025-12-31' },
  input_date_invalid: { date: '2024-13-45' },
  input_year_mismatch: { year: 2024, date: '2025-03-01' },
  input_decimals: { name: 'road_length_km', value: 12.255, decimals: 2 },
  input_part_exceeds_whole: { part: 'households_ok', whole: 'households', part_value: 120, whole_value: 100 },
  input_enum_value: { name: 'unit_kind', value: 'bann', allowed: 'to_dan_pho, ban' },
  input_context_missing: { name: 'agricultural' },
  input_context_rule: {
    rule: 1,
    message_vi: 'Tổ dân phố chỉ có ở phường.',
    message_en: 'Urban groups exist only in wards.',
  },
  input_identity: { field: 'unit_name', reason: 'empty' },
};

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

describe('message catalogs', () => {
  it('cover exactly the closed list of codes', () => {
    expect(Object.keys(vi).sort()).toEqual([...DIAGNOSTIC_CODES].sort());
    expect(Object.keys(en).sort()).toEqual([...DIAGNOSTIC_CODES].sort());
    expect(Object.keys(SAMPLE).sort()).toEqual([...DIAGNOSTIC_CODES].sort());
  });

  describe.each(DIAGNOSTIC_CODES)('%s', (code) => {
    it.each([
      ['with its params', SAMPLE[code]],
      ['with no params', {}],
    ])('has a message and a hint in both languages %s', (_label, params) => {
      for (const catalog of [vi, en]) {
        const { message, hint } = catalog[code](params);
        expect(message.trim()).not.toBe('');
        expect(hint.trim()).not.toBe('');
        expect(`${message} ${hint}`).not.toMatch(/undefined|\[object Object\]|NaN/);
      }
    });

    it('is really Vietnamese in vi and differs from en', () => {
      const v = vi[code](SAMPLE[code]);
      const e = en[code](SAMPLE[code]);
      expect(`${v.message} ${v.hint}`).toMatch(VIETNAMESE);
      expect(v.message).not.toBe(e.message);
    });

    it('inserts the values it is given', () => {
      const values = Object.entries(SAMPLE[code])
        .filter(
          ([key]) =>
            ![
              'reason',
              'detail',
              'unit',
              'comparison',
              'shape',
              'kind',
              'limit',
              'message_vi',
              'message_en',
              'expected',
              'actual',
              'pattern',
              'keyword',
              'where',
              'scope',
            ].includes(key),
        )
        .map(([, value]) => String(value));
      for (const catalog of [vi, en]) {
        const { message, hint } = catalog[code](SAMPLE[code]);
        for (const value of values) expect(`${message} ${hint}`).toContain(value);
      }
    });
  });

  it('explains every condition shape specifically', () => {
    for (const shape of ['condition', 'fact_comparison', 'percent_comparison', 'requirement', 'criterion_body']) {
      const a = en.schema_shape({ shape, expected: 'x', actual: 'y' }).message;
      expect(a).not.toMatch(/does not have an allowed form/);
      expect(vi.schema_shape({ shape, expected: 'x', actual: 'y' }).message).not.toMatch(/không đúng dạng cho phép/);
    }
  });

  it('says a condition needs one of the forms, in one sentence', () => {
    expect(en.schema_shape(SAMPLE.schema_shape).message).toBe(
      'A condition needs one of: fact, percent, all, any, not, or an expression string.',
    );
    expect(en.schema_shape(SAMPLE.schema_shape).hint).toMatch(/^Did you mean "fact"\?/);
  });

  it('words a syntax error of an expression in the message language, never English inside Vietnamese', () => {
    const token = { expected: 'token', found: '#' };
    expect(vi.expr_syntax(token).message).toBe(
      'Không đọc được biểu thức: cần một phép toán, một tên, một số hoặc một giá trị trong dấu nháy, nhưng gặp #.',
    );
    expect(en.expr_syntax(token).message).toBe(
      'The expression cannot be read: expected an operator, a name, a number or a quoted value, but found #.',
    );
    for (const expected of ['operator', 'operand', 'chain']) {
      expect(vi.expr_syntax({ expected, found: 'x' }).message).not.toMatch(
        /\b(such|between|value|name|write|operator)\b/,
      );
    }
    expect(vi.expr_syntax({ expected: ')', found: '' }).message).toBe(
      'Không đọc được biểu thức: cần ), nhưng gặp hết biểu thức.',
    );
    expect(en.expr_syntax({ expected: '>=', found: '=>' }).message).toBe(
      'The expression cannot be read: expected >=, but found =>.',
    );
  });

  it('a decimal written with a comma (2,5) where a number goes: write it with a point; where a whole number goes: count in halves', () => {
    expect(en.schema_type({ expected: 'number', actual: 'string', value: '2,5' }).hint).toMatch(
      /with a point, e\.g\. 2\.5/,
    );
    expect(vi.schema_type({ expected: 'number', actual: 'string', value: '2,5' }).hint).toMatch(/dấu chấm, ví dụ 2\.5/);
    expect(en.schema_type({ expected: 'integer', actual: 'string', value: '2,5' }).hint).toMatch(/in halves/);
    expect(vi.schema_type({ expected: 'integer', actual: 'string', value: '2,5' }).hint).toMatch(/theo nửa điểm/);
    // Text that is no number keeps the plain hint.
    expect(en.schema_type({ expected: 'integer', actual: 'string', value: '12 hộ' }).hint).toBe(
      'Change the value to a whole number.',
    );
  });

  it('a table row\'s value that is no number ("3%", "10,5") is said to be one, with how to write it', () => {
    const p = { parameter: 'poverty_max', row: 2, name: 'value', value: '3%', allowed: '0, 1.5, 45, …' };
    expect(en.parameter_key_value(p).message).toBe('Row 2 of the table "poverty_max": its value "3%" is not a number.');
    expect(en.parameter_key_value(p).hint).toMatch(/without quotes, a % sign or a unit/);
    expect(vi.parameter_key_value(p).message).toBe('Dòng 2 của bảng "poverty_max": giá trị "3%" không phải là một số.');
  });
});

describe("a shared reader's problem in an assessment", () => {
  it('file_too_large and yaml_unsafe_key in an assessment (kind: assessment) speak of an assessment, not of a rule file', () => {
    for (const catalog of [vi, en]) {
      const tooLarge = catalog.file_too_large({
        path: 'a.yaml',
        size: 100_000_000,
        max: 10_485_760,
        kind: 'assessment',
      });
      const unsafe = catalog.yaml_unsafe_key({ key: '__proto__', kind: 'assessment' });
      expect(tooLarge.hint).not.toMatch(/rule|quy tắc/i);
      expect(tooLarge.hint).toMatch(/JSON Lines/);
      expect(unsafe.hint).not.toContain('rule-format.md');
      expect(unsafe.hint).toContain('docs/cli.md');
      // Without `kind`, a rule file: as before.
      expect(catalog.yaml_unsafe_key({ key: '__proto__' }).hint).toContain('docs/rule-format.md');
    }
  });
});
