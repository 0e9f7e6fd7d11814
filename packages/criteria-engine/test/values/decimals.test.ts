/**
 * Issue 13, exact decimals: thresholds with decimals compare exactly, number facts declare their
 * precision (more decimals in input is a located error, a threshold finer than its fact is a
 * located rule error), and `percent` takes measured quantities with part ≤ whole checked.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadRuleset, readAssessment, type CompiledRuleset } from '../../src/index.js';

function rules(condition: string): string {
  return [
    'format: 1',
    'id: decimals',
    'version: "1"',
    'title: { vi: t, en: t }',
    'context: { c: { type: boolean, label: { vi: c, en: c } } }',
    'facts:',
    '  road_km: { type: number, decimals: 2, min: 0, label: { vi: đường, en: roads } }',
    '  paved_km: { type: number, decimals: 2, min: 0, part_of: road_km, label: { vi: cứng hóa, en: paved } }',
    '  x: { type: number, label: { vi: x, en: x } }',
    '  y: { type: number, label: { vi: y, en: y } }',
    '  households: { type: integer, min: 0, label: { vi: hộ, en: households } }',
    'groups:',
    '  - id: "1"',
    '    title: { vi: g, en: g }',
    '    criteria:',
    '      - id: "1.1"',
    '        text: { vi: a, en: a }',
    `        condition: ${condition}`,
    'recognition: { group_requirement: { at_least_percent: 100 } }',
    '',
  ].join('\n');
}
const CONDITION_LINE = 18;

function load(condition: string): CompiledRuleset {
  const loaded = loadRuleset(rules(condition), { file: 'decimals.yaml' });
  if (!loaded.value) throw new Error(loaded.diagnostics.map((d) => formatDiagnostic(d, 'en')).join('\n'));
  return loaded.value;
}

function decision(condition: string, facts: Record<string, number>): string {
  const r = load(condition);
  const fast = r.decide({ context: { c: true }, facts }).decision;
  const full = r.evaluate({ context: { c: true }, facts }).decision;
  expect(fast).toBe(full);
  return full;
}

describe('thresholds with decimals compare exactly', () => {
  const atMost = '{ percent: { part: paved_km, whole: road_km }, at_most: 29.5, if_whole_zero: pass }';
  it('29.5% of km: exactly on it holds, one hundredth of a km above does not', () => {
    expect(decision(atMost, { paved_km: 59, road_km: 200 })).toBe('recognised');
    expect(decision(atMost, { paved_km: 59.01, road_km: 200 })).toBe('not_recognised');
    expect(decision(atMost, { paved_km: 0.59, road_km: 2 })).toBe('recognised');
    expect(decision(atMost, { paved_km: 0, road_km: 0 })).toBe('recognised');
  });

  it('0.25 and sums of tenths are decimals, not doubles (0.1 + 0.2 is 0.3)', () => {
    expect(decision('"x + y <= 0.3"', { x: 0.1, y: 0.2 })).toBe('recognised');
    expect(decision('"x + y == 0.3"', { x: 0.1, y: 0.2 })).toBe('recognised');
    expect(decision('"x * 3 >= 0.3"', { x: 0.1, y: 0 })).toBe('recognised');
    expect(decision('"x * 4 - 1 == 0"', { x: 0.25, y: 0 })).toBe('recognised');
    expect(decision('"x - y < 0.25"', { x: 0.5, y: 0.25 })).toBe('not_recognised');
    expect(decision('"percent(x, y, 0) >= 37.5"', { x: 0.3, y: 0.8 })).toBe('recognised');
    expect(decision('"percent(x, y, 0) > 37.5"', { x: 0.3, y: 0.8 })).toBe('not_recognised');
    expect(decision('"min(x, y) * 10 == 1"', { x: 0.1, y: 0.2 })).toBe('recognised');
  });
});

describe('decimals: N on a number fact', () => {
  const r = load('{ fact: road_km, at_least: 12.25 }');

  it('refuses an input with more decimals, located, in both languages', () => {
    const text = 'context: { c: true }\nfacts:\n  road_km: 12.255\n  paved_km: 3.5\n';
    const { value, diagnostics } = readAssessment(text, 'a.yaml', r);
    expect(value).toBeUndefined();
    expect(diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column, params: d.params }))).toEqual([
      { code: 'input_decimals', line: 3, column: 12, params: { name: 'road_km', value: 12.255, decimals: 2 } },
    ]);
    const d = diagnostics[0];
    if (!d) return;
    expect(formatDiagnostic(d, 'en')).toContain('12.255');
    expect(formatDiagnostic(d, 'vi')).toContain('chữ số thập phân');
  });

  it('accepts the declared decimals, and checks part ≤ whole on measured quantities', () => {
    expect(
      r.validateAssessment({ context: { c: true }, facts: { road_km: 12.25, paved_km: 3.5 } }).diagnostics,
    ).toEqual([]);
    const over = r.validateAssessment({ context: { c: true }, facts: { road_km: 12.25, paved_km: 12.26 } });
    expect(over.diagnostics.map((d) => d.code)).toEqual(['input_part_exceeds_whole']);
  });

  it('refuses a threshold finer than its fact, at the literal', () => {
    for (const [condition, column] of [
      ['{ fact: road_km, at_least: 12.255 }', 47],
      ['"households >= 2.5"', 35],
      ['"2.5 <= households"', 21],
    ] as const) {
      const loaded = loadRuleset(rules(condition), { file: 'd.yaml' });
      expect(loaded.value, condition).toBeUndefined();
      expect(loaded.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
        ['threshold_decimals', CONDITION_LINE, column],
      ]);
    }
    // Numbers without `decimals:` take any threshold.
    expect(loadRuleset(rules('"x >= 0.125"'), { file: 'd.yaml' }).value).toBeDefined();
  });

  it('refuses a YAML threshold that was rounded when read (more than 15 significant digits)', () => {
    const loaded = loadRuleset(
      rules('{ percent: { part: paved_km, whole: road_km }, at_least: 29.50000000000000001, if_whole_zero: fail }'),
      { file: 'd.yaml' },
    );
    // Said as soon as the YAML is read (yaml_number_inexact, as for any number in any file);
    // before, the threshold's own check (expr_number_inexact) said it at the same line.
    expect(loaded.diagnostics.map((d) => [d.code, d.line])).toEqual([['yaml_number_inexact', CONDITION_LINE]]);
  });
});
