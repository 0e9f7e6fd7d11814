/**
 * Values an assessment file may hold that look right and are not: a date with the form
 * YYYY-MM-DD that is no day (month 13, 30 February, 29 February of a common year), and a text
 * with a comma where a number belongs. Each is a located error in both languages, never read as
 * some other day, and the value is quoted as it was written.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadRuleset, readAssessment } from '../../src/index.js';

const RULES = [
  'format: 1',
  'id: hostile-values',
  'version: "1"',
  'title: { vi: t, en: t }',
  'effective: { from: "2020-01-01", to: "2026-12-31" }',
  'context:',
  '  kind:',
  '    type: enum',
  '    label: { vi: loại, en: kind }',
  '    values: [{ id: a, label: { vi: a, en: a } }]',
  'facts:',
  '  households: { type: integer, min: 0, label: { vi: số hộ, en: households } }',
  'groups:',
  '  - id: "1"',
  '    title: { vi: g, en: g }',
  '    criteria:',
  '      - { id: "1.1", text: { vi: a, en: a }, condition: "households >= 1" }',
  'recognition: { group_requirement: { at_least_percent: 100 } }',
  '',
].join('\n');

function ruleset() {
  const loaded = loadRuleset(RULES, { file: 'r.yaml' });
  if (!loaded.value) throw new Error(loaded.diagnostics.map((d) => formatDiagnostic(d, 'en')).join('\n'));
  return loaded.value;
}

describe('an area date that is no day of the calendar', () => {
  it.each(['2024-13-45', '2025-02-29', '2024-02-30', '2024-04-31', '2024-00-10', '2024-10-00'])(
    '%s is input_date_invalid at the date, even for a reader that takes any date',
    (date) => {
      const r = ruleset();
      const text = `area: { date: "${date}" }\ncontext: { kind: a }\nfacts: { households: 3 }\n`;
      const { value, diagnostics } = readAssessment(text, 'a.yaml', r);
      expect(value).toBeUndefined();
      expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['input_date_invalid', 1, 15]]);
      const [d] = diagnostics;
      if (!d) return;
      expect(formatDiagnostic(d, 'en')).toContain(`${date} is not a day of the calendar`);
      expect(formatDiagnostic(d, 'vi')).toContain(`${date} không phải là một ngày có thật`);
      const object = { area: { date }, context: { kind: 'a' }, facts: { households: 3 } };
      expect(r.validateAssessment(object, undefined, { anyDate: true }).diagnostics.map((x) => x.code)).toEqual([
        'input_date_invalid',
      ]);
    },
  );

  it('29 February of a leap year is a day', () => {
    const { value, diagnostics } = readAssessment(
      'area: { date: "2024-02-29" }\ncontext: { kind: a }\nfacts: { households: 3 }\n',
      'a.yaml',
      ruleset(),
    );
    expect(diagnostics).toEqual([]);
    expect(value?.area?.date).toBe('2024-02-29');
  });
});

describe('a number written as text with a comma', () => {
  it('is quoted as written ("1.234,5"), not split at its comma into "1.234 or 5"', () => {
    const { diagnostics } = readAssessment(
      'context: { kind: a }\nfacts: { households: "1.234,5" }\n',
      'a.yaml',
      ruleset(),
    );
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['input_type', 2, 22]]);
    const [d] = diagnostics;
    if (!d) return;
    expect(formatDiagnostic(d, 'en')).toContain('but is "1.234,5".');
    expect(formatDiagnostic(d, 'vi')).toContain('nhưng đang là "1.234,5".');
    // The type words are still the catalogue's.
    const array = readAssessment('context: { kind: a }\nfacts: { households: [1, 2] }\n', 'a.yaml', ruleset())
      .diagnostics[0];
    expect(array?.code).toBe('input_type');
    if (array) expect(formatDiagnostic(array, 'en')).toMatch(/but is (a|an) /);
  });
});

describe('a number with more digits than a double holds', () => {
  it.each([
    ['212.0000000000000001', '212', 'facts: { households: 212.0000000000000001 }'],
    ['1e400', 'Infinity', 'facts: { households: 1e400 }'],
    ['1e-400', '0', 'facts: { households: 1e-400 }'],
    ['212.0000000000000001', '212', '{ "context": { "kind": "a" }, "facts": { "households": 212.0000000000000001 } }'],
  ])('%s is yaml_number_inexact (it would be read as %s), on the fast and the full reader', (value, read, line) => {
    const text = line.startsWith('{') ? line : `context: { kind: a }\n${line}\n`;
    const { value: assessment, diagnostics } = readAssessment(text, 'a.yaml', ruleset());
    expect(assessment).toBeUndefined();
    const [d] = diagnostics;
    expect(d?.code).toBe('yaml_number_inexact');
    expect(d?.column).toBe(text.indexOf(value) - text.lastIndexOf('\n', text.indexOf(value)));
    if (!d) return;
    expect(formatDiagnostic(d, 'en')).toContain(`The number ${value} has more digits than can be read exactly`);
    expect(formatDiagnostic(d, 'en')).toContain(`read as ${read}.`);
    expect(formatDiagnostic(d, 'vi')).toContain(`đọc thành ${read}.`);
  });

  it.each(['212', '212.0', '0.1', '98.5', '1e3', '-0', '0.30000000000000004', '9007199254740991'])(
    '%s reads exactly',
    (value) => {
      const { diagnostics } = readAssessment(
        `context: { kind: a }\nfacts: { households: ${value} }\n`,
        'a.yaml',
        ruleset(),
      );
      expect(diagnostics.map((d) => d.code)).not.toContain('yaml_number_inexact');
    },
  );
});
