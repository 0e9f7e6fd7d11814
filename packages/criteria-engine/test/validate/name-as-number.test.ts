/**
 * A parameter's name where only a number goes (the threshold of a `percent:` condition, say):
 * the hint says where a name is read and how to write the condition so it is, in both languages,
 * not only "change the value to a number".
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/diagnostics/format.js';
import { loadRuleset } from '../../src/load-ruleset.js';

const RULES = (threshold: string) => `format: 1
id: name-as-number
version: "1"
effective: { from: "2024-01-01" }
languages: [en]
title: { en: "t" }
source: { document: { en: "test" } }
context: {}
facts:
  households: { type: integer, min: 0, label: { en: "Households" } }
  poor: { type: integer, min: 0, part_of: households, label: { en: "Poor" } }
parameters:
  poverty_max: { value: 5, label: { en: "Maximum share of poor households" } }
groups:
  - id: A
    title: { en: "A" }
    criteria:
      - id: A1
        text: { en: "A1" }
        condition:
          percent: { part: poor, whole: households }
          at_most: ${threshold}
          if_whole_zero: fail
disqualifiers: []
recognition:
  group_requirement: { at_least_percent: 100 }
`;

describe('a name where a number is wanted', () => {
  it('is located at the name, and the hint says to write an expression', () => {
    const { value, diagnostics } = loadRuleset(RULES('poverty_max'), { file: 'r.yaml' });
    expect(value).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['schema_type', 22, 20]]);
    expect(formatDiagnostics(diagnostics, 'en')).toContain('"percent(part, whole, 0) >= name"');
    expect(formatDiagnostics(diagnostics, 'vi')).toContain('"percent(part, whole, 0) >= tên"');
  });

  it('other text keeps the plain hint', () => {
    const { diagnostics } = loadRuleset(RULES('"five percent"'), { file: 'r.yaml' });
    expect(formatDiagnostics(diagnostics, 'en')).toContain('Change the value to a number.');
  });

  it('the expression form with the parameter loads', () => {
    const structured =
      'condition:\n          percent: { part: poor, whole: households }\n          at_most: 5\n          if_whole_zero: fail';
    const text = RULES('5').replace(
      structured,
      'condition: "households > 0 and percent(poor, households, 100) <= poverty_max"',
    );
    expect(text).not.toContain('at_most: 5');
    expect(loadRuleset(text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
