/**
 * The one placeholder filler: `{name}` and the agreeing word `{name|one|other}` ("1 more point",
 * "3 more points").
 */
import { describe, expect, it } from 'vitest';
import { interpolate, placeholders } from '../../src/diagnostics/interpolate.js';

describe('interpolate', () => {
  it('fills names from the params own keys, and leaves a forgotten one as written', () => {
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(interpolate('{constructor}', {})).toBe('{constructor}');
    expect(interpolate('{a}', {}, (name) => `<${name}>`)).toBe('<a>');
  });

  it('writes the word that agrees with the number: one only for exactly 1', () => {
    const t = '{n} more {n|point|points}';
    expect(interpolate(t, { n: 1 })).toBe('1 more point');
    expect(interpolate(t, { n: '1' })).toBe('1 more point');
    expect(interpolate(t, { n: 0 })).toBe('0 more points');
    expect(interpolate(t, { n: 3 })).toBe('3 more points');
    expect(interpolate(t, { n: '1.5' })).toBe('1.5 more points');
    expect(interpolate(t, { n: '1,000' })).toBe('1,000 more points');
    // Either form may be empty or several words.
    expect(interpolate('{n|criterion does|criteria do} not apply', { n: 2 })).toBe('criteria do not apply');
    expect(interpolate('point{n||s}', { n: 1 })).toBe('point');
  });

  it('an agreeing word whose number is missing stays as written', () => {
    expect(interpolate('{n|point|points}', {})).toBe('{n|point|points}');
  });

  it('placeholders names each name once, sorted', () => {
    expect(placeholders('{b} {a} more {a|x|y}')).toEqual(['a', 'b']);
  });
});
