import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRuleset } from '../../src/load-ruleset.js';

const DIR = fileURLToPath(new URL('../fixtures/invalid-rules/', import.meta.url));

/** One fixture per compile-stage code: the code, and the line and column it must point at. */
const EXPECTED: Record<string, { line: number; column: number; severity?: string }> = {
  expr_syntax: { line: 29, column: 35 },
  expr_unknown_name: { line: 29, column: 21 },
  expr_unknown_function: { line: 29, column: 21 },
  expr_arity: { line: 29, column: 21 },
  expr_type: { line: 29, column: 21 },
  expr_enum_value: { line: 29, column: 46 },
  expr_date_literal: { line: 29, column: 29 },
  expr_limit: { line: 29, column: 86 },
  expr_number_inexact: { line: 29, column: 35 },
  duplicate_id: { line: 30, column: 13 },
  unknown_fact: { line: 16, column: 52 },
  unknown_criterion: { line: 32, column: 15 },
  unknown_group: { line: 26, column: 77 },
  owner_conflict: { line: 27, column: 61 },
  threshold_range: { line: 31, column: 21 },
  threshold_decimals: { line: 29, column: 35 },
  expr_division_outside_derived: { line: 29, column: 21 },
  derived_if_zero_missing: { line: 24, column: 3 },
  parameter_key_unknown: { line: 26, column: 10 },
  parameter_key_value: { line: 29, column: 22 },
  parameter_row_keys: { line: 29, column: 9 },
  relation_invalid: { line: 16, column: 52 },
  selector_not_context: { line: 31, column: 20 },
  variant_overlap: { line: 30, column: 11, severity: 'warning' },
  variant_uncovered: { line: 30, column: 11, severity: 'info' },
  policy_missing: { line: 27, column: 13 },
  unknown_level: { line: 24, column: 21 },
  unknown_disqualifier: { line: 29, column: 71 },
  mandatory_below_level: { line: 28, column: 67 },
  points_bands_order: { line: 28, column: 29 },
  // Checked after the schema (validate/effective-dates.ts): the form is right, the day is not.
  date_invalid: { line: 6, column: 38 },
  effective_order: { line: 6, column: 38 },
};

function load(code: string) {
  const file = `${code}.yaml`;
  return loadRuleset(readFileSync(DIR + file, 'utf8'), { file });
}

describe('compile diagnostics, one fixture per code', () => {
  it.each(Object.entries(EXPECTED))('%s', (code, { line, column, severity = 'error' }) => {
    const { value, diagnostics } = load(code);
    const found = diagnostics.filter((d) => d.code === code);
    expect(found.map((d) => ({ code: d.code, line: d.line, column: d.column, severity: d.severity }))).toEqual([
      { code, line, column, severity },
    ]);
    // Errors stop the load; warnings and information do not.
    expect(value === undefined).toBe(severity === 'error');
    // The one problem planted is the only error reported.
    expect(diagnostics.filter((d) => d.severity === 'error').length).toBe(severity === 'error' ? 1 : 0);
  });

  it('names the first use of a duplicate id and suggests the misspelt fact', () => {
    const dup = load('duplicate_id').diagnostics.find((d) => d.code === 'duplicate_id');
    expect(dup?.params).toMatchObject({ kind: 'criterion', id: '1.1', first_line: 27 });
    const name = load('expr_unknown_name').diagnostics.find((d) => d.code === 'expr_unknown_name');
    expect(name?.params).toEqual({ name: 'housholds', suggestion: 'households' });
  });

  it('reports the declared policy for an uncovered context', () => {
    const d = load('variant_uncovered').diagnostics.find((x) => x.code === 'variant_uncovered');
    expect(d?.params).toEqual({ criterion: '1.1', context: 'unit_kind=to_dan_pho', policy: 'not_applicable' });
  });

  it('has a fixture for every compile-stage code', () => {
    const files = readdirSync(DIR).map((f) => f.replace(/\.yaml$/, ''));
    for (const code of Object.keys(EXPECTED)) expect(files).toContain(code);
  });

  it('reports every problem of a file at once, across stages of checking', () => {
    const text = readFileSync(`${DIR}expr_unknown_name.yaml`, 'utf8')
      .replace('part_of: households,', 'part_of: househols,')
      .replace('at_least_percent: 80', 'at_least_percent: 180');
    const codes = loadRuleset(text, { file: 'many.yaml' }).diagnostics.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['schema_range']));
    // Schema errors stop before compiling; fix the schema error and the compile errors all show.
    const text2 = readFileSync(`${DIR}expr_unknown_name.yaml`, 'utf8').replace(
      'part_of: households,',
      'part_of: househols,',
    );
    const codes2 = loadRuleset(text2, { file: 'many.yaml' })
      .diagnostics.map((d) => d.code)
      .sort();
    expect(codes2).toEqual(['expr_unknown_name', 'unknown_fact']);
  });
});
