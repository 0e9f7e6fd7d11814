import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';
import { readAssessment } from '../../src/read-assessment.js';

const RULES = fileURLToPath(new URL('../../../../rules/lai-chau-2020-2025/ruleset.yaml', import.meta.url));
const ruleset = loadRulesetOrThrow(readFileSync(RULES, 'utf8'), { file: RULES });

const HEAD = `area: { code: "X-1", name: "Bản thử", unit: "Xã San Thành", date: "2024-10-10" }
context: { unit_kind: ban, parent_kind: xa, agricultural: true }
facts:
`;

function problems(factsYaml: string, head = HEAD) {
  const { value, diagnostics } = readAssessment(head + factsYaml, 'input.yaml', ruleset);
  return { value, found: diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column, params: d.params })) };
}

describe('assessment validation: every problem, located, nothing coerced', () => {
  it('accepts a partial assessment: missing facts are unknown, not errors', () => {
    const { value, found } = problems('  households: 100\n');
    expect(found).toEqual([]);
    expect(value?.facts).toEqual({ households: 100 });
  });

  it('input_type: a number written as text is refused, not coerced', () => {
    const { value, found } = problems('  households: "100"\n');
    expect(value).toBeUndefined();
    expect(found).toEqual([
      { code: 'input_type', line: 4, column: 15, params: { name: 'households', expected: 'number', actual: '"100"' } },
    ]);
  });

  it('input_type: a fraction for a count', () => {
    expect(problems('  households: 10.5\n').found[0]).toMatchObject({ code: 'input_type', line: 4, column: 15 });
  });

  it('input_range: a negative count', () => {
    expect(problems('  households: -3\n').found).toEqual([
      { code: 'input_range', line: 4, column: 15, params: { name: 'households', value: -3, min: 0 } },
    ]);
  });

  it('input_part_exceeds_whole: more law-abiding households than households', () => {
    expect(problems('  households: 10\n  households_law_abiding: 12\n').found).toEqual([
      {
        code: 'input_part_exceeds_whole',
        line: 5,
        column: 27,
        params: { part: 'households_law_abiding', whole: 'households', part_value: 12, whole_value: 10 },
      },
    ]);
  });

  it('input_unknown_fact: a misspelt fact name, with a suggestion', () => {
    expect(problems('  housholds: 10\n').found).toEqual([
      { code: 'input_unknown_fact', line: 4, column: 3, params: { name: 'housholds', suggestion: 'households' } },
    ]);
  });

  it('input_enum_value: a rating that is not on the scale', () => {
    expect(problems('  party_cell_rating: tot\n').found[0]).toMatchObject({
      code: 'input_enum_value',
      line: 4,
      column: 22,
    });
  });

  it('input_context_missing: a bản must say whether it is agricultural', () => {
    const head = HEAD.replace(', agricultural: true', '');
    expect(problems('  households: 10\n', head).found).toEqual([
      { code: 'input_context_missing', line: 2, column: 10, params: { name: 'agricultural' } },
    ]);
  });

  it('input_context_rule: a tổ dân phố inside a commune', () => {
    const head = HEAD.replace(
      'unit_kind: ban, parent_kind: xa, agricultural: true',
      'unit_kind: to_dan_pho, parent_kind: xa',
    );
    expect(problems('  households: 10\n', head).found[0]).toMatchObject({
      code: 'input_context_rule',
      line: 2,
      column: 10,
    });
  });

  it('input_identity: a date that is not YYYY-MM-DD', () => {
    const head = HEAD.replace('2024-10-10', '10/10/2024');
    expect(problems('  households: 10\n', head).found[0]).toMatchObject({
      code: 'input_identity',
      line: 1,
      column: 67,
    });
  });

  it('input_shape: an assessment without facts, and an unknown top-level key', () => {
    const { found } = readAssessmentAll(
      'context: { unit_kind: ban, parent_kind: xa, agricultural: false }\nfatcs: {}\n',
    );
    expect(found.map((d) => d.code).sort()).toEqual(['input_shape', 'input_shape']);
  });

  it('version_mismatch: an assessment written for another ruleset', () => {
    const { found } = readAssessmentAll(`ruleset: other-scheme\n${HEAD}  households: 10\n`);
    expect(found[0]).toMatchObject({ code: 'version_mismatch', line: 1, column: 10 });
  });

  it('reports all problems of an input at once, in one pass', () => {
    const { found } = problems('  households: "10"\n  poor_households: -1\n  housholds: 3\n  party_cell_rating: tot\n');
    expect(found.map((d) => d.code).sort()).toEqual([
      'input_enum_value',
      'input_range',
      'input_type',
      'input_unknown_fact',
    ]);
  });

  it('rejects bad YAML in an input with the parser’s located error', () => {
    const { found } = readAssessmentAll('facts: { households: 1, households: 2 }\ncontext: {}\n');
    expect(found[0]).toMatchObject({ code: 'yaml_duplicate_key', line: 1, column: 25 });
  });
});

function readAssessmentAll(text: string) {
  const { diagnostics } = readAssessment(text, 'input.yaml', ruleset);
  return { found: diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column })) };
}
