import assert from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/diagnostics/codes.js';
import { SourceText } from '../../src/diagnostics/source.js';
import { parseYaml } from '../../src/parse/index.js';
import { validateRulesetDocument } from '../../src/validate/validate-ruleset.js';
import { fixture, INVALID_RULES, VALID_RULES, where } from '../parse/fixtures.js';

function validate(source: SourceText) {
  const parsed = parseYaml(source);
  expect(parsed.diagnostics).toEqual([]);
  if (!parsed.value) throw new Error('the fixture should parse');
  return validateRulesetDocument(parsed.value);
}

const validateText = (text: string) => validate(new SourceText('rules.yaml', text));

/** One fixture per schema failure mode (schema_other is unreachable with our schema: see schema-errors.test.ts). */
const EXPECTED: Record<string, { line: number; column: number; params: Record<string, unknown> }> = {
  schema_required: { line: 27, column: 3, params: { property: 'group_requirement' } },
  schema_unknown_property: {
    line: 24,
    column: 11,
    params: { property: 'at_leats', allowed: 'percent, at_least, at_most, if_whole_zero', suggestion: 'at_least' },
  },
  schema_type: { line: 5, column: 10, params: { expected: 'string', actual: 'integer' } },
  schema_enum: { line: 25, column: 26, params: { allowed: 'pass, fail', actual: 'failed', suggestion: 'fail' } },
  schema_pattern: {
    line: 20,
    column: 13,
    params: { pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', example: '1.3', actual: '1 1' },
  },
  schema_range: { line: 24, column: 21, params: { limit: 100, comparison: '<=', actual: 980 } },
  schema_size: { line: 19, column: 15, params: { limit: 1, comparison: '>=', actual: 0, unit: 'items' } },
  schema_shape: {
    line: 23,
    column: 11,
    params: {
      shape: 'condition',
      expected: 'fact, percent, all, any, not, of',
      actual: 'facts, at_least',
      suggestion: 'fact',
    },
  },
};

describe('validateRulesetDocument fixtures (test/fixtures/invalid-rules/schema_*.yaml)', () => {
  it.each(Object.entries(EXPECTED))('%s', (code, { line, column, params }) => {
    const result = validate(fixture(INVALID_RULES, `${code}.yaml`));
    expect(result.diagnostics.map(where)).toEqual([{ code, line, column }]);
    expect(result.diagnostics[0]?.params).toEqual(params);
    expect(result.value).toBeUndefined();
  });

  it('has a fixture for every schema_* code but schema_other', () => {
    const files = readdirSync(INVALID_RULES).filter((f) => f.startsWith('schema_'));
    const schemaCodes = DIAGNOSTIC_CODES.filter((c) => c.startsWith('schema_') && c !== 'schema_other');
    expect(files.map((f) => f.replace(/\.yaml$/, '')).sort()).toEqual([...schemaCodes].sort());
  });
});

/** One fixture per language code: each text is checked against the file's `languages:`. */
const LANGUAGE_EXPECTED: Record<string, { line: number; column: number; params: Record<string, unknown> }> = {
  text_language_missing: { line: 15, column: 15, params: { language: 'en', languages: 'vi, en' } },
  text_language_undeclared: { line: 13, column: 28, params: { language: 'en', languages: 'vi' } },
};

describe('validateRulesetDocument: the languages a file declares', () => {
  it.each(Object.entries(LANGUAGE_EXPECTED))('%s', (code, { line, column, params }) => {
    const result = validate(fixture(INVALID_RULES, `${code}.yaml`));
    expect(result.diagnostics.map(where)).toEqual([{ code, line, column }]);
    expect(result.diagnostics[0]?.params).toEqual(params);
    expect(result.value).toBeUndefined();
  });

  it('reports the schema errors and the language errors of a file together', () => {
    const text = readFileSync(`${INVALID_RULES}/text_language_missing.yaml`, 'utf8').replace('min: 0', 'min: "0"');
    const codes = validateText(text).diagnostics.map((d) => d.code);
    expect(codes.sort()).toEqual(['schema_type', 'text_language_missing']);
  });

  const ENGLISH_ONLY = [
    'format: 1',
    'id: test-rules',
    'version: "1"',
    'languages: [en]',
    'title: { en: "Test rules" }',
    'context: {}',
    'facts:',
    '  rooms: { type: integer, min: 0, label: { en: "Rooms" } }',
    'groups:',
    '  - id: "A"',
    '    title: { en: "Group A" }',
    '    criteria:',
    '      - id: "IPc1"',
    '        text: { en: "At least one room" }',
    '        condition: { fact: rooms, at_least: 1 }',
    'recognition:',
    '  group_requirement: { at_least_percent: 100 }',
    '',
  ].join('\n');

  it("fills an English-only file's texts so every stage can read either language, and keeps ids as written", () => {
    const result = validateText(ENGLISH_ONLY);
    expect(result.diagnostics).toEqual([]);
    expect(result.value?.languages).toEqual(['en']);
    expect(result.value?.title).toEqual({ vi: 'Test rules', en: 'Test rules' });
    expect(result.value?.groups[0]?.criteria[0]).toMatchObject({
      id: 'IPc1',
      text: { vi: 'At least one room', en: 'At least one room' },
    });
  });

  it('asks for both languages when languages: is absent', () => {
    const missing = validateText(ENGLISH_ONLY.replace('languages: [en]\n', '')).diagnostics;
    // title, the fact's label, the group's title and the criterion's text lack vi.
    expect(missing.map((d) => [d.code, d.line, d.params['language']])).toEqual([
      ['text_language_missing', 4, 'vi'],
      ['text_language_missing', 7, 'vi'],
      ['text_language_missing', 10, 'vi'],
      ['text_language_missing', 13, 'vi'],
    ]);
  });
});

describe('validateRulesetDocument: valid files', () => {
  it('accepts the minimal fixture with no diagnostics', () => {
    const result = validate(fixture(VALID_RULES, 'minimal.yaml'));
    expect(result.diagnostics).toEqual([]);
    expect(result.value?.id).toBe('test-rules');
  });

  const bundled = fileURLToPath(new URL('../../../../rules/lai-chau-2020-2025/ruleset.yaml', import.meta.url));
  it('accepts the bundled Lai Châu ruleset with no diagnostics', () => {
    const result = validate(new SourceText('ruleset.yaml', readFileSync(bundled, 'utf8')));
    expect(result.diagnostics).toEqual([]);
    expect(result.value?.format).toBe(1);
  });
});

/** A small valid file to break one line at a time. Line numbers are in the comments. */
const BASE = [
  'format: 1', // 1
  'id: test-rules', // 2
  'version: "1"', // 3
  'title: { vi: "Thử", en: "Test" }', // 4
  'context: {}', // 5
  'facts:', // 6
  '  households: { type: integer, label: { vi: "Số hộ", en: "Households" } }', // 7
  'groups:', // 8
  '  - id: "1"', // 9
  '    title: { vi: "Tiêu chuẩn 1", en: "Standard 1" }', // 10
  '    criteria:', // 11
  '      - id: "1.1"', // 12
  '        text: { vi: "Có trên 10 hộ", en: "More than 10 households" }', // 13
  '        condition: { fact: households, at_least: 10 }', // 14
  'recognition:', // 15
  '  group_requirement: { at_least_percent: 80 }', // 16
];

function edit(changes: Record<number, string | string[]>): string {
  return BASE.flatMap((line, i) => changes[i + 1] ?? line).join('\n');
}

describe('validateRulesetDocument: positions', () => {
  it('the base file is valid', () => {
    expect(validateText(BASE.join('\n')).diagnostics).toEqual([]);
  });

  it('points an unknown key at the key itself, with the allowed keys and a suggestion', () => {
    const result = validateText(edit({ 12: ['      - id: "1.1"', '        pionts: 2'], 13: BASE[12] as string }));
    expect(result.diagnostics.map(where)).toEqual([{ code: 'schema_unknown_property', line: 13, column: 9 }]);
    const text = edit({ 12: '      - id: "1.1"\n        treshold: 2' });
    const [d] = validateText(text).diagnostics;
    assert(d);
    expect(where(d)).toEqual({ code: 'schema_unknown_property', line: 13, column: 9 });
    expect(d?.params['allowed']).toBe(
      'id, text, condition, variants, no_variant, applicable_when, not_applicable, points, from_level, note',
    );
    expect(d?.path).toBe('/groups/0/criteria/0/treshold');
  });

  it('an unknown key at line 12 column 9 gets a suggestion', () => {
    // Drop line 5 (context moves to the end: key order does not matter) so the key lands on line 12.
    const text = edit({
      5: [],
      12: ['      - id: "1.1"', '        pionts: 2'],
      16: [BASE[15] as string, 'context: {}'],
    });
    const result = validateText(text);
    expect(result.diagnostics.map(where)).toEqual([{ code: 'schema_unknown_property', line: 12, column: 9 }]);
    expect(result.diagnostics[0]?.params).toMatchObject({ property: 'pionts', suggestion: 'points' });
  });

  it('points a missing key at the mapping that lacks it', () => {
    const result = validateText(edit({ 13: '        note: { vi: "Ghi chú" }' }));
    expect(result.diagnostics.map(where)).toEqual([
      { code: 'schema_required', line: 12, column: 9 },
      { code: 'text_language_missing', line: 13, column: 15 },
    ]);
    expect(result.diagnostics.map((d) => d.params['property'] ?? d.params['language'])).toEqual(['text', 'en']);
  });

  it('points a bad fact name at the key (propertyNames)', () => {
    const result = validateText(
      edit({ 7: '  Households: { type: integer, label: { vi: "Số hộ", en: "Households" } }' }),
    );
    expect(result.diagnostics.map(where)).toEqual([{ code: 'schema_pattern', line: 7, column: 3 }]);
    expect(result.diagnostics[0]?.path).toBe('/facts/Households');
  });

  it('reports every problem at once, sorted by position', () => {
    const result = validateText(
      edit({
        3: 'version: 2020',
        7: '  households: { type: integr, label: { vi: "Số hộ", en: "Households" } }',
        9: '  - id: 1',
        14: '        condition: { fact: households, at_least: 10, is: true }',
        16: '  group_requirement: { at_least_percent: 101 }',
      }),
    );
    expect(result.diagnostics.map(where)).toEqual([
      { code: 'schema_type', line: 3, column: 10 },
      { code: 'schema_enum', line: 7, column: 23 },
      { code: 'schema_type', line: 9, column: 9 },
      { code: 'schema_shape', line: 14, column: 20 },
      { code: 'schema_range', line: 16, column: 42 },
    ]);
    expect(result.diagnostics[1]?.params).toMatchObject({ actual: 'integr', suggestion: 'integer' });
  });
});

describe('validateRulesetDocument: conditions and variants', () => {
  it('a condition of no known form is ONE error', () => {
    const result = validateText(edit({ 14: '        condition: { facts: households, at_least: 10 }' }));
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      code: 'schema_shape',
      line: 14,
      column: 20,
      params: { shape: 'condition', suggestion: 'fact' },
    });
  });

  it('a list or a number where a condition belongs is the same one error', () => {
    for (const value of ['[1, 2]', '3', 'true']) {
      const result = validateText(edit({ 14: `        condition: ${value}` }));
      expect(result.diagnostics.map((d) => [d.code, d.params['shape']])).toEqual([['schema_shape', 'condition']]);
    }
  });

  it('checks nested conditions in all / any / not', () => {
    const result = validateText(
      edit({
        14: '        condition: { all: [ { any: [ "households > 1", { not: { fact: households } } ] }, { nope: 1 } ] }',
      }),
    );
    expect(result.diagnostics.map((d) => [d.code, d.params['shape'], d.path])).toEqual([
      ['schema_shape', 'fact_comparison', '/groups/0/criteria/0/condition/all/0/any/1/not'],
      ['schema_shape', 'condition', '/groups/0/criteria/0/condition/all/1'],
    ]);
  });

  it('a fact condition with an unknown key reports the key, not the key count', () => {
    const result = validateText(edit({ 14: '        condition: { fact: households, at_least: 10, atmost: 20 }' }));
    expect(result.diagnostics.map((d) => [d.code, d.params['suggestion']])).toEqual([
      ['schema_unknown_property', 'at_most'],
    ]);
  });

  it('requires if_whole_zero on a percent condition, and a threshold', () => {
    const missingPolicy = validateText(
      edit({ 14: '        condition: { percent: { part: households, whole: households }, at_least: 10 }' }),
    );
    expect(missingPolicy.diagnostics.map((d) => [d.code, d.params['property']])).toEqual([
      ['schema_required', 'if_whole_zero'],
    ]);
    const missingThreshold = validateText(
      edit({ 14: '        condition: { percent: { part: households, whole: households }, if_whole_zero: pass }' }),
    );
    expect(missingThreshold.diagnostics.map((d) => [d.code, d.params['shape']])).toEqual([
      ['schema_shape', 'percent_comparison'],
    ]);
  });

  it('a criterion needs exactly one of condition and variants, and variants need no_variant', () => {
    const both = validateText(
      edit({
        14: [
          '        condition: "households > 1"',
          '        variants: [ { id: v, when: "true", condition: "households > 1" } ]',
        ],
      }),
    );
    expect(both.diagnostics.map((d) => [d.code, d.params['shape'] ?? d.params['property']])).toEqual([
      ['schema_required', 'no_variant'],
      ['schema_shape', 'criterion_body'],
    ]);
    const neither = validateText(edit({ 14: [] }));
    expect(neither.diagnostics.map((d) => [d.code, d.params['shape']])).toEqual([['schema_shape', 'criterion_body']]);
  });

  it('a misspelt condition key is one error naming the fix, not also a missing body', () => {
    const result = validateText(edit({ 14: '        conditon: { fact: households, at_least: 10 }' }));
    expect(result.diagnostics.map(where)).toEqual([{ code: 'schema_unknown_property', line: 14, column: 9 }]);
    expect(result.diagnostics[0]?.params['suggestion']).toBe('condition');
  });

  it('a misspelt threshold in a percent condition is one error', () => {
    const result = validateText(
      edit({
        14: '        condition: { percent: { part: households, whole: households }, at_leats: 10, if_whole_zero: fail }',
      }),
    );
    expect(result.diagnostics.map((d) => [d.code, d.params['suggestion']])).toEqual([
      ['schema_unknown_property', 'at_least'],
    ]);
  });

  it('checks each kind of context attribute against its own keys', () => {
    const result = validateText(
      edit({
        5: [
          'context:',
          '  agricultural:',
          '    type: boolean',
          '    values: []',
          '    label: { vi: "Nông nghiệp", en: "Agricultural" }',
        ],
      }),
    );
    expect(result.diagnostics.map(where)).toEqual([{ code: 'schema_unknown_property', line: 8, column: 5 }]);
    expect(result.diagnostics[0]?.params['allowed']).toBe('type, label, required_when');
  });

  it('a requirement needs exactly one kind', () => {
    const result = validateText(edit({ 16: '  group_requirement: { at_least_percent: 80, at_least_count: 3 }' }));
    expect(result.diagnostics.map((d) => [d.code, d.params['shape']])).toEqual([['schema_shape', 'requirement']]);
  });
});
