import { describe, expect, it } from 'vitest';
import { at, planMiss } from '../../src/evaluate/plan-miss.js';

describe('plan-miss', () => {
  it('at gives the entry the plan holds, including falsy ones', () => {
    expect(at(['a', 'b'], 1, 'letters')).toBe('b');
    expect(at([0, 1], 0, 'numbers')).toBe(0);
  });

  it('a miss names where and which index, as an internal error', () => {
    expect(() => at(['a'], 3, 'plan criteria')).toThrow(
      new RangeError('internal error: plan criteria has no entry at index 3'),
    );
    expect(planMiss('tiers', -1).message).toBe('internal error: tiers has no entry at index -1');
  });
});
