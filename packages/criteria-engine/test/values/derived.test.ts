/**
 * Issue 13, derived quantities: exact rational values read like facts, division only there with
 * a declared `if_zero`, unknown propagates, every mistake located.
 */
import { describe, expect, it } from 'vitest';
import { explainText, formatDiagnostic, loadRuleset, type CompiledRuleset } from '../../src/index.js';
import { fromNumber, parseDecimal, ratio, toDecimalText } from '../../src/compile/exact/rational.js';
import { checkRuleset } from '../../src/tools.js';

function rules(condition: string, derived: string): string {
  return [
    'format: 1',
    'id: derived',
    'version: "1"',
    'title: { vi: t, en: t }',
    'context: { c: { type: boolean, label: { vi: c, en: c } } }',
    'facts:',
    '  income_total: { type: integer, min: 0, label: { vi: thu nhập, en: income } }',
    '  population: { type: integer, min: 0, label: { vi: dân số, en: population } }',
    '  area_ha: { type: number, decimals: 1, min: 0, label: { vi: diện tích, en: area } }',
    'derived:',
    derived,
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

const PER_PERSON = [
  '  income_per_person:',
  '    label: { vi: thu nhập bình quân, en: income per person }',
  '    value: "income_total / population"',
  '    if_zero: unknown',
  '    decimals: 1',
].join('\n');

function load(condition: string, derived = PER_PERSON): CompiledRuleset {
  const loaded = loadRuleset(rules(condition, derived), { file: 'derived.yaml' });
  if (!loaded.value) throw new Error(loaded.diagnostics.map((d) => formatDiagnostic(d, 'en')).join('\n'));
  return loaded.value;
}

function decision(r: CompiledRuleset, facts: Record<string, number>): string {
  const full = r.evaluate({ context: { c: true }, facts });
  expect(r.decide({ context: { c: true }, facts }).decision).toBe(full.decision);
  return full.decision;
}

describe('derived quantities', () => {
  const r = load('{ fact: income_per_person, at_least: 58 }');

  it('compare exactly: 57.2 fails 58, 58 passes, a third of a million counts', () => {
    expect(decision(r, { income_total: 5720, population: 100 })).toBe('not_recognised');
    expect(decision(r, { income_total: 5800, population: 100 })).toBe('recognised');
    // 173 999 999 / 3 000 000 = 57.999999666…: a double would still say < 58, but 58 − 1/3 000 000 must fail.
    expect(decision(r, { income_total: 173_999_999, population: 3_000_000 })).toBe('not_recognised');
    expect(decision(r, { income_total: 174_000_000, population: 3_000_000 })).toBe('recognised');
  });

  it('unknown propagates, and its facts are what the criterion needs', () => {
    const result = r.evaluate({ context: { c: true }, facts: { income_total: 5720 } });
    expect(result.decision).toBe('undetermined');
    expect(result.missing).toContain('population');
  });

  it('if_zero: unknown leaves the value unknown when a divisor is 0; a number is used as the value', () => {
    expect(decision(r, { income_total: 5720, population: 0 })).toBe('undetermined');
    const zero = load(
      '{ fact: income_per_person, at_least: 58 }',
      PER_PERSON.replace('if_zero: unknown', 'if_zero: 0'),
    );
    expect(decision(zero, { income_total: 5720, population: 0 })).toBe('not_recognised');
    const big = load('"income_per_person >= 58"', PER_PERSON.replace('if_zero: unknown', 'if_zero: 100'));
    expect(decision(big, { income_total: 1, population: 0 })).toBe('recognised');
    // A divisor known to be 0 decides whatever the dividend: every income gives the same answer.
    expect(decision(zero, { population: 0 })).toBe('not_recognised');
    expect(decision(big, { population: 0 })).toBe('recognised');
    // An unknown divisor leaves it open, a known one with an unknown dividend too.
    expect(decision(big, { income_total: 1 })).toBe('undetermined');
    expect(decision(big, { population: 3 })).toBe('undetermined');
  });

  it('uses other derived quantities, parameters and decimals, exactly', () => {
    const derived = [
      PER_PERSON,
      '  density:',
      '    label: { vi: mật độ, en: density }',
      '    value: "population / area_ha"',
      '    if_zero: 0',
      '  score:',
      '    label: { vi: điểm, en: score }',
      '    value: "income_per_person * 3 - density / 10"',
    ].join('\n');
    const s = load('"score == 1"', derived);
    // income per person 1/3, density 0/0.3 = 0: score = 1.
    expect(decision(s, { income_total: 1, population: 3, area_ha: 0.3 })).toBe('not_recognised');
    // 10 people on 0.5 ha: density 20, per person 0.3: 0.9 − 2 ≠ 1; 20 people on 4 ha: per person 0.1 ⇒ 0.3 − 0.5.
    expect(decision(s, { income_total: 2, population: 20, area_ha: 10 })).toBe('not_recognised');
    // income 2, population 5: 0.4 × 3 = 1.2; density 5 / 2.5 = 2 → 0.2: score exactly 1.
    expect(decision(s, { income_total: 2, population: 5, area_ha: 2.5 })).toBe('recognised');
    // The area at 0: density takes its if_zero 0, score = 1.2.
    expect(decision(s, { income_total: 2, population: 5, area_ha: 0 })).toBe('not_recognised');
    expect(s.derived.map((d) => d.id)).toEqual(['income_per_person', 'density', 'score']);
    expect(s.derived[0]).toMatchObject({ expression: 'income_total / population', decimals: 1, ifZero: 'unknown' });
  });

  it('explanations show the value against the threshold ("57.2 → needs ≥ 58"), in both languages', () => {
    const result = r.evaluate({ context: { c: true }, facts: { income_total: 5720, population: 100 } });
    expect(explainText(result, r, { lang: 'en' })).toContain('income per person: 57.2 → needs ≥ 58');
    expect(explainText(result, r, { lang: 'vi' })).toContain('thu nhập bình quân: 57,2 → cần ≥ 58');
    // Shown with the declared decimals, rounded half away from zero; unknown is not shown.
    expect(
      r.derivedValues({ context: { c: true }, facts: { income_total: 1, population: 3 } }).get('income_per_person'),
    ).toBe('0.3');
    expect(r.derivedValues({ context: { c: true }, facts: { income_total: 1 } }).size).toBe(0);
  });

  it('a threshold with decimals is written with the decimal mark of the report, like the value beside it', () => {
    const half = load('{ fact: income_per_person, at_least: 52.5 }');
    const result = half.evaluate({ context: { c: true }, facts: { income_total: 5250, population: 100 } });
    expect(explainText(result, half, { lang: 'vi' })).toContain('thu nhập bình quân: 52,5 → cần ≥ 52,5');
    expect(explainText(result, half, { lang: 'en' })).toContain('income per person: 52.5 → needs ≥ 52.5');
  });

  it('lcz check runs on a ruleset with derived quantities', () => {
    const check = checkRuleset(r);
    expect(check.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d, 'en'))).toEqual([]);
  });
});

describe('derived quantities: located rule errors', () => {
  function problems(condition: string, derived = PER_PERSON) {
    return loadRuleset(rules(condition, derived), { file: 'd.yaml' }).diagnostics.map((d) => [
      d.code,
      d.line,
      d.column,
    ]);
  }

  it('division outside a derived quantity', () => {
    expect(problems('"income_total / population >= 58"')).toEqual([['expr_division_outside_derived', 22, 21]]);
  });

  it('a division without if_zero, at the quantity', () => {
    expect(problems('"income_per_person >= 58"', PER_PERSON.replace('    if_zero: unknown\n', ''))).toEqual([
      ['derived_if_zero_missing', 11, 3],
    ]);
  });

  it('a quantity that uses itself, or is not a number', () => {
    const loop = ['  a:', '    label: { vi: a, en: a }', '    value: "a + 1"'].join('\n');
    expect(problems('"a >= 1"', loop).map((p) => p[0])).toContain('definition_cycle');
    const bool = ['  a:', '    label: { vi: a, en: a }', '    value: "population > 1"'].join('\n');
    expect(problems('"a >= 1"', bool).map((p) => p[0])).toContain('expr_type');
  });
});

describe('exact fractions as text', () => {
  it('reads decimals exactly and prints them rounded half away from zero', () => {
    expect(fromNumber(0.1)).toEqual({ n: 1n, d: 10n });
    expect(fromNumber(29.5)).toEqual({ n: 59n, d: 2n });
    expect(fromNumber(1e21)).toEqual({ n: 10n ** 21n, d: 1n });
    expect(parseDecimal('-0.25')).toEqual({ n: -1n, d: 4n });
    expect(parseDecimal('1e-7')).toEqual({ n: 1n, d: 10_000_000n });
    expect(parseDecimal('12a')).toBeUndefined();
    expect(toDecimalText(ratio(572n, 10n), 1)).toBe('57.2');
    expect(toDecimalText(ratio(1n, 3n), 2)).toBe('0.33');
    expect(toDecimalText(ratio(2n, 3n), 2)).toBe('0.67');
    expect(toDecimalText(ratio(-1n, 8n), 2)).toBe('-0.13');
    expect(toDecimalText(ratio(1n, 8n))).toBe('0.125');
    expect(toDecimalText(ratio(1n, 3n))).toBe('0.333333');
    expect(toDecimalText(ratio(-1n, 1000n), 1)).toBe('0.0');
  });
});
