/**
 * `lcz test --coverage` places a case at a percentage threshold ("at") or one part across it
 * ("beyond") in exact arithmetic: part × 100 against P × whole as fractions, never within a
 * floating-point tolerance (which called 1 of 3 "at" 33.3333333333% when it is just above).
 */
import { describe, expect, it } from 'vitest';
import type { CompareOp } from '../../src/compile/expression/ast.js';
import { type PercentThreshold, percentThresholds } from '../../src/compile/functions/percent-thresholds.js';

const threshold = (op: CompareOp, value: number): PercentThreshold => ({
  kind: 'percent',
  part: 'part',
  whole: 'whole',
  op,
  value,
  ifWholeZero: 'fail',
});
const point = (op: CompareOp, value: number, part: number, whole: number) =>
  percentThresholds.point(threshold(op, value), { part, whole });

describe('a percentage threshold point, exactly', () => {
  it('49 of 50 is exactly at 98%; 48 of 50 is one part below', () => {
    expect(point('>=', 98, 49, 50)).toBe('at');
    expect(point('>=', 98, 48, 50)).toBe('beyond');
    expect(point('>=', 98, 50, 50)).toBeUndefined();
  });

  it('1 of 3 is not at 33.3333333333% (10⁻¹⁰ of a part above it)', () => {
    expect(point('>=', 33.3333333333, 1, 3)).toBeUndefined();
    expect(point('>', 33.3333333333, 1, 3)).toBe('beyond');
    expect(point('<', 33.3333333333, 1, 3)).toBeUndefined();
    expect(point('>=', 33.33, 1, 3)).toBeUndefined();
    expect(point('>=', 33.34, 1, 3)).toBe('beyond');
    expect(point('<=', 966.6666666667, 29, 3)).toBeUndefined();
  });

  it('decimals on both sides: 0.1% of 3,000 is 3; 12.5 of 25 is 50%', () => {
    expect(point('>=', 0.1, 3, 3000)).toBe('at');
    expect(point('>=', 50, 12.5, 25)).toBe('at');
    expect(point('==', 50, 12.25, 25)).toBe('beyond');
    expect(point('>=', 98.5, 197, 200)).toBe('at');
  });

  it('exactly one part across the line is still beyond; more is not', () => {
    expect(point('<=', 10, 11, 100)).toBe('beyond');
    expect(point('<=', 10, 12, 100)).toBeUndefined();
    expect(point('>=', 10, 0, 0)).toBe('empty');
  });
});
